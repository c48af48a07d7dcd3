"""Why-questions, where the article gives the reason: "Russia suspended its part in the treaty, citing US support
for Ukraine" → "Why did Russia suspend its part in the treaty?", the reason among other reasons the deck gives.

Asked as a fact's multiple choice (a reason is too long to type word for word). Pure: reads the deck's
evidence sentences, as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Fact, Item
from ..text import normalize
from .context import Context
from .gates import opens_quote
from .phrasing import question_from_clause, starts_with_name

# The words that give a reason, set off after the clause they explain. ("since" and "as" are left out: as
# often they say when.)
_REASON = re.compile(
    r",?\s+(?:(?:partly|largely|mainly|chiefly|precisely|only|simply|in part)\s+)?"
    r"(?:citing|because(?: of)?|in (?:response|reply) to|in retaliation for|in protest (?:at|against|over)|"
    r"due to (?=the |an? |its |their |his |her |concerns? )|owing to|on the grounds that|for fear (?:of|that))"
    r"\s+(?P<reason>[^.;:!?“”\"()]+?)\s*(?:[.;:!?]|$)"
)
# Words one of which every cue of _REASON holds: a sentence without any has no reason to find, and this
# search is five times cheaper than _REASON's (a deck of 50,000 facts is searched whole for its first question).
_CUE = re.compile(r"citing|because|in (?:response|reply|retaliation|protest)|due to|owing to|on the grounds|for fear")
# A clause that reports speech or joins two clauses: its reason may be the other clause's.
_NOT_ONE_CLAUSE = re.compile(
    r"\b(?:but|which|who|whom|whose|said|says|say|told|while|whereas|although)\b|, and\b|"
    r"\band (?:was|were|is|are|has|have|had|did)\b|"  # "expired in 2013 and was not renewed"
    r", \w+ing\b"  # "approved the text, meeting at an air base": the reason may be the meeting's
)
# A second finite verb after the first: "Negotiations held at Pskov were broken off" (the first was no verb)
_SECOND_VERB = re.compile(r"^\S+ .*\b(?:is|are|was|were|has|have|had)\b")
# A time or place phrase before the subject ("On 21 February, …", "Last year, …"): the clause begins after it.
_OPENER = re.compile(r"^(?:(?:On|In|At|By|Last|Earlier|Later|Since|After|Before)\b[^,]{0,50},\s+)")
MIN_WORDS, MAX_WORDS = 2, 14
MIN_OTHERS = 2  # wrong reasons: with fewer, the question is a coin toss


@dataclass(frozen=True)
class Why:
    fact: str
    source: str
    sentence: str  # the evidence sentence (one why-question per sentence)
    prompt: str
    reason: str


def _why(ctx: Context, fact: Fact) -> Why | None:
    """The why-question the fact's first sentence supports, if any."""
    if fact.kind not in ("event", "position", "date", "limit", "signatory"):
        return None
    ev = fact.evidence[0]
    text = ev.text.strip()
    m = _REASON.search(text) if _CUE.search(text) else None
    if m is None or opens_quote(text[: m.start()]):
        return None
    reason = m.group("reason").strip(" ,")
    if not MIN_WORDS <= len(reason.split()) <= MAX_WORDS or reason[:1].isupper() and reason.split()[0] in ("I", "We"):
        return None
    clause = _OPENER.sub("", text[: m.start()].strip(" ,"))
    if _NOT_ONE_CLAUSE.search(clause) or not 4 <= len(clause.split()) <= 24:
        return None
    for name in (fact.entity, fact.subject, fact.answer):
        head = starts_with_name(ctx, clause, name) if name else None
        if head and not _SECOND_VERB.match(clause[len(head) :].strip()):
            prompt = question_from_clause(ctx, clause, name, "Why")
            if prompt is not None:
                return Why(fact.id, ev.source, text, prompt, reason)
    return None


def _overlap(a: str, b: str) -> bool:
    x, y = normalize(a), normalize(b)
    return not x or not y or x in y or y in x


def _all(ctx: Context) -> dict[str, Why]:
    """Fact id → its why-question, for the first fact of each sentence that has one (the other facts of the
    sentence would ask the same), built once per deck."""
    if "why" not in ctx.memo:
        out: dict[str, Why] = {}
        seen: set[tuple[str, str]] = set()
        for f in ctx.deck.facts:
            # (a sentence that has its question already is not looked at again for its other facts)
            if not f.evidence or (f.evidence[0].source, f.evidence[0].text.strip()) in seen:
                continue
            w = _why(ctx, f)
            if w is not None and (w.source, w.sentence) not in seen:
                seen.add((w.source, w.sentence))
                out[f.id] = w
        ctx.memo["why"] = out
    return ctx.memo["why"]


def make(ctx: Context, fact: Fact) -> Item | None:
    """The fact's why-question as multiple choice, with reasons given for other things as the wrong options
    (from its own article first), or None."""
    mine = _all(ctx).get(fact.id)
    if mine is None:
        return None
    rng = ctx.rng(fact.id, "why")
    others = [w for w in _all(ctx).values() if w.fact != fact.id]
    near = [w.reason for w in others if w.source == mine.source]
    far = [w.reason for w in others if w.source != mine.source]
    rng.shuffle(far)
    wrong: list[str] = []
    for reason in near + far:
        if not any(_overlap(reason, x) for x in [mine.reason, *wrong]):
            wrong.append(reason)
    if len(wrong) < MIN_OTHERS:
        return None
    options = [mine.reason, *wrong[:3]]
    rng.shuffle(options)
    return ctx.item(fact, "multiple_choice", mine.prompt, mine.reason, choices=tuple(options))
