"""`quizgen push` end to end: the real CLI in a subprocess, talking AnkiConnect's protocol to a server over a
real collection (tests/ankiconnect_server.py), the collection then read with the official `anki` package."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from anki.collection import Collection
from ankiconnect_server import AnkiConnectServer
from conftest import run_cli

DECK = "quizgen::New START sample"
KEY_ENV = "QUIZGEN_ANKICONNECT_KEY"


@pytest.fixture
def col(tmp_path):
    collection = Collection(str(tmp_path / "collection.anki2"))
    yield collection
    collection.close()


@pytest.fixture
def tmp(tmp_path) -> Path:
    """The push's temporary folder (its TMPDIR): empty again after every push, whatever happened."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    return folder


def push(tmp: Path, *args: str, env: dict[str, str] | None = None):
    return run_cli("push", *args, env={"TMPDIR": str(tmp), "QUIZGEN_ANKICONNECT_URL": "", KEY_ENV: "", **(env or {})})


def assert_pushed(result, tmp: Path, new: int, updated: int, unchanged: int) -> None:
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    total = new + updated + unchanged
    expected = f"pushed {total} notes to Anki ({new} new, {updated} updated, {unchanged} unchanged) in {DECK}"
    assert result.stdout.strip() == expected
    assert not list(tmp.iterdir())


def assert_clean_failure(result, tmp: Path, *expected: str) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    for text in expected:
        assert text in lines[0], lines[0]
    assert not list(tmp.iterdir())
    return lines[0]


def state(col: Collection) -> dict[str, object]:
    """Everything a push could change: notes (id, GUID, time, fields, tags), cards and their scheduling, the
    review log, the note types and the decks."""
    notes = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        notes[nid] = (note.guid, note.mod, tuple(note.fields), tuple(sorted(note.tags)), note.note_type()["name"])
    cards = {}
    for cid in col.find_cards(""):
        c = col.get_card(cid)
        cards[cid] = (c.nid, c.did, c.ord, c.mod, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, c.lapses)
    revlog = col.db.all("select id, cid, ease, ivl from revlog order by id")
    # Read from the database: the `anki` package's Python side caches note types.
    notetypes = col.db.all("select id, name, mtime_secs, usn from notetypes order by id")
    decks = col.db.all("select id, name, mtime_secs, usn from decks order by id")
    return {"notes": notes, "cards": cards, "revlog": revlog, "notetypes": notetypes, "decks": decks}


def review_a_card(col: Collection, query: str = "") -> int:
    """Study one card as a person would (answer Good); returns its note id."""
    card = col.get_card(sorted(col.find_cards(query or f'"deck:{DECK}"'))[0])
    card.start_timer()
    col.sched.answerCard(card, 3)
    return card.nid


