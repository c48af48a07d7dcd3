"""The extraction cache: work that need not be done twice.

Four kinds of entry, each a file named by the sha256 of everything its content depends on:

- `parse`: the spaCy docs of one article's sentences (DocBin bytes), keyed by the sentence texts, the
  pipeline's name and version and spaCy's version. Parsing is most of the cost of `extract`.
- `cands`: one article's candidate facts (JSON), keyed additionally by the extractor's fingerprint and the
  corpus-wide treaty-name table (extraction reads it, so a new treaty name elsewhere invalidates these).
- `asked`: beside each `cands` entry, under its key, the treaty names that extraction asked the table about
  (treaties.AskedNames): what `extract --shard` records for `quizgen merge`.
- `deck`: the finished deck file, keyed by every input of `extract` (see `deck_key`), so rebuilding an
  unchanged corpus only reads the articles.

The extractor's fingerprint is EXTRACTOR_VERSION (extract/version.py) plus a hash of the extractor's own
source files, so a rule change invalidates cached results even when nobody remembered to bump the version.

Entries are written atomically and carry a checksum; an unreadable, truncated or corrupt entry is treated as
missing (and rewritten), never as an error. A cache folder that cannot be written is simply not used.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

# The cache folder and its file format are shared with the deck cache (quizgen/cache.py).
from ..cache import ENV_VAR, Cache, cache_dir, default_dir  # noqa: E402,F401
from ..model import Article, DateValue, Quantity
from .version import EXTRACTOR_VERSION


def digest(*parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()


# ---- keys -----------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """EXTRACTOR_VERSION and the source of the modules whose code decides what is extracted."""
    package = Path(__file__).resolve().parent
    # (english.py: extraction writes its statements by its rules too)
    files = sorted(package.glob("*.py")) + [package.parent / n for n in ("model.py", "text.py", "english.py")]
    files.append(package.parent / "data" / "extract-model.json")  # the trained decision
    h = hashlib.sha256(EXTRACTOR_VERSION.encode())
    for f in files:
        if f.name == "cache.py":
            continue
        h.update(f.name.encode() + b"\0")
        try:
            h.update(f.read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


def pipeline_id(nlp: Any) -> list[str]:
    """What identifies a spaCy pipeline's output: its name, version, components and spaCy's version."""
    import spacy

    meta = getattr(nlp, "meta", {}) or {}
    return [
        f"{meta.get('lang', '')}_{meta.get('name', '')}",
        str(meta.get("version", "")),
        ",".join(getattr(nlp, "pipe_names", ())),
        spacy.__version__,
    ]


def parse_key(pipeline: list[str], texts: list[str]) -> str:
    return digest("parse", pipeline, texts)


def treaty_table(treaties: Any) -> str:
    """What one article's extraction can learn from the corpus-wide treaty names, as a stable string: the
    name each known name resolves to (`canonical`), each treaty's other names (`aliases`) and the acronyms
    that are organisations' (read by `knows`). Not the raw mention counts: another article writing "New
    START" once more changes the counts but, unless it changes which name is canonical, not any article's
    candidates, so it must not invalidate them all.
    (If per-article extraction ever reads more of TreatyNames than these, add it here.)"""
    names = sorted(set(treaties._parent) | set(treaties.counts))
    canonical = {n: treaties.canonical(n) for n in names}
    aliases = {c: treaties.aliases(c) for c in sorted(set(canonical.values()))}
    return json.dumps([canonical, aliases, sorted(treaties.organisations)], sort_keys=True, ensure_ascii=False)


def lookup(table: Any) -> tuple[dict[str, str], frozenset[str]]:
    """What a treaty table (`treaty_table`, parsed) answers names from: the canonical name of each name it
    knows, and the organisations' acronyms."""
    return table[0], frozenset(table[2])


