"""Check gold annotation files against the articles they annotate (the checks of the gold README).

    python scripts/check_gold.py GOLD_FOLDER ARTICLES_FOLDER

For every fact: the kind is known, `answer` and `evidence` are verbatim substrings of the article, and for
every kind but `quote` and `position` the answer is inside the evidence; `relative` only on dates. Prints
one line per problem and a count of facts per kind; exits 1 when anything is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

KINDS = ("date", "signatory", "limit", "position", "role", "quote", "event")
FIELDS = ("kind", "subject", "statement", "answer", "evidence")


def check_file(path: Path, articles: Path) -> tuple[list[str], Counter[str]]:
    problems: list[str] = []
    kinds: Counter[str] = Counter()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        return [f"{path}: not valid YAML: {e}"], kinds
    if not isinstance(data, dict) or "article" not in data:
        return [f"{path}: no 'article:' key"], kinds
    article = articles / str(data["article"])
    if not article.is_file():
        return [f"{path}: article {article} not found"], kinds
    text = article.read_text(encoding="utf-8")
    for n, fact in enumerate(data.get("facts") or [], 1):
        where = f"{path.name} fact {n}"
        if not isinstance(fact, dict):
            problems.append(f"{where}: not a mapping")
            continue
        missing = [k for k in FIELDS if not str(fact.get(k) or "").strip()]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        kind = fact["kind"]
        kinds[kind] += 1
        if kind not in KINDS:
            problems.append(f"{where}: unknown kind {kind!r}")
        answer, evidence = str(fact["answer"]), str(fact["evidence"])
        if answer not in text:
            problems.append(f"{where}: answer not verbatim in the article: {answer!r}")
        if evidence not in text:
            problems.append(f"{where}: evidence not verbatim in the article: {evidence[:80]!r}")
        if kind not in ("quote", "position") and answer not in evidence:
            problems.append(f"{where}: answer {answer!r} is not inside the evidence")
        if fact.get("relative") and kind != "date":
            problems.append(f"{where}: 'relative' is only for dates")
    return problems, kinds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("articles", type=Path)
    args = ap.parse_args()
    problems: list[str] = []
    total: Counter[str] = Counter()
    files = sorted(args.gold.glob("*.yaml"))
    for path in files:
        found, kinds = check_file(path, args.articles)
        problems += found
        total += kinds
    for p in problems:
        print(p)
    print(f"{len(files)} files, {sum(total.values())} facts: " + ", ".join(f"{k} {total[k]}" for k in KINDS))
    return 1 if problems or not files else 0


if __name__ == "__main__":
    sys.exit(main())
