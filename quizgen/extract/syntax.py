"""Helpers over spaCy tokens: phrases, subjects, clauses. Pure functions of a parse."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .lexicon import DETERMINERS, RAISING

Token = Any  # spacy.tokens.Token; typed loosely so this module never imports spaCy

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_EDGE_PUNCT = set(",;:–—-()[]\"'“”‘’ ")


def ents(doc: Any) -> tuple[Any, ...]:
    """The doc's entity spans, made once per doc (spaCy builds the tuple anew on every `doc.ents`)."""
    cached = doc.user_data.get("quizgen.ents")
    if cached is None:
        cached = doc.user_data["quizgen.ents"] = tuple(doc.ents)
    return cached


def tokens(doc: Any) -> list[Token]:
    """The doc's tokens, made once per doc: iterating a Doc makes a new Token object for every token every
    time, and the extractors walk each sentence some twenty times."""
    cached = doc.user_data.get("quizgen.tokens")
    if cached is None:
        cached = doc.user_data["quizgen.tokens"] = list(doc)
    return cached


def subtree(token: Token) -> list[Token]:
    """The token's subtree, in order, made once per token (spaCy walks the tree and makes new Token objects on
    every `token.subtree`; clauses are cut from the same verbs' subtrees again and again)."""
    memo = token.doc.user_data.setdefault("quizgen.subtrees", {})
    got = memo.get(token.i)
    if got is None:
        every = tokens(token.doc)
        got = memo[token.i] = [every[t.i] for t in token.subtree]
    return got


def doc_text(doc: Any) -> str:
    """The doc's text, made once per doc (spaCy joins its tokens anew on every `doc.text`)."""
    cached = doc.user_data.get("quizgen.text")
    if cached is None:
        cached = doc.user_data["quizgen.text"] = doc.text
    return cached


def span_text(tokens: Iterable[Token]) -> str:
    """The verbatim text covered by tokens (contiguous from first to last), from the sentence."""
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return ""
    return doc_text(toks[0].doc)[toks[0].idx : toks[-1].idx + len(toks[-1].text)]


def trim(tokens: list[Token], drop_det: bool = True) -> list[Token]:
    """Drop leading determiners / possessive pronouns and edge punctuation."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (
        toks[0].text in _EDGE_PUNCT
        or toks[0].is_space
        or (drop_det and (toks[0].lower_ in DETERMINERS or toks[0].dep_ == "poss" and toks[0].pos_ == "PRON"))
    ):
        toks = toks[1:]
    while toks and (toks[-1].text in _EDGE_PUNCT or toks[-1].is_space or toks[-1].dep_ == "case"):
        toks = toks[:-1]
    # An opening bracket whose close was cut off goes, with what follows it: "… Weapons (OPCW"
    opened = [n for n, t in enumerate(toks) if t.text == "("]
    if opened and not any(t.text == ")" for t in toks[opened[-1] :]):
        toks = trim(toks[: opened[-1]], drop_det)
    return toks


def noun_phrase(
    head: Token, exclude_deps: tuple[str, ...] = ("relcl", "acl", "appos", "punct", "cc", "conj")
) -> list[Token]:
    """The head's phrase without relative clauses, appositions and conjuncts."""
    toks = [head]
    for child in head.children:
        glued = child.text in ("-", "–") and not child.whitespace_  # "Director-General"
        if child.dep_ in exclude_deps and not glued:
            continue
        toks.extend(child.subtree)
    return contiguous_around(head, toks)


def contiguous_around(head: Token, toks: list[Token]) -> list[Token]:
    ids = {t.i for t in toks}
    lo = hi = head.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return [head.doc[i] for i in range(lo, hi + 1)]


def compact_name(head: Token) -> list[Token]:
    """A name-like phrase: the head with its compounds, amods and 'of' phrases of proper nouns."""
    toks = [head]
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod", "nummod") and child.i < head.i:
            toks.extend(child.subtree)
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i > head.i:
            pobj = [c for c in child.children if c.dep_ == "pobj"]
            if pobj and pobj[0].pos_ == "PROPN":
                toks.extend(child.subtree)
    return trim(contiguous_around(head, toks))


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ('Obama and Medvedev')."""
    out = [token]
    for c in token.children:
        if c.dep_ == "conj":
            out.extend(conjuncts(c))
    return out


def verb_group(verb: Token) -> list[Token]:
    """Auxiliaries, negation and the verb; through 'is due to' / 'is set to' raising heads."""
    toks = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "prt")]
    head = verb.head
    if verb.dep_ == "xcomp" and head.lemma_ in RAISING:
        toks.append(head)
        toks.extend(c for c in head.children if c.dep_ in ("aux", "auxpass", "neg"))
        if head.dep_ == "acomp":
            toks.append(head.head)
            toks.extend(c for c in head.head.children if c.dep_ in ("aux", "auxpass", "neg"))
    return sorted(set(toks), key=lambda t: t.i)


_SIDE_CLAUSES = ("advcl", "conj", "cc", "parataxis", "mark", "punct", "relcl")


def clause_after(verb: Token, drop: set[int] | None = None) -> str:
    """What follows a verb in its own clause: objects and prepositional phrases, without side clauses
    ('…, calling it …', '… and reimposed …') or the tokens in `drop` (with everything under them)."""
    drop = drop or set()
    keep: list[Token] = []
    for child in verb.children:
        if child.i < verb.i or child.dep_ in _SIDE_CLAUSES or child.i in drop:
            continue
        keep.extend(t for t in child.subtree if t.i not in drop and not any(a.i in drop for a in t.ancestors))
    keep.sort(key=lambda t: t.i)
    runs: list[list[Token]] = []
    for t in keep:
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return " ".join(span_text(r).strip(" ,") for r in runs if span_text(r).strip(" ,"))
