"""Quiz phases: where the first question's time goes once a big deck is loaded (cached).

    python benchmarks/quiz_phases.py [--facts 50000] [--runs 3] [--tiny]

Makes a deck of about FACTS facts (copies of decks/new-start.yaml, as quiz_scale.py), fills the deck cache
with one quiz, then runs `quizgen quiz DECK --plain --store STORE` (a fresh store each run) in a child process
that times each phase up to the first question: loading the deck, listing the items the decks may give
(`LazyItems`: slots and timelines), reading the store, and choosing and making the questions (of which the
truth index: the deck's other answers to the questions asked). The loaded deck's time is the baseline the
rest is measured against, in the same run. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PY, ROOT, big_deck, table  # noqa: E402

PHASES = [
    ("load", "deck load (cached)"),
    ("ids", "items listed (LazyItems)"),
    ("slots", "  of which per-fact slots"),
    ("timelines", "  of which timelines"),
    ("store", "store read (due times)"),
    ("choose", "questions chosen and made"),
    ("truths", "  of which truth index"),
]


def child(deck: str, store: str) -> None:
    """Run the quiz to its first question, timing each phase; print the times as JSON."""
    from quizgen.cli import main
    from quizgen.commands import quiz as command
    from quizgen.questions import ItemMaker, distractors
    from quizgen.quiz import plain, session
    from quizgen.quiz.store import Store

    spent: Counter[str] = Counter()
    asked: dict[str, float] = {}

    def timing(owner: object, name: str, label: str) -> None:
        real = getattr(owner, name, None)
        if real is None:  # (a quizgen from before timelines were made on demand: no such phase)
            return

        def timed(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                spent[label] += time.perf_counter() - start

        setattr(owner, name, timed)

    def first_question(self: object, item: object, s: object) -> object:
        asked["at"] = time.perf_counter()
        raise EOFError  # the end of input: the quiz ends here

    plain.PlainUI.ask = first_question  # type: ignore[method-assign]
    timing(command, "load_decks_with_paths", "load")
    timing(command.LazyItems, "__init__", "ids")
    timing(ItemMaker, "slots", "slots")
    timing(ItemMaker, "timeline_slots", "timelines")
    timing(Store, "due_times", "store")
    timing(session, "choose_items", "choose")
    timing(distractors, "_truth_index", "truths")
    start = time.perf_counter()
    with open(os.devnull, "w") as out:
        stdout, sys.stdout = sys.stdout, out
        try:
            main(["quiz", deck, "--plain", "--store", store])
        finally:
            sys.stdout = stdout
    print(json.dumps({**spent, "total": asked["at"] - start}))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--facts", type=int, default=50_000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--tiny", action="store_true", help="a 2,000-fact deck, one run (to check the script works)")
    p.add_argument("--child", nargs=2, metavar=("DECK", "STORE"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        child(*args.child)
        return
    facts, runs = (2_000, 1) if args.tiny else (args.facts, args.runs)
    tmp = Path(tempfile.mkdtemp(prefix="quizgen-phases-"))
    deck = tmp / "big.yaml"
    n = big_deck(deck, facts)
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)  # this checkout's quizgen
    env = {**os.environ, "QUIZGEN_CACHE": str(tmp / "cache"), "PYTHONPATH": path}
    cmd = [PY, "-m", "quizgen", "quiz", str(deck), "--plain", "--store"]
    subprocess.run([*cmd, str(tmp / "fill.sqlite3")], input=b"", capture_output=True, env=env, check=True)
    results = []
    for run in range(runs):
        r = subprocess.run(
            [PY, __file__, "--child", str(deck), str(tmp / f"s{run}.sqlite3")],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
        )
        if r.returncode != 0:
            raise SystemExit(r.stderr[-2000:])
        results.append(json.loads(r.stdout.strip().splitlines()[-1]))
    median = {k: statistics.median(r.get(k, 0.0) for r in results) for k in [*dict(PHASES), "total"]}
    base = median["load"]
    rows = [(label, f"{median[key]:.2f}", f"{median[key] / base:.2f}") for key, label in PHASES]
    after = median["total"] - base
    rows.append(("first question, after the deck is loaded", f"{after:.2f}", f"{after / base:.2f}"))
    print(f"Quiz phases: first question on a {n:,}-fact deck (cached), median of {runs} run(s)")
    table(rows, ("phase", "s", "× deck load"))


if __name__ == "__main__":
    main()
