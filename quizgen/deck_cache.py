"""Parsed decks, cached: a large deck's YAML is read once, not on every quiz.

Reading and validating YAML costs about 75 µs per fact (3.8 s for a deck of 50,000 facts, most of it
libyaml's event stream; see deck_yaml.py), the cached deck a fifth of that. The commands that read decks
to use them (quiz, stats, questions, export) go through `load_deck_cached`: a deck file of at least
`MIN_BYTES` is looked up in the cache folder by the sha256 of its bytes and the deck code's fingerprint; on
a miss it is parsed and validated as usual and the result stored. A stored deck is one that validated, so
what comes back is what parsing would give (a test holds them equal). `quizgen check` always parses.

Entries are `marshal`led tuples of plain values, not pickles: loading one builds only quizgen's own
dataclasses, never runs code from the cache folder.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cache import Cache, cache_dir
from .collector import paused
from .deck import FORMAT_VERSION, MAX_DECK_BYTES, deck_from_bytes, read_regular_file
from .model import DateValue, Deck, Entity, Evidence, Fact, Quantity, Source

MIN_BYTES = 256 * 1024  # smaller decks parse in well under a second: not worth a file in the cache
KIND = "decks"


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What a cached deck depends on besides the file: the code that reads decks and the dataclasses it
    builds (a change to either invalidates every entry), and marshal's format (Python's version)."""
    h = hashlib.sha256(f"deck {FORMAT_VERSION} {sys.version_info[:2]} {marshal.version}".encode())
    here = Path(__file__).resolve().parent
    for name in ("deck.py", "deck_yaml.py", "model.py", "deck_cache.py"):
        try:
            h.update((here / name).read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


def load_deck_cached(path: str | os.PathLike[str], cache: Cache | None = None, min_bytes: int = MIN_BYTES) -> Deck:
    """`load_deck(path)`, through the cache when the file is large enough (default cache: the user's cache
    folder, or $QUIZGEN_CACHE). Errors are load_deck's: a deck that fails validation is never cached."""
    raw = read_regular_file(Path(path), MAX_DECK_BYTES, "deck file")
    with paused():  # (0.24 s of the 0.4 s a cached deck of 50,000 facts took to load)
        return _load(raw, path, cache, min_bytes)


def _load(raw: bytes, path: str | os.PathLike[str], cache: Cache | None, min_bytes: int) -> Deck:
    if len(raw) < min_bytes:
        return deck_from_bytes(raw, str(path))
    cache = cache or Cache(cache_dir())
    key = _key(raw)
    payload = cache.get(KIND, key)
    if payload is not None:
        try:
            return decode(marshal.loads(payload))
        except (ValueError, EOFError, TypeError, IndexError):
            pass  # an entry this code cannot read: parse again, and overwrite it
    deck = deck_from_bytes(raw, str(path))  # the bytes already read, not the file again
    cache.put(KIND, key, marshal.dumps(encode(deck)))
    return deck


def remember(raw: bytes, where: str, cache: Cache | None = None, min_bytes: int = MIN_BYTES) -> None:
    """Cache the deck whose bytes `extract` has just written, so the first quiz on it does not parse it.
    Parsed from those bytes, not taken from extract's objects: what is stored is what parsing gives."""
    if len(raw) < min_bytes:
        return
    cache = cache or Cache(cache_dir())
    with paused():
        cache.put(KIND, _key(raw), marshal.dumps(encode(deck_from_bytes(raw, where))))


def _key(raw: bytes) -> str:
    return hashlib.sha256(fingerprint().encode() + b"\0" + raw).hexdigest()


# ---- deck <-> plain tuples ---------------------------------------------------------------------------------
# Field by field, in declaration order. The fingerprint covers model.py, so a field added there invalidates
# old entries instead of misreading them.


def _fact(f: Fact) -> tuple[Any, ...]:
    d, q = f.date, f.quantity
    return (
        f.id,
        f.kind,
        f.subject,
        f.answer,
        f.statement,
        [(e.source, e.text, e.answer) for e in f.evidence],
        (d.year, d.month, d.day) if d is not None else None,
        (q.value, q.text, q.measure, q.change) if q is not None else None,
        f.entity,
        f.event,
        f.stance,
        f.quote,
        f.party,
        f.relative,
        list(f.conflicts),
        f.note,
        f.confidence,
    )


def encode(deck: Deck) -> tuple[Any, ...]:
    return (
        deck.title,
        [(s.id, s.path, s.title, s.published, s.encoding) for s in deck.sources],
        [(e.name, e.type, list(e.aliases)) for e in deck.entities],
        [_fact(f) for f in deck.facts],
    )


def decode(data: tuple[Any, ...]) -> Deck:
    title, sources, entities, facts = data
    out = []
    for row in facts:
        fid, kind, subject, answer, statement, evidence, date, quantity, *rest = row
        out.append(
            Fact(
                fid,
                kind,
                subject,
                answer,
                statement,
                [Evidence(*e) for e in evidence],
                DateValue(*date) if date is not None else None,
                Quantity(*quantity) if quantity is not None else None,
                *rest,
            )
        )
    return Deck(
        title=title,
        sources=[Source(*s) for s in sources],
        entities=[Entity(name, etype, tuple(aliases)) for name, etype, aliases in entities],
        facts=out,
    )
