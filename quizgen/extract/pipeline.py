"""From articles to a deck: sentences → spaCy → extractors propose → the trained model decides → merge."""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from ..model import Article, DateValue, Deck
from ..text import for_parser, normalize, sentence_spans
from . import cache as _cache
from . import quotes
from .cache import Cache
from .context import ArticleContext, Candidate, Sentence, as_written, find_treaty_names
from .decide import Model, Scored, choose, load_model
from .features import ArticleStats, Proposal, features
from .merge import merge
from .orphans import die_with_parent
from .protocol import Learner, extractors
from .syntax import ents
from .treaties import AskedNames, TreatyNames, organisation_acronyms

# The longest sentence read (characters). The annotated corpora's longest is 590; a run of 200,000 characters
# with no full stop is a table, a log or an attack, and parsing it whole would take minutes and gigabytes.
MAX_SENTENCE_CHARS = 2000


def sentence_plan(article: Article) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of every body sentence, but those longer than MAX_SENTENCE_CHARS."""
    out = []
    for p, (ps, pe) in enumerate(article.paragraphs):
        out.extend((s, e, p) for s, e in sentence_spans(article.text, ps, pe) if e - s <= MAX_SENTENCE_CHARS)
    return out


def overlong_sentences(article: Article) -> list[tuple[int, int]]:
    """(start, end) of the runs sentence_plan leaves out as too long to be a sentence: the command warns. Only
    a paragraph longer than a sentence may hold one, so the rest are not split again."""
    return [
        (s, e)
        for ps, pe in article.paragraphs
        if pe - ps > MAX_SENTENCE_CHARS
        for s, e in sentence_spans(article.text, ps, pe)
        if e - s > MAX_SENTENCE_CHARS
    ]


def treaty_names(articles: Iterable[Article]) -> TreatyNames:
    """The corpus's treaty names, counted: first those written as a treaty's (and the acronyms they introduce),
    then the bare acronyms that this made known ("CITES" after "… Flora (CITES)")."""
    articles = list(articles)
    names = TreatyNames()
    # (not the headlines: a title-case one runs words into a name, "Bush, Putin Sign Pact")
    texts = [a.text[ps:pe] for a in articles for ps, pe in a.paragraphs]
    written = [find_treaty_names(text) for text in texts]
    for text, found in zip(texts, written, strict=True):
        names.organisations |= organisation_acronyms(text)
        for name, alias in found:
            names.add(name, alias)
    for text, found in zip(texts, written, strict=True):
        once = Counter(name for name, _ in found)
        for name in (Counter(name for name, _ in find_treaty_names(text, names)) - once).elements():
            names.add(name)
    return names


def propose_article(
    article: Article, docs: Sequence[Any], treaties: TreatyNames, tick: Callable[[float], None] | None = None
) -> list[Proposal]:
    """Every proposal of one article, given the spaCy docs of its sentences (in `sentence_plan` order), with
    the features the model reads: what every registered extractor proposes, one proposal per kind, sentence
    and answer (and quotation), pooling the rules that proposed the same thing."""
    text = article.text
    plan = sentence_plan(article)
    para_quotes = [quotes.find_quotes(text, ps, pe) for ps, pe in article.paragraphs]
    sents: list[Sentence] = []
    for i, ((s, e, p), doc) in enumerate(zip(plan, docs, strict=True)):
        quoted = [(max(qs, s) - s, min(qe, e) - s) for qs, qe in para_quotes[p] if qs < e and qe > s]
        sents.append(Sentence(article.source.id, i, s, e, text[s:e], doc, quoted, p))
    published = DateValue.parse(article.source.published) if article.source.published else None
    ctx = ArticleContext(article.source.id, published, treaties, text, article.paragraphs)
    ctx.learn_title(article.lead or article.source.title or "")
    for sent in sents:
        ctx.learn_people(sent)
        ctx.learn_treaties(sent)
    proposers = extractors()
    for extractor in proposers:
        if isinstance(extractor, Learner):
            extractor.learn(sents, ctx)

    out: list[tuple[Sentence, Proposal]] = []
    for sent in sents:
        if tick is not None:
            tick(sent.index / len(sents))
        ctx.at = sent.index
        known: list[Candidate] = []  # what the rules found: read on as known (who spoke last)
        pooled: dict[tuple[str, str, str], list[Proposal]] = {}
        for extractor in proposers:
            found = list(extractor.propose(sent, ctx))
            if not getattr(extractor, "generous", False):
                known += found
            for cand in found:
                cand.answer = as_written(cand.evidence, cand.answer)  # built from the parse, written as written
                _pool(cand, pooled, out, sent, extractor.name)
        _remember(sent, known, ctx)
    stats = ArticleStats.of(plan, [p.cand for _, p in out])
    for sent, prop in out:
        if prop.cand.anchor < 0:
            prop.cand.anchor = _token_at(sent, prop.cand.answer)
        prop.features = features(prop, sent, stats)
    return [prop for _, prop in out]


def _pool(
    cand: Candidate,
    pooled: dict[tuple[str, str, str], list[Proposal]],
    out: list[tuple[Sentence, Proposal]],
    sent: Sentence,
    extractor: str,
) -> None:
    """One proposal per claim: a candidate of the kind, answer (and quotation) of one another extractor made
    in this sentence joins it, rules pooled; one extractor's own candidates stay apart (two stances of one
    actor in one sentence are two claims)."""
    same = pooled.setdefault((cand.kind, normalize(cand.answer), cand.quote or ""), [])
    home = next((p for p in same if not any(r.split(".", 1)[0] == extractor for r in p.rules)), None)
    if home is not None:
        home.pool(cand)
        return
    same.append(Proposal(cand, [cand.rule]))
    out.append((sent, same[-1]))


def _token_at(sent: Sentence, answer: str) -> int:
    """The token where `answer` starts in the sentence, or -1."""
    at = sent.text.find(answer)
    if at < 0:
        return -1
    return next((t.i for t in sent.tokens if t.idx <= at < t.idx + max(1, len(t.text))), -1)


def extract_article(
    article: Article,
    docs: Sequence[Any],
    treaties: TreatyNames,
    model: Model | None = None,
    rules_only: bool = False,
    tick: Callable[[float], None] | None = None,
) -> list[Candidate]:
    """The candidates of one article that the model keeps (the shipped model unless one is given); with
    `rules_only`, what the rule extractors alone propose, undecided. `tick(f)`: the share f of the sentences
    read so far."""
    props = propose_article(article, docs, treaties, tick)
    if rules_only:
        return by_rules(props)
    return decided(props, model or load_model())


def by_rules(props: Sequence[Proposal]) -> list[Candidate]:
    """What the rule extractors proposed, as they proposed it: no generous proposal, no model."""
    generous = {e.name for e in extractors() if getattr(e, "generous", False)}
    return [_claim(p.cand) for p in props if p.cand.rule.split(".", 1)[0] not in generous]


def decided(props: Sequence[Proposal], model: Model) -> list[Candidate]:
    """The candidates the model keeps."""
    scored = [
        Scored(i, p.cand.kind, model.probability(p.cand.kind, p.features), p.cand.group) for i, p in enumerate(props)
    ]
    return [replace(_claim(props[i].cand), confidence=round(scored[i].p, 2)) for i in choose(scored, model)]


def _claim(cand: Candidate) -> Candidate:
    """The candidate without what only the model reads (so the cache and the merge see claims alone)."""
    return replace(cand, anchor=-1, trigger=-1, group="", hints={})


def _remember(sent: Sentence, found: list[Candidate], ctx: ArticleContext) -> None:
    """Track who was mentioned and who spoke, for 'he' and 'the spokesman' in later sentences."""
    for ent in ents(sent.doc):
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
    rules_only: bool = False,
) -> Deck:
    """Extract and merge facts from articles with a loaded spaCy pipeline.

    `jobs` > 1 parses and extracts in that many worker processes; `cache` reuses the parses and candidates
    of articles seen before (see cache.py); `progress(n)` is called as the next n characters of article text
    are done (they add up to `text_size(articles)`): within an article too, when it is read here. None of these
    changes the deck: it is the same, byte for byte, however it was made. `rules_only`: the deck of what the
    rule extractors alone propose, without the model's decision (never cached).
    """
    treaties = treaty_names(articles)
    found = extract_candidates(
        articles, nlp, treaties, batch_size, jobs=jobs, cache=cache, progress=progress, rules_only=rules_only
    )
    return merge_found(found, articles, treaties, title)


def merge_found(
    found: Sequence[Sequence[Candidate]], articles: Sequence[Article], treaties: TreatyNames, title: str
) -> Deck:
    """The deck of every article's candidates (`found[i]`: those of `articles[i]`), merged: what `extract`
    writes, and `quizgen merge` from the candidates of shards extracted apart."""
    candidates: list[Candidate] = []
    for cands in found:
        candidates.extend(cands)
    return merge(candidates, articles, treaties, title)


def extract_candidates(
    articles: Sequence[Article],
    nlp: Any,
    treaties: TreatyNames,
    batch_size: int = 64,
    *,
    jobs: int = 1,
    cache: Cache | None = None,
    progress: Callable[[int], None] | None = None,
    rules_only: bool = False,
    known: Sequence[list[Candidate] | None] = (),
    asked: list[list[str] | None] | None = None,
) -> list[list[Candidate]]:
    """The candidates of each article, extracted under the corpus-wide `treaties` (see `extract_articles`
    for the options). `known[i]`, when given and not None, are those of `articles[i]` already: taken as
    they are, neither parsed nor looked up (`quizgen merge` passes those its shards hold). `asked`, when
    given, is filled with the treaty names each article's extraction asked about (treaties.AskedNames), or
    None where that is not known (a known article, or a cached one whose note is missing)."""
    if rules_only:
        cache = None
    found: list[list[Candidate] | None] = [None] * len(articles)
    names: list[list[str] | None] = [None] * len(articles)
    todo: list[int] = []  # articles whose candidates must be extracted
    keys: dict[int, tuple[str, str]] = {}  # article -> (parse key, candidates key)
    parsed: dict[int, bytes] = {}  # article -> cached DocBin bytes
    if cache is not None:
        pid = _cache.pipeline_id(nlp)
        table = _cache.treaty_table(treaties)
    for i, article in enumerate(articles):
        if i < len(known) and known[i] is not None:
            found[i] = known[i]
            if progress:
                progress(len(article.text))
            continue
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
            if asked is not None:
                names[i] = _cache.load_names(cache.get("asked", ckey))
            if progress:
                progress(len(article.text))
            continue
        todo.append(i)
        data = cache.get("parse", pkey)
        if data is not None:
            parsed[i] = data

    work = [(articles[i], parsed.get(i)) for i in todo]
    shares = [_Share(a.text, progress) for a, _ in work]
    runs = _run(work, nlp, treaties, batch_size, jobs, cache is not None, rules_only, shares)
    for i, share, (cands, docbin, asked_here) in zip(todo, shares, runs, strict=True):
        found[i], names[i] = cands, asked_here
        if cache is not None:
            pkey, ckey = keys[i]
            if docbin is not None:
                cache.put("parse", pkey, docbin)
            dumped = _cache.dump_candidates(cands)
            if dumped is not None:
                cache.put("cands", ckey, dumped)
                cache.put("asked", ckey, _cache.dump_names(asked_here))
        share.to(1.0)
    if asked is not None:
        asked[:] = names
    return [cands or [] for cands in found]


def text_size(articles: Sequence[Article]) -> int:
    """What `extract_articles` reports progress in: characters of article text."""
    return sum(len(a.text) for a in articles)


class _Share:
    """One article's part of the progress, reported in its characters: parsing its sentences is the first two
    thirds of the work, reading them with the rules and the model the last (measured on articles of 100 and
    300 KB: 13 s and 7 s, 43 s and 20 s)."""

    def __init__(self, text: str, progress: Callable[[int], None] | None) -> None:
        self.size = len(text)
        self.progress = progress
        self.sent = 0

    def to(self, fraction: float) -> None:
        n = int(self.size * min(fraction, 1.0)) - self.sent
        if n > 0 and self.progress is not None:
            self.sent += n
            self.progress(n)

    def parsing(self, fraction: float) -> None:
        self.to(fraction * 2 / 3)

    def reading(self, fraction: float) -> None:
        self.to(2 / 3 + fraction / 3)


def _parser_texts(article: Article) -> list[str]:
    return [for_parser(article.text[s:e]) for s, e, _ in sentence_plan(article)]


# What worker processes use: set before they are forked, so the pipeline is not pickled.
_WORKER: tuple[Any, TreatyNames, int, bool, bool] | None = None


def _cached_docs(article: Article, nlp: Any, docbin: bytes) -> list[Any] | None:
    """The docs of a cached parse, when it is sound and fits the article's sentences."""
    from spacy.tokens import DocBin

    try:
        docs = list(DocBin().from_bytes(docbin).get_docs(nlp.vocab))
    except Exception:  # noqa: BLE001 - a corrupt cache entry is a miss, whatever spaCy raises
        return None
    return docs if len(docs) == len(sentence_plan(article)) else None


