"""A file named where a deck belongs that is not a deck at all: an article. Pure.

The commonest first mistake is `quizgen quiz article.txt`: YAML reads plain prose as one long string, and
the deck reader's "expected a mapping, found str '…'" would quote the whole article. An article gets one
short line that names the command to run instead, and never its text.
"""

from __future__ import annotations

import re
import shlex
from pathlib import PurePath

from .errors import QuizgenError

# Suffixes `quizgen extract` reads; a deck is YAML, whatever its name.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".md", ".markdown"})
# A line that starts one of a deck's own keys: a file with one is a deck with a mistake in it, and its
# own error (with its line) helps more.
_DECK_KEY = re.compile(r"^(?:quizgen|title|sources|entities|facts)\s*:", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]{2,}")
_PROSE_WORDS = 5


def has_article_suffix(path: str) -> bool:
    return PurePath(path).suffix.lower() in ARTICLE_SUFFIXES


def looks_like_article(text: str, path: str, data: object = None, parsed: bool = True) -> bool:
    """Whether `text` (read from `path`, loaded by YAML as `data`, or not `parsed` at all) is an article
    rather than a deck: it has none of a deck's keys at the start of a line, and either it is named like an
    article, or YAML failed on it or read it as one string of prose or markup."""
    if parsed and isinstance(data, dict):  # ("Headline: …" on an article's first line makes a mapping)
        return has_article_suffix(path) and not _DECK_KEY.search(text)
    if parsed and not isinstance(data, str):
        return False  # a list or a number in a .yaml file: the deck reader says what it found, briefly
    if _DECK_KEY.search(text):
        return False
    if has_article_suffix(path):
        return True
    stripped = text.lstrip()
    return stripped.startswith("<") or len(_WORD.findall(text[:4000])) >= _PROSE_WORDS


def article_error(path: str) -> QuizgenError:
    return QuizgenError(
        f"this looks like an article, not a deck; run `quizgen extract {shlex.quote(path)} -o deck.yaml`",
        where=path,
    )
