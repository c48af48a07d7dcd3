"""Grading answers: pure functions from (item, response, fact, deck) to a verdict.

Typed answers are compared by meaning, not by spelling: case, punctuation and articles are ignored;
dates match at the fact's precision in any common form (numeric dates are read day-first, 5/2/2021 is
5 February); numbers match as digits, with separators or in words; a surname alone names a person, and so
does an office or honorific with it ("President Putin"); aliases from the deck match; a small typo is
forgiven but pointed out. A near miss (right month and year but wrong day, a number within 10 %, a
misspelling too large to forgive) is graded wrong but shown as close, so the feedback is honest about how
far off the answer was.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..countries import country_of_demonym
from ..english import MONTH_WORDS
from ..extract.lexicon import HONORIFICS, TITLE_MODIFIERS, TITLE_WORDS
from ..model import DateValue, Deck, Fact, Item
from ..numbers import parse_number
from ..text import normalize

# Verdicts, best first. "typo" counts as right; "near" counts as wrong.
RIGHT, TYPO, NEAR, WRONG = "right", "typo", "near", "wrong"
VERDICTS = (RIGHT, TYPO, NEAR, WRONG)

# Typed answers are read day-first: 5/2/2021 is 5 February 2021. The prompt says so.
DATE_CONVENTION = "numeric dates are day-first: 5/2/2021 is 5 February 2021"

Response = str | bool | tuple[str, ...]


@dataclass(frozen=True)
class Grade:
    verdict: str
    shown: str  # the response as the person gave it, for feedback and the review log
    note: str | None = None  # "almost — you wrote …", "close: right month and year, wrong day"

    @property
    def correct(self) -> bool:
        return self.verdict in (RIGHT, TYPO)


# --- answers as typed --------------------------------------------------------------------------

# Bytes standard input could not decode come in as lone surrogates (errors="surrogateescape"): U+DC80 to
# U+DCFF stand for the bytes 0x80 to 0xFF. SQLite (UTF-8) and the terminal cannot hold a lone surrogate.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def escape_undecodable(text: str) -> str:
    """`text` with every lone surrogate shown as `\\xNN` (an undecodable byte) or `\\uXXXX` (any other),
    so an answer typed in another encoding can be graded, shown and stored as what was typed."""

    def shown(m: re.Match[str]) -> str:
        n = ord(m.group())
        return f"\\x{n - 0xDC00:02x}" if 0xDC80 <= n <= 0xDCFF else f"\\u{n:04x}"

    return _SURROGATE_RE.sub(shown, text)


def storable(response: Response) -> Response:
    """A response with its text made storable (escape_undecodable), whatever its form."""
    if isinstance(response, str):
        return escape_undecodable(response)
    if isinstance(response, tuple):
        return tuple(escape_undecodable(r) for r in response)
    return response


# --- normalising text --------------------------------------------------------------------------

# Dashes and curly quotes as typed answers write them, made plain before the accents go.
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def fold_for_grading(text: str) -> str:
    """An answer as grading compares it: text.normalize (lower case, no punctuation, no articles, single
    spaces), and also no accents ('Café' is 'cafe'), no possessive 's and no full stops ('U.S.' is 'us')."""
    text = _without_accents(text.translate(_QUOTES)).lower()
    return _without_accents(normalize(text.replace("'s ", " ").replace(".", "")))


def _without_accents(text: str) -> str:
    # NFKD after text.normalize's NFKC too: the letters stay decomposed (Hangul as jamo, which typo
    # distances count), as grading always compared them.
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# --- dates -------------------------------------------------------------------------------------


