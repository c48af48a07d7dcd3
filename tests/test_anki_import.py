"""Real Anki: packages written by quizgen, imported headless by the official `anki` package from PyPI."""

from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from anki_items import sample_items, subjects

from quizgen.anki import MODEL_NAMES, NOTE_TYPE_OF, DeckExport, export_apkg, note_guid, plan_notes, write_apkg
from quizgen.errors import QuizgenError
from quizgen.model import Evidence

DECK = "quizgen::New START sample"
T0 = 1_700_000_000  # export times, in seconds: later exports must be newer for Anki to take them
PROBLEMS = ("conflicting", "first_field_match", "missing_notetype", "missing_deck", "empty_first_field")


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


def import_apkg(col: Collection, path: Path):
    """Import as Anki's desktop does by default: update notes and note types when the file's are newer."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    log = col.import_anki_package(request).log
    for problem in PROBLEMS:
        assert not getattr(log, problem), f"import reported {problem}: {getattr(log, problem)}"
    return log


def export(tmp_path: Path, items, name="deck.apkg", timestamp=T0, notes="item") -> Path:
    """One note per item unless `notes` says otherwise: most tests here are of one item's note."""
    path = tmp_path / name
    write_apkg(plan_notes([DeckExport(DECK, items, subjects())], notes=notes)[0], path, timestamp=timestamp)
    return path


def cards_by_guid(col: Collection) -> dict[str, list]:
    out: dict[str, list] = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        out.setdefault(card.note().guid, []).append(card)
    return out


def visible(html_text: str) -> str:
    """What a person reads: the card's HTML without its stylesheet and tags, entities decoded."""
    import html

    body = re.sub(r"<style>.*?</style>", "", html_text, flags=re.S).replace("<span></span>", "")  # shows nothing
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_import_counts_decks_and_note_types(tmp_path, col):
    items = sample_items()
    log = import_apkg(col, export(tmp_path, items))
    assert len(log.new) == len(items) == col.note_count()
    assert col.card_count() == len(items)  # one card per item: each cloze has one gap
    by_guid = cards_by_guid(col)
    assert set(by_guid) == {note_guid(i.id) for i in items}
    for item in items:
        (card,) = by_guid[note_guid(item.id)]
        assert col.decks.name(card.did) == DECK
        assert card.note().note_type()["name"] == MODEL_NAMES[NOTE_TYPE_OF[item.type]]
        assert "quizgen" in card.note().tags and f"quizgen::kind::{item.kind}" in card.note().tags


def test_every_card_renders_question_and_answer(tmp_path, col):
    items = sample_items()
    import_apkg(col, export(tmp_path, items))
    by_guid = cards_by_guid(col)
    for item in items:
        (card,) = by_guid[note_guid(item.id)]
        question, answer = card.question(), card.answer()
        for side in (question, answer):
            assert "{{" not in side and "}}" not in side, side
            assert "qg-" in side  # our template, with our stylesheet
        q, a = visible(question), visible(answer)
        # The back shows the explanation, the verbatim sentence and the article's title.
        assert item.explanation in a and item.evidence.text in a and item.source_title in a
        assert 'class="qg-source"' not in question and 'class="qg-source"' in answer  # source: back only
        if item.type == "cloze":
            hidden = re.search(r"\{\{c1::(.*?)\}\}", item.cloze).group(1)
            assert "[...]" in q and hidden not in re.sub(r"data-cloze=\"[^\"]*\"", "", question).split("</style>")[1]
            assert hidden in a
        elif item.type == "typed":
            assert item.prompt in q
            # The desktop and phone reviewers replace this with the input box and the comparison.
            assert "[[type:Answer]]" in question and "[[type:Answer]]" in answer
            assert card.note()["Answer"] == item.answer
        elif item.type == "timeline":
            assert item.prompt in q and all(e in q for e in item.choices)
            assert re.search(r"\s*".join(re.escape(e) for e in item.order), a)
        else:
            assert item.prompt in q
            assert all(choice in q for choice in item.choices)
            assert "✓" not in q
            assert re.search(re.escape(item.answer) + r"\s*✓", a)
            assert a.count("✓") == 1


