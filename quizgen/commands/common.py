"""What several commands share: the warning line, option helpers, loading the decks a command names (the
bundled one by default) and writing the deck that extraction made. The commands import this module, never
each other's nor `quizgen.cli` (which loads them); so it stays light: `--help` and `check` import it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import QuizgenError
from ..plural import counted

if TYPE_CHECKING:
    from ..extract.cache import Cache
    from ..model import Deck


def warn(message: str) -> None:
    from ..controls import one_line

    # one_line: a file name or a deck's text may hold escape sequences a terminal would obey, or line breaks.
    print(f"quizgen: warning: {one_line(message)}", file=sys.stderr)


# The flag of each option that core code names in its errors (QuizgenError.option), and what the command
# line adds to a problem other options would mend (QuizgenError.problem): the core says what is wrong, the
# command line which flag mends it.
FLAGS = {"deck_name": "--deck-name", "notes": "--notes", "format": "--format", "target": "--for"}
MENDS = {
    "quizlet_needs_tsv": " (--format tsv)",
    "all_reviewed": " (drop --new-only, or add --all)",
    "nothing_due_or_new": "; --all practises anyway",
}


def error_line(exc: QuizgenError) -> str:
    """The error as the command line says it (after `quizgen: error: `): with the flags of the core's words."""
    where = exc.where if exc.where is not None else FLAGS.get(exc.option or "")
    what = exc.what + MENDS.get(exc.problem or "", "")
    return f"{where}: {what}" if where else what


def comma_list(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def add_deck_and_store(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store",
        metavar="PATH",
        help="review store (SQLite); default $QUIZGEN_STORE, else reviews.sqlite3 in the user data folder",
    )


def bundled_deck_path() -> Path:
    """The New START deck shipped as package data."""
    from importlib.resources import files

    path = Path(str(files("quizgen").joinpath("data", "new-start.yaml")))
    if not path.is_file():
        raise QuizgenError(
            "the bundled New START deck is missing from this installation; name a deck file", where=str(path)
        )
    return path


def load_decks(paths: list[str]):  # noqa: ANN201 - lazy imports
    """Load and validate decks (default: the bundled one) before anything slower happens."""
    return [deck for deck, _ in load_decks_with_paths(paths)]


def load_decks_with_paths(paths: list[str]):  # noqa: ANN201 - lazy imports
    """(deck, its file) for each deck (default: the bundled one)."""
    from ..deck_cache import load_deck_cached as load_deck

    files = paths or [str(bundled_deck_path())]
    return [(load_deck(path), path) for path in files]


def make_deck_items(args: argparse.Namespace, decks: list):  # noqa: ANN001, ANN201
    """Every deck's items; returns (items, deck by item id)."""
    from ..questions import make_items

    items, by_id = [], {}
    for deck in decks:
        kinds, types = getattr(args, "kinds", None), getattr(args, "types", None)
        for item in make_items(deck, seed=getattr(args, "seed", 0), types=types, kinds=kinds):
            if item.id not in by_id:  # the first deck wins if two decks share an item
                by_id[item.id] = deck
                items.append(item)
    return items, by_id


def deck_title(title: str | None, out: Path) -> str:
    """The deck's title: the one given, else the output file's name in words; refused if a deck cannot hold
    it (its reader refuses such a title, and a deck is UTF-8)."""
    from ..controls import describe, first_unfit

    chosen = title or out.stem.replace("-", " ").replace("_", " ")
    if bad := first_unfit(chosen):
        raise QuizgenError(f"{describe(bad)} in the title", where="--title" if title else "-o")
    return chosen


def write_deck(deck: Deck, out: Path, n_articles: int, cache: Cache | None, key: str | None = None) -> None:
    """Write a deck that extraction made (extract's, or merge's from shards), and tell where: also into the
    whole-deck cache under `key` and, when large, into the parsed-deck cache the other commands read."""
    from ..deck import dump_deck
    from ..paths import write_output

    data = dump_deck(deck).encode("utf-8")
    write_output(out, data)
    if cache is not None and key is not None:
        cache.put("deck", key, f"{len(deck.facts)}\n".encode() + data)
    if cache is not None:
        from ..deck_cache import remember

        # Where quiz, stats and export look (they take no --cache): a large deck's first quiz reads it parsed.
        remember(data, str(out))
    say_written(out, len(deck.facts), n_articles)


def say_written(out: Path, n_facts: int, n_articles: int) -> None:
    from ..controls import printable

    print(printable(f"{out}: {counted(n_facts, 'fact')} from {counted(n_articles, 'article')}"))
