"""The review store in hostile places (#12, bugs 13, 14, 16): nothing lost, nothing injected, nothing hangs.

Through the real command line: a store in a read-only folder or read-only itself, a device or a pipe as
--store, a text file, a damaged file, rows edited by hand, and an answer in bytes the terminal's encoding
cannot decode. Each error is one line naming the real cause; none suggests deleting a store that could be
read, and a store is left byte for byte as it was.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from quizgen.errors import QuizgenError
from quizgen.quiz.scheduler import review
from quizgen.quiz.store import ReviewRecord, Store

DECK = Path(__file__).resolve().parent / "data" / "sample-deck.yaml"
STATS_OF_TWO = "retention: 0% right over the last 2 reviews"  # the store `answered` makes, as stats shows it

# Linux capabilities (linux/capability.h, linux/prctl.h): root writes a read-only folder through
# CAP_DAC_OVERRIDE, so a test of one must run its command without it.
_PR_CAPBSET_DROP, _CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 24, 1, 2


def _without_override() -> None:
    """In the child, before exec: drop the capabilities that let root ignore file permissions from the
    bounding set, so the program it runs (as root, with no file capabilities) never gets them."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def run(
    *args: str, stdin: bytes = b"", unprivileged: bool = False, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m quizgen ARGS` in a subprocess; `unprivileged`: as root, without the right to ignore
    file permissions (as any other user runs it)."""
    result = subprocess.run(
        [sys.executable, "-m", "quizgen", *args],
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        input=stdin,
        capture_output=True,
        timeout=120,  # a FIFO as store once blocked for ever
        preexec_fn=_without_override if unprivileged and os.geteuid() == 0 else None,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def use(command: str, store: str | Path, **options) -> subprocess.CompletedProcess[str]:  # noqa: ANN003
    """`quizgen quiz --plain` or `quizgen stats` on the sample deck and `store`."""
    return run(command, str(DECK), "--store", str(store), *(["--plain"] if command == "quiz" else []), **options)


def one_error(result: subprocess.CompletedProcess[str], *fragments: str) -> str:
    """The one error line of a failed command, which must hold every fragment and never say "delete"."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), result.stderr
    for f in fragments:
        assert f in lines[0], lines[0]
    assert "delete" not in lines[0] and "Traceback" not in result.stderr
    assert "Question 1" not in result.stdout  # refused before a question is asked, so no answer is lost
    return lines[0]


@pytest.fixture
def answered(tmp_path: Path) -> Path:
    """A store holding two reviews, made by the quiz itself, in a folder of its own."""
    folder = tmp_path / "store"
    folder.mkdir()
    store = folder / "reviews.sqlite3"
    result = run("quiz", str(DECK), "--store", str(store), "--plain", "--types", "typed", "-n", "2", stdin=b"x\ny\n")
    assert result.returncode == 0, result.stderr
    assert STATS_OF_TWO in run("stats", str(DECK), "--store", str(store)).stdout
    return store


@pytest.fixture
def permissions_bind(tmp_path: Path) -> None:
    """Skip (only) where a read-only folder cannot be made to bind: root that cannot drop CAP_DAC_OVERRIDE."""
    folder = tmp_path / "probe"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        probe = subprocess.run(
            [sys.executable, "-c", f"open({str(folder / 'x')!r}, 'w')"],
            capture_output=True,
            preexec_fn=_without_override if os.geteuid() == 0 else None,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        pytest.skip(f"cannot drop the right to ignore file permissions: {exc}")
    finally:
        folder.chmod(0o755)
    if probe.returncode == 0:
        pytest.skip("this user writes read-only folders (root that cannot drop CAP_DAC_OVERRIDE)")


# --- bug 13: the real cause, not "not a quizgen review store … delete it" --------------------------------


def test_store_in_read_only_folder_is_read_by_stats_and_refused_by_quiz(answered, permissions_bind):
    before = answered.read_bytes()
    answered.parent.chmod(0o555)
    try:
        stats = run("stats", str(DECK), "--store", str(answered), unprivileged=True)
        assert stats.returncode == 0, stats.stderr
        assert STATS_OF_TWO in stats.stdout  # read, reviews and all
        line = one_error(
            run("quiz", str(DECK), "--store", str(answered), "--plain", unprivileged=True, stdin=b"x\n"),
            f"{answered}: cannot write here: its folder {answered.parent} is read-only",
            "`quizgen stats` can still read the store",
        )
        assert "not a quizgen review store" not in line
        # A new store in that folder cannot be made either, and says why.
        one_error(
            run("quiz", str(DECK), "--store", str(answered.parent / "new.sqlite3"), "--plain", unprivileged=True),
            "cannot write here: its folder",
        )
    finally:
        answered.parent.chmod(0o755)
    assert answered.read_bytes() == before
    assert sorted(p.name for p in answered.parent.iterdir()) == [answered.name]


def test_read_only_store_file_is_read_by_stats_and_refused_by_quiz(answered, permissions_bind):
    before = answered.read_bytes()
    answered.chmod(0o444)
    try:
        stats = run("stats", str(DECK), "--store", str(answered), unprivileged=True)
        assert stats.returncode == 0 and STATS_OF_TWO in stats.stdout, stats.stderr
        # Refused at the start: SQLite opens a read-only file and refuses only the first write, which
        # lost the first answer.
        one_error(
            run("quiz", str(DECK), "--store", str(answered), "--plain", unprivileged=True, stdin=b"x\n"),
            f"{answered}: cannot write here: the file is read-only",
        )
    finally:
        answered.chmod(0o644)
    assert answered.read_bytes() == before


@pytest.mark.parametrize("device", ["/dev/full", "/dev/null", "fifo"])
@pytest.mark.parametrize("command", ["quiz", "stats"])
def test_device_or_pipe_as_store_is_refused_before_opening(tmp_path, device, command):
    if device == "fifo":
        device = str(tmp_path / "fifo")
        os.mkfifo(device)
    elif not Path(device).exists():
        pytest.skip(f"no {device} here")
    one_error(
        use(command, device),
        f"{device}: not a regular file (a device, pipe or socket)",
    )


@pytest.mark.parametrize("command", ["quiz", "stats"])
def test_text_file_is_not_a_store_and_is_kept(tmp_path, command):
    text = tmp_path / "notes.txt"
    text.write_text("my notes, not a database\n" * 20)
    one_error(
        use(command, text),
        f"{text}: not a quizgen review store (not an SQLite database)",
        "move this one aside",
    )
    assert text.read_text() == "my notes, not a database\n" * 20


def test_damaged_store_is_named_damaged_and_kept(answered):
    db = sqlite3.connect(answered)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'cards'").fetchone()[0]
    db.close()
    data = bytearray(answered.read_bytes())
    data[(root - 1) * page_size : root * page_size] = b"\xa5" * page_size  # the cards table's first page
    answered.write_bytes(bytes(data))
    for command in ("stats", "quiz"):
        line = one_error(
            use(command, answered),
            f"{answered}: the review store is damaged",
            ".recover",
        )
        assert "not a quizgen review store" not in line
    assert answered.read_bytes() == bytes(data)


def test_newer_store_asks_for_a_newer_quizgen_not_deletion(answered):
    db = sqlite3.connect(answered)
    db.execute("UPDATE quizgen_schema SET version = 7")
    db.commit()
    db.close()
    one_error(run("stats", str(DECK), "--store", str(answered)), "made by a newer quizgen", "upgrade quizgen")


def test_full_disk_while_answering_says_so(tmp_path):
    # SQLITE_FULL for real: the store may not grow past the pages it has (as on a full disk).
    store = Store(tmp_path / "s.sqlite3")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    now = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)

    def make_review(card):  # noqa: ANN001, ANN202
        return ReviewRecord("i:typed", "i", "date", "typed", now, 1, "wrong", False, "x" * 5000, card.due)

    with pytest.raises(QuizgenError) as err:
        for n in range(50):
            store.record(f"i{n}:typed", "i", "date", "typed", lambda prev: review(prev, "i:typed", 1, now), make_review)
    assert "the disk is full; free some space" in str(err.value)
    store.close()


def test_busy_store_is_named_busy(tmp_path):
    path = tmp_path / "s.sqlite3"
    Store(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(sqlite3.OperationalError) as err:
            sqlite3.connect(path, timeout=0, isolation_level=None).execute("BEGIN IMMEDIATE")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    from quizgen.quiz.store import explain

    what = str(explain(err.value, path))
    assert "the review store is busy" in what and "delete" not in what


# --- bug 14: rows edited by hand -----------------------------------------------------------------


@pytest.mark.parametrize(
    "edit, fragments, commands",
    [
        ("UPDATE cards SET due = 'banana' WHERE rowid = 2", ["row 2 of cards: due 'banana' is not a date"], "both"),
        (
            "UPDATE cards SET due = '2026-01-05' WHERE rowid = 1",
            ["row 1 of cards: due '2026-01-05' has no time zone"],
            "both",
        ),
        (
            "UPDATE cards SET reps = 'many' WHERE rowid = 1",
            ["row 1 of cards: reps 'many' is not a whole number"],
            "both",
        ),
        ("UPDATE cards SET state = 'done' WHERE rowid = 2", ["row 2 of cards: state 'done' is not one of"], "both"),
        ("UPDATE cards SET card_json = '{broken' WHERE rowid = 1", ["row 1 of cards: card_json", "not JSON"], "both"),
        (
            "UPDATE cards SET card_json = json_set(card_json, '$.stability', -1, '$.state', 2) WHERE rowid = 2",
            ["row 2 of cards: card_json", "stability -1 is not a positive number"],
            "both",
        ),
        ("ALTER TABLE cards DROP COLUMN lapses", ["table cards has no column lapses"], "both"),
        ("ALTER TABLE reviews DROP COLUMN verdict", ["table reviews has no column verdict"], "both"),
        (
            "UPDATE reviews SET reviewed_at = 'yesterday' WHERE id = 2",
            ["row 2 of reviews: reviewed_at 'yesterday'"],
            "stats",
        ),
        ("UPDATE reviews SET correct = 7 WHERE id = 1", ["row 1 of reviews: correct 7 is not a whole number"], "stats"),
    ],
)
def test_hand_edited_row_is_one_error_naming_it(answered, edit, fragments, commands):
    """`stats` reads every row; the quiz reads every card's due time, and the whole card of each item it will
    ask (here both are due, so it asks them first): either refuses before a question is asked."""
    db = sqlite3.connect(answered)
    db.execute("UPDATE cards SET due = '2000-01-01T00:00:00+00:00'")
    db.execute(edit)
    db.commit()
    db.close()
    before = answered.read_bytes()
    for command in ("stats", "quiz") if commands == "both" else (commands,):
        line = one_error(use(command, answered), f"{answered}: ", *fragments)
        assert "changed outside quizgen and is left as it is" in line
    assert answered.read_bytes() == before


def test_a_damaged_card_the_quiz_does_not_ask_is_left_alone(answered):
    """A card damaged by hand stops the quiz only when it would ask that item: one broken row, not yet due,
    leaves the rest of the deck to study (and the row as it was); `stats`, which reads every card, names it."""
    db = sqlite3.connect(answered)
    db.execute("UPDATE cards SET due = '2000-01-01T00:00:00+00:00' WHERE rowid = 1")
    db.execute("UPDATE cards SET due = '2999-01-01T00:00:00+00:00', card_json = '{broken' WHERE rowid = 2")
    db.commit()
    broken = db.execute("SELECT * FROM cards WHERE rowid = 2").fetchone()
    db.close()
    result = use("quiz", answered, stdin=b"x\n")
    assert result.returncode == 0 and "Question 1 of" in result.stdout, result.stderr
    assert "1 due" in result.stdout  # the sound card, asked first
    db = sqlite3.connect(answered)
    assert db.execute("SELECT * FROM cards WHERE rowid = 2").fetchone() == broken
    db.close()
    one_error(use("stats", answered), "row 2 of cards: card_json", "not JSON")


def test_card_json_problem():
    from quizgen.quiz.scheduler import card_json_problem

    card = review(None, "a:typed", 3, dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC))
    assert card_json_problem(card.card_json) is None
    assert card_json_problem("[1, 2]") == "not a JSON object"
    assert card_json_problem("[" * 100_000) == "not JSON"  # deeper than the parser's recursion limit
    assert card_json_problem('{"card_id": 1}').startswith("lacks state, step")
    relearning = {**json.loads(card.card_json), "state": 3, "step": None}
    assert card_json_problem(json.dumps(relearning)) == "a relearning card needs a step"
    assert card_json_problem(card.card_json.replace("+00:00", "")) == (
        f"due '{card.due.replace(tzinfo=None).isoformat()}' has no time zone"
    )
    nan = card.card_json.replace('"difficulty": ', '"difficulty": NaN, "x": ')
    assert card_json_problem(nan) == "difficulty nan is not a positive number"


# --- bug 16: an answer in bytes the terminal's encoding cannot decode -----------------------------------


@pytest.mark.parametrize("locale", ["C.UTF-8", "C"])
def test_undecodable_answer_is_graded_shown_and_saved(tmp_path, locale):
    store = tmp_path / "s.sqlite3"
    result = run(
        "quiz",
        str(DECK),
        "--store",
        str(store),
        "--plain",
        "--types",
        "typed",
        "-n",
        "1",
        stdin=b"\xff\xfe x\n",
        env={"LC_ALL": locale, "PYTHONUTF8": "0", "PYTHONIOENCODING": ""},
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "(you said: \\xff\\xfe x)" in result.stdout
    db = sqlite3.connect(store)
    assert db.execute("SELECT response, verdict FROM reviews").fetchall() == [("\\xff\\xfe x", "wrong")]
    db.close()


# --- NEW-9: stats of a read-only store creates nothing; a read-only -shm left behind is named ------------


def test_stats_of_read_only_store_file_creates_nothing_and_the_quiz_then_works(answered, permissions_bind):
    """stats made -wal and -shm files beside a read-only store, read-only like it; once the store was made
    writable again, every quiz failed with SQLite's "attempt to write a readonly database"."""
    before = answered.read_bytes()
    answered.chmod(0o444)
    try:
        stats = run("stats", str(DECK), "--store", str(answered), unprivileged=True)
        assert stats.returncode == 0 and STATS_OF_TWO in stats.stdout, stats.stderr
        assert sorted(p.name for p in answered.parent.iterdir()) == [answered.name]
    finally:
        answered.chmod(0o644)
    assert answered.read_bytes() == before
    assert "over the last 3 reviews" in answer_one(answered)


def answer_one(store: Path) -> str:
    """Answer one question (wrongly) as a user would, then what stats says."""
    quiz = run(
        "quiz",
        str(DECK),
        "--store",
        str(store),
        "--plain",
        "--types",
        "typed",
        "-n",
        "1",
        stdin=b"x\n",
        unprivileged=True,
    )
    assert quiz.returncode == 0 and "Quiz finished: 0 of 1 right" in quiz.stdout, quiz.stderr
    stats = run("stats", str(DECK), "--store", str(store), unprivileged=True)
    assert stats.returncode == 0, stats.stderr
    return stats.stdout


def test_quiz_names_the_read_only_journal_files_left_beside_the_store(answered, permissions_bind):
    """What stats of quizgen 0.2 left when it read a read-only store: -shm and -wal files, read-only like
    it (a read-only SQLite connection cannot remove them; SQLite itself puts right the mode of the empty
    -wal, not of the -shm). Once the store is writable again, the quiz must say which file is in the way,
    not just SQLite's "attempt to write a readonly database"."""
    answered.chmod(0o444)
    old_stats = sqlite3.connect(f"{answered.resolve().as_uri()}?mode=ro", uri=True)
    old_stats.execute("SELECT count(*) FROM reviews").fetchone()
    old_stats.close()
    answered.chmod(0o644)
    shm = Path(f"{answered}-shm")
    assert shm.stat().st_size and shm.stat().st_mode & 0o777 == 0o444, "no stale -shm file to test with"
    line = one_error(
        run("quiz", str(DECK), "--store", str(answered), "--plain", unprivileged=True, stdin=b"x\n"),
        f"{answered}: cannot write here: its file {shm} is read-only; remove it or make it writable",
    )
    assert "not a quizgen review store" not in line
    shm.unlink()  # as the message says; then the quiz works
    assert "over the last 3 reviews" in answer_one(answered)
