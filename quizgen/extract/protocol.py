"""The extractor interface and its registry.

An extractor proposes candidate facts of one kind from a sentence, generously; a model trained on the
annotations (decide.py) decides what to keep, and merging pools what is kept. An extractor may also read the
whole article first (`learn`), before any sentence is proposed from. Extractors register themselves;
`extractors()` gives them in the fixed order of ORDER, like the table of item makers in quizgen/questions/.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar, runtime_checkable

from .context import ArticleContext, Candidate, Sentence


class Extractor(Protocol):
    """Proposes candidates of one kind, one sentence at a time, in article order."""

    name: str  # its place in ORDER, and the prefix of its candidates' rules ("dates" → "dates.governed")
    kind: str  # the kind of fact it proposes

    def propose(self, sent: Sentence, ctx: ArticleContext) -> Iterable[Candidate]: ...


@runtime_checkable
class Learner(Protocol):
    """An extractor that also reads the whole article before proposing (optional)."""

    def learn(self, sents: Sequence[Sentence], ctx: ArticleContext) -> None: ...


Propose = Callable[[Sentence, ArticleContext], Iterable[Candidate]]


@dataclass(frozen=True)
class FunctionExtractor:
    """An extractor that is one function of a sentence."""

    name: str
    kind: str
    fn: Propose
    # A generous proposer (proposals.py): it judges nothing, so what it proposes is not taken as known while
    # reading on (who spoke last, say) - only what the rule extractors find is.
    generous: bool = False

    def propose(self, sent: Sentence, ctx: ArticleContext) -> Iterable[Candidate]:
        return self.fn(sent, ctx)


# The order extractors run in, by name (each the module that registers it). It is part of the output: one
# sentence's candidates come in this order, and merging keeps the first of equal claims. So it is fixed here,
# not left to the order modules happen to be imported in.
# The rule extractors come first, so a claim a rule and a generous proposer both make keeps the rule's words.
ORDER = (
    "roles", "dates", "signatories", "limits", "positions", "events", "quotes",
    "descriptions", "any_dates", "amounts", "provisions", "figures", "actors", "parties", "happenings",
    "speakers", "turns", "authors",
)  # fmt: skip

# Extractors that live in a module of another name.
MODULES = {
    name: "proposals"
    for name in ("descriptions", "any_dates", "amounts", "provisions", "figures", "actors", "parties", "happenings")
} | {"turns": "transcripts", "speakers": "quotes"}

_REGISTRY: dict[str, Extractor] = {}

E = TypeVar("E", bound=Extractor)


def register(extractor: E) -> E:
    """Add an extractor (one whose name has a place in ORDER)."""
    if extractor.name not in ORDER:
        raise ValueError(f"extractor {extractor.name!r} has no place in ORDER")
    _REGISTRY[extractor.name] = extractor
    return extractor


def sentence_extractor(name: str, kind: str, generous: bool = False) -> Callable[[Propose], Propose]:
    """Decorator: register a function of a sentence as the extractor `name` of `kind`."""

    def wrap(fn: Propose) -> Propose:
        register(FunctionExtractor(name, kind, fn, generous))
        return fn

    return wrap


def extractors() -> tuple[Extractor, ...]:
    """Every extractor, in ORDER."""
    for module in dict.fromkeys(MODULES.get(name, name) for name in ORDER):
        importlib.import_module(f"{__package__}.{module}")  # registers them
    return tuple(_REGISTRY[name] for name in ORDER if name in _REGISTRY)
