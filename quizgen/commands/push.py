"""`quizgen push DECK...`: the decks' questions into a running Anki, through the AnkiConnect add-on.

The notes are exactly `quizgen export`'s, in an `.apkg` written to a private temporary folder and handed to
AnkiConnect's `importPackage`, so Anki's own importer does the updating: notes are matched by GUID, updated
in place, their cards and review history kept. Two differences from importing a fresh export, both so that
a second push of the same decks changes nothing:
- Anki's importer takes every note newer than its own copy, even when nothing in it changed (which would
  mark every note modified on each push, and make a sync upload them all). So the notes Anki already holds
  word for word (`findNotes`, `notesInfo`) go into the package with Anki's own modification time, which the
  importer leaves alone.
- The add-on's importer saves every note type in a package anew. So when Anki holds every note as it is and
  every note type with this quizgen's templates and style (`modelTemplates`, `modelStyling`), no package is
  sent at all.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
import unicodedata
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import QuizgenError
from ..plural import counted
from .common import warn

if TYPE_CHECKING:
    from ..anki import NoteSpec, Plan
    from ..ankiconnect import AnkiConnect

# The options of `quizgen export` that choose the questions and shape the notes: push takes them from export's
# own definitions, so the two commands choose alike and their help cannot drift apart.
EXPORT_OPTIONS = ("types", "kinds", "deck_name", "seed", "notes", "min_quality", "per_fact")


def register(sub: argparse._SubParsersAction) -> None:
    from ..ankiconnect import DEFAULT_URL, KEY_ENV, URL_ENV

    p = sub.add_parser(
        "push",
        help="send the decks' questions into a running Anki (AnkiConnect add-on)",
        description="Send the decks' questions into a running Anki through the AnkiConnect add-on. The notes "
        "are those `quizgen export` makes, imported by Anki's own importer: a note already in Anki is updated in "
        "place (its review history kept), and pushing the same decks again changes nothing. Anki must run on "
        "this machine: it reads the package from a temporary file.",
    )
    p.add_argument("decks", nargs="+", metavar="DECK", help="deck YAML files")
    p.add_argument("--url", metavar="URL", help=f"where AnkiConnect listens (default: ${URL_ENV}, else {DEFAULT_URL})")
    p.add_argument(
        "--api-key",
        metavar="KEY",
        help=f"AnkiConnect's API key, when its configuration sets one (default: ${KEY_ENV}, which keeps the key "
        "out of the command line)",
    )
    for action in _export_options():
        p._add_action(action)
    p.set_defaults(run=run)


def _export_options() -> list[argparse.Action]:
    from . import export

    scratch = argparse.ArgumentParser(add_help=False).add_subparsers()
    export.register(scratch)
    return [action for action in scratch.choices["export"]._actions if action.dest in EXPORT_OPTIONS]


# ---- what Anki holds ------------------------------------------------------------------------------------


Signature = tuple[str, tuple[str, ...], frozenset[str]]


@dataclass(frozen=True)
class AnkiNote:
    """A note as `notesInfo` describes it: its note type, fields and tags, and when it was last modified."""

    id: int
    signature: Signature
    mod: int | None  # AnkiConnect before 2022 does not say


def signature(model: str, fields: Iterable[str], tags: Iterable[str]) -> Signature:
    """What makes two notes the same to a person: note type, field texts and tags. Anki stores text in NFC
    and compares tags without case, so these do too."""
    return (
        model,
        tuple(unicodedata.normalize("NFC", f) for f in fields),
        frozenset(unicodedata.normalize("NFC", t).casefold() for t in tags),
    )


def anki_notes(client: AnkiConnect) -> dict[int, AnkiNote]:
    """The notes of quizgen's note types in Anki's open collection, by note id."""
    from ..anki import MODEL_IDS

    query = " OR ".join(f"mid:{mid}" for mid in MODEL_IDS.values())
    ids = client.call("findNotes", query=query)
    if not isinstance(ids, list) or not all(isinstance(i, int) for i in ids):
        raise QuizgenError("AnkiConnect: findNotes gave an unexpected reply", where=client.url)
    if not ids:
        return {}
    infos = client.call("notesInfo", notes=ids)
    if not isinstance(infos, list):
        raise QuizgenError("AnkiConnect: notesInfo gave an unexpected reply", where=client.url)
    out: dict[int, AnkiNote] = {}
    for info in infos:
        if not info:
            continue  # deleted between the two requests: AnkiConnect answers {} for it
        try:
            fields = sorted(info["fields"].values(), key=lambda f: f["order"])
            sig = signature(info["modelName"], (f["value"] for f in fields), info["tags"])
            mod = info.get("mod")
            out[int(info["noteId"])] = AnkiNote(int(info["noteId"]), sig, int(mod) if mod is not None else None)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise QuizgenError("AnkiConnect: notesInfo gave an unexpected reply", where=client.url) from None
    return out


def spec_signature(spec: NoteSpec) -> Signature:
    from ..anki import MODEL_NAMES

    return signature(MODEL_NAMES[spec.model], spec.fields, spec.tags)


def unchanged(plan: Plan, held: Mapping[int, AnkiNote]) -> dict[str, int]:
    """GUID → Anki's modification time, for each planned note Anki already holds word for word."""
    mods: dict[Signature, int] = {}
    for note in held.values():
        if note.mod is not None:
            mods[note.signature] = max(mods.get(note.signature, 0), note.mod)
    out: dict[str, int] = {}
    for _, specs in plan:
        for spec in specs:
            mod = mods.get(spec_signature(spec))
            if mod is not None:
                out[spec.guid] = mod
    return out


