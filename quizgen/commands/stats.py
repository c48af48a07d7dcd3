"""`quizgen stats [DECK]`: what is new, learning and due, recent retention, and upcoming reviews."""

from __future__ import annotations

import argparse

from .quiz import add_deck_and_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="review statistics: new, learning, due, retention, upcoming reviews")
    p.add_argument("deck", nargs="?", metavar="DECK", help="deck YAML file (default: the bundled New START deck)")
    add_deck_and_store(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..controls import printable
    from ..quiz import utc_now
    from ..quiz.stats import compute, lines
    from ..quiz.store import open_store
    from .quiz import load_decks, make_deck_items

    decks = load_decks([args.deck] if args.deck else [])
    titles = [d.title for d in decks]
    # Read-only: stats never creates or changes a store, and reads one it may not write.
    with open_store(args.store, readonly=True) as store:
        items, _by_id = make_deck_items(args, decks)
        ids = [i.id for i in items]
        stats = compute(items, store.cards(ids), store.reviews(ids), utc_now())
    for line in lines(" + ".join(titles), stats):
        print(printable(line))
    return 0