def _to_keep(docs: list[Any]) -> bytes:
    from spacy.tokens import DocBin

    return DocBin(store_user_data=False, docs=docs).to_bytes()


def parsed(
    article: Article,
    nlp: Any,
    docbin: bytes | None,
    batch_size: int = 64,
    keep: bool = False,
    tick: Callable[[float], None] | None = None,
) -> tuple[list[Any], bytes | None]:
    """The spaCy docs of an article's sentences: from a cached parse (`docbin`) when it is sound and fits,
    else parsed now; with `keep`, also the bytes of a parse made here, to cache. `tick(f)`: the share f of
    the characters parsed so far."""
    if docbin is not None and (docs := _cached_docs(article, nlp, docbin)) is not None:
        return docs, None
    texts = _parser_texts(article)
    total, done, docs = max(1, sum(map(len, texts))), 0, []
    for doc in nlp.pipe(texts, batch_size=batch_size):
        docs.append(doc)
        done += len(doc.text)
        if tick is not None:
            tick(done / total)
    return docs, _to_keep(docs) if keep else None


def _stream(
    work: Sequence[tuple[Article, bytes | None]],
    nlp: Any,
    treaties: TreatyNames,
    batch_size: int,
    keep: bool,
    rules_only: bool = False,
    shares: Sequence[_Share] = (),
) -> Iterator[tuple[list[Candidate], bytes | None, list[str]]]:
    """Each article's candidates, its parse to cache (with `keep`) and the treaty names it asked about, in
    order. The sentences of every article without a cached parse go through one `nlp.pipe` stream, so its
    batches run across articles' ends (6-10% faster than a call per article, whose last batch is short);
    each article is read as soon as its last sentence is parsed. An article whose cached parse proves
    unusable is parsed on its own."""
    totals: dict[int, int] = {}  # article -> characters of its sentences, set as the stream reaches it

    def texts() -> Iterator[tuple[str, int]]:
        for k, (article, docbin) in enumerate(work):
            if docbin is None:
                mine = _parser_texts(article)
                totals[k] = max(1, sum(map(len, mine)))
                yield from ((t, k) for t in mine)

    stream = nlp.pipe(texts(), batch_size=batch_size, as_tuples=True)
    ahead: tuple[Any, int] | None = next(stream, None)  # the next parsed sentence, and whose it is
    for k, (article, docbin) in enumerate(work):
        share = shares[k] if k < len(shares) else None
        if docbin is not None:
            docs, out = parsed(article, nlp, docbin, batch_size, keep, share.parsing if share else None)
        else:
            docs, done = [], 0
            while ahead is not None and ahead[1] == k:
                docs.append(ahead[0])
                done += len(ahead[0].text)
                if share is not None:
                    share.parsing(done / totals[k])
                ahead = next(stream, None)
            totals.pop(k, None)
            out = _to_keep(docs) if keep else None
        names = AskedNames(treaties)  # (what the article asks of the treaty names: see quizgen merge)
        cands = extract_article(article, docs, names, rules_only=rules_only, tick=share.reading if share else None)
        yield cands, out, sorted(names.asked)


