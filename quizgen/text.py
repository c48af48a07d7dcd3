"""Pure text helpers: page furniture, paragraphs, sentences and normalization. No I/O, no NLP."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .english import ARTICLES, MONTH_ABBREVIATIONS

TERMINAL = ".!?"
CLOSERS = "\"'”’»)]"
OPENERS = "\"'“‘«(["

# Lines that belong to the page, not the story.
# Page furniture: lines containing one of these, or consisting of one of the others. Plain substring tests:
# as one case-blind regex over every paragraph they were most of an unchanged rebuild's time.
_FURNITURE_WORDS = (
    "subscribe",
    "newsletter",
    "sign up",
    "your inbox",
    "advertisement",
    "cookie",
    "click here",
    "follow us",
    "share this",
    "all rights reserved",
    "copyright",
    "©",
    "read more",
    "related:",
    "photo:",
    "image:",
    "getty images",
)
_FURNITURE_LINES = {"discuss", "comment", "comments", "print", "share"}
# Photo captions: "Photo shows …", "(Photo) …", and a caption's closing agency credit "(Kyodo)". Matched apart
# from the list above: folded into it they made every line's search several times slower.
_CAPTION_RE = re.compile(r"(?:photo|picture|image|file photo) shows\b|\(?(?:file )?photo\b", re.IGNORECASE)
_CREDIT_END_RE = re.compile(r"\((?:kyodo|ap|afp|reuters|xinhua)\)$", re.IGNORECASE)
# "MOSCOW/WASHINGTON, D.C. – ", "GENEVA (Reuters) - ": a dateline before the first sentence.
_DATELINE_RE = re.compile(r"^[A-Z][A-Z]{2,}[A-Za-z0-9.,/'’()\s-]{0,60}?\s[–—-]{1,2}\s+(?=[A-Z\"“])")
# Abbreviations after which a period does not end a sentence.
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "gen",
    "lt",
    "col",
    "capt",
    "sgt",
    "sen",
    "rep",
    "gov",
    "pres",
    "amb",
    "adm",
    "maj",
    "cmdr",
    "jr",
    "sr",
    "no",
    "vs",
    "etc",
    "approx",
    "inc",
    "ltd",
    "co",
    "corp",
} | MONTH_ABBREVIATIONS.keys()  # and the months': 'Feb. 5'


def _furniture_words(line: str) -> bool:
    low = line.strip().strip("-–—•* ").strip().lower()
    return low in _FURNITURE_LINES or any(w in low for w in _FURNITURE_WORDS)


def is_furniture(line: str) -> bool:
    """A line that is page furniture: a section label, credit, newsletter box, 'Discuss'."""
    s = line.strip().strip("-–—•* ").strip()
    if not s:
        return True
    if _furniture_words(s):
        return True
    if _CAPTION_RE.match(s) or _CREDIT_END_RE.search(s[-16:]):
        return True
    return len(s.split()) < 4 and s[-1] not in TERMINAL + CLOSERS


def is_headline(line: str) -> bool:
    """A headline or subheading: no closing punctuation, mostly capitalised words."""
    s = line.strip()
    if not s or s[-1] in TERMINAL + CLOSERS or len(s) > 200:
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", s)]
    if len(words) < 3:
        return False
    capital = sum(1 for w in words if w[0].isupper())
    return capital / len(words) >= 0.6


_LIST_MARKS = "-–—•*·"


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of body paragraphs: each non-empty line, with wrapped lines joined, furniture dropped."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        start = pos + (len(body) - len(body.lstrip()))
        end = pos + len(body.rstrip())
        if end > start:
            lines.append((start, end))
        pos += len(raw)
    # Join a hard-wrapped line to the previous one when it continues a sentence.
    joined: list[tuple[int, int]] = []
    for start, end in lines:
        if joined and text[start].islower() and text[joined[-1][1] - 1] not in TERMINAL + CLOSERS:
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    out = []
    in_body = False
    listing = False  # inside a list the body introduced with a colon ("The signatories were:" / "- France")
    for n, (start, end) in enumerate(joined):
        line = text[start:end]
        item = line[:1] in _LIST_MARKS and line[1:2] == " "
        listing = in_body and item and (listing or text[out[-1][1] - 1] == ":" if out else False)
        listing = listing and not _furniture_words(line)
        if listing:
            out.append((start, end))  # a short item ("- France") is no page furniture here
            continue
        if is_furniture(line) or is_headline(line) or (n == 0 and _set_off_first_line(text, start, end)):
            continue
        if not in_body and not _terminated(line):
            # Before the first sentence of the story: a headline or standfirst in sentence case ("Putin calls
            # the decision a mistake but says …"), which never ends a sentence.
            continue
        in_body = True
        m = _DATELINE_RE.match(line)
        if m:
            start += m.end()
        out.append((start, end))
    return out


def _terminated(line: str) -> bool:
    """Does the line end a sentence ('… war."' does, '… of "act of war"' does not)?"""
    s = line.rstrip().rstrip(CLOSERS).rstrip()
    return bool(s) and s[-1] in TERMINAL


def _set_off_first_line(text: str, start: int, end: int) -> bool:
    """A sentence-case headline: the text's first line, unpunctuated, followed by a blank line."""
    line = text[start:end]
    if text[:start].strip() or line[-1] in TERMINAL + CLOSERS or len(line.split()) > 25:
        return False
    return text[end:].startswith(("\n\n", "\r\n\r\n", "\n \n", "\n\r\n"))


