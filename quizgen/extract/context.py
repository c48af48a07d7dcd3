"""What extractors share while reading one article: its sentences, people, offices and treaty."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..english import MONTHS
from ..model import DateValue, Quantity
from ..text import for_parser
from .lexicon import (
    SENTENCE_OPENERS,
    TREATY_ACRONYMS,
)
from .people import People, untagged_names
from .syntax import Token, tokens
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

    @property
    def tokens(self) -> list[Token]:
        """The sentence's tokens (see syntax.tokens): iterate these, not the doc."""
        return tokens(self.doc)

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
    confidence: float | None = None  # the model's probability, once it has decided (two decimals)
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
        self._titled: dict[str, int] = {}  # … → mentions in the headline
        self._lead: set[str] = set()  # … named in the lead

    # -- time ---------------------------------------------------------------------------------------
    def long_ago(self, sent: Sentence) -> bool:
        """Whether the sentence tells of a time long before the article's own (its date, or else the latest
        year it names): the years of its paragraph are ten or more before. "Horace Rumbold, the British High
        Commissioner" in an entry on 1923 held that office then, not now."""
        years = _years(self.text, self.paragraphs, self.state)
        if not years.now or sent.paragraph >= len(years.by_paragraph) or not years.by_paragraph[sent.paragraph]:
            return False
        now = self.published.year if self.published and self.published.year else years.now
        return now - max(years.by_paragraph[sent.paragraph]) >= _LONG_AGO

    # -- treaties ---------------------------------------------------------------------------------
    def learn_title(self, title: str) -> None:
        """A treaty the headline names is what the article is about, however often the body names another.
        Only a name the articles themselves write counts: a title-case headline runs words into a name
        ("Bush, Putin Sign Pact", "Withdraw From ABM Treaty"), so the longest known part of it is taken."""
        for found, _alias in find_treaty_names(title, self.names):
            words = found.split()
            parts = (" ".join(words[i:j]) for n in range(len(words), 0, -1) for i in range(len(words) - n + 1)
                     for j in [i + n])  # fmt: skip
            name = next((p for p in parts if self.names.knows(p)), None)
            if name is not None:
                name = self.names.canonical(name)
                self._titled[name] = self._titled.get(name, 0) + 1

    def learn_treaties(self, sent: Sentence) -> None:
        lead = sent.paragraph <= 1  # a treaty the lead names is the article's; background ones come later
        for name in self._treaty_mentions(sent.text):
            self.treaties[name] = self.treaties.get(name, 0) + 1
            if lead:
                self._lead.add(name)

    def _treaty_mentions(self, text: str) -> list[str]:
        return [self.names.canonical(name) for name, _alias in find_treaty_names(text, self.names)]

    def treaty(self) -> str | None:
        """The treaty the article is about: the one it names most often, counting a name in the headline as
        several mentions and one in the lead as one more."""
        # a tie goes to the one named first: in the headline, then in the text (whose lead comes first)
        named = list(dict.fromkeys([*self._titled, *self.treaties]))
        if not named:
            return None

        def weight(name: str) -> int:
            return self.treaties.get(name, 0) + _TITLE_WEIGHT * self._titled.get(name, 0) + int(name in self._lead)

        return max(enumerate(named), key=lambda i_name: (weight(i_name[1]), -i_name[0]))[1]


_TITLE_WEIGHT = 3
_LONG_AGO = 10  # years
_YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


@dataclass
class _Years:
    now: int  # the latest year the article names (0: none)
    by_paragraph: list[list[int]]


def _years(text: str, paragraphs: Sequence[tuple[int, int]], state: dict[str, Any]) -> _Years:
    if "context.years" not in state:
        by = [[int(y) for y in _YEAR.findall(text[s:e])] for s, e in paragraphs]
        state["context.years"] = _Years(max((y for ys in by for y in ys), default=0), by)
    return state["context.years"]


