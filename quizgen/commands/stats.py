"""`quizgen stats [DECK]`: what is new, learning and due, recent retention, and upcoming reviews; with no
deck, for every deck the review store knows (the bundled New START deck while it knows none)."""

from __future__ import annotations

import argparse

from .common import add_deck_and_store, load_decks, make_deck_items


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="review statistics: new, learning, due, retention, upcoming reviews")
    p.add_argument(
        "deck",
        nargs="?",
        metavar="DECK",
        help="deck YAML file (default: every deck the review store knows; the bundled New START deck while it "
        "knows none)",
    )
    add_deck_and_store(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..controls import printable
    from ..quiz import utc_now
    from ..quiz.stats import compute, lines
    from ..quiz.store import open_store, resolve_store_path
    from .deck_progress import known, unattached, unattached_note

    path = resolve_store_path(args.store)
    decks = load_decks([args.deck]) if args.deck else []
    out = [f"Review store: {path}" + ("" if path.exists() else " (none yet: your first quiz creates it)")]
    now = utc_now()
    # Read-only: stats never creates or changes a store, and reads one it may not write.
    with open_store(args.store, readonly=True) as store:
        every = [] if decks else known(store, now)
        if not every:
            decks = decks or load_decks([])
            items, _by_id = make_deck_items(args, decks)
            ids = [i.id for i in items]
            stats = compute(items, store.cards(ids), store.reviews(ids), now)
            out.extend(["", *lines(" + ".join(d.title for d in decks), stats)])
        for d in every:
            out.append("")
            if d.stats is not None:
                out.extend(lines(d.title, d.stats))
            else:
                out.append(f"{d.title}: cannot read its deck file {d.path} ({d.problem})")
                out.append(f"  reviewed {d.reviewed} · due now {d.due}")
        loose = unattached(store, every) if every else 0
    if loose:
        out.extend(["", unattached_note(loose)])
    for line in out:
        print(printable(line))
    return 0
