"""What extractors share while reading one article: its sentences, people, offices and treaty."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..model import DateValue, Quantity
from ..text import for_parser
from .lexicon import (
    NOT_TREATY_ACRONYMS,
    SENTENCE_OPENERS,
    TREATY_ACRONYMS,
)
from .people import People, untagged_names
from .syntax import Token
from .treaties import TreatyNames


@dataclass
class Sentence:
    source: str
    index: int  # position in the article, counting from 0
    start: int  # character offsets into the article text
    end: int
    text: str
    doc: Any  # the spaCy Doc of this sentence alone
    quoted: list[tuple[int, int]] = field(default_factory=list)  # char spans (sentence-relative) inside quotes
    paragraph: int = 0  # the article paragraph it is in

    def token_quoted(self, token: Token) -> bool:
        return any(s <= token.idx < e for s, e in self.quoted)

    @cached_property
    def root(self) -> Token | None:
        """The sentence's root token (its main verb, or the head of a line without one)."""
        return next((t for t in self.doc if t.dep_ == "ROOT"), None)

    @cached_property
    def untagged_names(self) -> list[Any]:
        """Names the tagger missed (see `untagged_names`), found once per sentence: people and roles both ask."""
        return untagged_names(self.doc)

    def candidate(
        self,
        kind: str,
        subject: str,
        answer: str,
        statement: str,
        *,
        key: Sequence[str],
        rule: str,
        evidence: str | None = None,
        **typed_fields: Any,
    ) -> Candidate:
        """A candidate this sentence states: source, evidence (the sentence, or a quotation in it), sentence
        index and merge key (`kind|part|…`, from `key`'s parts) filled in; `rule` names the detector."""
        return Candidate(
            kind=kind,
            subject=subject,
            answer=answer,
            statement=statement,
            source=self.source,
            evidence=self.text if evidence is None else evidence,
            sentence=self.index,
            key="|".join((kind, *key)),
            rule=rule,
            **typed_fields,
        )

    def as_written(self, text: str) -> str:
        """`text`, taken from the parse, as the sentence writes it: the parser saw no-break spaces as spaces
        ('34\u00a0metric tons'), and answers are verbatim."""
        return as_written(self.text, text)


def as_written(sentence: str, text: str) -> str:
    if text in sentence:
        return text
    at = for_parser(sentence).find(text)  # the text the parse came from: same length
    return sentence[at : at + len(text)] if at >= 0 else text


@dataclass
class Candidate:
    """A fact as one sentence states it, before merging."""

    kind: str
    subject: str
    answer: str
    statement: str
    source: str
    evidence: str
    sentence: int
    date: DateValue | None = None
    quantity: Quantity | None = None
    entity: str | None = None
    entity_type: str | None = None
    event: str | None = None
    stance: str | None = None
    quote: str | None = None
    party: str | None = None
    relative: str | None = None
    key: str = ""  # what makes two candidates the same claim (set by the extractor)
    topic: frozenset[str] = frozenset()  # positions: content words of the stance's object
    # The detector that proposed it ("dates.governed"): a feature for the model that decides. Not part of the
    # claim: merge keys and fact ids never read it.
    rule: str = ""
    # What else the model reads about how it was proposed (features.py); reset once the model has decided.
    anchor: int = -1  # the token heading the answer in the sentence's doc (-1: not in it, or not known)
    trigger: int = -1  # the verb or noun that makes it this kind of fact (-1: none)
    group: str = ""  # candidates of one group compete (a quotation's possible speakers): at most one is kept
    hints: dict[str, str] = field(default_factory=dict)  # the detector's own observations ("distance": "para")


class ArticleContext(People):
    """What extractors share while reading one article: its text, its people and their offices (People),
    its treaty."""

    def __init__(
        self,
        source: str,
        published: DateValue | None = None,
        names: TreatyNames | None = None,
        text: str = "",
        paragraphs: Sequence[tuple[int, int]] = (),
    ) -> None:
        super().__init__()
        self.source = source
        self.published = published
        self.names = names or TreatyNames()
        self.text = text  # the article's text, which Sentence offsets index
        self.paragraphs = list(paragraphs)  # (start, end) of each paragraph in `text`
        self.state: dict[str, Any] = {}  # an extractor's own state for this article, by extractor name
        self.treaties: dict[str, int] = {}  # canonical treaty name → mentions in this article

    # -- treaties ---------------------------------------------------------------------------------
    def learn_treaties(self, sent: Sentence) -> None:
        for name, _alias in find_treaty_names(sent.text):
            canonical = self.names.canonical(name)
            self.treaties[canonical] = self.treaties.get(canonical, 0) + 1

    def treaty(self) -> str | None:
        """The treaty the article is about: the one it names most often."""
        if not self.treaties:
            return None
        # a tie goes to the one named first: the lead names the article's treaty, background ones come later
        order = {name: i for i, name in enumerate(self.treaties)}
        return max(self.treaties.items(), key=lambda kv: (kv[1], -order[kv[0]]))[0]


