"""Text export: question items as CSV or TSV for Anki's text import, spreadsheets and Quizlet.

Pure: items → cards (front, back, tags, deck, as plain text) → the file's text. The command writes it.

Three targets, because the readers disagree:
- `anki`: Anki's file headers (`#separator:…`, `#html:true`, `#notetype:Basic`, `#columns:…`, `#tags column`,
  `#deck column`, `#guid column`), then every field quoted. The GUID comes from the item id (as the .apkg's
  do, with its own prefix: these are Basic notes, not quizgen's note types), so a newer export updates the
  notes it made even where a front changed (new distractors), and two questions with the same front are
  each updated from their own row: without it Anki matches a re-import by the first field, and both notes
  took the last row's back (checked on the anki package). The fields are HTML escaped exactly
  as the .apkg notes are (`anki.esc`): Anki reads `[sound:…]`, `[latex]` and MathJax in a field even with
  `#html:false` (checked on the anki package), so plain text would let an article play sounds; newlines
  become `<br>`; text is in NFC, as Anki stores it (`anki.esc`). A field is always quoted, so one starting
  with `#` is never taken for a comment.
- `spreadsheet`: a first row of column names, quoting only where needed (RFC 4180, CRLF rows), plain text,
  and a UTF-8 byte order mark, without which Excel reads the file in the machine's code page. A cell that
  would start with `=`, `+`, `-` or `@` starts with `'` instead: a spreadsheet runs such a cell as a formula
  (CSV injection), and the text comes from articles anyone may write.
- `quizlet`: Quizlet's import (pasted text; "between term and definition: Tab", "between rows: New line")
  splits on those characters and knows no quoting: two columns (term, definition), one line per card, no
  header, no tags; tabs and line breaks inside a side become ` / `. Tab separated only, since questions
  hold commas.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import QuizgenError
from .model import Item

if TYPE_CHECKING:
    from .anki import DeckExport

# quizgen.anki (and genanki with it) is imported where a card is made, not here: `quizgen --help` reads
# FORMATS and TARGETS and must start fast.

FORMATS = ("apkg", "csv", "tsv")
TARGETS = ("anki", "spreadsheet", "quizlet")
# The suffixes each format may be written under. Anki's own text export writes .txt (tab separated), and
# its import takes either separator from a .txt.
SUFFIXES: dict[str, tuple[str, ...]] = {"apkg": (".apkg",), "csv": (".csv", ".txt"), "tsv": (".tsv", ".txt")}
COLUMNS = ("Front", "Back", "Tags", "Deck")
ANKI_COLUMNS = (*COLUMNS, "GUID")
SEPARATORS = {"csv": ",", "tsv": "\t"}
ANKI_SEPARATOR_NAMES = {"csv": "Comma", "tsv": "Tab"}
CHOICE_TYPES = frozenset({"multiple_choice", "who_said"})


@dataclass(frozen=True)
class Card:
    """One row: plain text sides (lines joined by newlines), Anki tags and the Anki deck."""

    front: str
    back: str
    tags: tuple[str, ...]
    deck: str
    item: str  # the item id it came from


def output_format(output: str, given: str | None) -> str:
    """The format to write: `given` (--format) or the one the file name's suffix says; a name whose suffix
    does not fit is refused, so `-o deck.yaml` never overwrites a deck and a .csv is never tab separated."""
    suffix = Path(output).suffix.lower()
    known = ", ".join(dict.fromkeys(s for suffixes in SUFFIXES.values() for s in suffixes))
    if given is None:
        found = [fmt for fmt, suffixes in SUFFIXES.items() if suffix in suffixes]
        if not found:
            raise QuizgenError(f"cannot tell the format from the name: end it in {known}", where=output)
        return "tsv" if suffix == ".txt" else found[0]
    if given not in SUFFIXES:
        raise QuizgenError(f"unknown format {given!r} (choose from {', '.join(FORMATS)})", option="format")
    if suffix not in SUFFIXES[given]:
        raise QuizgenError(f"a {given} file's name must end in {' or '.join(SUFFIXES[given])}", where=output)
    return given


def _letter(n: int) -> str:
    return chr(ord("A") + n) if n < 26 else str(n + 1)


def sides(item: Item) -> tuple[str, str]:
    """The front and back of an item's card as plain text: what the .apkg card shows, without its HTML.

    Front: the question, then a multiple choice's options lettered A, B, … (as the .apkg lists them) or a
    timeline's events. Back: the answer (a choice with its letter, a timeline's events in order), the
    explanation, and the article's sentence with its title unless the explanation already quotes it."""
    front = [item.prompt]
    if item.type in CHOICE_TYPES and item.choices:
        front += [f"{_letter(n)}. {choice}" for n, choice in enumerate(item.choices)]
    elif item.type == "timeline" and item.choices:
        front += [f"• {event}" for event in item.choices]
    if item.type in CHOICE_TYPES and item.answer in item.choices:
        back = [f"{_letter(item.choices.index(item.answer))}. {item.answer}"]
    elif item.type == "timeline" and item.order:
        back = [f"{n}. {event}" for n, event in enumerate(item.order, 1)]
    else:
        back = [item.answer]
    if item.explanation:
        back += ["", item.explanation]
    sentence = item.evidence.text
    if sentence and sentence not in item.explanation:
        back += ["", f"“{sentence}”" + (f" — {item.source_title}" if item.source_title else "")]
    return newlines("\n".join(front)), newlines("\n".join(back))


