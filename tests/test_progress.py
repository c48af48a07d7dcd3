"""The progress bar: drawn on a terminal, silent otherwise."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pexpect
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


def bar_on_a_terminal(args: list[str], bar: str, target: Path) -> None:
    """Run quizgen on a pseudo-terminal: the bar (a regular expression) is drawn and the command succeeds."""
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizgen", *args, "-o", str(target)],
        cwd=str(ROOT),
        env={"TERM": "xterm", "PATH": "/usr/bin:/bin"},
        encoding="utf-8",
        timeout=300,
    )
    child.expect(bar)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert target.is_file()


def test_export_shows_a_bar_on_a_real_terminal(tmp_path: Path, sample_deck_path: Path) -> None:
    bar_on_a_terminal(["export", str(sample_deck_path)], r"export \[#*-*\] \d+/\d+", tmp_path / "out.apkg")


def test_counts_of_characters_are_shown_short() -> None:
    out = FakeTerminal()
    with Progress("extract", 5_300_000, stream=out, unit="characters") as bar:
        bar.advance(1_250_000)
    assert "1.2M/5.3M characters" in out.getvalue()


def test_one_long_article_moves_the_bar_as_it_is_read() -> None:
    """Progress is counted in characters, within an article too: one 5 MB article does not sit at 0/1 for
    minutes. The calls add up to the text's size, and most of them come before the article is done."""
    from quizgen.corpus import make_article
    from quizgen.extract.nlp import load_pipeline
    from quizgen.extract.pipeline import extract_articles, text_size

    paragraph = (
        "Kelmar and Norvald signed the Harbour Accord on 8 June 2031. It caps each navy at 18 patrol ships. "
        "Minister Ana Vell said the accord would last ten years."
    )
    text = "Harbour Accord signed\n\n" + "\n\n".join(paragraph for _ in range(30)) + "\n"
    article = make_article(text, "harbour", "harbour.txt", "harbour.txt", "2031-06-09")
    calls: list[int] = []
    extract_articles([article], load_pipeline(None), title="t", progress=calls.append)
    assert sum(calls) == text_size([article]) == len(article.text)
    assert len(calls) >= 30 and all(n > 0 for n in calls)
    assert max(calls) < len(article.text) / 3  # no jump from nothing to done


def test_extract_shows_a_bar_in_characters_on_a_real_terminal(tmp_path: Path) -> None:
    bar_on_a_terminal(
        ["extract", str(ROOT / "seeds"), "--no-cache"],
        r"extract \[#*-*\] [\d.]+k?/[\d.]+k characters",
        tmp_path / "out.yaml",
    )
