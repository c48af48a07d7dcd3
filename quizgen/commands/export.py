"""`quizgen export DECK... -o FILE.apkg`: an Anki package of a deck's questions."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ..errors import QuizgenError
from ..model import ITEM_TYPES, KINDS
from ..plural import counted
from .selection import add_options, choose


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="write an Anki package (.apkg) of the decks' questions",
        description="Write an Anki package of the decks' questions. Importing a newer export of the same deck "
        "updates the notes already in Anki (keeping their review history) instead of adding duplicates.",
    )
    p.add_argument("decks", nargs="+", metavar="DECK", help="deck YAML files")
    p.add_argument("-o", "--output", required=True, metavar="FILE.apkg", help="the package to write")
    p.add_argument(
        "--types",
        action="append",
        metavar="TYPE,...",
        help=f"only these question types (comma-separated or repeated): {', '.join(ITEM_TYPES)}",
    )
    p.add_argument(
        "--kinds",
        action="append",
        metavar="KIND,...",
        help=f"only facts of these kinds (comma-separated or repeated): {', '.join(KINDS)}",
    )
    p.add_argument(
        "--deck-name",
        metavar="NAME",
        help="put every card in this Anki deck (`::` nests: 'News::New START'); "
        "default: quizgen::<deck title>, one Anki deck per deck file",
    )
    p.add_argument("--seed", type=int, default=0, help="seed for the choice of distractors (default 0)")
    p.add_argument(
        "--notes",
        choices=("fact", "item"),
        default="fact",
        help="one Anki note per fact, its questions the note's cards, so that Anki's 'bury siblings' keeps "
        "them apart (default); or one note per question, as exports before quizgen 0.2 made",
    )
    add_options(p)
    p.set_defaults(run=run)


def split_choices(values: Sequence[str] | None, allowed: Sequence[str], option: str) -> list[str] | None:
    """`--types a,b --types c` → [a, b, c], each checked against `allowed`."""
    if not values:
        return None
    out: list[str] = []
    for value in values:
        for name in (v.strip() for v in value.split(",")):
            if not name:
                continue
            if name not in allowed:
                raise QuizgenError(f"unknown {option[2:-1]} {name!r} (choose from {', '.join(allowed)})", where=option)
            if name not in out:
                out.append(name)
    if not out:
        raise QuizgenError("empty list", where=option)
    return out


def run(args: argparse.Namespace) -> int:
    from ..anki import DeckExport, check_output, default_deck_name, export_apkg, normalize_deck_name
    from ..cli import warn
    from ..controls import printable
    from ..deck_cache import load_deck_cached as load_deck
    from ..paths import refuse_input_as_output

    types = split_choices(args.types, ITEM_TYPES, "--types")
    kinds = split_choices(args.kinds, KINDS, "--kinds")
    name = normalize_deck_name(args.deck_name) if args.deck_name is not None else None
    if not str(args.output).lower().endswith(".apkg"):
        raise QuizgenError("the package name must end in .apkg", where=str(args.output))
    refuse_input_as_output(args.output, args.decks)
    check_output(args.output)  # fail before the work, not after it
    decks = [(path, load_deck(path)) for path in args.decks]

    from ..questions import make_items

    exports: list[DeckExport] = []
    for path, deck in decks:
        try:
            items = choose(make_items(deck, seed=args.seed, types=types, kinds=kinds), args)
        except QuizgenError as exc:
            # The names were checked above, so this is "nothing matches"; with several decks, one without
            # matching questions is skipped, not fatal.
            if len(args.decks) == 1:
                raise QuizgenError(f"no questions to export ({exc.what})", where=path) from None
            warn(f"{path}: skipped: {exc.what}")
            continue
        subjects = {fact.id: fact.subject for fact in deck.facts}
        statements = {fact.id: fact.statement for fact in deck.facts}
        exports.append(DeckExport(name or default_deck_name(deck.title), items, subjects, statements))
    if not any(e.items for e in exports):
        raise QuizgenError("no questions to export: the filters select no items")

    from ..progress import Progress

    with Progress("export", 2 * sum(len(e.items) for e in exports)) as bar:
        notes = export_apkg(exports, args.output, progress=bar.advance, notes=args.notes)
    names = sorted({e.name for e in exports if e.items})
    print(printable(f"{args.output}: {counted(notes, 'note')} in {', '.join(names)}"))
    return 0
