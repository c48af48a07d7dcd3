"""Export scale: 50,000 question items to an Anki package, against genanki writing the same notes directly.

    python benchmarks/export.py [--items 50000] [--tiny]

The items are those of decks/new-start.yaml, copied under new ids until there are enough: each copy a
distinct note with its own GUID and its own texts (see `copy`). Two fresh processes, each loading the same
pickled items first:

- quizgen: `quizgen.anki.export_apkg` — notes from items (HTML escaping, GUIDs, tags), the SQLite
  collection (schema, decks and note types by genanki; note and card rows batched by quizgen), the zip
  (compressed), written atomically: everything `quizgen export` does after making the items;
- genanki: the finished note fields handed to genanki.Note / Deck / Package.write_to_file, nothing else;
  and again with its package deflated at quizgen's level (genanki stores its zip uncompressed): the baseline.

Prints the time and peak memory of each and the ratio to genanki with equal compression (target: quizgen
≤ 1.0×); and the same items
as `quizgen export` writes them by default, the items of a fact as the cards of one note. Making the items
(`make_items`) is not in these figures: see benchmarks/quiz_scale.py for how that grows.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PY, ROOT, peak_of, table  # noqa: E402

QUIZGEN = """
import pickle, sys, time
from quizgen.anki import DeckExport, export_apkg
items, subjects, _ = pickle.load(open(sys.argv[1], "rb"))
t = time.perf_counter()
# one note per item, as the genanki baseline makes them (fact notes write fewer, wider notes)
n = export_apkg([DeckExport("quizgen::bench", items, subjects)], sys.argv[2], timestamp=1_700_000_000, notes="item")
print(time.perf_counter() - t, n)
"""

# What `quizgen export` does by default: the same items as the cards of one note per fact.
QUIZGEN_FACTS = QUIZGEN.replace('notes="item"', 'notes="fact"')

GENANKI = """
import pickle, sys, time
import genanki
from quizgen.anki import anki_model, deck_id, MODEL_IDS
_, _, specs = pickle.load(open(sys.argv[1], "rb"))
t = time.perf_counter()
models = {key: anki_model(key) for key in MODEL_IDS}
deck = genanki.Deck(deck_id("quizgen::bench"), "quizgen::bench")
for spec in specs:
    note = genanki.Note(model=models[spec.model], fields=list(spec.fields), tags=list(spec.tags), guid=spec.guid)
    deck.add_note(note)
genanki.Package(deck).write_to_file(sys.argv[2], timestamp=1_700_000_000)
print(time.perf_counter() - t, len(deck.notes))
"""

# genanki stores its zip uncompressed, quizgen deflates it (level 1): with equal compression, the baseline is
# genanki's package deflated at that level too, the time to do so included.
GENANKI_DEFLATED = GENANKI.replace(
    "print(time.perf_counter() - t, len(deck.notes))",
    """import zipfile
with zipfile.ZipFile(sys.argv[2]) as stored:
    entries = [(i, stored.read(i)) for i in stored.infolist()]
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED, compresslevel=1) as deflated:
    for info, data in entries:
        deflated.writestr(info.filename, data)
print(time.perf_counter() - t, len(deck.notes))""",
)


def copy(item, k: int):
    """Copy `k` of an item: a new id, and its own question, cloze, statement and sentence, so that no text is
    shared between copies that would not be shared in a real deck of that size. (The items of one fact still
    share their statement and sentence, and the options and article titles still repeat, as in real decks.)"""
    if k == 0:
        return item
    mark = f" ({k})"
    return dataclasses.replace(
        item,
        id=f"{item.id}~{k}",
        fact=f"{item.fact}~{k}",  # a copy is a fact of its own (one note per fact)
        facts=tuple(f"{f}~{k}" for f in item.facts),
        prompt=item.prompt + mark,
        cloze=item.cloze + mark if item.cloze else item.cloze,
        explanation=item.explanation + mark,
        evidence=dataclasses.replace(item.evidence, text=item.evidence.text + mark),
    )


def make_items_file(path: Path, n: int) -> int:
    from quizgen.anki import note_for
    from quizgen.deck import load_deck
    from quizgen.questions import make_items

    deck = load_deck(ROOT / "decks" / "new-start.yaml")
    base = make_items(deck, seed=0)
    subjects = {f.id: f.subject for f in deck.facts}
    items = []
    k = 0
    while len(items) < n:
        items += [copy(i, k) for i in base[: n - len(items)]]
        k += 1
    specs = [note_for(i, subjects) for i in items]
    path.write_bytes(pickle.dumps((items, subjects, specs)))
    return len(items)


def measure(script: str, data: Path, out: Path, repeat: int = 1) -> tuple[float, int, int]:
    """(seconds of the export itself, the best of `repeat` runs; notes; peak MiB of the whole process)."""
    import subprocess

    best = float("inf")
    for _ in range(repeat):
        r = subprocess.run([PY, "-c", script, str(data), str(out)], cwd=ROOT, capture_output=True, text=True)
        if r.returncode:
            raise SystemExit(r.stderr[-2000:])
        seconds, notes = r.stdout.split()
        best = min(best, float(seconds))
    _, peak = peak_of([PY, "-c", script, str(data), str(out)])
    return best, int(notes), peak


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--items", type=int, default=50_000)
    p.add_argument("--tiny", action="store_true", help="200 items (to check the script works)")
    args = p.parse_args()
    n = 200 if args.tiny else args.items
    f = compare(n, 1 if args.tiny else 3)
    g_time = f["genanki_deflated"][0]  # the baseline: equal compression
    print(f"Export of {n:,} items to .apkg (export only; peak memory of the whole process)")
    rows = [
        ("genanki directly (zip stored)", *f["genanki"]),
        ("genanki, zip deflated as quizgen's (level 1)", *f["genanki_deflated"]),
        ("quizgen export_apkg, one note per item", *f["items"]),
        (f"quizgen, one note per fact ({f['fact_notes']:,} notes; the default)", *f["facts"]),
    ]
    table(
        [(name, f"{t:.2f}", f"{peak}", f"{size / 2**20:.1f}", f"{t / g_time:.2f}") for name, t, peak, size in rows],
        ("writer", "seconds", "peak MiB", "file MiB", "× genanki deflated"),
    )


def compare(n: int, repeat: int = 3) -> dict:
    """(seconds, the best of `repeat` runs; peak MiB; file bytes) of each writer on n items; and the notes of
    the per-fact package."""
    out: dict = {}
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        data = Path(tmp) / "items.pickle"
        make_items_file(data, n)
        for key, script in (
            ("genanki", GENANKI),
            ("genanki_deflated", GENANKI_DEFLATED),
            ("items", QUIZGEN),
            ("facts", QUIZGEN_FACTS),
        ):
            apkg = Path(tmp) / f"{key}.apkg"
            seconds, notes, peak = measure(script, data, apkg, repeat)
            assert notes == n or (key == "facts" and notes < n), (key, notes, n)
            out[key] = (seconds, peak, apkg.stat().st_size)
            if key == "facts":
                out["fact_notes"] = notes
    return out


if __name__ == "__main__":
    main()
