"""`event` facts: speeches at named gatherings, withdrawals from treaties, meetings declined or planned."""

from __future__ import annotations

from ..text import normalize
from .actors import resolve
from .context import ArticleContext, Candidate, Sentence, find_treaty_names
from .entities import MEETING_WORDS, TREATY_WORDS
from .statements import finish, past, with_the
from .syntax import Token, clause_after, noun_phrase, span_text, subject_of, trim, verb_group

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
    "renounce",
    "pull",
    "revoke",
}
# What a state does to its part in a treaty: "suspended its obligations", "reimposed sanctions".
LIFECYCLE = {"suspend", "revoke", "reimpose", "impose", "lift", "resume", "restore", "halt", "freeze", "renew", "vote"}
LIFECYCLE_OBJECTS = {
    "obligation",
    "commitment",
    "participation",
    "membership",
    "ratification",
    "sanction",
    "inspection",
    "moratorium",
    "testing",
    "test",
    "talk",
    "negotiation",
    "treaty",
    "agreement",
    "deal",
    "accord",
    "pact",
    "limit",
    "cap",
}
# Signing a document that is not the treaty itself: "signed an executive order", "signed a law".
DOCUMENTS = {"order", "law", "decree", "bill", "resolution", "declaration", "memorandum", "statement"}
# Where a treaty was made: "agreed in Vienna", "opened for signature in New York".
MAKING = {"agree", "sign", "adopt", "open", "conclude", "negotiate", "reach", "ink", "finalize", "finalise"}
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
        if cand is None and lemma in LIFECYCLE:
            cand = _lifecycle(verb, sent, ctx)
        if cand is None and lemma in ("take", "enter", "come"):
            cand = _in_force(verb, sent, ctx)
        if cand is None and lemma in ("sign", "ink", "issue"):
            cand = _document(verb, sent, ctx)
        if cand is None and lemma in MAKING:
            cand = _made_at(verb, sent, ctx)
        if cand is None and lemma == "preside":
            cand = _speech(verb, sent, ctx, preps=("over",))
        if cand is not None:
            out.append(cand)
    return out


def _objects(verb: Token, preps: tuple[str, ...] = ("at", "to", "before", "in")) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            objs += [p for p in c.children if p.dep_ == "pobj"]
    return objs


def _clause(verb: Token, upto: Token | None = None) -> str:
    """The verb and what follows it, up to `upto`'s phrase: 'suspended its own obligations'."""
    end = (upto.right_edge.i if upto is not None else verb.i) + 1
    return span_text(list(verb.doc[verb.i : end]))


def _finite(verb: Token) -> Token:
    """'announced its intention to leave': the finite verb above a non-finite one, through nouns."""
    tok = verb
    for _ in range(3):
        if tok.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
            return tok
        up = tok.head.head if tok.head.pos_ == "NOUN" else tok.head
        if up.i == tok.i or up.pos_ not in ("VERB", "AUX"):
            return tok
        tok = up
    return tok


def _lifecycle(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    if verb.lemma_ == "vote":  # "voted unanimously … to revoke the ratification"
        subj = subject_of(verb)
        actor = resolve(subj, sent, ctx) if subj is not None else None
        if actor is None:
            return None
        manner = [c for c in verb.children if c.dep_ == "advmod" and c.i == verb.i + 1]
        answer = _clause(verb, manner[0] if manner else None)
        rest = span_text([t for t in verb.subtree if t.i > verb.i]).rstrip(" .")
        return _candidate(sent, actor.name, actor.type, answer, f"{actor.shown} {past('vote')} {rest}", "vote")
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and verb.lemma_ in ("renew", "extend", "suspend", "revoke", "lift", "freeze", "halt"):
        treaty = resolve(passive, sent, ctx, allow_treaty=True)
        if treaty is not None and treaty.type == "treaty":  # "It was renewed in November"
            group = " ".join(t.text for t in verb_group(verb))
            return _candidate(sent, treaty.name, "treaty", verb.text, f"{with_the(treaty.name)} {group}", "lifecycle")
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_ in LIFECYCLE_OBJECTS), None)
    if obj is None or _hypothetical(verb) or verb.tag_ in ("VB", "VBG"):
        return None  # "voted to revoke the ratification": the vote is the event
    subj = subject_of(verb)
    actor = resolve(subj, sent, ctx) if subj is not None and subj.dep_ != "nsubjpass" else None
    if actor is None:
        return None
    answer = _clause(verb, obj)
    return _candidate(sent, actor.name, actor.type, answer, f"{actor.shown} {answer}", "lifecycle")


