"""What a clause asserts, and who does it: negation, what is only hypothetical, reported speech, the actor.

Pure functions of a parse, one version each. Where detectors need different things ruled out, the
functions say which by their names: `hypothetical` (a modal, "expected to", or under a wish: events),
`unasserted` (that, or negated, or a condition: signatories and events that must have happened),
`modal(verb, POSSIBILITY_MODALS)` (positions: a stance that "could" be taken), `inside_report` (someone
else's words), `reported_decision` ("said it would …": announced, so an event after all). Who acts:
`subject_of` (the grammatical subject, inherited), `own_subject` (active or passive, relatives resolved),
`doer` (the agent of a passive, never its patient), `reporting_head` / `speech_above` (who reported it).
"""

from __future__ import annotations

from collections.abc import Collection

from .lexicon import CONDITIONS, MODALS, NEGATORS, RELATIVE_PRONOUNS, WISHING
from .syntax import SUBJECTS, Token, conjuncts

# ---- negation --------------------------------------------------------------------------------------------


def negated(verb: Token) -> bool:
    """'has not signed', 'never voted', 'no side may …': a 'not', 'never' or 'no' on the verb itself. (The
    detectors once used three versions of this - 'not' only; 'not' or 'never'; 'not', 'never' or 'no' - which
    give the same decks; this is the last.)"""
    return any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in ("advmod", "det")) for c in verb.children)


def negated_subject(verb: Token) -> bool:
    """'Neither Russia nor the United States has joined it'."""
    subj = subject_of(verb)
    if subj is None:
        return False
    return any(c.dep_ == "preconj" and c.lower_ == "neither" for c in subj.children) or any(
        c.dep_ == "cc" and c.lower_ == "nor" for t in conjuncts(subj) for c in t.children
    )


# ---- what did not (yet) happen ---------------------------------------------------------------------------


def modal(verb: Token, among: Collection[str] = MODALS, passive: bool = False) -> Token | None:
    """The verb's modal auxiliary, if it is one of `among` ('could attend'); `passive`: also of a passive
    ('must be held')."""
    deps = ("aux", "auxpass") if passive else ("aux",)
    return next((c for c in verb.children if c.dep_ in deps and c.lower_ in among), None)


def wished(verb: Token) -> bool:
    """Under a verb of wanting, asking or planning: 'wants China to join', 'urged them to attend'."""
    return any(a.lemma_ in WISHING for a in verb.ancestors)


def conditional(verb: Token) -> bool:
    """A condition, not a fact: 'if Iran keeps …', 'once 60 countries have ratified it'."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children)


def hypothetical(verb: Token) -> bool:
    """Only possible, required, expected or wished, not done: 'could attend', 'must be held', 'is expected to
    vote', 'wants China to join'."""
    if modal(verb, MODALS, passive=True) is not None:
        return True
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "expect":
        return True
    return wished(verb)


def unasserted(verb: Token) -> bool:
    """Not stated as a fact at all: negated (or its subject is: 'neither … nor'), hypothetical, or a
    condition ('has not ratified it', 'must be ratified by the Senate', 'once 60 countries have ratified')."""
    return negated(verb) or negated_subject(verb) or conditional(verb) or hypothetical(verb)


def reporting_head(verb: Token, verbs: Collection[str], through_conj: bool = False) -> Token | None:
    """The verb of saying (one of `verbs`) whose reported clause this verb heads: 'said' in 'India said it
    would hold …'; `through_conj`: also for a later verb of that clause ('said … and urged …')."""
    clause = verb
    while through_conj and clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return clause.head if clause.dep_ == "ccomp" and clause.head.lemma_ in verbs else None


def speech_above(token: Token, verbs: Collection[str]) -> Token | None:
    """The nearest verb of saying (one of `verbs`) that the token stands in the reported clause of, at any
    depth: 'said' for 'he' in 'Erdogan said he would discuss …'."""
    child = token
    for up in token.ancestors:
        below, child = child, up
        if up.lemma_ in verbs and below.dep_ == "ccomp":
            return up
    return None


def inside_report(verb: Token, heads: Collection[str]) -> bool:
    """Inside what someone else is reported to say or want (a clause under one of `heads`, not through a
    relative clause): a stance there is theirs, not this verb's subject's."""
    tok = verb
    while tok.head.i != tok.i:
        if tok.dep_ == "relcl":
            return False
        if tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_ in heads:
            return True
        tok = tok.head
    return False


def reported_decision(verb: Token, verbs: Collection[str], future: Collection[str]) -> bool:
    """'India said it would hold …', 'announced that the United States would quit': a decision announced
    (a future modal under a verb of announcing), not a wish or a condition."""
    would = modal(verb, future)
    return (
        would is not None
        and would.lower_ == "would"
        and reporting_head(verb, verbs) is not None
        and not wished(verb)
        and not conditional(verb)
    )


# ---- who does it -----------------------------------------------------------------------------------------


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of a verb, inherited through xcomp, conj, advcl and 'by V-ing'."""
    seen = 0
    v = verb
    while v is not None and seen < 6:
        seen += 1
        for child in v.children:
            if child.dep_ in SUBJECTS:
                return child
        if v.dep_ in ("advcl", "acl") and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head  # "the president, while speaking at …": the noun it modifies
        if v.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") or (v.dep_ == "pobj" and v.head.dep_ == "prep"):
            v = v.head
            continue
        if v.dep_ == "prep":
            v = v.head
            continue
        break
    return None


def agent_of(verb: Token) -> Token | None:
    """The 'by' agent of a passive: 'was signed by Obama'."""
    for child in verb.children:
        if child.dep_ == "agent":
            for p in child.children:
                if p.dep_ == "pobj":
                    return p
    return None


def own_subject(verb: Token) -> Token | None:
    """The verb's own subject, active or passive; for 'which'/'that' the noun the relative clause hangs on;
    else the inherited one ('… within four years of joining and clear …')."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in RELATIVE_PRONOUNS - {"whom"} and verb.dep_ == "relcl":
        return verb.head
    return subj if subj is not None else subject_of(verb)


def doer(verb: Token) -> Token | None:
    """Who does what the verb says: a passive's agent ('was rejected by Beijing'), the noun a participle
    describes ('the administration offering …'), else the subject, never a passive one (which undergoes it)."""
    agent = agent_of(verb)
    if agent is not None:
        return agent
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return verb.head
    subj = subject_of(verb)
    return None if subj is None or subj.dep_ == "nsubjpass" else subj
