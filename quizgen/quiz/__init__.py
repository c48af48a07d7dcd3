"""The terminal quiz: session logic, grading, FSRS scheduling, the review store and two interfaces.

`run_quiz` is the seam between them: it takes items, the decks they come from, an open store and a
user interface, so tests can drive a whole quiz with items they build themselves.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from contextlib import ExitStack
from typing import Protocol

from ..model import Deck, Fact, Item
from .grading import NEAR, RIGHT, TYPO, Grade, Response, grade, storable
from .interrupt import Interrupts, owner
from .scheduler import CardState, rating_for, review
from .session import Session, label_for
from .store import DeckRef, ReviewRecord, Store


class QuizUI(Protocol):
    """What a quiz needs from an interface. `ask` raises EOFError when input ends and KeyboardInterrupt
    on Ctrl-C; both end the session with its summary."""

    def ask(self, item: Item, session: Session) -> Response: ...

    def feedback(self, item: Item, grade: Grade, lines: list[str]) -> None: ...

    def summary(self, lines: list[str]) -> None: ...


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def feedback_lines(item: Item, g: Grade) -> list[str]:
    """Right or wrong, the right answer, the explanation, the source sentence and its article."""
    if g.verdict == RIGHT:
        head = "✓ Right."
    elif g.verdict == TYPO:
        head = f"✓ Right ({g.note})." if g.note else "✓ Right (a small typo forgiven)."
    elif g.verdict == NEAR:
        head = f"✗ Near miss, counted wrong — {g.note}." if g.note else "✗ Near miss, counted wrong."
    else:
        head = "✗ Wrong."
    lines = [head, f"  Answer: {item.answer}"]
    # An explanation may be its source line alone (a statement cut from a clause is left out of it)
    why, _, source = ("\n" + (item.explanation or "")).partition("\nSource: ")
    why = why.strip("\n")
    if why:
        lines.append(f"  Why: {why}")
    # The explanation names its source; otherwise the item's evidence does.
    lines.append(f"  Source: {source}" if source else f"  Source: “{item.evidence.text}” — {item.source_title}")
    return lines


def run_quiz(
    items: Sequence[Item],
    decks: Deck | Mapping[str, Deck],
    store: Store,
    ui: QuizUI,
    clock: Callable[[], dt.datetime] = utc_now,
    interrupts: Interrupts | None = None,
    deck_files: Mapping[str, DeckRef] | None = None,
) -> Session:
    """Ask every item in order, grading and recording each answer as it is given.

    Returns the session; `session.interrupted` is True after Ctrl-C. End of input ends it normally.
    The summary is shown either way. Ctrl-C is taken only at safe points (see interrupt.py): an answer
    given is graded, saved and counted whole, or not at all. `interrupts` is an owner of SIGINT the
    caller has entered; without one, the quiz owns SIGINT while it runs. `deck_files` (by item id) are the
    deck files the store records each answer under, for `quizgen decks`, `stats` and `reset`.
    """
    session = Session(list(items))
    start = clock()
    known = store.cards(i.id for i in items)
    session.labels = {i.id: label_for(known.get(i.id), start) for i in items}
    with ExitStack() as stack:
        if interrupts is None and (interrupts := owner()) is not None:
            stack.enter_context(interrupts)
        check = interrupts.check if interrupts is not None else _no_check
        try:
            while not session.done:
                check()
                item = session.current
                # Text the terminal gave in another encoding is kept as \xNN, so it can be stored and shown.
                response = storable(ui.ask(item, session))
                deck = decks if isinstance(decks, Deck) else decks[item.id]
                g = grade(item, response, _fact_of(item, deck), deck)
                now = clock()
                card = _record(store, item, g, now, (deck_files or {}).get(item.id))
                session.record(g, card.due)
                check()  # the answer is saved and counted: a Ctrl-C meanwhile ends the quiz here
                ui.feedback(item, g, feedback_lines(item, g))
            check()
        except EOFError:
            pass
        except KeyboardInterrupt:
            session.interrupted = True
        ui.summary(session.summary(clock()).lines())
    return session


def _no_check() -> None:
    pass


def _fact_of(item: Item, deck: Deck) -> Fact | None:
    return deck.fact(item.fact)


def _record(store: Store, item: Item, g: Grade, now: dt.datetime, deck_file: DeckRef | None) -> CardState:
    rating = rating_for(g)

    def make_review(card: CardState) -> ReviewRecord:
        return ReviewRecord(
            item_id=item.id,
            fact=item.fact,
            kind=item.kind,
            type=item.type,
            reviewed_at=now,
            rating=rating,
            verdict=g.verdict,
            correct=g.correct,
            response=g.shown,
            due_after=card.due,
        )

    return store.record(
        item.id,
        item.fact,
        item.kind,
        item.type,
        lambda prev: review(prev, item.id, rating, now),
        make_review,
        deck=deck_file,
    )


__all__ = ["QuizUI", "feedback_lines", "run_quiz", "utc_now"]
