"""From articles to a deck: sentences → spaCy → one extractor per kind → merge."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from ..model import Article, DateValue, Deck
from ..text import for_parser, sentence_spans
from . import cache as _cache
from . import quotes
from .cache import Cache
from .context import ArticleContext, Candidate, Sentence, as_written, find_treaty_names
from .merge import merge
from .protocol import Learner, extractors
from .treaties import TreatyNames

# Bump when extraction rules change, so cached results are not reused.
EXTRACTOR_VERSION = "1"


def sentence_plan(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of every body sentence."""
    out = []
    for p, (ps, pe) in enumerate(article.paragraphs):
        out.extend((s, e, p) for s, e in sentence_spans(article.text, ps, pe))
    return out


def treaty_names(articles: Iterable[Article]) -> TreatyNames:
    names = TreatyNames()
    for article in articles:
        for ps, pe in article.paragraphs:
            for name, alias in find_treaty_names(article.text[ps:pe]):
                names.add(name, alias)
    return names


def extract_article(article: Article, docs: Sequence[Any], treaties: TreatyNames) -> list[Candidate]:
    """Candidates from one article, given the spaCy docs of its sentences (in `sentence_plan` order)."""
    text = article.text
    plan = sentence_plan(article)
    para_quotes = [quotes.find_quotes(text, ps, pe) for ps, pe in article.paragraphs]
    sents: list[Sentence] = []
    for i, ((s, e, p), doc) in enumerate(zip(plan, docs, strict=True)):
        quoted = [(max(qs, s) - s, min(qe, e) - s) for qs, qe in para_quotes[p] if qs < e and qe > s]
        sents.append(Sentence(article.source.id, i, s, e, text[s:e], doc, quoted, p))
    published = DateValue.parse(article.source.published) if article.source.published else None
    ctx = ArticleContext(article.source.id, published, treaties, text, article.paragraphs)
    for sent in sents:
        ctx.learn_people(sent)
        ctx.learn_treaties(sent)
    proposers = extractors()
    for extractor in proposers:
        if isinstance(extractor, Learner):
            extractor.learn(sents, ctx)

    out: list[Candidate] = []
    for sent in sents:
        ctx.at = sent.index
        found: list[Candidate] = []
        for extractor in proposers:
            found += extractor.propose(sent, ctx)
        for cand in found:  # answers built from the parse, written as the article writes them
            cand.answer = as_written(cand.evidence, cand.answer)
        out.extend(found)
        _remember(sent, found, ctx)
    return out


def _remember(sent: Sentence, found: list[Candidate], ctx: ArticleContext) -> None:
    """Track who was mentioned and who spoke, for 'he' and 'the spokesman' in later sentences."""
    for ent in sent.doc.ents:
        if ent.label_ == "PERSON":
            name = ctx.person(ent.text)
            if name:
                ctx.mention(name)
    ctx.note_subject(sent)
    speaker = quotes.speaker_in(sent, ctx)
    if speaker is not None and speaker.type == "person":
        ctx.speakers.append(speaker.name)
    for c in found:
        if c.kind in ("position", "quote") and c.entity_type == "person" and c.entity:
            ctx.speakers.append(c.entity)


def extract_articles(
    articles: Sequence[Article],
    nlp: Any,
    title: str,
    batch_size: int = 64,
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Callable[[int], None] | None = None,
) -> Deck:
    """Extract and merge facts from articles with a loaded spaCy pipeline.

    `jobs` > 1 parses and extracts in that many worker processes; `cache` reuses the parses and candidates
    of articles seen before (see cache.py); `progress(n)` is called as articles are done. None of these
    changes the deck: it is the same, byte for byte, however it was made.
    """
    treaties = treaty_names(articles)
    found: list[list[Candidate] | None] = [None] * len(articles)
    todo: list[int] = []  # articles whose candidates must be extracted
    keys: dict[int, tuple[str, str]] = {}  # article -> (parse key, candidates key)
    parsed: dict[int, bytes] = {}  # article -> cached DocBin bytes
    if cache is not None:
        pid = _cache.pipeline_id(nlp)
        table = _cache.treaty_table(treaties)
    for i, article in enumerate(articles):
        if cache is None:
            todo.append(i)
            continue
        pkey = _cache.parse_key(pid, _parser_texts(article))
        ckey = _cache.candidates_key(pkey, article, table)
        keys[i] = (pkey, ckey)
        data = cache.get("cands", ckey)
        cands = _cache.load_candidates(data) if data is not None else None
        if cands is not None:
            found[i] = cands
            if progress:
                progress(1)
            continue
        todo.append(i)
        data = cache.get("parse", pkey)
        if data is not None:
            parsed[i] = data

    work = [(articles[i], parsed.get(i)) for i in todo]
    for i, (cands, docbin) in zip(todo, _run(work, nlp, treaties, batch_size, jobs, cache is not None), strict=True):
        found[i] = cands
        if cache is not None:
            pkey, ckey = keys[i]
            if docbin is not None:
                cache.put("parse", pkey, docbin)
            dumped = _cache.dump_candidates(cands)
            if dumped is not None:
                cache.put("cands", ckey, dumped)
        if progress:
            progress(1)

    candidates: list[Candidate] = []
    for cands in found:
        candidates.extend(cands or ())
    return merge(candidates, articles, treaties, title)


def _parser_texts(article: Article) -> list[str]:
    return [for_parser(article.text[s:e]) for s, e, _ in sentence_plan(article)]


# What worker processes use: set before they are forked, so the pipeline is not pickled.
_WORKER: tuple[Any, TreatyNames, int, bool] | None = None


def _one(
    article: Article, docbin: bytes | None, nlp: Any, treaties: TreatyNames, batch_size: int, keep: bool
) -> tuple[list[Candidate], bytes | None]:
    """One article's candidates, from its cached parse when given; also its parse to cache (if `keep` and
    it was parsed here)."""
    from spacy.tokens import DocBin

    if docbin is not None:
        try:
            docs = list(DocBin().from_bytes(docbin).get_docs(nlp.vocab))
        except Exception:  # noqa: BLE001 - a corrupt cache entry is a miss, whatever spaCy raises
            docs = None
        if docs is not None and len(docs) == len(sentence_plan(article)):
            return extract_article(article, docs, treaties), None
    docs = list(nlp.pipe(_parser_texts(article), batch_size=batch_size))
    out = DocBin(store_user_data=False, docs=docs).to_bytes() if keep else None
    return extract_article(article, docs, treaties), out


def _in_worker(job: tuple[Article, bytes | None]) -> tuple[list[Candidate], bytes | None]:
    assert _WORKER is not None
    nlp, treaties, batch_size, keep = _WORKER
    return _one(job[0], job[1], nlp, treaties, batch_size, keep)


def _run(
    work: list[tuple[Article, bytes | None]], nlp: Any, treaties: TreatyNames, batch_size: int, jobs: int, keep: bool
) -> Iterator[tuple[list[Candidate], bytes | None]]:
    """Results for `work`, in order: here, or in `jobs` forked processes when that is worth it."""
    global _WORKER
    jobs = min(jobs, len(work))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for article, docbin in work:
            yield _one(article, docbin, nlp, treaties, batch_size, keep)
        return
    _WORKER = (nlp, treaties, batch_size, keep)
    try:
        # fork: the workers share the loaded pipeline instead of each loading (or unpickling) it.
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            yield from pool.map(_in_worker, work, chunksize=max(1, min(8, len(work) // (jobs * 8))))
    finally:
        _WORKER = None
