"""What extractors share while reading one article: its sentences, people, offices and treaty."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..model import DateValue, Quantity
from ..text import for_parser
from .clauses import speech_above
from .entities import country_of
from .lexicon import (
    FEMININE_FIRST_NAMES,
    FEMININE_PRONOUNS,
    FEMININE_SURNAME_ENDINGS,
    FEMININE_TITLES,
    HONORIFICS,
    MASCULINE_TITLES,
    NOT_TREATY_ACRONYMS,
    PRONOUNS,
    SAYING_BACK,
    SENTENCE_OPENERS,
    TITLE_WORDS,
    TREATY_ACRONYMS,
    TREATY_WORDS,
)
from .syntax import Token, span_text
from .treaties import TreatyNames

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


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


def _titled_name(ent) -> bool:
    """A name the tagger took for an organization, but that an office marks as a person:
    'Laurent Fabius, the former French foreign minister', 'President Biden'."""
    words = ent.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words) or ent.label_ not in ("ORG", "GPE", "NORP"):
        return False
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in TITLE_WORDS and before.is_title:
        return True
    return any(c.dep_ == "appos" and c.lower_ in TITLE_WORDS for c in ent.root.children)


# Lower-case parts of names: "Anwar el-Sadat", "Ursula von der Leyen", "Luiz Inácio Lula da Silva".
_NAME_PARTICLE = re.compile(
    r"^(?:el|al|ad|ash|as|at|ibn|bin|bint|abu|de|del|della|di|da|dos|das|du|la|le|van|von|der|den|ter|ten)(?:-|$)"
)


def untagged_names(doc: Any) -> list[Any]:
    """Spans of two to four capitalised proper nouns with no entity tag, right after a title word ('ICC
    Prosecutor Karim Khan') or with a title in apposition ('Agnes Callamard, the secretary general of …'):
    people the small tagger missed. Not an organisation's name ('the Prosecutor General's Office')."""
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat") or tok.ent_type_:
            continue
        start = tok.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == tok.i:
            start -= 1
        words = doc[start : tok.i + 1]
        if not 2 <= len(words) <= 4 or any(t.ent_type_ or t.lower_ in TITLE_WORDS for t in words):
            continue
        if not all(t.text[:1].isupper() and t.text[1:].islower() or _NAME_PARTICLE.match(t.text) for t in words):
            continue
        before = doc[start - 1] if start > 0 else None
        titled = before is not None and before.lower_.rstrip("s") in TITLE_WORDS and before.text[:1].isupper()
        appos = any(
            c.dep_ == "appos" and (c.lower_ in TITLE_WORDS or any(g.lower_ in TITLE_WORDS for g in c.children))
            for c in tok.children
        )
        if titled or appos:
            out.append(doc[start : tok.i + 1])
    return out


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


class ArticleContext:
    """People, their offices and the article's treaty, learnt sentence by sentence."""

    def __init__(
        self,
        source: str,
        published: DateValue | None = None,
        names: TreatyNames | None = None,
        text: str = "",
        paragraphs: Sequence[tuple[int, int]] = (),
    ) -> None:
        self.source = source
        self.published = published
        self.names = names or TreatyNames()
        self.text = text  # the article's text, which Sentence offsets index
        self.paragraphs = list(paragraphs)  # (start, end) of each paragraph in `text`
        self.at = 0  # index of the sentence being read: offices are known from the sentence that states them on
        self.state: dict[str, Any] = {}  # an extractor's own state for this article, by extractor name
        self.people: list[str] = []  # full names, in order of first mention
        self._roles: list[tuple[str, str, int]] = []  # (full name, title, index of the sentence that states it)
        self.treaties: dict[str, int] = {}  # canonical treaty name → mentions in this article
        self.recent: list[str] = []  # people, most recently mentioned last
        self.speakers: list[str] = []  # people who were subjects of speech, most recent last
        self.gender: dict[str, str] = {}  # full name → "f" or "m", where the text shows it
        self.last_subject: str | None = None  # the person the last sentence was about (its main subject)

    @property
    def roles(self) -> list[tuple[str, str]]:
        """(full name, title) of the offices stated up to the sentence being read, in order of first mention."""
        return [(name, title) for name, title, at in self._roles if at <= self.at]

    def learn_role(self, name: str, title: str, at: int) -> None:
        """`name` holds `title`, as sentence `at` says (the first sentence to say so counts)."""
        if not any(n == name and t == title for n, t, _ in self._roles):
            self._roles.append((name, title, at))

    # -- people -----------------------------------------------------------------------------------
    def learn_people(self, sent: Sentence) -> None:
        for span in sent.untagged_names:  # names the tagger missed, set off by a title
            name = span.text
            if name not in self.people:
                self.people.append(name)
                self.learn_gender(name, [t.text for t in sent.doc[max(0, span.start - 3) : span.start]])
        for ent in sent.doc.ents:
            if ent.label_ != "PERSON" and not _titled_name(ent):
                continue
            name = strip_possessive(ent.text)
            words = name.split()
            if (
                len(words) >= 2
                and all(w[:1].isupper() or _NAME_PARTICLE.match(w) for w in words)
                and words[0][:1].isupper()
                and not any(w.lower().strip("’'") in TITLE_WORDS for w in words)
                and name not in self.people
            ):
                self.people.append(name)
                before = [t.text for t in sent.doc[max(0, ent.start - 3) : ent.start]]
                after = [c.text for c in ent.root.children if c.dep_ == "appos"]
                self.learn_gender(name, before + after)
            elif (
                len(words) == 1
                and ent.label_ == "PERSON"
                and words[0][:1].isupper()
                and ent.start > 0
                and (
                    sent.doc[ent.start - 1].lower_.rstrip(".") in HONORIFICS
                    or sent.doc[ent.start - 1].lower_ in TITLE_WORDS
                )
                and self.person(name) is None
            ):
                # "President Carter", "Mr. Carter" in an article that never gives his first name: the surname is
                # all the name there is (a full name met later is learnt as well, and preferred by `person`)
                self.people.append(name)
                self.learn_gender(name, [sent.doc[ent.start - 1].text])

    def person(self, text: str) -> str | None:
        """The full name a mention refers to: itself, or the person whose surname it is."""
        name = strip_possessive(text)
        if name in self.people and (" " in name or not any(f.endswith(f" {name}") for f in self.people)):
            return name
        words = name.split()
        if len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:  # "Mrs Merkel", "Mr. Bush"
            words = words[1:]
            name = " ".join(words)
        if not words:
            return None
        last = words[-1]
        for full in self.people:
            surname = full.split()[-1]
            # "Sadat" is "Anwar el-Sadat" too
            if (surname == last or surname.endswith(f"-{last}")) and (len(words) == 1 or full.endswith(name)):
                return full
        return None

    def by_title(self, title_tokens: list[Token], speaking: bool = False) -> str | None:
        """'the Kremlin spokesperson' → the person known by that office, most recently mentioned first; when
        the title is someone speaking ('the president said'), whoever of them spoke last, first (the story's
        president, not a former one its history paragraph named)."""
        words = [t.lower_ for t in title_tokens if t.lower_ not in ("the", "a", "an", "then", "-")]
        if not words or words[-1].rstrip("s") not in {w.rstrip("s") for w in TITLE_WORDS}:
            return None
        head = _title_stem(words[-1])
        mods = set(words[:-1])
        candidates = []
        for name, title in self.roles:
            tw = [w.lower() for w in re.findall(r"[\w’'-]+", title)]
            if head not in {_title_stem(w) for w in tw}:
                continue
            if mods and not mods <= {w.replace("then-", "") for w in tw} | {country_of(w) or w for w in tw}:
                continue
            candidates.append(name)
        if not candidates:
            return None
        for name in [*reversed(self.speakers), *reversed(self.recent)] if speaking else reversed(self.recent):
            if name in candidates:
                return name
        return candidates[-1]

    def learn_gender(self, name: str, words: list[str]) -> None:
        """From a title next to the name ("spokeswoman", "Mr") or a common first name."""
        low = {w.lower().strip(".") for w in words}
        if low & FEMININE_TITLES or name.split()[0].lower() in FEMININE_FIRST_NAMES:
            self.gender[name] = "f"
        elif low & MASCULINE_TITLES:
            self.gender[name] = "m"
        elif name.split()[-1].lower().endswith(FEMININE_SURNAME_ENDINGS):
            self.gender[name] = "f"  # Slavic feminine surnames

    def fits(self, name: str, pronoun: str) -> bool:
        """Can this pronoun refer to this person, as far as the text tells?"""
        g = self.gender.get(name)
        if pronoun.lower() in FEMININE_PRONOUNS:
            return g != "m"
        return g != "f"

    def reporter_as(self, pronoun: Token) -> str | None:
        """'Erdogan said he would discuss the matter with him': a subject pronoun in what someone is reported
        to say is that someone, when the pronoun can be them."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        up = speech_above(pronoun, SAYING_BACK)
        subj = next((c for c in up.children if c.dep_ == "nsubj"), None) if up is not None else None
        if subj is None or subj.ent_type_ != "PERSON":
            return None
        ent = next((e for e in subj.doc.ents if e.start <= subj.i < e.end), None)
        name = self.person(ent.text) if ent is not None else None
        return name if name and self.fits(name, pronoun.lower_) else None

    def note_subject(self, sent: Sentence) -> None:
        """Remember who the sentence is about: 'Mitchell, who …, paid tribute. “…,” he said.' — the 'he' of
        the next sentence is most likely the subject of this one. A pronoun subject keeps the person."""
        root = next((t for t in sent.doc if t.dep_ == "ROOT"), None)
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None) if root else None
        if subj is None or sent.token_quoted(subj):
            return
        if subj.lower_ in PRONOUNS:
            return
        # The name as written ("Mr. Carter", "Orban"): the tagger does not always see a person in it.
        words = [t.text for t in subj.subtree if t.i <= subj.i and t.dep_ in ("compound", "flat") or t.i == subj.i]
        self.last_subject = self.person(" ".join(words)) if subj.pos_ == "PROPN" else None

    def pronoun_person(self, pronoun: str) -> str | None:
        """The speaker, else the person mentioned, most recent first, that the pronoun can be; someone known to
        be of the pronoun's gender first for 'she' ('she' after 'Mrs Merkel' is Merkel, not the president quoted
        just before)."""
        feminine = pronoun.lower() in FEMININE_PRONOUNS
        last = self.last_subject
        if last and (self.gender.get(last) == "f" if feminine else self.fits(last, pronoun)):
            return last
        order = [*reversed(self.speakers), *reversed(self.recent)]
        if feminine:  # (not for 'he': most men in the news carry no mark of it)
            for name in order:
                if self.gender.get(name) == "f":
                    return name
        for name in order:
            if self.fits(name, pronoun):
                return name
        return None

    def mention(self, name: str) -> None:
        if name in self.recent:
            self.recent.remove(name)
        self.recent.append(name)

    def last_person(self) -> str | None:
        return self.recent[-1] if self.recent else None

    def resolve_person_token(self, token: Token) -> str | None:
        """A token that names a person: a PERSON entity, a pronoun, or a title ('the president')."""
        if token.lower_ in PRONOUNS:
            return self.reporter_as(token) or self.pronoun_person(token.lower_)
        if token.ent_type_ == "PERSON":
            ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
            if ent is not None:
                return self.person(ent.text)
        if token.pos_ in ("NOUN", "PROPN"):
            phrase = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("poss", "case")]
            if token.lower_ in TITLE_WORDS or token.lower_.rstrip("s") in TITLE_WORDS:
                speaking = token.dep_ == "nsubj" and token.head.lemma_ in SAYING_BACK
                return self.by_title(phrase, speaking)
        return None

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
        if m.group(1).startswith("New ") or _looks_like_treaty_acronym(m.group(1)):
            out.append((m.group(1), None))
    return out


def _looks_like_treaty_acronym(word: str) -> bool:
    # Acronyms like START, SALT, CTBT, NPT, JCPOA, INF; not country codes, agencies or summits (COP21).
    if any(c.isdigit() for c in word):
        return False
    return word in TREATY_ACRONYMS or (len(word) >= 4 and word not in NOT_TREATY_ACRONYMS)


def treaty_word(token: Token) -> bool:
    return token.lower_ in TREATY_WORDS


def _title_stem(word: str) -> str:
    w = word.lower()
    if w.startswith("spokes"):
        return "spokes"
    if w in ("advisor", "adviser"):
        return "advis"
    return w.rstrip("s")


def phrase_text(tokens: list[Token]) -> str:
    return span_text(tokens)
