"""What the quiz reads from a big store, read no further than it needs (#14): the cards' due times without
checking every card's JSON, and the newest review of a set without checking every older one. Each equals
the full read it stands in for, on a real SQLite store written through the store's own API."""

from __future__ import annotations

import datetime as dt

import pytest

from quizgen.errors import QuizgenError
from quizgen.quiz.scheduler import review
from quizgen.quiz.store import ReviewRecord, Store

T0 = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)


def _answer(store: Store, item_id: str, rating: int, now: dt.datetime) -> None:
    def record(card):  # noqa: ANN001, ANN202
        return ReviewRecord(item_id, item_id.split(":")[0], "date", "typed", now, rating, "right", rating > 1, "x",
                            card.due)  # fmt: skip

    store.record(item_id, item_id.split(":")[0], "date", "typed", lambda prev: review(prev, item_id, rating, now),
                 record)  # fmt: skip


@pytest.fixture
def store(tmp_path):  # noqa: ANN201
    with Store(tmp_path / "reviews.sqlite3") as s:
        for n in range(30):
            _answer(s, f"f{n % 7}:typed", 1 + n % 4, T0 + dt.timedelta(hours=n))
        yield s


def test_due_times_are_the_cards_due_times(store):
    cards = store.cards()
    assert len(cards) == 7
    assert store.due_times() == {i: c.due for i, c in cards.items()}
    some = ["f1:typed", "f5:typed", "nothing:typed"]
    assert store.due_times(some) == {i: c.due for i, c in store.cards(some).items()}


def test_the_newest_reviews_are_the_first_of_all_reviews(store):
    every = store.reviews()
    assert len(every) == 30 and every[0].reviewed_at == T0 + dt.timedelta(hours=29)
    for ids in (None, ["f3:typed"], ["f0:typed", "f6:typed", "nothing:typed"], ["nothing:typed"]):
        whole = store.reviews(ids)
        for last in (0, 1, 2, 5, 100):
            assert store.reviews(ids, last=last) == whole[:last]


def test_the_newest_review_is_read_past_a_damaged_older_one(store):
    """Asking for the newest review checks the rows it reads, not the older ones a full read would check."""
    store.db.execute("UPDATE reviews SET reviewed_at = 'yesterday' WHERE id = 1")
    store.db.commit()
    assert store.reviews(last=1)[0].reviewed_at == T0 + dt.timedelta(hours=29)
    with pytest.raises(QuizgenError, match="row 1 of reviews: reviewed_at 'yesterday'"):
        store.reviews()


def test_a_damaged_due_time_is_one_error_naming_its_row(store):
    store.db.execute("UPDATE cards SET due = 'soon' WHERE rowid = 3")
    store.db.commit()
    with pytest.raises(QuizgenError, match="row 3 of cards: due 'soon' is not a date"):
        store.due_times()
    bad = store.db.execute("SELECT item_id FROM cards WHERE rowid = 3").fetchone()[0]
    others = [f"f{n}:typed" for n in range(7) if f"f{n}:typed" != bad]
    assert set(store.due_times(others)) == set(others)  # a quiz that does not list that item reads on