def parse_typed_date(text: str) -> DateValue | None:
    """Read a date as a person types it, in any common way; None when it is not one. (An article's dates,
    relative ones too, are extract.dates.parse_date's.)

    ISO (2021-02-05, 2021-02, 2021), numeric day-first (5/2/2021, 05.02.2021, 5-2-21), and with a month
    name in either order (Feb 5, 2021; 5th of February 2021; February 2021; 5 February).
    """
    t = text.strip().lower()
    m = re.fullmatch(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?", t)
    if m:
        return _checked(int(m.group(1)), _int(m.group(2)), _int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{4})", t)
    if m:
        return _checked(int(m.group(2)), int(m.group(1)), None)
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?", t)
    if m:
        year = _int(m.group(3))
        if year is not None and year < 100:
            year += 2000
        return _checked(year, int(m.group(2)), int(m.group(1)))
    words = re.sub(r"(\d+)(st|nd|rd|th)\b", r"\1", t)
    words = re.sub(r"[,.]", " ", words).split()
    words = [w for w in words if w not in ("of", "the", "on", "in")]
    month = day = year = None
    for w in words:
        if w in MONTH_WORDS and month is None:
            month = MONTH_WORDS[w]
        elif w.isdigit() and len(w) == 4 and year is None:
            year = int(w)
        elif w.isdigit() and len(w) <= 2 and day is None:
            day = int(w)
        else:
            return None
    return None if month is None else _checked(year, month, day)


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _checked(year: int | None, month: int | None, day: int | None) -> DateValue | None:
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    if day is not None and month is None:
        return None
    return DateValue(year, month, day)


def _grade_date(want: DateValue, got: DateValue) -> tuple[str, str | None]:
    """Compare at the fact's precision: extra detail the fact does not have is not held against you."""
    parts = [("year", want.year, got.year), ("month", want.month, got.month), ("day", want.day, got.day)]
    needed = [(name, w, g) for name, w, g in parts if w is not None]
    wrong = [name for name, w, g in needed if g is not None and g != w]
    missing = [name for name, w, g in needed if g is None]
    if not wrong and not missing:
        return RIGHT, None
    if not wrong:
        return NEAR, f"close, but the {' and '.join(missing)} is missing"
    # The note names only the parts the fact has: "5 February" has no year to be right about.
    if wrong == ["day"] and not missing:
        return NEAR, f"close: right month{' and year' if want.year is not None else ''}, wrong day"
    if wrong == ["month"] and not missing and want.day is None and want.year is not None:
        return NEAR, "close: right year, wrong month"
    return WRONG, None


# --- numbers -----------------------------------------------------------------------------------

# --- names -------------------------------------------------------------------------------------


def _is_person(answer: str, deck: Deck) -> bool:
    entity = next((e for e in deck.entities if answer == e.name or answer in e.aliases), None)
    return entity is not None and entity.type == "person"


def accepted_names(answer: str, deck: Deck) -> set[str]:
    """Every normalised way to say `answer`: its aliases, and for a person the surname alone."""
    names = {answer, *deck.aliases_of(answer)}
    if _is_person(answer, deck):
        names |= {n.split()[-1] for n in list(names) if n.split()}
    return {fold_for_grading(n) for n in names if fold_for_grading(n)}


# Words of an office or honorific a person may be named by: "President Putin", "Russian Foreign Minister
# Lavrov", "Mr Lavrov". Whether the office is the person's is not graded: the question asked for the person.
_TITLE_HEADS = TITLE_WORDS | HONORIFICS
_TITLE_PARTS = _TITLE_HEADS | TITLE_MODIFIERS


def without_title(got: str) -> str:
    """A normalised answer without the office or honorific before a name: 'president putin' → 'putin'.
    Unchanged when no office word leads, or when nothing would be left."""
    words = got.split()
    n = 0
    while n < len(words) - 1 and (words[n] in _TITLE_PARTS or country_of_demonym(words[n])):
        n += 1
    return " ".join(words[n:]) if any(w in _TITLE_HEADS for w in words[:n]) else got


def _typo_allowance(length: int) -> int:
    """Edits forgiven as a typo: none for short words (where one letter changes the word), then 1, then 2."""
    if length < 4:
        return 0
    return 1 if length < 9 else 2


def _grade_text(accepted: set[str], got: str) -> tuple[str, str | None]:
    from rapidfuzz.distance import Levenshtein
    from rapidfuzz.fuzz import ratio

    if got in accepted:
        return RIGHT, None
    best = min(accepted, key=lambda a: (Levenshtein.distance(a, got), a))
    distance = Levenshtein.distance(best, got)
    if distance <= _typo_allowance(len(best)):
        return TYPO, None
    if ratio(best, got) >= 75:
        return NEAR, "close, but not the same name or words"
    return WRONG, None


# --- grading -----------------------------------------------------------------------------------


def truth_of(item: Item) -> bool:
    """A true/false item's right answer as a bool."""
    return fold_for_grading(item.answer) in ("true", "yes", "right", "correct", "t")


def grade(item: Item, response: Response, fact: Fact | None, deck: Deck) -> Grade:
    """Grade one response. `response` is a bool for true/false, a tuple (the events in the order given)
    for a timeline, the chosen text for multiple choice, and the typed text otherwise."""
    if item.type == "true_false":
        if not isinstance(response, bool):
            raise TypeError("a true/false item takes a bool")
        shown = "true" if response else "false"
        return Grade(RIGHT if response == truth_of(item) else WRONG, shown)
    if item.type == "timeline":
        given = tuple(response) if not isinstance(response, str | bool) else ()
        shown = " → ".join(given)
        if given == item.order:
            return Grade(RIGHT, shown)
        if _one_swap(given, item.order):
            return Grade(NEAR, shown, "close: two neighbouring events are swapped")
        return Grade(WRONG, shown)
    if not isinstance(response, str):
        raise TypeError(f"a {item.type} item takes text")
    if item.type in ("multiple_choice", "who_said") and item.choices:
        return Grade(RIGHT if fold_for_grading(response) == fold_for_grading(item.answer) else WRONG, response)
    return grade_typed(item.answer, response, fact, deck)


def _one_swap(given: Sequence[str], order: Sequence[str]) -> bool:
    if len(given) != len(order):
        return False
    diff = [i for i, (a, b) in enumerate(zip(given, order, strict=True)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and given[diff[0]] == order[diff[1]]


def grade_typed(answer: str, response: str, fact: Fact | None, deck: Deck) -> Grade:
    """Grade a typed answer against the right `answer` (of `fact`, when there is one)."""
    got = fold_for_grading(response)
    shown = response.strip()
    if not got:
        return Grade(WRONG, shown)
    # A date answer: compare dates at the fact's precision.
    want_date = _date_for(answer, fact)
    if want_date is not None:
        got_date = parse_typed_date(response)
        if got_date is not None:
            verdict, note = _grade_date(want_date, got_date)
            return Grade(verdict, shown, note)
    # A number answer: compare values.
    want_number = _number_for(answer, fact)
    if want_number is not None:
        got_number = parse_number(response)
        if got_number is not None:
            if _same_number(want_number, got_number):
                return Grade(RIGHT, shown)
            if abs(got_number - want_number) <= 0.1 * abs(want_number):
                return Grade(NEAR, shown, "close, but not the exact number")
            return Grade(WRONG, shown)
    if _is_person(answer, deck):
        got = without_title(got)
    verdict, note = _grade_text(accepted_names(answer, deck), got)
    if verdict == TYPO:
        note = f"almost — you wrote {shown!r}"
    return Grade(verdict, shown, note)


def _same_number(want: float, got: float) -> bool:
    # "by half" is 0.5; someone may write "50%" (0.5 already) or "50" meaning per cent.
    return abs(want - got) < 1e-9 or (0 < want < 1 and abs(want * 100 - got) < 1e-9)


def _date_for(answer: str, fact: Fact | None) -> DateValue | None:
    if fact is not None and fact.date is not None and fold_for_grading(answer) == fold_for_grading(fact.answer):
        return fact.date
    return parse_typed_date(answer)


def _number_for(answer: str, fact: Fact | None) -> float | None:
    if (
        fact is not None
        and fact.quantity is not None
        and fold_for_grading(answer) in (fold_for_grading(fact.answer), fold_for_grading(fact.quantity.text))
    ):
        return fact.quantity.value
    if re.fullmatch(r"[\d,. ]+", answer.strip()):
        return parse_number(answer)
    return None
