"""Issue 12's attack, rerun by a black-box tester on the fixed code: all 21 bugs held, and these new breaches of
the promise (one line `quizgen: error: …`, exit status 2, no traceback, nothing hangs) were found. Each test
reproduces one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT

from quizgen.controls import one_line, printable

DECK = DATA / "sample-deck.yaml"
ARTICLE = (
    "Harbour Accord signed\n\nThe Harbour Accord was signed on 8 June 2031 by Kelmar and Norvald. It caps each "
    "navy at 18 patrol ships.\n"
)


def run(
    *args: str | bytes, stdin=None, env: dict[str, str] | None = None, **options
) -> subprocess.CompletedProcess[bytes]:  # noqa: ANN001, ANN003
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdin=stdin,
        capture_output=True,
        timeout=300,
        **options,
    )


def one_error(result: subprocess.CompletedProcess[bytes], *fragments: str) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, (result.returncode, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), err
    for text in fragments:
        assert text in lines[0], lines[0]
    return lines[0]


def test_a_count_past_any_list_means_all(tmp_path: Path) -> None:
    result = run(
        "quiz", str(DECK), "--plain", "-n", "9223372036854775808", "--store", str(tmp_path / "s.sqlite3"), input=b"1\n"
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    assert result.returncode == 0, result.stderr.decode()


@pytest.mark.parametrize("stamp", ["9223372036854775", "99999999999999999999", "-1"])
def test_a_source_date_epoch_past_year_9999_is_one_error(tmp_path: Path, stamp: str) -> None:
    out = tmp_path / "s.apkg"
    one_error(run("export", str(DECK), "-o", str(out), env={"SOURCE_DATE_EPOCH": stamp}), "SOURCE_DATE_EPOCH")
    assert not out.exists()


def test_an_article_named_in_bytes_that_are_not_utf8_is_one_error(tmp_path: Path) -> None:
    name = os.fsencode(tmp_path) + b"/caf\xe9.txt"
    with open(name, "wb") as fh:
        fh.write(ARTICLE.encode())
    out = tmp_path / "c.yaml"
    one_error(run("extract", name, "-o", str(out), "--no-cache"), "byte \\xe9 that is not UTF-8", "rename the file")
    assert not out.exists()


@pytest.mark.parametrize(
    ("option", "fragment"),
    [
        (["--title", b"X\xff"], "--title: byte \\xff that is not UTF-8 in the title"),
        (["-o-stem"], "byte \\xfe that is not UTF-8 in the title"),
    ],
)
def test_a_title_in_bytes_that_are_not_utf8_is_one_error(tmp_path: Path, option: list, fragment: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = os.fsencode(tmp_path) + (b"/o\xfe.yaml" if option == ["-o-stem"] else b"/t.yaml")
    extra = [] if option == ["-o-stem"] else option
    one_error(run("extract", str(article), "-o", out, *extra), fragment)
    assert os.listdir(tmp_path) == ["a.txt"]


def test_a_deck_name_in_bytes_that_are_not_utf8_is_one_error(tmp_path: Path) -> None:
    out = tmp_path / "e.apkg"
    one_error(run("export", str(DECK), "-o", str(out), "--deck-name", b"N\xff"), "--deck-name", "byte \\xff")
    assert not out.exists()


def test_a_quiz_with_standard_input_closed_ends_with_its_summary(tmp_path: Path) -> None:
    result = run(
        "quiz", str(DECK), "--plain", "-n", "2", "--store", str(tmp_path / "s.sqlite3"), preexec_fn=lambda: os.close(0)
    )
    assert b"Traceback" not in result.stderr, result.stderr.decode()
    assert result.returncode == 0, result.stderr.decode()
    assert b"0 of 0" in result.stdout or b"no questions answered" in result.stdout.lower(), result.stdout.decode()


def test_standard_input_of_endless_zeros_is_one_error_not_a_hang(tmp_path: Path) -> None:
    """Before: memory grew by gigabytes reading one endless line."""
    with open("/dev/zero", "rb") as zeros:
        result = run("quiz", str(DECK), "--plain", "-n", "2", "--store", str(tmp_path / "s.sqlite3"), stdin=zeros)
    one_error(result, "standard input", "over 10,000 characters")


def test_a_line_feed_in_a_file_name_keeps_the_error_on_one_line(tmp_path: Path) -> None:
    one_error(run("check", str(tmp_path / "no\nsuch.yaml")), "no\\nsuch.yaml")


def test_bidirectional_overrides_and_undecodable_bytes_are_shown_escaped() -> None:
    """U+202E reverses what follows on screen; a lone surrogate (a byte that is not UTF-8, as Python keeps it)
    cannot be printed at all."""
    assert printable("a\u202eb\u2066c") == "a\\u202eb\\u2066c"
    assert printable("caf\udce9") == "caf\\xe9"
    assert one_line("a\nb\tc") == "a\\nb\tc"
    assert printable("a\nb") == "a\nb"  # text output keeps its lines