def current_note_types(client: AnkiConnect, keys: Iterable[str]) -> set[str]:
    """Of the note types `keys` (MODEL_NAMES keys), those Anki holds with exactly this quizgen's templates and
    style (`modelTemplates`, `modelStyling`). While one differs, a push is sent even when no note changed,
    so that a restyled quizgen restyles the cards already in Anki."""
    from ..anki import MODEL_NAMES, anki_model

    out: set[str] = set()
    for key in keys:
        model = anki_model(key)
        ours = {t["name"]: {"Front": t["qfmt"], "Back": t["afmt"]} for t in model.templates}
        if client.call("modelTemplates", modelName=MODEL_NAMES[key]) != ours:
            continue
        styling = client.call("modelStyling", modelName=MODEL_NAMES[key])
        if isinstance(styling, dict) and styling.get("css") == model.css:
            out.add(key)
    return out


# ---- the package ----------------------------------------------------------------------------------------


def write_package(plan: Plan, path: Path, stamp: float, kept: Mapping[str, int]) -> None:
    """The `.apkg` of `plan`, as `quizgen export` writes it, but with the notes in `kept` (GUID → time)
    stamped with that time instead of `stamp`: Anki's importer takes a note only when it is newer than its
    own copy."""
    from ..anki import write_collection

    db_path = path.with_name("collection.anki2")
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # a scratch file until it is zipped
        write_collection(conn.cursor(), plan, stamp, iter(range(int(stamp * 1000), 1 << 62)))
        rows = [(mod, guid) for guid, mod in kept.items()]
        conn.executemany("UPDATE cards SET mod = ? WHERE nid IN (SELECT id FROM notes WHERE guid = ?)", rows)
        conn.executemany("UPDATE notes SET mod = ? WHERE guid = ?", rows)
        conn.commit()
    finally:
        conn.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.write(db_path, "collection.anki2")
        zf.writestr("media", b"{}")
    db_path.unlink()


# ---- the command ----------------------------------------------------------------------------------------


def send(client: AnkiConnect, plan: Plan, stamp: float, kept: Mapping[str, int]) -> None:
    """The package of `plan` imported by Anki. Anki runs on this machine and reads it itself; the folder is
    private and goes away, whatever happens, with the package in it."""
    from ..ankiconnect import IMPORT_TIMEOUT

    with tempfile.TemporaryDirectory(prefix="quizgen-push-") as folder:
        package = Path(folder) / "quizgen.apkg"
        try:
            write_package(plan, package, stamp, kept)
        except OSError as exc:
            raise QuizgenError(f"cannot write the package: {exc.strerror or exc}", where=folder) from None
        done = client.call("importPackage", timeout=IMPORT_TIMEOUT, path=str(package))
    if done is not True:  # the add-on's answer when no collection is open
        raise QuizgenError("Anki has no collection open: open a profile in Anki, then push again", where=client.url)


def run(args: argparse.Namespace) -> int:
    from ..anki import plan_notes
    from ..ankiconnect import from_options
    from ..controls import printable
    from ..deck_cache import load_deck_cached as load_deck
    from .export import Selection

    chosen = Selection.of(args)
    client = from_options(args.url, args.api_key)
    decks = [(path, load_deck(path)) for path in args.decks]
    client.connect()  # before the slow part: a closed Anki is said at once
    exports = chosen.exports(decks, args, "push")
    plan, _ = plan_notes(exports, notes=args.notes or "fact")  # export leaves --notes unset for text files
    planned = [spec for _, specs in plan for spec in specs]
    if not planned:
        raise QuizgenError("no questions to push: the filters select no items")

    before = anki_notes(client)
    kept = unchanged(plan, before)
    note_types = {spec.model for spec in planned}
    # The add-on's importer saves every note type in a package anew (merging it), even one it already holds
    # as is: so when Anki holds every note and note type as they are here, nothing is sent at all.
    if len(kept) < len(planned) or current_note_types(client, sorted(note_types)) != note_types:
        # Anki's importer takes a note or note type only when it is newer, in whole seconds: so newer than
        # anything saved this second (a note type restyled by hand, say), and than every note it replaces,
        # even if a clock was ahead when Anki saved one.
        stamp = max([int(time.time()) + 1] + [n.mod + 1 for n in before.values() if n.mod is not None])
        send(client, plan, stamp, kept)
    after = anki_notes(client)
    new = [nid for nid in after if nid not in before]
    updated = [nid for nid in after if nid in before and after[nid] != before[nid]]
    present = {note.signature for note in after.values()}
    missing = sum(spec_signature(spec) not in present for spec in planned)
    if missing:
        warn(f"{missing} of the {counted(len(planned), 'note')} are not in Anki as sent (Anki's importer kept its own)")
    names = ", ".join(dict.fromkeys(deck for deck, specs in plan if specs))
    print(
        printable(
            f"pushed {counted(len(planned), 'note')} to Anki ({len(new)} new, {len(updated)} updated, "
            f"{len(kept)} unchanged) in {names}"
        )
    )
    return 0
