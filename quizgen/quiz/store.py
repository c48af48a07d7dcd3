"""The review store: card states and the review log in SQLite.

One transaction per answer (BEGIN IMMEDIATE … COMMIT), so an answer is on disk the moment it is
given and Ctrl-C or a closed terminal loses nothing. WAL mode and a busy timeout let two quizzes run
at once: the second writer waits its turn instead of failing, and each review reads the card inside
its own transaction, so neither overwrites the other's review. A file that is not a quizgen store is
reported, never deleted or "repaired"; and an SQLite error is reported as its real cause (explain): a
read-only folder, a full disk or a damaged file is not "not a store", and no message suggests deleting a
store that could be read. `stats` and `decks` open the store read-only, so they read a store they cannot
write. Each answer is recorded under its deck's file (the decks and deck_items tables, schema version 2),
for `quizgen decks`, `stats` and `reset`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from ..errors import QuizgenError
from . import store_rows as rows
from .grading import VERDICTS, escape_undecodable
from .scheduler import LEARNING, RELEARNING, REVIEW, CardState

SCHEMA_VERSION = 2
ENV_VAR = "QUIZGEN_STORE"
_BUSY_TIMEOUT_MS = 10_000

_SCHEMA_V1 = """
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
_DECKS = """
CREATE TABLE decks (
    path         TEXT PRIMARY KEY,  -- the deck file, absolute
    title        TEXT NOT NULL,
    last_studied TEXT               -- ISO 8601 UTC of its last answer (NULL: never, or reset)
);
CREATE TABLE deck_items (
    path        TEXT NOT NULL,      -- decks.path
    item_id     TEXT NOT NULL,      -- cards.item_id (an item two decks share is in both)
    PRIMARY KEY (path, item_id)
);
"""
# What each schema version adds to the one before: a store is brought up to date when it is opened to
# write, in one transaction. Version 2 records the decks quizzed and which reviewed items are whose; the
# reviews of a version 1 store belong to no deck until a quiz on their deck attaches them (Store.attach).
_MIGRATIONS = {2: _DECKS}
_SCHEMA = _SCHEMA_V1 + _DECKS


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


# --- what went wrong -----------------------------------------------------------------------------

_FIX_BY_HAND = (
    "the store was changed outside quizgen and is left as it is: put that right with an SQLite tool, or "
    "restore a backup"
)


def explain(exc: sqlite3.Error, path: Path, writing: bool = True) -> QuizgenError:
    """The real cause of an SQLite error on the store at `path`, as one error the user can act on.

    SQLite's own words ("unable to open database file", "attempt to write a readonly database") hide the
    cause, and taking every error for "not a store" would invite deleting good data. The extended error
    code (Python 3.11's sqlite_errorcode) says what happened; the file system says why. Only a file that is
    not an SQLite database is "not a quizgen review store"; nothing here suggests deleting a store."""
    code = getattr(exc, "sqlite_errorcode", None)
    name = getattr(exc, "sqlite_errorname", None) or type(exc).__name__
    primary = code & 0xFF if isinstance(code, int) else None
    sqlite_says = f"(SQLite: {exc}, {name})"
    where = str(path)
    if primary in (_READONLY, _CANTOPEN, _PERM):
        obstacle = _obstacle(path, writing)
        if writing and obstacle != _UNREADABLE:
            if obstacle is None:
                return QuizgenError(f"cannot open it for writing {sqlite_says}", where=where)
            reader = " (`quizgen stats` can still read the store)" if path.exists() else ""
            return QuizgenError(
                f"cannot write here: {obstacle}; the quiz saves every answer as it is given, so it needs to "
                f"write{reader}",
                where=where,
            )
        return QuizgenError(f"cannot read it: {obstacle or sqlite_says}", where=where)
    if primary == _FULL:
        return QuizgenError(
            "the disk is full; free some space and run again (what was saved before is kept)", where=where
        )
    if primary == _CORRUPT:
        return QuizgenError(
            f"the review store is damaged {sqlite_says}; it is left as it is: keep a copy, and "
            f"`sqlite3 {path} .recover` may save its reviews",
            where=where,
        )
    if primary == _NOTADB:
        return not_a_store("not an SQLite database", path)
    if primary in (_BUSY, _LOCKED):
        return QuizgenError(
            f"the review store is busy: another program has held it locked for over {_BUSY_TIMEOUT_MS // 1000} s; "
            "try again when it is done",
            where=where,
        )
    if primary == _IOERR:
        return QuizgenError(f"cannot read or write the file: a disk input/output error {sqlite_says}", where=where)
    return QuizgenError(f"cannot use the review store {sqlite_says}", where=where)


