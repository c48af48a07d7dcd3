"""Deck files: YAML in, dataclasses out, and back. Every error names the file, the line and the field."""

from __future__ import annotations

import datetime as _dt
import difflib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from . import deck_yaml, paths
from .controls import codepoint, first_control
from .corpus import read_page_text
from .deck_mistakes import article_error, has_article_suffix, looks_like_article
from .deck_yaml import LineDict, kind_of
from .encodings import ENCODINGS, UTF8, decode
from .errors import QuizgenError
from .model import (
    ENTITY_TYPES,
    KINDS,
    PRECISIONS,
    DateValue,
    Deck,
    Entity,
    Evidence,
    Fact,
    Quantity,
    Source,
)
from .paths import FileTooLarge, NotARegularFile, read_regular
from .webpage import HTML_SUFFIXES, is_url

FORMAT_VERSION = 1
# The largest deck file read (a 50,000-fact deck is about 32 MB) and the largest source `check` reads.
MAX_DECK_BYTES = 256 * 2**20
MAX_SOURCE_BYTES = 64 * 2**20
# The largest number a limit may hold: beyond this a float loses whole units, and a 400-digit value
# overflowed.
MAX_NUMBER = 1e15
# The keys each part of a deck may have: any other is a typo to report ("conflict:" for "conflicts:").
_KEYS = {
    "deck": ("quizgen", "title", "sources", "entities", "facts"),
    "source": ("id", "path", "title", "published", "encoding"),
    "entity": ("name", "type", "aliases"),
    "fact": (
        "id",
        "kind",
        "subject",
        "answer",
        "statement",
        "evidence",
        "date",
        "quantity",
        "entity",
        "event",
        "stance",
        "quote",
        "party",
        "relative",
        "conflicts",
        "note",
        "confidence",
    ),  # fmt: skip
    "evidence": ("source", "text", "answer"),
    "date": ("value", "precision"),
    "quantity": ("value", "text", "measure", "change"),
}
# Kinds whose answer is a verbatim span of the evidence; quote and position answers are the full
# name of the speaker or actor, which the sentence may give only as a surname or a pronoun.
VERBATIM_ANSWER_KINDS = frozenset({"date", "signatory", "limit", "role", "event"})


