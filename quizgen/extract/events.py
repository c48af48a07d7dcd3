"""`event` facts: speeches at named gatherings, withdrawals from treaties, meetings declined or planned."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import partial

from ..english import past, with_the
from ..text import normalize
from .actors import Actor, resolve
from .clauses import agent_of, hypothetical, modal, negated, reported_decision, subject_of, unasserted
from .context import ArticleContext, Candidate, Sentence, find_treaty_names
from .lexicon import (
    ANNOUNCING,
    BODY_MEETINGS,
    BROADCASTERS,
    DECLINE,
    DOCUMENT_VERBS,
    DOCUMENTS,
    FUTURE_MODALS,
    GATHERINGS,
    HAPPEN,
    IN_FORCE_VERBS,
    INTENT_NOUNS,
    ISSUED_MEDIA,
    LIFECYCLE,
    LIFECYCLE_OBJECTS,
    LIFECYCLE_PASSIVE,
    MAKING,
    MEDIA,
    MOVES,
    PARTS,
    PRESIDING,
    PRESS_EVENTS,
    RULE_MODALS,
    SAID_NOUNS,
    SAYING_AS_ACT,
    SAYING_IN_LANGUAGE,
    SAYING_ON_OCCASION,
    SAYING_SUPPORT,
    SITES,
    SPEECH_AT,
    STATE_NOUNS,
    TALKS,
    TELLING,
    TITLE_WORDS,
    TREATY_WORDS,
    WITHDRAW,
)
from .protocol import sentence_extractor
from .statements import finish
from .syntax import Token, clause_after, contiguous_around, ents, noun_phrase, span_text, trim, verb_group


def _saying_noun(verb: Token) -> bool:
    return verb.lemma_ in SAYING_SUPPORT and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SAID_NOUNS for c in verb.children
    )


def _named(noun: Token) -> bool:
    """A gathering worth asking about: not a bare news conference or briefing ('told a closing news
    conference'), unless it has a name or a place ('a regular briefing in Beijing')."""
    if noun.lemma_.lower() not in PRESS_EVENTS or not any(
        c.lower_ in ("news", "press") or c.lemma_ == "briefing" for c in [noun, *noun.children]
    ):
        return True
    return any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG", "FAC", "EVENT") for t in noun.subtree)


def _gathering(tok: Token) -> bool:
    """A meeting-like noun: 'meeting', 'summit', 'event', 'rally', 'briefing'."""
    return tok.lemma_.lower() in GATHERINGS or tok.lower_ in GATHERINGS


def _compact(head: Token) -> list[Token]:
    """The head noun with the adjectives and compounds before it: 'Russian-US expert-level contacts'."""
    toks = [head]
    for child in head.children:
        if child.i < head.i and child.dep_ in ("amod", "compound", "nmod", "nummod", "npadvmod"):
            toks.extend(child.subtree)
    return trim(toks)


@sentence_extractor("events", kind="event")
def extract(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    for verb in sent.tokens:
        if verb.pos_ not in ("VERB", "AUX") or sent.token_quoted(verb):
            continue
        lemma = verb.lemma_.lower()
        for lemmas, detect in DETECTORS:  # the first detector that finds an event in the verb has it
            if lemma in lemmas:
                cand = detect(verb, sent, ctx)
                if cand is not None:
                    out.append(cand)
                    break
    out.extend(_after_meeting(sent, ctx))
    out.extend(_talks_at(sent, ctx))
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
        if unasserted(verb):
            return None
        subj = subject_of(verb)
        actor = resolve(subj, sent, ctx) if subj is not None else None
        if actor is None:
            return None
        manner = [c for c in verb.children if c.dep_ == "advmod" and c.i == verb.i + 1]
        answer = _clause(verb, manner[0] if manner else None)
        rest = span_text([t for t in verb.subtree if t.i > verb.i]).rstrip(" .")
        return _candidate(
            sent, actor.name, actor.type, answer, f"{actor.shown} {past('vote')} {rest}", "vote", rule="vote"
        )
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and verb.lemma_ in LIFECYCLE_PASSIVE:
        treaty = resolve(passive, sent, ctx, allow_treaty=True)
        if treaty is not None and treaty.type == "treaty":  # "It was renewed in November"
            group = " ".join(t.text for t in verb_group(verb))
            return _candidate(
                sent,
                treaty.name,
                "treaty",
                verb.text,
                f"{with_the(treaty.name)} {group}",
                "lifecycle",
                rule="lifecycle_passive",
            )
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_ in LIFECYCLE_OBJECTS), None)
    if obj is None or hypothetical(verb) or verb.tag_ in ("VB", "VBG"):
        return None  # "voted to revoke the ratification": the vote is the event
    subj = subject_of(verb)
    actor = resolve(subj, sent, ctx) if subj is not None and subj.dep_ != "nsubjpass" else None
    if actor is None:
        return None
    answer = _clause(verb, obj)
    return _candidate(sent, actor.name, actor.type, answer, f"{actor.shown} {answer}", "lifecycle", rule="lifecycle")


