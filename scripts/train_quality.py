"""Train the item quality model from the blind reviews and write it as JSON.

    python scripts/train_quality.py            # writes quizgen/data/item-quality.json
    python scripts/train_quality.py --check    # trains afresh and compares with the shipped file
    python scripts/train_quality.py --cv       # leave one review file out: how well it ranks unseen items

Each reviewed item of tests/data/reviews/*.json (its text and the reviewer's verdict) is one example; the
features are quizgen/questions/quality.py's. A logistic regression (scikit-learn), weights rounded so the file
is the same on any machine; same reviews, same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.model import Evidence, Item  # noqa: E402
from quizgen.questions.quality import MODEL_FILE, MODEL_FORMAT, QualityModel, features  # noqa: E402

REVIEWS = ROOT / "tests" / "data" / "reviews"
MODEL_PATH = ROOT / "quizgen" / "data" / MODEL_FILE
C = 0.3  # few labels: strong regularization
DIGITS = 4


def reviewed(folder: Path = REVIEWS) -> list[tuple[str, Item, bool]]:
    """(review file, the item as reviewed, accepted) for every reviewed item."""
    out = []
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for r in doc.get("items", ()):
            ev = r["evidence"]
            item = Item(
                id=r["id"],
                fact=r["id"].split(":", 1)[0],
                type=r["type"],
                prompt=r["prompt"],
                answer=r["answer"],
                explanation=r.get("explanation") or "",
                evidence=Evidence(ev["source"], ev["text"], ev.get("answer")),
                source_title="",
                choices=tuple(r.get("choices") or ()),
                order=tuple(r.get("order") or ()),
                kind=r["id"].split("-", 1)[0],
            )
            out.append((path.stem, item, bool(r["acceptable"])))
    return out


def fit(examples: list[tuple[str, Item, bool]]) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sort=True)
    x = vec.fit_transform([dict.fromkeys(features(i), 1) for _, i, _ in examples])
    y = [ok for _, _, ok in examples]
    model = LogisticRegression(C=C, max_iter=5000, tol=1e-8, random_state=0).fit(x, y)
    weights = {
        str(n): round(float(w), DIGITS) for n, w in zip(vec.get_feature_names_out(), model.coef_[0], strict=True)
    }
    return {
        "format": MODEL_FORMAT,
        "about": "The probability a strict blind reviewer accepts an item: a logistic model over named features "
        "(quizgen/questions/quality.py). Made by scripts/train_quality.py; do not edit by hand.",
        "trained_on": {"reviews": sorted({r for r, _, _ in examples}), "items": len(examples), "C": C},
        "bias": round(float(model.intercept_[0]), DIGITS),
        "weights": {n: w for n, w in weights.items() if w},
    }


def dumps(model: dict) -> str:
    return json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def cross_validate(examples: list[tuple[str, Item, bool]]) -> None:
    """Each review file scored by a model trained on the others: accepted share of its top half vs all."""
    for name in sorted({r for r, _, _ in examples}):
        rest = [e for e in examples if e[0] != name]
        mine = [e for e in examples if e[0] == name]
        if len({ok for _, _, ok in rest}) < 2:
            continue
        raw = fit(rest)
        model = QualityModel(raw["bias"], raw["weights"])
        ranked = sorted(mine, key=lambda e: -model.score(e[1]))
        top = ranked[: len(ranked) // 2]
        print(
            f"{name:32} all {sum(ok for _, _, ok in mine)}/{len(mine)} accepted; "
            f"best half by the model {sum(ok for _, _, ok in top)}/{len(top)}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--check", action="store_true", help="compare a fresh run with --out; exit 1 if they differ")
    ap.add_argument("--cv", action="store_true", help="leave one review file out")
    args = ap.parse_args()
    examples = reviewed()
    if args.cv:
        cross_validate(examples)
        return 0
    text = dumps(fit(examples))
    if args.check:
        same = args.out.exists() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'matches a fresh training run' if same else 'differs from a fresh training run'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out} ({len(examples)} reviewed items)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
