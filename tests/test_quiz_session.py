"""Session logic, scheduling and the store, without a terminal; real FSRS, real SQLite."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import subprocess
import sys

import pytest
from quiz_items import sample_deck, sample_items

from quizgen.errors import QuizgenError
from quizgen.quiz import feedback_lines, run_quiz
from quizgen.quiz.grading import NEAR, RIGHT, TYPO, WRONG, Grade
from quizgen.quiz.plain import PlainUI
from quizgen.quiz.scheduler import LEARNING, REVIEW, rating_for, review
from quizgen.quiz.session import Session, choose_items, describe_due, select_items
from quizgen.quiz.stats import chart, compute, lines
from quizgen.quiz.store import Store, resolve_store_path

T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
DECK = sample_deck()
ITEMS = sample_items(DECK)


class Clock:
    def __init__(self, start: dt.datetime = T0) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=5)
        return self.now


class ScriptedUI:
    """Answers each item right or wrong from the item itself (no answers written in the test)."""

    def __init__(self, plan: list[bool], interrupt_after: int | None = None) -> None:
        self.plan = plan
        self.interrupt_after = interrupt_after
        self.asked: list[str] = []
        self.feedback_seen: list[list[str]] = []
        self.summary_lines: list[str] = []

    def ask(self, item, session):
        if self.interrupt_after is not None and len(self.asked) == self.interrupt_after:
            raise KeyboardInterrupt
        if len(self.asked) >= len(self.plan):
            raise EOFError
        right = self.plan[len(self.asked)]
        self.asked.append(item.id)
        if item.type == "true_false":
            return (item.answer == "True") == right
        if item.type == "timeline":
            return item.order if right else tuple(reversed(item.order))
        if item.choices:
            return item.answer if right else next(c for c in item.choices if c != item.answer)
        return item.answer if right else "nothing like it"

    def feedback(self, item, grade, lines):
        self.feedback_seen.append(lines)

    def summary(self, lines):
        self.summary_lines = lines


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "reviews.sqlite3") as s:
        yield s


def _facts(items) -> list[str]:
    return [f for i in items for f in i.facts or (i.fact,)]


TIMELINE, SIGNING = "timeline:new-start", "date-new-start-signing:typed"  # siblings: the timeline shows the date


def test_order_due_first_then_new_and_filters(store):
    clock = Clock()
    run_quiz(ITEMS[:3], DECK, store, ScriptedUI([True, False, True]), clock=clock)
    cards = store.cards()
    later = clock.now + dt.timedelta(days=400)
    # Long after: all three are due, most overdue first, then the new ones, less those whose fact a chosen
    # item asks about already (the warheads cloze: the true/false is due; the timeline: the typed expiry is).
    chosen = select_items(ITEMS, cards, later, count=None)
    due_ids = sorted(cards, key=lambda i: cards[i].due)
    assert [i.id for i in chosen[:3]] == due_ids
    assert {i.id for i in chosen[3:]} == {i.id for i in ITEMS[3:]} - {"limit-new-start-warheads:cloze", TIMELINE}
    # Just after: nothing is due, the new ones come (the timeline or the typed signing date, whichever the
    # shuffle puts first), and --all adds the rest, soonest first, less the siblings of what was chosen.
    soon = clock.now
    new = [i.id for i in select_items(ITEMS, cards, soon, count=None)]
    assert len({TIMELINE, SIGNING} & set(new)) == 1
    assert set(new) | {TIMELINE, SIGNING} == {i.id for i in ITEMS[3:]}
    with_later = [i.id for i in select_items(ITEMS, cards, soon, count=None, include_later=True)]
    sibling_of_new = {"limit-new-start-warheads:true_false"}
    if TIMELINE in new:
        sibling_of_new.add("date-new-start-expiry:typed")
    assert with_later == new + [i for i in due_ids if i not in sibling_of_new]
    assert len(select_items(ITEMS, cards, later, count=2)) == 2
    assert [i.id for i in select_items(ITEMS, cards, later, count=None, due_only=True)] == due_ids
    assert [i.id for i in select_items(ITEMS, cards, later, count=None, new_only=True)] == new
    with pytest.raises(QuizgenError, match="no items are due; the next is due in"):
        select_items(ITEMS, cards, soon, due_only=True)
    with pytest.raises(QuizgenError, match="no items match the filters"):
        select_items([], {}, soon)


def test_a_session_asks_one_item_of_each_fact():
    """The second item of a fact would be answered from the first (the cloze after the true/false of one
    sentence): a session has one, whatever the seed; the others are not lost, they wait for a later session."""
    for seed in range(20):
        chosen = select_items(ITEMS, {}, T0, count=None, seed=seed)
        assert len(_facts(chosen)) == len(set(_facts(chosen)))
        assert set(_facts(chosen)) == set(_facts(ITEMS))  # every fact is asked about
    # Made one at a time (the quiz's big-deck path), a sibling is passed over before it is even made.
    made = []
    by_id = {i.id: i for i in ITEMS}
    chosen = choose_items([i.id for i in ITEMS], lambda i: made.append(i) or by_id[i], {}, T0, count=None)
    warheads = [i for i in made if i.startswith("limit-new-start-warheads:")]
    assert len(warheads) == 1 and warheads[0] in {i.id for i in chosen}  # the other one is never made
    assert len(made) <= len(chosen) + 1  # only a timeline must be made to learn its facts


def test_new_order_is_deterministic_for_a_seed():
    a = [i.id for i in select_items(ITEMS, {}, T0, count=None, seed=3)]
    assert a == [i.id for i in select_items(ITEMS, {}, T0, count=None, seed=3)]
    assert set(a) <= {i.id for i in ITEMS}


def test_session_score_progress_and_summary(store):
    ui = ScriptedUI([True, False, True, True])
    session = run_quiz(ITEMS[:4], DECK, store, ui, clock=Clock())
    assert session.score == 3 and len(session.answers) == 4 and session.done and not session.interrupted
    assert ui.summary_lines[0] == "Quiz finished: 3 of 4 right (75%)"
    assert ui.summary_lines[1].startswith("By kind: date 1/1, signatory 0/1")
    missed = ITEMS[1]
    assert f"  - {missed.prompt}" in ui.summary_lines
    assert any(line.startswith(f"    answer: {missed.answer} (you said: ") for line in ui.summary_lines)
    assert ui.summary_lines[-1].startswith("Next reviews: ")
    first = ui.feedback_seen[0]
    assert first[0] == "✓ Right." and first[1] == f"  Answer: {ITEMS[0].answer}"
    assert first[-1] == f"  Source: “{ITEMS[0].evidence.text}” — {ITEMS[0].source_title}"


def test_interrupt_keeps_answers_and_shows_summary(store):
    ui = ScriptedUI([True, True, True], interrupt_after=2)
    session = run_quiz(ITEMS[:5], DECK, store, ui, clock=Clock())
    assert session.interrupted
    assert ui.summary_lines[0] == "Quiz interrupted: 2 of 2 right (100%), 3 not asked"
    assert len(store.reviews()) == 2


def test_header_shows_progress_score_and_status(store):
    s = Session(ITEMS[:3], labels={ITEMS[0].id: "new"})
    assert s.header() == "Question 1 of 3 · score 0/0 · new"
    s.record(Grade(RIGHT, "x"), None)
    assert s.header() == "Question 2 of 3 · score 1/1"


def test_fsrs_ratings_and_schedule():
    assert [rating_for(Grade(v, "")) for v in (RIGHT, TYPO, NEAR, WRONG)] == [3, 2, 1, 1]
    card = review(None, "x", 3, T0)
    assert card.state == LEARNING and card.due > T0 and card.reps == 1
    # Good, again and again: the card graduates and the interval grows.
    t = T0
    intervals = []
    for _ in range(4):
        t = card.due
        card = review(card, "x", 3, t)
        intervals.append(card.due - t)
    assert card.state == REVIEW
    assert intervals[-1] > intervals[-2] > dt.timedelta(hours=12)
    lapsed = review(card, "x", 1, card.due)
    assert lapsed.lapses == 1 and lapsed.due - card.due < intervals[-1]


def test_store_persists_and_reopens(tmp_path):
    path = tmp_path / "r.sqlite3"
    with Store(path) as s:
        run_quiz(ITEMS[:2], DECK, s, ScriptedUI([True, False]), clock=Clock())
    with Store(path) as s:
        assert len(s.reviews()) == 2
        assert set(s.cards()) == {ITEMS[0].id, ITEMS[1].id}
        assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize(
    "content, why",
    [
        (b"this is not a database at all, just some text" * 50, "not an SQLite database"),
        (None, "without quizgen's tables"),
    ],
)
def test_corrupt_store_is_reported_not_deleted(tmp_path, content, why):
    path = tmp_path / "r.sqlite3"
    if content is None:
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE other (x)")
        db.commit()
        db.close()
    else:
        path.write_bytes(content)
    before = path.read_bytes()
    with pytest.raises(QuizgenError) as err:
        Store(path)
    assert str(err.value).startswith(f"{path}: not a quizgen review store (")
    assert why in str(err.value) and "move this one aside to start afresh" in str(err.value)
    assert "delete" not in str(err.value)  # a store is never to be deleted on quizgen's word
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "r.sqlite3"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute("UPDATE quizgen_schema SET version = 99")
    db.commit()
    db.close()
    with pytest.raises(QuizgenError, match="schema version 99"):
        Store(path)


def test_store_path_option_env_default(monkeypatch, tmp_path):
    monkeypatch.setenv("QUIZGEN_STORE", str(tmp_path / "env.sqlite3"))
    assert resolve_store_path(str(tmp_path / "opt.sqlite3")) == tmp_path / "opt.sqlite3"
    assert resolve_store_path(None) == tmp_path / "env.sqlite3"
    monkeypatch.delenv("QUIZGEN_STORE")
    assert resolve_store_path(None).name == "reviews.sqlite3"


WRITER = """
import sys, datetime as dt
sys.path.insert(0, {tests!r})
from quiz_items import sample_deck, sample_items
from quizgen.quiz import run_quiz
from quizgen.quiz.store import Store

