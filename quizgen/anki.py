"""Anki export: question items to an `.apkg` package that imports cleanly and updates in place.

Two halves. `note_for` / `plan_notes` turn items into `NoteSpec`s (note type, GUID, HTML-escaped fields,
tags): pure, no genanki objects, no I/O. `write_apkg` writes them into an Anki collection (genanki makes its
schema, decks and note types through its public classes; the notes and cards are inserted here, as the rows
genanki would write: see "writing the collection" below) and zips that into the package atomically.

How updates in place work (genanki issues #61 and #157):
- A note's GUID is derived from the item id alone, never from its fields (genanki's default hashes the
  fields, so any edit would make a new note and lose the review history of the old one).
- Note types have fixed ids and fixed fields. Anki matches an incoming note to an existing one by GUID,
  but only updates it when the note type is the same and unchanged in shape: adding or renaming a field
  here would make Anki treat every existing note as conflicting. Change templates and CSS freely; never
  the field lists.
- Anki's importer (update condition "if newer", its default) takes an update only when the incoming note's
  modification time is newer than the one in the collection. Every note, card and note type is stamped
  with the export time, so the latest export wins and importing the same file twice changes nothing.
  `SOURCE_DATE_EPOCH` (the reproducible-builds convention) fixes that time when set.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import shutil
import sqlite3
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import BinaryIO

import genanki

from .errors import QuizgenError
from .model import Item
from .paths import output_target, scratch_folder, write_atomic

# Fixed note type ids: Anki ties notes to note types by id, so these must never change.
MODEL_IDS: dict[str, int] = {
    "basic": 1_612_470_301,
    "choice": 1_612_470_302,
    "cloze": 1_612_470_303,
    "typed": 1_612_470_304,
    "fact": 1_612_470_305,
}
MODEL_NAMES: dict[str, str] = {
    "basic": "quizgen basic",
    "choice": "quizgen multiple choice",
    "cloze": "quizgen cloze",
    "typed": "quizgen type-in",
    "fact": "quizgen fact",
}
# The fields of each note type, in order. Never edit these lists (see the module docstring).
MODEL_FIELDS: dict[str, tuple[str, ...]] = {
    "basic": ("Question", "Details", "Answer", "Explanation", "Sentence", "Article"),
    "choice": ("Question", "Options", "Marked", "Answer", "Explanation", "Sentence", "Article"),
    "cloze": ("Text", "Explanation", "Sentence", "Article"),
    "typed": ("Question", "Answer", "Explanation", "Sentence", "Article"),
}
# One note per fact, one card per way of asking it: Anki's siblings, so that "bury siblings" keeps a fact's
# other cards away for the day once one has been seen (they would give each other away). A slot is four
# fields; a card's front is empty, so Anki makes no card, when its slot's question is. A timeline orders
# several facts and stays a note of its own.
FACT_SLOTS: tuple[tuple[str, str], ...] = (
    ("multiple_choice", "Choice"),
    ("who_said", "Who said"),
    ("true_false", "True or false"),
    ("typed", "Type-in"),
    ("cloze", "Gap"),
)
_SLOT_TYPES = frozenset(t for t, _ in FACT_SLOTS)
SLOT_PARTS = ("Question", "Options", "Back", "Explanation")
MODEL_FIELDS["fact"] = (
    "Fact",
    *(f"{label} {part}" for _, label in FACT_SLOTS for part in SLOT_PARTS),
    "Sentence",
    "Article",
)
NOTE_LAYOUTS = ("fact", "item")  # one note per fact (cards are siblings), or one per item (exports before 0.2)
# Which note type each item type becomes. A timeline's answer is an order, not one of its options, so it is
# a plain question/answer card; true/false is a choice between "True" and "False".
NOTE_TYPE_OF: dict[str, str] = {
    "multiple_choice": "choice",
    "who_said": "choice",
    "true_false": "choice",
    "timeline": "basic",
    "cloze": "cloze",
    "typed": "typed",
}
DEFAULT_DECK_PREFIX = "quizgen"

CSS = """\
.card {
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 20px; line-height: 1.45; text-align: left;
  color: #1f2328; background-color: #ffffff;
  max-width: 36em; margin: 0 auto; padding: 0 0.6em;
}
.card.nightMode, .nightMode .card, .night_mode .card { color: #e6e6e6; background-color: #2b2b2d; }
.qg-question { font-weight: 600; margin-bottom: 0.6em; }
.qg-list { padding-left: 1.8em; margin: 0.4em 0; }
.qg-list li { margin: 0.3em 0; }
ol.qg-options { list-style-type: upper-alpha; }
.qg-right { font-weight: 700; color: #1a7f37; }
.nightMode .qg-right { color: #7ee2a8; }
.qg-answer { font-weight: 700; margin: 0.4em 0; }
.qg-explanation { margin-top: 0.8em; }
.qg-source { margin-top: 1em; padding-left: 0.8em; border-left: 3px solid #c8c8c8; font-size: 0.85em; color: #57606a; }
.nightMode .qg-source { color: #b4b4b4; border-left-color: #666666; }
.qg-article { margin-top: 0.3em; font-style: italic; }
.cloze { font-weight: 700; color: #0969da; }
.nightMode .cloze { color: #79b8ff; }
input#typeans { font-size: 18px; width: 100%; box-sizing: border-box; }
"""


def _source(explanation: str = "Explanation") -> str:
    """The back of every card ends with the explanation (from the field named) and where the fact comes from."""
    return (
        f'{{{{#{explanation}}}}}<div class="qg-explanation">{{{{{explanation}}}}}</div>{{{{/{explanation}}}}}'
        '<div class="qg-source">'
        '{{#Sentence}}<div class="qg-sentence">“{{Sentence}}”</div>{{/Sentence}}'
        '{{#Article}}<div class="qg-article">— {{Article}}</div>{{/Article}}'
        "</div>"
    )


_SOURCE = _source()
_QUESTION = '<div class="qg-question">{{Question}}</div>'
TEMPLATES: dict[str, dict[str, str]] = {
    "basic": {
        "name": "Card 1",
        "qfmt": _QUESTION + "{{Details}}",
        "afmt": _QUESTION + '{{Details}}<hr id="answer"><div class="qg-answer">{{Answer}}</div>' + _SOURCE,
    },
    "choice": {
        "name": "Card 1",
        "qfmt": _QUESTION + "{{Options}}",
        "afmt": _QUESTION + '{{Marked}}<hr id="answer">' + _SOURCE,
    },
    "cloze": {
        "name": "Cloze",
        "qfmt": "{{cloze:Text}}",
        "afmt": '{{cloze:Text}}<hr id="answer">' + _SOURCE,
    },
    "typed": {
        "name": "Card 1",
        "qfmt": _QUESTION + "{{type:Answer}}",
        "afmt": _QUESTION + '<hr id="answer">{{type:Answer}}' + _SOURCE,
    },
}


def _fact_template(item_type: str, label: str) -> dict[str, str]:
    question = f'<div class="qg-question">{{{{{label} Question}}}}</div>'
    if item_type == "typed":
        front = question + f"{{{{type:{label} Back}}}}"
        back = question + f'<hr id="answer">{{{{type:{label} Back}}}}'
    elif item_type == "cloze":
        front = question
        back = question + f'<hr id="answer"><div class="qg-answer">{{{{{label} Back}}}}</div>'
    else:
        front = question + f"{{{{{label} Options}}}}"
        back = question + f'{{{{{label} Back}}}}<hr id="answer">'
    # The section makes the front empty when the slot is: Anki then makes no card of this template.
    return {
        "name": label,
        "qfmt": f"{{{{#{label} Question}}}}{front}{{{{/{label} Question}}}}",
        "afmt": back + _source(f"{label} Explanation"),
    }


FACT_TEMPLATES = [_fact_template(t, label) for t, label in FACT_SLOTS]


@dataclass(frozen=True)
class NoteSpec:
    """One Anki note, ready for genanki: `fields` are HTML (every piece of text escaped)."""

    model: str  # a key of MODEL_IDS
    guid: str
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    item: str  # the item id it came from


@dataclass(frozen=True)
class DeckExport:
    """The items that go into one Anki deck. `subjects` maps fact ids to their subject, for tags."""

    name: str
    items: Sequence[Item]
    subjects: Mapping[str, str] = field(default_factory=dict)
    statements: Mapping[str, str] = field(default_factory=dict)  # fact id → statement: a fact note's name


# ---- pure part: item -> note ----------------------------------------------------------------------------


# Cached: a deck's notes repeat the same texts (a fact's statement and sentence on each of its items, the
# article's title, the options), and the cache is cheaper than the regex check.
@lru_cache(maxsize=1 << 14)
def esc(text: str) -> str:
    """Text as HTML that shows exactly that text and is never taken for Anki markup.

    Anki reads its markup in the field's raw HTML (cloze `{{c1::…}}`, `[sound:…]`, `[latex]`, `[$]`,
    `[$$]`), so `{`, `}` and `[` become character references there. MathJax reads `\\(` and `\\[` in the
    page's text, where references are already decoded, but never across an element: so each backslash is
    followed by an empty span, as is a brace followed by another (`{{` stays apart even if Anki's editor
    saves the field with plain braces). The span shows nothing; the card reads the same.

    The text is put in NFC first: Anki stores every field in NFC (collection setting `normalize_note_text`,
    on by default, for .apkg and text imports alike), so the file holds the field Anki keeps, whatever that
    setting. NFC would also join a U+0338 (combining long solidus) with the `>` of a `<br>` or `<span>` put
    before it, into U+226F, breaking the tag: so that one is a character reference, which NFC leaves alone."""
    text = unicodedata.normalize("NFC", text)  # (returns the text itself when it is NFC already: cheap)
    if not _NEEDS_ESCAPE.search(text):
        return text  # most fields are plain prose: nothing to replace (and this check is cheap)
    out = html.escape(text, quote=True)
    if _MARKUP.search(out):  # (most texts here hold only quotation marks: no markup to break)
        out = _BREAK_AFTER.sub(lambda m: m.group(0) + _BREAK, out).translate(_MARKUP_REFS)
    return out.replace("\n", "<br>")


_NEEDS_ESCAPE = re.compile(r"[&<>\"'{}\[\\\n\u0338]")
_BREAK = "<span></span>"  # an element: MathJax finds no delimiter split by one (a `<wbr>` or comment it joins)
_BREAK_AFTER = re.compile(r"\\|\{(?=\{)|\}(?=\})")
_MARKUP = re.compile(r"[{}\[\\\u0338]")
_MARKUP_REFS = str.maketrans({"{": "&#123;", "}": "&#125;", "[": "&#91;", "\\": "&#92;", "\u0338": "&#824;"})


_CLOZE_RE = re.compile(r"\{\{(c\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


def esc_cloze(text: str) -> str:
    """Escape cloze text, keeping its `{{cN::answer::hint}}` markers as markers."""
    parts: list[str] = []
    pos = 0
    for m in _CLOZE_RE.finditer(text):
        parts.append(esc(text[pos : m.start()]))
        hint = f"::{esc(m.group(3))}" if m.group(3) is not None else ""
        parts.append(f"{{{{{m.group(1)}::{esc(m.group(2))}{hint}}}}}")
        pos = m.end()
    parts.append(esc(text[pos:]))
    return "".join(parts)


@lru_cache(maxsize=8192)  # the same few tags (types, kinds, subjects, sources) come up on every note
def tag(text: str) -> str:
    """A piece of text as one Anki tag component: no spaces (they separate tags), no `::` (it nests), none
    of the characters of Anki's or HTML's markup or of its search syntax's quoting."""
    t = re.sub(r"\s+", "_", text.strip())
    t = _TAG_DROP.sub("", t)  # before `::` is collapsed: dropping a character may join two colons
    return re.sub(r":{2,}", ":", t).strip(":_")


_TAG_DROP = re.compile(r'[{}\[\]\\<>"]')


def tags_for(item: Item, subjects: Mapping[str, str]) -> tuple[str, ...]:
    facts = item.facts or (item.fact,)
    # Only the documented `quizgen` tags: the item's own labels (`kind:…`, `source:<id>`) are for the review
    # sheet, and in Anki they only doubled these under undocumented names.
    return _tags(item.type, item.kind, tuple(subjects.get(f, "") for f in facts), item.source_title)


@lru_cache(maxsize=1 << 12)  # the items of one fact, or one article, share their tags
def _tags(type_: str, kind: str | None, subjects: tuple[str, ...], source_title: str) -> tuple[str, ...]:
    out = ["quizgen", f"quizgen::type::{tag(type_)}"]
    if kind:
        out.append(f"quizgen::kind::{tag(kind)}")
    out.extend(f"quizgen::subject::{tag(s)}" for s in subjects if s and tag(s))
    if source_title and tag(source_title):
        out.append(f"quizgen::source::{tag(source_title)}")
    return tuple(dict.fromkeys(out))  # unique, order kept


# Anki's base-91 digits, in Anki's order (anki/utils.py, `base91`; genanki's `guid_for` uses the same ones).
# Written out here rather than read from genanki.util, which is not genanki's documented API: these digits
# are part of every GUID already exported, so they must never change whatever genanki does.
BASE91 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"


def note_guid(item_id: str) -> str:
    """The note's GUID: from the item id only, so an edited item updates its note (genanki #157).

    Equal to `genanki.guid_for("quizgen", item_id)` (a test holds them equal): the same SHA-256 prefix in
    Anki's base-91 digits, computed without genanki's byte-by-byte loop, which cost more than the rest of a
    note's building."""
    n = int.from_bytes(hashlib.sha256(f"quizgen__{item_id}".encode()).digest()[:8], "big")
    digits = []
    while n:
        n, d = divmod(n, 91)
        digits.append(BASE91[d])
    return "".join(reversed(digits))


def _html_list(entries: Sequence[str], cls: str, ordered: bool = True, right: int = -1) -> str:
    """`entries` are HTML already; the one at index `right` is marked as the answer."""
    tag_name = "ol" if ordered else "ul"
    lis = [
        f'<li class="qg-right">{entry} ✓</li>' if n == right else f"<li>{entry}</li>" for n, entry in enumerate(entries)
    ]
    return f'<{tag_name} class="qg-list {cls}">{"".join(lis)}</{tag_name}>'


def _why(item: Item, sentence: str, title: str) -> str:
    """The item's explanation without its closing "Source: “sentence” — title" line when that is the source the
    back shows from its Sentence and Article fields: the back shows the source once."""
    source = f"Source: “{sentence}” — {title}"
    if item.explanation == source:
        return ""
    return item.explanation.removesuffix("\n" + source)


def note_for(item: Item, subjects: Mapping[str, str] | None = None) -> NoteSpec:
    """The Anki note for one item. Pure and deterministic."""
    model = NOTE_TYPE_OF.get(item.type)
    if model is None:
        raise QuizgenError(f"unknown item type {item.type!r}", where=item.id)
    if model == "basic" and item.evidence.text in item.explanation:
        # A timeline's explanation gives each event's sentence and article; the back shows no other source.
        source = (esc(item.explanation), "", "")
    else:
        sentence, title = item.evidence.text, item.source_title
        source = (esc(_why(item, sentence, title)), esc(sentence), esc(title))
    if model == "choice":
        choices = item.choices or (("True", "False") if item.type == "true_false" else (item.answer,))
        options = [esc(c) for c in choices]
        right = choices.index(item.answer) if item.answer in choices else -1
        fields: tuple[str, ...] = (
            esc(item.prompt),
            _html_list(options, "qg-options"),
            _html_list(options, "qg-options", right=right),
            esc(item.answer),
            *source,
        )
    elif model == "basic":  # timeline
        details = _html_list([esc(c) for c in item.choices], "qg-events", ordered=False) if item.choices else ""
        answer = _html_list([esc(e) for e in item.order], "qg-order") if item.order else esc(item.answer)
        fields = (esc(item.prompt), details, answer, *source)
    elif model == "cloze":
        if not item.cloze or not _CLOZE_RE.search(item.cloze):
            raise QuizgenError("cloze item has no {{c1::…}} cloze text", where=item.id)
        fields = (esc_cloze(item.cloze), *source)
    else:  # typed
        fields = (esc(item.prompt), esc(item.answer), *source)
    return NoteSpec(model, note_guid(item.id), fields, tags_for(item, subjects or {}), item.id)


def fact_note(items: Sequence[Item], statement: str, subjects: Mapping[str, str] | None = None) -> NoteSpec:
    """The note of one fact: its items (of distinct types, all of the fact) as the cards of one note."""
    fact = items[0].fact
    slots: dict[str, tuple[str, str, str, str]] = {}
    for item in items:
        if (item.facts and len(item.facts) > 1) or item.fact != fact:
            raise QuizgenError("an item of another fact, or of several, in a fact's note", where=item.id)
        if item.type in slots:
            raise QuizgenError(f"two {item.type} items of one fact", where=item.id)
        slots[item.type] = _slot(item, items[0].evidence.text, items[0].source_title)
    fields = [esc(statement)]
    for item_type, _label in FACT_SLOTS:
        fields.extend(slots.get(item_type, ("", "", "", "")))
    first = items[0]
    fields += [esc(first.evidence.text), esc(first.source_title)]
    tags = tuple(dict.fromkeys(t for item in items for t in tags_for(item, subjects or {})))
    return NoteSpec("fact", note_guid(f"fact:{fact}"), tuple(fields), tags, ",".join(i.id for i in items))


def _slot(item: Item, sentence: str, title: str) -> tuple[str, str, str, str]:
    """An item as its slot of a fact note: question, options, back, explanation (HTML). `sentence` and `title`:
    the source the note's back shows."""
    kind = NOTE_TYPE_OF.get(item.type)
    if kind is None or item.type not in _SLOT_TYPES:
        raise QuizgenError(f"no slot for item type {item.type!r} in a fact's note", where=item.id)
    if kind == "choice":
        choices = item.choices or (("True", "False") if item.type == "true_false" else (item.answer,))
        options = [esc(c) for c in choices]
        right = choices.index(item.answer) if item.answer in choices else -1
        front, back = _html_list(options, "qg-options"), _html_list(options, "qg-options", right=right)
    elif kind == "cloze":
        if not item.cloze or not _CLOZE_RE.search(item.cloze):
            raise QuizgenError("cloze item has no {{c1::…}} cloze text", where=item.id)
        front = ""
        back = _CLOZE_RE.sub(lambda m: f'<span class="cloze">{m.group(2)}</span>', esc_cloze(item.cloze))
    else:  # typed: the answer is what Anki compares the typed words with
        front, back = "", esc(item.answer)
    return esc(item.prompt), front, back, esc(_why(item, sentence, title))


def deck_id(name: str) -> int:
    """A deck id from the deck's name, so a re-export lands in the same deck (genanki's advised range)."""
    digest = int.from_bytes(hashlib.sha256(f"quizgen deck {name}".encode()).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


def normalize_deck_name(name: str) -> str:
    """Anki's deck name rules: `::` separates levels; no level may be empty; spaces around levels go."""
    levels = [" ".join(level.split()) for level in name.split("::")]
    if not name.strip() or any(not level for level in levels):
        raise QuizgenError(f"invalid deck name {name!r} (empty level)", option="deck_name")
    return "::".join(levels)


def default_deck_name(title: str) -> str:
    return normalize_deck_name(f"{DEFAULT_DECK_PREFIX}::{title.replace('::', ':')}")


def plan_notes(
    exports: Sequence[DeckExport], progress: Callable[[int], None] | None = None, notes: str = "fact"
) -> tuple[list[tuple[str, list[NoteSpec]]], list[str]]:
    """Notes per deck, in item order. An item id seen before (two decks sharing a fact) is kept once, in
    the first deck; its id is returned in the second list. `notes`: "fact" makes the items of one fact the
    cards of one note (a timeline, which orders several facts, is a note of its own); "item", one note per
    item, as exports before 0.2 did."""
    if notes not in NOTE_LAYOUTS:
        raise QuizgenError(f"unknown note layout {notes!r} (choose from {', '.join(NOTE_LAYOUTS)})", option="notes")
    seen: set[str] = set()
    skipped: list[str] = []
    dealt: list[list[Item]] = [[] for _ in exports]  # the items each export's notes are made of
    homes: dict[str, int] = {}  # fact → the export its note goes into: the first that has it
    for n, export in enumerate(exports):
        for item in export.items:
            if progress:
                progress(1)
            # (one note per fact: a fact's item of a type it already has, from another deck, is the same card)
            in_note = notes == "fact" and item.type in _SLOT_TYPES
            same = f"{item.fact}:{item.type}" if in_note else item.id
            if item.id in seen or same in seen:
                skipped.append(item.id)
                continue
            seen |= {item.id, same}
            home = homes.setdefault(item.fact, n)
            dealt[home if in_note else n].append(item)
    plan: list[tuple[str, list[NoteSpec]]] = []
    for export, items in zip(exports, dealt, strict=True):
        by_item = notes == "item"
        specs = [note_for(item, export.subjects) for item in items] if by_item else _fact_notes(items, export)
        plan.append((normalize_deck_name(export.name), specs))
    return plan, skipped


def _fact_notes(items: Sequence[Item], export: DeckExport) -> list[NoteSpec]:
    """One note per fact, in the order of each fact's first item; a timeline as a note of its own there."""
    groups: dict[str, list[Item]] = {}
    order: list[str | Item] = []
    for item in items:
        if item.type not in _SLOT_TYPES:
            order.append(item)  # a timeline
            continue
        if item.fact not in groups:
            groups[item.fact] = []
            order.append(item.fact)
        groups[item.fact].append(item)
    out: list[NoteSpec] = []
    for entry in order:
        if isinstance(entry, str):
            out.append(fact_note(groups[entry], export.statements.get(entry, entry), export.subjects))
        else:
            out.append(note_for(entry, export.subjects))
    return out


# ---- writing the collection -----------------------------------------------------------------------------
#
# How this relates to genanki. Its documented path (a genanki.Note per note, Deck.add_note,
# Package.write_to_file) builds a Note object per note, checks every field for unescaped HTML (escaped here by
# construction) and runs one INSERT per note and per card: that was most of an export's time, and through
# it an export takes longer than genanki alone (python benchmarks/export.py). So the work is split:
# - genanki, through its public classes, writes what it is made for: `Package.write_to_db` (write_to_file's
#   step before the zip) makes Anki's schema (version 11), the collection row, the decks and the note types
#   (each with its `req`);
# - the notes and cards are inserted here in batches, into named columns (NOTE_COLUMNS, CARD_COLUMNS), as
#   the rows genanki's Note.write_to_db would make: the same ids in the same order, and the same cards, by
#   the same rule (`requirements`, `card_ords`), computed here rather than read from genanki's private
#   `Model._req`.
# tests/test_anki_collection.py writes the same decks through genanki's documented path and holds the two
# collections equal: the tables' SQL, the columns named here, every note, card and collection row, and each
# note type's `req`. A genanki that changed any of them fails that test, not a user's import.

Plan = Sequence[tuple[str, Sequence[NoteSpec]]]

# Note types of Anki's cloze kind: a card per gap of the text, not one per template.
CLOZE_TYPES = frozenset({"cloze"})


def templates(key: str) -> list[dict[str, str]]:
    """The card templates of note type `key` (a key of MODEL_IDS), in ordinal order."""
    return FACT_TEMPLATES if key == "fact" else [TEMPLATES[key]]


def anki_model(key: str) -> genanki.Model:
    return genanki.Model(
        MODEL_IDS[key],
        MODEL_NAMES[key],
        fields=[{"name": name} for name in MODEL_FIELDS[key]],
        templates=templates(key),
        css=CSS,
        model_type=genanki.Model.CLOZE if key in CLOZE_TYPES else genanki.Model.FRONT_BACK,
        sort_field_index=0,  # the question, cloze text or fact: what a person recognises a note by
    )


def merge_decks(plan: Plan) -> list[tuple[str, list[NoteSpec]]]:
    """Notes per deck name (two exports may name the same deck), decks in first-seen order, empty ones
    dropped."""
    decks: dict[str, list[NoteSpec]] = {}
    for name, notes in plan:
        decks.setdefault(name, []).extend(notes)
    return [(name, notes) for name, notes in decks.items() if notes]


_TEMPLATE_TAG_RE = re.compile(r"\{\{([#^/]?)\s*([^}]*?)\s*\}\}")


def _shows_a_field(qfmt: str, filled: frozenset[str]) -> bool:
    """Whether the card front `qfmt` shows any field's text when exactly the fields named in `filled` are
    non-empty. Templates are read as mustache: `{{Field}}` shows the field, `{{#Field}}…{{/Field}}` keeps what
    it encloses only when the field is non-empty, `{{^Field}}…{{/Field}}` only when it is empty. A reference
    with a filter (`{{type:Answer}}`, `{{cloze:Text}}`) names no field and shows nothing, as in genanki's
    rendering of the rule (its mustache library, chevron, looks up `type:Answer` as a name)."""
    shown: list[bool] = []  # for each enclosing section: whether its inside is shown
    for kind, name in _TEMPLATE_TAG_RE.findall(qfmt):
        if kind == "#":
            shown.append(name in filled)
        elif kind == "^":
            shown.append(name not in filled)
        elif kind == "/":
            shown.pop()
        elif name in filled and all(shown):
            return True
    return False


Requirement = tuple[int, str, tuple[int, ...]]


@cache
def requirements(key: str) -> tuple[Requirement, ...]:
    """For each template of note type `key`: (its ordinal, "all" or "any", field ordinals), the fields a note
    needs to get a card of that template: the `req` of an Anki note type (schema 11), by the rule genanki
    takes from older Anki and writes into the note type (its private `Model._req`, not read here). The fields
    without which the front shows no field are all required; if there are none, any one of the fields that on
    its own makes the front show something is enough."""
    names = MODEL_FIELDS[key]
    every = frozenset(names)
    out: list[Requirement] = []
    for ord_, template in enumerate(templates(key)):
        qfmt = template["qfmt"]
        needed = tuple(i for i, name in enumerate(names) if not _shows_a_field(qfmt, every - {name}))
        if needed:
            out.append((ord_, "all", needed))
            continue
        enough = tuple(i for i, name in enumerate(names) if _shows_a_field(qfmt, frozenset({name})))
        if not enough:
            raise ValueError(f"the front of {key!r} card {template['name']!r} shows no field")
        out.append((ord_, "any", enough))
    return tuple(out)


_CLOZE_NUMBER_RE = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)


def card_ords(key: str, fields: Sequence[str]) -> list[int]:
    """Which cards a note of note type `key` gets, by template ordinal (genanki's `Note.cards`): a cloze note
    one per gap number of its text (`{{c2::…}}` is ordinal 1), ordinal 0 if it has none (genanki then makes
    none, by a slip: its `card_ords == {}` compares a set with a dict; quizgen writes no cloze note without a
    gap); any other note one per template whose `requirements` its fields meet."""
    if key in CLOZE_TYPES:  # (the text is the first field, the one `{{cloze:Text}}` shows)
        ords = sorted({int(n) - 1 for n in _CLOZE_NUMBER_RE.findall(fields[0]) if int(n) > 0})
        return ords or [0]
    return [
        ord_
        for ord_, any_or_all, needed in requirements(key)
        if (any if any_or_all == "any" else all)(fields[i] for i in needed)
    ]


# The columns of Anki's notes and cards tables (schema 11), named in the INSERTs in the order of the rows
# below: a table with its columns in another order still gets every value in its place, and one with a column
# more that needs a value fails the export (and the test) instead of shifting the values along.
NOTE_COLUMNS = ("id", "guid", "mid", "mod", "usn", "tags", "flds", "sfld", "csum", "flags", "data")
CARD_COLUMNS = (
    *("id", "nid", "did", "ord", "mod", "usn", "type", "queue", "due"),
    *("ivl", "factor", "reps", "lapses", "left", "odue", "odid", "flags", "data"),
)
_INSERT_NOTES = f"INSERT INTO notes ({', '.join(NOTE_COLUMNS)}) VALUES ({', '.join('?' * len(NOTE_COLUMNS))})"
_INSERT_CARDS = f"INSERT INTO cards ({', '.join(CARD_COLUMNS)}) VALUES ({', '.join('?' * len(CARD_COLUMNS))})"


def write_collection(
    cursor: sqlite3.Cursor,
    plan: Plan,
    timestamp: float,
    id_gen: Iterator[int],
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the Anki collection for `plan` into an empty SQLite database; returns the number of notes.

    genanki writes the schema, the collection row, the decks and the note types; the notes and cards are
    inserted here, in batches (see the comment above `Plan`): a new card's `due` is its note's place in its
    deck, so new cards come up in item order; every row is stamped `timestamp` (Anki's "newer" test on import);
    ids are taken from `id_gen`, a note's before its cards', as genanki takes them.
    """
    decks = merge_decks(plan)
    if not decks:
        raise QuizgenError("no items to export")
    models = {key: anki_model(key) for key in MODEL_IDS}
    package = genanki.Package([genanki.Deck(deck_id(name), name) for name, _ in decks])
    for deck, (_, notes) in zip(package.decks, decks, strict=True):
        for key in dict.fromkeys(spec.model for spec in notes):
            deck.add_model(models[key])
    package.write_to_db(cursor, timestamp, id_gen)

    mod = int(timestamp)
    written = 0
    for deck, (_, notes) in zip(package.decks, decks, strict=True):
        note_rows: list[tuple[object, ...]] = []
        card_rows: list[tuple[object, ...]] = []
        for due, spec in enumerate(notes):
            note_id = next(id_gen)
            tags = " " + " ".join(spec.tags) + " "
            # (columns as NOTE_COLUMNS: usn -1, "not synced"; the sort field is the first, as anki_model says;
            # csum, the first field's checksum, 0: Anki computes it on import)
            note_rows.append(
                (
                    note_id,
                    spec.guid,
                    MODEL_IDS[spec.model],
                    mod,
                    -1,
                    tags,
                    "\x1f".join(spec.fields),
                    spec.fields[0],
                    0,
                    0,
                    "",
                )
            )
            for ord_ in card_ords(spec.model, spec.fields):
                # (columns as CARD_COLUMNS: a new card, type and queue 0, no reviews)
                card_rows.append(
                    (next(id_gen), note_id, deck.deck_id, ord_, mod, -1, 0, 0, due, 0, 0, 0, 0, 0, 0, 0, 0, "")
                )
            if progress:
                progress(1)
            if len(note_rows) >= 5000:  # batches keep memory flat on large decks
                _insert(cursor, note_rows, card_rows)
        _insert(cursor, note_rows, card_rows)
        written += len(notes)
    return written


def _insert(cursor: sqlite3.Cursor, note_rows: list[tuple[object, ...]], card_rows: list[tuple[object, ...]]) -> None:
    cursor.executemany(_INSERT_NOTES, note_rows)
    cursor.executemany(_INSERT_CARDS, card_rows)
    note_rows.clear()
    card_rows.clear()


def export_time() -> float:
    """When the notes were last modified, as Anki will see it: now, or `SOURCE_DATE_EPOCH` when set."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if fixed:
        try:
            seconds = int(fixed)
        except ValueError:
            raise QuizgenError(f"not a whole number of seconds: {fixed!r}", where="SOURCE_DATE_EPOCH") from None
        if not 0 <= seconds <= LATEST_EPOCH:
            raise QuizgenError(
                f"expected seconds since 1970 up to the year 9999 ({LATEST_EPOCH}), found {seconds}",
                where="SOURCE_DATE_EPOCH",
            )
        return float(seconds)
    return time.time()


# 9999-12-31 23:59:59 UTC: later stamps overflow the note ids derived from them (milliseconds under 2**62).
LATEST_EPOCH = 253_402_300_799


def check_output(path: str | os.PathLike[str]) -> tuple[Path, Path]:
    """The target and its folder, after checking the package can be written there."""
    target, folder = output_target(path)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise QuizgenError("folder is not writable", where=str(folder))
    return target, folder


def write_apkg(
    plan: Plan,
    path: str | os.PathLike[str],
    timestamp: float | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write the notes of `plan` (deck name, notes) to `path` atomically; returns the number of notes.

    The collection is built in a scratch folder beside the target and zipped into a temporary file beside it,
    which is then renamed over it (paths.write_atomic, paths.scratch_folder): both are removed however the
    export ends, and what a killed export left is removed by the next one. (genanki's write_to_file leaves
    its SQLite file in the system temp folder and zips with the file system's timestamps.)
    """
    target, _ = check_output(path)
    if not any(notes for _, notes in plan):
        raise QuizgenError("no items to export")
    stamp = export_time() if timestamp is None else float(timestamp)
    try:
        with scratch_folder(target) as work:
            db_path = work / "collection.anki2"
            conn = sqlite3.connect(db_path)
            try:
                # A scratch file until it is zipped: no journal, no syncs.
                conn.execute("PRAGMA journal_mode = OFF")
                conn.execute("PRAGMA synchronous = OFF")
                # SQLite's own temporary files would go to the system temp folder: keep them in memory.
                conn.execute("PRAGMA temp_store = MEMORY")
                # Note and card ids count up from the export time in milliseconds, as Anki's own do.
                id_gen = iter(range(int(stamp * 1000), 1 << 62))
                written = write_collection(conn.cursor(), plan, stamp, id_gen, progress)
                conn.commit()
            finally:
                conn.close()
            write_atomic(target, lambda fh: _zip_collection(db_path, fh), clean=False)
    except OSError as exc:
        raise QuizgenError(f"cannot write: {exc.strerror or exc}", where=str(target)) from None
    except sqlite3.Error as exc:
        # SQLite's own report of a failed write (a full disk, a folder made read-only): the same one line.
        raise QuizgenError(f"cannot write the collection: {exc}", where=str(target)) from None
    return written


def _zip_collection(db_path: Path, fh: BinaryIO) -> None:
    # Fixed zip entry times: nothing about the machine that wrote the file goes into it. The collection is
    # streamed into the zip (not read into memory), at the fastest deflate level: most of the text
    # compresses well even so, and level 6 took longer than all of genanki's work.
    with zipfile.ZipFile(fh, "w") as zf:
        with db_path.open("rb") as src, zf.open(_zip_entry("collection.anki2"), "w") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        zf.writestr(_zip_entry("media"), b"{}")


def _zip_entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    # An entry opened by ZipInfo takes its level from the ZipInfo, not from the ZipFile: without this it is
    # zlib's default (6), three times slower than 1. The attribute is `compress_level` from Python 3.13.
    setattr(info, "compress_level" if hasattr(info, "compress_level") else "_compresslevel", 1)
    return info


def export_apkg(
    exports: Sequence[DeckExport],
    path: str | os.PathLike[str],
    timestamp: float | None = None,
    progress: Callable[[int], None] | None = None,
    notes: str = "fact",
) -> int:
    """Notes for the items of `exports`, written to `path`; returns the number of notes written.
    `progress(n)` is called as items become notes and as notes are written; `notes` as in `plan_notes`."""
    plan, _ = plan_notes(exports, progress, notes)
    return write_apkg(plan, path, timestamp, progress)
