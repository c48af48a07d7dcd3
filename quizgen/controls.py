"""Control characters: cleaned out of articles, refused in decks, escaped on the way to a terminal.

A terminal obeys escape sequences in whatever it prints: ESC [31m recolours it, ESC ]0;… sets its title,
BEL rings. Text from articles and decks must never reach it raw. Pure functions, no I/O.
"""

from __future__ import annotations

import re

# Kept: tab, line feed, carriage return (ordinary text files hold them). Form feed and vertical tab are
# line breaks to Python's splitlines, so an article's page break becomes a plain one.
_KEPT = "\t\n\r"
_BREAKS = "\f\v"
_CONTROL_CLASS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
# A whole escape sequence goes, not only its ESC, so no "[31m" is left in the text: CSI (ESC [ … final
# byte), OSC (ESC ] … BEL or ESC \), and the two-byte ones (ESC and one character).
_SEQUENCE_RE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]|\x9b[0-?]*[ -/]*[@-~]")
_CONTROL_RE = re.compile(f"[{_CONTROL_CLASS}]")
# Also shown escaped: the bidirectional overrides and isolates, which reorder what follows on screen ("Trojan
# Source"), and the lone surrogates by which Python keeps bytes that are not UTF-8 in file names and arguments
# (printed raw they are an encoding error, not text).
_BIDI = "\u202a-\u202e\u2066-\u2069"
_UNDECODABLE = "\udc80-\udcff"
_SHOWN_RE = re.compile(f"[{_CONTROL_CLASS}\r\u2028\u2029{_BIDI}\ud800-\udfff]")
_UNFIT_RE = re.compile(f"[{_CONTROL_CLASS}\t\n\r\ud800-\udfff]")


def strip_controls(text: str) -> tuple[str, int]:
    """The text without escape sequences and control characters (form feed and vertical tab become line
    breaks), and how many were removed or replaced."""
    count = 0

    def drop(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "\n" if m.group() in _BREAKS else ""

    text = _SEQUENCE_RE.sub(drop, text)
    return _CONTROL_RE.sub(drop, text), count


def first_control(text: str, allowed: str = _KEPT) -> str | None:
    """The first control character in `text` that is not in `allowed`, if any."""
    if _CONTROL_RE.search(text) is None:  # (almost always: one search, not an iterator; decks ask 800k times)
        return None
    for m in _CONTROL_RE.finditer(text):
        if m.group() not in allowed:
            return m.group()
    return None


def first_unfit(text: str) -> str | None:
    """The first character that a name (a title, a file name) must not hold: a control character, a line
    break, or a byte that is not UTF-8 (a file name from an old archive, kept by Python as a surrogate)."""
    m = _UNFIT_RE.search(text)
    return m.group() if m else None


def describe(ch: str) -> str:
    """What `first_unfit` found, as an error message names it."""
    if "\udc80" <= ch <= "\udcff":
        return f"byte \\x{ord(ch) - 0xDC00:02x} that is not UTF-8"
    return f"control character {codepoint(ch)}"


def codepoint(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def printable(text: str) -> str:
    """Text safe to print to a terminal: control characters other than tab and line feed (carriage return
    included: it overwrites a line) shown escaped, ESC as \\x1b, so a deck or a file name cannot drive it."""
    return _SHOWN_RE.sub(_escaped, text)


def one_line(text: str) -> str:
    """`printable`, with line feeds escaped too: an error or a warning is one line, whatever file name it
    quotes."""
    return printable(text).replace("\n", "\\n")


def _escaped(m: re.Match[str]) -> str:
    ch = m.group()
    if "\udc80" <= ch <= "\udcff":
        return f"\\x{ord(ch) - 0xDC00:02x}"  # the byte it stands for
    return ch.encode("unicode_escape", "backslashreplace").decode("ascii")
