from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from quiz_items import sample_deck, sample_items

from quizgen.model import DateValue
from quizgen.quiz.grading import NEAR, RIGHT, TYPO, WRONG, grade, grade_typed, parse_number
from quizgen.quiz.grading import fold_for_grading as normalize
from quizgen.quiz.grading import parse_typed_date as parse_date

DECK = sample_deck()
ITEMS = {i.id: i for i in sample_items(DECK)}


def typed(item_id: str, response: str):
    item = ITEMS[item_id]
    return grade(item, response, DECK.fact(item.fact), DECK)


@pytest.mark.parametrize(
    "response",
    [
        "5 February 2021",
        "Feb 5, 2021",
        "February 5th, 2021",
        "5/2/2021",
        "05.02.2021",
        "2021-02-05",
        "the 5th of Feb 2021",
    ],
)
def test_dates_in_any_common_form_match(response):
    assert typed("date-new-start-expiry:typed", response).verdict == RIGHT


def test_numeric_dates_are_day_first():
    # 2/5/2021 is 2 May 2021 under the stated day-first convention: same month and year? no — wrong month.
    assert typed("date-new-start-expiry:typed", "2/5/2021").verdict == WRONG


@pytest.mark.parametrize("response", ["April 2010", "apr 2010", "2010-04", "4/2010", "15 April 2010"])
def test_month_precision_dates_match_at_that_precision(response):
    assert typed("date-new-start-signing:typed", response).verdict == RIGHT


def test_date_near_misses_are_wrong_but_shown():
    g = typed("date-new-start-expiry:typed", "6 February 2021")
    assert (g.verdict, g.correct) == (NEAR, False)
    assert "wrong day" in g.note
    g = typed("date-new-start-signing:typed", "2010")
    assert g.verdict == NEAR and "month is missing" in g.note
    assert typed("date-new-start-signing:typed", "May 2011").verdict == WRONG


@pytest.mark.parametrize(
    "response",
    [
        "1550",
        "1,550",
        "1 550",
        "1.550",
        "one thousand five hundred fifty",
        "One thousand, five hundred and fifty",
        "fifteen hundred fifty",
        "1,550 warheads",
    ],
)
def test_numbers_as_digits_separators_or_words(response):
    assert typed("limit-new-start-warheads:cloze", response).verdict == RIGHT


def test_number_near_miss_and_wrong():
    assert typed("limit-new-start-warheads:cloze", "1500").verdict == NEAR
    assert typed("limit-new-start-warheads:cloze", "700").verdict == WRONG


def test_fractions():
    fact = DECK.fact("limit-new-start-missiles")
    for response in ("by half", "half", "50%", "0.5"):
        assert grade_typed(fact.answer, response, fact, DECK).verdict == RIGHT, response
    assert grade_typed(fact.answer, "a third", fact, DECK).verdict == WRONG


@pytest.mark.parametrize("response", ["Dmitry Medvedev", "Medvedev", "medvedev", "DMITRY MEDVEDEV."])
def test_surname_alone_matches_a_person(response):
    assert typed("signatory-new-start-medvedev:typed", response).verdict == RIGHT


def test_aliases_match():
    for response in ("USA", "US", "U.S.", "the United States", "america"):
        assert grade_typed("United States", response, None, DECK).verdict == RIGHT, response
    assert grade_typed("United States", "Russia", None, DECK).verdict == WRONG


def test_small_typos_forgiven_and_shown():
    g = typed("signatory-new-start-medvedev:typed", "Medvedv")
    assert (g.verdict, g.correct) == (TYPO, True)
    assert g.note == "almost — you wrote 'Medvedv'"
    assert typed("role-dmitry-peskov:typed", "Dmitri Peskov").verdict == TYPO


def test_bigger_misspellings_are_near_misses_and_others_wrong():
    g = typed("role-dmitry-peskov:typed", "Dmitry Peskovski")
    assert g.verdict == NEAR and not g.correct
    assert typed("role-dmitry-peskov:typed", "Sergey Lavrov").verdict == WRONG
    assert typed("role-dmitry-peskov:typed", "   ").verdict == WRONG


