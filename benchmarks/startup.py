"""How fast `quizgen quiz` shows its first question, against bare Python and `quizgen --help`.

    python benchmarks/startup.py [DECK] [--runs N]

Prints the median of N runs of each, and the ratios to `python -c pass`. The quiz runs in plain mode
on a fresh temporary store, reading stdout until "Question 1 of" appears. A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=ROOT)
    return time.perf_counter() - start


def first_question(deck: list[str]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "quizgen", "quiz", *deck, "--plain", "--store", f"{tmp}/s.sqlite3"]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith(b"Question 1 of"):
                elapsed = time.perf_counter() - start
                break
        else:
            raise SystemExit(f"no first question: {proc.stderr.read().decode() if proc.stderr else ''}")
        proc.communicate(b"")  # end of input: the quiz ends with its summary
        return elapsed


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("deck", nargs="?", help="deck (default: the bundled one)")
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    deck = [args.deck] if args.deck else []
    rows = [
        ("python -c pass", lambda: timed([sys.executable, "-c", "pass"])),
        ("quizgen --help", lambda: timed([sys.executable, "-m", "quizgen", "--help"])),
        ("quiz: first question", lambda: first_question(deck)),
    ]
    base = None
    for name, run in rows:
        run()  # warm the file cache
        median = statistics.median(run() for _ in range(args.runs))
        base = base or median
        print(f"{name:22} {median * 1000:7.0f} ms  ×{median / base:5.1f}")


if __name__ == "__main__":
    main()
