"""One of each English and number table (#15, item 2): months, past tenses, articles and fractions live in
quizgen.english and quizgen.numbers, and the functions that read them agree where they meet."""

from __future__ import annotations

import re
import unicodedata

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from quizgen import english, numbers
from quizgen.corpus import find_published
from quizgen.extract.dates import parse_date
from quizgen.extract.quantities import parse_number as quantity_value
from quizgen.model import DateValue
from quizgen.questions.phrasing import base_form
from quizgen.quiz.grading import fold_for_grading, parse_typed_date
from quizgen.text import normalize

SOURCE = ROOT / "quizgen"
_MONTH_WORD = (
    r"january|february|march|april|june|july|august|september|october|november|december"
    r"|jan|feb|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# A month quoted as a table entry ("january", 'Feb'), or two months a few characters apart (a list or a regex
# alternation: "January|February", "jan(?:uary)?|feb(?:ruary)?").
_MONTH_TABLE = re.compile(rf"""(?i)["'](?:{_MONTH_WORD})["']|\b(?:jan|january)\b.{{0,40}}\b(?:feb|february)\b""")


def _sources() -> list[tuple[str, str]]:
    return [(str(p.relative_to(ROOT)), p.read_text("utf-8")) for p in sorted(SOURCE.rglob("*.py"))]


def test_months_are_listed_only_in_english_py() -> None:
    found = [
        f"{name}:{text.count(chr(10), 0, m.start()) + 1}: {m.group()}"
        for name, text in _sources()
        if name != "quizgen/english.py"
        for m in _MONTH_TABLE.finditer(text)
    ]
    assert found == [], "a second table of months; take them from quizgen.english:\n" + "\n".join(found)


def test_the_check_for_month_tables_finds_one() -> None:
    """The test above must see the tables it forbids: each form the four old tables had."""
    assert _MONTH_TABLE.search('    "january",\n')
    assert _MONTH_TABLE.search('_MONTH = r"(?:January|February|March)"')
    assert _MONTH_TABLE.search('r"(?P<m>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?)"')
    assert _MONTH_TABLE.search('("september", "sep", "sept"),')
    assert not _MONTH_TABLE.search("# 29 February is allowed in a leap year")


# A fraction quoted as a table's key or entry: "half": 0.5, ("by a third", …).
_FRACTION_ENTRY = re.compile(
    r"""["'](?:a |one |by |by a )?(?:half|halves|thirds?|quarters?|tenth|two[- ]thirds)["']\s*[:,)]"""
)


def test_numbers_and_fractions_are_tabled_only_in_numbers_py() -> None:
    found = [
        f"{name}:{n}: {line.strip()}"
        for name, text in _sources()
        if name != "quizgen/numbers.py"
        for n, line in enumerate(text.splitlines(), 1)
        if not line.lstrip().startswith("#") and _FRACTION_ENTRY.search(line)
    ]
    assert found == [], "a second table of fractions; take them from quizgen.numbers:\n" + "\n".join(found)
    assert _FRACTION_ENTRY.search('    "half": 0.5, "a half": 0.5,') and _FRACTION_ENTRY.search('(0.1, "by a tenth"),')


def test_one_atomic_write_helper() -> None:
    """paths.write_atomic is the one writer through a temporary file and a rename; others call it."""
    defining = [name for name, text in _sources() if re.search(r"^def write_atomic\b", text, re.M)]
    renaming = [name for name, text in _sources() if re.search(r"\bos\.(?:replace|rename)\(", text)]
    assert defining == ["quizgen/paths.py"]
    assert renaming == ["quizgen/paths.py"]


@pytest.mark.parametrize(("word", "month"), sorted(english.MONTH_WORDS.items()))
def test_every_reader_of_dates_knows_every_month_word(word: str, month: int) -> None:
    for shown in (word, word.capitalize(), word.upper()):
        assert parse_date(f"5 {shown} 2021") == (DateValue(2021, month, 5), None)
        assert parse_typed_date(f"5 {shown} 2021") == DateValue(2021, month, 5)
        assert english.month_number(shown + ".") == month
    # A page's publication line is read with full month names only, as before.
    assert find_published(f"Published 5 {word.capitalize()} 2021") == (
        f"2021-{month:02}-05" if word in english.MONTH_NAMES else None
    )


_month_words = st.sampled_from(sorted(english.MONTH_WORDS))


@given(
    st.integers(1, 28),
    st.integers(1000, 2999),
    _month_words,
    st.sampled_from(["{d} {m} {y}", "{d}th of {m} {y}", "{m} {d}, {y}", "{m} {y}", "{d} {m}", "{m} {d}"]),
)
def test_article_and_typed_dates_agree_on_month_names(day: int, year: int, word: str, form: str) -> None:
    """The two date readers differ in purpose (an article's dates, relative ones too; a typed answer, numeric
    ones day-first) but share the months, and read a date written with a month's name the same."""
    text = form.format(d=day, m=word, y=year)
    want = DateValue(year if "{y}" in form else None, english.MONTH_WORDS[word], day if "{d}" in form else None)
    assert parse_date(text) == (want, None), text
    assert parse_typed_date(text) == want, text


def _old_grading_normalize(text: str) -> str:
    """quiz/grading.py's own normalize before it was built on text.normalize (the oracle)."""
    quotes = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    text = unicodedata.normalize("NFKD", text.translate(quotes))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s]", " ", text.replace("'s ", " ").replace(".", ""))
    return " ".join(w for w in text.split() if w not in {"a", "an", "the"})


