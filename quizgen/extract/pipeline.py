"""From articles to a deck: sentences → spaCy → one extractor per kind → merge."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Article, DateValue, Deck
from ..text import sentence_spans
from . import dates, events, limits, positions, quotes, roles, signatories
from .context import ArticleContext, Candidate, Sentence, find_treaty_names
from .merge import merge
from .treaties import TreatyNames

# Bump when extraction rules change, so cached results are not reused.
EXTRACTOR_VERSION = "1"

SENTENCE_EXTRACTORS = (dates.extract, signatories.extract, limits.extract, positions.extract, events.extract)


def for_parser(text: str) -> str:
    """The sentence as spaCy should see it: a no-break space splits tokens like a space (same length, so
    character offsets still point into the original)."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


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
        sents.append(Sentence(article.source.id, i, s, e, text[s:e], doc, quoted))
    published = DateValue.parse(article.source.published) if article.source.published else None
    ctx = ArticleContext(article.source.id, published, treaties)
    for sent in sents:
        ctx.learn_people(sent)
        ctx.learn_treaties(sent)

    out: list[Candidate] = []
    previous_speaker = None
    for p in range(len(article.paragraphs)):
        para = [s for s, (_, _, sp) in zip(sents, plan, strict=True) if sp == p]
        speaker_here = None
        for sent in para:
            found = roles.extract(sent, ctx)
            roles.learn(found, ctx)
            for extractor in SENTENCE_EXTRACTORS:
                found += extractor(sent, ctx)
            for qs, qe in para_quotes[p]:
                if not (sent.start < qe <= sent.end):
                    continue
                ordered = [sent] + [x for x in para if x is not sent and x.start <= qs < x.end]
                ordered += [x for x in para if x not in ordered]
                cand = quotes.extract(text, (qs, qe), ordered, ctx, previous_speaker)
                if cand is not None:
                    found.append(cand)
                    speaker_here = quotes.speaker_of(cand)
            out.extend(found)
            _remember(sent, found, ctx)
        previous_speaker = speaker_here
    return out


def _remember(sent: Sentence, found: list[Candidate], ctx: ArticleContext) -> None:
    """Track who was mentioned and who spoke, for 'he' and 'the spokesman' in later sentences."""
    for ent in sent.doc.ents:
        if ent.label_ == "PERSON":
            name = ctx.person(ent.text)
            if name:
                ctx.mention(name)
    speaker = quotes.speaker_in(sent, ctx)
    if speaker is not None and speaker.type == "person":
        ctx.speakers.append(speaker.name)
    for c in found:
        if c.kind in ("position", "quote") and c.entity_type == "person" and c.entity:
            ctx.speakers.append(c.entity)


def extract_articles(articles: Sequence[Article], nlp: Any, title: str, batch_size: int = 64) -> Deck:
    """Extract and merge facts from articles with a loaded spaCy pipeline."""
    treaties = treaty_names(articles)
    candidates: list[Candidate] = []
    for article in articles:
        plan = sentence_plan(article)
        docs = list(nlp.pipe((for_parser(article.text[s:e]) for s, e, _ in plan), batch_size=batch_size))
        candidates.extend(extract_article(article, docs, treaties))
    return merge(candidates, articles, treaties, title)
