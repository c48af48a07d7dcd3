"""Issue 12: hostile input. Each test reproduces one of the failures the 701-case attack found (its number in
the issue's table) and holds the promise: one line `quizgen: error: <where>: <what>`, exit status 2, nothing
half-written, nothing lost."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from quizgen.text import sentence_spans

ARTICLE = (
    "Harbour Accord signed\n\nThe Harbour Accord was signed on 8 June 2031 by Kelmar and Norvald. It caps each "
    "navy at 18 patrol ships.\n"
)


def one_error_line(result, *expected: str) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), result.stderr
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


# ---- 1: an output that is also an input ---------------------------------------------------------------------


@pytest.mark.parametrize("how", ["same name", "symbolic link", "hard link", "inside a folder read"])
def test_extract_never_writes_its_deck_over_an_article(tmp_path: Path, how: str) -> None:
    article = tmp_path / "x.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    given, out = str(article), article
    if how == "symbolic link":
        out = tmp_path / "link.txt"
        out.symlink_to(article)
    elif how == "hard link":
        out = tmp_path / "hard.yaml"
        os.link(article, out)
    elif how == "inside a folder read":
        given = str(tmp_path)
    result = run_cli("extract", given, "-o", str(out), "--no-cache")
    one_error_line(result, str(out), "is also an input")
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_export_never_writes_its_package_over_a_deck(tmp_path: Path) -> None:
    deck = tmp_path / "deck.apkg"
    data = (ROOT / "decks" / "new-start.yaml").read_bytes()
    deck.write_bytes(data)
    one_error_line(run_cli("export", str(deck), "-o", str(deck)), "is also an input")
    assert deck.read_bytes() == data


# ---- 2: sentence splitting in linear time; a run with no sentence end is not parsed whole --------------------


def _split_seconds(n: int) -> float:
    rnd = random.Random(n)
    parts = ["The U.S. said so. ", "Dr. Eck went to Port Arden, K.L. on Monday. ", "It rose 3.5 per cent. ", "x" * 50]
    text = "".join(rnd.choice(parts) for _ in range(n // 30))
    start = time.perf_counter()
    sentence_spans(text)
    return time.perf_counter() - start


def test_sentence_splitting_grows_linearly() -> None:
    """Work, not wall time, is what this checks: the ratio of two sizes measured in one run (quadratic
    splitting took 16 times as long for 4 times the text; linear takes about 4)."""
    small = min(_split_seconds(100_000) for _ in range(3))
    large = min(_split_seconds(400_000) for _ in range(3))
    assert large / small < 9, (small, large)


@pytest.mark.parametrize("run", ["words " * 40_000, "a" * 200_000])
def test_a_run_with_no_sentence_end_is_skipped_with_a_warning(tmp_path: Path, run: str) -> None:
    article = tmp_path / "long.txt"
    article.write_text(ARTICLE + "\nThe text reads: " + run + "\n\nKelmar ratified the Harbour Accord in 2032.\n")
    deck = tmp_path / "deck.yaml"
    result = run_cli("extract", str(article), "-o", str(deck), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert "a run of text with no sentence end" in result.stderr and "skipped" in result.stderr
    assert "Traceback" not in result.stderr
    text = deck.read_text(encoding="utf-8")
    assert "2032" in text and "words words" not in text and "aaaa" not in text


# ---- 5-11, 21: the deck reader: one `file:line` error for anything it cannot take ----------------------------

DECK = """\
quizgen: 1
title: T
sources:
  - id: s1
    path: s1.txt
    published: '2031-06-09'
facts:
  - id: f1
    kind: limit
    subject: Harbour Accord
    answer: '18'
    statement: The Harbour Accord caps each navy at 18 patrol ships.
    quantity: {value: 18, text: '18', measure: patrol ships, change: limit}
    evidence:
      - source: s1
        text: It caps each navy at 18 patrol ships.
  - id: f2
    kind: date
    subject: Harbour Accord
    answer: 8 June 2031
    statement: The Harbour Accord was signed on 8 June 2031.
    date: {value: '2031-06-08', precision: day}
    evidence:
      - source: s1
        text: The Harbour Accord was signed on 8 June 2031.
