"""`signatory` facts: who signed a treaty, or is a party to it, and for which country."""

from __future__ import annotations

from ..english import past, with_the
from .actors import Actor, resolve
from .clauses import agent_of, negated, negated_subject, reporting_head, subject_of, unasserted
from .context import ArticleContext, Candidate, Sentence
from .entities import country_of_demonym
from .lexicon import (
    ANNOUNCING,
    COPULAS,
    GROUP_NOUNS,
    INTRANSITIVE_PARTY,
    LEGISLATURES,
    PARTY_NOUNS,
    PARTY_VERBS,
    PROMISING,
    SIGN_VERBS,
    SIGNER_NOUNS,
    TREATY_PARTS,
    TREATY_WORDS,
)
from .protocol import sentence_extractor
from .statements import finish
from .syntax import Token, conjuncts, doc_text, ents, span_text, trim


def _treaty_of(verb: Token, sent: Sentence, ctx: ArticleContext) -> str | None:
    """The treaty a signing verb is about: its object, its passive subject, the noun it modifies."""
    candidates: list[Token] = []
    candidates += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if _puts_name_to(verb):  # "put their names to the texts": what they signed is the 'to' phrase
        candidates = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children]
    if verb.dep_ in ("relcl", "acl", "advcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        candidates.append(verb.head)
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "relcl"):
        # "Under the JCPOA, agreed in Vienna …": the participle describes the treaty named before it
        for tok in sent.tokens:
            if tok.lower_ == "under" and tok.dep_ == "prep":
                candidates += [p for p in tok.children if p.dep_ == "pobj"]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "under":
            candidates += [p for p in c.children if p.dep_ == "pobj"]
    for c in candidates:
        actor = resolve(c, sent, ctx, allow_treaty=True)
        if actor is not None and actor.type == "treaty":
            return actor.name
        if c.lemma_.lower() in TREATY_PARTS or c.is_title:
            # "under Article VI of the treaty"
            for p in c.subtree:
                a = resolve(p, sent, ctx, allow_treaty=True) if p.dep_ == "pobj" else None
                if a is not None and a.type == "treaty":
                    return a.name
    return None


def _signers(verb: Token) -> list[Token]:
    named = [*_named_signers(verb), *_with_parties(verb)]
    # "More than 100 countries have ratified the treaty, including Britain, France and Germany": the states
    # the sentence names, not the count.
    hosts = {verb.i, *(t.i for t in named), *(c.i for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))}
    listed = [
        t
        for prep in verb.subtree
        if prep.dep_ == "prep" and prep.lower_ == "including" and prep.head.i in hosts
        for p in prep.children
        if p.dep_ == "pobj"
        for t in conjuncts(p)
    ]
    if listed:
        named = [t for t in named if not _counted_group(t)]
    return named + listed


def _counted_group(tok: Token) -> bool:
    """'More than 100 countries', 'the 50th country': how many, or which in turn, not who."""
    if tok.pos_ != "NOUN" or tok.lemma_ not in GROUP_NOUNS:
        return False
    return any(
        c.ent_type_ == "ORDINAL" or (c.dep_ == "nummod" and any(q.dep_ == "quantmod" for q in c.children))
        for c in tok.children
    )


def _with_parties(verb: Token) -> list[Token]:
    """'… by Russia and Ukraine in separate agreements with Turkey and the United Nations'."""
    out = []
    for tok in verb.subtree:
        if tok.dep_ == "prep" and tok.lower_ == "with" and tok.head.lemma_ in TREATY_WORDS:
            out += [t for p in tok.children if p.dep_ == "pobj" for t in conjuncts(p)]
    return out


