"""One long article: does `quizgen extract` take time proportional to the article's size?

    python benchmarks/long_article.py [--sizes 100,500,1000,5000] [--tiny]

For each size (in KB), one article is made of varied seed paragraphs (benchmarks/_common.py), so no
paragraph is parsed twice. Then, each a fresh process:

- bare spaCy: `list(nlp.pipe(paragraphs))` over the article's paragraphs, with the same pipeline;
- quizgen extract --no-cache on the article.

Prints seconds per MB for both, their ratio, and quizgen's seconds per MB against the smallest size's
(1.0 when the time grows in proportion to the size), with each run's peak memory. A benchmark, not a test:
nothing is asserted except that the commands work.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import PY, peak_of, quizgen, seed_paragraphs, table, vary  # noqa: E402

BARE = """
import sys
from pathlib import Path
from quizgen.extract.nlp import load_pipeline
nlp = load_pipeline(None)
paras = [p for p in Path(sys.argv[1]).read_text(encoding="utf-8").split("\\n\\n") if p.strip()]
n = sum(1 for _ in nlp.pipe(paras, batch_size=64))
"""


def make_article(path: Path, kb: int, seed: int = 0) -> int:
    """Write one article of about `kb` KB; return its size in bytes."""
    rng = random.Random(seed)
    paras = seed_paragraphs()
    body: list[str] = []
    size = 0
    while size < kb * 1000:
        body.append(vary(rng.choice(paras), rng))
        size += len(body[-1].encode("utf-8")) + 2
    path.write_text("A long report on arms control\n\nPublished 2021-02-05\n\n" + "\n\n".join(body) + "\n")
    return path.stat().st_size


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="100,500,1000,5000", help="article sizes in KB, comma-separated")
    p.add_argument("--tiny", action="store_true", help="one article of 20 KB (to check the script works)")
    args = p.parse_args()
    sizes = [20] if args.tiny else [int(s) for s in args.sizes.split(",")]

    rows = []
    first = None
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        root = Path(tmp)
        for kb in sizes:
            article = root / f"long{kb}.txt"
            mb = make_article(article, kb) / 1e6
            bare, bare_mib = peak_of([PY, "-c", BARE, str(article)])
            one, mib = peak_of(quizgen("extract", str(article), "-o", str(root / f"d{kb}.yaml"), "--no-cache"))
            first = first or one / mb
            rows.append(
                (
                    f"{mb:.2f}",
                    f"{bare:.1f}",
                    f"{bare / mb:.1f}",
                    f"{one:.1f}",
                    f"{one / mb:.1f}",
                    f"{one / bare:.2f}",
                    f"{one / mb / first:.2f}",
                    bare_mib,
                    mib,
                )
            )
    print("Long article (each a fresh process, start-up and pipeline loading included)")
    table(
        rows,
        (
            "MB",
            "spaCy s",
            "spaCy s/MB",
            "quizgen s",
            "quizgen s/MB",
            "quizgen/spaCy",
            "s/MB vs first",
            "spaCy MiB",
            "quizgen MiB",
        ),
    )


if __name__ == "__main__":
    main()
