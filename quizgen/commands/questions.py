"""`quizgen questions DECK...`: print the question items a deck yields, as a review sheet or as data."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any

from ..model import ITEM_TYPES, KINDS, Item
from ..plural import counted
from .selection import add_options, choose

FORMATS = ("text", "yaml", "json")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "questions",
        help="print the question items a deck yields",
        description="Turn the facts of decks into question items (multiple choice, cloze, true/false, "
        "typed answer, who said it, timeline) and print them: a review sheet, or YAML/JSON for tools.",
    )
    p.add_argument("decks", nargs="+", metavar="DECK", help="deck YAML files")
    p.add_argument(
        "--types",
        action="append",
        metavar="TYPE[,TYPE]",
        help=f"item types to make (default all): {', '.join(ITEM_TYPES)}",
    )
    p.add_argument(
        "--kinds", action="append", metavar="KIND[,KIND]", help=f"fact kinds to use (default all): {', '.join(KINDS)}"
    )
    p.add_argument("--seed", type=int, default=0, help="seed for option order and distractors (default 0)")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    add_options(p)
    p.set_defaults(run=run)


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [v for value in values for v in value.split(",") if v.strip()]


def run(args: argparse.Namespace) -> int:
    from ..controls import printable
    from ..deck_cache import load_deck_cached as load_deck
    from ..questions import check_names, make_items
    from ..streams import is_unicode

    types = check_names(_split(args.types), ITEM_TYPES, "item type", "--types")
    kinds = check_names(_split(args.kinds), KINDS, "fact kind", "--kinds")
    decks = [(path, load_deck(path)) for path in args.decks]  # every deck validated before any output
    batches = [
        (path, deck, choose(make_items(deck, seed=args.seed, types=types, kinds=kinds), args)) for path, deck in decks
    ]
    if not any(items for _, _, items in batches):
        from ..errors import QuizgenError

        raise QuizgenError(f"no item scores at least {args.min_quality:g}", where="--min-quality")
    if args.format == "text":
        out = "\n".join(review_sheet(path, deck.title, items, args.seed) for path, deck, items in batches)
        out = printable(out)
    else:
        data = [item_to_data(item) for _, _, items in batches for item in items]
        # Data for tools is never made lossy: on a stream that is not Unicode, non-ASCII is escaped.
        unicode = is_unicode(sys.stdout)
        if args.format == "json":
            out = json.dumps(data, ensure_ascii=not unicode, indent=2) + "\n"
        else:
            import yaml

            out = yaml.safe_dump(data, sort_keys=False, allow_unicode=unicode, width=4096)
    sys.stdout.write(out)
    return 0


def item_to_data(item: Item) -> dict[str, Any]:
    data = dataclasses.asdict(item)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


_TYPE_LABEL = {
    "multiple_choice": "multiple choice",
    "cloze": "cloze",
    "true_false": "true/false",
    "typed": "typed answer",
    "who_said": "who said it",
    "timeline": "timeline",
}


def review_sheet(path: str, title: str, items: list[Item], seed: int) -> str:
    """Numbered items for a person to read top to bottom: prompt, options with the answer marked,
    the answer and its source."""
    lines = [f"{title} — {counted(len(items), 'item')} from {path} (seed {seed})", ""]
    width = len(str(len(items)))
    pad = " " * (width + 2)
    for n, item in enumerate(items, 1):
        lines.append(f"{n:>{width}}. [{_TYPE_LABEL.get(item.type, item.type)}] {item.prompt}")
        if item.type == "timeline":
            for i, choice in enumerate(item.choices):
                lines.append(f"{pad}{chr(97 + i)}) {choice}")
            letters = [chr(97 + item.choices.index(c)) for c in item.order]
            lines.append(f"{pad}Order: {', '.join(letters)} — {item.answer}")
        elif item.choices:
            for i, choice in enumerate(item.choices):
                mark = "  ✓" if choice == item.answer else ""
                lines.append(f"{pad}{chr(97 + i)}) {choice}{mark}")
        else:
            lines.append(f"{pad}Answer: {item.answer}")
        if item.cloze:
            lines.append(f"{pad}Anki: {item.cloze}")
        if item.note:
            lines.append(f"{pad}Note: {item.note}")
        for k, line in enumerate(item.explanation.splitlines()):
            lines.append(f"{pad}{'Why: ' if k == 0 else '     '}{line}")
        lines.append(f"{pad}id {item.id} · {' '.join(item.tags)}")
        lines.append("")
    return "\n".join(lines)
