"""`quizgen merge`: the time to join shards into a deck, by number of articles, beside a baseline measured in the
same run.

    python benchmarks/merge.py [--sizes 100,200,400,800,1600,3200] [--base 50] [--per-shard 100] [--tiny]

A corpus of `--base` varied articles (benchmarks/_common.py, as benchmarks/extract.py makes it) is extracted
once, as a shard (`quizgen extract --shard`, a fresh process; its time gives the per-article cost of
extraction). For each size, copies of its articles with their own source ids (as `big_deck` copies decks) are
written as shards of `--per-shard` articles each, as a job array would write them. Then, in this process, the
steps of `quizgen merge` are timed one by one:

- read: the shards read and checked (gunzip, JSON, the candidates rebuilt);
- treaty names: the whole corpus's, from the articles' texts;
- reuse: which shard candidates hold under them (here all do: every copy has its base's names);
- merge: the keyed reduce of every candidate into facts (quizgen/extract/merge.py);
- deck: the deck's YAML, as `extract -o` writes it.

The baseline is the least any merge must do: gunzip and parse the shards' JSON. Printed: seconds per step (the
best of `--repeat` runs), the total, the ratio of total to baseline (flat when both grow alike) and the merge
step per 1,000 articles (flat when it is linear). A benchmark, not a test: it asserts only that the merge reads
no article again.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from _common import make_corpus, peak_of, quizgen, table  # noqa: E402


def copies(base, n: int, per_shard: int, folder: Path) -> list[Path]:  # noqa: ANN001
    """`n` articles, copies of the base shard's with their own ids and paths, as shards of `per_shard`."""
    from quizgen.extract.cache import extractor_fingerprint
    from quizgen.shards import shard_bytes

    table = json.dumps(base.tables[0], sort_keys=True, ensure_ascii=False)
    items = []
    for k in range(-(-n // len(base.articles))):
        for item in base.articles:
            src = item.article.source
            sid = f"{src.id}-{k}"
            article = dataclasses.replace(
                item.article, source=dataclasses.replace(src, id=sid, path=f"/archive/copy{k}/{sid}.txt")
            )
            cands = [dataclasses.replace(c, source=sid) for c in item.candidates]
            items.append((article, cands, item.asked))
    items = items[:n]
    paths = []
    for s in range(0, n, per_shard):
        part = items[s : s + per_shard]
        data = shard_bytes(
            [a for a, _, _ in part],
            [c for _, c, _ in part],
            [q for _, _, q in part],
            table,
            extractor_fingerprint(),
            base.pipeline,
            Path("/"),
        )
        paths.append(folder / f"n{n}-{s // per_shard:04d}.qzshard")
        paths[-1].write_bytes(data)
    return paths


def timed_merge(paths: list[Path], out: Path) -> dict[str, float]:
    """The steps of `quizgen merge` (quizgen/commands/merge.py), each timed; and the baseline."""
    from quizgen.commands.merge import join, reusable
    from quizgen.deck import dump_deck
    from quizgen.extract.pipeline import merge_found, treaty_names
    from quizgen.shards import read_shard

    t: dict[str, float] = {}
    start = time.perf_counter()
    docs = [json.loads(gzip.decompress(p.read_bytes())) for p in paths]
    t["baseline"] = time.perf_counter() - start
    del docs

    start = time.perf_counter()
    corpus = join([read_shard(p) for p in paths], out.parent)
    t["read"] = time.perf_counter() - (mark := start)
    mark = time.perf_counter()
    treaties = treaty_names(corpus.articles)
    t["treaty names"] = time.perf_counter() - mark
    mark = time.perf_counter()
    known, _ = reusable(corpus, treaties)
    t["reuse"] = time.perf_counter() - mark
    assert all(k is not None for k in known), "the benchmark's copies should need no article read again"
    mark = time.perf_counter()
    deck = merge_found(known, corpus.articles, treaties, out.stem)
    t["merge"] = time.perf_counter() - mark
    mark = time.perf_counter()
    data = dump_deck(deck).encode()
    t["deck"] = time.perf_counter() - mark
    out.write_bytes(data)
    t["total"] = time.perf_counter() - start
    t["facts"] = len(deck.facts)
    t["candidates"] = sum(len(k) for k in known)
    return t


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="100,200,400,800,1600,3200", help="numbers of articles, comma-separated")
    p.add_argument("--base", type=int, default=50, help="articles extracted for real, then copied (default 50)")
    p.add_argument("--per-shard", type=int, default=100, help="articles per shard (default 100)")
    p.add_argument(
        "--repeat", type=int, default=None, help="runs per size; each step's best is shown (default 3; 1 with --tiny)"
    )
    p.add_argument("--tiny", action="store_true", help="a base of 2 articles, sizes 4 and 8 (to check the script)")
    args = p.parse_args()
    sizes = [4, 8] if args.tiny else [int(s) for s in args.sizes.split(",")]
    base_n = 2 if args.tiny else args.base

    from quizgen.shards import read_shard

    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        root = Path(tmp)
        words = make_corpus(root / "base", base_n)
        shard = root / "base.qzshard"
        seconds, mib = peak_of(quizgen("extract", str(root / "base"), "--shard", str(shard), "--no-cache"))
        one, _ = peak_of(quizgen("extract", str(root / "base") + "/a00000.txt", "--shard", str(root / "1.qzshard"),
                                 "--no-cache"))  # fmt: skip
        base = read_shard(shard)
        print(
            f"Extraction of the base corpus, a fresh process (start-up and pipeline loading included): {base_n} "
            f"articles, {words:,} words in {seconds:.1f} s, peak {mib} MiB; one article alone {one:.1f} s."
        )
        each = (seconds - one) / max(1, base_n - 1)  # (start-up and loading paid once, in both runs)
        print(
            f"Per article: {each:.2f} s ({3600 / max(each, 1e-9):,.0f} articles an hour on one core), "
            f"{words / base_n:,.0f} words each.\n"
        )
        rows = []
        per_k = []
        for n in sizes:
            folder = root / f"s{n}"
            folder.mkdir()
            paths = copies(base, n, args.per_shard, folder)
            repeat = args.repeat or (1 if args.tiny else 3)
            runs = [timed_merge(paths, folder / "deck.yaml") for _ in range(max(1, repeat))]
            t = {k: min(r[k] for r in runs) for k in runs[0]}  # (the best of each: others share the machine)
            per_k.append(t["merge"] / n * 1000)
            rows.append(
                (
                    n,
                    len(paths),
                    f"{int(t['candidates']):,}",
                    f"{int(t['facts']):,}",
                    f"{t['read']:.2f}",
                    f"{t['treaty names']:.2f}",
                    f"{t['reuse']:.3f}",
                    f"{t['merge']:.2f}",
                    f"{t['deck']:.2f}",
                    f"{t['total']:.2f}",
                    f"{t['baseline']:.2f}",
                    f"{t['total'] / t['baseline']:.1f}",
                    f"{per_k[-1]:.3f}",
                )
            )
        print("quizgen merge, step by step (seconds; in one process, shards already on disk)")
        table(
            rows,
            (
                "articles",
                "shards",
                "candidates",
                "facts",
                "read",
                "treaty names",
                "reuse",
                "merge",
                "deck",
                "total",
                "baseline: JSON",
                "total/baseline",
                "merge s per 1,000 articles",
            ),
        )
        if len(per_k) > 1:
            print(f"\nmerge step per article, largest size against smallest: {per_k[-1] / per_k[0]:.2f}× (1.0: linear)")


if __name__ == "__main__":
    main()
