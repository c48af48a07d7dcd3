"""quizgen: news articles to quizzes and Anki decks, every fact traced to its source sentence.

import quizgen
deck = quizgen.load_deck("decks/new-start.yaml")
for fact in deck.facts:
    print(fact.kind, fact.answer, "—", fact.evidence[0].text)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import extract_paths, extract_texts
    from .deck import dump_deck, load_deck, parse_deck, save_deck
    from .errors import QuizgenError
    from .model import (
        ITEM_TYPES,
        KINDS,
        Article,
        DateValue,
        Deck,
        Entity,
        Evidence,
        Fact,
        Item,
        Quantity,
        Source,
    )

__version__ = "0.2.0"

# The public names and the module each comes from. They are imported on first use (PEP 562), not here:
# `python -m quizgen` runs this file before the command can take Ctrl-C, so it must do next to nothing.
_LAZY = {
    "extract_paths": "api",
    "extract_texts": "api",
    "dump_deck": "deck",
    "load_deck": "deck",
    "parse_deck": "deck",
    "save_deck": "deck",
    "QuizgenError": "errors",
    **dict.fromkeys(
        ("ITEM_TYPES", "KINDS", "Article", "DateValue", "Deck", "Entity", "Evidence", "Fact", "Item", "Quantity"),
        "model",
    ),
    "Source": "model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # once is enough
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


def make_items(deck: Deck, seed: int = 0, types=None, kinds=None) -> list[Item]:
    """Question items from a deck (see `quizgen.questions.make_items`)."""
    from .questions import make_items as _make_items

    return _make_items(deck, seed=seed, types=types, kinds=kinds)


__all__ = [
    "ITEM_TYPES",
    "KINDS",
    "Article",
    "DateValue",
    "Deck",
    "Entity",
    "Evidence",
    "Fact",
    "Item",
    "Quantity",
    "QuizgenError",
    "Source",
    "__version__",
    "dump_deck",
    "extract_paths",
    "extract_texts",
    "load_deck",
    "make_items",
    "parse_deck",
    "save_deck",
]
