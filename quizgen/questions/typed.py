"""Typed answer: the fact's question, answered in free text (the quiz's grader judges the reply)."""

from __future__ import annotations

from ..model import Fact, Item
from .context import Context
from .distractors import answers_of_same_question
from .phrasing import stem_for


def make(ctx: Context, fact: Fact) -> Item | None:
    stem = stem_for(ctx, fact)
    # Without options to choose from, a question with two right answers in the deck is unfair.
    if stem is None or not stem.askable or answers_of_same_question(ctx, stem) > 1:
        return None
    return ctx.item(fact, "typed", stem.prompt, stem.answer)
