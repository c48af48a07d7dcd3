"""A quiz session without a user interface: which items, in what order, the running score, the summary.

Everything here is pure: the store's card states and the clock come in as arguments.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice

from ..errors import QuizgenError
from ..model import KINDS, Item
from ..plural import counted
from .grading import Grade
from .scheduler import CardState


def select_items(
    items: Sequence[Item],
    cards: Mapping[str, CardState],
    now: dt.datetime,
    count: int | None = 10,
    seed: int = 0,
    new_only: bool = False,
    due_only: bool = False,
    include_later: bool = False,
) -> list[Item]:
    """Due items first (most overdue first), then new ones (shuffled by `seed`); with `include_later`,
    then the items not yet due (soonest first). At most `count` (None: all), and at most one item of each
    fact: a second item of a fact would be answered from the first (its siblings wait for another session)."""
    by_id = {i.id: i for i in items}
    due_at = {i: c.due for i, c in cards.items()}
    return choose_items(list(by_id), by_id.get, due_at, now, count, seed, new_only, due_only, include_later)


NEW_POOL = 3  # new items made per place left, for the quality score to choose the best among


def choose_items(
    ids: Sequence[str],
    make: Callable[[str], Item | None],
    due_at: Mapping[str, dt.datetime],
    now: dt.datetime,
    count: int | None = 10,
    seed: int = 0,
    new_only: bool = False,
    due_only: bool = False,
    include_later: bool = False,
    score: Callable[[Item], float] | None = None,
) -> list[Item]:
    """`select_items` over item ids, making each item only when it is chosen: `make(id)` builds it, or
    gives None when that item cannot be made (it is passed over); `due_at` says when each reviewed item is
    due. A big deck's quiz makes ten items, not all of them. With `score`, new items are made a few per place
    left (NEW_POOL, in the seeded order) and the best scored come first."""
    if new_only and due_only:
        raise QuizgenError("new_only and due_only exclude each other")
    due = sorted((i for i in ids if i in due_at and due_at[i] <= now), key=lambda i: (due_at[i], i))
    new = [i for i in ids if i not in due_at]
    random.Random(seed).shuffle(new)
    later = sorted((i for i in ids if i in due_at and due_at[i] > now), key=lambda i: (due_at[i], i))
    if new_only:
        phases = [new]
    elif due_only:
        phases = [due]
    else:
        phases = [due, new] + ([later] if include_later else [])
    chosen: list[Item] = []
    asked: set[str] = set()  # facts an item chosen so far asks about

    def room() -> bool:
        return count is None or len(chosen) < count

    def made(phase: list[str]) -> Iterator[Item]:
        for item_id in phase:
            if not room():
                return
            if item_id.rpartition(":")[0] in asked:  # "<fact id>:<type>": a sibling, known without making it
                continue
            item = make(item_id)
            if item is not None and not set(item.facts or (item.fact,)) & asked:
                yield item

    for phase in phases:
        items: Iterable[Item] = made(phase)
        if score is not None and phase is new:
            # (capped: islice takes no stop past sys.maxsize, and `-n` may be any size)
            wanted = None if count is None else min(sys.maxsize, NEW_POOL * (count - len(chosen)))
            pool = list(islice(items, wanted))
            best = sorted(range(len(pool)), key=lambda n: (-round(score(pool[n]), 6), n))  # ties: seeded order
            items = [pool[n] for n in best]
        for item in items:
            if not room():
                break
            facts = set(item.facts or (item.fact,))
            if facts & asked:
                continue  # a sibling of an item chosen since it was made
            asked |= facts
            chosen.append(item)
    if not chosen:
        if any(phases):
            raise QuizgenError("no questions can be made from these facts with these filters")
        what, problem = _empty_reason(ids, due_at, now, new_only, due_only)
        raise QuizgenError(what, problem=problem)
    return chosen


def _empty_reason(
    ids: Sequence[str], due_at: Mapping[str, dt.datetime], now: dt.datetime, new_only: bool, due_only: bool
) -> tuple[str, str | None]:
    """Why nothing was chosen; and the problem's name when other choices would give items (QuizgenError)."""
    if not ids:
        return "no items match the filters", None
    scheduled = [due_at[i] for i in ids if i in due_at]
    when = f"; the next is due {describe_due(min(scheduled), now)}" if scheduled else ""
    if new_only:
        reviewed = "the one item has" if len(ids) == 1 else f"all {len(ids)} have"
        return f"no new items: {reviewed} been reviewed{when}", "all_reviewed"
    if due_only:
        return f"no items are due{when}", None
    return f"nothing is due and nothing is new{when}", "nothing_due_or_new"


