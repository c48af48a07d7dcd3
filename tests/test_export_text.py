"""`quizgen export --format csv|tsv` (#13): the real CLI in a subprocess, the file read back with Python's csv
module and imported into a fresh collection by the official `anki` package's text importer (the call Anki's
import dialog makes: `get_csv_metadata` reads the file's headers, `import_csv` imports with them)."""

from __future__ import annotations

import argparse
import csv
import html
import io
import os
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest
from anki.collection import Collection, ImportCsvRequest
from anki_items import sample_items, subjects
from conftest import run_cli
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from quizgen.anki import esc, tags_for
from quizgen.commands.selection import choose
from quizgen.deck import load_deck
from quizgen.model import Item
from quizgen.questions import make_items
from quizgen.text_export import ANKI_COLUMNS, COLUMNS, Card, newlines, plan_cards, render, sheet_cell, text_guid

DECK_NAME = "quizgen::New START sample"
ANKI_HEADER = [
    "#separator:Comma",
    "#html:true",
    "#notetype:Basic",
    "#tags column:3",
    "#deck column:4",
    "#guid column:5",
    "#columns:Front,Back,Tags,Deck,GUID",
]


def cli_items(deck_path: Path) -> list[Item]:
    """The items `quizgen export` makes of a deck with its default options."""
    options = argparse.Namespace(min_quality=0.0, per_fact=0)
    return choose(make_items(load_deck(deck_path), seed=0), options)


def expected_front(item: Item) -> str:
    """What the front must say: the question, and a multiple choice's options lettered as in the .apkg (a
    timeline's events as a list)."""
    lines = [item.prompt]
    if item.type in ("multiple_choice", "who_said"):
        lines += [f"{'ABCDEFGH'[n]}. {choice}" for n, choice in enumerate(item.choices)]
    elif item.type == "timeline":
        lines += [f"• {event}" for event in item.choices]
    return "\n".join(lines)


def expected_answer(item: Item) -> str:
    if item.type in ("multiple_choice", "who_said"):
        return f"{'ABCDEFGH'[item.choices.index(item.answer)]}. {item.answer}"
    return item.answer


def plain(field: str) -> str:
    """An Anki field as the text the card shows (quizgen's escaping undone)."""
    return html.unescape(field.replace("<span></span>", "").replace("<br>", "\n"))


def anki_rows(text: str, separator: str) -> tuple[list[str], list[list[str]]]:
    """The `#` header lines at the top of an Anki-targeted file, and its rows read by the csv module."""
    lines = text.split("\n")
    n = 0
    while n < len(lines) and lines[n].startswith("#"):
        n += 1
    rows = list(csv.reader(io.StringIO("\n".join(lines[n:]), newline=""), delimiter=separator))
    return lines[:n], rows


def imported(col: Collection, path: Path):
    """Import `path` as Anki's dialog does; returns the log and the collection's notes by GUID, each as
    (note type, fields, tags, decks)."""
    metadata = col.get_csv_metadata(str(path), None)
    log = col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log
    assert not (log.conflicting or log.missing_notetype or log.missing_deck or log.empty_first_field), log
    notes = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        cards = note.cards()
        for card in cards:
            # Anki markup in the text stays text: no sound, no extra card.
            assert card.question_av_tags() == [] and card.answer_av_tags() == []
        decks = {col.decks.name(c.did) for c in cards}
        notes[note.guid] = (note.note_type()["name"], list(note.fields), sorted(note.tags), decks)
    return log, notes


# ---- Anki's text import ---------------------------------------------------------------------------------


