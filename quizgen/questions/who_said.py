"""Who said it: a quotation → its speaker, as multiple choice among the deck's speakers."""

from __future__ import annotations

from ..model import Fact, Item
from .context import Context
from .multiple_choice import choice_item


def make(ctx: Context, fact: Fact) -> Item | None:
    if fact.kind != "quote":
        return None
    return choice_item(ctx, fact, "who_said")
