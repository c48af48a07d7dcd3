"""Reading articles from disk or the web: decoding, title and publication date, body paragraphs."""

from __future__ import annotations

import datetime as _dt
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .controls import describe, first_unfit
from .encodings import UTF8, Warn, decode
from .english import MONTH_NAMES
from .errors import QuizgenError
from .model import Article, Source
from .text import is_furniture, is_headline, paragraph_spans, sentence_spans
from .webpage import (
    DEFAULT_TIMEOUT,
    HTML_SUFFIXES,
    NO_ARTICLE,
    PageText,
    check_address,
    is_url,
    looks_like_address,
    url_source_id,
)

ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)

_PUBLISHED_RE = re.compile(
    r"(?:(\d{4})-(\d{2})-(\d{2}))|(?:(\d{1,2})\s+([A-Za-z]+)\s+(\d{4}))|(?:\b([A-Za-z]+)\s+(\d{1,2}),?\s+(\d{4}))"
)


def find_articles(paths: Iterable[str | os.PathLike[str]]) -> list[Path | str]:
    """Files named, `.txt` and `.html` files inside folders named (recursively, sorted), and http(s)
    addresses (kept as they are, strings: they are fetched when read)."""
    found: list[Path | str] = []
    for raw in paths:
        if isinstance(raw, str) and looks_like_address(raw):
            if not is_url(raw):
                raise QuizgenError("not an http:// or https:// address (only web pages are fetched)", where=raw)
            check_address(raw)
            found.append(raw)
            continue
        p = Path(raw)
        if p.is_dir():
            inside = sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in ARTICLE_SUFFIXES)
            if not inside:
                raise QuizgenError("no articles (.txt or .html files) in this folder", where=str(raw))
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


# The commonest English words: a quarter of any English article's words (26% in the sparsest of the 251
# articles in this repository), a few in French, German or Spanish ones, which share little more than "a".
_ENGLISH_WORDS = frozenset(
    ("the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "it", "said", "be",
     "are", "has", "have", "at", "from", "an", "its", "not", "this", "were", "will", "which")
)  # fmt: skip
MIN_ENGLISH_SHARE = 0.08
_MIN_WORDS_JUDGED = 40
_MIN_PARAGRAPH_WORDS = 20
_RUN_RE = re.compile(r"[^.!?]{2000,}")  # (pipeline.MAX_SENTENCE_CHARS; the pipeline is too heavy to import)


def not_english(text: str) -> str | None:
    """Why the text does not look like English, or None. Judged on letters and words, so a short text or
    one made mostly of numbers is given the benefit of the doubt."""
    text = text[:50_000]  # a sample is enough, and keeps a huge article quick
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= _MIN_WORDS_JUDGED:
        other = Counter(unicodedata.name(ch, "?").split()[0] for ch in letters if not _latin(ch))
        if sum(other.values()) * 2 > len(letters):
            script = other.most_common(1)[0][0]
            shown = "CJK (Chinese, Japanese or Korean)" if script == "CJK" else script.title()
            return f"does not look like English: most of its letters are {shown}"
    # Paragraph by paragraph, so one long paragraph does not outvote the article around it; a run with no
    # sentence end is skipped, as extraction skips it.
    shares = []
    for paragraph in re.split(r"\n\s*\n", text):
        words = re.findall(r"[a-z]+", _RUN_RE.sub(" ", paragraph).lower())
        if len(words) >= _MIN_PARAGRAPH_WORDS:
            shares.append(sum(1 for w in words if w in _ENGLISH_WORDS) / len(words))
    foreign = [s for s in shares if s < MIN_ENGLISH_SHARE]
    if foreign and len(foreign) * 2 > len(shares):
        share = sum(foreign) / len(foreign)
        return f"does not look like English: {share:.0%} of its words are common English ones ('the', 'of', …)"
    return None


def _latin(ch: str) -> bool:
    return ch < "\u0250" or unicodedata.name(ch, "").startswith("LATIN")


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
            if g[3] and g[4].lower() in MONTH_NAMES:
                return _dt.date(int(g[5]), MONTH_NAMES[g[4].lower()], int(g[3])).isoformat()
            if g[6] and g[6].lower() in MONTH_NAMES:
                return _dt.date(int(g[8]), MONTH_NAMES[g[6].lower()], int(g[7])).isoformat()
        except ValueError:
            continue
    return None


