"""The review store: card states and the review log in SQLite.

One transaction per answer (BEGIN IMMEDIATE … COMMIT), so an answer is on disk the moment it is
given and Ctrl-C or a closed terminal loses nothing. WAL mode and a busy timeout let two quizzes run
at once: the second writer waits its turn instead of failing, and each review reads the card inside
its own transaction, so neither overwrites the other's review. A file that is not a quizgen store is
reported, never deleted or "repaired".
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import QuizgenError
from .scheduler import CardState

SCHEMA_VERSION = 1
ENV_VAR = "QUIZGEN_STORE"
_BUSY_TIMEOUT_MS = 10_000

_SCHEMA = """
CREATE TABLE quizgen_schema (version INTEGER NOT NULL);
CREATE TABLE cards (
    item_id     TEXT PRIMARY KEY,
    fact        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    type        TEXT NOT NULL,
    state       TEXT NOT NULL,
    due         TEXT NOT NULL,   -- ISO 8601 UTC, so text order is time order
    last_review TEXT,
    reps        INTEGER NOT NULL,
    lapses      INTEGER NOT NULL,
    card_json   TEXT NOT NULL
);
CREATE INDEX cards_due ON cards (due);
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id     TEXT NOT NULL,
    fact        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    type        TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    rating      INTEGER NOT NULL,
    verdict     TEXT NOT NULL,
    correct     INTEGER NOT NULL,
    response    TEXT NOT NULL,
    due_after   TEXT NOT NULL
);
CREATE INDEX reviews_item ON reviews (item_id);
"""


def default_store_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("quizgen", appauthor=False)) / "reviews.sqlite3"


def resolve_store_path(option: str | None) -> Path:
    """--store, else $QUIZGEN_STORE, else the user data directory."""
    if option:
        return Path(option)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    return default_store_path()


@dataclass(frozen=True)
class ReviewRecord:
    item_id: str
    fact: str
    kind: str
    type: str
    reviewed_at: dt.datetime
    rating: int
    verdict: str
    correct: bool
    response: str
    due_after: dt.datetime


def _iso(t: dt.datetime) -> str:
    return t.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _time(s: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(s) if s else None


class Store:
    """An open review store. Use as a context manager, or call close()."""

    def __init__(self, path: Path | str, create_folder: bool = False) -> None:
        self.path = Path(path)
        shown = str(self.path)
        if self.path.is_dir():
            raise QuizgenError("is a folder, not a review store", where=shown)
        if create_folder:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise QuizgenError(f"cannot create the store's folder: {exc.strerror}", where=shown) from None
        elif not self.path.parent.is_dir():
            raise QuizgenError("folder does not exist", where=str(self.path.parent))
        existed = self.path.exists() and self.path.stat().st_size > 0
        if self.path.exists() and not os.access(self.path, os.R_OK | os.W_OK):
            raise QuizgenError("cannot read and write the review store: check its permissions", where=shown)
        try:
            self.db = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as exc:
            raise QuizgenError(f"cannot open the review store: {exc}", where=shown) from None
        try:
            self._prepare(existed)
        except sqlite3.DatabaseError as exc:
            self.db.close()
            raise self._not_a_store(str(exc)) from None
        except QuizgenError:
            self.db.close()
            raise

    def _not_a_store(self, why: str) -> QuizgenError:
        return QuizgenError(
            f"not a quizgen review store ({why}); move it aside or delete it to start afresh", where=str(self.path)
        )

    def _prepare(self, existed: bool) -> None:
        self.db.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            if existed:
                raise self._not_a_store("an SQLite file without quizgen's tables")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("BEGIN IMMEDIATE")
            try:
                # Another quiz may have created the schema while we waited for the lock.
                if not self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'quizgen_schema'").fetchone():
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            self.db.execute(statement)
                    self.db.execute("INSERT INTO quizgen_schema (version) VALUES (?)", (SCHEMA_VERSION,))
                self.db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            return
        if not {"quizgen_schema", "cards", "reviews"} <= tables:
            raise self._not_a_store("an SQLite file without quizgen's tables")
        row = self.db.execute("SELECT version FROM quizgen_schema").fetchone()
        if row is None or row[0] != SCHEMA_VERSION:
            found = "none" if row is None else row[0]
            raise self._not_a_store(f"schema version {found}, this quizgen reads {SCHEMA_VERSION}")
        self.db.execute("PRAGMA journal_mode = WAL")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -------------------------------------------------------------------------------

    def cards(self, item_ids: Iterable[str] | None = None) -> dict[str, CardState]:
        """Card states by item id (all of them, or those of `item_ids`); new items have none."""
        rows = self.db.execute("SELECT item_id, card_json, state, due, last_review, reps, lapses FROM cards").fetchall()
        wanted = set(item_ids) if item_ids is not None else None
        return {r[0]: self._card(r) for r in rows if wanted is None or r[0] in wanted}

    def _card(self, r: tuple) -> CardState:
        return CardState(
            item_id=r[0], card_json=r[1], state=r[2], due=_time(r[3]), last_review=_time(r[4]), reps=r[5], lapses=r[6]
        )

    def reviews(self, item_ids: Iterable[str] | None = None, last: int | None = None) -> list[ReviewRecord]:
        """Reviews, newest first."""
        rows = self.db.execute(
            "SELECT item_id, fact, kind, type, reviewed_at, rating, verdict, correct, response, due_after "
            "FROM reviews ORDER BY id DESC"
        ).fetchall()
        wanted = set(item_ids) if item_ids is not None else None
        out = [
            ReviewRecord(r[0], r[1], r[2], r[3], _time(r[4]), r[5], r[6], bool(r[7]), r[8], _time(r[9]))
            for r in rows
            if wanted is None or r[0] in wanted
        ]
        return out[:last] if last is not None else out

    # --- writing -------------------------------------------------------------------------------

    def record(
        self,
        item_id: str,
        fact: str,
        kind: str,
        type_: str,
        update: Callable[[CardState | None], CardState],
        make_review: Callable[[CardState], ReviewRecord],
    ) -> CardState:
        """Review one item in one transaction: read its card, `update` it, write card and log, commit."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise QuizgenError(f"cannot write to the review store: {exc}", where=str(self.path)) from None
        try:
            row = self.db.execute(
                "SELECT item_id, card_json, state, due, last_review, reps, lapses FROM cards WHERE item_id = ?",
                (item_id,),
            ).fetchone()
            card = update(self._card(row) if row else None)
            self.db.execute(
                "INSERT INTO cards (item_id, fact, kind, type, state, due, last_review, reps, lapses, card_json) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_id) DO UPDATE SET "
                "fact = excluded.fact, kind = excluded.kind, type = excluded.type, state = excluded.state, "
                "due = excluded.due, last_review = excluded.last_review, reps = excluded.reps, "
                "lapses = excluded.lapses, card_json = excluded.card_json",
                (
                    item_id,
                    fact,
                    kind,
                    type_,
                    card.state,
                    _iso(card.due),
                    _iso(card.last_review) if card.last_review else None,
                    card.reps,
                    card.lapses,
                    card.card_json,
                ),
            )
            r = make_review(card)
            self.db.execute(
                "INSERT INTO reviews (item_id, fact, kind, type, reviewed_at, rating, verdict, correct, response, "
                "due_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    r.item_id,
                    r.fact,
                    r.kind,
                    r.type,
                    _iso(r.reviewed_at),
                    r.rating,
                    r.verdict,
                    int(r.correct),
                    r.response,
                    _iso(r.due_after),
                ),
            )
            self.db.execute("COMMIT")
            _test_pause()
        except sqlite3.Error as exc:
            self._rollback()
            raise QuizgenError(f"cannot write to the review store: {exc}", where=str(self.path)) from None
        except BaseException:
            self._rollback()
            raise
        return card

    def _rollback(self) -> None:
        # Only while the transaction is open: after COMMIT there is nothing to undo, and ROLLBACK would
        # raise "no transaction is active" over the exception being handled.
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")


def _test_pause() -> None:
    # Tests hold a review just after its commit (QUIZGEN_TEST_RECORD_PAUSE seconds) to land Ctrl-C there.
    pause = os.environ.get("QUIZGEN_TEST_RECORD_PAUSE")
    if pause:
        time.sleep(float(pause))


def open_store(option: str | None) -> Store:
    """Open the store named by --store / $QUIZGEN_STORE / the default, creating the default's folder."""
    path = resolve_store_path(option)
    explicit = bool(option) or bool(os.environ.get(ENV_VAR))
    return Store(path, create_folder=not explicit)
