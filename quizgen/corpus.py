"""Reading articles from disk: decoding, title and publication date, body paragraphs."""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from .errors import QuizgenError
from .model import Article, Source
from .text import is_furniture, is_headline, paragraph_spans, sentence_spans

ARTICLE_SUFFIXES = (".txt",)

_MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
_PUBLISHED_RE = re.compile(
    r"(?:(\d{4})-(\d{2})-(\d{2}))|(?:(\d{1,2})\s+([A-Za-z]+)\s+(\d{4}))|(?:\b([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4}))"
)

Warn = Callable[[str], None]


def find_articles(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named, and `.txt` files inside folders named (recursively, sorted)."""
    found: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            inside = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in ARTICLE_SUFFIXES)
            if not inside:
                raise QuizgenError("no articles (.txt files) in this folder", where=str(raw))
            found.extend(inside)
        elif p.is_file():
            found.append(p)
        elif p.exists():
            raise QuizgenError("not a regular file", where=str(raw))
        else:
            raise QuizgenError("no such file or folder", where=str(raw))
    if not found:
        raise QuizgenError("no articles given")
    return found


def decode(data: bytes, where: str, warn: Warn | None = None) -> str:
    """UTF-8, else Windows-1252 (with a warning); binary data is refused."""
    if b"\x00" in data:
        raise QuizgenError("binary file, not a text article", where=where)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise QuizgenError(f"not UTF-8 text (byte {first_bad}) and not Windows-1252 either", where=where) from None
    if warn:
        warn(f"{where}: not UTF-8 (byte {first_bad}); read as Windows-1252")
    return text


def find_title(text: str) -> str | None:
    """The headline: the first line that reads as one, before the body starts."""
    lines = text.splitlines()
    for n, line in enumerate(lines[:6]):
        s = line.strip()
        if not s:
            continue
        if is_headline(s):
            return s
        if is_furniture(s):
            continue  # a section label such as "World"
        # A sentence-case headline: the first line, unpunctuated, set off by a blank line.
        set_off = n + 1 < len(lines) and not lines[n + 1].strip() and s[-1] not in ".!?\"”'’"
        return s if set_off and len(s.split()) <= 25 else None
    return None


def find_published(text: str) -> str | None:
    """A publication date given on a short line near the top ("Published 23 October 2020")."""
    for line in text.splitlines()[:8]:
        s = line.strip()
        if not s or len(s) > 120 or len(s.split()) > 8:  # (a dateline is short; a long word is no date)
            continue
        m = _PUBLISHED_RE.search(s)
        if not m:
            continue
        g = m.groups()
        try:
            if g[0]:
                return _dt.date(int(g[0]), int(g[1]), int(g[2])).isoformat()
            if g[3] and g[4].lower() in _MONTHS:
                return _dt.date(int(g[5]), _MONTHS[g[4].lower()], int(g[3])).isoformat()
            if g[6] and g[6].lower() in _MONTHS:
                return _dt.date(int(g[8]), _MONTHS[g[6].lower()], int(g[7])).isoformat()
        except ValueError:
            continue
    return None


def make_article(text: str, source_id: str, path: str, where: str, published: str | None = None) -> Article:
    """An Article from decoded text (pure: no file access)."""
    if not text.strip():
        raise QuizgenError("empty article", where=where)
    paragraphs = tuple(paragraph_spans(text))
    if not paragraphs:
        raise QuizgenError("no article text (only headlines or page furniture)", where=where)
    title = find_title(text)
    if title is None:
        title = _first_sentence(text, paragraphs)
    source = Source(id=source_id, path=path, title=title, published=published or find_published(text))
    return Article(source=source, text=text, paragraphs=paragraphs)


def _first_sentence(text: str, paragraphs: tuple[tuple[int, int], ...]) -> str:
    """The article's first sentence of three words or more: not a numbered paragraph's "1." """
    fallback = ""
    for ps, pe in paragraphs:
        para = text[ps:pe]
        for s, e in sentence_spans(para):
            sentence = para[s:e]
            fallback = fallback or sentence
            if len(re.findall(r"[^\W\d_]{2,}", sentence)) >= 3:
                return _shorten(sentence)
    return _shorten(fallback)


def _shorten(text: str, limit: int = 80) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def read_article(
    path: Path, relative_to: Path | None = None, published: str | None = None, warn: Warn | None = None
) -> Article:
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QuizgenError(exc.strerror or str(exc), where=where) from None
    text = decode(data, where, warn)
    shown = os.path.relpath(path, relative_to) if relative_to else str(path)
    return make_article(text, path.stem, Path(shown).as_posix(), where, published)


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    relative_to: Path | None = None,
    published: dict[str, str] | None = None,
    default_published: str | None = None,
    warn: Warn | None = None,
) -> list[Article]:
    """Read every article under `paths`; source paths are written relative to `relative_to`."""
    published = published or {}
    articles: list[Article] = []
    seen: dict[str, Path] = {}
    for p in find_articles(paths):
        if p.stem in seen:
            if seen[p.stem].resolve() == p.resolve():
                continue
            raise QuizgenError(f"two articles share the id {p.stem!r} ({seen[p.stem]})", where=str(p))
        seen[p.stem] = p
        pub = published.get(p.stem) or published.get(p.name) or default_published
        articles.append(read_article(p, relative_to, pub, warn))
    return articles