def test_importing_the_same_file_twice_adds_nothing(tmp_path, col):
    path = export(tmp_path, sample_items())
    import_apkg(col, path)
    before = (col.note_count(), col.card_count(), sorted(col.find_cards("")))
    log = import_apkg(col, path)
    assert not log.new and not log.updated
    assert len(log.duplicate) == len(sample_items())
    assert (col.note_count(), col.card_count(), sorted(col.find_cards(""))) == before


def test_exporting_again_updates_notes_in_place_and_keeps_reviews(tmp_path, col):
    items = sample_items()
    import_apkg(col, export(tmp_path, items, "first.apkg", T0))
    target = items[0]  # the expiry date, multiple choice
    (card,) = cards_by_guid(col)[note_guid(target.id)]
    # Pretend the user has studied it: a review card with a 10-day interval.
    card.type, card.queue, card.ivl, card.due = 2, 2, 10, 5
    col.update_card(card)
    card_ids = sorted(col.find_cards(""))

    fixed = "6 February 2021"
    changed = replace(
        target,
        answer=fixed,
        choices=tuple(fixed if c == target.answer else c for c in target.choices),
        explanation=f"New START is due to expire on {fixed}.",
    )
    log = import_apkg(col, export(tmp_path, [changed, *items[1:]], "second.apkg", T0 + 60))
    assert not log.new
    assert note_guid(target.id) in {col.get_note(n.id.nid).guid for n in log.updated}
    assert col.note_count() == len(items) and sorted(col.find_cards("")) == card_ids
    (card,) = cards_by_guid(col)[note_guid(target.id)]
    assert card.note()["Answer"] == fixed and card.ivl == 10 and card.type == 2
    assert re.search(re.escape(fixed) + r"\s*✓", visible(card.answer()))


def test_an_older_or_equal_export_does_not_overwrite(tmp_path, col):
    """Anki takes an update only from a newer file: re-importing an old export changes nothing."""
    items = sample_items()
    import_apkg(col, export(tmp_path, items, "new.apkg", T0 + 60))
    stale = [replace(items[0], answer="stale")] + items[1:]
    log = import_apkg(col, export(tmp_path, stale, "old.apkg", T0))
    assert not log.new and not log.updated
    (card,) = cards_by_guid(col)[note_guid(items[0].id)]
    assert card.note()["Answer"] == items[0].answer


def test_script_in_a_sentence_renders_as_text(tmp_path, col):
    evil = "<script>alert('x')</script> & {{c2::boom}} <b>bold</b>"
    items = [
        replace(i, evidence=Evidence(i.evidence.source, evil), explanation=f"{i.explanation} & <i>")
        for i in sample_items()
    ]
    import_apkg(col, export(tmp_path, items))
    assert col.card_count() == len(items)  # the {{c2::…}} in the text made no extra card
    for cid in col.find_cards(""):
        answer = col.get_card(cid).answer()
        assert "<script>" not in answer and "<b>bold" not in answer and "<i>" not in answer
        assert "&lt;script&gt;alert(" in answer
        assert evil in visible(answer)


