"""quizgen writes the notes and cards of an Anki collection itself, in batches: its rows must be exactly the
ones genanki's own per-note path writes for the same notes, and its GUIDs genanki's `guid_for`."""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import replace

import genanki
from anki_items import sample_items, subjects
from hypothesis import given
from hypothesis import strategies as st

from quizgen.anki import (
    MODEL_IDS,
    DeckExport,
    anki_model,
    deck_id,
    merge_decks,
    note_guid,
    plan_notes,
    write_collection,
)

STAMP = 1_700_000_000.5


@given(st.text())
def test_note_guid_is_genankis_guid_for(item_id):
    assert note_guid(item_id) == genanki.guid_for("quizgen", item_id)


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    return {table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall() for table in ("notes", "cards", "col")}


def genanki_rows(plan) -> dict[str, list[tuple]]:
    """The same notes, each a genanki.Note written by genanki itself."""
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
    conn = sqlite3.connect(":memory:")
    genanki.Package(decks).write_to_db(conn.cursor(), STAMP, itertools.count(1_000))
    return dump(conn)


def quizgen_rows(plan) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(":memory:")
    written = write_collection(conn.cursor(), plan, STAMP, itertools.count(1_000))
    assert written == sum(len(notes) for _, notes in plan)
    return dump(conn)


def test_rows_are_genankis_for_every_note_type_and_several_decks():
    items = sample_items()
    # Two decks, one named twice (its notes merge), and a cloze with two gaps (two cards).
    two_gaps = next(i for i in items if i.type == "cloze")
    two_gaps = replace(two_gaps, id="two-gaps", cloze=two_gaps.cloze + " {{c2::again}}")
    plan, _ = plan_notes(
        [
            DeckExport("quizgen::A", items[: len(items) // 2], subjects()),
            DeckExport("quizgen::B", items[len(items) // 2 :] + [two_gaps], subjects()),
            DeckExport("quizgen::A", [replace(items[0], id="late")], subjects()),
        ],
        notes="item",
    )
    ours, theirs = quizgen_rows(plan), genanki_rows(plan)
    assert ours["notes"] == theirs["notes"]
    assert ours["cards"] == theirs["cards"]
    assert ours["col"] == theirs["col"]  # the decks and note types
    assert len(ours["cards"]) == len(ours["notes"]) + 1  # the two-gap cloze has two cards


def test_rows_are_genankis_for_fact_notes_with_several_cards():
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
    ours, theirs = quizgen_rows(plan), genanki_rows(plan)
    assert ours["notes"] == theirs["notes"] and ours["cards"] == theirs["cards"] and ours["col"] == theirs["col"]
    facts = {i.fact for i in items if i.type != "timeline"}
    timelines = [i for i in items if i.type == "timeline"]
    assert len(ours["notes"]) == len(facts) + len(timelines)  # a fact's items are one note, wherever they are
    assert len(ours["cards"]) == len(items)  # an item, a card