def _in_force(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    """'The withdrawal took effect …', 'the pact has never entered into force'."""
    lemma = verb.lemma_
    words = {c.lower_ for c in verb.subtree}
    if not (lemma == "take" and "effect" in words or lemma in ("enter", "come") and "force" in words):
        return None
    subj = subject_of(verb)
    if subj is None:
        return None
    start = trim(noun_phrase(subj))
    last = max((c for c in verb.subtree if c.lower_ in ("effect", "force")), key=lambda t: t.i)
    if not start:
        return None
    answer = span_text([*start, *verb.doc[start[-1].i + 1 : last.i + 1]])
    if len(answer.split()) > 10:
        answer = span_text(list(verb.doc[verb.i : last.i + 1]))
    subject = span_text(start)
    clause = span_text(trim([*subj.subtree, *[t for t in verb.subtree if t.i >= subj.i]], drop_det=False))
    return _candidate(sent, subject, "other", answer, clause, "in force")


def _document(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in DOCUMENTS), None)
    if obj is None or _hypothetical(verb):
        return None
    subj = subject_of(verb)
    actor = resolve(subj, sent, ctx) if subj is not None else None
    if actor is None:
        return None
    answer = span_text(_compact(obj))
    rest = span_text([t for t in obj.subtree if t.ent_type_ != "DATE"]).rstrip(" ,.")
    return _candidate(sent, actor.name, actor.type, answer, f"{actor.shown} {past(verb.lemma_)} {rest}", "document")


def _made_at(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    """'agreed in Vienna', 'opened for signature in New York', 'adopted … at the COP21 summit'."""
    treaty = None
    for cand in [subject_of(verb), verb.head if verb.dep_ in ("acl", "relcl", "advcl") else None]:
        if cand is None:
            continue
        actor = resolve(cand, sent, ctx, allow_treaty=True)
        if actor is not None and actor.type == "treaty":
            treaty = actor.name
    participle = verb.tag_ == "VBN" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if treaty is None and participle and verb.dep_ in ("advcl", "acl") and any(t.lower_ == "under" for t in sent.doc):
        treaty = ctx.treaty()  # "Under the JCPOA, agreed in Vienna …"
    if treaty is None:
        return None
    # the place may hang on the verb or on its agent ("adopted by 196 parties at the COP21 summit")
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    for c in [*verb.children, *(g for a in agents for g in a.children)]:
        if c.dep_ != "prep" or c.lower_ not in ("in", "at"):
            continue
        place = next((p for p in c.children if p.dep_ == "pobj"), None)
        if place is None or not (place.ent_type_ in ("GPE", "LOC", "FAC") or _gathering(place)):
            continue
        answer = (
            span_text(_compact(place))
            if place.ent_type_ not in ("GPE", "LOC")
            else span_text([t for t in place.subtree if t.ent_type_ == place.ent_type_])
        )
        what = "opened for signature" if verb.lemma_ == "open" else past(verb.lemma_)
        statement = f"{with_the(treaty)} was {what} {c.text} {span_text(list(place.subtree))}"
        return _candidate(sent, treaty, "treaty", answer, statement, "place")
    return None


def _speech(
    verb: Token, sent: Sentence, ctx: ArticleContext, preps: tuple[str, ...] = ("at", "to", "before", "in")
) -> Candidate | None:
    for obj in _objects(verb, preps):
        spoken_in = obj.ent_type_ in ("GPE", "LOC") and obj.dep_ == "pobj" and verb.lemma_ == "speak"
        if not (_gathering(obj) or spoken_in) or obj.lower_ in ("talks", "contacts", "negotiations"):
            continue
        subj = subject_of(verb)
        actor = resolve(subj, sent, ctx) if subj is not None else None
        if actor is None:
            return None
        phrase = noun_phrase(obj)
        answer = span_text(trim(phrase))
        if len(answer.split()) < 2 and not spoken_in:
            return None
        prep = obj.head.text + " " if obj.dep_ == "pobj" else ""
        statement = f"{actor.shown} {past(verb.lemma_)} {prep}{span_text(phrase)}."
        return _candidate(sent, actor.name, actor.type, answer, statement, "speech")
    return None


def _withdrawal(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    topic = verb.dep_ == "pcomp" and (
        verb.head.head.pos_ in ("NOUN", "PROPN")
        or verb.head.lower_ in ("on", "about", "of", "for", "over", "regarding")
    )
    if _hypothetical(verb) or topic:
        return None  # "signed the law on leaving the pact": the law is the event, not a departure
    outs = [c for c in verb.children if c.lower_ == "out"]  # "pulled the United States out of the agreement"
    if verb.lemma_ == "pull" and not outs:
        return None
    preps = [c for c in [*verb.children, *(g for o in outs for g in o.children)] if c.dep_ == "prep"]
    via = [p for c in preps if c.lower_ in ("from", "of") for p in c.children if p.dep_ == "pobj"]
    for obj in (_objects(verb) if verb.lemma_ != "pull" else []) + via:
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
        top = _finite(verb)
        if top.i != verb.i:  # "announced its intention to leave the treaty"
            statement = f"{actor.shown} {span_text(list(verb.doc[top.i : obj.right_edge.i + 1]))}"
        elif named:
            prep = obj.head.text + " " if obj.dep_ == "pobj" else ""
            statement = f"{actor.shown} {past(verb.lemma_)} {prep}{with_the(answer)}."
        else:
            statement = f"{actor.shown} {past(verb.lemma_)} {clause_after(verb)}."
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
