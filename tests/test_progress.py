"""The progress bar: drawn on a terminal, silent otherwise."""

from __future__ import annotations

import io
import sys

import pytest
from conftest import ROOT

from quizgen.progress import Progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_on_a_terminal_and_cleared_at_the_end() -> None:
    out = FakeTerminal()
    with Progress("extract", 4, stream=out) as bar:
        for _ in range(4):
            bar.advance()
    text = out.getvalue()
    assert "extract [" in text and "4/4" in text
    assert text.endswith("\r\x1b[K")  # the line is left clean


def test_silent_when_not_a_terminal() -> None:
    out = io.StringIO()
    with Progress("extract", 3, stream=out) as bar:
        bar.advance(3)
    assert out.getvalue() == ""


def test_export_shows_a_bar_on_a_real_terminal(tmp_path, sample_deck_path) -> None:  # noqa: ANN001
    pexpect = pytest.importorskip("pexpect")
    target = tmp_path / "out.apkg"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizgen", "export", str(sample_deck_path), "-o", str(target)],
        cwd=str(ROOT),
        env={"TERM": "xterm", "PATH": "/usr/bin:/bin"},
        encoding="utf-8",
        timeout=60,
    )
    child.expect(r"export \[#*-*\] \d+/\d+")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert target.is_file()
