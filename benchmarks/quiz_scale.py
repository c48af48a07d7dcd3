"""Quiz scale: time to the first question with a large deck and a long review history.

    python benchmarks/quiz_scale.py [--facts 50000] [--reviews 100000] [--tiny]

Makes a deck of about FACTS facts (copies of decks/new-start.yaml, each with its own ids) and a review
store holding REVIEWS reviews of its items (several reviews per item, scheduled with quizgen's own FSRS
scheduler), then times `quizgen quiz DECK --plain --store STORE` until "Question 1 of" appears, against
the bundled deck with an empty store and `python -c pass` in the same run. Each big deck is quizzed twice
with a fresh cache folder: the first run parses the YAML (and caches the parsed deck), the second reads the
cache. `--facts` takes several sizes (comma-separated) to show how the time grows. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PY, ROOT, big_deck, peak_of, quizgen, table  # noqa: E402
from startup import first_question, timed  # noqa: E402


def make_store(path: Path, copies: int, reviews: int) -> int:
    """A store with `reviews` reviews of the deck's items, written in one transaction (set-up, not timed)."""
    from quizgen.deck import load_deck
    from quizgen.questions import make_items
    from quizgen.quiz.scheduler import review
    from quizgen.quiz.store import Store

    # Item ids are "<fact id>:<type>", and the big deck's facts are "<seed fact id>-<copy>": so the seed
    # deck's items name every item of the big deck without making them all here.
    base = make_items(load_deck(ROOT / "decks" / "new-start.yaml"))
    items = [(f"{i.fact}-{k}:{i.type}", f"{i.fact}-{k}", i.kind, i.type) for k in range(copies) for i in base]
    per_item = max(4, -(-reviews // len(items)))
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    n = 0
    with Store(path) as store:
        db = store.db
        db.execute("BEGIN")
        for j, (item_id, fact, kind, type_) in enumerate(items):
            if n >= reviews:
                break
            card = None
            now = start + dt.timedelta(minutes=j)
            for r in range(min(per_item, reviews - n)):
                rating = 3 if (j + r) % 5 else 1
                card = review(card, item_id, rating, now)
                db.execute(
                    "INSERT INTO reviews (item_id, fact, kind, type, reviewed_at, rating, verdict, correct, response,"
                    " due_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        item_id,
                        fact,
                        kind,
                        type_,
                        now.isoformat(),
                        rating,
                        "right",
                        int(rating > 1),
                        "x",
                        card.due.isoformat(),
                    ),
                )
                n += 1
                now = card.due
            db.execute(
                "INSERT INTO cards (item_id, fact, kind, type, state, due, last_review, reps, lapses, card_json) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    item_id,
                    fact,
                    kind,
                    type_,
                    card.state,
                    card.due.astimezone(dt.UTC).isoformat(timespec="microseconds"),
                    card.last_review.astimezone(dt.UTC).isoformat(timespec="microseconds")
                    if card.last_review
                    else None,
                    card.reps,
                    card.lapses,
                    card.card_json,
                ),
            )
        db.execute("COMMIT")
    return n


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--facts", default="50000", help="deck sizes in facts, comma-separated (default 50000)")
    p.add_argument("--reviews", type=int, default=100_000)
    p.add_argument("--tiny", action="store_true", help="144 facts, 200 reviews (to check the script works)")
    args = p.parse_args()
    sizes = [144] if args.tiny else [int(x) for x in args.facts.split(",")]
    reviews = 200 if args.tiny else args.reviews

    rows = []
    for f in scale(sizes, reviews, 1 if args.tiny else 3):
        peak = f"{f['peak']}" if "peak" in f else ""
        rows.append((f["label"], f"{f['facts']}", f"{f['reviews']}", f"{f['seconds']:.2f}", peak))
    print("Quiz scale: seconds to the first question (plain mode), and the quiz's peak memory")
    table(rows, ("deck and store", "facts", "reviews", "seconds", "peak MiB"))


def scale(sizes: list[int], reviews: int, repeat: int = 3) -> list[dict]:
    """The baselines (bare Python, the bundled deck) and, for each size, the first question on a deck of that
    many facts with a store of `reviews` reviews: parsing the deck (an empty cache), then from the cache. Each
    time is the best of `repeat` runs (each first run with a cache of its own); the peak memory is that of
    another run, in a fresh wrapper process (see peak_of)."""
    from quizgen.deck import load_deck

    seed_facts = len(load_deck(ROOT / "decks" / "new-start.yaml").facts)
    out: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        out.append({"label": "python -c pass", "facts": 0, "reviews": 0, "seconds": timed([PY, "-c", "pass"])})
        small = min(first_question(["decks/new-start.yaml"], f"{tmp}/empty.sqlite3")[0] for _ in range(repeat))
        _, peak = peak_of(quizgen("quiz", "decks/new-start.yaml", "--plain", "--store", f"{tmp}/empty.sqlite3"))
        out.append({"label": "decks/new-start.yaml, empty store", "facts": seed_facts, "reviews": 0, "seconds": small,
                    "peak": peak})  # fmt: skip
        for n in sizes:
            deck = Path(tmp) / f"deck{n}.yaml"
            facts = big_deck(deck, n)
            store = Path(tmp) / f"store{n}.sqlite3"
            t = time.perf_counter()
            made = make_store(store, facts // seed_facts, reviews)  # (big_deck makes whole copies)
            print(f"(set-up: {facts} facts, {made} reviews in {time.perf_counter() - t:.0f} s)", file=sys.stderr)
            fresh = iter(range(1_000_000))

            def env(name: str) -> dict[str, str]:
                return {**os.environ, "QUIZGEN_CACHE": str(Path(tmp) / name)}

            quiz = quizgen("quiz", str(deck), "--plain", "--store", str(store))
            cold = min(
                first_question([str(deck)], str(store), env=env(f"cache{n}-{next(fresh)}"))[0] for _ in range(repeat)
            )
            _, cold_peak = peak_of(quiz, env=env(f"cache{n}-{next(fresh)}"))
            first_question([str(deck)], str(store), env=env(f"cache{n}"))  # fills the cache
            warm = min(first_question([str(deck)], str(store), env=env(f"cache{n}"))[0] for _ in range(repeat))
            _, warm_peak = peak_of(quiz, env=env(f"cache{n}"))
            for label, seconds, peak in (("first run", cold, cold_peak), ("deck cached", warm, warm_peak)):
                out.append({"label": f"{facts:,} facts, {made:,} reviews, {label}", "facts": facts, "reviews": made,
                            "seconds": seconds, "peak": peak, "cached": label == "deck cached"})  # fmt: skip
    return out


if __name__ == "__main__":
    main()
