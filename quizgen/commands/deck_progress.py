"""The decks a review store knows, each with its progress: for `quizgen decks`, `stats` and `reset`.

A deck's items are those its file gives now (with the quiz's default options, as `stats` counts them),
together with those the store recorded as its own: a deck file changed since keeps the progress of items it
no longer gives in `reset`. A file that is gone or no longer reads is still listed, from what the store
recorded."""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from ..errors import QuizgenError
from ..model import Deck, Item
from ..quiz.stats import Stats, compute
from ..quiz.store import DeckRecord, Store


@dataclass(frozen=True)
class DeckProgress:
    title: str
    path: str
    last_studied: dt.datetime | None
    problem: str | None  # why the deck file could not be read; None when it was
    item_ids: frozenset[str]  # its items now (file) and as recorded (store)
    stats: Stats | None  # when the file was read
    reviewed: int  # its items with progress in the store
    due: int  # of those, due now


def deck_items(deck: Deck) -> list[Item]:
    """The items a quiz on the deck may ask, with the default options (as `stats` counts them)."""
    from .common import make_deck_items

    items, _ = make_deck_items(argparse.Namespace(), [deck])
    return items


def read_deck(path: str) -> tuple[Deck | None, str | None]:
    """The deck at `path`, or None and why it could not be read (briefly: this is a listing, not an error)."""
    from ..deck_cache import load_deck_cached

    if not Path(path).exists():
        return None, "file missing"
    try:
        return load_deck_cached(path), None
    except QuizgenError as exc:
        return None, exc.what


def progress(store: Store, record: DeckRecord, now: dt.datetime) -> DeckProgress:
    deck, problem = read_deck(record.path)
    return progress_of(store, record.path, record, deck, problem, now)


def progress_of(
    store: Store,
    path: str,
    record: DeckRecord | None,
    deck: Deck | None,
    problem: str | None,
    now: dt.datetime,
) -> DeckProgress:
    recorded = record.item_ids if record else frozenset()
    items: list[Item] = []
    if deck is not None:
        try:
            items = deck_items(deck)
        except QuizgenError as exc:  # a deck no item can be made of
            deck, problem = None, exc.what
    ids = frozenset(i.id for i in items) | recorded
    cards = store.cards(ids)
    stats = compute(items, cards, store.reviews(ids), now) if deck is not None else None
    return DeckProgress(
        title=deck.title if deck is not None else record.title if record else path,
        path=path,
        last_studied=record.last_studied if record else None,
        problem=problem,
        item_ids=ids,
        stats=stats,
        reviewed=len(cards),
        due=sum(1 for c in cards.values() if c.due <= now),
    )


def known(store: Store, now: dt.datetime) -> list[DeckProgress]:
    """Every deck the store knows, the most recently studied first."""
    return [progress(store, r, now) for r in store.decks()]


def unattached(store: Store, decks: list[DeckProgress]) -> int:
    """Items with progress that belong to none of `decks` (reviewed before the store recorded decks)."""
    ours = set().union(*(d.item_ids for d in decks)) if decks else set()
    return sum(1 for i in store.cards() if i not in ours)


def when(t: dt.datetime | None) -> str:
    return t.astimezone().strftime("%Y-%m-%d %H:%M") if t else "never"


def unattached_note(n: int) -> str:
    return (
        f"{n} reviewed item{'' if n == 1 else 's'} belong{'s' if n == 1 else ''} to no deck listed here (reviewed "
        "before quizgen recorded decks); a quiz on their deck attaches them to it"
    )
