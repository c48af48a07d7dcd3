"""Values read back from the review store, checked before use. Pure.

SQLite keeps whatever is written to a column (text in an INTEGER column, 'banana' as a due date), so a
store edited by hand can hold values quizgen never wrote. Each is checked as it is read, and a bad one is
a BadValue naming the column, which the store turns into one error naming the row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from .scheduler import card_json_problem, shown_value, time_problem

# The columns quizgen reads and writes, by table, as _SCHEMA in store.py creates them.
COLUMNS = {
    "quizgen_schema": ("version",),
    "cards": ("item_id", "fact", "kind", "type", "state", "due", "last_review", "reps", "lapses", "card_json"),
    "reviews": (
        "id",
        "item_id",
        "fact",
        "kind",
        "type",
        "reviewed_at",
        "rating",
        "verdict",
        "correct",
        "response",
        "due_after",
    ),
    "decks": ("path", "title", "last_studied"),
    "deck_items": ("path", "item_id"),
}
# Tables a version 1 store does not have yet (schema version 2 adds them).
DECK_TABLES = frozenset({"decks", "deck_items"})


class BadValue(ValueError):
    """A column's value quizgen cannot use; the message names the column and the value."""


def time(column: str, value: object) -> dt.datetime:
    try:
        t = dt.datetime.fromisoformat(value)  # type: ignore[arg-type]  # TypeError when it is not text
    except (TypeError, ValueError):
        t = None
    if t is None or t.tzinfo is None:  # a time without a zone cannot be compared with one that has it
        problem = time_problem(value)
        raise BadValue(f"{column} {problem} (write times as ISO 8601 with a zone: 2026-01-05T09:00:00+00:00)")
    return t


def optional_time(column: str, value: object) -> dt.datetime | None:
    return None if value is None else time(column, value)


def whole(column: str, value: object, low: int = 0, high: int | None = None) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < low or (high is not None and value > high):
        span = f"from {low}" if high is None else f"from {low} to {high}"
        raise BadValue(f"{column} {shown_value(value)} is not a whole number {span}")
    return value


def text(column: str, value: object) -> str:
    if not isinstance(value, str):
        raise BadValue(f"{column} {shown_value(value)} is not text")
    return value


def one_of(column: str, value: object, allowed: Collection[str]) -> str:
    if value not in allowed:
        raise BadValue(f"{column} {shown_value(value)} is not one of {', '.join(allowed)}")
    return value  # type: ignore[return-value]  # one of `allowed`, which are text


def card_json(column: str, value: object) -> str:
    problem = card_json_problem(value)
    if problem:
        raise BadValue(f"{column} is not a card the scheduler can read: {problem}")
    return value  # type: ignore[return-value]  # card_json_problem checked it is text