def _named_signers(verb: Token) -> list[Token]:
    agent = agent_of(verb)
    if agent is not None:
        # "by A, the US envoy, and B, the Taliban's chief": the parser may hang B on the verb
        stray = [
            c
            for c in verb.children
            if c.dep_ == "conj" and c.i > agent.i and c.pos_ == "PROPN" and c.ent_type_ in ("PERSON", "GPE", "ORG")
        ]
        named = conjuncts(agent)
        # "by the then-US President Barack Obama and his Russian counterpart …": the 'and' hangs on the name
        named += [t for n in named for c in n.children if c.dep_ == "appos" for t in conjuncts(c)[1:]]
        return named + [t for c in stray for t in conjuncts(c)]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "between":
            return [t for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)]
        # "agreed in Vienna by Iran and six world powers": a participle's "by" is its agent
        participle = verb.tag_ == "VBN" or not any(s.dep_ in ("nsubj", "nsubjpass") for s in verb.children)
        if c.dep_ == "prep" and c.lower_ == "by" and participle and verb.dep_ in ("acl", "advcl", "relcl"):
            return [t for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)]
    subj = subject_of(verb)
    if subj is not None and subj.dep_ != "nsubjpass":
        # "The five recognised nuclear powers — the United States, Russia, … — pledged": the members, not the
        # group that names them
        members = [t for c in subj.children if c.dep_ == "appos" for t in conjuncts(c)]
        return members or conjuncts(subj)
    return []


def _person_behind(token: Token) -> Token:
    """'the then-US President Barack Obama': the name is an apposition of the title."""
    for c in token.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON":
            return c
    return token


def _party(token: Token, actor: Actor, ctx: ArticleContext) -> str | None:
    """The country a person signed for, from a nationality in their title."""
    if actor.type != "person":
        return None
    words = [t.text for t in token.subtree if t.i < token.i or t.head.i == token.i]
    for name, title in ctx.roles:
        if name == actor.name:
            words += title.replace("-", " ").split()
    for w in words:
        country = country_of_demonym(w)
        if country:
            return country
    return None