def test_anki_keeps_every_field_as_the_package_holds_it(tmp_path, col):
    """Anki puts a field in NFC when it imports it: the package's fields are so already, and a line or option
    starting with U+0338 (a combining mark NFC joins with the `>` before it, into U+226F) keeps its tag."""
    odd = "\ufb2a \u05e9\u05c1\u05bc \uf900 e\u0301"  # shin with shin dot; marks out of order; 豈; é
    items = [
        replace(i, prompt=f"{i.prompt} {odd}\n\u0338q", explanation=f"{i.explanation} {odd}\n\u0338e")
        for i in sample_items()
    ]
    path = export(tmp_path, items)
    (tmp_path / "package.anki2").write_bytes(zipfile.ZipFile(path).read("collection.anki2"))
    with sqlite3.connect(tmp_path / "package.anki2") as conn:
        written = {guid: flds.split("\x1f") for guid, flds in conn.execute("select guid, flds from notes")}
    import_apkg(col, path)
    stored = {col.get_note(nid).guid: list(col.get_note(nid).fields) for nid in col.find_notes("")}
    assert stored == written
    nfc = unicodedata.normalize("NFC", odd)
    kinds = {note_guid(i.id): i.type for i in items}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        question, answer = visible(card.question()), visible(card.answer())
        assert nfc in answer and "\u0338e" in answer
        if kinds[card.note().guid] != "cloze":  # (a cloze card asks its sentence, not the prompt)
            assert nfc in question and "\u0338q" in question


def test_several_decks_and_nested_names(tmp_path, col):
    items = sample_items()
    path = tmp_path / "two.apkg"
    n = export_apkg(
        [DeckExport("News::Arms  control::A", items[:4]), DeckExport("News::B", items[4:] + items[:1])], path, T0
    )
    assert n == len(items)  # the repeated item is exported once
    import_apkg(col, path)
    names = {col.decks.name(col.get_card(c).did) for c in col.find_cards("")}
    assert names == {"News::Arms control::A", "News::B"}
    assert len(col.find_cards('"deck:News::Arms control::A"')) == 4


def test_the_package_holds_nothing_of_the_file_system(tmp_path, monkeypatch):
    folder = tmp_path / "secret-folder-name"
    folder.mkdir()
    path = export(folder, sample_items())
    with zipfile.ZipFile(path) as zf:
        assert sorted(zf.namelist()) == ["collection.anki2", "media"]
        assert zf.read("media") == b"{}"
        db = zf.read("collection.anki2")
    for secret in ("secret-folder-name", str(tmp_path), os.path.expanduser("~"), "/tmp/"):
        assert secret.encode() not in db
    copy = tmp_path / "db.sqlite"
    copy.write_bytes(db)
    with sqlite3.connect(copy) as conn:
        assert conn.execute("select count(*) from notes").fetchone()[0] == len(sample_items())
    assert sorted(p.name for p in folder.iterdir()) == ["deck.apkg"]  # no temporary file left


def test_same_items_give_the_same_notes(tmp_path):
    a = export(tmp_path, sample_items(), "a.apkg", T0)
    b = export(tmp_path, sample_items(), "b.apkg", T0)
    assert a.read_bytes() == b.read_bytes()  # with a fixed time even the bytes match

    c = export(tmp_path, sample_items(), "c.apkg", T0 + 3600)

    def notes(path):
        copy = path.with_suffix(".db")
        copy.write_bytes(zipfile.ZipFile(path).read("collection.anki2"))
        with sqlite3.connect(copy) as conn:
            return conn.execute("select guid, mid, flds, tags, sfld from notes order by guid").fetchall()

    assert notes(a) == notes(c)