def test_short_words_get_no_typo_allowance():
    assert grade_typed("US", "UK", None, DECK).verdict == WRONG


def test_choice_true_false_and_timeline():
    mc = ITEMS["signatory-new-start-obama:multiple_choice"]
    assert grade(mc, "Barack Obama", None, DECK).correct
    assert not grade(mc, "Dmitry Medvedev", None, DECK).correct
    tf = ITEMS["position-china-rejects:true_false"]
    assert grade(tf, False, None, DECK).correct and not grade(tf, True, None, DECK).correct
    tl = ITEMS["timeline:new-start"]
    assert grade(tl, tl.order, None, DECK).verdict == RIGHT
    assert grade(tl, tuple(reversed(tl.order)), None, DECK).verdict == NEAR  # two events: one swap


def test_normalize_ignores_case_punctuation_articles():
    assert normalize("The Kremlin's  spokesman!") == normalize("kremlin spokesman")
    assert normalize("Café") == "cafe"


def test_parse_date_rejects_non_dates():
    assert parse_date("Barack Obama") is None
    assert parse_date("31/13/2020") is None
    assert parse_date("February") == DateValue(None, 2)


def _words(n: int) -> str:
    units = [
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
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    def below_thousand(k: int) -> list[str]:
        out = []
        if k >= 100:
            out += [units[k // 100], "hundred"]
            k %= 100
            if k:
                out.append("and")
        if k >= 20:
            out.append(tens[k // 10 - 2] + ("-" + units[k % 10] if k % 10 else ""))
        elif k or not out:
            out.append(units[k])
        return out

    if n >= 1000:
        rest = below_thousand(n % 1000) if n % 1000 else []
        return " ".join(below_thousand(n // 1000) + ["thousand"] + rest)
    return " ".join(below_thousand(n))


@given(st.integers(min_value=0, max_value=999_999))
def test_numbers_read_back_in_every_form(n):
    assert parse_number(str(n)) == n
    assert parse_number(f"{n:,}") == n
    assert parse_number(f"{n:,}".replace(",", " ")) == n
    assert parse_number(_words(n)) == n


@given(st.dates())
def test_dates_read_back_in_every_form(d):
    want = DateValue(d.year, d.month, d.day)
    if d.year < 1000:
        return  # four-digit years only
    for text in (d.isoformat(), f"{d.day}/{d.month}/{d.year}", d.strftime("%d %B %Y"), d.strftime("%b %d, %Y")):
        assert parse_date(text) == want, text


@pytest.mark.parametrize(
    "response", ["President Putin", "Russian President Putin", "President Vladimir Putin", "Mr. Putin", "Mr Putn"]
)
def test_an_office_or_honorific_with_the_surname_names_a_person(response):
    """#13, item 9: "President Putin" was graded wrong for Vladimir Putin."""
    assert grade_typed("Vladimir Putin", response, None, DECK).correct


@pytest.mark.parametrize("response", ["President Medvedev", "President", "Russian President", "Putin President"])
def test_an_office_does_not_make_another_name_right(response):
    assert not grade_typed("Vladimir Putin", response, None, DECK).correct


def test_a_near_miss_names_only_the_parts_the_date_has():
    """#13, item 10: a date with no year is not 'right month and year'."""
    g = grade_typed("5 February", "6 February", None, DECK)
    assert (g.verdict, g.note) == (NEAR, "close: right month, wrong day")
    g = grade_typed("5 February 2021", "6 February 2021", None, DECK)
    assert (g.verdict, g.note) == (NEAR, "close: right month and year, wrong day")
    assert grade_typed("February", "March", None, DECK).verdict == WRONG  # no year to be right about
    g = grade_typed("February 2021", "March 2021", None, DECK)
    assert (g.verdict, g.note) == (NEAR, "close: right year, wrong month")
