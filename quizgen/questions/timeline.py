"""Timeline: put three or four of the deck's dated events in order, earliest first.

Events are shown without their dates (the clause of the statement around the date), and only events
whose dates can be told apart at the precision both give are put together; all of one treaty, or else of
one article (events of unrelated articles in one order teach nothing).
"""

from __future__ import annotations

import hashlib

from ..model import DateValue, Fact, Item
from .context import Context
from .phrasing import answer_type, event_clause

MAX_EVENTS = 4
MIN_EVENTS = 3


def _comparable(a: DateValue, b: DateValue) -> bool:
    """Strictly ordered at the precision both have (2010 and April 2010 are not)."""
    if a.year is None or b.year is None:
        return False
    ka, kb = a.sort_key(), b.sort_key()
    depth = min(
        len([p for p in (a.year, a.month, a.day) if p is not None]),
        len([p for p in (b.year, b.month, b.day) if p is not None]),
    )
    return ka[:depth] != kb[:depth]


def make_all(ctx: Context, facts: list[Fact]) -> list[Item]:
    events = []
    for fact in sorted(facts, key=lambda f: f.id):
        clause = event_clause(fact) if fact.kind == "date" and not fact.conflicts else None
        if clause and not _option(clause):
            continue
        if clause and fact.date is not None and fact.date.year is not None:
            events.append((fact, clause))
    rng = ctx.rng("timeline")
    rng.shuffle(events)
    groups: list[list[tuple[Fact, str]]] = []
    used: set[int] = set()
    lowered = [clause.lower() for _, clause in events]
    world = [_world(ctx, fact) for fact, _ in events]
    for i in range(len(events)):
        if i in used:
            continue
        picked = [i]
        clauses = {lowered[i]}
        for j in range(i + 1, len(events)):
            if len(picked) == MAX_EVENTS:
                break
            other = events[j][0]
            if j in used or lowered[j] in clauses or world[j] != world[i]:
                continue
            if all(_comparable(other.date, events[k][0].date) for k in picked):  # type: ignore[arg-type]
                picked.append(j)
                clauses.add(lowered[j])
        if len(picked) >= MIN_EVENTS:
            used.update(picked)
            groups.append([events[k] for k in picked])
    return [_item(ctx, group) for group in groups]


def _option(clause: str) -> bool:
    """An event one can place at a glance: a short clause with its actor named first ("The treaty text is
    agreed"), not "parties moved the species to Appendix I" or forty words of a list."""
    return clause[:1].isupper() and len(clause.split()) <= MAX_WORDS


MAX_WORDS = 14


def _world(ctx: Context, fact: Fact) -> tuple[str, str]:
    """What a timeline's events share: the treaty they are about, or else the article that tells them."""
    if ctx.names.type_of(fact.subject) == "treaty" or answer_type(ctx, fact.subject) == "treaty":
        return ("treaty", ctx.names.key(fact.subject))
    return ("article", fact.sources[0] if fact.sources else "")


def _item(ctx: Context, group: list[tuple[Fact, str]]) -> Item:
    ordered = sorted(group, key=lambda fc: fc[0].date.sort_key())  # type: ignore[union-attr]
    ids = sorted(f.id for f, _ in group)
    digest = hashlib.sha1(",".join(ids).encode()).hexdigest()[:10]
    item_id = f"timeline:{digest}"
    order = tuple(c for _, c in ordered)
    shown = list(order)
    rng = ctx.rng(item_id)
    rng.shuffle(shown)
    if tuple(shown) == order:
        shown = shown[1:] + shown[:1]  # never already in order
    first = ordered[0][0]
    explanation = "\n".join(
        f"{f.statement} (“{f.evidence[0].text}” — {ctx.title_of(f.evidence[0])})" for f, _ in ordered
    )
    tags = tuple(dict.fromkeys(t for f, _ in ordered for t in ctx.tags(f)))
    return Item(
        id=item_id,
        fact=first.id,
        type="timeline",
        prompt="Put these events in order, earliest first.",
        answer=" → ".join(order),
        explanation=explanation,
        evidence=first.evidence[0],
        source_title=ctx.title_of(first.evidence[0]),
        choices=tuple(shown),
        order=order,
        facts=tuple(f.id for f, _ in ordered),
        tags=tags,
        kind="date",
    )