def label_for(card: CardState | None, now: dt.datetime) -> str:
    """How an item stands before it is asked: new, or reviewed and when it was due."""
    if card is None:
        return "new"
    times = f"reviewed {counted(card.reps, 'time')}"
    return f"{times}, due {describe_due(card.due, now)}" if card.due > now else f"{times}, due now"


@dataclass(frozen=True)
class Answer:
    item: Item
    grade: Grade
    due: dt.datetime | None  # when the item comes back, after this review


@dataclass
class Session:
    """The running state of a quiz: position, score, answers."""

    items: list[Item]
    answers: list[Answer] = field(default_factory=list)
    interrupted: bool = False
    labels: dict[str, str] = field(default_factory=dict)  # item id → "new", "reviewed 2 times, due now"

    @property
    def position(self) -> int:
        """1-based number of the current question."""
        return len(self.answers) + 1

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def done(self) -> bool:
        return len(self.answers) >= len(self.items)

    @property
    def current(self) -> Item:
        return self.items[len(self.answers)]

    @property
    def score(self) -> int:
        return sum(1 for a in self.answers if a.grade.correct)

    def header(self) -> str:
        label = self.labels.get(self.current.id)
        tail = f" · {label}" if label else ""
        return f"Question {self.position} of {self.total} · score {self.score}/{len(self.answers)}{tail}"

    def record(self, grade: Grade, due: dt.datetime | None) -> Answer:
        answer = Answer(self.current, grade, due)
        self.answers.append(answer)
        return answer

    def summary(self, now: dt.datetime) -> Summary:
        by_kind: dict[str, list[int]] = {}
        for a in self.answers:
            tally = by_kind.setdefault(a.item.kind or "other", [0, 0])
            tally[0] += int(a.grade.correct)
            tally[1] += 1
        order = {k: i for i, k in enumerate(KINDS)}
        kinds = sorted(by_kind.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        dues = sorted(a.due for a in self.answers if a.due is not None)
        return Summary(
            answered=len(self.answers),
            total=len(self.items),
            score=self.score,
            by_kind=[(k, right, n) for k, (right, n) in kinds],
            missed=[a for a in self.answers if not a.grade.correct],
            next_due=dues,
            now=now,
            interrupted=self.interrupted,
        )


@dataclass(frozen=True)
class Summary:
    answered: int
    total: int
    score: int
    by_kind: list[tuple[str, int, int]]  # kind, right, answered
    missed: list[Answer]
    next_due: list[dt.datetime]
    now: dt.datetime
    interrupted: bool

    def lines(self) -> list[str]:
        out = []
        head = "Quiz interrupted" if self.interrupted else "Quiz finished"
        if self.answered == 0:
            return [f"{head}: no questions answered."]
        pct = round(100 * self.score / self.answered)
        out.append(f"{head}: {self.score} of {self.answered} right ({pct}%)" + _of_total(self))
        out.append("By kind: " + ", ".join(f"{k} {r}/{n}" for k, r, n in self.by_kind))
        if self.missed:
            out.append("Missed:")
            for a in self.missed:
                out.append(f"  - {a.item.prompt}")
                out.append(f"    answer: {a.item.answer} (you said: {a.grade.shown or '(nothing)'})")
        if self.next_due:
            out.append("Next reviews: " + _due_buckets(self.next_due, self.now))
        return out


def _of_total(s: Summary) -> str:
    return "" if s.answered == s.total else f", {s.total - s.answered} not asked"


def _due_buckets(dues: Sequence[dt.datetime], now: dt.datetime) -> str:
    """'2 in 10 minutes, 3 in 4 days' — grouped by how they would be described."""
    groups: dict[str, int] = {}
    for d in sorted(dues):
        key = describe_due(d, now)
        groups[key] = groups.get(key, 0) + 1
    return ", ".join(f"{n} {when}" for when, n in groups.items())


def describe_due(due: dt.datetime, now: dt.datetime) -> str:
    """'now', 'in 10 minutes', 'in 3 hours', 'in 4 days'."""
    seconds = (due - now).total_seconds()
    if seconds <= 0:
        return "now"
    minutes = max(round(seconds / 60), 1)
    if minutes < 60:
        return f"in {counted(minutes, 'minute')}"
    hours = round(seconds / 3600)
    if hours < 24:
        return f"in {counted(hours, 'hour')}"
    days = round(seconds / 86400)
    return f"in {counted(days, 'day')}"
