"""The options that choose which items a command uses by their quality: shared by `questions` and `export`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ..model import Item


def quality(text: str) -> float:
    try:
        q = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, found {text!r}") from None
    if not 0.0 <= q <= 1.0:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, found {text}")
    return q


def whole_number(minimum: int, bound: str) -> Callable[[str], int]:
    """An argument type: a whole number of at least `minimum` (`bound` says so in the error). A count past
    what any list can hold means as many as there are (`-n 9223372036854775808` broke islice)."""

    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, found {text!r}") from None
        if n < minimum:
            raise argparse.ArgumentTypeError(f"expected {bound}, found {n}")
        return min(n, sys.maxsize)

    return parse


cap = whole_number(0, "0 (no cap) or more")


def add_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--min-quality",
        type=quality,
        default=0.0,
        metavar="Q",
        help="only items the quality model scores at least Q, from 0 to 1 (default 0: all)",
    )
    p.add_argument(
        "--per-fact", type=cap, default=0, metavar="N", help="at most N items of each fact, the best (default 0: all)"
    )


def choose(items: Sequence[Item], args: argparse.Namespace) -> list[Item]:
    """The items to use, best first (the quality model's order), filtered as the options say."""
    from ..questions.quality import load_quality_model, select

    return select(items, load_quality_model(), args.min_quality, args.per_fact)
