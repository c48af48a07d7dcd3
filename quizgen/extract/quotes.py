"""`quote` facts: a direct quotation and who said it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..text import normalize
from .actors import Actor, resolve
from .clauses import reporting_head, subject_of
from .context import ArticleContext, Candidate, Sentence
from .lexicon import QUOTE_GOVERNING, SAYING
from .protocol import register
from .statements import finish
from .syntax import Token, ents

# “…”, "…", and single quotes where they cannot be apostrophes: opening after a space or at the start,
# closing before punctuation or a space ('Russia has questions to answer,' she said).
_QUOTE_RE = re.compile(r"“([^”]*)”|\"([^\"]*)\"|(?:(?<=\s)|^)[‘']([^‘’'\n]{3,}?)[’'](?=[\s,.;:!?]|$)")


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of the words inside quotation marks within text[start:end]."""
    out = []
    for m in _QUOTE_RE.finditer(text, start, end):
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        s, e = m.span(group)
        if e > s:
            out.append((s, e))
    return out


def _worth_quoting(quote: str, before: str = "") -> bool:
    words = quote.split()
    if len(words) < 2:
        # one word is a quotation only when someone is said to have called something so
        return bool(re.search(r"\b(?:call|dub|term|label|describ|brand)\w*\b(?:\s+\w+){0,4}\s*$", before))
    # A capitalised title ("Putin Reiterates …"), not words someone said.
    caps = sum(1 for w in words if w[:1].isupper())
    return not (len(words) <= 8 and caps == len(words))


def speaker_in(sent: Sentence, ctx: ArticleContext) -> Actor | None:
    """The speaker of a sentence: the person (or state) subject of a speech verb outside the quotes."""
    return _speaker_in(sent, ctx)[0]


def _speaker_in(sent: Sentence, ctx: ArticleContext) -> tuple[Actor | None, str]:
    """The sentence's speaker, and how it was found: 'speech_verb' or 'according_to'."""
    for tok in sent.tokens:
        if tok.lemma_ not in SAYING or tok.pos_ not in ("VERB", "AUX") or sent.token_quoted(tok):
            continue
        subj = subject_of(tok)
        if subj is None or sent.token_quoted(subj):
            continue
        actor = resolve(subj, sent, ctx)
        if actor is not None and actor.type in ("person", "country", "organization"):
            return actor, "speech_verb"
    return according_to(sent, ctx), "according_to"


def according_to(sent: Sentence, ctx: ArticleContext) -> Actor | None:
    """'According to White House spokeswoman Sarah Sanders, …': the source of the sentence's claim."""
    if "ccording" not in sent.text:
        return None
    for tok in sent.tokens:
        if tok.lower_ != "according" or sent.token_quoted(tok):
            continue
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(sent.doc) and sent.doc[tok.i + 1].lower_ == "to":
            to = sent.doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if pobj is None:
            continue
        for ent in ents(sent.doc):
            if pobj.left_edge.i <= ent.start and ent.end <= pobj.right_edge.i + 1:
                name = ctx.person(ent.text)
                if name:
                    return Actor(name, name, "person")
        return resolve(pobj, sent, ctx)
    return None


def extract(
    article_text: str,
    quote_span: tuple[int, int],
    sents: list[Sentence],
    ctx: ArticleContext,
    previous_speaker,
) -> Candidate | None:
    """One quotation; `sents` are the sentences of its paragraph, the one it closes in first."""
    qs, qe = quote_span
    quote = article_text[qs:qe]
    first = sents[0]
    if not _worth_quoting(quote, article_text[max(first.start, qs - 60) : qs - 1]):
        return None
    # The verb that governs the quoted words speaks first ("X criticized Moscow for “…”, and Y called
    # the move “…”"), then any speech verb of the sentence, then the rest of the paragraph.
    speaker = _governing_speaker(first, qs, ctx)
    rule = "governing_verb"
    for sent in sents:
        if speaker is not None:
            break
        speaker, rule = _speaker_in(sent, ctx)
        if sent is not first:
            rule = f"paragraph_{rule}"  # another sentence of the paragraph has the speaker
    if speaker is None:
        # A paragraph that is all quotation continues the previous speaker.
        speaker, rule = previous_speaker, "previous_speaker"
    if speaker is None:
        return None
    words = quote.strip().rstrip(",")
    return first.candidate(
        "quote",
        speaker.name if speaker.type == "person" else speaker.answer,
        speaker.answer,
        finish(f"{speaker.shown} said: “{words}”"),
        key=(speaker.name, normalize(quote)),
        rule=f"quotes.{rule}",
        evidence=quote,
        entity=speaker.name,
        entity_type=speaker.type,
        quote=quote,
    )