_LONGEST_ABBREVIATION = 40  # longer runs of letters and dots before a full stop are no abbreviation


def _word_before(text: str, i: int) -> str:
    """The letters and dots just before text[i] ("U.S" before the last dot of "U.S."). Scanned backwards and
    at most _LONGEST_ABBREVIATION long: looking at the whole text before each full stop made splitting
    quadratic (a 400 KB article took 37 s)."""
    j = i
    while (
        j > 0
        and i - j <= _LONGEST_ABBREVIATION
        and (text[j - 1] == "." or text[j - 1].isascii() and text[j - 1].isalpha())
    ):
        j -= 1
    return "" if i - j > _LONGEST_ABBREVIATION else text[j:i]


def _ends_sentence(text: str, i: int) -> bool:
    """Is the terminal mark at text[i] the end of a sentence?"""
    if text[i] == ".":
        word = _word_before(text, i)
        if word.lower() in _ABBREV:
            return False
        # Initials and dotted abbreviations: "U.S.", "D.C.", "J. Smith".
        if re.fullmatch(r"(?:[A-Za-z]\.)*[A-Za-z]", word):
            return False
        if i + 1 < len(text) and text[i + 1].isdigit():
            return False
    return True


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Split text[start:end] into sentences, keeping quotes that close a sentence with it."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    s = start
    i = start
    while i < end:
        ch = text[i]
        if ch in TERMINAL and _ends_sentence(text, i):
            j = i + 1
            while j < end and text[j] in TERMINAL:
                j += 1
            while j < end and text[j] in CLOSERS:
                j += 1
            k = j
            while k < end and text[k].isspace():
                k += 1
            if k == end or (k > j and (text[k].isupper() or text[k] in OPENERS or text[k].isdigit())):
                spans.append((s, j))
                s = k
                i = k
                continue
            # Every later mark of this run reaches the same j and k, and fails the same way: skipping them
            # keeps a run of 200,000 full stops linear (each looked ahead to the run's end before).
            i = j
            continue
        i += 1
    if s < end and text[s:end].strip():
        e = end
        while e > s and text[e - 1].isspace():
            e -= 1
        spans.append((s, e))
    return spans


_QUOTE_MAP = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "«": '"', "»": '"'})


@lru_cache(maxsize=1 << 16)  # pure, and called on the same names many times when making questions
def for_parser(text: str) -> str:
    """The sentence as spaCy should see it: a no-break space splits tokens like a space (same length, so
    character offsets still point into the original)."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """For matching: NFKC, lower case, straight quotes, no punctuation, no articles. (Cached: merging and
    scoring ask for the same texts again and again.)"""
    t = unicodedata.normalize("NFKC", text).translate(_QUOTE_MAP).lower()
    t = re.sub(r"[^\w\s]", " ", t)
    words = [w for w in t.split() if w not in ARTICLES]
    return " ".join(words)


def slug(text: str, limit: int = 32) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    t = re.sub(r"[^a-z0-9]+", "-", t).strip("-")
    return t[:limit].rstrip("-") or "x"
