"""Extraction as library calls. spaCy is imported on the first call, not when quizgen is imported."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from .corpus import make_article, read_articles
from .model import Deck


def extract_texts(
    texts: Mapping[str, str],
    title: str = "quizgen deck",
    published: Mapping[str, str] | None = None,
    model: str | None = None,
    rules_only: bool = False,
) -> Deck:
    """A deck from article texts keyed by source id: `extract_texts({"a1": "Moscow said …"})`.

    `published` maps source ids to ISO dates, so that "Thursday" or "next year" can be placed. `rules_only`:
    what the rule extractors alone propose, without the trained model's decision (to see what the rules do).
    """
    from .extract.nlp import load_pipeline
    from .extract.pipeline import extract_articles

    published = published or {}
    articles = [make_article(text, sid, f"{sid}.txt", sid, published.get(sid)) for sid, text in texts.items()]
    return extract_articles(articles, load_pipeline(model), title=title, rules_only=rules_only)


def extract_paths(
    paths: Iterable[str | os.PathLike[str]],
    title: str = "quizgen deck",
    published: Mapping[str, str] | None = None,
    model: str | None = None,
    relative_to: str | os.PathLike[str] | None = None,
) -> Deck:
    """A deck from article files, folders of `.txt` and `.html` files and http(s) addresses of web pages (as
    `quizgen extract` reads them)."""
    from .extract.nlp import load_pipeline
    from .extract.pipeline import extract_articles

    articles = read_articles(
        paths, relative_to=Path(relative_to) if relative_to else None, published=dict(published or {})
    )
    return extract_articles(articles, load_pipeline(model), title=title)
