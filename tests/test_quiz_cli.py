"""`quizgen quiz` and `quizgen stats` through the real command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from quizgen.commands.common import bundled_deck_path
from quizgen.errors import QuizgenError

BUNDLED = ROOT / "quizgen" / "data" / "new-start.yaml"


def one_error_line(result, *fragments: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), result.stderr
    for f in fragments:
        assert f in lines[0]


def test_missing_and_invalid_decks(tmp_path):
    one_error_line(run_cli("quiz", str(tmp_path / "nope.yaml"), "--store", str(tmp_path / "s")), "no such file")
    bad = tmp_path / "bad.yaml"
    bad.write_text("quizgen: 1\ntitle: x\nsources: []\nfacts:\n  - id: a\n    kind: bogus\n")
    one_error_line(run_cli("quiz", str(bad), "--store", str(tmp_path / "s")), f"{bad}:", "unknown kind")
    one_error_line(run_cli("stats", str(bad), "--store", str(tmp_path / "s")), "unknown kind")


def test_corrupt_store_is_reported_and_kept(tmp_path, sample_deck_path):
    store = tmp_path / "reviews.sqlite3"
    store.write_text("not sqlite " * 200)
    for command in ("quiz", "stats"):
        result = run_cli(command, str(sample_deck_path), "--store", str(store), input="")
        one_error_line(result, f"{store}: not a quizgen review store", "move this one aside to start afresh")
    assert store.read_text() == "not sqlite " * 200
    # The environment variable names the store too.
    result = run_cli("quiz", str(sample_deck_path), env={"QUIZGEN_STORE": str(store)}, input="")
    one_error_line(result, str(store))


def test_usage_errors(tmp_path, sample_deck_path):
    one_error_line(run_cli("quiz", "--count", "0"), "--count")
    one_error_line(run_cli("quiz", "--new-only", "--due-only"), "not allowed with")


def test_bundled_deck_path_is_the_package_deck():
    assert BUNDLED.is_file()
    assert bundled_deck_path() == BUNDLED


def test_a_missing_bundled_deck_is_one_error(tmp_path, monkeypatch):
    """An installation without its package data (a broken wheel) says so, naming where it looked."""
    monkeypatch.setattr("importlib.resources.files", lambda package: tmp_path)
    with pytest.raises(QuizgenError, match="bundled New START deck is missing") as got:
        bundled_deck_path()
    assert got.value.where == str(tmp_path / "data" / "new-start.yaml")


def test_quiz_modules_do_not_import_spacy():
    code = (
        "import sys, quizgen.cli, quizgen.commands.quiz, quizgen.commands.stats, quizgen.quiz, "
        "quizgen.quiz.plain, quizgen.quiz.terminal, quizgen.quiz.store, quizgen.quiz.stats\n"
        "quizgen.cli.build_parser()\n"
        "heavy = [m for m in ('spacy', 'thinc', 'genanki') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_plain_cli_quiz_and_stats(tmp_path, sample_deck_path):
    store = str(tmp_path / "s.sqlite3")
    result = run_cli("quiz", str(sample_deck_path), "--store", store, "--count", "3", "--types", "typed", input="x\n")
    assert result.returncode == 0, result.stderr
    assert "Question 1 of 3" in result.stdout and "Quiz finished: 0 of 1 right (0%), 2 not asked" in result.stdout
    stats = run_cli("stats", str(sample_deck_path), "--store", store)
    assert stats.returncode == 0, stats.stderr
    assert "learning 1" in stats.stdout and "retention: 0% right over the last 1 review" in stats.stdout
    assert "Upcoming reviews" in stats.stdout


def test_cli_quiz_does_not_import_spacy(tmp_path, sample_deck_path):
    code = (
        "import sys\nfrom quizgen.cli import main\n"
        f"rc = main(['quiz', {str(sample_deck_path)!r}, '--store', {str(tmp_path / 's')!r}, '--plain'])\n"
        "assert 'spacy' not in sys.modules\nsys.exit(rc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], input="", capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def test_empty_selection(tmp_path, sample_deck_path):
    result = run_cli("quiz", str(sample_deck_path), "--store", str(tmp_path / "s"), "--due-only", input="")
    one_error_line(result, "no items are due")


def test_default_deck_from_any_folder(tmp_path):
    result = run_cli("quiz", "--store", str(tmp_path / "s"), "--count", "1", cwd=tmp_path, input="")
    assert result.returncode == 0, result.stderr
    assert "Question 1 of 1" in result.stdout and Path(tmp_path / "s").exists()