def _puts_name_to(verb: Token) -> bool:
    """'A and B put their names to the texts': signing, in other words."""
    return (
        verb.lemma_ == "put"
        and any(c.dep_ == "dobj" and c.lemma_ == "name" for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    )


@sentence_extractor("signatories", kind="signatory")
def extract(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    for verb in sent.tokens:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if _puts_name_to(verb):
            lemma = "sign"
        elif lemma not in SIGN_VERBS | PARTY_VERBS:
            continue
        if unasserted(verb):
            continue  # "has not ratified it", "wants China to join the agreement"
        treaty = _treaty_of(verb, sent, ctx)
        bare = treaty is None and _without_object(verb)
        if bare:
            treaty = ctx.treaty()  # "Finland acceded in 2012": the article's treaty
        if treaty is None:
            continue
        for tok in _signers(verb):
            tok = _person_behind(tok)
            actor = _signer(tok, sent, ctx)
            if actor is not None and _legislature(tok, actor):
                # "The US Senate has ratified …": its state is the party, when the sentence names it
                actor = _state_of_legislature(tok, sent, ctx)
            if actor is None or bare and actor.type != "country":
                continue
            if lemma in PROMISING and actor.type == "person":
                continue  # "Reagan … pledged to abide by the treaty": a promise, not a party
            party = _party(tok, actor, ctx)
            shown_treaty = with_the(treaty)
            if lemma in SIGN_VERBS:
                action = "ratified" if lemma == "ratify" else "signed"
                statement = f"{actor.shown} {action} {shown_treaty}" + (f" for {with_the(party)}" if party else "")
                rule = "signed"
            elif agent_of(verb) is not None or _by_phrase(verb):  # "adopted by 196 parties"
                statement = f"{actor.shown} {past(lemma)} {shown_treaty}"
                rule = "by_agent"
            elif lemma in ("accede", "join") and actor.type != "other":
                statement = f"{actor.shown} {past(lemma)}{' to' if lemma == 'accede' else ''} {shown_treaty}"
                rule = "joined"
            elif actor.type == "other":  # "Six world powers": a group, plural
                statement = f"{actor.shown} are parties to {shown_treaty}"
                rule = "group_party"
            else:
                statement = f"{actor.shown} is a party to {shown_treaty}"
                rule = "party_verb"
            out.append(
                sent.candidate(
                    "signatory",
                    treaty,
                    actor.answer if actor.type != "person" else _as_written(tok, actor),
                    finish(statement),
                    key=(treaty, actor.name),
                    rule=f"signatories.{rule}",
                    entity=actor.name,
                    entity_type=actor.type,
                    party=party,
                )
            )
    out.extend(_party_nouns(sent, ctx))
    out.extend(_bilateral(sent, ctx))
    return out


def _without_object(verb: Token) -> bool:
    """'Finland acceded in 2012', 'Syria joined in 2013': a party verb with nothing but time and manner."""
    if verb.lemma_.lower() not in INTRANSITIVE_PARTY or verb.dep_ in ("relcl", "acl", "amod", "xcomp", "pcomp"):
        return False
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ in ("nsubj", "aux", "punct", "cc", "conj", "advmod", "npadvmod", "appos"):
            continue
        if c.dep_ == "prep" and all(p.ent_type_ == "DATE" for p in c.children if p.dep_ == "pobj"):
            continue  # "in 2012"
        return False
    return True


def _legislature(tok: Token, actor: Actor) -> bool:
    """'Parliament ratified it', 'the State Duma voted': a state's legislature is no party of its own."""
    if tok.lower_ in LEGISLATURES or tok.lemma_.lower() in LEGISLATURES:
        return True
    return actor.type != "person" and any(w.lower() in LEGISLATURES for w in actor.answer.split())


def _state_of_legislature(tok: Token, sent: Sentence, ctx: ArticleContext) -> Actor | None:
    """'the US Senate' → the US (as written); 'Parliament' → nobody."""
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i:
            actor = resolve(c, sent, ctx)
            if actor is not None and actor.type == "country" and actor.answer in sent.text:
                return actor
    return None


def _bilateral(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    """'India … would hold the Indus Waters Treaty with Pakistan': the article's treaty, named with its other party.

    Both the state it is 'with' and the state that holds it are parties. Only for the article's own treaty,
    named (a proper noun), and only where the 'with' follows the name at once."""
    main = ctx.treaty()
    if main is None:
        return []
    out = []
    for tok in sent.tokens:
        if tok.dep_ != "dobj" or tok.pos_ != "PROPN" or sent.token_quoted(tok):
            continue
        treaty = resolve(tok, sent, ctx, allow_treaty=True)
        if treaty is None or treaty.type != "treaty" or treaty.name != main:
            continue
        verb = tok.head
        if verb.pos_ not in ("VERB", "AUX") or negated(verb):
            continue
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if nxt is None or nxt.lower_ != "with" or nxt.head.i not in (tok.i, verb.i):
            continue
        parties = [t for p in nxt.children if p.dep_ == "pobj" for t in conjuncts(p)]
        holder = _holder(verb, sent, ctx)
        if holder is not None:
            parties.insert(0, holder)
        for p in parties:
            actor = resolve(p, sent, ctx)
            if actor is None or actor.type != "country" or actor.answer not in sent.text:
                continue
            out.append(_party_candidate(actor, treaty.name, sent, "signatories.bilateral"))
    return out


def _holder(verb: Token, sent: Sentence, ctx: ArticleContext) -> Token | None:
    """The subject of the verb; for 'India said it would hold …', the state that 'it' stands for."""
    subj = subject_of(verb)
    said = reporting_head(verb, ANNOUNCING) if subj is not None and subj.lower_ == "it" else None
    up = subject_of(said) if said is not None else None
    if up is not None:
        return up
    return subj


def _party_candidate(actor: Actor, treaty: str, sent: Sentence, rule: str) -> Candidate:
    return sent.candidate(
        "signatory",
        treaty,
        actor.answer,
        finish(f"{actor.shown} is a party to {with_the(treaty)}"),
        key=(treaty, actor.name),
        rule=rule,
        entity=actor.name,
        entity_type=actor.type,
    )


def _by_phrase(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "by" for c in verb.children)


def _signer(tok: Token, sent: Sentence, ctx: ArticleContext) -> Actor | None:
    actor = resolve(tok, sent, ctx)
    if actor is not None:
        named_treaty = actor.answer.split()[-1].lower() in TREATY_WORDS  # "the … Disposition Agreement, signed in …"
        return None if actor.type == "treaty" or named_treaty or actor.answer not in sent.text else actor
    if _counted_group(tok):
        return None
    if any(c.dep_ == "nummod" for c in tok.children) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
    ):
        return None  # "six members of the Warsaw Pact": a share of the signers, not who signed
    if (
        tok.pos_ == "NOUN"
        and tok.lemma_ in GROUP_NOUNS
        and any(c.dep_ == "nummod" or c.dep_ == "amod" for c in tok.children)
    ):
        keep = [
            tok,
            *(t for c in tok.children if c.i < tok.i and c.dep_ in ("nummod", "amod", "compound") for t in c.subtree),
        ]
        text = span_text(trim(sorted(keep, key=lambda t: t.i)))
        return Actor(text, text, "other")
    return None


def _party_nouns(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    """'the remaining signatories, Britain, France and China'; 'Russia would remain a signatory'."""
    treaty = ctx.treaty()
    if treaty is None:
        return []
    out = []
    for noun in sent.tokens:
        if noun.lemma_ not in PARTY_NOUNS or noun.pos_ != "NOUN" or sent.token_quoted(noun):
            continue
        named: list[Token] = []
        for c in noun.children:
            if c.dep_ == "appos" or c.dep_ == "conj" and c.ent_type_ == "GPE":
                named += conjuncts(c)
        if noun.dep_ == "conj":
            head = noun.head
            while head.dep_ == "conj" and head.head.i != head.i:
                head = head.head
            named += [t for t in conjuncts(head) if t.i != noun.i and t.ent_type_ in ("GPE", "NORP", "ORG")]
        if noun.dep_ == "appos" and _party_appos(noun):
            named.append(noun.head)  # "Ukraine, a party since 2005, …"
        not_so = negated(noun.head) or negated_subject(noun.head)
        if noun.dep_ in ("attr", "oprd") and noun.head.lemma_ in COPULAS and not not_so:
            subj = subject_of(noun.head)
            if subj is not None:
                named.append(subj)
        if noun.dep_ == "nsubj" and noun.tag_ == "NNS" and noun.head.lemma_ == "be" and not not_so:
            # "The bloc's 11 existing members are Japan, Canada, …"
            named += [t for c in noun.head.children if c.dep_ == "attr" for t in conjuncts(c)]
        for tok in named:
            actor = resolve(tok, sent, ctx)
            if actor is None or actor.type not in ("country", "organization") or actor.answer not in sent.text:
                continue
            if _legislature(tok, actor):
                continue
            out.append(_party_candidate(actor, treaty, sent, "signatories.party_noun"))
    return out


def _party_appos(noun: Token) -> bool:
    """'a party since 2005', 'a signatory to the convention': a party noun in apposition to a state.

    'party' and 'member' also name political parties and clubs, so they need a date or a 'to'/'of' phrase."""
    if noun.head.ent_type_ not in ("GPE", "NORP", "ORG") or noun.head.pos_ != "PROPN":
        return False
    if noun.lemma_ in SIGNER_NOUNS:
        return True
    return any(
        c.dep_ == "prep"
        and (
            c.lower_ == "since"
            or c.lower_ in ("to", "of")
            and any(p.lower_ in TREATY_WORDS | {"it"} for p in c.children)
        )
        for c in noun.children
    )


def _as_written(tok: Token, actor: Actor) -> str:
    ent = next((e for e in ents(tok.doc) if e.start <= tok.i < e.end), None)
    text = span_text(list(ent)) if ent is not None else actor.answer
    return actor.answer if actor.answer in doc_text(tok.doc) else text
