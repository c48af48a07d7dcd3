"""`quizgen export DECK... -o FILE`: an Anki package (.apkg) of a deck's questions, or a CSV/TSV file of them
for Anki's text import, a spreadsheet or Quizlet (see quizgen/text_export.py)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import QuizgenError
from ..model import ITEM_TYPES, KINDS
from ..plural import counted
from ..text_export import FORMATS, TARGETS
from .common import warn
from .selection import add_options, choose

if TYPE_CHECKING:
    from ..anki import DeckExport
    from ..model import Deck


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="write an Anki package (.apkg) or a CSV/TSV file of the decks' questions",
        description="Write an Anki package of the decks' questions. Importing a newer export of the same deck "
        "updates the notes already in Anki (keeping their review history) instead of adding duplicates. "
        "Or write them as CSV or TSV (front, back, tags, deck) for Anki's text import, a spreadsheet or Quizlet.",
    )
    p.add_argument("decks", nargs="+", metavar="DECK", help="deck YAML files")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="the file to write: FILE.apkg, FILE.csv, FILE.tsv or FILE.txt (tab separated unless --format csv)",
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        help="apkg: an Anki package; csv or tsv: comma or tab separated text (default: from the file's suffix)",
    )
    p.add_argument(
        "--for",
        dest="target",
        choices=TARGETS,
        help="csv/tsv only: anki (default) writes Anki's import headers and HTML-escaped fields; spreadsheet "
        "a row of column names and plain text; quizlet (tsv only) term and definition, one line each",
    )
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
        help="one Anki note per fact, its questions the note's cards, so that Anki's 'bury siblings' keeps "
        "them apart (default); or one note per question, as exports before quizgen 0.2 made. A csv/tsv file "
        "always has one row per question",
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


@dataclass
class Selection:
    """What `export` and `push` take from their shared options: the question types and fact kinds asked for,
    and the Anki deck name (None: each deck's own)."""

    types: list[str] | None
    kinds: list[str] | None
    name: str | None

    @classmethod
    def of(cls, args: argparse.Namespace) -> Selection:
        """Checked before any deck is read, so a mistyped option fails at once."""
        from ..anki import normalize_deck_name
        from ..controls import describe, first_unfit

        types = split_choices(args.types, ITEM_TYPES, "--types")
        kinds = split_choices(args.kinds, KINDS, "--kinds")
        if args.deck_name is not None and (bad := first_unfit(args.deck_name)):
            raise QuizgenError(f"{describe(bad)} in the deck name", where="--deck-name")
        name = normalize_deck_name(args.deck_name) if args.deck_name is not None else None
        return cls(types, kinds, name)

    def exports(self, decks: Sequence[tuple[str, Deck]], args: argparse.Namespace, verb: str) -> list[DeckExport]:
        """Each deck's chosen questions, as one Anki deck's notes to make (`verb`: the command, for errors)."""
        from ..anki import DeckExport, default_deck_name
        from ..questions import make_items

        exports: list[DeckExport] = []
        for path, deck in decks:
            try:
                items = choose(make_items(deck, seed=args.seed, types=self.types, kinds=self.kinds), args)
            except QuizgenError as exc:
                # The names were checked before, so this is "nothing matches"; with several decks, one without
                # matching questions is skipped, not fatal.
                if len(decks) == 1:
                    raise QuizgenError(f"no questions to {verb} ({exc.what})", where=path) from None
                warn(f"{path}: skipped: {exc.what}")
                continue
            subjects = {fact.id: fact.subject for fact in deck.facts}
            statements = {fact.id: fact.statement for fact in deck.facts}
            exports.append(DeckExport(self.name or default_deck_name(deck.title), items, subjects, statements))
        return exports


def run(args: argparse.Namespace) -> int:
    from ..anki import check_output, export_apkg
    from ..controls import printable
    from ..deck_cache import load_deck_cached as load_deck
    from ..paths import refuse_input_as_output
    from ..text_export import check_target, output_format

    chosen = Selection.of(args)
    fmt = output_format(str(args.output), args.format)
    if fmt == "apkg" and args.target is not None:
        raise QuizgenError("only for a csv or tsv file", where="--for")
    if fmt != "apkg":
        # A text file's rows are Anki Basic notes, one card each: a fact's questions cannot be siblings.
        if args.notes == "fact":
            raise QuizgenError("a csv or tsv file has one row per question: write an .apkg", where="--notes")
        check_target(fmt, args.target or "anki")
    refuse_input_as_output(args.output, args.decks)
    check_output(args.output)  # fail before the work, not after it
    decks = [(path, load_deck(path)) for path in args.decks]
    exports = chosen.exports(decks, args, "export")
    if not any(e.items for e in exports):
        raise QuizgenError("no questions to export: the filters select no items")

    names = sorted({e.name for e in exports if e.items})
    if fmt != "apkg":
        rows = write_text(exports, args.output, fmt, args.target or "anki")
        print(printable(f"{args.output}: {counted(rows, 'card')} in {', '.join(names)}"))
        return 0

    from ..progress import Progress

    with Progress("export", 2 * sum(len(e.items) for e in exports)) as bar:
        notes = export_apkg(exports, args.output, progress=bar.advance, notes=args.notes or "fact")
    print(printable(f"{args.output}: {counted(notes, 'note')} in {', '.join(names)}"))
    return 0


def write_text(exports: Sequence[DeckExport], output: str, fmt: str, target: str) -> int:
    """Write the cards of `exports` as a csv/tsv file for `target`, atomically; returns the number of rows."""
    from pathlib import Path

    from ..paths import write_output
    from ..text_export import plan_cards, render

    cards = plan_cards(exports)
    write_output(Path(output), render(cards, fmt, target).encode("utf-8"))  # (failures are one error line)
    return len(cards)