def test_unwritable_or_missing_folder_fails_cleanly(tmp_path):
    package, _ = plan_notes([DeckExport(DECK, sample_items())])
    with pytest.raises(QuizgenError, match="folder does not exist"):
        write_apkg(package, tmp_path / "missing" / "deck.apkg")
    (tmp_path / "a-file").write_text("x")
    with pytest.raises(QuizgenError, match="folder does not exist"):
        write_apkg(package, tmp_path / "a-file" / "deck.apkg")
    with pytest.raises(QuizgenError, match="is a folder"):
        write_apkg(package, tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(QuizgenError, match="not writable"):
            write_apkg(package, locked / "deck.apkg")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_nothing_to_export_is_an_error(tmp_path):
    with pytest.raises(QuizgenError, match="no items"):
        export_apkg([DeckExport(DECK, [])], tmp_path / "x.apkg")
    assert list(tmp_path.iterdir()) == []


def test_template_and_style_changes_reach_existing_notes(tmp_path, col, monkeypatch):
    """A later quizgen may restyle its cards: a newer export updates the note types in place."""
    import quizgen.anki as qa

    items = sample_items()
    import_apkg(col, export(tmp_path, items, "v1.apkg", T0))
    monkeypatch.setattr(qa, "CSS", qa.CSS + "\n.qg-v2 { color: red; }\n")
    monkeypatch.setitem(qa.TEMPLATES, "choice", {**qa.TEMPLATES["choice"], "afmt": "<div class=qg-v2>v2</div>"})
    log = import_apkg(col, export(tmp_path, items, "v2.apkg", T0 + 60))
    assert not log.new and len(log.updated) == len(items)
    assert sorted(m.name for m in col.models.all_names_and_ids() if m.name.startswith("quizgen")) == sorted(
        name
        for key, name in MODEL_NAMES.items()
        if key != "fact"  # one note per item: no fact notes
    )
    card = col.get_card(col.find_cards('"note:quizgen multiple choice"')[0])
    assert "qg-v2" in card.question() and "v2" in visible(card.answer())


def test_changing_a_note_types_fields_would_break_updates(tmp_path, col, monkeypatch):
    """Why MODEL_FIELDS must never change: Anki then sees a different note type and refuses the update."""
    import quizgen.anki as qa

    assert qa.MODEL_FIELDS["typed"] == ("Question", "Answer", "Explanation", "Sentence", "Article")
    items = [i for i in sample_items() if i.type == "typed"]
    import_apkg(col, export(tmp_path, items, "v1.apkg", T0))
    real_note_for = qa.note_for
    monkeypatch.setitem(qa.MODEL_FIELDS, "typed", (*qa.MODEL_FIELDS["typed"], "Extra"))

    def note_with_extra_field(item, subjects=None):
        note = real_note_for(item, subjects)
        return replace(note, fields=(*note.fields, ""))

    monkeypatch.setattr(qa, "note_for", note_with_extra_field)
    path = export(tmp_path, items, "v2.apkg", T0 + 60)
    log = col.import_anki_package(ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions()))
    assert len(log.log.conflicting) == len(items) and not log.log.updated


def _fact_export(tmp_path: Path, items, name: str, timestamp: float = T0) -> Path:
    from hand_items import sample_deck

    statements = {f.id: f.statement for f in sample_deck().facts}
    path = tmp_path / name
    export_apkg([DeckExport(DECK, items, subjects(), statements)], path, timestamp)
    return path