def newlines(text: str) -> str:
    """Line breaks as LF only. Anki keeps an LF in a quoted field (as `<br>`) but drops a lone CR, which
    would join two lines."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def card_for(item: Item, deck: str, subjects: Mapping[str, str] | None = None) -> Card:
    from .anki import tags_for

    front, back = sides(item)
    return Card(front, back, tags_for(item, subjects or {}), deck, item.id)


def plan_cards(exports: Sequence[DeckExport]) -> list[Card]:
    """One card per item, in deck and item order; an item in two decks (a shared fact) is kept once, in the
    first, as the .apkg export keeps it."""
    from .anki import normalize_deck_name

    seen: set[str] = set()
    cards: list[Card] = []
    for export in exports:
        deck = normalize_deck_name(export.name)
        for item in export.items:
            if item.id in seen:
                continue
            seen.add(item.id)
            cards.append(card_for(item, deck, export.subjects))
    return cards


def check_target(fmt: str, target: str) -> None:
    if target not in TARGETS:
        raise QuizgenError(f"unknown target {target!r} (choose from {', '.join(TARGETS)})", option="target")
    if target == "quizlet" and fmt != "tsv":
        raise QuizgenError(
            "Quizlet's import knows no quoting: write a .tsv or .txt", option="target", problem="quizlet_needs_tsv"
        )


def render(cards: Iterable[Card], fmt: str, target: str = "anki") -> str:
    """The file's text for `cards` as `fmt` (csv or tsv) for `target` (see the module docstring)."""
    if fmt not in SEPARATORS:
        raise QuizgenError(f"not a text format: {fmt!r}", option="format")
    check_target(fmt, target)
    sep = SEPARATORS[fmt]
    out = io.StringIO()
    if target == "quizlet":
        for card in cards:
            out.write(f"{_one_line(card.front)}\t{_one_line(card.back)}\n")
        return out.getvalue()
    if target == "anki":
        from .anki import esc

        column = {name: n for n, name in enumerate(ANKI_COLUMNS, 1)}
        out.write(
            f"#separator:{ANKI_SEPARATOR_NAMES[fmt]}\n#html:true\n#notetype:Basic\n"
            f"#tags column:{column['Tags']}\n#deck column:{column['Deck']}\n#guid column:{column['GUID']}\n"
            f"#columns:{sep.join(ANKI_COLUMNS)}\n"
        )
        writer = csv.writer(out, delimiter=sep, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for card in cards:
            fields = (esc(newlines(card.front)), esc(newlines(card.back)), " ".join(card.tags), card.deck)
            writer.writerow((*fields, text_guid(card.item)))
        return out.getvalue()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=sep, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for card in cards:
        writer.writerow([sheet_cell(text) for text in (card.front, card.back, " ".join(card.tags), card.deck)])
    return out.getvalue()


def sheet_cell(text: str) -> str:
    """Text as a spreadsheet cell that is never a formula (OWASP's advice on CSV injection)."""
    return "'" + text if text[:1] in FORMULA_STARTS else text


FORMULA_STARTS = frozenset("=+-@\t\r")  # (\t, \r: some spreadsheets skip them, then read a formula)


def text_guid(item_id: str) -> str:
    """The GUID of an item's Basic note. Not the .apkg note's (`note_guid(item_id)` with `--notes item`): a
    GUID Anki already has on a note of another type makes the row a conflict, skipped (checked on the anki
    package)."""
    from .anki import note_guid

    return note_guid(f"basic:{item_id}")


def _one_line(text: str) -> str:
    """A side as one line of Quizlet's import: its lines (and any tab) joined by ` / `, blank lines dropped."""
    parts = [" ".join(line.split()) for line in text.replace("\t", "\n").splitlines()]
    return " / ".join(p for p in parts if p)