_answers = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("aAeEsStT .,'’‘“”–—-!?()&:;/\"éÉçøłßİıǅﬁ½²ᴬ한국Å\u0301\u0308\u093e\u0947\u00a0\u2009")),
        st.characters(codec="utf-8", exclude_categories=("Cs",)),
    ),
    max_size=24,
)


@given(_answers)
def test_grading_fold_is_text_normalize_with_accents_folded(text: str) -> None:
    """One normalize: the grading fold is built on text.normalize and compares answers as it always did."""
    assert fold_for_grading(text) == _old_grading_normalize(text)


@given(st.text(alphabet=st.sampled_from(list('abcdeXYZ 0123,;:!?()-"')), max_size=30))
def test_grading_fold_and_normalize_agree_on_plain_text(text: str) -> None:
    """Without accents, full stops or apostrophes there is nothing for grading to fold: the two agree."""
    assert fold_for_grading(text) == normalize(text)


def test_past_tenses_are_one_table() -> None:
    assert english.past("break") == "broke"  # extraction wrote "breaked" from a table without it
    assert english.past("leave") == "left" and english.past("ban") == "banned" and english.past("deny") == "denied"
    # Questions turn back only the verbs they know, whatever the table of pasts holds.
    assert base_form("broke") == "break" and base_form("withdrew") == "withdraw" and base_form("signs") == "sign"
    assert base_form("sent") is None and base_form("bought") is None
    assert all(english.past(base) == p for p, base in english.QUESTION_PASTS.items())


def test_indefinite_article() -> None:
    assert [english.indefinite_article(w) for w in ("analyst", "hydrologist", "Envoy", "")] == ["an", "a", "an", "an"]


@pytest.mark.parametrize("word", ["half", "third", "quarter"])
def test_fraction_tables_agree(word: str) -> None:
    value = numbers.PARTS[word]
    assert numbers.WRITTEN_FRACTIONS[word] == numbers.WRITTEN_FRACTIONS[f"a {word}"] == value
    assert numbers.parse_number(word) == value  # a typed answer
    assert quantity_value(f"by {word}") == quantity_value(f"by a {word}") == value  # an article's quantity
    assert (value, f"by {'half' if word == 'half' else 'a ' + word}") in numbers.CUTS  # a false version


def test_cuts_are_ordered_and_distinct() -> None:
    values = [v for v, _ in numbers.CUTS]
    assert values == sorted(set(values))
