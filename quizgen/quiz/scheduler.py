"""Spaced repetition with FSRS (the `fsrs` package, v6 API): a grade in, the card's next state out.

Pure apart from the clock passed in. A card's state travels as fsrs's own JSON so the store need not
know its fields; the few it queries (due, state) are copied beside it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from dataclasses import dataclass

from .grading import NEAR, RIGHT, TYPO, WRONG, Grade

# fsrs v6 has no "new" state: a card with no stored state is new.
NEW, LEARNING, REVIEW, RELEARNING = "new", "learning", "review", "relearning"


@dataclass(frozen=True)
class CardState:
    item_id: str
    card_json: str  # fsrs.Card.to_json()
    state: str  # learning / review / relearning
    due: dt.datetime  # UTC
    last_review: dt.datetime | None
    reps: int = 0
    lapses: int = 0


def rating_for(grade: Grade) -> int:
    """The FSRS rating a grade earns: right → Good, a forgiven typo → Hard, near or wrong → Again."""
    from fsrs import Rating

    return {RIGHT: Rating.Good, TYPO: Rating.Hard, NEAR: Rating.Again, WRONG: Rating.Again}[grade.verdict].value


def card_id_for(item_id: str) -> int:
    """fsrs wants an integer id; derive a stable one from the item id."""
    return int.from_bytes(hashlib.blake2b(item_id.encode(), digest_size=6).digest(), "big")


# fsrs's Card.to_dict keys, and its states (fsrs.State values) by number.
_CARD_KEYS = ("card_id", "state", "step", "stability", "difficulty", "due", "last_review")
_FSRS_STATES = {1: LEARNING, 2: REVIEW, 3: RELEARNING}


def card_json_problem(text: object) -> str | None:
    """What keeps `text` from being a card the scheduler can review (fsrs's Card JSON), or None when it is
    one. A store edited by hand must fail here, with a reason, not inside fsrs with an AssertionError."""
    if not isinstance(text, str):
        return "not text"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"not JSON ({exc.msg} at character {exc.pos})"
    except (ValueError, RecursionError):
        return "not JSON"
    if not isinstance(data, dict):
        return "not a JSON object"
    missing = [k for k in _CARD_KEYS if k not in data]
    if missing:
        return "lacks " + ", ".join(missing)
    state = data["state"]
    if not _is_int(data["card_id"]):
        return f"card_id {shown_value(data['card_id'])} is not a whole number"
    if not _is_int(state) or state not in _FSRS_STATES:
        return f"state {shown_value(state)} is not 1, 2 or 3 (learning, review, relearning)"
    step = data["step"]
    if step is not None and not (_is_int(step) and step >= 0):
        return f"step {shown_value(step)} is not a whole number from 0"
    for key in ("stability", "difficulty"):
        value = data[key]
        # fsrs reads 0 as "not set" (from_dict tests truth), so a set value must be above 0.
        if value is not None and not (_is_number(value) and value > 0):
            return f"{key} {shown_value(value)} is not a positive number"
    # What fsrs asserts before reviewing a card in each state (fsrs.scheduler.review_card).
    needed = {LEARNING: (), REVIEW: ("stability", "difficulty"), RELEARNING: ("step", "stability", "difficulty")}
    for key in needed[_FSRS_STATES[state]]:
        if data[key] is None:
            return f"a {_FSRS_STATES[state]} card needs a {key}"
    for key in ("due", "last_review"):
        if key == "last_review" and data[key] is None:
            continue
        problem = time_problem(data[key])
        if problem:
            return f"{key} {problem}"
    return None


def time_problem(value: object) -> str | None:
    """Why `value` is not a time as the store and fsrs write it (ISO 8601 with a zone), or None."""
    try:
        t = dt.datetime.fromisoformat(value)  # type: ignore[arg-type]  # TypeError when it is not text
    except (TypeError, ValueError):
        return f"{shown_value(value)} is not a date and time"
    if t.tzinfo is None:
        return f"{shown_value(value)} has no time zone"
    return None


def shown_value(value: object, limit: int = 40) -> str:
    """A value read from a store, quoted and cut short for an error message."""
    if value is None:
        return "null"
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    text = value if isinstance(value, str) else repr(value)
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return f"'{text}'" if isinstance(value, str) else text


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _scheduler():  # noqa: ANN202 - fsrs is imported lazily
    from fsrs import Scheduler

    # No fuzzing: the same reviews always give the same schedule (tests and users can reason about it).
    return Scheduler(enable_fuzzing=False)


def review(previous: CardState | None, item_id: str, rating: int, now: dt.datetime) -> CardState:
    """Apply one review to a card (a new card when `previous` is None)."""
    from fsrs import Card, Rating, State

    card = Card.from_json(previous.card_json) if previous else Card(card_id=card_id_for(item_id), due=now)
    card, _log = _scheduler().review_card(card, Rating(rating), review_datetime=now)
    names = {State.Learning: LEARNING, State.Review: REVIEW, State.Relearning: RELEARNING}
    lapsed = previous is not None and previous.state == REVIEW and rating == Rating.Again.value
    return CardState(
        item_id=item_id,
        card_json=card.to_json(),
        state=names[card.state],
        due=card.due,
        last_review=card.last_review,
        reps=(previous.reps if previous else 0) + 1,
        lapses=(previous.lapses if previous else 0) + int(lapsed),
    )
