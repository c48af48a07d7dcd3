"""`signatory` facts: who signed a treaty, or is a party to it, and for which country."""

from __future__ import annotations

from .actors import Actor, resolve
from .context import ArticleContext, Candidate, Sentence
from .entities import country_of_demonym
from .statements import finish, past, with_the
from .syntax import Token, agent_of, conjuncts, span_text, subject_of, trim

SIGN_VERBS = {"sign", "ink", "ratify", "conclude"}
PARTY_VERBS = {"agree", "pledge", "commit", "undertake", "join", "rejoin", "accede", "adopt"}
PARTY_NOUNS = {"signatory", "party", "signer", "member"}
# Common nouns that still name who signed: "six world powers", "196 parties".
GROUP_NOUNS = {"power", "country", "nation", "state", "party", "member", "government", "signatory"}
_HYPOTHETICAL = {"want", "wish", "hope", "call", "urge", "ask", "press", "demand", "consider", "refuse", "plan"}


def _treaty_of(verb: Token, sent: Sentence, ctx: ArticleContext) -> str | None:
    """The treaty a signing verb is about: its object, its passive subject, the noun it modifies."""
    candidates: list[Token] = []
    candidates += [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if verb.dep_ in ("relcl", "acl", "advcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        candidates.append(verb.head)
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl", "relcl"):
        # "Under the JCPOA, agreed in Vienna …": the participle describes the treaty named before it
        for tok in sent.doc:
            if tok.lower_ == "under" and tok.dep_ == "prep":
                candidates += [p for p in tok.children if p.dep_ == "pobj"]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "under":
            candidates += [p for p in c.children if p.dep_ == "pobj"]
    for c in candidates:
        actor = resolve(c, sent, ctx, allow_treaty=True)
        if actor is not None and actor.type == "treaty":
            return actor.name
        if c.lower_ in ("iteration", "version", "text", "article", "provision", "terms", "clause") or c.is_title:
            # "under Article VI of the treaty"
            for p in c.subtree:
                a = resolve(p, sent, ctx, allow_treaty=True) if p.dep_ == "pobj" else None
                if a is not None and a.type == "treaty":
                    return a.name
    return None


def _signers(verb: Token) -> list[Token]:
    return [*_named_signers(verb), *_with_parties(verb)]


def _with_parties(verb: Token) -> list[Token]:
    """'… by Russia and Ukraine in separate agreements with Turkey and the United Nations'."""
    out = []
    for tok in verb.subtree:
        if tok.dep_ == "prep" and tok.lower_ == "with" and tok.head.lemma_ in ("agreement", "deal", "accord", "pact"):
            out += [t for p in tok.children if p.dep_ == "pobj" for t in conjuncts(p)]
    return out


def _named_signers(verb: Token) -> list[Token]:
    agent = agent_of(verb)
    if agent is not None:
        return conjuncts(agent)
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


def extract(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    for verb in sent.doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in SIGN_VERBS | PARTY_VERBS:
            continue
        if _negated_or_hypothetical(verb):
            continue  # "has not ratified it", "wants China to join the agreement"
        treaty = _treaty_of(verb, sent, ctx)
        if treaty is None:
            continue
        for tok in _signers(verb):
            tok = _person_behind(tok)
            actor = _signer(tok, sent, ctx)
            if actor is None:
                continue
            party = _party(tok, actor, ctx)
            shown_treaty = with_the(treaty)
            if lemma in SIGN_VERBS:
                action = "ratified" if lemma == "ratify" else "signed"
                statement = f"{actor.shown} {action} {shown_treaty}" + (f" for {with_the(party)}" if party else "")
            elif agent_of(verb) is not None or _by_phrase(verb):  # "adopted by 196 parties"
                statement = f"{actor.shown} {past(lemma)} {shown_treaty}"
            elif actor.type == "other":  # "Six world powers": a group, plural
                statement = f"{actor.shown} are parties to {shown_treaty}"
            else:
                statement = f"{actor.shown} is a party to {shown_treaty}"
            out.append(
                Candidate(
                    kind="signatory",
                    subject=treaty,
                    answer=actor.answer if actor.type != "person" else _as_written(tok, actor),
                    statement=finish(statement),
                    source=sent.source,
                    evidence=sent.text,
                    sentence=sent.index,
                    entity=actor.name,
                    entity_type=actor.type,
                    party=party,
                    key=f"signatory|{treaty}|{actor.name}",
                )
            )
    out.extend(_party_nouns(sent, ctx))
    return out


def _by_phrase(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "by" for c in verb.children)


def _negated_or_hypothetical(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "should") for c in verb.children):
        return True
    return any(a.lemma_ in _HYPOTHETICAL for a in verb.ancestors)


def _signer(tok: Token, sent: Sentence, ctx: ArticleContext) -> Actor | None:
    actor = resolve(tok, sent, ctx)
    if actor is not None:
        return None if actor.type == "treaty" or actor.answer not in sent.text else actor
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
    for noun in sent.doc:
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
        negated = any(c.dep_ == "neg" for c in noun.head.children)
        if noun.dep_ in ("attr", "oprd") and noun.head.lemma_ in ("be", "remain", "become", "stay") and not negated:
            subj = subject_of(noun.head)
            if subj is not None:
                named.append(subj)
        for tok in named:
            actor = resolve(tok, sent, ctx)
            if actor is None or actor.type not in ("country", "organization") or actor.answer not in sent.text:
                continue
            out.append(
                Candidate(
                    kind="signatory",
                    subject=treaty,
                    answer=actor.answer,
                    statement=finish(f"{actor.shown} is a party to {with_the(treaty)}"),
                    source=sent.source,
                    evidence=sent.text,
                    sentence=sent.index,
                    entity=actor.name,
                    entity_type=actor.type,
                    key=f"signatory|{treaty}|{actor.name}",
                )
            )
    return out


def _as_written(tok: Token, actor: Actor) -> str:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    text = span_text(list(ent)) if ent is not None else actor.answer
    return actor.answer if actor.answer in tok.doc.text else text
