"""`quizgen merge SHARD... -o DECK.yaml`: the shards of `extract --shard`, made apart, joined into the deck one
`extract` over all their articles would write, byte for byte."""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import QuizgenError
from ..model import Article
from ..plural import counted
from .common import deck_title, write_deck

if TYPE_CHECKING:
    from ..extract.cache import Cache
    from ..extract.context import Candidate
    from ..extract.treaties import TreatyNames
    from ..shards import Shard


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "merge",
        help="join shards extracted apart into one deck",
        description="Join shards written by `quizgen extract ARTICLES... --shard FILE` (on other days, on other "
        "machines, from parts of one archive) into one deck: the deck one `quizgen extract` over all their "
        "articles would write. Articles keep the order of the shards given. An article whose candidate facts "
        "depend on treaty names its shard did not know is read again (spaCy is loaded then).",
    )
    p.add_argument("shards", nargs="+", metavar="SHARD", help="shard files, in the order their articles go")
    p.add_argument("-o", "--output", required=True, metavar="DECK", help="deck file to write (YAML)")
    p.add_argument("--title", help="deck title (default: from the output file name)")
    p.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy pipeline for articles read again (it must be the one the shards were parsed with; "
        "default: as for extract)",
    )
    p.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="for articles read again: as for extract (default 1)"
    )
    p.add_argument("--cache", metavar="DIR", help="as for extract (default: $QUIZGEN_CACHE, else the user cache)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..extract.cache import Cache, cache_dir
    from ..paths import output_target, refuse_input_as_output
    from ..shards import read_shard

    out, folder = output_target(args.output)
    if args.jobs < 0:
        raise QuizgenError(f"must be 0 or more, not {args.jobs}", where="--jobs")
    refuse_input_as_output(out, args.shards)
    title = deck_title(args.title, out)
    shards = [read_shard(path) for path in args.shards]
    corpus = join(shards, folder.resolve())

    from ..extract.pipeline import merge_found, treaty_names

    treaties = treaty_names(corpus.articles)  # the whole corpus's, as one extract would read them
    known, why = reusable(corpus, treaties)
    cache = None if args.no_cache else Cache(cache_dir(args.cache))
    missing = [i for i, cands in enumerate(known) if cands is None]
    found = [cands or [] for cands in known]
    if missing:
        print(
            f"quizgen: reading {counted(len(missing), 'article')} of {len(known)} again: {why}",
            file=sys.stderr,
        )
        found = _extract_again(corpus, treaties, known, args, cache)
    deck = merge_found(found, corpus.articles, treaties, title)
    write_deck(deck, out, len(corpus.articles), cache)
    return 0


@dataclass
class Corpus:
    """The articles of the shards, in order, each with what its shard holds of it."""

    pipeline: list[str]  # extract/cache.pipeline_id of the pipeline that parsed them
    articles: list[Article] = field(default_factory=list)  # source paths as `extract -o DECK` would record them
    candidates: list[list[Candidate] | None] = field(default_factory=list)
    asked: list[list[str] | None] = field(default_factory=list)  # the treaty names each asked about
    tables: list[Any] = field(default_factory=list)  # the treaty table each was extracted under


def join(shards: list[Shard], deck_folder: Path) -> Corpus:
    """The shards' articles, in the order given, checked: every shard made by this quizgen's extractor with
    one spaCy pipeline, and no source in two shards."""
    from dataclasses import replace

    from ..controls import describe, first_unfit
    from ..extract.cache import extractor_fingerprint
    from ..webpage import is_url

    mine = extractor_fingerprint()
    first = shards[0]
    corpus = Corpus(first.pipeline)
    home: dict[str, int] = {}  # source id -> the shard it came from
    for n, shard in enumerate(shards):
        if shard.extractor != mine:
            raise QuizgenError(
                "made by another version of quizgen's extractor: extract its articles again with this quizgen "
                "(a shard's candidate facts are only as good as the extractor that made them)",
                where=shard.where,
            )
        if shard.pipeline != first.pipeline:
            raise QuizgenError(
                f"parsed with the spaCy pipeline {_shown(shard.pipeline)}, and {first.where} with "
                f"{_shown(first.pipeline)}: extract both with one pipeline",
                where=shard.where,
            )
        for item in shard.articles:
            source = item.article.source
            if source.id in home:
                also = "twice in it" if home[source.id] == n else f"also in {shards[home[source.id]].where}"
                raise QuizgenError(f"the article {source.id!r} is {also}; each goes in one shard", shard.where)
            home[source.id] = n
            path = source.path
            if not is_url(path):  # relative to the deck, as extract writes it
                path = Path(os.path.relpath(path, deck_folder)).as_posix()
                if bad := first_unfit(path):
                    raise QuizgenError(f"{describe(bad)} in the path of {source.id!r}", where=shard.where)
            corpus.articles.append(replace(item.article, source=replace(source, path=path)))
            corpus.candidates.append(item.candidates)
            corpus.asked.append(item.asked)
            corpus.tables.append(shard.tables[item.table])
    if not corpus.articles:
        raise QuizgenError("no articles in these shards", where=shards[-1].where if len(shards) == 1 else None)
    return corpus


def _shown(pipeline: list[str]) -> str:
    name, version, _components, spacy = (pipeline + ["?"] * 4)[:4]
    return f"{name} {version} (spaCy {spacy})"


def reusable(corpus: Corpus, treaties: TreatyNames) -> tuple[list[list[Candidate] | None], str]:
    """Each article's candidates from its shard where they are what extraction under the whole corpus's
    `treaties` gives, else None; and why the others are not. A shard's treaty table lacks the names only
    other shards write, and may resolve a name otherwise (another name of a treaty is the most written
    overall); extraction reads the table only through the names it asks about, so an article's candidates
    are kept when the two tables answer the same for the names it asked (extract/treaties.py AskedNames)."""
    import json

    from ..extract.cache import lookup, same_answers, treaty_table

    table = json.loads(treaty_table(treaties))
    whole = lookup(table)
    theirs: dict[int, tuple[bool, Any]] = {}  # id() of a shard's table -> (equal to the whole corpus's, its lookup)
    known: list[list[Candidate] | None] = []
    no_candidates = other_names = 0
    for cands, own, asked in zip(corpus.candidates, corpus.tables, corpus.asked, strict=True):
        if id(own) not in theirs:
            theirs[id(own)] = (own == table, lookup(own))
        equal, own_lookup = theirs[id(own)]
        if cands is None:
            no_candidates += 1
            known.append(None)
        elif not equal and (asked is None or not same_answers(own_lookup, whole, asked)):
            other_names += 1
            known.append(None)
        else:
            known.append(cands)
    reasons = []
    if other_names:
        reasons.append(f"{other_names} use treaty names that all the shards together resolve otherwise than theirs")
    if no_candidates:
        reasons.append(f"{no_candidates} have no candidate facts kept in their shard")
    return known, "; ".join(reasons)


def _extract_again(
    corpus: Corpus,
    treaties: TreatyNames,
    known: list[list[Candidate] | None],
    args: argparse.Namespace,
    cache: Cache | None,
) -> list[list[Candidate]]:
    from ..extract.cache import pipeline_id
    from ..extract.nlp import load_pipeline
    from ..extract.pipeline import extract_candidates, text_size
    from ..progress import Progress

    nlp = load_pipeline(args.model)
    if pipeline_id(nlp) != corpus.pipeline:
        raise QuizgenError(
            f"the shards were parsed with {_shown(corpus.pipeline)}, and the pipeline here is "
            f"{_shown(pipeline_id(nlp))}: name theirs with --model, or extract them again with this one",
            where="--model" if args.model else None,
        )
    jobs = args.jobs or os.cpu_count() or 1
    # (the articles kept count as done at once: the bar moves with those read again)
    with Progress("merge", text_size(corpus.articles), unit="characters") as bar:
        return extract_candidates(
            corpus.articles, nlp, treaties, jobs=jobs, cache=cache, progress=bar.advance, known=known
        )
