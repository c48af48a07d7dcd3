"""quizgen writes the notes and cards of an Anki collection itself, in batches (quizgen/anki.py, "writing
the collection"): its package must hold exactly the collection genanki's documented path (a genanki.Note per
note, Deck.add_note, Package.write_to_file) writes for the same notes — the same tables, the columns quizgen
names, every row, each note type's `req` — and its GUIDs must be genanki's `guid_for`. These tests are what
pins quizgen's writer to genanki: a genanki that changed its schema, its rows or its rule for cards fails
here."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import genanki
import pytest
from anki_items import sample_items, subjects
from hypothesis import given
from hypothesis import strategies as st

from quizgen.anki import (
    CARD_COLUMNS,
    MODEL_IDS,
    NOTE_COLUMNS,
    DeckExport,
    anki_model,
    deck_id,
    merge_decks,
    note_guid,
    plan_notes,
    requirements,
    write_apkg,
)

STAMP = 1_700_000_000.5  # both writers take their ids from it: int(STAMP * 1000), counting up


@given(st.text())
def test_note_guid_is_genankis_guid_for(item_id):
    assert note_guid(item_id) == genanki.guid_for("quizgen", item_id)


def genanki_package(plan, path: Path) -> Path:
    """The same notes through genanki's documented path, each a genanki.Note written by genanki itself."""
    models = {key: anki_model(key) for key in MODEL_IDS}
    decks = []
    for name, notes in merge_decks(plan):
        deck = genanki.Deck(deck_id(name), name)
        for key in dict.fromkeys(spec.model for spec in notes):
            deck.add_model(models[key])
        for due, spec in enumerate(notes):
            note = genanki.Note(models[spec.model], list(spec.fields), tags=list(spec.tags), guid=spec.guid, due=due)
            deck.add_note(note)
        decks.append(deck)
    genanki.Package(decks).write_to_file(str(path), timestamp=STAMP)
    return path


def collection(apkg: Path) -> sqlite3.Connection:
    folder = apkg.with_suffix("")
    with zipfile.ZipFile(apkg) as zf:
        zf.extract("collection.anki2", folder)
    return sqlite3.connect(folder / "collection.anki2")


def assert_same_collection(ours: sqlite3.Connection, theirs: sqlite3.Connection) -> None:
    """The same tables and indexes (their SQL as written), the columns quizgen names, and the same rows."""
    schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    assert ours.execute(schema).fetchall() == theirs.execute(schema).fetchall()
    for table, columns in (("notes", NOTE_COLUMNS), ("cards", CARD_COLUMNS)):
        assert tuple(row[1] for row in theirs.execute(f"PRAGMA table_info({table})")) == columns
    for table in ("col", "notes", "cards", "revlog", "graves"):
        rows = f"SELECT * FROM {table} ORDER BY rowid"
        assert ours.execute(rows).fetchall() == theirs.execute(rows).fetchall(), table


def compare(tmp_path: Path, plan) -> list[tuple]:
    """Write `plan` both ways, check the collections are the same; returns quizgen's cards."""
    written = write_apkg(plan, tmp_path / "quizgen.apkg", timestamp=STAMP)
    assert written == sum(len(notes) for _, notes in plan)
    ours = collection(tmp_path / "quizgen.apkg")
    assert_same_collection(ours, collection(genanki_package(plan, tmp_path / "genanki.apkg")))
    return ours.execute("SELECT * FROM cards").fetchall()


def test_the_collection_is_genankis_for_every_note_type_and_several_decks(tmp_path):
    items = sample_items()
    # Two decks, one named twice (its notes merge), a cloze with two gaps (two cards), and a timeline with no
    # events listed: its Details field is empty, and its front, which needs any of Question and Details, is not.
    two_gaps = next(i for i in items if i.type == "cloze")
    two_gaps = replace(two_gaps, id="two-gaps", cloze=two_gaps.cloze + " {{c2::again}}")
    no_events = replace(next(i for i in items if i.type == "timeline"), id="no-events", choices=())
    plan, _ = plan_notes(
        [
            DeckExport("quizgen::A", items[: len(items) // 2], subjects()),
            DeckExport("quizgen::B", items[len(items) // 2 :] + [two_gaps, no_events], subjects()),
            DeckExport("quizgen::A", [replace(items[0], id="late")], subjects()),
        ],
        notes="item",
    )
    cards = compare(tmp_path, plan)
    assert len(cards) == len(items) + 1 + 2 + 1  # an item, a card; "late"; the two-gap cloze, two; no-events


def test_the_collection_is_genankis_for_fact_notes_with_several_cards(tmp_path):
    """One note per fact: its items are the note's cards, one per template whose question is filled."""
    from hand_items import sample_deck

    from quizgen.questions import make_items

    deck = sample_deck()
    items = make_items(deck, seed=1)
    statements = {f.id: f.statement for f in deck.facts}
    half = len(items) // 2
    plan, skipped = plan_notes(
        [
            DeckExport("quizgen::A", items[:half], subjects(), statements),
            DeckExport("quizgen::B", items[half:] + items[:2], subjects(), statements),  # two again: skipped
        ]
    )
    assert skipped == [i.id for i in items[:2]]
    cards = compare(tmp_path, plan)
    facts = {i.fact for i in items if i.type != "timeline"}
    timelines = [i for i in items if i.type == "timeline"]
    assert sum(len(notes) for _, notes in plan) == len(facts) + len(timelines)  # a fact's items: one note
    assert len(cards) == len(items)  # an item, a card


@pytest.mark.parametrize("key", sorted(MODEL_IDS))
def test_requirements_are_the_req_genanki_writes_into_the_note_type(tmp_path, key):
    """quizgen computes which fields a card needs itself (genanki keeps it private): it must be the `req` genanki
    writes, for every template, including those of cards no test note has."""
    model = anki_model(key)
    deck = genanki.Deck(deck_id("quizgen::req"), "quizgen::req")
    deck.add_note(genanki.Note(model, ["x"] * len(model.fields), guid="x"))
    genanki.Package(deck).write_to_file(str(tmp_path / "req.apkg"))
    (models,) = collection(tmp_path / "req.apkg").execute("SELECT models FROM col").fetchone()
    theirs = json.loads(models)[str(MODEL_IDS[key])]["req"]
    assert theirs == [[ord_, any_or_all, list(fields)] for ord_, any_or_all, fields in requirements(key)]
