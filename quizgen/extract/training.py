"""Training examples for the extraction model: each proposal of an annotated article, labelled by the gold.

A proposal is a positive example when, made into a fact, it matches a gold fact by the rules the scorer uses
(quizgen/evaluate.py): the model learns exactly what the figures measure. Pure: the caller parses and reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..evaluate import GoldFact, matches
from ..model import Evidence, Fact
from .features import Proposal


@dataclass(frozen=True)
class Example:
    set: str
    article: str
    kind: str
    features: tuple[str, ...]
    label: bool
    group: str  # proposals of one group compete (qualified by article); "" when none
    gold: tuple[int, ...]  # the scored gold facts it matches (indices into the article's gold list)
    unscored: bool = False  # matches only a gold date left unscored (relative): neither right nor wrong
    key: str = ""  # the claim it states: proposals of one key become one fact when merged


def as_fact(p: Proposal) -> Fact:
    c = p.cand
    return Fact(
        id="proposal",
        kind=c.kind,
        subject=c.subject,
        answer=c.answer,
        statement=c.statement,
        evidence=[Evidence(c.source, c.evidence)],
    )


def examples(set_name: str, article: str, props: Sequence[Proposal], gold: Sequence[GoldFact]) -> list[Example]:
    out = []
    for p in props:
        fact = as_fact(p)
        hits = tuple(i for i, g in enumerate(gold) if not g.relative and matches(fact, g))
        unscored = not hits and any(g.relative and matches(fact, g) for g in gold)
        out.append(
            Example(
                set_name,
                article,
                p.cand.kind,
                tuple(p.features),
                bool(hits),
                f"{article}|{p.cand.group}" if p.cand.group else "",
                hits,
                unscored,
                f"{p.cand.kind}|{p.cand.key}",
            )
        )
    return out