class UI:
    n = 0
    def ask(self, item, session):
        self.n += 1
        if self.n > 40:
            raise EOFError
        return item.answer if item.type not in ("true_false", "timeline") else (
            item.order if item.type == "timeline" else item.answer == "True")
    def feedback(self, *a): pass
    def summary(self, *a): pass

deck = sample_deck()
items = sample_items(deck) * 4
with Store({path!r}) as s:
    run_quiz(items, deck, s, UI())
"""


def test_two_quizzes_at_once_do_not_corrupt_the_store(tmp_path):
    path = tmp_path / "r.sqlite3"
    Store(path).close()
    code = WRITER.format(tests=str(__import__("pathlib").Path(__file__).parent), path=str(path))
    procs = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with Store(path) as s:
        reviews = s.reviews()
        assert len(reviews) == 3 * 40
        cards = s.cards()
        # Every review was applied to the card in turn: reps counts all of them.
        assert sum(c.reps for c in cards.values()) == 3 * 40
    assert sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_plain_ui_asks_again_on_invalid_answers():
    item = ITEMS[1]  # multiple choice
    out = io.StringIO()
    ui = PlainUI(io.StringIO("9\nbanana\n2\n"), out)
    assert ui.ask(item, Session([item])) == item.choices[1]
    assert out.getvalue().count("Please answer with a number from 1 to 4.") == 2
    with pytest.raises(EOFError):
        PlainUI(io.StringIO("maybe\n"), io.StringIO()).ask(ITEMS[2], Session([ITEMS[2]]))


def test_stats(store):
    clock = Clock()
    run_quiz(ITEMS[:4], DECK, store, ScriptedUI([True, False, True, True]), clock=clock)
    s = compute(ITEMS, store.cards(), store.reviews(), clock.now, tz=dt.UTC)
    assert (s.items, s.new, s.learning, s.review) == (len(ITEMS), len(ITEMS) - 4, 4, 0)
    assert s.due_today == 4 and s.due_week == 4 and s.due_now == 0
    assert s.retention == 0.75
    assert s.upcoming[0] == (clock.now.date(), 4)
    text = lines("Deck", s)
    assert text[0] == f"Deck: {len(ITEMS)} items"
    assert "retention: 75% right over the last 4 reviews" in text[3]
    assert chart([(T0.date(), 4), (T0.date() + dt.timedelta(days=1), 0)], width=8) == [
        "  today      ████████ 4",
        "  Mon 02 Mar ·",
    ]


def test_describe_due():
    assert describe_due(T0, T0) == "now"
    assert describe_due(T0 + dt.timedelta(seconds=20), T0) == "in 1 minute"
    assert describe_due(T0 + dt.timedelta(hours=3), T0) == "in 3 hours"
    assert describe_due(T0 + dt.timedelta(days=4), T0) == "in 4 days"


def test_feedback_lines_for_near_miss_and_typo():
    item = ITEMS[0]
    assert feedback_lines(item, Grade(NEAR, "6 Feb 2021", "close: right month and year, wrong day"))[0] == (
        "✗ Near miss, counted wrong — close: right month and year, wrong day."
    )
    assert feedback_lines(item, Grade(TYPO, "x", "almost — you wrote 'x'"))[0] == "✓ Right (almost — you wrote 'x')."


def test_items_are_made_only_when_chosen_and_unmakeable_ones_are_passed_over():
    made = []
    by_id = {i.id: i for i in ITEMS}

    def make(item_id):
        made.append(item_id)
        return None if item_id == ITEMS[0].id else by_id[item_id]

    chosen = choose_items([i.id for i in ITEMS], make, {}, T0, count=2, seed=1)
    assert len(chosen) == 2 and ITEMS[0] not in chosen
    assert len(made) <= 3  # two made, and at most the one that could not be
    with pytest.raises(QuizgenError, match="no questions can be made"):
        choose_items([ITEMS[0].id], make, {}, T0)


def test_plain_true_false_has_no_default():
    """A bare Enter on a true/false question asks again (#13, item 7); it is never taken as an answer."""
    item = next(i for i in ITEMS if i.type == "true_false")
    out = io.StringIO()
    assert PlainUI(io.StringIO("\nf\n"), out).ask(item, Session([item])) is False
    assert out.getvalue().count("Please answer t (true) or f (false).") == 1


def test_feedback_shows_the_source_once():
    """An explanation that is only its source line ("Source: “…” — title") was shown twice, as the 'Why' and
    as the source (#13, item 2, in the quiz)."""
    from dataclasses import replace

    item = ITEMS[0]
    source = f"Source: “{item.evidence.text}” — {item.source_title}"
    for explanation, why in ((source, None), (f"It ends then.\n{source}", "  Why: It ends then.")):
        lines = feedback_lines(replace(item, explanation=explanation), Grade(RIGHT, "x"))
        assert sum(item.source_title in line for line in lines) == 1, lines
        assert [line for line in lines if line.startswith("  Why:")] == ([why] if why else [])