def _in_force(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    """'The withdrawal took effect …', 'the pact has never entered into force'."""
    lemma = verb.lemma_
    words = {c.lower_ for c in verb.subtree}
    if not (lemma == "take" and "effect" in words or lemma in ("enter", "come") and "force" in words):
        return None
    subj = subject_of(verb)
    if subj is None or verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children):
        return None  # "a new deal … to take effect from 2020": not yet an event
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "each") for c in subj.children):
        return None  # "A withdrawal takes effect six months after …": the rule, not an event
    not_yet = negated(verb)
    if subj.lemma_.lower() not in MOVES:
        # "… voiced regret as Russia's withdrawal from the treaty took effect" parsed with 'allies' as subject:
        # the noun phrase just before the verb is its subject
        before = [t for t in verb.doc[: verb.i] if t.lemma_.lower() in MOVES and t.right_edge.i == verb.i - 1]
        if before:
            subj = before[-1]
    if subj.lemma_.lower() not in MOVES and not not_yet:
        return None  # "the convention entered into force on 1 March 1999": a date, not an event
    start = trim(noun_phrase(subj))
    last = max((c for c in verb.subtree if c.lower_ in ("effect", "force")), key=lambda t: t.i)
    if not start:
        return None
    answer = span_text([*start, *verb.doc[start[-1].i + 1 : last.i + 1]])
    if len(answer.split()) > 10:
        answer = span_text(list(verb.doc[verb.i : last.i + 1]))
    subject = span_text(start)
    clause = span_text(trim([*subj.subtree, *[t for t in verb.subtree if t.i >= subj.i]], drop_det=False))
    return _candidate(sent, subject, "other", answer, clause, "in force", rule="in_force")


def _document(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in DOCUMENTS), None)
    if obj is None or hypothetical(verb):
        return None
    subj = subject_of(verb)
    actor = resolve(subj, sent, ctx) if subj is not None else None
    if actor is None:
        return None
    answer = span_text(_compact(obj))
    rest = span_text([t for t in obj.subtree if t.ent_type_ != "DATE"]).rstrip(" ,.")
    return _candidate(
        sent, actor.name, actor.type, answer, f"{actor.shown} {past(verb.lemma_)} {rest}", "document", rule="document"
    )


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
    if (
        treaty is None
        and participle
        and verb.dep_ in ("advcl", "acl")
        and any(t.lower_ == "under" for t in sent.tokens)
    ):
        treaty = ctx.treaty()  # "Under the JCPOA, agreed in Vienna …"
    if treaty is None:
        return None
    # the place may hang on the verb or on its agent ("adopted by 196 parties at the COP21 summit")
    agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    for c in [*verb.children, *(g for a in agents for g in a.children)]:
        if c.dep_ != "prep" or c.lower_ not in ("in", "at"):
            continue
        place = next((p for p in c.children if p.dep_ == "pobj"), None)
        # "adopted at the COP21 summit" is an event; "signed in Helsinki" only says where (the seed gold
        # takes no place of signing as an event)
        if place is None or not _gathering(place):
            continue
        answer = span_text(_compact(place))
        what = "opened for signature" if verb.lemma_ == "open" else past(verb.lemma_)
        statement = f"{with_the(treaty)} was {what} {c.text} {span_text(list(place.subtree))}"
        return _candidate(sent, treaty, "treaty", answer, statement, "place", rule="made_at")
    return None