def same_answers(a: tuple[dict[str, str], frozenset[str]], b: tuple[dict[str, str], frozenset[str]],
                 asked: Iterable[str]) -> bool:  # fmt: skip
    """Whether two treaty tables (as `lookup` gives them) answer the same for every name in `asked`, as
    treaties.AskedNames noted them: known or not, its canonical name, an organisation's acronym or not. Each
    answer is read from the tables' entries for the name and its plain form (TreatyNames.knows, .canonical),
    so equal entries give equal answers."""
    from .treaties import EVERY_NAME, _plain

    (canon_a, orgs_a), (canon_b, orgs_b) = a, b
    for name in asked:
        if name == EVERY_NAME:
            return a == b
        plain = _plain(name)
        if (
            canon_a.get(name) != canon_b.get(name)
            or canon_a.get(plain) != canon_b.get(plain)
            or (name in orgs_a) != (name in orgs_b)
        ):
            return False
    return True


def article_data(article: Article) -> list[Any]:
    src = article.source
    paragraphs = [list(p) for p in article.paragraphs]
    return [src.id, src.path, src.title, src.published, src.encoding, article.text, paragraphs]


def candidates_key(parse: str, article: Article, table: str) -> str:
    return digest("cands", extractor_fingerprint(), parse, article_data(article), table)


def deck_key(articles: Iterable[Article], title: str, model: Any) -> str:
    """Every input of `quizgen extract`: the articles as read (text, paths, dates), the title, the pipeline
    asked for, the extractor. The installed pipeline's version is added by the caller through `model`."""
    return digest("deck", extractor_fingerprint(), model, title, [article_data(a) for a in articles])


# ---- candidates as JSON ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _types() -> dict[str, type]:
    from .context import Candidate

    return {"Candidate": Candidate, "DateValue": DateValue, "Quantity": Quantity}


def _encode(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if type(value).__name__ not in _types():
            raise TypeError(f"cannot cache {type(value).__name__}")
        out = {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        out["$"] = type(value).__name__
        return out
    if isinstance(value, frozenset | set):
        items = [_encode(v) for v in value]
        return {"$": type(value).__name__, "items": sorted(items, key=json.dumps)}
    if isinstance(value, tuple):
        return {"$": "tuple", "items": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value) or "$" in value:
            raise TypeError("cannot cache this mapping")
        return {k: _encode(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot cache {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        tag = value.get("$")
        if tag is None:
            return {k: _decode(v) for k, v in value.items()}
        if tag in ("tuple", "frozenset", "set"):
            items = [_decode(v) for v in value["items"]]
            return {"tuple": tuple, "frozenset": frozenset, "set": set}[tag](items)
        cls = _types()[tag]
        return cls(**{k: _decode(v) for k, v in value.items() if k != "$"})
    return value


_COLLECTIONS: dict[str, type] = {"tuple": tuple, "frozenset": frozenset, "set": set}


def decoded_object(value: dict[str, Any]) -> Any:
    """`_decode` of one JSON object whose own values are decoded already: the `object_hook` of json.loads,
    which calls it from the inside out (so a shard of 3,200 articles' candidates loads in a quarter of the
    time the recursion takes). Raises as `_decode` does (KeyError, TypeError) on what this module never
    writes."""
    tag = value.get("$")
    if tag is None:
        return value
    if tag in _COLLECTIONS:
        return _COLLECTIONS[tag](value["items"])
    cls = _types()[tag]
    del value["$"]
    return cls(**value)


def dump_candidates(candidates: list[Any]) -> bytes | None:
    """JSON of the candidates, or None when they do not survive the round trip exactly (then they are
    not cached: a field of a type this module does not know is never silently mangled)."""
    try:
        data = json.dumps([_encode(c) for c in candidates], ensure_ascii=False, separators=(",", ":")).encode()
    except (TypeError, ValueError):
        return None
    if load_candidates(data) != candidates:
        return None
    return data


def load_candidates(data: bytes) -> list[Any] | None:
    try:
        out = json.loads(data, object_hook=decoded_object)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return out if isinstance(out, list) else None


def dump_names(names: list[str]) -> bytes:
    """The treaty names an article's extraction asked about (stored beside its candidates, for shards)."""
    return json.dumps(names, ensure_ascii=False).encode()


def load_names(data: bytes | None) -> list[str] | None:
    try:
        names = json.loads(data) if data is not None else None
    except ValueError:
        return None
    return names if isinstance(names, list) and all(isinstance(n, str) for n in names) else None
