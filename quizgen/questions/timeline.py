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


Group = list[tuple[Fact, str]]  # a timeline's events: each fact with the clause shown for it


def groups(ctx: Context, facts: list[Fact]) -> list[Group]:
    """The events of each timeline the facts give, in the order their items come (`make` builds one). Cheaper
    than the items: the quiz needs every timeline's id, but makes only those it asks."""
    events = []
    for fact in sorted(facts, key=lambda f: f.id):
        clause = event_clause(fact) if fact.kind == "date" and not fact.conflicts else None
        if clause and not _option(clause):
            continue
        if clause and fact.date is not None and fact.date.year is not None:
            events.append((fact, clause))
    rng = ctx.rng("timeline")
    rng.shuffle(events)
    # Events of one world only are put together, so each world's events (in the shuffled order) are grouped
    # on their own: the same groups as scanning every event for each, without a big deck's many articles
    # making that scan quadratic. Groups come in the order of their first event.
    by_world: dict[tuple[str, str], list[int]] = {}
    for i, (fact, _) in enumerate(events):
        by_world.setdefault(_world(ctx, fact), []).append(i)
    lowered = [clause.lower() for _, clause in events]
    found: list[tuple[int, list[int]]] = []
    for members in by_world.values():
        # A timeline's events tell different things: past the point where fewer than MIN_EVENTS clauses are
        # left to tell, no event starts one (a big deck's copies of one treaty's two dates were scanned
        # pairwise, 700,000 times, for no timeline).
        told: set[str] = set()
        left = [0] * len(members)
        for n in range(len(members) - 1, -1, -1):
            told.add(lowered[members[n]])
            left[n] = len(told)
        used: set[int] = set()
        for n, i in enumerate(members):
            if left[n] < MIN_EVENTS:
                break
            if i in used:
                continue
            picked = [i]
            clauses = {lowered[i]}
            for j in members[n + 1 :]:
                if len(picked) == MAX_EVENTS:
                    break
                if j in used or lowered[j] in clauses:
                    continue
                if all(_comparable(events[j][0].date, events[k][0].date) for k in picked):  # type: ignore[arg-type]
                    picked.append(j)
                    clauses.add(lowered[j])
            if len(picked) >= MIN_EVENTS:
                used.update(picked)
                found.append((i, picked))
    found.sort(key=lambda first_picked: first_picked[0])
    return [[events[k] for k in picked] for _, picked in found]


def group_id(group: Group) -> str:
    ids = sorted(f.id for f, _ in group)
    return f"timeline:{hashlib.sha1(','.join(ids).encode()).hexdigest()[:10]}"


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


def make(ctx: Context, group: Group) -> Item:
    ordered = sorted(group, key=lambda fc: fc[0].date.sort_key())  # type: ignore[union-attr]
    item_id = group_id(group)
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
