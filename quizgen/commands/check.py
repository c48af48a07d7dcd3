"""`quizgen check DECK...`: validate decks and summarize them."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from ..deck import load_deck, verify_evidence
from ..model import KINDS
from ..webpage import is_url
from .common import warn

MAX_NAMED = 5  # missing sources named one by one


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="validate deck files and summarize them")
    p.add_argument("decks", nargs="+", metavar="DECK", help="deck YAML files")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..controls import printable
    from ..plural import counted

    for path in args.decks:
        deck = load_deck(path)
        missing = verify_evidence(deck, Path(path).parent, path)
        # Web pages are not fetched: the page may have changed since, or be gone. Said once per deck.
        pages = [s.id for s in deck.sources if s.id in missing and is_url(s.path)]
        if pages:
            named = ", ".join(repr(sid) for sid in pages[:MAX_NAMED])
            more = f" and {len(pages) - MAX_NAMED} more" if len(pages) > MAX_NAMED else ""
            warn(f"{path}: evidence from web pages is not checked (check does not fetch them): {named}{more}")
            missing = [sid for sid in missing if sid not in pages]
        # A deck moved away from its articles misses them all: name a few, count the rest.
        for sid in missing[:MAX_NAMED]:
            warn(f"{path}: source {sid!r} not found; its evidence was not checked")
        if len(missing) > MAX_NAMED:
            more = len(missing) - MAX_NAMED
            its = "its" if more == 1 else "their"
            warn(f"{path}: {counted(more, 'more source')} not found; {its} evidence was not checked")
        kinds = Counter(f.kind for f in deck.facts)
        conflicts = sum(1 for f in deck.facts if f.conflicts)
        per_kind = ", ".join(f"{k} {kinds[k]}" for k in KINDS if kinds[k])
        print(printable(f"{path}: ok — {deck.title!r}"))
        print(f"  facts: {len(deck.facts)} ({per_kind or 'none'})")
        print(f"  sources: {len(deck.sources)}; entities: {len(deck.entities)}; conflicting facts: {conflicts}")
        evidence = sum(len(f.evidence) for f in deck.facts)
        print(
            f"  evidence sentences: {evidence}; corroborated facts (2+ sentences): "
            f"{sum(1 for f in deck.facts if len(f.evidence) > 1)}"
        )
    return 0
