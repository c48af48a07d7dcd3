"""Web pages as articles: fetching an http(s) address, and a page's main text, title and publication date.

Fetching is ours (urllib), so that a page is refused for a clear reason: no answer within the timeout, more
than MAX_PAGE_BYTES, not HTML. The main text is trafilatura's: it tells the story from the menus, footers and
link lists around it. trafilatura and urllib are imported only when a page is read (start-up stays quick).
"""

from __future__ import annotations

import codecs
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from .controls import first_control, strip_controls
from .encodings import CP1252, UTF8, decode
from .errors import QuizgenError

HTML_SUFFIXES = (".html", ".htm")
MAX_PAGE_BYTES = 10 * 2**20
DEFAULT_TIMEOUT = 30.0  # seconds, for the whole page: connecting, waiting and reading
HTML_TYPES = ("text/html", "application/xhtml+xml")
NO_ARTICLE = "no article text in the page (only headings, menus or page furniture)"

_CHUNK = 64 * 1024
# (Patterns as strings, compiled on first use by `re`'s cache: `check` and `--help` import this module.)
_SCHEME = r"[A-Za-z][A-Za-z0-9+.-]*://"
# <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…">, in the first bytes
# (browsers look no further than 1024; some pages put a long comment first).
_META_CHARSET = rb"(?i)<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:+-]+)"
_PAGE_SUFFIX = r"(?i)\.(?:s?html?|php\d?|aspx?|jsp)$"


def is_url(text: str) -> bool:
    """An http:// or https:// address (what `extract` fetches)."""
    return text[:8].lower().startswith(("http://", "https://"))


def looks_like_address(text: str) -> bool:
    """Some scheme://…, so an ftp:// or file:// address is refused as such, not as a missing file."""
    return bool(re.match(_SCHEME, text))


def check_address(url: str) -> None:
    """Refuse an http(s) address no request can be made for, before any page is fetched."""
    from urllib.parse import urlsplit

    if bad := next((ch for ch in url if ch.isspace() or first_control(ch, allowed="")), None):
        raise QuizgenError(f"not a web address: it holds {'a space' if bad == ' ' else repr(bad)}", where=url)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - (raises ValueError for a port out of range)
    except ValueError as exc:
        raise QuizgenError(f"not a web address: {str(exc)[:1].lower()}{str(exc)[1:]}", where=url) from None
    if not parts.hostname:
        raise QuizgenError("not a web address: no host name", where=url)


def url_source_id(url: str) -> str:
    """A source id for a page: the last part of its path without a page suffix ('treaty-signed' for
    …/2025/03/treaty-signed.html), else the host name."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    name = re.sub(_PAGE_SUFFIX, "", unquote(segments[-1])) if segments else ""
    if not name.strip() or first_control(name, allowed=""):
        name = parts.hostname or "page"
    return name


@dataclass(frozen=True)
class Fetched:
    """A page's bytes as the server sent them, and the charset its Content-Type header named."""

    data: bytes
    charset: str | None
    url: str  # after redirects


@dataclass(frozen=True)
class PageText:
    """A page's main text (paragraphs separated by blank lines) and what its metadata says."""

    text: str
    title: str | None
    published: str | None  # YYYY-MM-DD