def _speech(
    verb: Token,
    sent: Sentence,
    ctx: ArticleContext,
    preps: tuple[str, ...] = ("at", "to", "before", "in"),
    rule: str = "speech",
) -> Candidate | None:
    if unasserted(verb):
        return None  # "urged the government to attend the meeting": nobody attended
    for obj in _objects(verb, preps):
        spoken_in = obj.ent_type_ in ("GPE", "LOC") and obj.dep_ == "pobj" and verb.lemma_ == "speak"
        talks = obj.lower_ in TALKS and verb.lemma_ != "preside"
        if not (_gathering(obj) or spoken_in) or talks:
            continue
        subj = subject_of(verb)
        actor = resolve(subj, sent, ctx) if subj is not None else None
        if actor is None:
            return None
        phrase = noun_phrase(obj)
        nxt = verb.doc[phrase[-1].i + 1] if phrase[-1].i + 1 < len(verb.doc) else None
        if obj.dep_ == "dobj" and nxt is not None and nxt.lower_ in ("in", "at") and nxt.head.i == verb.i:
            where = [p for p in nxt.children if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC", "FAC")]
            if where:  # "told a rally in Sukkur"
                phrase = [*phrase, *verb.doc[nxt.i : where[0].right_edge.i + 1]]
        answer = span_text(trim(phrase))
        placed = any(t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "FAC", "LOC") for t in phrase)
        if len(answer.split()) < 2 and not spoken_in or not (spoken_in or placed or _named(obj)):
            return None
        prep = obj.head.text + " " if obj.dep_ == "pobj" else ""
        statement = f"{actor.shown} {past(verb.lemma_)} {prep}{span_text(phrase)}."
        return _candidate(sent, actor.name, actor.type, answer, statement, "speech", rule=rule)
    return None


