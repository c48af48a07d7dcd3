"""`quizgen export` end to end: the real CLI in a subprocess, the package imported by the real Anki."""

from __future__ import annotations

import zipfile
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from conftest import run_cli

from quizgen import questions
from quizgen.anki import esc, note_guid
from quizgen.deck import load_deck

EPOCH = {"SOURCE_DATE_EPOCH": "1700000000"}


def assert_clean_failure(result, folder: Path, *expected: str) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in lines[0]
    assert not [p for p in folder.iterdir() if p.suffix in (".apkg", ".tmp")], list(folder.iterdir())


def import_into(col_path: Path, apkg: Path):
    col = Collection(str(col_path))
    try:
        request = ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions())
        log = col.import_anki_package(request).log
        assert not (log.conflicting or log.missing_notetype or log.missing_deck or log.empty_first_field)
        notes = {}
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            cards = note.cards()
            for card in cards:
                for side in (card.question(), card.answer()):
                    assert "{{" not in side and "}}" not in side
            decks = {col.decks.name(c.did) for c in cards}
            notes[note.guid] = (note.note_type()["name"], dict(note.items()), decks, len(cards))
        return log, notes
    finally:
        col.close()


# ---- bad input: these fail before any question is made ------------------------------------------------


def test_missing_output_folder(sample_deck_path, tmp_path):
    result = run_cli("export", str(sample_deck_path), "-o", str(tmp_path / "nope" / "deck.apkg"))
    assert_clean_failure(result, tmp_path, "folder does not exist")


def test_output_must_be_an_apkg(sample_deck_path, tmp_path):
    result = run_cli("export", str(sample_deck_path), "-o", str(tmp_path / "deck.zip"))
    assert_clean_failure(result, tmp_path, ".apkg")


def test_invalid_deck(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("quizgen: 1\ntitle: Bad\nfacts:\n  - id: x\n    kind: nonsense\n")
    result = run_cli("export", str(bad), "-o", str(tmp_path / "deck.apkg"))
    assert_clean_failure(result, tmp_path, str(bad))


def test_unknown_type_or_kind(sample_deck_path, tmp_path):
    result = run_cli("export", str(sample_deck_path), "-o", str(tmp_path / "d.apkg"), "--types", "cloze,essay")
    assert_clean_failure(result, tmp_path, "--types", "essay")
    result = run_cli("export", str(sample_deck_path), "-o", str(tmp_path / "d.apkg"), "--kinds", "gossip")
    assert_clean_failure(result, tmp_path, "--kinds", "gossip")


def test_bad_deck_name(sample_deck_path, tmp_path):
    result = run_cli("export", str(sample_deck_path), "-o", str(tmp_path / "d.apkg"), "--deck-name", "News::")
    assert_clean_failure(result, tmp_path, "--deck-name")


def test_export_imports_into_anki(sample_deck_path, tmp_path):
    out = tmp_path / "new-start.apkg"
    result = run_cli("export", str(sample_deck_path), "-o", str(out), env=EPOCH)
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout and "quizgen::New START sample" in result.stdout
    deck = load_deck(sample_deck_path)
    items = questions.make_items(deck, seed=0)
    log, notes = import_into(tmp_path / "c.anki2", out)
    # one note per fact, its questions the note's cards; a timeline (several facts) a note of its own
    timelines = [i for i in items if i.type == "timeline"]
    facts = list(dict.fromkeys(i.fact for i in items if i.type != "timeline"))
    assert len(log.new) == len(notes) == len(facts) + len(timelines)
    assert sum(n for *_, n in notes.values()) == len(items)
    for fact in facts:
        note_type, fields, decks, cards = notes[note_guid(f"fact:{fact}")]
        assert decks == {"quizgen::New START sample"} and note_type == "quizgen fact"
        assert fields["Fact"] == esc(deck.fact(fact).statement)
        assert cards == sum(i.fact == fact and i.type != "timeline" for i in items)
    for item in timelines:
        assert notes[note_guid(item.id)][0] == "quizgen basic"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_one_note_per_question_as_before(sample_deck_path, tmp_path):
    out = tmp_path / "items.apkg"
    result = run_cli("export", str(sample_deck_path), "-o", str(out), "--notes", "item", env=EPOCH)
    assert result.returncode == 0, result.stderr
    items = questions.make_items(load_deck(sample_deck_path), seed=0)
    log, notes = import_into(tmp_path / "c.anki2", out)
    assert len(log.new) == len(items) == len(notes)
    for item in items:
        note_type, fields, decks, _ = notes[note_guid(item.id)]
        assert decks == {"quizgen::New START sample"}
        assert note_type.startswith("quizgen ") and note_type != "quizgen fact"
        assert fields["Sentence"] == esc(item.evidence.text)
    bad = run_cli("export", str(sample_deck_path), "-o", str(out), "--notes", "card")
    assert bad.returncode == 2 and "invalid choice: 'card'" in bad.stderr


def test_filters_and_deck_name(sample_deck_path, tmp_path):
    out = tmp_path / "cloze.apkg"
    result = run_cli(
        "export", str(sample_deck_path), "-o", str(out), "--types", "cloze", "--deck-name", "News::Arms", env=EPOCH
    )
    assert result.returncode == 0, result.stderr
    items = questions.make_items(load_deck(sample_deck_path), types=["cloze"])
    _, notes = import_into(tmp_path / "c.anki2", out)
    assert set(notes) == {note_guid(f"fact:{i.fact}") for i in items}
    assert all(t == "quizgen fact" and d == {"News::Arms"} and n == 1 for t, _, d, n in notes.values())


def test_filters_that_select_nothing(sample_deck_path, tmp_path):
    deck = tmp_path / "dates.yaml"
    text = sample_deck_path.read_text()
    deck.write_text(text[: text.index("  - id: signatory-new-start-obama")])  # date facts only
    result = run_cli("export", str(deck), "-o", str(tmp_path / "q.apkg"), "--kinds", "quote")
    assert_clean_failure(result, tmp_path)


def test_reexport_after_a_changed_answer_updates_in_place(sample_deck_path, tmp_path):
    deck = tmp_path / "deck.yaml"
    deck.write_text(sample_deck_path.read_text())
    first, second = tmp_path / "first.apkg", tmp_path / "second.apkg"
    assert run_cli("export", str(deck), "-o", str(first), env={"SOURCE_DATE_EPOCH": "1700000000"}).returncode == 0
    deck.write_text(deck.read_text().replace("5 February 2021", "5 February 2026").replace("2021-02-05", "2026-02-05"))
    result = run_cli("export", str(deck), "-o", str(second), env={"SOURCE_DATE_EPOCH": "1700000600"})
    assert result.returncode == 0, result.stderr

    col_path = tmp_path / "c.anki2"
    _, before = import_into(col_path, first)
    log, after = import_into(col_path, first)
    assert not log.new and not log.updated and after == before  # the same file twice adds nothing
    log, after = import_into(col_path, second)
    assert not log.new and set(after) == set(before)
    changed = [g for g in before if before[g][1] != after[g][1]]
    assert changed and all("5 February 2026" in " ".join(after[g][1].values()) for g in changed)


def test_same_deck_same_package(sample_deck_path, tmp_path):
    a, b = tmp_path / "a.apkg", tmp_path / "b.apkg"
    for out in (a, b):
        assert run_cli("export", str(sample_deck_path), "-o", str(out), env=EPOCH).returncode == 0
    with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
        assert za.read("collection.anki2") == zb.read("collection.anki2")
