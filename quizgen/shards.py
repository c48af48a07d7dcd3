"""Shard files: the work of one `quizgen extract --shard` run, kept so that `quizgen merge` can join shards
extracted apart (other days, other machines, parts of one archive) into the deck one `extract` over all their
articles would write, byte for byte.

A deck is not enough for that: its facts are already merged, and have lost what merging needs (each claim's
key, sentence, topic, entity type). So a shard keeps, for each article, what was read (its source, text,
paragraphs and lead) and the candidate facts extracted from it, as the extraction cache stores them; and the
treaty-name table they were extracted under, since an article's candidates depend on the treaty names of the
whole corpus (extract/cache.py `treaty_table`), which for a shard are those of its own articles only; and the
names in that table that the article's extraction asked about (extract/treaties.py `AskedNames`): where the
whole corpus's table answers the same for those, the candidates are what one extract would find.

The file is gzip'd JSON (plain data: reading one never runs code), written with no time stamp so that the same
run gives the same bytes. Source paths of files are kept absolute, and written into the merged deck relative
to the deck's folder, as `extract` would have.
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .controls import describe, first_unfit
from .errors import QuizgenError
from .model import KINDS, Article, Source
from .webpage import is_url

FORMAT = "quizgen shard"
VERSION = 1
SUFFIX = ".qzshard"
# The largest shard read, compressed and as JSON (about 30 KB of JSON per article of the benchmark corpus:
# 2 GiB is some 70,000 articles; split a larger archive into more shards).
MAX_SHARD_BYTES = 512 * 2**20
MAX_SHARD_JSON = 2 * 2**30
_MAKE_ONE = "make one with quizgen extract ARTICLES... --shard FILE"
_NOT_CANDIDATES = "its candidate facts are not what quizgen extract writes"


@dataclass(frozen=True)
class ShardArticle:
    article: Article  # its source's path, for a file, absolute
    table: int  # the index in Shard.tables of the treaty-name table it was extracted under
    candidates: list[Any] | None  # extract/context.Candidate; None: the extractor's output could not be kept
    asked: list[str] | None  # the treaty names its extraction asked about (None: not known)


@dataclass(frozen=True)
class Shard:
    where: str  # the file, as named to quizgen
    extractor: str  # extract/cache.extractor_fingerprint() of the quizgen that made it
    pipeline: list[str]  # extract/cache.pipeline_id() of the spaCy pipeline that parsed it
    tables: list[Any]  # treaty-name tables (extract/cache.treaty_table, parsed)
    articles: list[ShardArticle]


# ---- writing --------------------------------------------------------------------------------------------


def shard_bytes(
    articles: list[Article],
    candidates: list[list[Any]],
    asked: list[list[str] | None],
    table: str,
    extractor: str,
    pipeline: list[str],
    relative_to: Path,
) -> bytes:
    """The shard of `articles`, their `candidates` (extracted under the treaty table `table`) and the treaty
    names each `asked` about, gzip'd. `relative_to`: the folder that the articles' source paths are relative
    to (made absolute here)."""
    from .extract.cache import dump_candidates

    items = []
    for article, cands, names in zip(articles, candidates, asked, strict=True):
        src = article.source
        path = src.path if is_url(src.path) else os.path.normpath(os.path.join(relative_to, src.path))
        dumped = dump_candidates(cands)
        items.append(
            {
                "id": src.id,
                "path": path,
                "title": src.title,
                "published": src.published,
                "encoding": src.encoding,
                "text": article.text,
                "paragraphs": [list(p) for p in article.paragraphs],
                "lead": article.lead,
                "table": 0,
                "candidates": None if dumped is None else json.loads(dumped),
                "asked": names,
            }
        )
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "extractor": extractor,
        "pipeline": pipeline,
        "tables": [json.loads(table)],
        "articles": items,
    }
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(data, compresslevel=6, mtime=0)


# ---- reading --------------------------------------------------------------------------------------------


def read_shard(path: str | os.PathLike[str]) -> Shard:
    """A shard file, checked: every way it can be unreadable or malformed is one QuizgenError naming it."""
    from .deck import read_regular_file
    from .extract.cache import decoded_object

    where = str(path)
    raw = read_regular_file(Path(path), MAX_SHARD_BYTES, "shard")
    if not raw.startswith(b"\x1f\x8b"):
        raise QuizgenError(f"not a quizgen shard ({_MAKE_ONE})", where=where)
    data = _gunzip(raw, where)
    try:
        # (the candidates are built as the JSON is parsed, as the extraction cache loads them)
        doc = json.loads(data, object_hook=decoded_object)
    except (ValueError, RecursionError):
        raise QuizgenError("corrupt shard: its content is not JSON", where=where) from None
    except (TypeError, KeyError, AttributeError):
        raise QuizgenError(f"corrupt shard: {_NOT_CANDIDATES}", where=where) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise QuizgenError(f"not a quizgen shard ({_MAKE_ONE})", where=where)
    if doc.get("version") != VERSION:
        raise QuizgenError(
            f"shard format version {doc.get('version')!r}; this quizgen reads version {VERSION}: "
            "extract its articles again with this quizgen",
            where=where,
        )
    extractor, pipeline, tables, items = (doc.get(k) for k in ("extractor", "pipeline", "tables", "articles"))
    if not (
        isinstance(extractor, str)
        and _strings(pipeline)
        and isinstance(tables, list)
        and all(_is_table(t) for t in tables)
        and isinstance(items, list)
    ):
        raise QuizgenError("corrupt shard: a field is missing or of the wrong type", where=where)
    articles = [_article(item, len(tables), f"{where}: article {n + 1}") for n, item in enumerate(items)]
    return Shard(where, extractor, pipeline, tables, articles)


def _gunzip(raw: bytes, where: str) -> bytes:
    """The decompressed bytes, refusing a truncated or corrupt stream and one that would grow past the limit
    (a small file can hold gigabytes of zeros)."""
    out = zlib.decompressobj(wbits=31)  # (31: the gzip container)
    try:
        data = out.decompress(raw, MAX_SHARD_JSON + 1)
    except zlib.error:
        raise QuizgenError("corrupt shard: not a whole gzip stream", where=where) from None
    if len(data) > MAX_SHARD_JSON:
        raise QuizgenError(f"corrupt shard: larger than {MAX_SHARD_JSON // 2**30} GiB once decompressed", where)
    if not out.eof:
        raise QuizgenError("corrupt shard: cut short (not a whole gzip stream)", where=where)
    return data


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _is_table(value: Any) -> bool:
    # [canonical name by name, aliases by canonical name, organisations' acronyms] (extract/cache.treaty_table)
    return (
        isinstance(value, list)
        and len(value) == 3
        and isinstance(value[0], dict)
        and isinstance(value[1], dict)
        and _strings(value[2])
    )


def _article(item: Any, n_tables: int, where: str) -> ShardArticle:
    if not isinstance(item, dict):
        raise QuizgenError("corrupt shard: not an article", where=where)
    text, paragraphs, lead, table = item.get("text"), item.get("paragraphs"), item.get("lead"), item.get("table")
    fields = [item.get(k) for k in ("id", "path", "title", "published", "encoding")]
    if not (
        all(isinstance(v, str) for v in fields[:2])
        and all(v is None or isinstance(v, str) for v in fields[2:])
        and isinstance(text, str)
        and isinstance(lead, str)
        and type(table) is int
        and 0 <= table < n_tables
        and _spans(paragraphs, len(text))
    ):
        raise QuizgenError("corrupt shard: a field is missing or of the wrong type", where=where)
    for value in fields:  # (what the deck writes: its reader refuses these)
        if value is not None and (bad := first_unfit(value)):
            raise QuizgenError(f"corrupt shard: {describe(bad)} in its source", where=where)
    source = Source(*fields)
    cands = item.get("candidates")
    if cands is not None and not (isinstance(cands, list) and all(_sound(c, source.id) for c in cands)):
        raise QuizgenError(f"corrupt shard: {_NOT_CANDIDATES}", where=where)
    asked = item.get("asked")
    if not (asked is None or _strings(asked)):
        raise QuizgenError("corrupt shard: a field is missing or of the wrong type", where=where)
    paras = tuple((s, e) for s, e in paragraphs)
    return ShardArticle(Article(source, text, paras, lead), table, cands, asked)


def _spans(value: Any, size: int) -> bool:
    return isinstance(value, list) and all(
        isinstance(p, list) and len(p) == 2 and all(type(x) is int for x in p) and 0 <= p[0] <= p[1] <= size
        for p in value
    )


def _sound(cand: Any, source: str) -> bool:
    """What merging reads of a candidate to order and group it is there, of its type (the rest is written
    into the deck as it is, by the quizgen whose extractor made it: the fingerprint says it is this one)."""
    from .extract.context import Candidate

    return (
        isinstance(cand, Candidate)
        and cand.source == source
        and type(cand.sentence) is int
        and cand.kind in KINDS
        and all(isinstance(v, str) for v in (cand.subject, cand.answer, cand.statement, cand.evidence, cand.key))
        and (cand.entity is None or isinstance(cand.entity, str))
    )
