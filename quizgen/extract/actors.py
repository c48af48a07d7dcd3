"""Who a subject token stands for: a person, a state, an organization, or the article's treaty."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..english import with_the
from .context import ArticleContext, Sentence, find_treaty_names
from .entities import country_of
from .lexicon import (
    INDEFINITE,
    LED_BODIES,
    NOT_ACTORS,
    ORG_NOUNS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    SOURCE_NOUNS,
    TITLE_WORDS,
    TREATY_PARTS,
    TREATY_WORDS,
)
from .people import strip_possessive
from .syntax import Token, compact_name, contiguous_around, ents, span_text, trim


@dataclass(frozen=True)
class Actor:
    answer: str  # as the article writes it (a person's full name)
    name: str  # canonical
    type: str  # person | country | organization | treaty | other
    the: bool = False  # the article writes "the" before it

    @property
    def shown(self) -> str:
        """How a statement names it: 'the Trump administration', 'the White House', 'Beijing'."""
        if self.type == "person":
            return self.answer
        return (
            f"the {self.answer}" if self.the and not self.answer.lower().startswith("the ") else with_the(self.answer)
        )


_DOUBLE_SURNAME = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+")


def antecedent(token: Token) -> Token:
    """For 'which'/'who' in a relative clause, the noun the clause hangs on."""
    if token.lower_ in RELATIVE_PRONOUNS:
        verb = token.head
        while verb.dep_ in ("conj",) and verb.head.i != verb.i:
            verb = verb.head
        if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
            return verb.head
    return token


def resolve(token: Token, sent: Sentence, ctx: ArticleContext, allow_treaty: bool = False) -> Actor | None:
    """Who or what a token stands for. What the article has taught so far changes only between sentences, so
    within one the answer is kept (many extractors ask about the same subjects)."""
    memo = ctx.state.setdefault("actors.resolve", {})
    key = (id(token.doc), token.i, allow_treaty, ctx.at, len(ctx.recent), len(ctx.speakers), ctx.last_subject)
    if key not in memo:
        memo[key] = _resolve(token, sent, ctx, allow_treaty)
    return memo[key]


def _resolve(token: Token, sent: Sentence, ctx: ArticleContext, allow_treaty: bool = False) -> Actor | None:
    token = antecedent(token)
    low = token.lower_
    if low in PRONOUNS:
        name = _pronoun_person(token, ctx)
        return Actor(name, name, "person") if name else None
    if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and ctx.person(token.text)):
        ent = next((e for e in ents(token.doc) if e.start <= token.i < e.end), None)
        name = ctx.person(ent.text if ent is not None else token.text)
        if name:
            return Actor(name, name, "person")
        if ent is not None and ent.label_ == "PERSON" and _DOUBLE_SURNAME.fullmatch(ent.text):
            # "said Adeyinka-Ross", first named only in a byline: the surname whole, not its last half
            return Actor(ent.text, ent.text, "person")
    # "Russian President Vladimir Putin": the title is the head, the name its appos or compound.
    for child in token.children:
        if child.dep_ == "appos":
            # "The head of the organization, Executive Secretary Robert Floyd, …"
            # (the name in apposition itself, not one deep inside it: "Komeito, the junior partner in Suga's
            # ruling coalition" is not Suga)
            inner = [
                e
                for e in ents(token.doc)
                if child.left_edge.i <= e.start
                and e.end <= child.right_edge.i + 1
                and (e.root.i == child.i or e.root.head.i == child.i and e.root.dep_ in ("appos", "compound", "flat"))
            ]
            names = [n for n in (ctx.person(e.text) for e in inner) if n]
            if len(set(names)) == 1:
                return Actor(names[0], names[0], "person")
    if low in TITLE_WORDS or low.rstrip("s") in TITLE_WORDS:
        if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in token.children):
            return None  # "a spokesman for …": someone unnamed
        name = ctx.resolve_person_token(token)
        if name:
            return Actor(name, name, "person")
        return None
    if allow_treaty and (low in TREATY_WORDS or low == "it" or _names_treaty(token)):
        treaty = _treaty_for(token, ctx)
        if treaty:
            return Actor(treaty, treaty, "treaty")
    if allow_treaty and low in TREATY_PARTS:
        for prep in token.children:  # "the current iteration of the agreement"
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    inner = resolve(pobj, sent, ctx, allow_treaty=True)
                    if inner is not None and inner.type == "treaty":
                        return inner
    if low in NOT_ACTORS or token.pos_ == "PRON" or token.lemma_.lower() in SOURCE_NOUNS or low in SOURCE_NOUNS:
        return None
    phrase = _actor_phrase(token)
    if not phrase:
        return None
    text = strip_possessive(span_text(phrase))
    the = phrase[0].i > 0 and token.doc[phrase[0].i - 1].lower_ == "the"
    led = _led_by(token, ctx)
    if led:
        return Actor(text, led, "organization", the)
    country = country_of(text)
    if country:
        return Actor(text, country, "country", the)
    named_head = (
        token.pos_ == "PROPN"
        or token.ent_type_ in ("GPE", "ORG", "NORP")
        or token.lemma_.lower() in ORG_NOUNS
        or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    )
    if named_head and any(t.pos_ == "PROPN" or t.ent_type_ for t in phrase):
        words = text.split()
        if not words or not words[0][:1].isupper() and not any(w[:1].isupper() for w in words):
            return None
        etype = "country" if token.ent_type_ == "GPE" else "organization"
        return Actor(text, text, etype, the)
    return None


def _actor_phrase(token: Token) -> list[Token]:
    """'the administration of US President Donald Trump' → without the determiner; names stay whole."""
    toks = [token]
    for child in token.children:
        if (
            child.dep_ in ("compound", "amod", "nmod", "poss")
            and child.i < token.i
            or child.dep_ == "prep"
            and child.lower_ == "of"
            and child.i > token.i
        ):
            toks.extend(child.subtree)
    return trim(contiguous_around(token, toks))


def _led_by(token: Token, ctx: ArticleContext) -> str | None:
    """'the administration of US President Donald Trump' and 'the Trump administration' are one actor:
    '<surname> <body>'."""
    if token.lemma_.lower() not in LED_BODIES:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                ent = next(
                    (
                        e
                        for e in ents(token.doc)
                        if e.label_ == "PERSON" and e.start >= pobj.left_edge.i and e.end <= pobj.right_edge.i + 1
                    ),
                    None,
                )
                name = ctx.person(ent.text) if ent is not None else None
                if name:
                    return f"{name.split()[-1]} {token.lower_}"
    for child in token.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            surname = ctx.person(child.text)
            if surname or child.ent_type_ in ("PERSON", "ORG"):
                return f"{child.text} {token.lower_}"
    return None


def _pronoun_person(token: Token, ctx: ArticleContext) -> str | None:
    """'he': the person reported to be speaking, else the nearest person before it in the sentence, else the
    article's last speaker."""
    reporter = ctx.reporter_as(token)
    if reporter:
        return reporter
    doc = token.doc
    best = None
    for ent in ents(doc):
        if ent.end <= token.i:
            name = ctx.person(ent.text)
            if name and ctx.fits(name, token.lower_):
                best = name
    return best or ctx.pronoun_person(token.lower_)


def _names_treaty(token: Token) -> bool:
    phrase = span_text(compact_name(token))
    return bool(find_treaty_names(phrase)) and token.pos_ == "PROPN"


def _treaty_for(token: Token, ctx: ArticleContext) -> str | None:
    """A named treaty keeps its name (mapped to the article's usage); a bare 'the treaty' is the article's."""
    phrase = span_text(compact_name(token))
    names = find_treaty_names(phrase, ctx.names)
    if names:
        return ctx.names.canonical(names[0][0])
    # An article that never names its treaty still speaks of "the treaty": keep its own words.
    return ctx.treaty() or (f"the {token.lower_}" if token.lower_ in TREATY_WORDS else None)