def fetch(url: str, timeout: float = DEFAULT_TIMEOUT, limit: int = MAX_PAGE_BYTES) -> Fetched:
    """The page at `url`, or a QuizgenError naming the address and why it cannot be had. `timeout` bounds
    connecting, each wait for the server, and the reading of the whole page (not only each read), so a server
    that sends a byte a second does not hold `extract` for ever. (Looking up the host name is the system's.)"""
    import http.client
    import urllib.error
    import urllib.request

    from . import __version__

    class NoOtherSchemes(urllib.request.HTTPRedirectHandler):
        # urllib follows a redirect to ftp:// too; a page is only ever fetched over http(s).
        def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
            if not is_url(newurl):
                raise QuizgenError(f"redirected to {newurl}, which is not an http(s) address", where=url)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"quizgen/{__version__} (+article reader)",
            "Accept": "text/html,application/xhtml+xml;q=0.9",
            "Accept-Encoding": "identity",
        },
    )
    opener = urllib.request.build_opener(NoOtherSchemes)
    deadline = time.monotonic() + timeout
    late = QuizgenError(f"no complete answer within {timeout:g} seconds", where=url)
    try:
        with opener.open(request, timeout=timeout) as response:
            headers = response.headers
            raw_type = headers.get("Content-Type")
            ctype = headers.get_content_type() if raw_type else None
            if ctype is not None and ctype not in HTML_TYPES:
                raise QuizgenError(f"not an HTML page (the server sent {ctype})", where=url)
            coding = (headers.get("Content-Encoding") or "identity").strip().lower()
            if coding != "identity":
                raise QuizgenError(f"the server sent the page compressed ({coding}), which is not read", where=url)
            length = headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > limit:
                raise QuizgenError(_too_large(limit, int(length)), where=url)
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() > deadline:
                    raise late
                chunk = response.read1(_CHUNK)  # (at most one read from the socket: the deadline is kept)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise QuizgenError(_too_large(limit), where=url)
                chunks.append(chunk)
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise QuizgenError(f"the server answered HTTP {exc.code} ({exc.reason})", where=url) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise late from None
        raise QuizgenError(f"cannot fetch the page: {_reason(exc.reason)}", where=url) from None
    except TimeoutError:
        raise late from None
    except (OSError, http.client.HTTPException) as exc:
        raise QuizgenError(f"cannot fetch the page: {_reason(exc)}", where=url) from None
    except ValueError as exc:  # (what check_address let through and urllib cannot parse)
        raise QuizgenError(f"not a web address: {exc}", where=url) from None
    data = b"".join(chunks)
    if ctype is None and not _looks_like_html(data):
        raise QuizgenError("not an HTML page (the server sent no content type, and no HTML)", where=url)
    return Fetched(data, headers.get_content_charset(), final)


def _too_large(limit: int, size: int | None = None) -> str:
    said = f"{size:,} bytes: " if size is not None else ""
    return f"{said}larger than the {limit // 2**20} MiB a web page may have"


def _reason(reason: object) -> str:
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[:1].lower() + reason.strerror[1:]
    return str(reason) or type(reason).__name__


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def html_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top, if any."""
    m = re.search(_META_CHARSET, data[:4096])
    return m.group(1).decode("ascii") if m else None


def decode_page(data: bytes, where: str, charset: str | None = None, warn: Callable[[str], None] | None = None) -> str:
    """A page's text: in the charset its server or its <meta> tag names, else read as a `.txt` article is
    (UTF-8, or Windows-1252 when it reads better so). Control characters removed, binary data refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return strip_controls(data.decode("utf-16", "replace"))[0]
    codec = _codec(charset) or _codec(html_charset(data))
    if codec is None or data.startswith(b"\xef\xbb\xbf"):
        return decode(data, where, warn).text
    if codec in ("utf-8", "cp1252"):
        return decode(data, where, warn, encoding=UTF8 if codec == "utf-8" else CP1252).text
    if b"\x00" in data:
        raise QuizgenError("binary file, not a text article", where=where)
    return strip_controls(data.decode(codec, "replace"))[0]


def _codec(label: str | None) -> str | None:
    """Python's codec for a charset label; the labels browsers read as Windows-1252 are read so too."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    if name in ("iso8859-1", "ascii", "cp1252"):
        return "cp1252"
    if name.startswith("utf-16") or name.startswith("utf-32"):
        return "utf-8"  # (a <meta> tag that says UTF-16 was read in an ASCII-compatible encoding)
    return name


def page_text(html: str, where: str, url: str | None = None) -> PageText:
    """The main text of a page, with paragraphs (and headings, list items) set off by blank lines, and its
    title and publication date when its metadata gives them. A page without one is refused."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        # (their log lines would reach stderr through logging's last-resort handler)
        logging.getLogger(name).addHandler(logging.NullHandler())
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the article
        include_tables=False,  # cells are no sentences
        # The date the page gives itself (its metadata, its <time> tags), not one guessed from the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (doc.text or "") if doc is not None else ""
    paragraphs = [" ".join(line.split()) for line in strip_controls(text)[0].splitlines()]
    body = "\n\n".join(p for p in paragraphs if p)
    if not body:
        raise QuizgenError(NO_ARTICLE, where=where)
    title = " ".join(strip_controls(doc.title or "")[0].split()) or None
    return PageText(text=body + "\n", title=title, published=_iso_date(doc.date))


def _iso_date(value: str | None) -> str | None:
    import datetime as _dt

    try:
        return _dt.date.fromisoformat((value or "")[:10]).isoformat()
    except ValueError:
        return None