def test_a_facts_items_are_cards_of_one_note_and_anki_buries_the_siblings(tmp_path, col):
    """Two items of one fact give each other away (the multiple choice names the cloze's gap). Exported as
    the cards of one note, Anki's "bury siblings" keeps the others off the day once one is answered."""
    from collections import defaultdict

    from anki.consts import QUEUE_TYPE_NEW, QUEUE_TYPE_SIBLING_BURIED
    from anki.scheduler.v3 import CardAnswer
    from hand_items import sample_deck

    from quizgen.questions import make_items

    deck = sample_deck()
    items = make_items(deck, seed=1)
    import_apkg(col, _fact_export(tmp_path, items, "facts.apkg"))
    by_fact: dict[str, list] = defaultdict(list)
    for item in items:
        if item.type != "timeline":
            by_fact[item.fact].append(item)
    assert any(len(its) > 1 for its in by_fact.values())
    by_guid = cards_by_guid(col)
    for fact, its in by_fact.items():
        cards = by_guid[note_guid(f"fact:{fact}")]
        assert len(cards) == len(its) and len({c.nid for c in cards}) == 1
        note = cards[0].note()
        assert note.note_type()["name"] == MODEL_NAMES["fact"] and note["Fact"] == deck.fact(fact).statement
        for item in its:  # each item is a card, asked as the item asks it (a typed and a multiple choice
            # may share their question), with the source on its back
            fronts = [c for c in cards if item.prompt in visible(c.question())]
            assert fronts, item.id
            assert all(item.evidence.text in visible(c.answer()) for c in fronts) or item.type == "cloze"
        gaps = [i for i in its if i.type == "cloze"]
        for gap in gaps:  # the gap's card hides its answer; its back shows it
            (front,) = [c for c in cards if gap.prompt in visible(c.question())]
            assert gap.answer not in visible(front.question()).replace(gap.prompt, "")
            assert gap.answer in visible(front.answer())
    # The user turns on "Bury new siblings" (off by default in Anki), then studies the first card.
    did = col.decks.id_for_name(DECK)
    conf = col.decks.config_dict_for_deck_id(did)
    conf["new"]["bury"] = True
    col.decks.update_config(conf)
    col.decks.set_current(did)
    queued = col.sched.get_queued_cards(fetch_limit=1).cards[0]
    card = col.get_card(queued.card.id)
    card.start_timer()
    col.sched.answer_card(col.sched.build_answer(card=card, states=queued.states, rating=CardAnswer.GOOD))
    siblings = [col.get_card(c) for c in col.find_cards(f"nid:{card.nid}") if c != card.id]
    assert siblings and all(s.queue == QUEUE_TYPE_SIBLING_BURIED for s in siblings)
    others = [col.get_card(c) for c in col.find_cards(f"-nid:{card.nid}")]
    assert others and all(c.queue == QUEUE_TYPE_NEW for c in others)


def test_a_fact_note_is_updated_in_place_and_gains_a_card_for_a_new_way_of_asking(tmp_path, col):
    from hand_items import sample_deck

    from quizgen.questions import make_items

    items = [i for i in make_items(sample_deck(), seed=1) if i.type != "timeline"]
    fact = next(f for f in dict.fromkeys(i.fact for i in items) if sum(i.fact == f for i in items) >= 2)
    first, second = [i for i in items if i.fact == fact][:2]
    import_apkg(col, _fact_export(tmp_path, [first], "v1.apkg", T0))
    (card,) = cards_by_guid(col)[note_guid(f"fact:{fact}")]
    card.type, card.queue, card.ivl, card.due = 2, 2, 10, 5  # studied: a review card
    col.update_card(card)
    log = import_apkg(col, _fact_export(tmp_path, [first, second], "v2.apkg", T0 + 60))
    assert not log.new and len(log.updated) == 1
    cards = cards_by_guid(col)[note_guid(f"fact:{fact}")]
    assert col.note_count() == 1 and len(cards) == 2
    kept = next(c for c in cards if c.id == card.id)
    assert kept.ivl == 10 and kept.type == 2  # the studied card keeps its history
    assert any(second.prompt in visible(c.question()) for c in cards if c.id != card.id)


@pytest.mark.parametrize("notes", ["fact", "item"])
def test_every_back_shows_its_source_once(tmp_path, col, notes):
    """#13, item 2: the back showed the source twice, at the end of the explanation and from the Sentence and
    Article fields. Items as `quizgen questions` makes them, whose explanations end with their source."""
    from conftest import DATA

    from quizgen import load_deck
    from quizgen.questions import make_items

    deck = load_deck(DATA / "sample-deck.yaml")
    items = make_items(deck)
    assert any(i.explanation.endswith(f"Source: “{i.evidence.text}” — {i.source_title}") for i in items)
    path = tmp_path / "deck.apkg"
    write_apkg(plan_notes([DeckExport(DECK, items, subjects())], notes=notes)[0], path, timestamp=T0)
    import_apkg(col, path)
    backs = [visible(col.get_card(cid).answer()) for cid in col.find_cards("")]
    assert len(backs) == len(items)
    titles = {i.source_title for i in items}
    for back in backs:
        # the source block: the sentence, then "— title"; the explanation keeps what is not the source
        assert "Source:" not in back, back
        assert sum(back.count(f"— {t}") for t in titles) == 1, back
