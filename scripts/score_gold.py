"""Score `quizgen extract` against hand-annotated gold facts (matching as in tests/data/sets/GOLD-FORMAT.md).

    python scripts/score_gold.py                          # the seeds, with the shipped model
    python scripts/score_gold.py --set dev4 [-v]          # one set of tests/data/sets/sets.yaml
    python scripts/score_gold.py --all                    # every set of the manifest, with the shipped model
    python scripts/score_gold.py --cv                     # leave one set out (see below)
    python scripts/score_gold.py --test                   # the test sets (see below)
    python scripts/score_gold.py --gold G --seeds A       # any folder of articles and its gold
    python scripts/score_gold.py --deck DECK.yaml --gold G

The shipped model was trained on every `train` set, so its figures on those sets are tuned figures. `--cv`
gives honest ones: for each train set in turn, a model is trained on all the other train sets (thresholds
included) and scores the one left out (sets the manifest puts in one `fold:` are left out together). `--test`
scores the test sets with the shipped model, trained on all train sets, which never saw them (their misses
are never listed: looking at them would make them training data). Prints recall and precision per kind,
pooled, and the mean over articles. -v lists the gold facts missed and the facts that match no gold fact.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from quizgen.evaluate import GoldFact, KindScore, format_table, score  # noqa: E402
from quizgen.gold import AnnotatedSet, load_gold, load_sets  # noqa: E402
from quizgen.model import Deck  # noqa: E402

MANIFEST = ROOT / "tests" / "data" / "sets" / "sets.yaml"


def deck_for(data: Sequence, model) -> Deck:
    """The deck `quizgen extract` writes for these articles (one set), deciding with `model`."""
    import copy

    from quizgen.extract.merge import merge
    from quizgen.extract.pipeline import decided, treaty_names

    articles = [d.article for d in data]
    cands = [copy.copy(c) for d in data for c in decided(d.proposals, model)]
    return merge(cands, articles, treaty_names(articles), "scored")


def per_article(deck: Deck, gold: list[GoldFact]) -> list[tuple[float, float]]:
    out = []
    for article in sorted({g.article for g in gold}):
        t = score(deck, [g for g in gold if g.article == article])["all"]
        out.append((t.recall, t.precision))
    return out


def scored(name: str, data: Sequence, model) -> tuple[str, dict[str, KindScore], list[tuple[float, float]]]:
    """One row of a report: the set `name`, its table and its per-article figures, deciding with `model`."""
    gold = [g for d in data for g in d.gold]
    deck = deck_for(data, model)
    return name, score(deck, gold), per_article(deck, gold)


def add(total: dict[str, KindScore], table: dict[str, KindScore]) -> None:
    for k, s in table.items():
        t = total.setdefault(k, KindScore())
        t.gold += s.gold
        t.found += s.found
        t.facts += s.facts
        t.correct += s.correct
        t.missed += s.missed
        t.wrong += s.wrong


def report(
    title: str,
    rows: list[tuple[str, dict[str, KindScore], list[tuple[float, float]]]],
    verbose: bool,
    groups: dict[str, set[str]] | None = None,
) -> None:
    print(f"== {title}")
    total: dict[str, KindScore] = {}
    arts: list[tuple[float, float]] = []
    for name, table, per in rows:
        a = table["all"]
        r, p = mean(x for x, _ in per), mean(y for _, y in per)
        print(
            f"  {name:14} {len(per):2d} articles  recall {a.recall:4.0%}  precision {a.precision:4.0%}"
            f"   (mean over articles {r:4.0%} / {p:4.0%})"
        )
        add(total, table)
        arts += per
    print(format_table(total))
    r, p = mean(x for x, _ in arts), mean(y for _, y in arts)
    print(f"mean over {len(arts)} articles: recall {r:.3f}  precision {p:.3f}")
    for label, names in (groups or {}).items():
        part = [x for name, _, per in rows if name in names for x in per]
        if part:
            r, p = mean(x for x, _ in part), mean(y for _, y in part)
            print(f"  {label} ({len(part)} articles): recall {r:.3f}  precision {p:.3f}")
    print()
    if verbose:
        for kind, s in total.items():
            if kind == "all":
                continue
            for g in s.missed:
                print(f"MISSED {kind:9} {g.answer!r:40} | {g.evidence[:110]}")
            for f, ev in s.wrong:
                print(f"EXTRA  {kind:9} {f.answer!r:40} | {f.statement[:80]} || {ev[:80]}")


def ceiling(train: Sequence[AnnotatedSet], cache) -> None:  # noqa: ANN001 - an extraction cache
    """What a perfect decider would find: the gold facts some proposal matches, per kind and per article."""
    from collections import Counter

    from train_model import collect

    from quizgen.extract.training import examples

    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    arts = []
    for d in collect(train, cache=cache):
        got = {i for e in examples(d.set, d.article.source.id, d.proposals, d.gold) for i in e.gold}
        scored = [i for i, g in enumerate(d.gold) if not g.relative]
        for i in scored:
            total[d.gold[i].kind] += 1
            hit[d.gold[i].kind] += i in got
        if scored:
            arts.append(sum(i in got for i in scored) / len(scored))
    print("== proposals' ceiling: gold facts some proposal matches (train sets)")
    for kind in sorted(total):
        print(f"  {kind:10} {hit[kind] / total[kind]:.3f}  of {total[kind]}")
    print(f"mean over {len(arts)} articles: {mean(arts):.3f}")


_FOLDS: tuple = ()  # (train sets, their data): set before the fold workers fork


def _left_out(fold: str) -> list:
    """One fold of --cv: the sets of `fold` (usually one set) scored by a model trained on every other train set."""
    from train_model import all_examples, dumps, fit, gold_counts

    from quizgen.extract.decide import model_from_bytes

    train, data = _FOLDS
    rest = [d for t in train if t.fold_name != fold for d in data[t.name]]
    model = model_from_bytes(dumps(fit(all_examples(rest), gold_counts(rest))).encode())
    return [scored(t.name, data[t.name], model) for t in train if t.fold_name == fold]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", type=Path, default=MANIFEST, help="the manifest of annotated sets")
    ap.add_argument("--set", action="append", default=[], help="score this set of the manifest (repeatable)")
    ap.add_argument("--all", action="store_true", help="score every set of the manifest")
    ap.add_argument(
        "--cv", action="store_true", help="leave-one-set-out over the train sets (a fold: leaves its sets out together)"
    )
    ap.add_argument("--test", action="store_true", help="the test sets, by the model trained on every train set")
    ap.add_argument("--gold", type=Path, help="a gold folder (with --seeds or --deck)")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="the articles --gold annotates")
    ap.add_argument("--deck", type=Path, help="score this deck instead of extracting")
    ap.add_argument("--jobs", type=int, default=1, help="folds of --cv run in this many processes")
    ap.add_argument("--ceiling", action="store_true", help="share of gold facts some proposal matches (train sets)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    from train_model import collect

    from quizgen.extract.cache import Cache, cache_dir
    from quizgen.extract.decide import load_model

    sets = load_sets(args.sets)
    if args.deck or args.gold:
        gold_dir = args.gold or sets[0].gold
        gold = load_gold(gold_dir)
        if args.deck:
            from quizgen.deck import load_deck

            deck = load_deck(args.deck)
        else:
            one = AnnotatedSet(gold_dir.parent.name, "test", args.seeds, gold_dir)
            deck = deck_for(collect([one], cache=Cache(cache_dir())), load_model())
        report(
            str(args.deck or args.gold),
            [(gold_dir.parent.name, score(deck, gold), per_article(deck, gold))],
            args.verbose,
        )
        return 0

    cache = Cache(cache_dir())
    if args.ceiling:
        ceiling([s for s in sets if s.role == "train"], cache)
        return 0
    if args.cv:
        global _FOLDS
        train = [s for s in sets if s.role == "train"]
        _FOLDS = (train, {s.name: collect([s], cache=cache) for s in train})
        folds = list(dict.fromkeys(s.fold_name for s in train))
        if args.jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("fork")  # the workers share the parsed sets
            with ProcessPoolExecutor(args.jobs, mp_context=ctx) as pool:
                rows = [row for fold in pool.map(_left_out, folds) for row in fold]
        else:
            rows = [row for fold in folds for row in _left_out(fold)]
        groups = {
            "sets rules were written on": {s.name for s in train if s.tuned},
            "sets no rule was written on": {s.name for s in train if not s.tuned},
        }
        for fold in folds:  # the manifest's folds of several sets, each apart (the reviews' articles)
            if fold not in {s.name for s in train}:
                groups[f"fold {fold}"] = {s.name for s in train if s.fold_name == fold}
        title = "leave one set out: each train set scored by a model trained on the others (and not its fold)"
        report(title, rows, args.verbose, groups)
    if args.test:
        # The shipped model is the one trained on every train set (tests/test_extract_quality.py checks it).
        # Never -v here: looking at a test set's misses makes it a training set.
        rows = [scored(s.name, collect([s], cache=cache), load_model()) for s in sets if s.role == "test"]
        report("test sets: never trained or tuned on, scored by the model trained on every train set", rows, False)
    if args.cv or args.test:
        return 0

    named = set(args.set) or ({s.name for s in sets} if args.all else {"seeds"})
    unknown = named - {s.name for s in sets}
    if unknown:
        print(f"score_gold: no set {', '.join(sorted(unknown))} in {args.sets}", file=sys.stderr)
        return 2
    rows = [scored(s.name, collect([s], cache=cache), load_model()) for s in sets if s.name in named]
    report("shipped model (trained on every train set: tuned figures for those)", rows, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
