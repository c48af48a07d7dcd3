"""How far two annotators of the same articles agree, by the scorer's own matching (GOLD-FORMAT.md).

    python scripts/agreement.py            # every set of the manifest that has a second annotation (gold-2/)

Each set's `gold-2/` folder holds a second annotation, made by someone who saw neither the first annotation
nor the extractor. The second annotation is scored as if it were a deck against the first: the recall and
precision a perfect copy of the second annotator would get. It is the ceiling the extractor's figures can be
read against: where two careful readers agree at 0.9, a figure of 0.7 is the extractor's shortfall, not the
annotation's noise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from score_gold import add  # noqa: E402

from quizgen.evaluate import GoldFact, KindScore, format_table, score  # noqa: E402
from quizgen.gold import load_gold, load_sets  # noqa: E402
from quizgen.model import Deck, Evidence, Fact  # noqa: E402

MANIFEST = ROOT / "tests" / "data" / "sets" / "sets.yaml"


def as_deck(gold: list[GoldFact]) -> Deck:
    """An annotation as the facts of a deck (relative dates left out, as the scorer leaves them out)."""
    facts = [
        Fact(id=f"g{i}", kind=g.kind, subject=g.answer, answer=g.answer, statement=g.statement,
             evidence=[Evidence(g.article, g.evidence)])
        for i, g in enumerate(gold)
        if not g.relative
    ]  # fmt: skip
    return Deck(title="second annotation", facts=facts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", type=Path, default=MANIFEST, help="the manifest of annotated sets")
    args = ap.parse_args()
    total: dict[str, KindScore] = {}
    per: list[tuple[float, float]] = []
    for s in load_sets(args.sets):
        second = s.gold.parent / "gold-2"
        if not second.is_dir():
            continue
        first, other = load_gold(s.gold), load_gold(second)
        for article in sorted({g.article for g in other}):
            mine = [g for g in other if g.article == article]
            table = score(as_deck(mine), [g for g in first if g.article == article])
            a = table["all"]
            per.append((a.recall, a.precision))
            print(f"  {s.name:14} {article:50} recall {a.recall:4.0%}  precision {a.precision:4.0%}")
            add(total, table)
    if not per:
        print("agreement: no set has a gold-2/ folder", file=sys.stderr)
        return 2
    print(format_table(total))
    print(
        f"mean over {len(per)} articles: recall {mean(r for r, _ in per):.3f}  "
        f"precision {mean(p for _, p in per):.3f} (the second annotation scored against the first)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
