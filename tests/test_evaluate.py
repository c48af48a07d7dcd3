"""The gold scorer (quizgen/evaluate.py): matching as in ../shared/gold/README.md."""

from __future__ import annotations

from quizgen.evaluate import GoldFact, score
from quizgen.model import DateValue, Deck, Evidence, Fact, Source

SENTENCE = "The talks ended on Tuesday and the treaty was signed on 5 May 2020."


def fact(fid: str, answer: str, date: DateValue) -> Fact:
    return Fact(fid, "date", "X", answer, f"It happened on {answer}.", [Evidence("a1", SENTENCE)], date=date)


def test_relative_gold_dates_are_neither_found_nor_missed_nor_wrong():
    deck = Deck(
        "t",
        [Source("a1", "a1.txt")],
        [],
        [
            fact("d1", "5 May 2020", DateValue(2020, 5, 5)),
            fact("d2", "Tuesday", DateValue(2020, 5, 5)),  # resolved with a publication date
            fact("d3", "5 June 2020", DateValue(2020, 6, 5)),  # matches nothing: wrong
        ],
    )
    gold = [
        GoldFact("a1", "date", "5 May 2020", SENTENCE),
        GoldFact("a1", "date", "Tuesday", SENTENCE, relative=True),
    ]
    table = score(deck, gold)
    assert (table["all"].gold, table["all"].found) == (1, 1)
    assert (table["all"].facts, table["all"].correct) == (2, 1)  # d2 left out, d3 wrong