def test_csv_for_anki_imports_every_question(sample_deck_path, tmp_path):
    out = tmp_path / "cards.csv"
    result = run_cli("export", str(sample_deck_path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert f"{out}: " in result.stdout and DECK_NAME in result.stdout
    items = cli_items(sample_deck_path)
    header, rows = anki_rows(out.read_text(encoding="utf-8"), ",")
    assert header == ANKI_HEADER
    assert len(rows) == len(items) and all(len(row) == 5 for row in rows)
    deck = load_deck(sample_deck_path)
    subject_of = {fact.id: fact.subject for fact in deck.facts}
    by_front = {plain(row[0]): row for row in rows}
    for item in items:
        front, back, tags, deck_name, guid = by_front[expected_front(item)]
        assert plain(back).startswith(expected_answer(item) + "\n\n" + item.explanation)
        assert tags.split(" ") == list(tags_for(item, subject_of))
        assert deck_name == DECK_NAME and guid == text_guid(item.id)

    col = Collection(str(tmp_path / "col.anki2"))
    try:
        log, notes = imported(col, out)
        assert len(log.new) == len(items)
        assert len(notes) == len(items) and len(col.find_cards("")) == len(items)
        assert notes == {row[4]: ("Basic", row[:2], sorted(row[2].split(" ")), {DECK_NAME}) for row in rows}
        # Importing the same file again changes nothing; a newer export with other distractors (--seed 1:
        # the multiple choice fronts change) updates the notes by GUID and adds none.
        log, again = imported(col, out)
        assert not log.new and again == notes
        newer = tmp_path / "newer.csv"
        assert run_cli("export", str(sample_deck_path), "-o", str(newer), "--seed", "1").returncode == 0
        _, new_rows = anki_rows(newer.read_text(encoding="utf-8"), ",")
        assert {row[0] for row in new_rows} != {row[0] for row in rows}
        log, notes = imported(col, newer)
        assert not log.new and log.updated
        assert {guid: fields for guid, (_, fields, _, _) in notes.items()} == {row[4]: row[:2] for row in new_rows}
    finally:
        col.close()


@pytest.mark.parametrize(
    ("name", "options", "separator", "label"),
    [("cards.tsv", (), "\t", "Tab"), ("cards.txt", (), "\t", "Tab"), ("cards.txt", ("--format", "csv"), ",", "Comma")],
)
def test_tsv_and_txt_for_anki(sample_deck_path, tmp_path, name, options, separator, label):
    out = tmp_path / name
    result = run_cli("export", str(sample_deck_path), "-o", str(out), "--types", "multiple_choice", *options)
    assert result.returncode == 0, result.stderr
    items = cli_items(sample_deck_path)
    choices = [item for item in items if item.type == "multiple_choice"]
    header, rows = anki_rows(out.read_text(encoding="utf-8"), separator)
    assert header[0] == f"#separator:{label}" and header[-1] == "#columns:" + separator.join(ANKI_COLUMNS)
    assert sorted(plain(row[0]) for row in rows) == sorted(expected_front(item) for item in choices)
    col = Collection(str(tmp_path / "col.anki2"))
    try:
        _, notes = imported(col, out)
    finally:
        col.close()
    assert sorted(plain(fields[0]) for _, fields, _, _ in notes.values()) == sorted(expected_front(i) for i in choices)


def test_deck_name_option_names_the_deck_column(sample_deck_path, tmp_path):
    out = tmp_path / "cards.csv"
    result = run_cli("export", str(sample_deck_path), "-o", str(out), "--deck-name", "News :: Arms, control")
    assert result.returncode == 0, result.stderr
    _, rows = anki_rows(out.read_text(encoding="utf-8"), ",")
    assert {row[3] for row in rows} == {"News::Arms, control"}
    col = Collection(str(tmp_path / "col.anki2"))
    try:
        _, notes = imported(col, out)
    finally:
        col.close()
    assert {deck for *_, decks in notes.values() for deck in decks} == {"News::Arms, control"}


# ---- spreadsheets and Quizlet ---------------------------------------------------------------------------


def test_spreadsheet_csv_has_column_names_and_plain_text(sample_deck_path, tmp_path):
    out = tmp_path / "cards.csv"
    result = run_cli("export", str(sample_deck_path), "-o", str(out), "--for", "spreadsheet")
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode()) and b"\r\n" in data  # Excel reads UTF-8 only after a BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(COLUMNS)
    items = cli_items(sample_deck_path)
    assert len(rows) == 1 + len(items)
    by_front = {row[0]: row for row in rows[1:]}
    for item in items:
        _, back, tags, deck = by_front[expected_front(item)]
        assert back.startswith(expected_answer(item) + "\n")
        assert "<br>" not in back and deck == DECK_NAME and tags.startswith("quizgen ")


def test_spreadsheet_cells_are_never_formulas():
    hostile = ['=HYPERLINK("http://example.com/x","click")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1"]
    cards = [Card(text, text, ("quizgen",), text, str(n)) for n, text in enumerate(hostile)]
    safe = replace(cards[0], front="-", back="a = b, -c", item="safe")
    for fmt, separator in (("csv", ","), ("tsv", "\t")):
        text = render([*cards, safe], fmt, "spreadsheet").removeprefix("\ufeff")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))[1:]
        assert rows[:-1] == [["'" + t, "'" + t, "quizgen", "'" + t] for t in hostile]
        assert rows[-1][:2] == ["'-", "a = b, -c"]  # only the start of a cell matters


