"""`event` facts: speeches at named gatherings, withdrawals from treaties, meetings declined or planned."""

from __future__ import annotations

from ..text import normalize
from .actors import resolve
from .context import ArticleContext, Candidate, Sentence, find_treaty_names
from .entities import MEETING_WORDS, TREATY_WORDS
from .statements import finish, past, with_the
from .syntax import Token, noun_phrase, span_text, subject_of, trim, verb_group

SPEECH_AT = {"address", "speak", "attend", "host", "tell", "participate", "visit", "open", "chair"}
WITHDRAW = {
    "leave",
    "withdraw",
    "quit",
    "exit",
    "abandon",
    "suspend",
    "terminate",
    "ditch",
    "scrap",
    "rejoin",
    "join",
    "renounce",
}
DECLINE = {"decline", "cancel", "postpone", "refuse", "reject", "skip", "boycott", "ditch", "call"}
HAPPEN = {"take", "hold", "begin", "start", "resume", "open", "convene"}
_HYPOTHETICAL_HEADS = {
    "want",
    "wish",
    "hope",
    "call",
    "urge",
    "propose",
    "demand",
    "threaten",
    "consider",
    "ask",
    "plan",
    "seek",
    "decide",
}


def _gathering(tok: Token) -> bool:
    """A meeting-like noun: 'meeting', 'summit', 'event', or a named ORG/EVENT/FAC with such a head."""
    return tok.lemma_.lower() in MEETING_WORDS or tok.lower_ in MEETING_WORDS


def _hypothetical(verb: Token) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "should") for c in verb.children):
        return True
    return any(a.lemma_ in _HYPOTHETICAL_HEADS for a in verb.ancestors)


def _compact(head: Token) -> list[Token]:
    """The head noun with the adjectives and compounds before it: 'Russian-US expert-level contacts'."""
    toks = [head]
    for child in head.children:
        if child.i < head.i and child.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod"):
            toks.extend(child.subtree)
    return trim(toks)


def extract(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    for verb in sent.doc:
        if verb.pos_ not in ("VERB", "AUX") or sent.token_quoted(verb):
            continue
        lemma = verb.lemma_.lower()
        cand = None
        if lemma in SPEECH_AT:
            cand = _speech(verb, sent, ctx)
        if cand is None and lemma in WITHDRAW:
            cand = _withdrawal(verb, sent, ctx)
        if cand is None and lemma in DECLINE:
            cand = _declined(verb, sent, ctx)
        if cand is None and lemma in HAPPEN:
            cand = _happening(verb, sent, ctx)
        if cand is not None:
            out.append(cand)
    return out


def _objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("at", "to", "before", "in"):
            objs += [p for p in c.children if p.dep_ == "pobj"]
    return objs


def _speech(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    for obj in _objects(verb):
        if not _gathering(obj) or obj.lower_ in ("talks", "contacts", "negotiations"):
            continue
        subj = subject_of(verb)
        actor = resolve(subj, sent, ctx) if subj is not None else None
        if actor is None:
            return None
        phrase = noun_phrase(obj)
        answer = span_text(trim(phrase))
        if len(answer.split()) < 2:
            return None
        prep = obj.head.text + " " if obj.dep_ == "pobj" else ""
        statement = f"{actor.shown} {past(verb.lemma_)} {prep}{span_text(phrase)}."
        return _candidate(sent, actor.name, actor.type, answer, statement, "speech")
    return None


def _withdrawal(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    if _hypothetical(verb):
        return None
    for obj in _objects(verb) + [
        p
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in ("from", "of")
        for p in c.children
        if p.dep_ == "pobj"
    ]:
        named = find_treaty_names(span_text(list(obj.subtree)))
        if obj.lower_ not in TREATY_WORDS and not named:
            continue
        subj = subject_of(verb)
        actor = resolve(subj, sent, ctx) if subj is not None else None
        if actor is None:
            return None
        phrase = trim(noun_phrase(obj, exclude_deps=("relcl", "acl", "appos", "punct", "cc", "conj", "prep")))
        # "the landmark Intermediate-Range … Treaty": the name starts at its first proper noun.
        while named and len(phrase) > 1 and phrase[0].pos_ != "PROPN" and not phrase[0].is_title:
            phrase = phrase[1:]
        # A named treaty is the answer; 'the agreement' alone asks who left it.
        answer = span_text(phrase) if named else actor.answer
        if named:
            prep = obj.head.text + " " if obj.dep_ == "pobj" else ""
            statement = f"{actor.shown} {past(verb.lemma_)} {prep}{with_the(answer)}."
        else:
            rest = span_text([t for t in verb.subtree if t.i > verb.i]).rstrip(" .,")
            statement = f"{actor.shown} {past(verb.lemma_)} {rest}."
        return _candidate(sent, actor.name, actor.type, answer, statement, "withdrawal")
    return None


def _declined(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    meeting = None
    for t in verb.subtree:
        if t.i == verb.i or not _gathering(t) or t.dep_ not in ("dobj", "pobj"):
            continue
        # the meeting itself, or "an invitation to hold a meeting"
        if t.head.i == verb.i or t.head.head.i == verb.i or t.head.head.head.i == verb.i:
            meeting = t
            break
    if meeting is None:
        return None
    subj = subject_of(verb)
    actor = resolve(subj, sent, ctx) if subj is not None else None
    if actor is None:
        return None
    answer = span_text(_compact(meeting))
    rest = span_text([t for t in verb.subtree if t.i > verb.i])
    rest = rest.split(", which")[0].rstrip(" ,.")
    statement = f"{actor.shown} {past(verb.lemma_)} {rest}."
    return _candidate(sent, actor.name, actor.type, answer, statement, "declined")


def _happening(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    if verb.lemma_ == "take" and not any(c.lemma_ == "place" for c in verb.children):
        return None
    subj = subject_of(verb)
    if subj is None or not _gathering(subj):
        return None
    answer = span_text(_compact(subj))
    group = verb_group(verb)
    clause = sorted({*subj.subtree, *group, *[t for t in verb.subtree if t.i > verb.i]}, key=lambda t: t.i)
    statement = span_text(trim(clause, drop_det=False)).rstrip(" ,.") + "."
    statement = statement[:1].upper() + statement[1:]
    return _candidate(sent, answer, "other", answer, statement, "planned")


def _candidate(sent: Sentence, subject: str, subject_type: str, answer: str, statement: str, what: str) -> Candidate:
    return Candidate(
        kind="event",
        subject=subject,
        answer=answer,
        statement=finish(statement),
        source=sent.source,
        evidence=sent.text,
        sentence=sent.index,
        entity=subject,
        entity_type=subject_type,
        event=what,
        key=f"event|{subject}|{what}|{normalize(answer)}",
    )