"""


def deck_error(text: str) -> str:
    from quizgen import QuizgenError, parse_deck

    with pytest.raises(QuizgenError) as info:
        parse_deck(text, "d.yaml")
    message = str(info.value)
    assert "\n" not in message and message.startswith("d.yaml:"), message
    return message


def test_the_sample_of_this_file_is_a_good_deck() -> None:
    from quizgen import parse_deck

    assert len(parse_deck(DECK, "d.yaml").facts) == 2


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # 5: YAML's own date and number conversions
        ("title: T", "title: 2021-02-30", None),  # a title that looks like a date is text
        ("published: '2031-06-09'", "published: 2020-13-45", "d.yaml:6: sources[0].published: expected a date"),
        ("title: T", "title: !!int nope", "d.yaml:2: YAML syntax error: cannot read this value"),
        ("published: '2031-06-09'", "published: 2001-12-14t21:59:43.10+25:00", "d.yaml:6: sources[0].published"),
        ("title: T", "title: !!timestamp 2021-02-05", "d.yaml:2: YAML syntax error: a deck holds no timestamp"),
        ("title: T", "title: !!binary aGVsbG8=", "d.yaml:2: YAML syntax error: a deck holds no binary"),
        # 6: a key that is a list or a mapping
        ("title: T", "title: T\n[a, b]: 1", "d.yaml:3: YAML syntax error: a key must be a name, found a list"),
        ("title: T", "title: T\n{a: 1}: 1", "d.yaml:3: YAML syntax error: a key must be a name, found a mapping"),
        # 7: a number too large for a limit
        ("value: 18,", "value: " + "9" * 400 + ",", "d.yaml:13: facts[0].quantity.value: expected a number within"),
        ("value: 18,", "value: .inf,", "d.yaml:13: facts[0].quantity.value: expected a number within"),
        # 8: control characters
        ("title: T", "title: T\x00", "d.yaml:2: control character U+0000 is not allowed"),
        ("subject: Harbour Accord\n    answer: '18'", "subject: Harbour\x07 Accord\n    answer: '18'", "d.yaml:10:"),
        # 10: a date that is not in the calendar
        ("value: '2031-06-08'", "value: '2021-02-30'", "d.yaml:22: facts[1].date.value: no such day"),
        # 11: an answer in no evidence sentence, though an evidence has its own answer
        (
            "        text: It caps each navy at 18 patrol ships.",
            "        text: It caps each navy at 18 patrol ships.\n        answer: '18'\n    note: x",
            None,
        ),
        ("answer: 8 June 2031", "answer: 9 June 2031", "d.yaml:20: facts[1].answer: '9 June 2031' is not in"),
        # 21: the format version, and unknown keys with the nearest known one
        ("quizgen: 1\n", "", "d.yaml:1: deck.quizgen: missing: the format version"),
        ("quizgen: 1", "quizgen: 99", "d.yaml:1: deck.quizgen: format version 99 is not one this quizgen reads"),
        ("quizgen: 1", "quizgen: banana", "d.yaml:1: deck.quizgen: expected a format version, found str 'banana'"),
        (
            "    evidence:\n      - source: s1\n        text: The",
            "    conflict: [f1]\n    evidence:\n      - source: s1\n        text: The",
            "d.yaml:23: facts[1].conflict: unknown key; did you mean 'conflicts'?",
        ),
        ("title: T", "title: T\ntitel: U", "d.yaml:3: deck.titel: unknown key; did you mean 'title'?"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else None,
)  # fmt: skip
def test_a_bad_deck_is_one_error_with_its_line(old: str, new: str, expected: str | None) -> None:
    from quizgen import parse_deck

    assert old in DECK
    text = DECK.replace(old, new, 1)
    if expected is None:
        parse_deck(text, "d.yaml")  # read, not refused
    else:
        assert deck_error(text).startswith(expected)


def test_an_evidence_answer_does_not_excuse_a_fact_answer_found_nowhere() -> None:
    line = "        text: It caps each navy at 18 patrol ships."
    text = DECK.replace("    answer: '18'\n", "    answer: '19'\n", 1).replace(line, line + "\n        answer: '18'")
    assert "'19' is not in the fact's evidence" in deck_error(text)


# ---- 9: special files: a device or a pipe is refused, not read forever -----------------------------------------


@pytest.mark.parametrize("command", ["check", "questions", "stats", "quiz"])
def test_a_device_as_a_deck_is_refused(command: str, tmp_path: Path) -> None:
    extra = ["--store", str(tmp_path / "s")] if command in ("stats", "quiz") else []
    one_error_line(run_cli(command, "/dev/zero", *extra), "/dev/zero", "not a regular file")


def test_a_fifo_as_a_deck_or_as_a_source_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    one_error_line(run_cli("check", str(fifo)), "not a regular file")
    (tmp_path / "s1.txt").unlink(missing_ok=True)
    os.mkfifo(tmp_path / "s1.txt")  # the source `check` reads
    deck = tmp_path / "deck.yaml"
    deck.write_text(DECK, encoding="utf-8")
    one_error_line(run_cli("check", str(deck)), "s1.txt", "not a regular file")


def test_a_cache_entry_replaced_by_a_fifo_is_a_miss(tmp_path: Path) -> None:
    from quizgen.cache import Cache

    cache = Cache(tmp_path)
    cache.put("decks", "ab" * 32, b"payload")
    assert cache.get("decks", "ab" * 32) == b"payload"
    entry = next((tmp_path / "decks").rglob("abab*"))
    entry.unlink()
    os.mkfifo(entry)
    assert cache.get("decks", "ab" * 32) is None
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert cache.get("decks", "ab" * 32) is None


def test_a_deck_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    from quizgen import deck as deck_module
    from quizgen import load_deck
    from quizgen.errors import QuizgenError

    big = tmp_path / "big.yaml"
    big.write_text(DECK + "# padding\n" * 200, encoding="utf-8")
    monkeypatch.setattr(deck_module, "MAX_DECK_BYTES", 1024)
    with pytest.raises(QuizgenError, match=r"larger than the 0 MiB") as info:
        deck_module.load_deck(big)
    assert info.value.where == str(big)
    monkeypatch.undo()
    assert load_deck(big).title == "T"
