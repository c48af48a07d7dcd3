"""`position` facts: what a named actor proposes, wants, rejects, argues or criticizes."""

from __future__ import annotations

import re

from ..english import past, with_the
from ..text import normalize
from .actors import Actor, resolve
from .clauses import agent_of, doer, inside_report, modal, subject_of
from .context import ArticleContext, Candidate, Sentence, find_treaty_names
from .lexicon import (
    EXPRESSING,
    FEELINGS,
    IDEA_NOUNS,
    LOWER_OPENERS,
    MEETING_WORDS,
    NO_COMMENT,
    POSSIBILITY_MODALS,
    REPORTING,
    STANCE_MODALS,
    STANCE_NOUNS,
    STANCE_VERBS,
    TIME_OBJECTS,
)
from .protocol import sentence_extractor
from .quotes import according_to
from .statements import finish
from .syntax import Token, conjuncts, span_text, trim, verb_group

# Verbs whose clause is someone's stance or claim: a stance nested under one is that someone's.
_OPINION_HEADS = frozenset(STANCE_VERBS) | REPORTING


def _quoted_share(tokens: list[Token], sent: Sentence) -> float:
    if not tokens:
        return 0.0
    return sum(1 for t in tokens if sent.token_quoted(t)) / len(tokens)


def _meeting_object(verb: Token) -> bool:
    for t in verb.subtree:
        if t.lemma_ in MEETING_WORDS and t.dep_ in ("dobj", "pobj") and t.head in (verb, *verb.children):
            return True
        if t.lemma_ == "invitation" and t.head.i == verb.i:
            return True
    return False


def _actor_for(verb: Token, sent: Sentence, ctx: ArticleContext) -> Actor | None:
    tok = doer(verb)
    return resolve(tok, sent, ctx) if tok is not None else None