# SQLite's primary result codes (sqlite3.h); the extended code's low byte is one of them.
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB, _PERM = 5, 6, 8, 10, 11, 13, 14, 26, 3


_UNREADABLE = "permission denied (check the file's permissions)"


def _obstacle(path: Path, writing: bool) -> str | None:
    """Why the file system keeps SQLite from the store, in words, or None when it does not seem to.

    SQLite writes its journal (-wal and -shm files) beside the store, so a store needs a writable folder as
    well as a writable file; the folder is that of the real file when `path` is a symbolic link."""
    real = Path(os.path.realpath(path))
    folder = real.parent
    if real.exists():
        if not os.access(real, os.R_OK):
            return _UNREADABLE
        if writing and not os.access(real, os.W_OK):
            return "the file is read-only"
        # A read-only -shm (or -wal) beside a writable store, as `stats` of quizgen 0.2 left after reading
        # a read-only store, made SQLite refuse every write with only "attempt to write a readonly database".
        stuck = [side for side in (Path(f"{real}-shm"), Path(f"{real}-wal")) if _read_only(side)]
        if stuck:
            names, it = " and ".join(map(str, stuck)), "them" if len(stuck) > 1 else "it"
            what = f"its files {names} are" if len(stuck) > 1 else f"its file {names} is"
            if _wal_waiting(real) and _read_only(Path(f"{real}-wal")):  # answers not yet in the store: keep it
                return f"{what} read-only; make {it} writable (the -wal file holds answers)"
            return f"{what} read-only; remove {it} or make {it} writable"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"its folder {folder} is read-only, and SQLite writes its journal (-wal, -shm files) beside the store"
    return None


def _read_only(path: Path) -> bool:
    return path.exists() and not os.access(path, os.W_OK)


def not_a_store(why: str, path: Path) -> QuizgenError:
    return QuizgenError(
        f"not a quizgen review store ({why}); name another file with --store or $QUIZGEN_STORE, or move this one "
        "aside to start afresh",
        where=str(path),
    )


def _refuse_special(path: Path) -> None:
    """A store must be a regular file (or not exist yet). SQLite opened on /dev/full or /dev/null fails
    with errors that read like a broken store, and a FIFO would block."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise QuizgenError(f"cannot look at it: {exc.strerror}", where=str(path)) from None
    if stat.S_ISDIR(info.st_mode):
        raise QuizgenError("is a folder, not a review store", where=str(path))
    if not stat.S_ISREG(info.st_mode):
        raise QuizgenError(
            "not a regular file (a device, pipe or socket); the review store must be a file", where=str(path)
        )


def _cannot_share(exc: sqlite3.Error) -> bool:
    """SQLite could not make the -shm file it shares a WAL store by (a read-only folder)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in (_READONLY, _CANTOPEN)