def _governing_speaker(sent: Sentence, quote_start: int, ctx: ArticleContext) -> Actor | None:
    offset = quote_start - sent.start
    first = next((t for t in sent.tokens if t.idx >= offset and not t.is_punct), None)
    if first is None:
        return None
    tok = first
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_ in QUOTE_GOVERNING and not sent.token_quoted(tok):
            reporter = _reporter(tok, sent, ctx)
            if reporter is not None:
                return reporter
            subj = subject_of(tok)
            actor = resolve(subj, sent, ctx) if subj is not None and not sent.token_quoted(subj) else None
            return actor if actor is not None and actor.type in ("person", "country", "organization") else None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _reporter(verb: Token, sent: Sentence, ctx: ArticleContext) -> Actor | None:
    """'Kong Quan said Beijing opposed … and urged the US to “think carefully”': words inside what a person
    is reported to have said are that person's, not those of the country he speaks for."""
    head = reporting_head(verb, SAYING, through_conj=True)
    if head is None or sent.token_quoted(head):
        return None
    subj = subject_of(head)
    actor = resolve(subj, sent, ctx) if subj is not None else None
    return actor if actor is not None and actor.type == "person" else None


def speaker_of(cand: Candidate) -> Actor:
    return Actor(cand.answer, cand.entity or cand.answer, cand.entity_type or "person")


@dataclass
class ParagraphState:
    """Who spoke in the paragraph before this one, and so far in this one: a paragraph that is all quotation
    continues the previous paragraph's speaker."""

    paragraph: int = -1
    previous: Actor | None = None
    here: Actor | None = None

    def enter(self, paragraph: int) -> None:
        if paragraph != self.paragraph:
            # the speaker carries over from the paragraph right before only (an empty one breaks the chain)
            self.previous = self.here if paragraph == self.paragraph + 1 else None
            self.here = None
            self.paragraph = paragraph


@dataclass
class _ArticleQuotes:
    paragraphs: dict[int, list[Sentence]]  # paragraph → its sentences
    spans: list[list[tuple[int, int]]]  # paragraph → character spans of its quotations
    state: ParagraphState = field(default_factory=ParagraphState)


