"""quizgen: news articles to quizzes and Anki decks, every fact traced to its source sentence.

import quizgen
deck = quizgen.load_deck("decks/new-start.yaml")
for fact in deck.facts:
    print(fact.kind, fact.answer, "—", fact.evidence[0].text)
"""

from __future__ import annotations

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

__version__ = "0.1.0"

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
    "load_deck",
    "parse_deck",
    "save_deck",
]
