"""`quizgen decks`: the decks the review store knows, with their items, new, due, last studied and file."""

from __future__ import annotations

import argparse
import json

from .common import add_deck_and_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "decks",
        help="list the decks the review store knows: items, new, due, last studied, file",
        description="List the decks you have quizzed on, from the review store: their items, how many are new "
        "and due now, when you last studied them and their deck files. Reads the store only.",
    )
    p.add_argument("--format", choices=("table", "json"), default="table", help="output format (default: table)")
    add_deck_and_store(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..controls import printable
    from ..quiz import utc_now
    from ..quiz.store import open_store, resolve_store_path
    from .deck_progress import known, unattached, unattached_note, when

    path = resolve_store_path(args.store)
    # Read-only, as stats: listing never creates or changes a store.
    with open_store(args.store, readonly=True) as store:
        decks = known(store, utc_now())
        loose = unattached(store, decks)
    if args.format == "json":
        rows = [
            {
                "title": d.title,
                "file": d.path,
                "file_problem": d.problem,
                "items": d.stats.items if d.stats else None,
                "new": d.stats.new if d.stats else None,
                "reviewed": d.reviewed,
                "due": d.due,
                "last_studied": d.last_studied.isoformat() if d.last_studied else None,
            }
            for d in decks
        ]
        print(json.dumps({"store": str(path), "decks": rows, "unattached_items": loose}, indent=2))
        return 0
    if not decks:
        print(printable(f"No decks in the review store {path} yet: `quizgen quiz DECK` adds one."))
    else:
        table = [("DECK", "ITEMS", "NEW", "DUE", "LAST STUDIED", "FILE")]
        for d in decks:
            items, new = (str(d.stats.items), str(d.stats.new)) if d.stats else ("?", "?")
            shown = d.path if d.problem is None else f"{d.path} ({d.problem})"
            table.append((" ".join(d.title.split()), items, new, str(d.due), when(d.last_studied), shown))
        widths = [max(len(row[c]) for row in table) for c in range(len(table[0]) - 1)]
        for row in table:
            # Words left-aligned, numbers right-aligned; the file last, as long as it is.
            cells = [row[c].ljust(w) if c in (0, 4) else row[c].rjust(w) for c, w in enumerate(widths)]
            print(printable("  ".join([*cells, row[-1]])))
        print(printable(f"Review store: {path}"))
    if loose:
        print(printable(unattached_note(loose)))
    return 0