def _wal_waiting(path: Path) -> bool:
    """Whether answers wait in the store's -wal file, not yet copied into the store itself."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except OSError:
        return False


@dataclass(frozen=True)
class DeckRef:
    """A deck file as the store records it: its absolute path, and its title when last quizzed."""

    path: str
    title: str

    @classmethod
    def of(cls, path: str | os.PathLike[str], title: str) -> DeckRef:
        return cls(str(Path(path).resolve()), title)


@dataclass(frozen=True)
class DeckRecord:
    """A deck the store knows: one quizzed (or whose reviewed items a quiz attached) and not forgotten."""

    path: str
    title: str
    last_studied: dt.datetime | None
    item_ids: frozenset[str]  # its items with reviews, as quizzes recorded them


class Store:
    """An open review store. Use as a context manager, or call close().

    With `readonly`, the store is only read (for `stats`), never created or changed: a store that does
    not exist yet reads as empty, a read-only file is read, and a store in a read-only folder is read as
    immutable (SQLite cannot share it there: it needs a writable folder for its -shm file), as long as no
    answers wait in its -wal file."""

    version = SCHEMA_VERSION  # of the file; read-only, an older store is read as it is

    def __init__(self, path: Path | str, create_folder: bool = False, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        shown = str(self.path)
        _refuse_special(self.path)
        if create_folder and not readonly:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise QuizgenError(f"cannot create the store's folder: {exc.strerror}", where=shown) from None
        elif not self.path.parent.is_dir():
            raise QuizgenError("folder does not exist", where=str(self.path.parent))
        existed = self.path.exists() and self.path.stat().st_size > 0
        if readonly and not existed:
            # Nothing to read: an empty store in memory, so nothing is created on disk.
            self.db = sqlite3.connect(":memory:", isolation_level=None)
            self._create_schema()
            return
        # Reading: as a writer would open it (so SQLite tidies its -wal and -shm files away on closing),
        # else read-only, else as immutable: in a read-only folder SQLite cannot make the -shm file by which
        # it shares a store, and immutable needs none. Immutable ignores a -wal file, so not with one waiting.
        modes = ["rw", "ro", "immutable"] if readonly else [None]
        if readonly and not os.access(self.path, os.W_OK) and not _wal_waiting(self.path):
            # A store file this process cannot write: opened any other way, SQLite makes -wal and -shm files
            # beside it (read-only like it, which later made quizgen's writes fail) and cannot remove them.
            # Immutable makes none, and is safe here: nobody writes a read-only file (unless its owner makes
            # it writable while stats reads it; stats then shows the store as it was, or fails).
            modes = ["immutable"]
        for mode in modes:
            try:
                self.db = self._connect(mode)
            except sqlite3.Error as exc:
                raise explain(exc, self.path, writing=not readonly) from None
            try:
                self._prepare(existed)
                return
            except sqlite3.Error as exc:
                self.db.close()
                if mode is None or not _cannot_share(exc):
                    raise explain(exc, self.path, writing=not readonly) from None
                if mode == "ro" and _wal_waiting(self.path):
                    raise QuizgenError(
                        f"cannot read it: answers not yet copied into the store wait in {self.path}-wal, and its "
                        "folder is read-only; run quizgen once where it can write, or copy both files elsewhere",
                        where=shown,
                    ) from None
                if mode == "immutable":
                    raise explain(exc, self.path, writing=False) from None
            except QuizgenError:
                self.db.close()
                raise

    def _connect(self, mode: str | None) -> sqlite3.Connection:
        if mode is None:
            return sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        # A URI names the mode; as_uri() percent-encodes a name with "?" or "#" in it.
        query = "immutable=1" if mode == "immutable" else f"mode={mode}"
        uri = f"{self.path.resolve().as_uri()}?{query}"
        return sqlite3.connect(uri, uri=True, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)

    def _create_schema(self) -> None:
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                self.db.execute(statement)
        self.db.execute("INSERT INTO quizgen_schema (version) VALUES (?)", (SCHEMA_VERSION,))

    def _prepare(self, existed: bool) -> None:
        self.db.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            if existed:
                raise not_a_store("an SQLite database without quizgen's tables", self.path)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("BEGIN IMMEDIATE")
            try:
                # Another quiz may have created the schema while we waited for the lock.
                if not self.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'quizgen_schema'").fetchone():
                    self._create_schema()
                self.db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            return
        if not {"quizgen_schema", "cards", "reviews"} <= tables:
            raise not_a_store("an SQLite database without quizgen's tables", self.path)
        self._check_columns(tables)
        row = self.db.execute("SELECT version FROM quizgen_schema").fetchone()
        if row is None:
            raise QuizgenError(f"table quizgen_schema is empty; {_FIX_BY_HAND}", where=str(self.path))
        version = row[0]
        if isinstance(version, int) and version > SCHEMA_VERSION:
            raise QuizgenError(
                f"made by a newer quizgen (schema version {version}, this quizgen reads {SCHEMA_VERSION}); "
                "upgrade quizgen to use it",
                where=str(self.path),
            )
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise QuizgenError(
                f"schema version {version!r} is not one quizgen wrote (this quizgen reads {SCHEMA_VERSION}); "
                + _FIX_BY_HAND,
                where=str(self.path),
            )
        if version >= 2 and not {"decks", "deck_items"} <= tables:
            missing = sorted({"decks", "deck_items"} - tables)
            raise QuizgenError(f"table {', '.join(missing)} is missing; {_FIX_BY_HAND}", where=str(self.path))
        self.version = version
        if not self.readonly:
            self.db.execute("PRAGMA journal_mode = WAL")
            self._check_writable()
            if version < SCHEMA_VERSION:
                self._migrate()
        # Read-only, an older store is read as it is (a version 1 store knows no decks), never changed.

    def _migrate(self) -> None:
        """Bring the store up to SCHEMA_VERSION in one transaction: all of it, or nothing."""
        with self._transaction():
            # Another quiz may have migrated it while we waited for the lock.
            version = self.db.execute("SELECT version FROM quizgen_schema").fetchone()[0]
            for step in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _MIGRATIONS[step].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
            self.db.execute("UPDATE quizgen_schema SET version = ?", (SCHEMA_VERSION,))
        self.version = SCHEMA_VERSION

    def _check_columns(self, tables: set[str]) -> None:
        """Every column quizgen reads is there (a column dropped by hand is one error, not a traceback).
        The deck tables are checked when there: a version 1 store has none."""
        for table, wanted in rows.COLUMNS.items():
            if table not in tables and table in rows.DECK_TABLES:
                continue
            have = {r[1] for r in self.db.execute(f"PRAGMA table_info({table})")}
            missing = [c for c in wanted if c not in have]
            if missing:
                raise QuizgenError(
                    f"table {table} has no column {', '.join(missing)}; {_FIX_BY_HAND}", where=str(self.path)
                )

    def _check_writable(self) -> None:
        """Fail now, before a question is asked, if the store cannot take an answer: SQLite opens a
        read-only file without complaint and refuses only the first write, when an answer would be lost."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            self.db.execute("UPDATE quizgen_schema SET version = version")
        finally:
            self._rollback()

    def _bad_row(self, table: str, rowid: object, exc: rows.BadValue) -> QuizgenError:
        return QuizgenError(f"row {rowid} of {table}: {exc}; {_FIX_BY_HAND}", where=str(self.path))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -------------------------------------------------------------------------------

    _CARD_COLUMNS = "rowid, item_id, card_json, state, due, last_review, reps, lapses"

    def cards(self, item_ids: Iterable[str] | None = None) -> dict[str, CardState]:
        """Card states by item id (all of them, or those of `item_ids`); new items have none."""
        rows_ = self._read(f"SELECT {self._CARD_COLUMNS} FROM cards")
        wanted = set(item_ids) if item_ids is not None else None
        return {r[1]: self._card(r) for r in rows_ if wanted is None or r[1] in wanted}

    def due_times(self, item_ids: Iterable[str] | None = None) -> dict[str, dt.datetime]:
        """When each card (of `item_ids`, or all) is due: all a quiz needs to choose its items. Only the columns
        read are checked here; a chosen item's whole card is read, and checked, by `cards` (a big store's
        25,000 card states cost 0.38 s to check, its due times 0.08 s)."""
        rows_ = self._read("SELECT rowid, item_id, due FROM cards")
        wanted = set(item_ids) if item_ids is not None else None
        out: dict[str, dt.datetime] = {}
        for rowid, item_id, due in rows_:
            if wanted is None or item_id in wanted:
                try:
                    out[rows.text("item_id", item_id)] = rows.time("due", due)
                except rows.BadValue as exc:
                    raise self._bad_row("cards", rowid, exc) from None
        return out

    def _card(self, r: tuple) -> CardState:
        try:
            return CardState(
                item_id=rows.text("item_id", r[1]),
                card_json=rows.card_json("card_json", r[2]),
                state=rows.one_of("state", r[3], (LEARNING, REVIEW, RELEARNING)),
                due=rows.time("due", r[4]),
                last_review=rows.optional_time("last_review", r[5]),
                reps=rows.whole("reps", r[6]),
                lapses=rows.whole("lapses", r[7]),
            )
        except rows.BadValue as exc:
            raise self._bad_row("cards", r[0], exc) from None

    def reviews(self, item_ids: Iterable[str] | None = None, last: int | None = None) -> list[ReviewRecord]:
        """Reviews, newest first."""
        rows_ = self._rows(
            "SELECT id, item_id, fact, kind, type, reviewed_at, rating, verdict, correct, response, due_after "
            "FROM reviews ORDER BY id DESC"
        )
        wanted = set(item_ids) if item_ids is not None else None
        matching = (r for r in rows_ if wanted is None or r[1] in wanted)
        # (the newest `last` only: a store of 100,000 reviews has no need to check them all for one)
        return [self._review(r) for r in (islice(matching, last) if last is not None else matching)]

    def _review(self, r: tuple) -> ReviewRecord:
        try:
            return ReviewRecord(
                item_id=rows.text("item_id", r[1]),
                fact=rows.text("fact", r[2]),
                kind=rows.text("kind", r[3]),
                type=rows.text("type", r[4]),
                reviewed_at=rows.time("reviewed_at", r[5]),
                rating=rows.whole("rating", r[6], 1, 4),
                verdict=rows.one_of("verdict", r[7], VERDICTS),
                correct=bool(rows.whole("correct", r[8], 0, 1)),
                response=rows.text("response", r[9]),
                due_after=rows.time("due_after", r[10]),
            )
        except rows.BadValue as exc:
            raise self._bad_row("reviews", r[0], exc) from None

    def _read(self, query: str) -> list[tuple]:
        return self._read_with(query, ())

    def _rows(self, query: str) -> Iterator[tuple]:
        """The rows of `query` as SQLite gives them, for a reader that may stop early."""
        try:
            cursor = self.db.execute(query)
            while batch := cursor.fetchmany(256):
                yield from batch
        except sqlite3.Error as exc:
            raise explain(exc, self.path, writing=not self.readonly) from None

    def _read_with(self, query: str, params: tuple) -> list[tuple]:
        try:
            return self.db.execute(query, params).fetchall()
        except sqlite3.Error as exc:
            raise explain(exc, self.path, writing=not self.readonly) from None

    # --- writing -------------------------------------------------------------------------------

    def record(
        self,
        item_id: str,
        fact: str,
        kind: str,
        type_: str,
        update: Callable[[CardState | None], CardState],
        make_review: Callable[[CardState], ReviewRecord],
        deck: DeckRef | None = None,
    ) -> CardState:
        """Review one item in one transaction: read its card, `update` it, write card and log, commit.
        With `deck`, the item is recorded as that deck's, and the deck as studied now."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None
        try:
            row = self.db.execute(
                f"SELECT {self._CARD_COLUMNS} FROM cards WHERE item_id = ?",
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
                    escape_undecodable(r.response),  # a lone surrogate cannot be stored as UTF-8
                    _iso(r.due_after),
                ),
            )
            if deck is not None:
                self._note_deck(deck, [item_id], _iso(r.reviewed_at))
            self.db.execute("COMMIT")
            _test_pause()
        except sqlite3.Error as exc:
            self._rollback()  # SQLite may have rolled back already (a full disk)
            raise explain(exc, self.path) from None
        except BaseException:
            self._rollback()
            raise
        return card

    def _note_deck(self, deck: DeckRef, item_ids: Iterable[str], studied: str | None) -> None:
        # Inside the caller's transaction. The title is the deck's latest; `studied` only moves forward.
        self.db.execute(
            "INSERT INTO decks (path, title, last_studied) VALUES (?, ?, ?) ON CONFLICT (path) DO UPDATE SET "
            "title = excluded.title, last_studied = coalesce(max(decks.last_studied, excluded.last_studied), "
            "decks.last_studied, excluded.last_studied)",
            (deck.path, deck.title, studied),
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO deck_items (path, item_id) VALUES (?, ?)", ((deck.path, i) for i in item_ids)
        )

    def attach(self, deck: DeckRef, reviewed: Iterable[str]) -> None:
        """Record reviewed items (`reviewed`: the deck's items with a card) as the deck's, those not yet (as
        the reviews of a version 1 store). One transaction; nothing is written when all are recorded."""
        mine = {r[0] for r in self._read_with("SELECT item_id FROM deck_items WHERE path = ?", (deck.path,))}
        new = set(reviewed) - mine
        if not new:
            return
        with self._transaction():
            newest = self.reviews(new, last=1)
            self._note_deck(deck, sorted(new), _iso(newest[0].reviewed_at) if newest else None)

    def decks(self) -> list[DeckRecord]:
        """The decks the store knows, the most recently studied first (a version 1 store knows none)."""
        if self.version < 2:
            return []
        members: dict[str, set[str]] = {}
        for rowid, path, item_id in self._read("SELECT rowid, path, item_id FROM deck_items"):
            try:
                members.setdefault(rows.text("path", path), set()).add(rows.text("item_id", item_id))
            except rows.BadValue as exc:
                raise self._bad_row("deck_items", rowid, exc) from None
        out = []
        for rowid, path, title, last in self._read("SELECT rowid, path, title, last_studied FROM decks"):
            try:
                path = rows.text("path", path)
                out.append(
                    DeckRecord(
                        path=path,
                        title=rows.text("title", title),
                        last_studied=rows.optional_time("last_studied", last),
                        item_ids=frozenset(members.get(path, ())),
                    )
                )
            except rows.BadValue as exc:
                raise self._bad_row("decks", rowid, exc) from None
        never = dt.datetime.min.replace(tzinfo=dt.UTC)
        return sorted(out, key=lambda d: (-(d.last_studied or never).timestamp(), d.title, d.path))

    def clear(self, deck_path: str | None, item_ids: Iterable[str]) -> tuple[int, int]:
        """Clear the progress of `item_ids`: delete their reviews and card states (they are new again), in
        one transaction, and mark the deck at `deck_path` (if known) as never studied. The deck stays known.
        Returns (card states deleted, reviews deleted)."""
        ids = sorted(set(item_ids))
        with self._transaction():
            before = self.db.total_changes
            self.db.executemany("DELETE FROM reviews WHERE item_id = ?", ((i,) for i in ids))
            reviews = self.db.total_changes - before
            before = self.db.total_changes
            self.db.executemany("DELETE FROM cards WHERE item_id = ?", ((i,) for i in ids))
            cards = self.db.total_changes - before
            if deck_path is not None and self.version >= 2:
                self.db.execute("DELETE FROM deck_items WHERE path = ?", (deck_path,))
                self.db.execute("UPDATE decks SET last_studied = NULL WHERE path = ?", (deck_path,))
        return cards, reviews

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT around the block: all of it or nothing (rolled back on any exception,
        Ctrl-C included), an SQLite error explained as one line."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.db.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
        except sqlite3.Error as exc:
            raise explain(exc, self.path) from None

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


def open_store(option: str | None, readonly: bool = False) -> Store:
    """Open the store named by --store / $QUIZGEN_STORE / the default, creating the default's folder
    (`readonly`: only to read it, creating nothing)."""
    path = resolve_store_path(option)
    explicit = bool(option) or bool(os.environ.get(ENV_VAR))
    return Store(path, create_folder=not explicit, readonly=readonly)
