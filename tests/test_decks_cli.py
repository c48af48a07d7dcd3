"""Deck management (#13) through the real command line: `quizgen decks`, `stats` over every deck, `reset`,
and an article given where a deck belongs. The store is a real SQLite file filled by real quizzes."""

from __future__ import annotations

import pytest
from conftest import run_cli

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
    ):
        line = one_error_line(
            run_cli(*command, input=""),
            f"{article}: this looks like an article",
            f"run `quizgen extract {article} -o deck.yaml`",
        )
        assert "two governments" not in line and "warheads" not in line  # never the file's text
        assert len(line) < 150 + 2 * len(str(article)), line
    assert not (tmp_path / "out.apkg").exists()
