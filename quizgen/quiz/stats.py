"""Numbers for `quizgen stats`: what is new, learning, due; recent retention; upcoming reviews. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Item
from ..plural import counted
from .scheduler import LEARNING, RELEARNING, REVIEW, CardState
from .store import ReviewRecord

CHART_DAYS = 14
_BAR = "█"


@dataclass(frozen=True)
class Stats:
    items: int
    new: int
    learning: int
    review: int
    due_now: int
    due_today: int
    due_week: int
    recent: int  # reviews counted for retention
    recent_right: int
    upcoming: list[tuple[dt.date, int]]  # local day, reviews due that day (overdue counted today)

    @property
    def retention(self) -> float | None:
        return self.recent_right / self.recent if self.recent else None


def compute(
    items: Sequence[Item],
    cards: Mapping[str, CardState],
    reviews: Sequence[ReviewRecord],
    now: dt.datetime,
    last: int = 100,
    tz: dt.tzinfo | None = None,
) -> Stats:
    """`tz` is the local zone that decides what "today" is (default: the system's)."""
    local_now = now.astimezone(tz)
    today = local_now.date()
    end_of_today = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), local_now.tzinfo)
    ours = [cards[i.id] for i in items if i.id in cards]
    per_day = {today + dt.timedelta(days=n): 0 for n in range(CHART_DAYS)}
    for c in ours:
        day = max(c.due.astimezone(tz).date(), today)
        if day in per_day:
            per_day[day] += 1
    ids = {i.id for i in items}
    recent = [r for r in reviews if r.item_id in ids][:last]
    return Stats(
        items=len(items),
        new=len(items) - len(ours),
        learning=sum(1 for c in ours if c.state in (LEARNING, RELEARNING)),
        review=sum(1 for c in ours if c.state == REVIEW),
        due_now=sum(1 for c in ours if c.due <= now),
        due_today=sum(1 for c in ours if c.due < end_of_today),
        due_week=sum(1 for c in ours if c.due < end_of_today + dt.timedelta(days=6)),
        recent=len(recent),
        recent_right=sum(1 for r in recent if r.correct),
        upcoming=sorted(per_day.items()),
    )


def chart(upcoming: Sequence[tuple[dt.date, int]], width: int = 40) -> list[str]:
    """A horizontal bar per day: 'Mon 23 Nov  ███ 3'."""
    top = max((n for _, n in upcoming), default=0)
    out = []
    for i, (day, n) in enumerate(upcoming):
        label = "today" if i == 0 else day.strftime("%a %d %b")
        bar = _BAR * (max(1, round(n * width / top)) if n else 0)
        out.append(f"  {label:<10} {bar} {n}" if n else f"  {label:<10} ·")
    return out


def lines(title: str, s: Stats) -> list[str]:
    out = [f"{title}: {counted(s.items, 'item')}"]
    out.append(f"  new {s.new} · learning {s.learning} · review {s.review}")
    out.append(f"  due now {s.due_now} · due today {s.due_today} · due this week {s.due_week}")
    if s.retention is None:
        out.append("  retention: no reviews yet")
    else:
        out.append(f"  retention: {round(100 * s.retention)}% right over the last {counted(s.recent, 'review')}")
    out.append(f"Upcoming reviews (next {counted(len(s.upcoming), 'day')}):")
    out.extend(chart(s.upcoming))
    return out
