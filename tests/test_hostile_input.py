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
