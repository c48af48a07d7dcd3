"""The pure half of the Anki export: items to notes (no genanki file, no Anki)."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import replace

import pytest
from anki_items import sample_items, subjects
from hypothesis import example, given
from hypothesis import strategies as st

from quizgen.anki import (
    MODEL_FIELDS,
    NOTE_TYPE_OF,
    DeckExport,
    deck_id,
    default_deck_name,
    esc,
    esc_cloze,
    normalize_deck_name,
    note_for,
    plan_notes,
    tag,
)
from quizgen.errors import QuizgenError
from quizgen.model import ITEM_TYPES


def test_every_item_type_has_a_note_type_with_matching_fields():
    assert set(NOTE_TYPE_OF) == set(ITEM_TYPES)
    items = sample_items()
    assert {i.type for i in items} == set(ITEM_TYPES)
    for item in items:
        note = note_for(item, subjects())
        assert note.model == NOTE_TYPE_OF[item.type]
        assert len(note.fields) == len(MODEL_FIELDS[note.model])
        named = dict(zip(MODEL_FIELDS[note.model], note.fields, strict=True))
        assert named["Sentence"] == esc(item.evidence.text)
        assert named["Article"] == esc(item.source_title)
        assert named["Explanation"] == esc(item.explanation)


def test_multiple_choice_marks_only_the_answer_on_the_back():
    for item in sample_items():
        if NOTE_TYPE_OF[item.type] != "choice":
            continue
        named = dict(zip(MODEL_FIELDS["choice"], note_for(item).fields, strict=True))
        front = re.findall(r"<li[^>]*>(.*?)</li>", named["Options"])
        assert front == [esc(c) for c in item.choices]
        marked = re.findall(r'<li class="qg-right">(.*?) ✓</li>', named["Marked"])
        assert marked == [esc(item.answer)]
        assert "qg-right" not in named["Options"]


def test_guid_comes_from_the_item_id_only():
    item = sample_items()[0]
    edited = replace(item, answer="6 February 2021", explanation="changed", prompt="When does it end?")
    assert note_for(item).guid == note_for(edited).guid
    assert note_for(item).guid != note_for(replace(item, id="other")).guid


def test_notes_are_deterministic():
    first = [note_for(i, subjects()) for i in sample_items()]
    again = [note_for(i, subjects()) for i in sample_items()]
    assert first == again
    assert len({n.guid for n in first}) == len(first)


def test_tags_have_anki_syntax():
    for item in sample_items():
        tags = note_for(item, subjects()).tags
        assert tags[0] == "quizgen"
        assert f"quizgen::kind::{item.kind}" in tags
        assert all(t and not re.search(r"\s", t) for t in tags)
    lavrov = next(i for i in sample_items() if i.fact == "quote-sergey-lavrov")
    tags = note_for(lavrov, subjects()).tags
    assert "quizgen::subject::Sergey_Lavrov" in tags
    assert "quizgen::source::US_Rejects_Key_Talks_on_New_START" in tags


def test_notes_carry_only_the_documented_tags():
    """#13, item 3: notes also carried the items' own labels, `kind:…`, `subject:…`, `source:…`, which the
    README does not name; only `quizgen` and `quizgen::{kind,type,subject,source}::…` are documented."""
    documented = re.compile(r"quizgen(?:::(?:kind|type|subject|source)::\S+)?")
    items = [replace(i, tags=(f"kind:{i.kind}", "subject:new-start", "source:000_a3db")) for i in sample_items()]
    notes = [note_for(i, subjects()) for i in items]
    notes += [n for _, ns in plan_notes([DeckExport("D", items, subjects())])[0] for n in ns]
    for note in notes:
        assert note.tags and all(documented.fullmatch(t) for t in note.tags), note.tags


def test_timeline_tags_every_subject_and_lists_the_order():
    timeline = next(i for i in sample_items() if i.type == "timeline")
    note = note_for(timeline, {"date-new-start-signing": "New START", "date-new-start-expiry": "Treaty X"})
    assert "quizgen::subject::New_START" in note.tags and "quizgen::subject::Treaty_X" in note.tags
    named = dict(zip(MODEL_FIELDS["basic"], note.fields, strict=True))
    assert re.findall(r"<li>(.*?)</li>", named["Answer"]) == list(timeline.order)


def test_cloze_markers_survive_escaping_and_text_is_escaped():
    assert esc_cloze("A & B {{c1::<b>x</b>::hint & more}} c") == (
        "A &amp; B {{c1::&lt;b&gt;x&lt;/b&gt;::hint &amp; more}} c"
    )
    assert esc_cloze("{{c1::a}} and {{c2::b}}") == "{{c1::a}} and {{c2::b}}"
    bad = replace(next(i for i in sample_items() if i.type == "cloze"), cloze="no markers here")
    with pytest.raises(QuizgenError):
        note_for(bad)


@given(st.text())
@example("\ufb2a")  # (NFC splits it: shin and shin dot)
@example("\n\u0338x")  # (NFC would join it with the <br>'s ">")
def test_escaped_text_has_no_markup_and_reads_back(text):
    """The text reads back in NFC, the form Anki stores a field in."""
    out = esc(text)
    plain = out.replace("<br>", "\n").replace("<span></span>", "")  # (an empty span shows nothing)
    assert not re.search(r"[<>{}\[\\]", plain)
    assert html.unescape(plain) == unicodedata.normalize("NFC", text)


@given(st.text())
def test_tag_components_never_contain_spaces_or_nesting(text):
    t = tag(text)
    assert not re.search(r"[\s{}\[\]\\<>]", t) and "::" not in t
    assert not t.startswith(":") and not t.endswith(":")


def test_deck_names_and_ids():
    assert default_deck_name("New START") == "quizgen::New START"
    assert normalize_deck_name(" News ::  New   START ") == "News::New START"
    for bad in ("", "a::", "::b", "a:: ::b"):
        with pytest.raises(QuizgenError):
            normalize_deck_name(bad)
    assert deck_id("quizgen::New START") == deck_id("quizgen::New START")
    assert deck_id("quizgen::New START") != deck_id("quizgen::Other")
    assert 1 << 30 <= deck_id("x") < 1 << 31


def test_an_item_in_two_decks_becomes_one_note():
    items = sample_items()
    exports = [DeckExport("A", items), DeckExport("B", items[:2] + [replace(items[2], id="new")])]
    plan, skipped = plan_notes(exports, notes="item")
    assert [len(notes) for _, notes in plan] == [len(items), 1]
    assert skipped == [items[0].id, items[1].id]
    # One note per fact: "new" asks items[2]'s fact the same way (same type), so it is that note's card
    plan, skipped = plan_notes(exports)
    assert [len(notes) for _, notes in plan] == [len(items), 0]
    assert skipped == [items[0].id, items[1].id, "new"]


def test_an_unknown_note_layout_is_refused():
    with pytest.raises(QuizgenError, match="unknown note layout 'card'"):
        plan_notes([DeckExport("A", sample_items())], notes="card")