_TREATY_WORD = (
    r"(?:Treaty|Agreement|Accord|Accords|Pact|Convention|Protocol|Deal|Charter|Initiative|Statute|Covenant"
    r"|Framework|Memorandum|Arrangement|Declaration|Amendment|Final\s+Act|Plan\s+of\s+Action)\b(?!\s+Organi[sz]ation)"
)
_ANOTHER = r"(?:Treaty|Agreement|Convention|Protocol|Accords?|Pact)\b"  # "… against Torture and the Treaty …"
_MONTH = "(?:" + "|".join(MONTHS) + r")\b"
# What may follow the treaty word in a name: "Treaty of Lausanne", "Convention on International Trade in
# Endangered Species of Wild Fauna and Flora", "Agreement establishing the AfCFTA", "Convention on the
# Elimination of All Forms of Discrimination against Women", "Convention against Torture".
_NAME_TAIL = (
    r"(?:\s+(?:on|of|for|between|establishing|against|concerning|regarding|relating\s+to)\s+(?:the\s+)?"
    # (not a headline's next words: "… Treaty for Today’s Frozen Disputes")
    r"(?!" + _MONTH + r"|(?:Today|Tomorrow|Tonight|Now)\b)[A-Z][\w–-]*"
    r"(?:\s+(?:(?:of|in|for|on|by|to|against|and(?!\s+(?:the\s+)?(?:[A-Z][\w–-]*\s+){1,3}" + _ANOTHER + r"))\s+)?"
    r"(?:the\s+)?(?!" + _MONTH + r"|" + _ANOTHER + r")[A-Z][\w–-]*)*)?"
)
_TREATY_NAME = re.compile(
    r"\b((?:[Nn]ew\s+)?(?:[A-Z][\w’'–-]*\s+(?:(?:of|on|for)\s+(?:the\s+)?)?){0,8}"
    + _TREATY_WORD
    + _NAME_TAIL
    + r")(?:\s+\(((?:[Nn]ew\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\))?"
)
_ACRONYM_TREATY = re.compile(
    r"\b((?:New\s+)?[A-Z]{3,}(?:[- ]?[IVX0-9]+)?(?:\s+(?:Treaty|Agreement|Accord|Pact|Convention|Protocol))?)"
    # (not "the ILO convention", "the WHO protocol": an agency's instruments are named after the agency)
    r"(?=\s+(?:treaty|pact|accord|deal|agreement)\b"
    r"|(?<=Treaty|Accord)|(?<=Agreement)|(?<=Pact)|(?<=Convention)|(?<=Protocol))"
)
# "the Paris climate agreement": a place or proper name, a few lower-case words, a treaty word.
_NAMED_COMMON = re.compile(
    r"\b((?:[A-Z][\w’'-]+\s+){1,3}(?:(?!(?:of|the|to|out|in|on|with|and|a|an|from|for|by|at|as)\b)"
    r"[a-z][\w-]+\s+){0,2}(?:agreement|accord|accords|deal|treaty|pact))\b"
)
_BARE_ACRONYM = re.compile(r"(?<![\w(\[])(New\s+[A-Z]{3,}|[A-Z]{3,}(?:[- ]?[IVX0-9]+)?)(?![\w)\]])")
# "…, better known by its acronym, CITES": the short name a long one introduces without parentheses.
_KNOWN_AS = re.compile(
    r",?\s+(?:better\s+|commonly\s+|widely\s+|usually\s+)?(?:known|referred\s+to)\s+"
    r"(?:as|by\s+(?:its|the)\s+(?:acronym|abbreviation|short\s+name)),?\s+(?:the\s+)?[\"“]?"
    r"((?:New\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)"
)
_SENTENCE_END = re.compile(r"(?:^|[.!?:][\"”’)]?)\s*$")
_SPEAKER_AFTER = re.compile(r"\s*(?:\([^)]{0,60}\)\s*)?:")


def find_treaty_names(text: str, known: TreatyNames | None = None) -> list[tuple[str, str | None]]:
    """Treaty names in a sentence: ('New START', None), ('Strategic Arms Reduction Treaty', 'START').

    A bare acronym ("CITES", "ECOWAS") is a treaty's name only where something says so: a known treaty
    acronym, "New …", or one `known` has met as a treaty's name ("the CITES convention", "… (CITES)").
    Without that, agencies, alliances, rebel groups and a transcript's speakers ("SECRETARY:") would be taken
    for the article's treaty."""
    out, taken = _written_names(text)
    if known is not None:  # "the first WTO agreement": the agency's, not a treaty called WTO
        out = [(n, a) for n, a in out if n not in known.organisations]
    named = {n for n, _ in out}
    for m in _BARE_ACRONYM.finditer(text):
        word = m.group(1)
        if word in named or any(s <= m.start() < e for s, e in taken):
            continue
        if not (word.startswith("New ") or word in TREATY_ACRONYMS or (known is not None and known.knows(word))):
            continue
        label = not text[: m.start()].strip() and word not in TREATY_ACRONYMS
        if label and _SPEAKER_AFTER.match(text, m.end()):
            continue  # "ANCHOR: …", "HOST (MARIT KJELLBERG): …": a transcript's speaker, not a treaty
        out.append((word, None))
    return out


def _written_names(text: str) -> tuple[list[tuple[str, str | None]], list[tuple[int, int]]]:
    """Names that say they are a treaty's (a treaty word in them or after them), and where they are."""
    out: list[tuple[str, str | None]] = []
    taken: list[tuple[int, int]] = []
    for m in _TREATY_NAME.finditer(text):
        long_name = re.sub(r"^The\s+", "", m.group(1).strip())
        if len(long_name.split()) < 2:
            continue
        known_as = _KNOWN_AS.match(text, m.end())
        short = m.group(2) or (known_as.group(1) if known_as else None)
        name = short.strip() if short else long_name
        out.append((name, long_name if short else None))
        taken.append(m.span())
    for m in _ACRONYM_TREATY.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            out.append((m.group(1), None))
            taken.append(m.span())
    for m in _NAMED_COMMON.finditer(text):
        name = m.group(1)
        words = name.split()
        # A capital that only starts a sentence makes no name ("Trade deal talks …", "Every agreement …").
        opens = _SENTENCE_END.search(text[: m.start()]) is not None and not words[1][:1].isupper()
        if opens or any(s <= m.start() < e for s, e in taken) or words[0] in SENTENCE_OPENERS:
            continue
        out.append((name, None))
        taken.append(m.span())
    return out, taken
