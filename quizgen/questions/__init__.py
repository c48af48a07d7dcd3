"""Question items from a fact deck: `make_items(deck, seed, types, kinds)`.

One module per item type; `phrasing` turns a fact into a question, `distractors` finds wrong options.
Pure: no I/O, deterministic for a seed (each item draws from its own generator seeded by the seed and
the item id, so filtering by type or kind never changes another item).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import QuizgenError
from ..model import ITEM_TYPES, KINDS, Deck, Fact, Item
from . import cloze, multiple_choice, timeline, true_false, typed, who_said
from .context import Context
from .distractors import option_key

__all__ = ["make_items", "check_names"]

_PER_FACT: dict[str, Callable[[Context, Fact], Item | None]] = {
    "multiple_choice": multiple_choice.make,
    "cloze": cloze.make,
    "true_false": true_false.make,
    "typed": typed.make,
    "who_said": who_said.make,
}


def check_names(values: Sequence[str] | None, known: Sequence[str], what: str, where: str) -> list[str]:
    """Validate a list of item types or fact kinds (hyphens allowed: multiple-choice)."""
    if values is None:
        return list(known)
    out = []
    for value in values:
        name = value.strip().replace("-", "_")
        if name not in known:
            raise QuizgenError(f"unknown {what} {value!r} (one of {', '.join(known)})", where=where)
        if name not in out:
            out.append(name)
    if not out:
        raise QuizgenError(f"no {what} given", where=where)
    return out


def make_items(
    deck: Deck, seed: int = 0, types: Sequence[str] | None = None, kinds: Sequence[str] | None = None
) -> list[Item]:
    """Every item the deck's facts support, in deck order (per fact, in ITEM_TYPES order), timelines last.

    Raises QuizgenError for an unknown type or kind, or when no fact of the requested kinds exists or
    no item can be made.
    """
    wanted_types = check_names(types, ITEM_TYPES, "item type", "types")
    wanted_kinds = check_names(kinds, KINDS, "fact kind", "kinds")
    facts = [f for f in deck.facts if f.kind in wanted_kinds and f.evidence]
    if not facts:
        raise QuizgenError(f"no facts of kind {', '.join(wanted_kinds)} in deck {deck.title!r}")
    ctx = Context(deck, seed)
    items: list[Item] = []
    for fact in facts:
        for type in ITEM_TYPES:
            if type not in wanted_types or type not in _PER_FACT:
                continue
            # A fact the deck contradicts elsewhere has two claimed answers: only a cloze of its own
            # sentence is fair.
            if fact.conflicts and type != "cloze":
                continue
            item = _PER_FACT[type](ctx, fact)
            if item is not None and acceptable(ctx, item):
                items.append(item)
    if "timeline" in wanted_types:
        items.extend(timeline.make_all(ctx, facts))
    if not items:
        raise QuizgenError(
            f"no items of type {', '.join(wanted_types)} can be made from the {', '.join(wanted_kinds)} "
            f"facts of deck {deck.title!r}"
        )
    return items


def acceptable(ctx: Context, item: Item) -> bool:
    """The last guard: a stem never contains its answer or an alias of it; options are distinct after
    alias normalization and contain the answer exactly once."""
    if item.type not in ("true_false", "timeline") and ctx.names.mentions(item.prompt, item.answer):
        return False
    if item.choices:
        keys = [option_key(ctx, c) for c in item.choices]
        if len(set(keys)) != len(keys) or item.choices.count(item.answer) != 1:
            return False
        if sum(1 for k in keys if k == option_key(ctx, item.answer)) != 1:
            return False
    return True
