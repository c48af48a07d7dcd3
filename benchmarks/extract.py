"""Extraction throughput and rebuilds: `quizgen extract` against spaCy's own `nlp.pipe`.

    python benchmarks/extract.py [--sizes 10,100,1000] [--jobs 2] [--tiny]

For each size, a corpus of varied articles is made from the seed articles (benchmarks/_common.py: every
article a different mix of paragraphs with other names, places, dates and numbers, so nothing is parsed
twice). Then, each a fresh process, so both sides pay for starting Python and loading the pipeline:

- bare spaCy: read the same files and `list(nlp.pipe(texts))` with the same pipeline;
- quizgen extract --no-cache, with --jobs 1 and --jobs N;
- rebuilds (largest size only): a cold cache, the same corpus again (warm), then one article changed.

Prints words per second and the ratio against bare spaCy measured in the same run. A benchmark, not a
test: nothing here is asserted except that the commands work and the changed article changes the deck.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PY, make_corpus, peak_of, quizgen, table  # noqa: E402

BARE = """
import sys
from pathlib import Path
from quizgen.extract.nlp import load_pipeline
nlp = load_pipeline(None)
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
n = sum(1 for _ in nlp.pipe(texts, batch_size=64, n_process=int(sys.argv[2])))
"""


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="10,100,1000", help="corpus sizes, comma-separated")
    p.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel run (default 2)")
    p.add_argument("--only", choices=("throughput", "rebuilds"), help="run one half only")
    p.add_argument("--tiny", action="store_true", help="one corpus of 2 articles (to check the script works)")
    args = p.parse_args()
    sizes = [2] if args.tiny else [int(s) for s in args.sizes.split(",")]

    rows = []
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        root = Path(tmp)
        for n in sizes:
            if args.only == "rebuilds":
                make_corpus(root / f"c{n}", n)
                continue
            f = throughput(root, n, args.jobs)
            rows.append(
                (
                    n,
                    f["words"],
                    f"{f['words'] / f['bare']:,.0f}",
                    f"{f['words'] / f['one']:,.0f}",
                    f"{f['bare'] / f['one']:.2f}",
                    f"{f['words'] / f['bare_many']:,.0f}",
                    f"{f['words'] / f['many']:,.0f}",
                    f"{f['one'] / f['many']:.2f}",
                    "yes" if f["same"] else "NO",
                )
            )
        if args.only != "rebuilds":
            print_throughput(rows, args.jobs)
        if args.only != "throughput":
            rebuilds(root, sizes[-1])


def throughput(root: Path, n: int, jobs: int, bare_too: bool = True, repeat: int = 1) -> dict[str, Any]:
    """Seconds of bare spaCy (unless not `bare_too`) and of `quizgen extract` (-j1, -jN) on a fresh corpus of n
    articles, each a fresh process, the best of `repeat` runs (taken in turn); and whether -j1 and -jN wrote
    the same deck."""
    corpus = root / f"c{n}"
    words = make_corpus(corpus, n)
    deck, parallel = str(root / f"d{n}.yaml"), str(root / f"j{n}.yaml")
    runs: dict[str, list[str]] = {
        "one": quizgen("extract", str(corpus), "-o", deck, "--no-cache", "--title", "b"),
        "many": quizgen("extract", str(corpus), "-o", parallel, "--no-cache", "--title", "b", "--jobs", str(jobs)),
    }
    if bare_too:
        runs["bare"] = [PY, "-c", BARE, str(corpus), "1"]
        runs["bare_many"] = [PY, "-c", BARE, str(corpus), str(jobs)]
    best: dict[str, Any] = {}
    for _ in range(repeat):
        for key, cmd in runs.items():
            seconds, peak = peak_of(cmd)
            if seconds < best.get(key, float("inf")):
                best[key] = seconds
                if key == "one":
                    best["one_peak"] = peak
    same = Path(deck).read_bytes() == Path(parallel).read_bytes()
    return {"words": words, "bare": float("nan"), "bare_many": float("nan"), **best, "same": same}


def print_throughput(rows: list[tuple], jobs: int) -> None:
    print(f"Extraction throughput (words/s; each a fresh process, start-up and pipeline loading included), {jobs=}")
    table(
        rows,
        (
            "articles",
            "words",
            "spaCy pipe",
            "quizgen -j1",
            "ratio",
            f"spaCy n_process={jobs}",
            f"quizgen -j{jobs}",
            "gain",
            "same deck",
        ),
    )


def rebuilds(root: Path, n: int) -> dict[str, float]:
    """Rebuilds of the corpus of n articles (made by `throughput` or `make_corpus`) with a cache: cold, unchanged,
    one article changed. Prints them, and returns the seconds of each."""
    corpus, cache = root / f"c{n}", root / "cache"
    out = root / "r.yaml"
    cmd = quizgen("extract", str(corpus), "-o", str(out), "--cache", str(cache))
    cold, _ = peak_of(cmd)
    before = hashlib.sha256(out.read_bytes()).hexdigest()
    warm, _ = peak_of(cmd)
    assert hashlib.sha256(out.read_bytes()).hexdigest() == before, "warm rebuild changed the deck"
    first = sorted(corpus.glob("*.txt"))[0]
    text = first.read_text(encoding="utf-8")
    first.write_text(text.replace("treaty", "accord", 1) + "\nThe treaty expires on 5 February 2031.\n", "utf-8")
    changed, _ = peak_of(cmd)
    assert hashlib.sha256(out.read_bytes()).hexdigest() != before, "the changed article did not change the deck"
    print()
    print(f"Rebuilds of {n} articles with --cache (fresh process each, start-up included)")
    table(
        [
            ("cold cache (parse everything, fill the cache)", f"{cold:.2f}"),
            ("unchanged corpus", f"{warm:.2f}"),
            ("one article changed", f"{changed:.2f}"),
        ],
        ("run", "seconds"),
    )
    return {"cold": cold, "unchanged": warm, "changed": changed}


if __name__ == "__main__":
    main()
