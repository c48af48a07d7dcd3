"""Reading an article's bytes as text: UTF-8, or Windows-1252 when the bytes read better so; control
characters and terminal escape sequences removed. Its own module, under both the corpus reader and the web
page reader (which the corpus reader uses), so neither imports the other for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .controls import strip_controls
from .errors import QuizgenError

Warn = Callable[[str], None]

UTF8 = "utf-8"
CP1252 = "windows-1252"
ENCODINGS = (UTF8, CP1252)  # what a deck's `encoding:` may say


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # one of ENCODINGS


def guess_encoding(data: bytes) -> str:
    """UTF-8 unless the bytes read better as Windows-1252: decided once per file, by which reading the
    file's non-ASCII bytes fit. A UTF-8 file with one stray byte stays UTF-8 (its ’ and é decode), where a
    Latin-1 or Windows-1252 file has no valid UTF-8 sequences at all."""
    try:
        data.decode(UTF8)
        return UTF8
    except UnicodeDecodeError:
        pass
    text = data.decode(UTF8, "replace")
    bad = _replaced(text, data)
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return UTF8 if good and good >= bad else CP1252


def decode(data: bytes, where: str, warn: Warn | None = None, encoding: str | None = None) -> Decoded:
    """An article's text: in `encoding` when the deck recorded one, else the guessed one (with a warning when
    it is not clean UTF-8); escape sequences and other control characters are removed (with a warning).
    Binary data is refused. `extract` and `check` both read sources here, so they see the same text."""
    if b"\x00" in data:
        raise QuizgenError("binary file, not a text article", where=where)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    chosen = encoding or guess_encoding(data)
    if chosen == CP1252 and encoding is None:
        try:  # bytes Windows-1252 leaves undefined: some other encoding, which guessing would garble
            data.decode("cp1252")
        except UnicodeDecodeError:
            first = _first_bad(data)
            raise QuizgenError(f"not UTF-8 text (byte {first}) and not Windows-1252 either", where=where) from None
    # "replace", not "strict": a stray byte in UTF-8 costs one character, not the article.
    text = data.decode("cp1252" if chosen == CP1252 else UTF8, "replace")
    if warn and encoding is None:
        if chosen == CP1252:
            warn(f"{where}: not UTF-8 (byte {_first_bad(data)}); read as Windows-1252")
        elif bad := _replaced(text, data):
            first = _first_bad(data)
            warn(f"{where}: {bad} byte(s) that are not UTF-8 (the first at byte {first}) replaced with U+FFFD")
    text, removed = strip_controls(text)
    if warn and removed and encoding is None:
        warn(f"{where}: {removed} control character(s) or terminal escape sequence(s) removed")
    return Decoded(text, chosen)


def _replaced(text: str, data: bytes) -> int:
    """How many bad sequences decoding `data` replaced with U+FFFD (the text may hold real ones)."""
    return text.count("\ufffd") - data.count("\ufffd".encode())


def _first_bad(data: bytes) -> int:
    try:
        data.decode(UTF8)
    except UnicodeDecodeError as exc:
        return exc.start
    return -1