def exported_notes(tmp_path: Path, deck: Path, *options: str) -> dict[str, tuple[object, ...]]:
    """The notes `quizgen export` makes of the same deck, as Anki imports them: GUID → fields, tags, type, decks."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    apkg = tmp_path / "export.apkg"
    assert run_cli("export", str(deck), "-o", str(apkg), *options).returncode == 0
    other = Collection(str(tmp_path / "exported.anki2"))
    try:
        request = ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions())
        other.import_anki_package(request)
        return notes_by_guid(other)
    finally:
        other.close()


def notes_by_guid(col: Collection) -> dict[str, tuple[object, ...]]:
    out = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        decks = frozenset(col.decks.name(c.did) for c in note.cards())
        out[note.guid] = (tuple(note.fields), tuple(sorted(note.tags)), note.note_type()["name"], decks)
    return out


# ---- updating in place ------------------------------------------------------------------------------------


def test_push_fills_anki_and_a_second_push_changes_nothing(sample_deck_path, tmp_path, tmp, col):
    with AnkiConnectServer(col) as server:
        first = push(tmp, str(sample_deck_path), "--url", server.url)
        n = col.note_count()
        assert n > 0
        assert_pushed(first, tmp, new=n, updated=0, unchanged=0)
        # The same notes as importing `quizgen export`'s package, in the same deck.
        assert notes_by_guid(col) == exported_notes(tmp_path, sample_deck_path)
        assert server.imported and not any(Path(p).exists() for p in server.imported)  # the package is gone

        reviewed = review_a_card(col)  # the user studies a card between pushes
        before = state(col)
        assert before["revlog"]

        second = push(tmp, str(sample_deck_path), "--url", server.url)
        after = state(col)
        # Same note ids, same modification times, no duplicate, the review and its card's schedule kept.
        assert after == before
        assert_pushed(second, tmp, new=0, updated=0, unchanged=n)
        assert any(card[0] == reviewed and card[9] == 1 for card in after["cards"].values())
        # Anki holds every note and note type as they are: nothing was sent to it.
        assert [r["action"] for r in server.requests].count("importPackage") == 1


def test_a_note_type_with_another_style_is_restyled_and_its_notes_left_alone(sample_deck_path, tmp, col):
    from quizgen.anki import CSS, MODEL_NAMES

    with AnkiConnectServer(col) as server:
        assert push(tmp, str(sample_deck_path), "--url", server.url).returncode == 0
        # As an older quizgen left it: another style, another back of one card.
        model = col.models.by_name(MODEL_NAMES["fact"])
        model["css"] = ".card { color: gray; }"
        model["tmpls"][0]["afmt"] = "{{Fact}}"
        col.models.update_dict(model)
        before = state(col)
        result = push(tmp, str(sample_deck_path), "--url", server.url)
        after = state(col)
        assert_pushed(result, tmp, new=0, updated=0, unchanged=len(before["notes"]))
        assert [r["action"] for r in server.requests].count("importPackage") == 2
    assert {k: v for k, v in after.items() if k != "notetypes"} == {k: v for k, v in before.items() if k != "notetypes"}
    col.models._clear_cache()  # the `anki` package caches note types; the import changed the database
    model = col.models.by_name(MODEL_NAMES["fact"])
    assert model["css"] == CSS and model["tmpls"][0]["afmt"] != "{{Fact}}"


def test_an_edited_deck_updates_its_notes_in_place_and_keeps_their_reviews(sample_deck_path, tmp_path, tmp, col):
    deck = tmp_path / "deck.yaml"
    deck.write_text(sample_deck_path.read_text())
    with AnkiConnectServer(col) as server:
        assert push(tmp, str(deck), "--url", server.url).returncode == 0
        edited = [nid for nid in col.find_notes('"5 February 2021"')]
        assert edited
        reviewed = review_a_card(col, f"nid:{edited[0]}")  # a note the edit will change
        before = state(col)

        text = deck.read_text().replace("5 February 2021", "5 February 2026").replace("2021-02-05", "2026-02-05")
        deck.write_text(text)
        result = push(tmp, str(deck), "--url", server.url)
        after = state(col)
        changed = [nid for nid in before["notes"] if before["notes"][nid] != after["notes"][nid]]
        assert_pushed(result, tmp, new=0, updated=len(changed), unchanged=len(before["notes"]) - len(changed))

    assert reviewed in changed and set(edited) <= set(changed)
    assert set(after["notes"]) == set(before["notes"])  # updated in place: no note added, none replaced
    for nid in changed:
        guid, mod, fields, *_ = after["notes"][nid]
        assert guid == before["notes"][nid][0] and mod > before["notes"][nid][1]
        assert "5 February 2026" in " ".join(fields) and "5 February 2021" not in " ".join(fields)
    assert after["revlog"] == before["revlog"]  # the review history is kept
    reviewed_cards = {cid: card for cid, card in before["cards"].items() if card[0] == reviewed and card[9] == 1}
    assert reviewed_cards and all(after["cards"][cid][4:] == card[4:] for cid, card in reviewed_cards.items())
    assert notes_by_guid(col) == exported_notes(tmp_path, deck)


def test_export_options_choose_what_is_pushed(sample_deck_path, tmp_path, tmp, col):
    with AnkiConnectServer(col) as server:
        options = ("--types", "cloze", "--deck-name", "News::Arms", "--notes", "item")
        result = push(tmp, str(sample_deck_path), *options, env={"QUIZGEN_ANKICONNECT_URL": server.url})
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().endswith("in News::Arms")
        assert notes_by_guid(col) == exported_notes(tmp_path, sample_deck_path, *options)
        assert {name for _, _, name, _ in notes_by_guid(col).values()} == {"quizgen cloze"}


def test_api_key_from_the_environment(sample_deck_path, tmp, col):
    with AnkiConnectServer(col, api_key="s3cret") as server:
        result = push(tmp, str(sample_deck_path), "--url", server.url, env={KEY_ENV: "s3cret"})
        assert result.returncode == 0, result.stderr
        assert col.note_count() > 0
        assert all(r.get("key") == "s3cret" for r in server.requests if r["action"] != "requestPermission")


def test_a_key_anki_does_not_ask_for_is_not_sent(sample_deck_path, tmp, col):
    # The add-on refuses any key when its configuration sets none: a key left in the environment must not
    # stop a push to an Anki without one.
    with AnkiConnectServer(col) as server:
        result = push(tmp, str(sample_deck_path), "--url", server.url, env={KEY_ENV: "old-key"})
        assert result.returncode == 0, result.stderr
        assert col.note_count() > 0 and not any("key" in r for r in server.requests)


# ---- errors: one line, exit status 2, nothing left behind, nothing imported ------------------------------------


def test_anki_not_running(sample_deck_path, tmp):
    # A port held but not listening: connecting to it is refused, as when Anki is closed.
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{held.getsockname()[1]}"
        result = push(tmp, str(sample_deck_path), "--url", url)
    assert_clean_failure(result, tmp, url, "nothing is listening", "start Anki with the AnkiConnect add-on")


def test_wrong_or_missing_api_key(sample_deck_path, tmp, col):
    with AnkiConnectServer(col, api_key="s3cret") as server:
        wrong = push(tmp, str(sample_deck_path), "--url", server.url, "--api-key", "guess")
        assert_clean_failure(wrong, tmp, server.url, "refused the API key", KEY_ENV)
        assert any(r.get("key") == "guess" for r in server.requests)  # the server said no, not quizgen
        missing = push(tmp, str(sample_deck_path), "--url", server.url)
        assert_clean_failure(missing, tmp, "wants an API key", "--api-key")
        assert not server.imported and col.note_count() == 0


def test_permission_denied(sample_deck_path, tmp, col):
    with AnkiConnectServer(col, permission="denied") as server:
        result = push(tmp, str(sample_deck_path), "--url", server.url)
        assert_clean_failure(result, tmp, server.url, "denied access")
        assert not server.imported


def test_import_error_reply(sample_deck_path, tmp, col):
    with AnkiConnectServer(col, fail={"importPackage": "collection is not available"}) as server:
        result = push(tmp, str(sample_deck_path), "--url", server.url)
        assert_clean_failure(result, tmp, server.url, "importPackage failed: collection is not available")
        assert col.note_count() == 0


class _WebPage(BaseHTTPRequestHandler):
    """Some other program on the port: a web server that answers every request with a page."""

    def _page(self) -> None:
        body = b"<!doctype html><title>Hello</title><p>Not Anki."
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _page

    def log_message(self, *args: object) -> None:
        pass


def test_a_server_that_is_not_ankiconnect(sample_deck_path, tmp):
    httpd = HTTPServer(("127.0.0.1", 0), _WebPage)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        result = push(tmp, str(sample_deck_path), "--url", url)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()
    assert_clean_failure(result, tmp, url, "not AnkiConnect's", "start Anki with the AnkiConnect add-on")


def test_a_program_that_does_not_speak_http(sample_deck_path, tmp):
    """Another kind of server on the port: it greets in its own protocol and hangs up."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()

        def greet() -> None:
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                conn.sendall(b"SSH-2.0-OpenSSH_9.2\r\n")

        thread = threading.Thread(target=greet, daemon=True)
        thread.start()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        result = push(tmp, str(sample_deck_path), "--url", url)
        thread.join()
    assert_clean_failure(result, tmp, url, "not AnkiConnect", "start Anki with the AnkiConnect add-on")


def test_a_url_that_is_not_http(sample_deck_path, tmp):
    result = push(tmp, str(sample_deck_path), "--url", "file:///etc/passwd")
    assert_clean_failure(result, tmp, "--url", "not an AnkiConnect URL")