def _withdrawal(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    topic = verb.dep_ == "pcomp" and (
        verb.head.head.pos_ in ("NOUN", "PROPN")
        or verb.head.lower_ in ("on", "about", "of", "for", "over", "regarding")
    )
    reported = reported_decision(verb, ANNOUNCING, FUTURE_MODALS)
    if (hypothetical(verb) and not reported) or topic:
        return None  # "signed the law on leaving the pact": the law is the event, not a departure
    # "announced its intention to leave the treaty": the announcement is the event
    intent = verb.dep_ == "acl" and verb.head.lemma_ in INTENT_NOUNS and verb.head.dep_ == "dobj"
    first_to = None
    if (
        verb.dep_ in ("relcl", "acl")
        and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
        and not intent
    ):
        # "Lithuania became the first country to leave the convention": the copula's own subject left it; "…, he
        # said, becoming the latest country to abandon the pact" (no subject of its own) says nothing of who
        cop = verb.head.head if verb.head.dep_ == "attr" else None
        if cop is None or cop.lemma_ not in ("become", "be") or cop.tag_ == "VBG":
            return None
        first_to = next((c for c in cop.children if c.dep_ == "nsubj"), None)
        if first_to is None:
            return None
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("become", "be") and verb.tag_ == "VB":
        cop = verb.head  # "became the first country to leave …" (with a subject), not "becoming the latest …"
        first_to = next((c for c in cop.children if c.dep_ == "nsubj"), None) if cop.tag_ != "VBG" else None
        if first_to is None or not any(c.dep_ == "attr" and c.lemma_ in STATE_NOUNS for c in cop.children):
            return None
    outs = [c for c in verb.children if c.lower_ == "out"]  # "pulled the United States out of the agreement"
    if verb.lemma_ == "pull" and not outs:
        return None
    preps = [c for c in [*verb.children, *(g for o in outs for g in o.children)] if c.dep_ == "prep"]
    via = [p for c in preps if c.lower_ in ("from", "of") for p in c.children if p.dep_ == "pobj"]
    for obj in (_objects(verb) if verb.lemma_ != "pull" else []) + via:
        named = find_treaty_names(span_text(list(obj.subtree)), ctx.names)
        if obj.lower_ not in TREATY_WORDS and not named:
            continue
        subj = first_to if first_to is not None else subject_of(verb.head.head) if intent else subject_of(verb)
        actor = resolve(subj, sent, ctx) if subj is not None else None
        if actor is None:
            return None
        phrase = trim(noun_phrase(obj, exclude_deps=("relcl", "acl", "appos", "punct", "cc", "conj", "prep")))
        # "the landmark Intermediate-Range … Treaty": the name starts at its first proper noun.
        while named and len(phrase) > 1 and phrase[0].pos_ != "PROPN" and not phrase[0].is_title:
            phrase = phrase[1:]
        # A named treaty is the answer; 'the agreement' alone asks who left it.
        answer = span_text(phrase) if named else actor.answer
        if named:  # "Convention" of "the Convention on Cluster Munitions": the whole name
            full = named[0][1] or named[0][0]
            if answer != full and full.startswith(answer) and full in sent.text:
                answer = full
        top = verb.head.head if intent else _finite(verb)
        done = _tensed(verb)
        if top.i != verb.i:  # "announced its intention to leave the treaty"
            statement = f"{actor.shown} {span_text(list(verb.doc[top.i : obj.right_edge.i + 1]))}"
            if intent:  # the announcement is what a question asks for
                answer = span_text(list(verb.doc[top.i : obj.right_edge.i + 1]))
        elif named:
            prep = obj.head.text + " " if obj.dep_ == "pobj" else ""
            out = " out" if outs and obj.head.head.i == outs[0].i and outs[0].i == verb.i + 1 else ""
            statement = f"{actor.shown} {done}{out} {prep}{with_the(answer)}."
        else:
            clauses = {c.i for c in obj.children if c.dep_ in ("relcl", "acl")}  # not "…, which he said would …"
            statement = f"{actor.shown} {done} {clause_after(verb, drop=clauses)}."
        if reported:  # "Trump announced that the United States would quit the deal"
            teller = subject_of(verb.head)
            said = resolve(teller, sent, ctx) if teller is not None else None
            if said is None:
                return None
            statement = f"{said.shown} {past(verb.head.lemma_)} that {statement[:1].lower() + statement[1:]}"
            if not named:  # "would quit the deal": what was announced
                answer = span_text(trim(list(verb.doc[verb.i : obj.i + 1])))
        # an unnamed treaty's answer is the actor, so the statement tells one departure from another
        extra = "" if named else normalize(statement)
        return _candidate(sent, actor.name, actor.type, answer, statement, "withdrawal", extra, rule="withdrawal")


def _tensed(verb: Token) -> str:
    """'will withdraw' where the article says so, else the simple past."""
    modal_ = modal(verb, FUTURE_MODALS)
    return f"{modal_.lower_} {verb.lemma_}" if modal_ is not None else past(verb.lemma_)


def _declined(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    if hypothetical(verb):
        return None  # "has decided to ditch important talks"
    if verb.lemma_ == "call" and not any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children):
        return None  # "called the meeting “another year lost”": naming it, not calling it off
    meeting = None
    for t in verb.subtree:
        if t.i == verb.i or not _gathering(t) or t.dep_ not in ("dobj", "pobj"):
            continue
        if t.dep_ == "pobj" and t.head.head.i == verb.i and t.head.lower_ in ("at", "in", "during", "after"):
            continue  # "At a news conference, he rejected …": where it was said, not what was declined
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
    return _candidate(sent, actor.name, actor.type, answer, statement, "declined", rule="declined")


def _happening(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    if verb.lemma_ == "take" and not any(c.lemma_ == "place" for c in verb.children):
        return None
    if negated(verb) or modal(verb, RULE_MODALS, passive=True) is not None:
        return None  # "the first conference must be held within a year …": a rule, not a meeting
    subj = subject_of(verb)
    if subj is None or not _gathering(subj):
        return None
    answer = span_text(_compact(subj))
    group = verb_group(verb)
    clause = sorted({*subj.subtree, *group, *[t for t in verb.subtree if t.i > verb.i]}, key=lambda t: t.i)
    statement = span_text(trim(clause, drop_det=False)).rstrip(" ,.") + "."
    statement = statement[:1].upper() + statement[1:]
    return _candidate(sent, answer, "other", answer, statement, "planned", rule="happening")


def _candidate(
    sent: Sentence,
    subject: str,
    subject_type: str,
    answer: str,
    statement: str,
    what: str,
    extra: str = "",
    *,
    rule: str,
) -> Candidate:
    key = (subject, what, normalize(answer), *([extra] if extra else []))
    return sent.candidate(
        "event",
        subject,
        answer,
        finish(statement),
        key=key,
        rule=f"events.{rule}",
        entity=subject,
        entity_type=subject_type,
        event=what,
    )


def _place_phrase(p: Token) -> list[Token]:
    """The occasion's phrase without its date or clauses: 'a telephone call' (not '… on Tuesday')."""
    dated = {
        t.i
        for c in p.children
        if c.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") for g in c.children if g.dep_ == "pobj")
        for t in c.subtree
    }
    toks = [
        t for t in noun_phrase(p, exclude_deps=("relcl", "acl", "appos", "punct", "cc", "conj")) if t.i not in dated
    ]
    return trim(contiguous_around(p, toks), drop_det=False)


def _language(p: Token, ctx: ArticleContext) -> bool:
    """'tweeted in Russian', 'speaking in Pashto': a bare proper noun that is no place, person or body."""
    if p.pos_ != "PROPN" or any(c.dep_ not in ("punct",) for c in p.children):
        return False
    if p.ent_type_ not in ("NORP", "LANGUAGE", "PERSON", ""):
        return False
    return ctx.person(p.text) is None and not _gathering(p)


def _occasion(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    """Where or how something was said: 'replied in a televised statement', 'said in the Rose Garden',
    'had been told … by Mr. Powell in a telephone call', 'speaking in Pashto', 'warned at the opening of the
    conference'."""
    if unasserted(verb):
        return None
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    preps = [c for c in verb.children if c.dep_ == "prep"]
    # "made the announcement at …": the occasion may hang on the noun of saying
    preps += [c for d in verb.children if d.dep_ == "dobj" and d.lemma_.lower() in SAID_NOUNS for c in d.children]
    preps = [c for c in preps if c.dep_ == "prep"]
    # one level down as well: "told of the decision by Mr. Powell in a telephone call"
    inner = [g for c in preps for p in c.children if p.dep_ == "pobj" for g in p.children if g.dep_ == "prep"]
    found = None
    for prep in preps + inner:
        low = prep.lower_
        for p in (c for c in prep.children if c.dep_ == "pobj"):
            lemma = p.lemma_.lower()
            if low == "in" and verb.lemma_ in SAYING_IN_LANGUAGE and prep.head.i == verb.i and _language(p, ctx):
                found = (prep, p, p.text, "language")
            elif (low in ("in", "during", "over") and lemma in MEDIA or low == "on" and lemma in BROADCASTERS) and any(
                c.dep_ in ("amod", "compound") and c.i < p.i for c in p.children
            ):
                found = (prep, p, span_text(_compact(p)), "medium")
            elif low in ("at", "during") and _gathering(p) and len(_compact(p)) > 1 and _named(p):
                found = (prep, p, span_text(_compact(p)), "gathering")
            elif low in ("at", "on") and lemma in PARTS:
                of = [g for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
                if any(_gathering(g) for g in of):
                    found = (prep, p, span_text(trim(_place_phrase(p))), "gathering")
            elif low in ("in", "at") and lemma in SITES and any(t.pos_ == "PROPN" for t in _compact(p)):
                found = (prep, p, span_text(_compact(p)), "place")
            elif low in ("in", "at") and p.ent_type_ in ("FAC", "LOC") and p.pos_ == "PROPN":
                ent = next(e for e in ents(p.doc) if e.start <= p.i < e.end)
                found = (prep, p, span_text(trim(list(ent))), "place")
            if found:
                break
        if found:
            break
    if found is None:
        return None
    prep, place, answer, what = found
    if passive:  # "Ivanov had been told … by Mr. Powell": the teller is the agent
        by = agent_of(verb)
        if by is None:
            by = next(
                (
                    g
                    for c in verb.subtree
                    if c.dep_ == "prep" and c.lower_ == "by"
                    for g in c.children
                    if g.dep_ == "pobj" and g.ent_type_ == "PERSON"
                ),
                None,
            )
        subj, told = by, next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    else:
        subj, told = subject_of(verb), next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    actor = resolve(subj, sent, ctx) if subj is not None else None
    if actor is None:
        actor = _group(subj)
    if actor is None:
        return None
    if what == "medium" and verb.lemma_ == "say" and place.lemma_ in ISSUED_MEDIA:  # "said in a joint statement"
        phrase = span_text(_place_phrase(place))
        return _candidate(
            sent, actor.name, actor.type, answer, f"{actor.shown} issued {phrase}", what, rule="occasion_issued"
        )
    words = [past(verb.lemma_) if verb.lemma_ != "say" else "spoke"]
    if told is not None and verb.lemma_ in TELLING:
        hearer = resolve(told, sent, ctx)
        if hearer is not None:
            words.append(hearer.shown)
        elif told.tag_ == "NNS" and not list(told.children):  # "told reporters"
            words.append(told.text)
        else:
            return None
        about = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "about")), None)
        if about is not None:
            pobj = next((c for c in about.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                topic = trim(noun_phrase(pobj, exclude_deps=("prep", "relcl", "acl")), drop_det=False)
                words.append(f"{about.text} {span_text(topic)}")
    elif told is not None and told.dep_ == "dobj" and verb.lemma_ != "say":  # "rejected the prisoner release"
        drop = ("relcl", "acl", "appos", "punct", "cc", "conj")
        if told.lemma_.lower() in SAID_NOUNS:
            drop += ("prep",)  # "made the announcement [at the convention]": the occasion is said next
        what_ = trim(noun_phrase(told, exclude_deps=drop), drop_det=False)
        if len(what_) > 8 or told.pos_ == "PRON":
            return None
        words.append(span_text(what_))
    words.append(f"{prep.lower_} {span_text(_place_phrase(place))}")
    return _candidate(
        sent, actor.name, actor.type, answer, f"{actor.shown} {' '.join(words)}", what, rule=f"occasion_{what}"
    )


def _group(subj: Token | None) -> Actor | None:
    """'the defence ministers of Poland, Lithuania, Latvia and Estonia': officials of named states."""
    if subj is None or subj.tag_ != "NNS" or subj.lemma_.lower() not in TITLE_WORDS:
        return None
    of = [p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if not of or of[0].ent_type_ != "GPE":
        return None
    text = span_text(trim(noun_phrase(subj)))
    return Actor(text, text, "other", the=True)


def _abeyance(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    """'India said it would hold the Indus Waters Treaty … "in abeyance"': a suspension."""
    if not any(
        c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "abeyance" for p in c.children) for c in verb.children
    ):
        return None
    reported = reported_decision(verb, ANNOUNCING, FUTURE_MODALS)
    if hypothetical(verb) and not reported or negated(verb):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    treaty = resolve(obj, sent, ctx, allow_treaty=True) if obj is not None else None
    if treaty is None or treaty.type != "treaty":
        return None
    subj = subject_of(verb)
    if subj is not None and subj.lower_ == "it" and reported:
        subj = subject_of(verb.head)  # "India said it would …"
    actor = resolve(subj, sent, ctx) if subj is not None else None
    if actor is None:
        return None
    answer = span_text(trim(noun_phrase(obj, exclude_deps=("relcl", "acl", "appos", "punct", "cc", "conj", "prep"))))
    held = f"{_tensed(verb).replace(verb.lemma_, 'hold')} {with_the(treaty.name)} in abeyance"
    statement = f"{actor.shown} {past(verb.head.lemma_)} it {held}" if reported else f"{actor.shown} {held}"
    return _candidate(sent, actor.name, actor.type, answer, statement, "suspension", rule="abeyance")


def _after_meeting(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    """'announced the decision after a meeting of the Cabinet Committee on Security': a meeting of a named body."""
    out = []
    for prep in sent.tokens:
        if prep.lower_ not in ("after", "following") or prep.dep_ != "prep" or sent.token_quoted(prep):
            continue
        meeting = next((c for c in prep.children if c.dep_ == "pobj" and c.lemma_ in BODY_MEETINGS), None)
        if meeting is None:
            continue
        body = next(
            (
                p
                for c in meeting.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for p in c.children
                if p.dep_ == "pobj" and p.pos_ == "PROPN" and p.ent_type_ == "ORG"
            ),
            None,
        )
        verb = prep.head
        while verb.dep_ in ("advcl", "acl") and (verb.lemma_ in PRESIDING or agent_of(verb) is not None):
            verb = verb.head  # "After a meeting … presided over by the prime minister, Pakistan said": the saying
        if body is None or verb.pos_ not in ("VERB", "AUX") or hypothetical(verb):
            continue
        subj = subject_of(verb)
        actor = resolve(subj, sent, ctx) if subj is not None else None
        if actor is None:
            continue
        ent = next((e for e in ents(sent.doc) if e.start <= body.i < e.end), None)
        answer = span_text(trim(list(ent))) if ent is not None else body.text
        phrase = span_text(
            trim(noun_phrase(meeting, exclude_deps=("relcl", "acl", "appos", "punct", "cc", "conj")), drop_det=False)
        )
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if verb.lemma_ in SAYING_ON_OCCASION and verb.lemma_ not in SAYING_AS_ACT:
            did = "made a statement"
        else:
            did = past(verb.lemma_) + (
                f" {span_text(trim(noun_phrase(obj), drop_det=False))}" if obj is not None else ""
            )
        out.append(
            _candidate(
                sent,
                actor.name,
                actor.type,
                answer,
                f"{actor.shown} {did} {prep.lower_} {phrase}",
                "meeting",
                rule="after_meeting",
            )
        )
    return out


def _talks_at(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    """'Talks at the Asia-Pacific Economic Cooperation summit in Shanghai … failed': talks held at a named summit."""
    out = []
    for talks in sent.tokens:
        if talks.lower_ not in TALKS or sent.token_quoted(talks):
            continue
        for prep in talks.children:
            if prep.dep_ != "prep" or prep.lower_ != "at":
                continue
            place = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if place is None or not _gathering(place) or not any(t.pos_ == "PROPN" for t in _compact(place)):
                continue
            answer = span_text(_compact(place))
            phrase = span_text(_place_phrase(place))
            out.append(
                _candidate(
                    sent,
                    answer,
                    "other",
                    answer,
                    f"{talks.text.capitalize()} were held at {phrase}",
                    "talks",
                    rule="talks_at",
                )
            )
    return out


def _said_on_occasion(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    """A verb of saying, or 'made the announcement', 'gave a speech': where or how it was said."""
    if verb.lemma_.lower() not in SAYING_ON_OCCASION and not _saying_noun(verb):
        return None
    return _occasion(verb, sent, ctx)


Detector = Callable[[Token, Sentence, ArticleContext], Candidate | None]

# Event detectors by the verb lemmas that trigger them, tried in this order; a verb gives one event at most.
DETECTORS: tuple[tuple[Collection[str], Detector], ...] = (
    (SPEECH_AT, _speech),
    (WITHDRAW, _withdrawal),
    (DECLINE, _declined),
    (HAPPEN, _happening),
    (LIFECYCLE, _lifecycle),
    (IN_FORCE_VERBS, _in_force),
    (DOCUMENT_VERBS, _document),
    (MAKING, _made_at),
    (frozenset({"preside"}), partial(_speech, preps=("over",), rule="presided")),
    (frozenset({"return"}), partial(_speech, preps=("from",), rule="returned_from")),  # "after returning from …"
    (frozenset({"hold"}), _abeyance),  # "would hold the treaty in abeyance"
    (SAYING_ON_OCCASION | SAYING_SUPPORT, _said_on_occasion),
)