# libyaml's C emitter when PyYAML has it (5× faster on large decks); same results.
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Reader:
    """Walks the loaded YAML, converting and checking, with file:line for every complaint."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, line: int, field: str, what: str) -> QuizgenError:
        return QuizgenError(f"{field}: {what}", where=f"{self.path}:{line}")

    def mapping(self, value: Any, line: int, field: str) -> LineDict:
        if not isinstance(value, LineDict):
            raise self.fail(line, field, f"expected a mapping, found {kind_of(value)}")
        return value

    def items(self, parent: LineDict, key: str, field: str, required: bool = True) -> list[Any]:
        value = parent.get(key)
        if value is None:
            if required:
                raise self.fail(parent.line, field, "missing")
            return []
        if not isinstance(value, list):
            raise self.fail(parent.key_lines[key], field, f"expected a list, found {kind_of(value)}")
        return value

    def text(self, parent: LineDict, key: str, field: str, required: bool = True) -> str | None:
        value = parent.get(key)
        if value is None:
            if required:
                raise self.fail(parent.line, f"{field}.{key}", "missing")
            return None
        if type(value) is not str:  # (a number is taken as its text: `title: 1979`)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise self.fail(parent.key_lines[key], f"{field}.{key}", f"expected text, found {kind_of(value)}")
            value = str(value)
        # YAML's "\e" escapes reach here as real control characters; a terminal would obey them.
        if bad := first_control(value, allowed="\t\n"):
            what = f"control character {codepoint(bad)} is not allowed"
            raise self.fail(parent.key_lines[key], f"{field}.{key}", what)
        if required and not value.strip():
            raise self.fail(parent.key_lines[key], f"{field}.{key}", "is empty")
        return value

    def known_keys(self, mapping: LineDict, part: str, field: str) -> None:
        """Every key one the part may have; the first unknown one is reported with the nearest known."""
        for key in mapping:
            if key not in _KEYS[part]:
                near = difflib.get_close_matches(key, _KEYS[part], n=1, cutoff=0.6)
                hint = f"; did you mean {near[0]!r}?" if near else f" (known: {', '.join(_KEYS[part])})"
                raise self.fail(mapping.key_lines[key], f"{field}.{key}", f"unknown key{hint}")

    def line_of(self, parent: LineDict, key: str) -> int:
        return parent.key_lines.get(key, parent.line)


def _check_version(r: _Reader, top: LineDict) -> None:
    version = top.get("quizgen")
    if "quizgen" not in top:
        raise r.fail(top.line, "deck.quizgen", f"missing: the format version (put `quizgen: {FORMAT_VERSION}` first)")
    if isinstance(version, bool) or not isinstance(version, int):
        raise r.fail(r.line_of(top, "quizgen"), "deck.quizgen", f"expected a format version, found {kind_of(version)}")
    if version != FORMAT_VERSION:
        raise r.fail(
            r.line_of(top, "quizgen"),
            "deck.quizgen",
            f"format version {version} is not one this quizgen reads (it reads {FORMAT_VERSION})",
        )


def load_deck(path: str | os.PathLike[str], verify_sources: bool = False) -> Deck:
    """Read and validate a deck file.

    With `verify_sources`, every evidence text is also looked up in its source article (resolved
    relative to the deck's folder) when that file is present.
    """
    p = Path(path)
    shown = str(path)
    raw = read_regular_file(p, MAX_DECK_BYTES, "deck file")
    deck = deck_from_bytes(raw, shown)
    if verify_sources:
        verify_evidence(deck, p.parent, shown)
    return deck


def read_regular_file(path: Path, limit: int, what: str) -> bytes:
    """`paths.read_regular`, its refusals worded for the user (a device or a pipe given as a deck, a file over
    the limit)."""
    try:
        return read_regular(path, limit)
    except OSError as exc:
        raise _refusal(exc, str(path), limit, what) from None


def _refusal(exc: OSError, shown: str, limit: int, what: str) -> QuizgenError:
    if isinstance(exc, FileNotFoundError):
        return QuizgenError("no such file", where=shown)
    if isinstance(exc, IsADirectoryError):
        return QuizgenError(f"is a folder, not a {what}", where=shown)
    if isinstance(exc, NotARegularFile):
        return QuizgenError(f"not a regular file (a device, a pipe or a socket), not a {what}", where=shown)
    if isinstance(exc, FileTooLarge):
        size = "" if exc.size is None else f"{exc.size:,} bytes: "
        return QuizgenError(f"{size}larger than the {limit // 2**20:,} MiB a {what} may have", where=shown)
    return QuizgenError(exc.strerror or str(exc), where=shown)


def deck_from_bytes(raw: bytes, shown: str) -> Deck:
    """A deck file's bytes, decoded and validated; `shown` names the file in messages."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if has_article_suffix(shown):  # an article in Latin-1 or Windows-1252
            raise article_error(shown) from None
        raise QuizgenError(f"not UTF-8 text (byte {exc.start})", where=shown) from None
    return parse_deck(text, shown)


def parse_deck(text: str, path: str = "<deck>") -> Deck:
    """Validate YAML text as a deck; `path` is only used in messages."""
    if not text.strip():
        raise QuizgenError("empty deck file", where=path)
    try:
        data = deck_yaml.load(text)
    except yaml.YAMLError as exc:
        if looks_like_article(text, path, parsed=False):
            raise article_error(path) from None
        raise _yaml_error(exc, text, path) from None
    if looks_like_article(text, path, data):
        raise article_error(path)
    r = _Reader(path)
    top = r.mapping(data, 1, "deck")
    r.known_keys(top, "deck", "deck")
    _check_version(r, top)
    title = r.text(top, "title", "deck")
    assert title is not None

    sources: list[Source] = []
    source_ids: set[str] = set()
    for i, s in enumerate(r.items(top, "sources", "sources")):
        f = f"sources[{i}]"
        s = r.mapping(s, top.key_lines["sources"], f)
        r.known_keys(s, "source", f)
        src = Source(
            id=r.text(s, "id", f) or "",
            path=r.text(s, "path", f) or "",
            title=r.text(s, "title", f, required=False),
            published=r.text(s, "published", f, required=False),
            encoding=r.text(s, "encoding", f, required=False),
        )
        if src.encoding is not None and src.encoding not in ENCODINGS:
            raise r.fail(r.line_of(s, "encoding"), f"{f}.encoding", f"expected one of {', '.join(ENCODINGS)}")
        if src.published is not None:
            try:
                _dt.date.fromisoformat(src.published)
            except ValueError:
                raise r.fail(r.line_of(s, "published"), f"{f}.published", "expected a date YYYY-MM-DD") from None
        if src.id in source_ids:  # (a set: comparing with every earlier source was quadratic)
            raise r.fail(r.line_of(s, "id"), f"{f}.id", f"duplicate source id {src.id!r}")
        sources.append(src)
        source_ids.add(src.id)

    entities: list[Entity] = []
    for i, e in enumerate(r.items(top, "entities", "entities", required=False)):
        f = f"entities[{i}]"
        e = r.mapping(e, top.key_lines["entities"], f)
        r.known_keys(e, "entity", f)
        etype = r.text(e, "type", f) or ""
        if etype not in ENTITY_TYPES:
            raise r.fail(
                r.line_of(e, "type"), f"{f}.type", f"unknown type {etype!r} (one of {', '.join(ENTITY_TYPES)})"
            )
        aliases = r.items(e, "aliases", f"{f}.aliases", required=False)
        if not all(isinstance(a, str) for a in aliases):
            raise r.fail(r.line_of(e, "aliases"), f"{f}.aliases", "expected a list of names")
        entities.append(Entity(name=r.text(e, "name", f) or "", type=etype, aliases=tuple(aliases)))

    facts: list[Fact] = []
    seen_ids: dict[str, int] = {}
    conflict_refs: list[tuple[str, int, str]] = []
    for i, raw_fact in enumerate(r.items(top, "facts", "facts")):
        f = f"facts[{i}]"
        fm = r.mapping(raw_fact, top.key_lines["facts"], f)
        r.known_keys(fm, "fact", f)
        fact = _read_fact(r, fm, f, source_ids)
        if fact.id in seen_ids:
            raise r.fail(
                r.line_of(fm, "id"), f"{f}.id", f"duplicate fact id {fact.id!r} (first at line {seen_ids[fact.id]})"
            )
        seen_ids[fact.id] = r.line_of(fm, "id")
        conflict_refs.extend((c, r.line_of(fm, "conflicts"), f) for c in fact.conflicts)
        facts.append(fact)
    for ref, line, f in conflict_refs:
        if ref not in seen_ids:
            raise r.fail(line, f"{f}.conflicts", f"no fact with id {ref!r}")
    return Deck(title=title, sources=sources, entities=entities, facts=facts)


def _yaml_error(exc: yaml.YAMLError, text: str, path: str) -> QuizgenError:
    """A YAML error as one QuizgenError with its line."""
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        return QuizgenError(f"YAML syntax error: {problem}", where=f"{path}{line}")
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return QuizgenError(f"control character {what} is not allowed in a deck", where=f"{path}:{line}")
    return QuizgenError(f"YAML error: {' '.join(str(exc).split())}", where=path)


def _read_fact(r: _Reader, fm: LineDict, f: str, source_ids: set[str]) -> Fact:
    kind = r.text(fm, "kind", f) or ""
    if kind not in KINDS:
        raise r.fail(r.line_of(fm, "kind"), f"{f}.kind", f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
    evidence: list[Evidence] = []
    ev_items = r.items(fm, "evidence", f"{f}.evidence", required=False)
    if not ev_items:
        raise r.fail(r.line_of(fm, "evidence"), f"{f}.evidence", "a fact needs at least one piece of evidence")
    for j, ev in enumerate(ev_items):
        g = f"{f}.evidence[{j}]"
        ev = r.mapping(ev, r.line_of(fm, "evidence"), g)
        r.known_keys(ev, "evidence", g)
        src = r.text(ev, "source", g) or ""
        if src not in source_ids:
            raise r.fail(r.line_of(ev, "source"), f"{g}.source", f"no source with id {src!r}")
        ev_text = r.text(ev, "text", g) or ""
        ev_answer = r.text(ev, "answer", g, required=False)
        if ev_answer is not None and ev_answer not in ev_text:
            raise r.fail(r.line_of(ev, "answer"), f"{g}.answer", f"{ev_answer!r} is not in the evidence text")
        evidence.append(Evidence(source=src, text=ev_text, answer=ev_answer))
    answer = r.text(fm, "answer", f) or ""
    if kind in VERBATIM_ANSWER_KINDS and not any(answer in ev.text for ev in evidence):
        raise r.fail(r.line_of(fm, "answer"), f"{f}.answer", f"{answer!r} is not in the fact's evidence")

    date = None
    if "date" in fm:
        dm = r.mapping(fm["date"], r.line_of(fm, "date"), f"{f}.date")
        r.known_keys(dm, "date", f"{f}.date")
        value = r.text(dm, "value", f"{f}.date") or ""
        precision = r.text(dm, "precision", f"{f}.date") or ""
        try:
            date = DateValue.parse(value)
        except ValueError as exc:
            raise r.fail(r.line_of(dm, "value"), f"{f}.date.value", str(exc)) from None
        if precision not in PRECISIONS:
            raise r.fail(r.line_of(dm, "precision"), f"{f}.date.precision", f"one of {', '.join(PRECISIONS)}")
        if precision != date.precision:
            raise r.fail(r.line_of(dm, "precision"), f"{f}.date.precision", f"{value!r} has precision {date.precision}")
    quantity = None
    if "quantity" in fm:
        qm = r.mapping(fm["quantity"], r.line_of(fm, "quantity"), f"{f}.quantity")
        r.known_keys(qm, "quantity", f"{f}.quantity")
        number = qm.get("value")
        if isinstance(number, bool) or not isinstance(number, int | float):
            raise r.fail(r.line_of(qm, "value"), f"{f}.quantity.value", "expected a number")
        if not (abs(number) <= MAX_NUMBER):  # (false for NaN; an int of 400 digits compares without overflow)
            raise r.fail(r.line_of(qm, "value"), f"{f}.quantity.value", f"expected a number within ±{MAX_NUMBER:.0e}")
        change = r.text(qm, "change", f"{f}.quantity", required=False) or "limit"
        if change not in ("limit", "reduce"):
            raise r.fail(r.line_of(qm, "change"), f"{f}.quantity.change", "one of limit, reduce")
        quantity = Quantity(
            value=float(number),
            text=r.text(qm, "text", f"{f}.quantity") or "",
            measure=r.text(qm, "measure", f"{f}.quantity") or "",
            change=change,
        )
    conflicts = r.items(fm, "conflicts", f"{f}.conflicts", required=False)
    if not all(isinstance(c, str) for c in conflicts):
        raise r.fail(r.line_of(fm, "conflicts"), f"{f}.conflicts", "expected a list of fact ids")

    def opt(key: str) -> str | None:
        return r.text(fm, key, f, required=False)

    return Fact(
        id=r.text(fm, "id", f) or "",
        kind=kind,
        subject=r.text(fm, "subject", f) or "",
        answer=answer,
        statement=r.text(fm, "statement", f) or "",
        evidence=evidence,
        date=date,
        quantity=quantity,
        entity=opt("entity"),
        event=opt("event"),
        stance=opt("stance"),
        quote=opt("quote"),
        party=opt("party"),
        relative=opt("relative"),
        conflicts=list(conflicts),
        note=opt("note"),
        confidence=_confidence(r, fm, f),
    )


def verify_evidence(deck: Deck, base: Path, shown: str, read: Callable[[Path], str] | None = None) -> list[str]:
    """Check every evidence text against its source article; return the sources that were not found. A web
    page's address is not fetched (the page may have changed since, or be gone): it counts as not found."""
    texts: dict[str, str | None] = {}
    for s in deck.sources:
        if is_url(s.path):
            texts[s.id] = None
            continue
        candidate = base / s.path
        try:
            # Read as extract read it: the recorded encoding, control characters removed.
            texts[s.id] = read(candidate) if read else _source_text(candidate, s.encoding)
        except (NotARegularFile, FileTooLarge) as exc:  # refused, not taken for a missing source
            raise _refusal(exc, str(candidate), MAX_SOURCE_BYTES, "source article") from None
        except OSError:
            texts[s.id] = None
    for i, fact in enumerate(deck.facts):
        for j, ev in enumerate(fact.evidence):
            text = texts.get(ev.source)
            if text is not None and ev.text not in text:
                raise QuizgenError(
                    f"facts[{i}].evidence[{j}]: text is not in source {ev.source!r}: {ev.text[:60]!r}",
                    where=shown,
                )
    return [sid for sid, t in texts.items() if t is None]


def _source_text(path: Path, encoding: str | None) -> str:
    data = read_regular(path, MAX_SOURCE_BYTES)
    if path.suffix.lower() in HTML_SUFFIXES:  # the page's main text, as extract read it
        return read_page_text(data, str(path)).text
    return decode(data, str(path), encoding=encoding or UTF8).text


def deck_to_data(deck: Deck) -> dict[str, Any]:
    """The deck as plain data, keys in a fixed, readable order."""
    out: dict[str, Any] = {"quizgen": FORMAT_VERSION, "title": deck.title}
    out["sources"] = [
        {
            k: v
            for k, v in (
                ("id", s.id),
                ("path", s.path),
                ("title", s.title),
                ("published", s.published),
                ("encoding", s.encoding),
            )
            if v
        }
        for s in deck.sources
    ]
    out["entities"] = [
        {"name": e.name, "type": e.type, **({"aliases": list(e.aliases)} if e.aliases else {})} for e in deck.entities
    ]
    out["facts"] = [_fact_to_data(f) for f in deck.facts]
    return out


def _confidence(r: _Reader, fm: LineDict, f: str) -> float | None:
    """The optional `confidence:` of a fact: a number from 0 to 1."""
    if "confidence" not in fm:
        return None
    value = fm["confidence"]
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise r.fail(r.line_of(fm, "confidence"), f"{f}.confidence", "expected a number from 0 to 1")
    return float(value)


def _fact_to_data(f: Fact) -> dict[str, Any]:
    d: dict[str, Any] = {"id": f.id, "kind": f.kind, "subject": f.subject, "answer": f.answer}
    d["statement"] = f.statement
    if f.date is not None:
        d["date"] = {"value": f.date.iso, "precision": f.date.precision}
    if f.quantity is not None:
        q = f.quantity
        value: int | float = int(q.value) if q.value.is_integer() else q.value
        d["quantity"] = {"value": value, "text": q.text, "measure": q.measure, "change": q.change}
    for key in ("entity", "event", "stance", "quote", "party", "relative"):
        value = getattr(f, key)
        if value:
            d[key] = value
    if f.conflicts:
        d["conflicts"] = list(f.conflicts)
    if f.note:
        d["note"] = f.note
    if f.confidence is not None:
        d["confidence"] = f.confidence
    d["evidence"] = [
        {"source": e.source, "text": e.text, **({"answer": e.answer} if e.answer else {})} for e in f.evidence
    ]
    return d


def dump_deck(deck: Deck) -> str:
    header = "# quizgen deck: edit freely; fact ids tie review history and Anki notes to facts.\n"
    return header + yaml.dump(
        deck_to_data(deck),
        Dumper=_SafeDumper,
        sort_keys=False,
        allow_unicode=True,
        width=4096,
        default_flow_style=False,
    )


def save_deck(deck: Deck, path: str | os.PathLike[str]) -> None:
    """Write a deck atomically: a temporary file beside the target, then a rename."""
    paths.write_output(path, dump_deck(deck).encode("utf-8"))
