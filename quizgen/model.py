"""Plain data shared by every part of quizgen: articles, facts, decks and question items.

Nothing here does I/O; `deck.py` reads and writes these as YAML.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

KINDS: tuple[str, ...] = ("date", "signatory", "limit", "position", "role", "quote", "event")
ENTITY_TYPES: tuple[str, ...] = ("person", "country", "organization", "treaty", "other")
PRECISIONS: tuple[str, ...] = ("day", "month", "year")

_ISO_RE = re.compile(r"^(?:(\d{4})|-)-?(?:(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Source:
    """An article a deck was built from."""

    id: str
    path: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) when known
    encoding: str | None = None  # how the article's bytes were read, when not UTF-8 ("windows-1252")


@dataclass(frozen=True)
class Article:
    """An article as read from disk: its text and what the reader found in it."""

    source: Source
    text: str
    # Character spans (start, end) of paragraphs that are body text, not page furniture.
    paragraphs: tuple[tuple[int, int], ...] = ()
    # What extraction reads as the headline (the treaty it names is the article's): the headline, or without
    # one the first sentence. Not shown: an article without a headline is titled by its file name.
    lead: str = ""


@dataclass(frozen=True)
class Evidence:
    """A verbatim sentence (or, for a quote, the verbatim quotation) of a source."""

    source: str
    text: str
    # How this sentence writes the answer, where it differs from the fact's ("Washington" for "US").
    answer: str | None = None


@dataclass(frozen=True)
class DateValue:
    """A calendar date at some precision. Unknown parts are None (an article may omit the year)."""

    year: int | None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    @property
    def iso(self) -> str:
        """ISO 8601, with the truncated `--MM` / `--MM-DD` forms when the year is unknown."""
        head = f"{self.year:04d}" if self.year is not None else "-"
        if self.month is None:
            return head
        tail = f"{self.month:02d}" + (f"-{self.day:02d}" if self.day is not None else "")
        return f"{head}-{tail}"

    @classmethod
    def parse(cls, text: str) -> DateValue:
        m = _ISO_RE.match(text.strip())
        if not m or (m.group(1) is None and m.group(2) is None):
            raise ValueError(f"not an ISO date: {text!r}")
        year = int(m.group(1)) if m.group(1) else None
        month = int(m.group(2)) if m.group(2) else None
        day = int(m.group(3)) if m.group(3) else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month out of range: {text!r}")
        # (with no year, 29 February may be any leap year's)
        last = calendar.monthrange(year if year is not None else 2000, month)[1] if month else 31
        if day is not None and not 1 <= day <= last:
            raise ValueError(f"no such day: {text!r}")
        return cls(year, month, day)

    def refines(self, other: DateValue) -> bool:
        """True when self says everything `other` says, and maybe more (2010-04 refines 2010)."""
        return all(
            theirs is None or mine == theirs
            for mine, theirs in ((self.year, other.year), (self.month, other.month), (self.day, other.day))
        )

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year or 0, self.month or 0, self.day or 0)


@dataclass(frozen=True)
class Quantity:
    """A number a treaty sets, and what it counts."""

    value: float  # 1550, or 0.5 for "by half"
    text: str  # as written: "1,550", "by half"
    measure: str  # what is limited: "deployed strategic nuclear warheads"
    change: str = "limit"  # "limit" (a cap) or "reduce" (a cut)


@dataclass(frozen=True)
class Entity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass
class Fact:
    """One claim, with the sentences that state it.

    `answer` is a verbatim span of the first evidence (for quotes and positions, the speaker or actor's
    full name); `statement` is one declarative sentence. Typed values are set where the kind has one.
    """

    id: str
    kind: str
    subject: str
    answer: str
    statement: str
    evidence: list[Evidence]
    date: DateValue | None = None
    quantity: Quantity | None = None
    entity: str | None = None  # canonical entity the answer names (signer, actor, speaker)
    event: str | None = None  # date facts: what happens then ("expiry", "signing", ...)
    stance: str | None = None  # position facts: "proposes", "rejects", ...
    quote: str | None = None  # quote facts: the quotation
    party: str | None = None  # signatory facts: the country a person signed for
    relative: str | None = None  # date facts: the relative expression ("Thursday") when not resolved
    conflicts: list[str] = field(default_factory=list)  # ids of facts that claim otherwise
    note: str | None = None
    # How sure the extraction model is that a careful reader would mark this fact (its surest sentence), 0-1;
    # None for a fact written by hand. Questions are made only from facts it is sure enough of.
    confidence: float | None = None

    @property
    def sources(self) -> list[str]:
        if len(self.evidence) == 1:  # (most facts: a deck's indexes ask every fact, thousands of times)
            return [self.evidence[0].source]
        seen: list[str] = []
        for ev in self.evidence:
            if ev.source not in seen:
                seen.append(ev.source)
        return seen


@dataclass
class Deck:
    title: str
    sources: list[Source] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    def entity(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)

    def fact(self, fact_id: str) -> Fact | None:
        return next((f for f in self.facts if f.id == fact_id), None)

    def aliases_of(self, name: str) -> set[str]:
        """The name and every alias of the entity it names (empty set stays {name})."""
        for e in self.entities:
            if name == e.name or name in e.aliases:
                return {e.name, *e.aliases}
        return {name}


ITEM_TYPES: tuple[str, ...] = ("multiple_choice", "cloze", "true_false", "typed", "who_said", "timeline")


@dataclass(frozen=True)
class Item:
    """A question made from one fact (or, for a timeline, several).

    `answer` is the right reply as shown to a person. For a timeline, `choices` holds the events in
    the order shown and `answer` is them joined in the right order with " → "; `order` is that order.
    """

    id: str
    fact: str
    type: str
    prompt: str
    answer: str
    explanation: str
    evidence: Evidence
    source_title: str
    choices: tuple[str, ...] = ()
    cloze: str | None = None  # Anki cloze text, e.g. "New START expires on {{c1::5 February 2021}}."
    order: tuple[str, ...] = ()  # timeline: the choices in the right order
    facts: tuple[str, ...] = ()  # timeline: every fact it draws on
    tags: tuple[str, ...] = ()
    kind: str = ""
    note: str | None = None  # e.g. "only 3 options: no other plausible distractor in the deck"