def make_article(
    text: str,
    source_id: str,
    path: str,
    where: str,
    published: str | None = None,
    encoding: str = UTF8,
    title: str | None = None,
) -> Article:
    """An Article from decoded text (pure: no file access); `title`, when a web page's metadata gave one."""
    if not text.strip():
        raise QuizgenError("empty article", where=where)
    if why := not_english(text):
        raise QuizgenError(why, where=where)
    paragraphs = tuple(paragraph_spans(text))
    if not paragraphs:
        raise QuizgenError("no article text (only headlines or page furniture)", where=where)
    headline = title or find_title(text)  # a web page's own title first
    source = Source(
        id=source_id,
        path=path,
        # Not the first sentence: under every card of the article it reads as the source of the card's words
        # ("— Last week, US National Security Adviser Robert O’Brien announced …" under another's quotation).
        title=headline or title_from_name(path),
        published=published or find_published(text),
        encoding=None if encoding == UTF8 else encoding,  # UTF-8 goes without saying
    )
    return Article(source=source, text=text, paragraphs=paragraphs, lead=headline or _first_sentence(text, paragraphs))


def title_from_name(path: str) -> str:
    """The title of an article with no headline, from its file name: 'new-start-extension.txt' → 'New start
    extension' (separators become spaces, the first letter a capital, the rest as written). A name without a
    word ('000_a3db5a43.txt', 'a1.txt') stays the file's name: it still says which file the card is from."""
    name = Path(path).name
    words = [w for w in re.split(r"[\s_.-]+", Path(path).stem) if w]
    if not any(w.isalpha() and len(w) > 1 for w in words):
        return name
    text = " ".join(words)
    return text[0].upper() + text[1:]


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
    shown = os.path.relpath(path, relative_to) if relative_to else str(path)
    if bad := first_unfit(shown):
        # The deck records the path as UTF-8 text, and the deck reader refuses control characters.
        raise QuizgenError(f"{describe(bad)} in the file name; rename the file", where=where)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise QuizgenError(exc.strerror or str(exc), where=where) from None
    recorded = Path(shown).as_posix()
    if path.suffix.lower() in HTML_SUFFIXES:
        return _page_article(read_page_text(data, where, warn=warn), path.stem, recorded, where, published)
    decoded = decode(data, where, warn)
    return make_article(decoded.text, path.stem, recorded, where, published, decoded.encoding)


def read_page_text(
    data: bytes, where: str, charset: str | None = None, url: str | None = None, warn: Warn | None = None
) -> PageText:
    """A saved or fetched page's main text, title and date (`extract` and `check` both read pages here)."""
    from .webpage import decode_page, page_text

    return page_text(decode_page(data, where, charset, warn), where, url)


def read_url_article(
    url: str,
    published: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    source_id: str | None = None,
    warn: Warn | None = None,
) -> Article:
    """The article on the web page at `url`: the deck records the address as the source's path."""
    if bad := first_unfit(url):
        raise QuizgenError(f"{describe(bad)} in the address", where=url)
    from .webpage import fetch

    fetched = fetch(url, timeout)
    page = read_page_text(fetched.data, url, fetched.charset, fetched.url, warn)
    return _page_article(page, source_id or url_source_id(url), url, url, published)


def _page_article(page: PageText, source_id: str, path: str, where: str, published: str | None) -> Article:
    """A page's Article: its own title and date unless the user gave a date; one message for a page whose
    main text is no story (trafilatura found none, or only headings and menus)."""
    if not paragraph_spans(page.text):
        raise QuizgenError(NO_ARTICLE, where=where)
    return make_article(page.text, source_id, path, where, published or page.published, title=page.title)


def read_articles(
    paths: Iterable[str | os.PathLike[str]],
    relative_to: Path | None = None,
    published: dict[str, str] | None = None,
    default_published: str | None = None,
    warn: Warn | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> list[Article]:
    """Read every article under `paths` and at the addresses among them; source paths are written relative to
    `relative_to`, addresses as given. `timeout`: for each web page, in seconds."""
    published = published or {}
    found = find_articles(paths)
    # Files keep their names' stems as ids (two files alike are refused: the user can rename one); a page
    # whose address ends like another's, or like a file's, is numbered instead, in the order given.
    ids: dict[str, Path | str] = {}
    for p in found:
        if isinstance(p, Path):
            if p.stem in ids and ids[p.stem] != p and Path(ids[p.stem]).resolve() != p.resolve():
                raise QuizgenError(f"two articles share the id {p.stem!r} ({ids[p.stem]})", where=str(p))
            ids.setdefault(p.stem, p)
    for p in found:
        if isinstance(p, str) and p not in ids.values():
            sid = base = url_source_id(p)
            n = 1
            while sid in ids:
                n += 1
                sid = f"{base}-{n}"
            ids[sid] = p
    articles: list[Article] = []
    first = {p: i for i, p in reversed(list(enumerate(found)))}
    for sid, p in sorted(ids.items(), key=lambda item: first[item[1]]):  # (read in the order given)
        if isinstance(p, str):
            pub = published.get(p) or published.get(sid) or default_published
            articles.append(read_url_article(p, pub, timeout, sid, warn))
        else:
            pub = published.get(p.stem) or published.get(p.name) or default_published
            articles.append(read_article(p, relative_to, pub, warn))
    return articles
