"""Numbers as people write them: digits with separators, words ("one thousand five hundred fifty"),
fractions ("half"). Pure functions, shared by extraction and grading."""

from __future__ import annotations

import re
from collections.abc import Sequence

_UNITS = {
    w: i
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

# Ordinals in words, first to thirty-first (a day of the month: 'the twenty-ninth of March').
ORDINAL_WORDS: tuple[str, ...] = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
    "twenty-second",
    "twenty-third",
    "twenty-fourth",
    "twenty-fifth",
    "twenty-sixth",
    "twenty-seventh",
    "twenty-eighth",
    "twenty-ninth",
    "thirtieth",
    "thirty-first",
)
# Ordinal word → number.
ORDINALS: dict[str, int] = {w: i for i, w in enumerate(ORDINAL_WORDS, 1)}
# Words that count times → how many: "at least once a year".
TIMES: dict[str, int] = {"once": 1, "twice": 2}

# ---- fractions: every table of them is built from PARTS, so they agree on every value ----------------------

# One part of a whole, by its word.
PARTS: dict[str, float] = {"tenth": 1 / 10, "quarter": 1 / 4, "third": 1 / 3, "half": 1 / 2}
# Fractions as an article writes them ("cut by half", "a third of", "two-thirds") → value.
WRITTEN_FRACTIONS: dict[str, float] = {
    "half": PARTS["half"], "a half": PARTS["half"],
    "third": PARTS["third"], "a third": PARTS["third"], "one third": PARTS["third"],
    "quarter": PARTS["quarter"], "a quarter": PARTS["quarter"],
    "two-thirds": 2 * PARTS["third"], "two thirds": 2 * PARTS["third"],
}  # fmt: skip
# Fraction words that are a number by themselves ("by half").
FRACTION_WORDS = frozenset({"half", "third", "quarter", "two-thirds"})
# Words that count or divide without digits: "by half", "dozens of", "twice a year".
NUMBER_WORDS = FRACTION_WORDS | {"twice", "double", "dozen", "dozens", "hundreds", "thousands"}
# Fraction words a number in words may be ("half", "halves"): a typed answer or a quantity read word by word.
_FRACTION_VALUES = {
    "half": PARTS["half"],
    "halves": PARTS["half"],
    "third": PARTS["third"],
    "quarter": PARTS["quarter"],
}
# A cut by a fraction, as an article writes it, smallest first: false versions of "reduce … by half".
CUTS: tuple[tuple[float, str], ...] = (
    (PARTS["tenth"], "by a tenth"),
    (PARTS["quarter"], "by a quarter"),
    (PARTS["third"], "by a third"),
    (PARTS["half"], "by half"),
    (2 * PARTS["third"], "by two thirds"),
    (3 * PARTS["quarter"], "by three quarters"),
)


def parse_number(text: str) -> float | None:
    """The number a short answer states: 1550, 1,550, 1 550, 1.550, one thousand five hundred fifty,
    fifteen hundred and fifty, half, 50%. None when there is none."""
    t = text.strip().lower().replace("\u202f", " ").replace("\xa0", " ")
    m = re.search(r"(\d{1,3}(?:([,. ])\d{3})(?:\2\d{3})*|\d+(?:\.\d+)?)\s*(%|per ?cent)?", t)
    if m:
        digits = m.group(1)
        if m.group(2):
            digits = digits.replace(m.group(2), "")
        value = float(digits)
        return value / 100 if m.group(3) else value
    return words_to_number(re.sub(r"[-,]", " ", t).split())


def words_to_number(words: Sequence[str]) -> float | None:
    total = current = 0
    seen = False
    for w in words:
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        elif w in _FRACTION_VALUES and not seen:
            return _FRACTION_VALUES[w]
        elif w == "and" and seen:
            continue
        elif seen:
            break  # "one thousand five hundred fifty warheads": the number ends here
        else:
            continue  # "by half", "about 1,550": words before the number
        seen = True
    return float(total + current) if seen else None
