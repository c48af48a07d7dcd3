"""`quizgen reset DECK`: clear a deck's progress in the review store, after asking.

Clearing deletes the review history and the card states (scheduling) of the deck's items, in one
transaction: they are new again, as before the first quiz. The deck stays listed by `quizgen decks`,
"never" studied. An item two decks share (the same fact id and question type) is cleared for both: the
store keeps one card per item. Nothing else in the store changes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import QuizgenError
from .common import add_deck_and_store


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "reset",
        help="clear a deck's progress (its reviews and schedule), after asking",
        description="Clear the progress of a deck: delete the review history and schedule of its items, so "
        "they are new again. Asks first; --yes clears without asking (for scripts).",
    )
    p.add_argument("deck", metavar="DECK", help="the deck's YAML file, or its title as `quizgen decks` lists it")
    p.add_argument("-y", "--yes", action="store_true", help="clear without asking")
    add_deck_and_store(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..controls import printable
    from ..deck_cache import load_deck_cached
    from ..quiz import utc_now
    from ..quiz.store import open_store, resolve_store_path

    path = resolve_store_path(args.store)
    if Path(args.deck).is_file():
        load_deck_cached(args.deck)  # an article or a broken deck is its one-line error, store or none
    if not path.exists():
        print(printable(f"No review store at {path} yet: there is no progress to clear."))
        return 0
    with open_store(args.store) as store:
        target = _find(store, args.deck, utc_now())
        ids = target.item_ids
        reviews = len(store.reviews(ids))
        items = target.reviewed
        title = " ".join(target.title.split())
        if not items and not reviews:
            print(printable(f"Nothing to clear: no progress is recorded for {title!r}."))
            return 0
        question = f"Clear progress of {_count(items, 'item')} of {title!r} ({_count(reviews, 'review')})? [y/N] "
        if not args.yes:
            if not (sys.stdin.isatty() and sys.stdout.isatty()):
                # Never clear unasked: a script says --yes.
                raise QuizgenError(
                    f"not clearing the progress of {title!r} without asking, and there is no terminal to ask "
                    "on; run with --yes to clear it",
                    where="reset",
                )
            try:
                answer = input(printable(question))
            except EOFError:
                answer = ""
                print()
            if answer.strip().lower() not in ("y", "yes"):
                print("Nothing cleared.")
                return 1
        cards, deleted = store.clear(target.path, ids)
    print(printable(f"Cleared {title!r}: {_count(cards, 'item')} new again, {_count(deleted, 'review')} deleted."))
    return 0


def _count(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def _find(store, name: str, now):  # noqa: ANN001, ANN202 - lazy imports
    """The deck named by its file (as given, or as the store recorded it) or by its title."""
    from ..deck_cache import load_deck_cached
    from ..quiz.store import DeckRef
    from .deck_progress import progress, progress_of

    records = store.decks()
    if Path(name).is_file():
        deck = load_deck_cached(name)  # an article or a broken deck: its one-line error
        ref = DeckRef.of(name, deck.title)
        record = next((r for r in records if r.path == ref.path), None)
        return progress_of(store, ref.path, record, deck, None, now)
    matches = [r for r in records if r.path == name] or [r for r in records if r.title == name]
    if not matches:
        matches = [r for r in records if r.title.casefold() == name.casefold()]
    if len(matches) > 1:
        files = ", ".join(r.path for r in matches)
        raise QuizgenError(f"several decks are titled {name!r}; name its file: {files}", where="reset")
    if not matches:
        why = "no such file, and the review store knows no deck of that title"
        raise QuizgenError(f"{why}; `quizgen decks` lists the decks it knows", where=name)
    return progress(store, matches[0], now)