def _in_worker(chunk: list[tuple[Article, bytes | None]]) -> list[tuple[list[Candidate], bytes | None, list[str]]]:
    assert _WORKER is not None
    nlp, treaties, batch_size, keep, rules_only = _WORKER
    return list(_stream(chunk, nlp, treaties, batch_size, keep, rules_only))


def _run(
    work: list[tuple[Article, bytes | None]],
    nlp: Any,
    treaties: TreatyNames,
    batch_size: int,
    jobs: int,
    keep: bool,
    rules_only: bool = False,
    shares: Sequence[_Share] = (),
) -> Iterator[tuple[list[Candidate], bytes | None, list[str]]]:
    """Results for `work`, in order: here (telling each article's `shares` how far it got), or in `jobs`
    forked processes when that is worth it (an article's progress then comes when it is done)."""
    global _WORKER
    jobs = min(jobs, len(work))
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from _stream(work, nlp, treaties, batch_size, keep, rules_only, shares)
        return
    _WORKER = (nlp, treaties, batch_size, keep, rules_only)
    size = max(1, min(8, len(work) // (jobs * 8)))  # articles a worker streams at a time
    chunks = [work[i : i + size] for i in range(0, len(work), size)]
    try:
        # fork: the workers share the loaded pipeline instead of each loading (or unpickling) it.
        with ProcessPoolExecutor(
            jobs,
            mp_context=multiprocessing.get_context("fork"),
            initializer=die_with_parent,
            initargs=(os.getpid(),),
        ) as pool:
            for results in pool.map(_in_worker, chunks):
                yield from results
    finally:
        _WORKER = None
