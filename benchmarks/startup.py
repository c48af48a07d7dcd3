"""Start-up: how long the quick commands take, against bare Python in the same run.

    python benchmarks/startup.py [DECK] [--runs N] [--tiny]

Times, as the median of N fresh processes: `python -c pass`, `quizgen --help`, `quizgen check DECK`
(default decks/new-start.yaml) and the time until `quizgen quiz` shows its first question (plain mode, a
fresh temporary store, reading stdout until "Question 1 of" appears). Prints each time, what it costs
above the bare interpreter (target: under 0.3 s), and whether spaCy, genanki or trafilatura was imported (they must not
be: `python -X importtime` lists every module a command imports). A benchmark, not a test.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PY, ROOT, table  # noqa: E402

HEAVY = ("spacy", "genanki", "thinc", "trafilatura", "lxml")


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, cwd=ROOT)
    return time.perf_counter() - start


def first_question(
    args: list[str], store: str, python: list[str] | None = None, env: dict[str, str] | None = None
) -> tuple[float, bytes]:
    """Seconds until the first question; and what the process wrote to stderr."""
    cmd = [*(python or [PY]), "-m", "quizgen", "quiz", *args, "--plain", "--store", store]
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(b"Question 1 of"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise SystemExit(f"no first question: {proc.stderr.read().decode() if proc.stderr else ''}")
    _, err = proc.communicate(b"")  # end of input: the quiz ends with its summary
    return elapsed, err


def heavy_imports(importtime_stderr: bytes) -> list[str]:
    found = set()
    for line in importtime_stderr.decode(errors="replace").splitlines():
        if line.startswith("import time:") and "|" in line:
            top = line.rsplit("|", 1)[1].strip().split(".")[0]
            if top in HEAVY:
                found.add(top)
    return sorted(found)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("deck", nargs="?", default="decks/new-start.yaml", help="deck (default: decks/new-start.yaml)")
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--tiny", action="store_true", help="one run each (to check the script works)")
    args = p.parse_args()
    runs = 1 if args.tiny else args.runs
    tmp = tempfile.mkdtemp(prefix="quizgen-bench-")
    n = iter(range(1_000_000))

    def quiz() -> float:
        return first_question([args.deck], f"{tmp}/s{next(n)}.sqlite3")[0]

    commands = [
        ("python -c pass", [PY, "-c", "pass"]),
        ("quizgen --help", [PY, "-m", "quizgen", "--help"]),
        (f"quizgen check {args.deck}", [PY, "-m", "quizgen", "check", args.deck]),
    ]
    rows = []
    base = None
    for name, cmd in [*commands, (f"quizgen quiz {args.deck}: first question", None)]:
        run = quiz if cmd is None else (lambda cmd=cmd: timed(cmd))
        run()  # warm the file cache
        median = statistics.median(run() for _ in range(runs))
        base = base if base is not None else median
        if cmd is None:
            _, err = first_question([args.deck], f"{tmp}/imports.sqlite3", [PY, "-X", "importtime"])
        else:
            err = subprocess.run([PY, "-X", "importtime", *cmd[1:]], capture_output=True, cwd=ROOT).stderr
        heavy = heavy_imports(err) if name != "python -c pass" else []
        rows.append(
            (
                name,
                f"{median * 1000:.0f}",
                f"{(median - base) * 1000:+.0f}",
                f"{median / base:.1f}",
                ", ".join(heavy) or "none",
            )
        )
    print(f"Start-up, median of {runs} run(s)")
    table(rows, ("command", "ms", "ms above python", "× python", "heavy imports"))


if __name__ == "__main__":
    main()