def test_quizlet_tsv_is_one_line_per_card(sample_deck_path, tmp_path):
    out = tmp_path / "cards.tsv"
    result = run_cli("export", str(sample_deck_path), "-o", str(out), "--for", "quizlet")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert not text.startswith("\ufeff") and "\r" not in text
    lines = text.split("\n")
    assert lines[-1] == ""
    items = cli_items(sample_deck_path)
    assert len(lines) - 1 == len(items)
    assert all(line.count("\t") == 1 for line in lines[:-1])
    terms = {line.split("\t")[0]: line.split("\t")[1] for line in lines[:-1]}
    for item in items:
        term = expected_front(item).replace("\n", " / ")
        assert terms[term].startswith(expected_answer(item) + " / ")


# ---- quoting: any text survives ---------------------------------------------------------------------------


def texts(*excluded: str) -> st.SearchStrategy[str]:
    """Text as articles hold it, with what a CSV reader trips on: separators, quotes, line breaks, a leading
    `#` (Anki's comment mark), spaces at the ends, Anki markup and HTML; no character of `excluded`'s
    categories."""
    return st.text(
        alphabet=st.one_of(
            st.sampled_from([",", "\t", '"', "'", "\n", "\r", "#", " ", ";", "<", ">", "&", "[", "]", "{", "}", "\\"]),
            st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", *excluded)),
        ),
        max_size=40,
    )


TEXT = texts()
FIELDS = st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=5)
# Only characters this Python's Unicode database knows (3.11's is Unicode 14): quizgen puts text in NFC with it,
# Anki with its own, newer one, which also composes or reorders characters assigned since (U+113C2 twice
# becomes U+113C5), and quizgen cannot know of those.
KNOWN_FIELDS = st.lists(st.tuples(texts("Cn"), texts("Cn")), min_size=1, max_size=5)


def anki_field(text: str) -> str:
    """A side as the Anki-targeted file holds it, and Anki stores it: the .apkg's escaping, one `<br>` a line."""
    return esc(newlines(text))


def cards_of(pairs: list[tuple[str, str]]) -> list[Card]:
    return [
        Card(front, back, ("quizgen", "quizgen::type::typed"), DECK_NAME, str(n))
        for n, (front, back) in enumerate(pairs)
    ]


@given(FIELDS)
@example([('#x, "y"\n z', "a\tb\r\nc")])
def test_rows_read_back_with_the_csv_module(pairs):
    cards = cards_of(pairs)
    for fmt, separator in (("csv", ","), ("tsv", "\t")):
        _, rows = anki_rows(render(cards, fmt, "anki"), separator)
        assert rows == [
            [anki_field(c.front), anki_field(c.back), " ".join(c.tags), c.deck, text_guid(c.item)] for c in cards
        ]
        text = render(cards, fmt, "spreadsheet")
        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=separator))
        assert rows == [list(COLUMNS)] + [
            [sheet_cell(c.front), sheet_cell(c.back), " ".join(c.tags), c.deck] for c in cards
        ]
    lines = render(cards, "tsv", "quizlet").split("\n")
    assert len(lines) == len(cards) + 1 and all(line.count("\t") == 1 for line in lines[:-1])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=KNOWN_FIELDS.filter(lambda pairs: all(front.strip() for front, _ in pairs)))
@example(pairs=[('#1 "quoted", [sound:x.mp3] {{c1::gap}}\n\\(x\\)', ' line one\nline two, "three" ')])
@example(pairs=[("the same front", "one"), ("the same front", "two")])
# Found by Hypothesis: U+FB2A (shin with shin dot) is stored as U+05E9 U+05C1, Anki's NFC of it.
@example(pairs=[("\ufb2a", "")])
# Marks put in canonical order (dagesh before shin dot); a line starting with U+0338, which NFC joins with the
# `>` of the `<br>` before it into U+226F, breaking the tag.
@example(pairs=[("\u05e9\u05c1\u05bc", "a\n\u0338b, \\\u0338")])
def test_anki_imports_any_text_as_it_is(tmp_path_factory, pairs):
    folder = tmp_path_factory.mktemp("anki-text")
    cards = cards_of(pairs)
    for fmt, separator in (("csv", ","), ("tsv", "\t")):
        path = folder / f"cards.{fmt}"
        text = render(cards, fmt, "anki")
        path.write_text(text, encoding="utf-8")
        col = Collection(str(folder / f"{fmt}.anki2"))
        try:
            log, notes = imported(col, path)
        finally:
            col.close()
        # One note per card, two with the same front included (the GUID tells them apart); fields as written:
        # Anki stores a field in NFC (its `normalize_note_text`, on by default), and the file holds them so.
        _, rows = anki_rows(text, separator)
        assert notes == {row[4]: ("Basic", row[:2], list(cards[0].tags), {DECK_NAME}) for row in rows}
        # The card shows the text as it was, in NFC.
        for card in cards:
            _, fields, _, _ = notes[text_guid(card.item)]
            assert [plain(field) for field in fields] == [nfc(newlines(card.front)), nfc(newlines(card.back))]


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# ---- bad input: one line, exit status 2, nothing written --------------------------------------------------


