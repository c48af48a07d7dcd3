"""The performance table: every speed figure of issue 14 beside its baseline, measured in one run.

    python benchmarks/report.py [--readme] [--tiny]

Runs the benchmarks at the sizes the README quotes (extract.py: 100 articles, -j1 and -j2, against bare
spaCy, and -j1 against -j2 on 400; a rebuild with one article changed; export.py: 50,000 items against
genanki with equal compression; merge.py: 400 and 3,200 articles; quiz_scale.py: the first question on a
50,000-fact deck with 100,000 reviews, parsed and cached, against the bundled deck)
and prints one table: each figure, its baseline from the same run, the ratio, and the target. With
`--readme` the table replaces the one in README.md between its markers, so the README's figures are always
those of a run of this command. Machines are noisy: run it with nothing else on the machine (the -j2 gain
needs both cores free).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import export  # noqa: E402
import extract  # noqa: E402
import merge  # noqa: E402
import quiz_scale  # noqa: E402
from _common import ROOT, make_corpus, peak_of, quizgen, table  # noqa: E402

START = "<!-- performance table: python benchmarks/report.py --readme -->"
END = "<!-- end of performance table -->"


@dataclass
class Figure:
    what: str
    value: float
    unit: str
    baseline_what: str
    baseline: float | None
    ratio: str  # how the value compares with the baseline, worded
    target: str
    met: bool | None  # None: no target


def extraction(n: int, larger: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        f = extract.throughput(Path(tmp), n, 2, repeat=2)
        r = extract.rebuilds(Path(tmp), n)
        g = extract.throughput(Path(tmp), larger, 2, bare_too=False)
    words, bare, one, many = f["words"], f["bare"], f["one"], f["many"]
    gain = g["one"] / g["many"]
    return [
        Figure(f"extraction, {n} articles, `--jobs 1` (words/s)", words / one, "", "bare spaCy `nlp.pipe`",
               words / bare, f"{bare / one:.2f}×", "≥ 0.9×", bare / one >= 0.9),
        Figure(f"extraction, {n} articles, `--jobs 2` (words/s)", words / many, "", "`--jobs 1`", words / one,
               f"{one / many:.2f}×", "≥ 1.7×", one / many >= 1.7),
        Figure(f"extraction, {larger} articles, `--jobs 2` (words/s)", g["words"] / g["many"], "", "`--jobs 1`",
               g["words"] / g["one"], f"{gain:.2f}×", "≥ 1.7×", gain >= 1.7),
        Figure(f"rebuild of {n} cached articles, one changed (s)", r["changed"], "s", "none changed", r["unchanged"],
               f"{r['changed'] / r['unchanged']:.1f}×", f"(cold: {r['cold']:.1f} s)", None),
    ]  # fmt: skip


def exporting(n: int) -> list[Figure]:
    f = export.compare(n)
    base = f["genanki_deflated"][0]
    return [
        Figure(f"`export`, {n:,} items, one note per fact (s)", f["facts"][0], "s", "genanki, same compression", base,
               f"{f['facts'][0] / base:.2f}×", "≤ 1.0×", f["facts"][0] <= base),
        Figure(f"`export`, {n:,} items, one note per item (s)", f["items"][0], "s", "genanki, same compression", base,
               f"{f['items'][0] / base:.2f}×", "≤ 1.0×", f["items"][0] <= base),
    ]  # fmt: skip


def quizzing(n: int, reviews: int) -> list[Figure]:
    rows = quiz_scale.scale([n], reviews)
    small = next(r for r in rows if r["label"].startswith("decks/"))
    out = []
    for r in rows:
        if r["facts"] <= small["facts"]:
            continue
        cached = r.get("cached", False)
        limit = 1.0 if cached else 3.0
        what = f"first question, {r['facts']:,} facts, {r['reviews']:,} reviews, {'cached' if cached else 'cold'} (s)"
        ratio = f"{r['seconds'] / small['seconds']:.0f}×"
        out.append(Figure(what, r["seconds"], "s", "the bundled deck", small["seconds"], ratio, f"< {limit:.0f} s",
                          r["seconds"] < limit))  # fmt: skip
        out.append(Figure("  its peak memory (MiB)", r["peak"], "MiB", "the bundled deck", small["peak"],
                          f"{r['peak'] / small['peak']:.1f}×", "< 300 MiB", r["peak"] < 300))  # fmt: skip
    return out


def merging(sizes: tuple[int, int], base_n: int) -> list[Figure]:
    """The keyed reduce of `quizgen merge` at two sizes (copies of a real shard, as benchmarks/merge.py makes
    them), the best of three runs each; and the whole merge, reading the shards and writing the deck."""
    from quizgen.shards import read_shard

    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as tmp:
        root = Path(tmp)
        make_corpus(root / "base", base_n)
        peak_of(quizgen("extract", str(root / "base"), "--shard", str(root / "base.qzshard"), "--no-cache"))
        base = read_shard(root / "base.qzshard")
        best = {}
        for n in sizes:
            (root / f"s{n}").mkdir()
            paths = merge.copies(base, n, 100, root / f"s{n}")
            runs = [merge.timed_merge(paths, root / f"s{n}" / "deck.yaml") for _ in range(3)]
            best[n] = {k: min(r[k] for r in runs) for k in runs[0]}
    small, big = sizes
    t, per = best[big], (best[big]["merge"] / big) / (best[small]["merge"] / small)
    return [
        Figure(f"merge step (keyed reduce), {big:,} articles (s)", t["merge"], "s", "reading the shards' JSON",
               t["baseline"], f"{t['merge'] / t['baseline']:.2f}×", "< 1 s", t["merge"] < 1.0),
        Figure(f"  per article, {big:,} against {small:,} articles", per, "", "linear", 1.0, f"{per:.2f}×",
               "≈ 1×", per < 1.5),
        Figure(f"`quizgen merge` whole, {big:,} articles (s)", t["total"], "s", "reading the shards' JSON",
               t["baseline"], f"{t['total'] / t['baseline']:.1f}×", "", None),
    ]  # fmt: skip


def report(parts: list[Callable[[], list[Figure]]]) -> list[Figure]:
    figures: list[Figure] = []
    for part in parts:
        figures += part()
    return figures


def _met(met: bool | None) -> str:
    return "—" if met is None else "yes" if met else "**no**"


def rows_of(figures: list[Figure]) -> list[tuple[str, ...]]:
    def num(x: float | None) -> str:
        return "" if x is None else f"{x:,.0f}" if x >= 100 or float(x).is_integer() else f"{x:.2f}"

    return [
        (f.what, num(f.value), f"{f.baseline_what}: {num(f.baseline)}", f.ratio, f.target, _met(f.met)) for f in figures
    ]


def markdown(figures: list[Figure], when: str) -> str:
    head = ("figure", "quizgen", "baseline, same run", "ratio", "target", "met")
    lines = [
        START,
        f"Measured {when} on this {os.cpu_count()}-core machine by `python benchmarks/report.py --readme`:",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
        *("| " + " | ".join(r) + " |" for r in rows_of(figures)),
        END,
    ]
    return "\n".join(lines)


def write_readme(block: str, readme: Path = ROOT / "README.md") -> None:
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(START), text.find(END)
    if start < 0 or end < start:
        raise SystemExit(f"README.md has no performance table markers ({START!r} … {END!r})")
    readme.write_text(text[:start] + block + text[end + len(END) :], encoding="utf-8")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--readme", action="store_true", help="write the table into README.md")
    p.add_argument("--tiny", action="store_true", help="tiny sizes (to check the script works; never --readme)")
    args = p.parse_args()
    if args.tiny and args.readme:
        raise SystemExit("--tiny figures do not go into the README")
    articles, items, facts, reviews = (2, 200, 166, 200) if args.tiny else (100, 50_000, 50_000, 100_000)
    merged = (4, 8) if args.tiny else (400, 3200)
    larger = 3 if args.tiny else 400  # (start-up and loading spaCy are not parallel: more articles show the gain)
    parts: list[Callable[[], list[Figure]]] = [
        lambda: extraction(articles, larger),
        lambda: exporting(items),
        lambda: merging(merged, 50 if not args.tiny else 2),
        lambda: quizzing(facts, reviews),
    ]
    figures = report(parts)
    print("Performance (issue 14): each figure beside its baseline, measured in this run")
    table(rows_of(figures), ("figure", "quizgen", "baseline, same run", "ratio", "target", "met"))
    if args.readme:
        write_readme(markdown(figures, dt.date.today().isoformat()))
        print("README.md: performance table rewritten")


if __name__ == "__main__":
    main()