@sentence_extractor("positions", kind="position")
def extract(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    source = according_to(sent, ctx)
    if source is not None:  # "According to Greenpeace USA, the administration must …"
        main = [t for t in sent.tokens if t.dep_ == "ROOT"]
        if main and not _stance_in(main[0]):
            main = []  # "More than 5,400 people have been killed, according to the UN": a figure, not a stance
        if main:
            clause = [t for t in main[0].subtree if not any(a.lower_ == "according" for a in [t, *t.ancestors])]
            text = span_text(trim(clause, drop_det=False)).strip(" ,.")
            statement = f"{source.shown} says {_lower_first(text)}"
            out.append(_candidate(sent, source, "says", statement, main[0], "positions.according_to"))
    for tok in sent.tokens:
        if sent.token_quoted(tok):
            continue
        if tok.pos_ in ("VERB", "AUX"):
            cand = _from_verb(tok, sent, ctx)
        elif tok.pos_ == "NOUN" and tok.lemma_ in STANCE_NOUNS:
            cand = _from_noun(tok, sent, ctx)
        else:
            cand = None
        if cand is not None:
            out.append(cand)
            if tok.pos_ in ("VERB", "AUX"):
                out.extend(_fellow_actors(tok, cand, sent, ctx))
    return out


def _stance_in(verb: Token) -> bool:
    """Does a clause say what should or will be, or take a side: a modal, or a verb of stance?"""
    if verb.lemma_ in STANCE_VERBS or verb.lemma_ in ("be", "remain"):
        return verb.lemma_ in STANCE_VERBS or any(c.dep_ == "acomp" for c in verb.children)
    return modal(verb, STANCE_MODALS) is not None


def _fellow_actors(verb: Token, cand: Candidate, sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    """'Iran, Egypt and other states have demanded …': one position for each named actor, with the
    subject kept as written so the statement stays true and grammatical."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not any(c.dep_ == "conj" for c in subj.children):
        return []
    written = span_text(list(subj.subtree))
    rest = cand.statement[len(cand.answer) :] if cand.statement.startswith(cand.answer) else None
    if rest is None:
        rest = cand.statement.split(" ", len(cand.answer.split()))[-1]
    statement = finish(f"{written}{rest if rest.startswith(' ') else ' ' + rest}")
    out = []
    cand.statement = statement
    for tok in conjuncts(subj)[1:]:
        actor = resolve(tok, sent, ctx)
        if actor is None or actor.type == "treaty" or actor.name == cand.entity:
            continue
        out.append(_candidate(sent, actor, cand.stance or "says", statement, verb, "positions.fellow_actor"))
    return out


def _from_verb(verb: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    lemma = verb.lemma_.lower()
    if lemma in STANCE_VERBS:
        stance = STANCE_VERBS[lemma]
        if lemma in EXPRESSING and not any(c.lemma_ in FEELINGS for c in verb.children if c.dep_ == "dobj"):
            return None
        if lemma == "call" and any(c.lower_ == "what" for c in verb.subtree if c.i < verb.i):
            return None  # "for what he called its “unjustified” pressure"
        if lemma == "call":
            calls_for = any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children)
            # "called the accord “an unprecedented framework”", "calling it “the worst deal ever”"
            names_it = any(c.dep_ in ("oprd", "xcomp") for c in verb.children) or any(
                c.dep_ == "dobj" and any(g.dep_ == "appos" for g in c.children) for c in verb.children
            )
            if not (calls_for or names_it):
                return None
            stance = "calls for" if calls_for else "calls"
        if lemma == "decline" and _meeting_object(verb):
            return None  # declining a meeting is an event
        if lemma in ("decline", "refuse") and any(c.dep_ == "xcomp" and c.lemma_ in NO_COMMENT for c in verb.children):
            return None  # "declined to say whether …": no stance taken
    elif lemma in REPORTING:
        claim = [c for c in verb.children if c.dep_ == "ccomp"]
        if not claim or any(a.dep_ == "relcl" for a in [verb, *verb.ancestors]):
            return None  # no claim, or "which he said …" inside a relative clause
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that", "who") for c in claim[0].children):
            return None
        toks = [t for t in claim[0].subtree if not t.is_punct and t.dep_ != "mark"]
        if not toks or sent.token_quoted(toks[0]) or _quoted_share(toks, sent) > 0.8:
            return None  # a direct quotation: a quote fact, not a position
        stance = "says"
    else:
        return None
    if inside_report(verb, _OPINION_HEADS) or modal(verb, POSSIBILITY_MODALS) is not None:
        return None  # someone else's stance, or only a possibility
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "… not to allow any group to use its soil to threaten …": a purpose, not a stance
    actor = _actor_for(verb, sent, ctx)
    if actor is None or actor.type == "treaty":
        return None
    subject_ids = set()
    subj = subject_of(verb)
    if subj is not None and subj.head.i == verb.i:
        subject_ids = {t.i for t in subj.subtree}
    # A conjoined clause with a subject of its own is another claim ("…, and the ministry promised …").
    # So is one whose verb states a stance itself ("rejected the proposal and said …": its own fact).
    other = [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and (
            any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
            or c.lemma_ in STANCE_VERBS
            or c.lemma_ in REPORTING
        )
    ]
    cut = min((c.left_edge.i for c in other), default=len(sent.doc))
    rest_toks = [t for t in verb.subtree if verb.i < t.i < cut and t.i not in subject_ids and t.dep_ != "agent"]
    if other:
        rest_toks = [t for t in rest_toks if not (t.dep_ == "cc" and t.head.i == verb.i)]
    rest_toks = [t for t in rest_toks if not any(a.dep_ == "agent" for a in t.ancestors if a.i > verb.i)]
    rest = span_text(rest_toks).strip(" ,")
    before = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
    if before and stance == "says" and not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None  # "The rockets were destroyed …, the Department said": a report, not a stance
    if before and stance == "says":  # "The US has decided …, Leontyev told an event": the claim comes first
        claim = span_text(list(before[0].subtree)).strip(" ,")
        rest = f"{rest.strip(' ,.')} that {_lower_first(claim)}".strip()
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp") and c.lemma_ not in TIME_OBJECTS]
    if verb.dep_ == "relcl" and not objects:
        # "an idea Beijing has rejected multiple times": the idea is what was rejected
        head_np = span_text([t for t in verb.head.subtree if verb.head.left_edge.i <= t.i < verb.left_edge.i])
        content = _idea_content(verb.head)
        if content:  # "… wants China to join the agreement, an idea Beijing has rejected" → say which idea
            head_np = f"the {verb.head.text} that {content}"
        rest = f"{_lower_first(head_np)} {rest}".strip()
    group = verb_group(verb)
    aux_words = [t.text for t in group if t.i < verb.i and t.dep_ in ("aux", "neg")]
    if verb.tag_ in ("VBG", "VB") or verb.dep_ in ("acl", "relcl", "advcl", "pcomp", "xcomp") or agent_of(verb):
        head_words = [past(lemma)]
    else:
        head_words = [*aux_words, verb.text] if verb.tag_ != "VBN" or aux_words else [verb.text]
    if agent_of(verb) is not None and verb.dep_ in ("relcl", "acl"):
        rest = span_text(
            [t for t in verb.head.subtree if t.i < verb.i and t.dep_ not in ("punct",) and t not in verb.subtree]
        ).strip(" ,")
        rest = _lower_first(rest or verb.head.text)
        summary = _summarized(verb.head)
        if summary:
            rest = f"{rest}: {summary}"
    statement = f"{actor.shown} {' '.join(head_words)} {rest}"
    antecedent = verb.head
    if verb.dep_ == "relcl" and _POINTS_OUT.search(rest) and antecedent.dep_ in ("nsubj", "nsubjpass"):
        # "Russia, which denied these allegations, reciprocated …": the main clause says what it was about
        main = antecedent.head
        predicate = [t for t in main.subtree if t.i >= main.i and t.dep_ != "punct" or t.i > main.i]
        statement += f" and {span_text(predicate).rstrip(' .')}"
    rule = "positions.reporting_verb" if stance == "says" else "positions.stance_verb"
    return _candidate(sent, actor, stance, _name_the_treaty(statement, sent, ctx), verb, rule)


def _candidate(sent: Sentence, actor: Actor, stance: str, statement: str, head: Token, rule: str) -> Candidate:
    return sent.candidate(
        "position",
        actor.answer,
        actor.answer,
        finish(statement),
        key=(actor.name, stance, _target_key(head)),
        rule=rule,
        entity=actor.name,
        entity_type=actor.type,
        stance=stance,
        topic=_topic(head),
    )


def _from_noun(noun: Token, sent: Sentence, ctx: ArticleContext) -> Candidate | None:
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if not poss:
        return None
    actor = resolve(poss[0], sent, ctx)
    if actor is None or actor.type == "treaty":
        return None
    stance = STANCE_NOUNS[noun.lemma_]
    rest_toks = [t for t in noun.subtree if t.i > noun.i and t.dep_ not in ("relcl",)]
    rest_toks = [t for t in rest_toks if not any(a.dep_ == "relcl" for a in t.ancestors if a.i > noun.i)]
    rest = span_text(rest_toks).strip(" ,")
    verb = {
        "proposes": "proposed",
        "offers": "offered",
        "demands": "demanded",
        "calls for": "called for",
        "rejects": "rejected",
        "criticizes": "criticized",
        "is ready": "is ready",
        "intends": "intends",
    }[stance]
    if rest.startswith("to ") and stance in ("proposes", "offers"):
        rest = "to " + rest[3:]
    statement = f"{actor.shown} {verb} {rest or 'a ' + noun.text}"
    return _candidate(sent, actor, stance, statement, noun, "positions.stance_noun")


def _target_key(head: Token) -> str:
    """A short key for what the stance is about: the lemmas of its object's content words."""
    for child in head.children:
        if child.dep_ in ("dobj", "ccomp", "xcomp", "prep", "acl"):
            words = [t.lemma_.lower() for t in child.subtree if t.pos_ in ("NOUN", "VERB", "PROPN") and not t.is_stop]
            return normalize(" ".join(sorted(set(words))[:6]))
    return ""


def _topic(head: Token) -> frozenset[str]:
    """Content words of what the stance is about, to tell restatements of one claim from new claims."""
    return frozenset(
        t.lemma_.lower()
        for t in head.subtree
        if t.i > head.i and t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ", "NUM") and not t.is_stop
    )


_POINTS_OUT = re.compile(r"\b(?:these|those|such|this|that)\s+\w+", re.IGNORECASE)


def _idea_content(noun: Token) -> str | None:
    """'…wants China to join the agreement, an idea …': the idea is 'China join the agreement'."""
    if noun.dep_ not in ("npadvmod", "appos") or noun.lemma_ not in IDEA_NOUNS:
        return None
    for clause in noun.head.children:
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if clause.dep_ in ("ccomp", "xcomp") and clause.tag_ == "VB" and subj is not None:
            after = [t for t in clause.subtree if t.i > clause.i]
            return f"{span_text(list(subj.subtree))} {clause.text} {span_text(after)}".strip()
    return None


def _summarized(noun: Token) -> str | None:
    """'…calling for the participation of China, a proposal that was rejected by Beijing': the bare
    'a proposal' sums up the clause before it; that clause's main object says what it was."""
    if noun.dep_ not in ("appos", "npadvmod") or any(c.dep_ not in ("det", "relcl", "punct") for c in noun.children):
        return None
    objects = [t for t in noun.doc if t.i < noun.i and t.dep_ in ("dobj", "pobj") and t.pos_ == "NOUN"]
    if not objects:
        return None
    best = min(objects, key=lambda t: (len(list(t.ancestors)), -t.i))
    return span_text(list(best.subtree)).strip(" ,")


def _name_the_treaty(statement: str, sent: Sentence, ctx: ArticleContext) -> str:
    """'… accused Moscow of having secretly violated it.': the treaty the sentence names is the 'it'."""
    names = find_treaty_names(sent.text, ctx.names)
    if not names or not re.search(r"\bit[.!?]*$", statement.strip()):
        return statement
    treaty = ctx.names.canonical(names[0][0])
    return re.sub(r"\bit([.!?]*)$", lambda m: with_the(treaty) + m.group(1), statement.strip())


def _lower_first(text: str) -> str:
    """'Another condition' → 'another condition'; 'Putin's proposal' keeps its capital."""
    first = text.split(" ", 1)[0].lower()
    if first in LOWER_OPENERS:
        return text[:1].lower() + text[1:]
    return text