def assert_clean_failure(result, folder: Path, before: set[str], *expected: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in lines[0], lines[0]
    assert {p.name for p in folder.iterdir()} == before


@pytest.mark.parametrize(
    ("name", "options", "expected"),
    [
        ("cards.csv", ("--format", "xml"), ("--format", "xml")),
        ("cards.csv", ("--format", "tsv"), ("cards.csv", ".tsv")),
        ("cards.tsv", ("--format", "csv"), ("cards.tsv", ".csv")),
        ("cards.apkg", ("--format", "csv"), ("cards.apkg", ".csv")),
        ("cards.csv", ("--format", "apkg"), ("cards.csv", ".apkg")),
        ("cards.xlsx", (), ("cards.xlsx", ".apkg", ".csv", ".tsv", ".txt")),
        ("cards", (), ("cards", ".csv")),
        ("cards.csv", ("--for", "quizlet"), ("--for", ".tsv")),
        ("cards.csv", ("--for", "excel"), ("--for", "excel")),
        ("cards.apkg", ("--for", "anki"), ("--for",)),
        ("cards.csv", ("--notes", "fact"), ("--notes", ".apkg")),
    ],
)
def test_bad_format_or_name(sample_deck_path, tmp_path, name, options, expected):
    result = run_cli("export", str(sample_deck_path), "-o", str(tmp_path / name), *options)
    assert_clean_failure(result, tmp_path, set(), *expected)


@pytest.mark.parametrize("suffix", [".csv", ".tsv", ".apkg"])
def test_missing_folder_or_name_too_long(sample_deck_path, tmp_path, suffix):
    result = run_cli("export", str(sample_deck_path), "-o", str(tmp_path / "nope" / f"cards{suffix}"))
    assert_clean_failure(result, tmp_path, set(), "folder does not exist")
    # The folder is writable but the file cannot be made there; this fails for root too, unlike a folder
    # without write permission. A name of 250 bytes: the temporary file beside it is longer than the file
    # system allows. Over 255: the name itself (Path.exists raised, a traceback, before this was caught).
    for length in (250, 260):
        result = run_cli("export", str(sample_deck_path), "-o", str(tmp_path / ("x" * length + suffix)))
        assert_clean_failure(result, tmp_path, set(), "cannot write")


def test_unwritable_folder(sample_deck_path, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere (test_missing_folder_or_name_too_long covers it)")
        result = run_cli("export", str(sample_deck_path), "-o", str(locked / "cards.tsv"))
        assert_clean_failure(result, locked, set(), "not writable")
    finally:
        locked.chmod(0o700)


def test_a_failed_export_keeps_the_old_file(sample_deck_path, tmp_path):
    out = tmp_path / "cards.csv"
    out.write_text("an earlier export\n")
    result = run_cli("export", str(sample_deck_path), "-o", str(out), "--kinds", "event", "--types", "cloze")
    assert_clean_failure(result, tmp_path, {"cards.csv"}, "no questions")
    assert out.read_text() == "an earlier export\n"


def test_output_never_replaces_an_input(sample_deck_path, tmp_path):
    deck = tmp_path / "deck.txt"  # a deck may have any name, .txt included
    deck.write_bytes(sample_deck_path.read_bytes())
    link = tmp_path / "link.txt"
    link.symlink_to(deck)
    for output in (deck, link):
        result = run_cli("export", str(deck), "-o", str(output))
        assert_clean_failure(result, tmp_path, {"deck.txt", "link.txt"}, "is also an input")
    assert deck.read_bytes() == sample_deck_path.read_bytes()


# ---- the pure part ------------------------------------------------------------------------------------------


def test_every_item_type_has_a_front_and_back():
    items = sample_items()
    cards = plan_cards([_export(items), _export(items[:3])])  # the second deck's items are already in the first
    assert [c.item for c in cards] == [i.id for i in items]
    for item, card in zip(items, cards, strict=True):
        assert card.front == expected_front(item)
        if item.type == "timeline":
            assert card.back.startswith("\n".join(f"{n}. {e}" for n, e in enumerate(item.order, 1)) + "\n\n")
        else:
            assert card.back.startswith(expected_answer(item) + "\n\n" + item.explanation)
        # The sentence is on the back once: quoted by the explanation, or added with the article's title.
        assert card.back.count(item.evidence.text) == 1
    bare = replace(items[0], explanation="")
    assert plan_cards([_export([bare])])[0].back.endswith(f"“{bare.evidence.text}” — {bare.source_title}")


def _export(items):
    from quizgen.anki import DeckExport

    return DeckExport(DECK_NAME, items, subjects())
