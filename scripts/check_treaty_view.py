"""Check on the annotated corpora what `quizgen merge` relies on to keep a shard's candidates: an article's
candidates depend on the corpus-wide treaty table only through the names its extraction asks about
(quizgen/extract/treaties.py AskedNames; cache.same_answers).

    python scripts/check_treaty_view.py [--set NAME ...] [--cache DIR]

The sets of tests/data/sets/sets.yaml are taken as one archive, each set's folder a shard of it. Every article
is extracted under the whole archive's treaty table and under two others: its set's (its shard's) and its own
alone (a shard of one article). Where the other table answers as the whole archive's does for the names asked
under it, the candidates must be equal, and so must the names asked. Prints how many articles `quizgen merge`
would read again when the sets are sharded by folder: comparing whole tables, and comparing the answers to the
names asked. Exits 1 if a check fails. Parses go through the extraction cache (default: the user's).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MANIFEST = ROOT / "tests" / "data" / "sets" / "sets.yaml"


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--set", action="append", help="only these sets (default: all)")
    p.add_argument("--cache", help="extraction cache folder for the parses (default: the user's)")
    args = p.parse_args()

    from quizgen.corpus import read_article
    from quizgen.extract import cache as _cache
    from quizgen.extract.nlp import load_pipeline
    from quizgen.extract.pipeline import _parser_texts, extract_article, parsed, treaty_names
    from quizgen.extract.treaties import AskedNames
    from quizgen.gold import load_sets

    nlp = load_pipeline(None)
    pid = _cache.pipeline_id(nlp)
    cache = _cache.Cache(_cache.cache_dir(args.cache))
    sets = [s for s in load_sets(MANIFEST) if not args.set or s.name in args.set]
    shards = [[read_article(path, relative_to=ROOT) for path in s.article_paths()] for s in sets]
    archive = treaty_names(a for shard in shards for a in shard)
    whole = _cache.lookup(json.loads(_cache.treaty_table(archive)))

    def run(article, docs, table) -> tuple[list, set[str]]:  # noqa: ANN001
        names = AskedNames(table)
        return extract_article(article, docs, names), names.asked

    n = asked = whole_tables = by_answers = kept = 0
    failures: list[str] = []
    for s, articles in zip(sets, shards, strict=True):
        own = treaty_names(articles)
        for article in articles:
            n += 1
            key = _cache.parse_key(pid, _parser_texts(article))
            docs, data = parsed(article, nlp, cache.get("parse", key), keep=True)
            if data is not None:
                cache.put("parse", key, data)
            under_whole, names_whole = run(article, docs, archive)
            for table, label in ((own, "set"), (treaty_names([article]), "alone")):
                cands, names = run(article, docs, table)
                asked += len(names)
                table_json = json.loads(_cache.treaty_table(table))
                same = _cache.same_answers(_cache.lookup(table_json), whole, names)
                if label == "set":
                    whole_tables += _cache.lookup(table_json) != whole
                    by_answers += not same
                if same:
                    kept += 1
                    if cands != under_whole or names != names_whole:
                        failures.append(f"{s.name}/{article.source.id} ({label}): same answers, other candidates")
        print(f"{s.name}: {len(articles)} articles", file=sys.stderr)

    print(f"{n} articles in {len(sets)} sets; {asked:,} names asked of the treaty tables in {2 * n} runs")
    print(f"sharded by set folder, articles merge reads again: {whole_tables} comparing whole tables, "
          f"{by_answers} comparing the answers to the names asked")  # fmt: skip
    print(f"runs whose table answers as the whole archive's: {kept} of {2 * n}; their candidates all equal "
          f"those under the archive's table: {'no' if failures else 'yes'}")  # fmt: skip
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
