"""Ctrl-C right after an answer (#12, bug 15): the summary always shows, no traceback, exit status 130,
every answer the quiz acknowledged is in the store (and the summary counts exactly what the store holds),
and the quiz stops.

Real `quizgen quiz` processes: in plain mode with answers piped in and SIGINT sent to the process, and in
the questionary interface through a pseudo-terminal, where Ctrl-C is the ^C byte typed at the terminal
(or SIGINT sent to the process). Each is run at many moments over the first 40 ms after an answer, when
the answer is being written, committed, counted and acknowledged. QUIZGEN_TEST_RECORD_PAUSE makes the
store wait after its commit, so the interrupt can be made to land exactly there, every time.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pexpect
import pytest
from conftest import DATA, ROOT

QUIZ = ("-m", "quizgen", "quiz", str(DATA / "sample-deck.yaml"), "--types", "typed", "--count", "3")
DELAYS = [n * 0.040 / 29 for n in range(30)]  # 0 to 40 ms after the answer
PAUSE = "QUIZGEN_TEST_RECORD_PAUSE"
SUMMARY = re.compile(r"Quiz interrupted: (?:no questions answered|\d+ of (\d+) right)")
ACKNOWLEDGED = re.compile(r"✓ Right|✗ (?:Wrong|Near miss)")


def stored_reviews(store: Path) -> int:
    if not store.exists():
        return 0
    db = sqlite3.connect(store)
    try:
        return db.execute("SELECT count(*) FROM reviews").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not written yet
        return 0
    finally:
        db.close()


def wait_for_review(store: Path) -> None:
    """Until the answer is committed (the child then waits QUIZGEN_TEST_RECORD_PAUSE seconds)."""
    deadline = time.monotonic() + 30
    while stored_reviews(store) < 1:
        assert time.monotonic() < deadline, "the answer was never committed"
        time.sleep(0.005)


def check_outcome(what: str, status: int | None, output: str, store: Path) -> None:
    """What every interrupted run must show, whatever moment Ctrl-C came."""
    assert "Traceback" not in output, f"{what}: {output}"
    assert status == 130, f"{what}: exit status {status}\n{output}"
    summaries = SUMMARY.findall(output)
    assert len(summaries) == 1, f"{what}: no summary (or two)\n{output}"
    answered = int(summaries[0] or 0)
    assert "Quiz finished" not in output, output
    # The summary counts what the store holds, and every answer shown as right or wrong is held.
    assert stored_reviews(store) == answered, f"{what}: summary {answered}, store {stored_reviews(store)}\n{output}"
    assert len(ACKNOWLEDGED.findall(output)) <= answered, f"{what}: an acknowledged answer is missing\n{output}"


# --- plain mode: SIGINT to the process --------------------------------------------------------------


def read_until(proc: subprocess.Popen, marker: bytes, seen: bytearray) -> None:
    deadline = time.monotonic() + 30
    while marker not in seen:
        assert time.monotonic() < deadline, f"no {marker!r} in {bytes(seen)!r}"
        ready, _, _ = select.select([proc.stdout], [], [], 1)
        if ready:
            chunk = os.read(proc.stdout.fileno(), 65536)
            assert chunk, f"output ended before {marker!r}: {bytes(seen)!r}"
            seen += chunk


def plain_run(store: Path, delay: float | None, env: dict[str, str] | None = None) -> None:
    """Answer the first question, then SIGINT `delay` seconds later (None: once the answer is committed)."""
    proc = subprocess.Popen(
        [sys.executable, *QUIZ, "--plain", "--store", str(store)],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    seen = bytearray()
    try:
        read_until(proc, b"answer: ", seen)
        proc.stdin.write(b"x\n")
        proc.stdin.flush()
        if delay is None:
            wait_for_review(store)
        else:
            time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        # Standard input stays open: a quiz that swallowed the interrupt would wait for the next answer.
        try:
            out, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            pytest.fail(f"the quiz went on after Ctrl-C {delay} s after an answer: {bytes(seen + out)!r}")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    output = (bytes(seen) + out).decode() + err.decode()
    check_outcome(f"plain, Ctrl-C {delay} s after the answer", proc.returncode, output, store)


def test_plain_ctrl_c_inside_the_recording_of_an_answer(tmp_path):
    store = tmp_path / "s.sqlite3"
    plain_run(store, None, {PAUSE: "2"})
    assert stored_reviews(store) == 1


def test_plain_ctrl_c_at_many_moments_after_an_answer(tmp_path):
    for n, delay in enumerate(DELAYS):
        plain_run(tmp_path / f"s{n}.sqlite3", delay)


# --- the questionary interface: ^C typed at a pseudo-terminal ----------------------------------------


def pty_run(store: Path, delay: float | None, env: dict[str, str] | None = None, kill: bool = False) -> None:
    """Answer the first question, then ^C (with `kill`: SIGINT to the process) `delay` seconds later."""
    # No cursor-position requests: pexpect is a terminal that never answers them.
    child = pexpect.spawn(
        sys.executable,
        [*QUIZ, "--store", str(store)],
        cwd=str(ROOT),
        env={**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", **(env or {})},
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 220),
    )
    what = f"terminal, {'SIGINT' if kill else '^C'} {delay} s after the answer"
    try:
        child.expect(r"Question 1 of 3")
        child.expect(r"\?")  # the prompt is on screen
        child.send("x\r")
        if delay is None:
            wait_for_review(store)
        else:
            time.sleep(delay)
        if kill:
            child.kill(signal.SIGINT)
        else:
            child.send("\x03")
        try:
            child.expect(pexpect.EOF)
        except pexpect.TIMEOUT:
            pytest.fail(f"{what}: the quiz went on: {child.before}")
        child.close()
    finally:
        if child.isalive():
            child.terminate(force=True)
    status = child.exitstatus if child.signalstatus is None else -child.signalstatus
    check_outcome(what, status, child.before, store)


def test_terminal_ctrl_c_inside_the_recording_of_an_answer(tmp_path):
    store = tmp_path / "s.sqlite3"
    pty_run(store, None, {PAUSE: "2"})
    assert stored_reviews(store) == 1


def test_terminal_ctrl_c_at_many_moments_after_an_answer(tmp_path):
    # ^C typed at the terminal, and `kill -INT` (which also reaches the prompt's event loop), in turn.
    for n, delay in enumerate(DELAYS):
        pty_run(tmp_path / f"s{n}.sqlite3", delay, kill=n % 2 == 1)


# --- the summary, and a quiz started with SIGINT ignored ----------------------------------------------


class SummaryUI:
    """Answers every question with the right answer; a second Ctrl-C (a real SIGINT to this process)
    comes while the summary is being shown."""

    def __init__(self) -> None:
        self.summary_lines: list[str] = []

    def ask(self, item, session):
        if len(session.answers) == 2:
            raise KeyboardInterrupt  # the first Ctrl-C, as a prompt raises it
        return item.answer

    def feedback(self, item, grade, lines):
        pass

    def summary(self, lines):
        for n, line in enumerate(lines):
            if n == 1:
                os.kill(os.getpid(), signal.SIGINT)
            self.summary_lines.append(line)


def test_a_second_ctrl_c_cannot_cut_the_summary_short(tmp_path):
    from quiz_items import sample_deck, sample_items

    from quizgen.quiz import run_quiz
    from quizgen.quiz.interrupt import Interrupts
    from quizgen.quiz.store import Store

    deck = sample_deck()
    items = [i for i in sample_items(deck) if i.type == "typed"][:3]
    ui = SummaryUI()
    before = signal.getsignal(signal.SIGINT)
    try:
        with Store(tmp_path / "s.sqlite3") as store, Interrupts(then_ignore=True) as interrupts:
            session = run_quiz(items, deck, store, ui, interrupts=interrupts)
        # As `quizgen quiz` leaves it: from the end of the quiz to the exit, Ctrl-C is ignored.
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    except KeyboardInterrupt:
        pytest.fail(f"the second Ctrl-C cut the summary short after {ui.summary_lines}")
    finally:
        signal.signal(signal.SIGINT, before)
    assert session.interrupted
    assert ui.summary_lines[0] == "Quiz interrupted: 2 of 2 right (100%), 1 not asked"
    assert ui.summary_lines[-1].startswith("Next reviews: ")


def test_a_quiz_started_with_sigint_ignored_keeps_ignoring_it(tmp_path):
    """`nohup quizgen quiz …` or a background job of a script: Python leaves SIGINT ignored, and so does
    the quiz's own handling of Ctrl-C."""
    store = tmp_path / "s.sqlite3"
    proc = subprocess.Popen(
        [sys.executable, *QUIZ, "--plain", "--store", str(store)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    seen = bytearray()
    try:
        read_until(proc, b"answer: ", seen)
        proc.stdin.write(b"x\n")
        proc.stdin.flush()
        read_until(proc, b"Question 2 of 3", seen)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(b"", timeout=30)  # then the end of input ends the quiz
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    output = (bytes(seen) + out).decode()
    assert proc.returncode == 0, err.decode()
    assert "Quiz finished: 0 of 1 right (0%), 2 not asked" in output
    assert stored_reviews(store) == 1


# --- the store, when Ctrl-C comes just after a commit -------------------------------------------------


class InterruptedAfterCommit(sqlite3.Connection):
    """A real SQLite connection where a KeyboardInterrupt lands just after each COMMIT, as Python's own
    SIGINT handler may raise it (outside a quiz, or in a program using the store)."""

    def execute(self, sql, *args):
        cursor = super().execute(sql, *args)
        if sql == "COMMIT":
            raise KeyboardInterrupt
        return cursor


def test_store_interrupted_after_a_commit_keeps_it_and_says_nothing_false(tmp_path, monkeypatch):
    from quizgen.quiz.scheduler import review
    from quizgen.quiz.store import ReviewRecord, Store

    path = tmp_path / "s.sqlite3"
    connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: connect(*a, factory=InterruptedAfterCommit, **k))
    # Creating the store: was "not a quizgen review store (cannot rollback - no transaction is active)".
    with pytest.raises(KeyboardInterrupt):
        Store(path)
    monkeypatch.undo()
    with Store(path) as store:
        assert store.cards() == {}
        now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)

        def make_review(card):
            return ReviewRecord("i", "f", "date", "typed", now, 3, "right", True, "x", card.due)

        # A review: was the traceback of a failed ROLLBACK; the review is saved.
        store.db.close()
        store.db = connect(path, isolation_level=None, factory=InterruptedAfterCommit)
        with pytest.raises(KeyboardInterrupt):
            store.record("i", "f", "date", "typed", lambda prev: review(prev, "i", 3, now), make_review)
        assert [r.item_id for r in store.reviews()] == ["i"]
