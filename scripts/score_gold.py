"""Compare `quizgen extract` on the seed articles with the human gold annotation.

    python scripts/score_gold.py [--gold tests/data/sets/seeds/gold] [--seeds seeds] [--deck DECK.yaml] [-v]

Without --deck it runs the extractor on the seeds. Prints recall and precision per kind; -v also lists
the gold facts missed and the deck facts that match no gold fact.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.evaluate import GoldFact, format_table, score  # noqa: E402


def load_gold(folder: Path) -> list[GoldFact]:
    out = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        article = Path(data["article"]).stem
        for f in data.get("facts") or []:
            out.append(
                GoldFact(
                    article,
                    f["kind"],
                    str(f["answer"]),
                    str(f["evidence"]),
                    str(f.get("statement", "")),
                    bool(f.get("relative", False)),
                )
            )
    return out


def build_deck(seeds: Path):
    from quizgen.corpus import read_articles
    from quizgen.extract.nlp import load_pipeline
    from quizgen.extract.pipeline import extract_articles

    return extract_articles(read_articles([seeds], relative_to=ROOT), load_pipeline(), title="New START")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "sets" / "seeds" / "gold")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--deck", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if not args.gold.is_dir():
        print(f"score_gold: no gold annotation at {args.gold}", file=sys.stderr)
        return 2
    from quizgen.deck import load_deck

    deck = load_deck(args.deck) if args.deck else build_deck(args.seeds)
    table = score(deck, load_gold(args.gold))
    print(format_table(table))
    if args.verbose:
        for kind, s in table.items():
            if kind == "all":
                continue
            for g in s.missed:
                print(f"MISSED {kind:9} {g.answer!r:40} | {g.evidence[:110]}")
            for f, ev in s.wrong:
                print(f"EXTRA  {kind:9} {f.answer!r:40} | {f.statement[:80]} || {ev[:80]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
