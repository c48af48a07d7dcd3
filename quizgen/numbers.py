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
_FRACTIONS = {"half": 0.5, "halves": 0.5, "third": 1 / 3, "quarter": 0.25}


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
        elif w in _FRACTIONS and not seen:
            return _FRACTIONS[w]
        elif w == "and" and seen:
            continue
        elif seen:
            break  # "one thousand five hundred fifty warheads": the number ends here
        else:
            continue  # "by half", "about 1,550": words before the number
        seen = True
    return float(total + current) if seen else None