class Quotes:
    """Quotations and their speakers. A quotation belongs to the sentence it closes in; its speaker may be
    named in another sentence of the paragraph, or in the paragraph before."""

    name = "quotes"
    kind = "quote"

    def learn(self, sents: Sequence[Sentence], ctx: ArticleContext) -> None:
        paragraphs: dict[int, list[Sentence]] = {}
        for sent in sents:
            paragraphs.setdefault(sent.paragraph, []).append(sent)
        spans = [find_quotes(ctx.text, ps, pe) for ps, pe in ctx.paragraphs]
        ctx.state[self.name] = _ArticleQuotes(paragraphs, spans)

    def propose(self, sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
        article: _ArticleQuotes = ctx.state[self.name]
        state = article.state
        state.enter(sent.paragraph)
        out = []
        for (qs, qe), ordered in _closing_in(sent, article):
            cand = extract(ctx.text, (qs, qe), ordered, ctx, state.previous)
            if cand is not None:
                out.append(cand)
                state.here = speaker_of(cand)
                cand.group = f"quote|{qs}"  # it competes with the other speakers proposed (Speakers)
        return out


register(Quotes())


def _closing_in(sent: Sentence, article: _ArticleQuotes) -> list[tuple[tuple[int, int], list[Sentence]]]:
    """The quotations that close in this sentence, each with its paragraph's sentences in the order a speaker is
    looked for: the sentence it closes in first, then the one it opens in, then the rest of the paragraph."""
    para = article.paragraphs[sent.paragraph]
    out = []
    for qs, qe in article.spans[sent.paragraph]:
        if sent.start < qe <= sent.end:
            ordered = [sent] + [x for x in para if x is not sent and x.start <= qs < x.end]
            out.append(((qs, qe), ordered + [x for x in para if x not in ordered]))
    return out


class Speakers:
    """Every plausible speaker of each quotation, as a generous proposal: the rule above names one, and the
    model weighs it against the others (all of one quotation's speakers are one group)."""

    name = "speakers"
    kind = "quote"
    generous = True

    def propose(self, sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
        article: _ArticleQuotes = ctx.state[Quotes.name]  # Quotes has entered this paragraph already
        out = []
        for (qs, qe), ordered in _closing_in(sent, article):
            worth = _worth_quoting(ctx.text[qs:qe], ctx.text[max(sent.start, qs - 60) : qs - 1])
            for alt in speakers(ctx.text, (qs, qe), ordered, ctx, article.state.previous):
                alt.group = f"quote|{qs}"
                alt.hints["worth_quoting"] = str(worth)
                out.append(alt)
                out.append(_as_position(alt, sent, qs))
        return out


def _as_position(quote: Candidate, sent: Sentence, qs: int) -> Candidate:
    """Words someone is quoted saying state that someone's view: each possible speaker of the quotation, as a
    position (one position per actor and sentence is kept, whatever proposed it)."""
    words = (quote.quote or "").strip().rstrip(",")
    return sent.candidate(
        "position", quote.subject, quote.answer, quote.statement, key=(quote.entity or quote.answer, normalize(words)),
        rule=quote.rule.replace("speakers.", "speakers.position_"), entity=quote.entity,
        entity_type=quote.entity_type, stance="say", group=f"position|{sent.index}|{quote.entity or quote.answer}",
        hints=dict(quote.hints),
    )  # fmt: skip


register(Speakers())


def speakers(
    text: str, span: tuple[int, int], sents: list[Sentence], ctx: ArticleContext, previous: Actor | None
) -> list[Candidate]:
    """Every plausible speaker of one quotation, one candidate each; `sents` are its paragraph, the sentence
    it closes in first. The rule above picks one; these let the model weigh the others."""
    from .proposals import described_actor

    qs, qe = span
    quote = text[qs:qe]
    words = quote.strip().rstrip(",")
    first = sents[0]
    if not words:
        return []
    found: list[tuple[Actor, str, str]] = []  # (speaker, how, where)
    governing = _governing_speaker(first, qs, ctx)
    if governing is not None:
        found.append((governing, "governing", "same"))
    # where each sentence of the paragraph stands against the quotation's own
    wheres = ["same" if n == 0 else "before" if s.start < first.start else "after" for n, s in enumerate(sents)]
    for sent, where in zip(sents, wheres, strict=True):  # "…," a senior EU official said: someone described,
        # not named (also in the sentence before: '"There is no map," one Western official said. "Whoever …"')
        for tok in sent.tokens:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in SAYING and not sent.token_quoted(tok):
                described = described_actor(tok)
                if described is not None:
                    found.append((described, "described", where))
    for sent, where in zip(sents, wheres, strict=True):
        who, how = _speaker_in(sent, ctx)
        if who is not None:
            found.append((who, how, where))
    if previous is not None:
        found.append((previous, "previous_paragraph", "paragraph"))
    for name, how in ((ctx.last_subject, "last_subject"), (ctx.recent[-1] if ctx.recent else None, "last_person")):
        if name:
            found.append((Actor(name, name, "person"), how, "article"))
    if ctx.speakers:
        found.append((Actor(ctx.speakers[-1], ctx.speakers[-1], "person"), "last_speaker", "article"))
    offset = qs - first.start  # the person named last before the quotation, in its sentence
    before = [e for e in ents(first.doc) if e.label_ == "PERSON" and e.end_char <= offset]
    name = ctx.person(before[-1].text) if before else None
    if name:
        found.append((Actor(name, name, "person"), "nearest_person", "same"))
    out: dict[str, Candidate] = {}
    for actor, how, where in found:
        if actor.type == "treaty":
            continue
        if actor.name in out:
            out[actor.name].hints.setdefault(f"also_{how}", "1")
            continue
        out[actor.name] = first.candidate(
            "quote", actor.name if actor.type == "person" else actor.answer, actor.answer,
            finish(f"{actor.shown} said: “{words}”"), key=(actor.name, normalize(quote)), rule=f"speakers.{how}",
            evidence=quote, entity=actor.name, entity_type=actor.type, quote=quote, hints={"where": where},
        )  # fmt: skip
    return list(out.values())
