"""Multiple choice: the fact's question with the answer and up to three distractors, shuffled by seed."""

from __future__ import annotations

from ..model import Fact, Item
from . import why
from .context import Context
from .distractors import pick
from .gates import failure
from .phrasing import stem_for

MIN_OPTIONS = 3  # two options is a coin toss; true/false covers that


def choice_item(ctx: Context, fact: Fact, type: str) -> Item | None:
    stem = stem_for(ctx, fact)
    if stem is None or not stem.askable:
        return None
    rng = ctx.rng(fact.id, type)
    options = [stem.answer, *pick(ctx, fact, stem, rng)]
    if len(options) < MIN_OPTIONS:
        return None
    rng.shuffle(options)
    note = None
    if len(options) < 4:
        note = f"only {len(options)} options: no other plausible distractor in the deck"
    return ctx.item(fact, type, stem.prompt, stem.answer, choices=tuple(options), note=note)


def make(ctx: Context, fact: Fact) -> Item | None:
    if fact.kind == "quote":
        return None  # a quotation's question is "who said it", its own type
    # Where the article gives the reason, the fact's choice is of reasons ("Why did X leave the treaty?"), if
    # that question passes the gates; else the fact's own question.
    item = why.make(ctx, fact)
    if item is not None and failure(item) is None:
        return item
    return choice_item(ctx, fact, "multiple_choice")
