"""Spaced repetition with FSRS (the `fsrs` package, v6 API): a grade in, the card's next state out.

Pure apart from the clock passed in. A card's state travels as fsrs's own JSON so the store need not
know its fields; the few it queries (due, state) are copied beside it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
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


def retrievability(card: CardState, now: dt.datetime) -> float:
    """FSRS's estimate of the chance of recalling the card now."""
    from fsrs import Card

    return _scheduler().get_card_retrievability(Card.from_json(card.card_json), current_datetime=now)
