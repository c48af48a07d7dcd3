"""Blind reviews of question items (the shared review rubric): draw a sample, record verdicts, count them.

    python scripts/reviews.py sample DECK --seed N -o ITEMS.json   # `questions --seed N`, then Random(N).sample(…, 40)
    python scripts/reviews.py record ITEMS.json VERDICTS.json --name NAME --deck-label TEXT --seed N
    python scripts/reviews.py counts                                # every review in tests/data/reviews

`sample` gives the reviewer the items as the rubric asks (id, type, prompt, choices, answer, explanation,
evidence). `record` joins the reviewer's verdicts to the items and writes tests/data/reviews/NAME.json, the
data the quality model learns from and the regression tests read. `counts` prints what the README reports.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REVIEWS = ROOT / "tests" / "data" / "reviews"
FIELDS = ("id", "type", "prompt", "choices", "answer", "explanation", "evidence", "order")
SAMPLE = 40


def sample(deck: str, seed: int, out: Path) -> None:
    cmd = [sys.executable, "-m", "quizgen", "questions", deck, "--format", "json", "--seed", str(seed)]
    items = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout)
    picked = random.Random(seed).sample(items, min(SAMPLE, len(items)))
    rows = [{k: it[k] for k in FIELDS if it.get(k) or k in ("choices",)} for it in picked]
    out.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{out}: {len(rows)} of {len(items)} items (questions --seed {seed}, Random({seed}).sample)")


def record(items: Path, verdicts: Path, name: str, label: str, seed: int) -> None:
    rows = json.loads(items.read_text(encoding="utf-8"))
    said = {v["id"]: v for v in json.loads(verdicts.read_text(encoding="utf-8"))}
    missing = [r["id"] for r in rows if r["id"] not in said]
    if missing:
        raise SystemExit(f"reviews: no verdict for {', '.join(missing)}")
    out = [{**r, **{k: said[r["id"]][k] for k in ("acceptable", "rule", "reason")}} for r in rows]
    doc = {
        "review": re.sub(r"-(?:new-start|other)$", "", name),  # one review covers both decks
        "deck": label,
        "questions_seed": seed,
        "sample_seed": seed,
        "accepted": sum(bool(r["acceptable"]) for r in out),
        "items": out,
    }
    path = REVIEWS / f"{name}.json"
    path.write_text(json.dumps(doc, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{path}: {doc['accepted']}/{len(out)} accepted")


def counts() -> None:
    for path in sorted(REVIEWS.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if "items" not in doc:
            continue  # open-rejects.json: the list the regression tests hold
        items = doc["items"]
        rules = Counter(r["rule"] for r in items if not r["acceptable"])
        failed = ", ".join(f"rule {k}: {v}" for k, v in sorted(rules.items()))
        print(f"{path.stem:28} {doc['accepted']:2d}/{len(items)} accepted   ({failed})   {doc['deck']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("deck")
    s.add_argument("--seed", type=int, required=True)
    s.add_argument("-o", "--out", type=Path, required=True)
    r = sub.add_parser("record")
    r.add_argument("items", type=Path)
    r.add_argument("verdicts", type=Path)
    r.add_argument("--name", required=True)
    r.add_argument("--deck-label", required=True)
    r.add_argument("--seed", type=int, required=True)
    sub.add_parser("counts")
    args = ap.parse_args()
    if args.command == "sample":
        sample(args.deck, args.seed, args.out)
    elif args.command == "record":
        record(args.items, args.verdicts, args.name, args.deck_label, args.seed)
    else:
        counts()
    return 0


if __name__ == "__main__":
    sys.exit(main())
