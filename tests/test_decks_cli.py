"""Deck management (#13) through the real command line: `quizgen decks`, `stats` over every deck, `reset`,
and an article given where a deck belongs. The store is a real SQLite file filled by real quizzes."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import sys
from pathlib import Path

import pexpect
import pytest
from conftest import DATA, ROOT, run_cli

from quizgen.deck import load_deck
from quizgen.questions import make_items
from quizgen.quiz.store import Store

# Our own prose, about 2.6 KB, as an article a newcomer might name instead of a deck.
ARTICLE = (
    "The two governments agreed on Tuesday to extend the arms treaty for another five years. "
    "Officials said the limits on deployed warheads would stay as they are, and inspections would resume.\n\n"
) * 14


def one_error_line(result, *fragments: str) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), result.stderr
    for f in fragments:
        assert f in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("suffix", "head"),
    [(".txt", ""), (".txt", "Update: talks in Geneva.\n\n"), (".html", "<html><body><p>"), (".yaml", "")],
)
def test_an_article_given_as_a_deck_is_one_short_line(tmp_path, suffix, head):
    # Prose YAML reads as one string; a "Word: " line makes it a YAML syntax error instead.
    article = tmp_path / f"article{suffix}"
    text = head + ARTICLE
    article.write_text(text)
    assert len(text) > 2500
    store = str(tmp_path / "s.sqlite3")
    for command in (
        ["quiz", str(article), "--store", store],
        ["questions", str(article)],
        ["export", str(article), "-o", str(tmp_path / "out.apkg")],
        ["check", str(article)],
        ["stats", str(article), "--store", store],
        ["reset", str(article), "--store", store],
    ):
        line = one_error_line(
            run_cli(*command, input=""),
            f"{article}: this looks like an article",
            f"run `quizgen extract {article} -o deck.yaml`",
        )
        assert "two governments" not in line and "warheads" not in line  # never the file's text
        assert len(line) < 150 + 2 * len(str(article)), line
    assert not (tmp_path / "out.apkg").exists()


# --- a real store, filled by real quizzes on two decks ------------------------------------------------------

BUNDLED = ROOT / "quizgen" / "data" / "new-start.yaml"
SAMPLE = DATA / "sample-deck.yaml"
BUNDLED_ANSWERS, SAMPLE_ANSWERS = 3, 2


def quiz(store: Path, deck: Path | None, answers: int) -> None:
    # Typed questions only: each piped line answers one question.
    where = [str(deck)] if deck else []
    result = run_cli(
        "quiz", *where, "--plain", "--types", "typed", "-n", str(answers), "--store", str(store),
        input="not it\n" * answers,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"Quiz finished: 0 of {answers} right" in result.stdout, result.stdout


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    """A store with 3 answers on the bundled deck (the default deck) and 2 on the sample deck."""
    store = tmp_path_factory.mktemp("filled") / "reviews.sqlite3"
    quiz(store, None, BUNDLED_ANSWERS)
    quiz(store, SAMPLE, SAMPLE_ANSWERS)
    return store


@pytest.fixture
def store(filled, tmp_path) -> Path:
    """A copy of the filled store, for a test to change."""
    copy = tmp_path / "reviews.sqlite3"
    for suffix in ("", "-wal"):
        if Path(f"{filled}{suffix}").exists():
            shutil.copy(f"{filled}{suffix}", f"{copy}{suffix}")
    return copy


def item_count(deck: Path) -> int:
    return len(make_items(load_deck(deck)))


def reviews_by_deck(store: Path) -> tuple[int, int]:
    """(reviews of the bundled deck's items, reviews of the sample deck's items), read from the store."""
    bundled = {i.id for i in make_items(load_deck(BUNDLED))}
    sample = {i.id for i in make_items(load_deck(SAMPLE))}
    with Store(store, readonly=True) as s:
        ids = [r.item_id for r in s.reviews()]
        assert set(ids) <= bundled | sample
        return sum(1 for i in ids if i in bundled), sum(1 for i in ids if i in sample)


def test_decks_lists_every_deck_with_its_counts(filled):
    result = run_cli("decks", "--store", str(filled))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert re.fullmatch(r"DECK +ITEMS +NEW +DUE +LAST STUDIED +FILE", lines[0]), lines[0]
    for title, deck, answered in (
        ("New START", BUNDLED, BUNDLED_ANSWERS),
        ("New START sample", SAMPLE, SAMPLE_ANSWERS),
    ):
        items = item_count(deck)
        row = re.compile(
            rf"{re.escape(title)} +{items} +{items - answered} +[0-{answered}] +\d{{4}}-\d\d-\d\d \d\d:\d\d +"
            + re.escape(str(deck.resolve()))
        )
        assert sum(1 for line in lines if row.fullmatch(line)) == 1, (title, result.stdout)
    assert lines[-1] == f"Review store: {filled}"

    listed = json.loads(run_cli("decks", "--store", str(filled), "--format", "json").stdout)
    assert listed["store"] == str(filled) and listed["unattached_items"] == 0
    by_title = {d["title"]: d for d in listed["decks"]}
    assert set(by_title) == {"New START", "New START sample"}
    assert by_title["New START"]["reviewed"] == BUNDLED_ANSWERS
    assert by_title["New START sample"]["new"] == item_count(SAMPLE) - SAMPLE_ANSWERS
    assert all(d["last_studied"] and d["file_problem"] is None for d in listed["decks"])


def test_decks_on_no_store_creates_none(tmp_path):
    store = tmp_path / "none.sqlite3"
    result = run_cli("decks", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert f"No decks in the review store {store} yet" in result.stdout
    assert not store.exists()


def test_stats_without_a_deck_shows_every_deck_and_the_store(filled):
    result = run_cli("stats", env={"QUIZGEN_STORE": str(filled)})
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0] == f"Review store: {filled}"
    assert f"New START: {item_count(BUNDLED)} items" in out
    assert f"New START sample: {item_count(SAMPLE)} items" in out
    assert f"retention: 0% right over the last {BUNDLED_ANSWERS} reviews" in out
    assert f"retention: 0% right over the last {SAMPLE_ANSWERS} reviews" in out
    # A deck named: that deck alone, and the store still named.
    named = run_cli("stats", str(SAMPLE), "--store", str(filled)).stdout
    assert f"Review store: {filled}" in named and "New START sample: " in named and "New START: " not in named


def test_reset_yes_clears_one_deck_only(store):
    assert reviews_by_deck(store) == (BUNDLED_ANSWERS, SAMPLE_ANSWERS)
    result = run_cli("reset", str(SAMPLE), "--yes", "--store", str(store))
    assert result.returncode == 0, result.stderr
    assert "Cleared 'New START sample': 2 items new again, 2 reviews deleted." in result.stdout
    assert reviews_by_deck(store) == (BUNDLED_ANSWERS, 0)
    listed = {
        d["title"]: d for d in json.loads(run_cli("decks", "--store", str(store), "--format", "json").stdout)["decks"]
    }
    assert (
        listed["New START sample"]["new"] == item_count(SAMPLE) and listed["New START sample"]["last_studied"] is None
    )
    assert listed["New START"]["reviewed"] == BUNDLED_ANSWERS
    # By title too, as `decks` lists it; a second reset has nothing left to clear.
    again = run_cli("reset", "New START sample", "--yes", "--store", str(store))
    assert again.returncode == 0 and "Nothing to clear" in again.stdout
    one_error_line(run_cli("reset", "No Such Deck", "--yes", "--store", str(store)), "`quizgen decks` lists")


def test_reset_without_a_terminal_refuses(store):
    # Not even a "y" piped in clears: a script says --yes.
    result = run_cli("reset", str(SAMPLE), "--store", str(store), input="y\n")
    one_error_line(result, "without asking", "--yes")
    assert reviews_by_deck(store) == (BUNDLED_ANSWERS, SAMPLE_ANSWERS)


def spawn_reset(store: Path, deck: str):
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizgen", "reset", deck, "--store", str(store)],
        cwd=str(ROOT),
        encoding="utf-8",
        timeout=30,
    )
    child.expect_exact("Clear progress of 2 items of 'New START sample' (2 reviews)? [y/N] ")
    return child, pexpect


@pytest.mark.parametrize(("keys", "status"), [("n\r", 1), ("\r", 1), ("\x04", 1), ("\x03", 130)])
def test_reset_on_a_terminal_keeps_unless_told_yes(store, keys, status):
    child, pexpect = spawn_reset(store, str(SAMPLE))
    child.send(keys)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == status
    assert reviews_by_deck(store) == (BUNDLED_ANSWERS, SAMPLE_ANSWERS)


def test_reset_on_a_terminal_clears_on_yes(store):
    child, pexpect = spawn_reset(store, "New START sample")
    child.send("y\r")
    child.expect_exact("Cleared 'New START sample'")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert reviews_by_deck(store) == (BUNDLED_ANSWERS, 0)


def test_a_store_from_before_decks_is_read_then_migrated(store):
    # A version 1 store: the same, without the deck tables.
    db = sqlite3.connect(store)
    db.executescript("DROP TABLE decks; DROP TABLE deck_items; UPDATE quizgen_schema SET version = 1;")
    db.close()
    listed = run_cli("decks", "--store", str(store))
    assert listed.returncode == 0, listed.stderr
    assert "No decks in the review store" in listed.stdout
    assert "5 reviewed items belong to no deck listed here" in listed.stdout
    stats = run_cli("stats", "--store", str(store))  # the bundled deck, as before
    assert f"New START: {item_count(BUNDLED)} items" in stats.stdout
    with Store(store, readonly=True) as s:
        assert s.version == 1  # reading changed nothing
    # A quiz migrates it, and attaches the reviews of its deck's items, even with no answer given.
    run_cli("quiz", str(SAMPLE), "--plain", "--store", str(store), input="")
    with Store(store, readonly=True) as s:
        assert s.version == 2
        (deck,) = s.decks()
        assert deck.title == "New START sample" and len(deck.item_ids) == SAMPLE_ANSWERS
    listed = run_cli("decks", "--store", str(store)).stdout
    assert "3 reviewed items belong to no deck listed here" in listed
    assert reviews_by_deck(store) == (BUNDLED_ANSWERS, SAMPLE_ANSWERS)


def test_a_deck_whose_file_is_gone_is_listed_and_can_be_reset(tmp_path):
    deck = tmp_path / "mine.yaml"
    shutil.copy(SAMPLE, deck)
    store = tmp_path / "reviews.sqlite3"
    quiz(store, deck, SAMPLE_ANSWERS)
    deck.unlink()
    listed = run_cli("decks", "--store", str(store)).stdout
    assert re.search(rf"New START sample +\? +\? +[0-2] +.* {re.escape(str(deck))} \(file missing\)", listed), listed
    stats = run_cli("stats", "--store", str(store)).stdout
    assert f"New START sample: cannot read its deck file {deck} (file missing)" in stats
    # By its title, from what the store recorded: the file is not needed to clear its progress.
    result = run_cli("reset", "New START sample", "--yes", "--store", str(store))
    assert "2 items new again, 2 reviews deleted" in result.stdout, result.stderr
    with Store(store, readonly=True) as s:
        assert s.reviews() == [] and s.cards() == {}
