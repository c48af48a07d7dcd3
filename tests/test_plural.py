"""Counts in messages take the noun's number: "1 question", never "1 questions" (#13, item 6)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import run_cli

from quizgen.plural import counted
from quizgen.quiz.stats import Stats, lines


def test_counted():
    assert [counted(n, "item") for n in (0, 1, 2)] == ["0 items", "1 item", "2 items"]
    assert counted(1, "entity", "entities") == "1 entity" and counted(3, "entity", "entities") == "3 entities"


def test_stats_of_one_item_one_review_one_day():
    day = dt.date(2026, 12, 2)
    s = Stats(1, 0, 1, 0, 0, 1, 1, recent=1, recent_right=1, upcoming=[(day, 1)])
    text = lines("Deck", s)
    assert text[0] == "Deck: 1 item"
    assert text[3] == "  retention: 100% right over the last 1 review"
    assert text[4] == "Upcoming reviews (next 1 day):"


def test_quiz_of_one_question(tmp_path, sample_deck_path):
    store = str(tmp_path / "s.sqlite3")
    result = run_cli("quiz", str(sample_deck_path), "--store", store, "--count", "1", "--plain", input="x\n")
    assert result.returncode == 0, result.stderr
    assert ": 1 question (0 due, 1 new)" in result.stdout


def test_check_counts_one_more_missing_source(tmp_path: Path):
    from quizgen.deck import save_deck
    from quizgen.model import Deck, Evidence, Fact, Source

    sources = [Source(f"s{i}", f"s{i}.txt") for i in range(6)]
    facts = [
        Fact(f"f{i}", "date", "X", "2021", "X ends in 2021.", [Evidence(f"s{i}", "It ends in 2021.")]) for i in range(6)
    ]
    save_deck(Deck("Moved", sources, [], facts), tmp_path / "d.yaml")
    result = run_cli("check", str(tmp_path / "d.yaml"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines()[-1].endswith("1 more source not found; its evidence was not checked")


def test_no_new_item_of_one():
    from quiz_items import sample_items

    from quizgen.errors import QuizgenError
    from quizgen.quiz.scheduler import CardState
    from quizgen.quiz.session import select_items

    item = sample_items()[0]
    now = dt.datetime(2026, 12, 2, tzinfo=dt.UTC)
    card = CardState(item.id, "{}", "review", now + dt.timedelta(days=3), now, reps=1)
    with pytest.raises(QuizgenError, match="no new items: the one item has been reviewed; the next is due in 3 days"):
        select_items([item], {item.id: card}, now, new_only=True)