_TREATY_NAME = re.compile(
    r"\b((?:[Nn]ew\s+)?(?:[A-Z][\w’'-]*\s+(?:(?:of|on|for)\s+(?:the\s+)?)?){0,8}"
    r"(?:Treaty|Agreement|Accord|Accords|Pact|Convention|Protocol|Deal|Charter|Initiative|Statute|Covenant"
    r"|Plan\s+of\s+Action)"
    r"(?:\s+on\s+(?:the\s+)?[A-Z][\w-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w-]*)*)?)(?:\s+\(((?:[Nn]ew\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\))?"
)
_ACRONYM_TREATY = re.compile(
    r"\b((?:New\s+)?[A-Z]{3,}(?:[- ]?[IVX0-9]+)?(?:\s+(?:Treaty|Agreement|Accord|Pact))?)"
    r"(?=\s+(?:treaty|pact|accord|deal|agreement)|(?<=Treaty|Accord)|(?<=Agreement)|(?<=Pact))"
)
# "the Paris climate agreement": a place or proper name, a few lower-case words, a treaty word.
_NAMED_COMMON = re.compile(
    r"\b((?:[A-Z][\w’'-]+\s+){1,3}(?:(?!(?:of|the|to|out|in|on|with|and|a|an|from|for|by|at|as)\b)"
    r"[a-z][\w-]+\s+){0,2}(?:agreement|accord|accords|deal|treaty|pact))\b"
)
_BARE_ACRONYM = re.compile(r"(?<![\w(])(New\s+[A-Z]{3,}|[A-Z]{3,}(?:[- ]?[IVX0-9]+)?)(?![\w)])")


def find_treaty_names(text: str) -> list[tuple[str, str | None]]:
    """Treaty names in a sentence: ('New START', None), ('Strategic Arms Reduction Treaty', 'START')."""
    out: list[tuple[str, str | None]] = []
    taken: list[tuple[int, int]] = []
    for m in _TREATY_NAME.finditer(text):
        long_name = re.sub(r"^The\s+", "", m.group(1).strip())
        if len(long_name.split()) < 2:
            continue
        short = m.group(2)
        name = short.strip() if short else long_name
        out.append((name, long_name if short else None))
        taken.append(m.span())
    for m in _ACRONYM_TREATY.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            out.append((m.group(1), None))
            taken.append(m.span())
    for m in _NAMED_COMMON.finditer(text):
        name = m.group(1)
        first = name.split()[0]
        # A capital that only starts the sentence makes no name ("Trade deal talks …").
        if m.start() == 0 or any(s <= m.start() < e for s, e in taken) or first in SENTENCE_OPENERS:
            continue
        out.append((name, None))
        taken.append(m.span())
    known = {n for n, _ in out}
    for m in _BARE_ACRONYM.finditer(text):
        if m.group(1) in known or any(s <= m.start() < e for s, e in taken):
            continue
        label = not text[: m.start()].strip() and m.group(1) not in TREATY_ACRONYMS
        if label and _SPEAKER_AFTER.match(text, m.end()):
            continue  # "ANCHOR: …", "HOST (MARIT KJELLBERG): …": a transcript's speaker, not a treaty
        if m.group(1).startswith("New ") or _looks_like_treaty_acronym(m.group(1)):
            out.append((m.group(1), None))
    return out


_SPEAKER_AFTER = re.compile(r"\s*(?:\([^)]{0,60}\)\s*)?:")


def _looks_like_treaty_acronym(word: str) -> bool:
    # Acronyms like START, SALT, CTBT, NPT, JCPOA, INF; not country codes, agencies or summits (COP21).
    if any(c.isdigit() for c in word):
        return False
    return word in TREATY_ACRONYMS or (len(word) >= 4 and word not in NOT_TREATY_ACRONYMS)
