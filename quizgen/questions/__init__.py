"""Question items from a fact deck: `make_items(deck, seed, types, kinds)`.

One module per item type; `phrasing` turns a fact into a question, `distractors` finds wrong options.
Pure: no I/O, deterministic for a seed (each item draws from its own generator seeded by the seed and
the item id, so filtering by type or kind never changes another item).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain

from ..errors import QuizgenError
from ..model import ITEM_TYPES, KINDS, Deck, Fact, Item
from . import cloze, multiple_choice, timeline, true_false, typed, who_said
from .context import Context
from .distractors import option_key
from .gates import failure
from .phrasing import TREATY, answer_type
from .tables import COUNTRIES

__all__ = ["ItemMaker", "Slot", "TimelineSlot", "check_names", "make_items"]

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


class ItemMaker:
    """A deck's items, made one at a time on demand.

    `slots()` lists, cheaply, every per-fact item the deck may give (id, fact, type); `make(slot)` builds one
    (None when the fact does not support that type). A quiz asks for ten items of a deck that may give a
    hundred thousand, so it makes only those it asks. Timelines group facts across the deck: `timeline_slots()`
    finds the groups (and so the ids) at once, on first use, and `make` builds one timeline's item. An item is
    the same whether made here alone or by `make_items` with everything.

    Raises QuizgenError for an unknown type or kind, or when no fact of the requested kinds exists.
    """

    def __init__(
        self, deck: Deck, seed: int = 0, types: Sequence[str] | None = None, kinds: Sequence[str] | None = None
    ) -> None:
        self.deck = deck
        self.types = check_names(types, ITEM_TYPES, "item type", "types")
        self.kinds = check_names(kinds, KINDS, "fact kind", "kinds")
        self.facts = [f for f in deck.facts if f.kind in self.kinds and f.evidence]
        if not self.facts:
            raise QuizgenError(f"no facts of kind {', '.join(self.kinds)} in deck {deck.title!r}")
        self.ctx = Context(deck, seed)
        self._timeline_slots: list[TimelineSlot] | None = None

    def slots(self) -> list[Slot]:
        """Every per-fact item that may exist, in deck order (per fact, in ITEM_TYPES order)."""
        types = [t for t in ITEM_TYPES if t in self.types and t in _PER_FACT]
        out: list[Slot] = []
        of: dict[tuple[str, bool], list[str]] = {}  # the types a fact may give, by its kind and conflicts
        for fact in self.facts:
            if fact_failure(self.ctx, fact) is not None:
                continue
            which = (fact.kind, bool(fact.conflicts))
            if which not in of:
                of[which] = [t for t in types if _may_give(fact, t)]
            out.extend([Slot(f"{fact.id}:{type}", fact, type) for type in of[which]])
        return out

    def timeline_slots(self) -> list[TimelineSlot]:
        """Every timeline the deck gives, in order: its id and events, not yet its item."""
        if self._timeline_slots is None:
            sure = [f for f in self.facts if not unsure(f)]
            groups = timeline.groups(self.ctx, sure) if "timeline" in self.types else []
            self._timeline_slots = [TimelineSlot(timeline.group_id(g), g) for g in groups]
        return self._timeline_slots

    def make(self, slot: Slot | TimelineSlot) -> Item | None:
        if isinstance(slot, TimelineSlot):
            return timeline.make(self.ctx, slot.events)
        item = _PER_FACT[slot.type](self.ctx, slot.fact)
        return item if item is not None and acceptable(self.ctx, item) else None

    def timelines(self) -> list[Item]:
        """Every timeline item (all made at once: for `make_items`, not the quiz)."""
        return [timeline.make(self.ctx, slot.events) for slot in self.timeline_slots()]

    def no_items(self) -> QuizgenError:
        return QuizgenError(
            f"no items of type {', '.join(self.types)} can be made from the {', '.join(self.kinds)} "
            f"facts of deck {self.deck.title!r}"
        )


def _may_give(fact: Fact, type: str) -> bool:
    """May a fact give an item of this type, by its kind and whether the deck contradicts it?"""
    # A fact the deck contradicts elsewhere has two claimed answers: only a cloze of its own sentence is fair.
    if fact.conflicts and type != "cloze":
        return False
    # A quotation is asked as "who said it", never as plain multiple choice (as the builders do).
    return not ((type == "who_said") != (fact.kind == "quote") and type in ("who_said", "multiple_choice"))


@dataclass(slots=True)  # a big deck has hundreds of thousands: no frozen-dataclass overhead
class Slot:
    """An item a deck may give: its id, the fact and the item type."""

    id: str
    fact: Fact
    type: str


@dataclass(slots=True)
class TimelineSlot:
    """A timeline a deck gives: its id and its events (each fact with the clause shown for it)."""

    id: str
    events: list[tuple[Fact, str]]


def make_items(
    deck: Deck, seed: int = 0, types: Sequence[str] | None = None, kinds: Sequence[str] | None = None
) -> list[Item]:
    """Every item the deck's facts support, in deck order (per fact, in ITEM_TYPES order), timelines last.

    Raises QuizgenError for an unknown type or kind, or when no fact of the requested kinds exists or
    no item can be made.
    """
    maker = ItemMaker(deck, seed, types, kinds)
    items = [item for slot in maker.slots() if (item := maker.make(slot)) is not None]
    items.extend(maker.timelines())
    if not items:
        raise maker.no_items()
    return items


# Offices of people whose words are commentary, not the news: a reviewer calls asking who said them trivia.
_COMMENTATOR = re.compile(
    r"\b(?:researcher|analyst|professor|scholar|fellow|lecturer|historian|economist|commentator|columnist|"
    r"author|expert|academic|ecologist|scientist|specialist|consultant|activist|campaigner|advocate)\b",
    re.IGNORECASE,
)
# People the article meets on its way, whose words and jobs are colour ("an American retired schoolteacher
# among the tour group"): review r17 found asking about them trivia.
_PASSER_BY = re.compile(
    r"\b(?:tourists?|visitors?|(?:tour )?guides?|schoolteachers?|teachers?|students?|farmers?|fishermen|fisherman|"
    r"shopkeepers?|villagers?|residents?|pensioners?|retirees?|retired|protesters?|passers?-by|onlookers?)\b",
    re.IGNORECASE,
)
_OFFICIAL = re.compile(
    r"\b(?:minister|president|spokes\w*|secretary|ambassador|envoy|director-general|chair\w*|head|delegate|"
    r"negotiator|official|governor|senator|general|king|queen|prime|chancellor|commissioner|mediator)\b",
    re.IGNORECASE,
)


# Facts the extraction model gave less than this are not asked. In the reviews of r6–r15 (decks from fresh
# articles), 5 of 57 items of such facts were accepted, against 68 of 185 above it (the probability of the
# facts behind them, by the model of 2026-12-01).
MIN_CONFIDENCE = 0.7


def unsure(fact: Fact) -> bool:
    """Did the extractor keep this fact with too little confidence to ask about it? (Facts written by hand
    carry none, and are always asked.)"""
    return fact.confidence is not None and fact.confidence < MIN_CONFIDENCE


def fact_failure(ctx: Context, fact: Fact) -> str | None:
    """Why no item of this fact is worth making, or None. A fact the extractor was unsure of: likely not what
    a reader would mark. A commentator's or a passer-by's words ("a researcher at …", "a retired teacher in the
    tour group"): who said them is trivia. A party named by its capital ("Juba ratified …"): the capital is not
    the party."""
    if unsure(fact):
        return "the extractor is not sure of it"
    if fact.kind in ("quote", "position") and fact.entity and _aside(ctx, fact.entity):
        return "a commentator's or a passer-by's words"
    if fact.kind == "role" and _PASSER_BY.search(fact.answer) and not _OFFICIAL.search(fact.answer):
        return "a passer-by's description, not an office"
    if fact.kind != "signatory":
        return None
    answer = re.sub(r"^the\s+", "", fact.answer, flags=re.IGNORECASE)
    named_so = answer == fact.entity or answer.isupper() or answer in _COUNTRY_NAMES  # "the US", "Britain"
    if fact.entity and not named_so and ctx.names.type_of(fact.entity) == "country":
        return "a party named by its capital or a place"
    if ctx.names.type_of(fact.entity or fact.answer) == "person" and " is a party to " in fact.statement:
        return "a person called a party: states are parties, people sign"  # "Meurice is a party to …"
    return None


def _aside(ctx: Context, person: str) -> bool:
    """Are the person's offices a commentator's or a passer-by's, none of them an official's? Once per person:
    a big deck gives one person hundreds of offices and thousands of quotes (a search per office per quote
    took 40 s of a 50,000-fact deck's first question)."""
    memo = ctx.memo.setdefault("aside", {})  # by the name as written: the same name, the same offices
    if person not in memo:
        offices = ctx.offices_of(person)
        aside = any(_COMMENTATOR.search(o) or _PASSER_BY.search(o) for o in offices)
        memo[person] = aside and not any(_OFFICIAL.search(o) for o in offices)
    return memo[person]


_COUNTRY_NAMES = frozenset(n for name, aliases in COUNTRIES.items() for n in (name, *aliases))


def several_treaties(ctx: Context) -> bool:
    """Does the deck name more than one treaty (as an entity, a fact's subject or an answer)? Then "the
    treaty" alone does not say which."""
    if "several-treaties" not in ctx.memo:
        names = chain(
            (e.name for e in ctx.deck.entities if e.type == "treaty"),
            (n for f in ctx.deck.facts for n in (f.subject, f.answer) if answer_type(ctx, n) == TREATY),
        )
        # The second treaty found answers it: a big deck is not read to its end.
        keys = (ctx.names.key(n) for n in names)
        first = next(keys, None)
        ctx.memo["several-treaties"] = any(k != first for k in keys)
    return ctx.memo["several-treaties"]


def acceptable(ctx: Context, item: Item) -> bool:
    """The last guard: the item passes every gate (gates.py); a stem never contains its answer or an alias
    of it; options are distinct after alias normalization and contain the answer exactly once."""
    if failure(item, several_treaties=several_treaties(ctx)) is not None:
        return False
    if item.type not in ("true_false", "timeline") and ctx.names.mentions(item.prompt, item.answer):
        return False
    if item.type == "cloze" and item.kind in ("position", "quote") and ctx.names.type_of(item.answer) != "person":
        # "_____ argued that …" → "United States": "the US", "Washington", "the White House" fill it as well
        # (reviews r1–r12 rejected 13 of 17 such gaps)
        return False
    if item.choices:
        keys = [option_key(ctx, c) for c in item.choices]
        if len(set(keys)) != len(keys) or item.choices.count(item.answer) != 1:
            return False
        if sum(1 for k in keys if k == option_key(ctx, item.answer)) != 1:
            return False
    return True
