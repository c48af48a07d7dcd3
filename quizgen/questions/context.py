"""What every item builder needs: the deck, its names and aliases, seeded randomness, and the parts of an
item that do not depend on its type (explanation, tags)."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..english import MONTHS
from ..model import Deck, Evidence, Fact, Item
from ..text import normalize, slug
from .gates import DOUBLED
from .tables import COUNTRIES, relation

_ACRONYM_RE = re.compile(r"^[A-Z.]{2,6}$")
# "its 88 members", "ratified by 164 states": a count of parties, so more than the article lists
_MANY_MEMBERS = re.compile(
    r"\b(?:[1-9]\d{1,2}|(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-\w+)?|hundreds of|dozens of)\s+"
    r"(?:member|members|parties|party|states|state parties|countries|signatories|nations|governments)\b",
    re.IGNORECASE,
)


class Names:
    """Canonical names and their aliases: the deck's entities, merged with the general country table."""

    def __init__(self, deck: Deck) -> None:
        groups: list[tuple[str, str, set[str]]] = [(e.name, e.type, {e.name, *e.aliases}) for e in deck.entities]
        for country, aliases in COUNTRIES.items():
            names = {country, *aliases}
            keys = {normalize(n) for n in names}
            for _, _, group in groups:
                if keys & {normalize(n) for n in group}:
                    # The deck already knows this country: widen its group, keep the deck's canonical name.
                    group |= names
                    break
            else:
                groups.append((country, "country", names))
        self._canon: dict[str, str] = {}
        self._type: dict[str, str] = {}
        self._group: dict[str, set[str]] = {}
        self._canonical: dict[str, str] = {}
        self._key: dict[str, str] = {}
        for canon, etype, group in groups:
            for name in group:
                key = normalize(name)
                if key and key not in self._canon:
                    self._canon[key] = canon
            self._type[canon] = etype
            self._group[canon] = group

    def canonical(self, name: str) -> str:
        # (by the name as written, once: items of a big deck ask for the same names hundreds of thousands of times)
        found = self._canonical.get(name)
        if found is None:
            found = self._canonical[name] = self._canon.get(normalize(name), name)
        return found

    def key(self, name: str) -> str:
        """Two options with the same key are the same option (US / Washington / the White House)."""
        found = self._key.get(name)
        if found is None:
            found = self._key[name] = normalize(self.canonical(name))
        return found

    def aliases(self, name: str) -> set[str]:
        return set(self._group.get(self.canonical(name), {name}))

    def type_of(self, name: str) -> str | None:
        return self._type.get(self.canonical(name))

    def known(self, name: str) -> bool:
        return normalize(name) in self._canon

    def entities_of_type(self, etype: str) -> list[str]:
        return [canon for canon, t in self._type.items() if t == etype]

    def mentions(self, text: str, name: str) -> bool:
        """Does `text` name `name` or any alias of it (whole words, after normalization)?"""
        norm_text = f" {normalize(text)} "
        for alias in self.aliases(name) | {name}:
            if _ACRONYM_RE.match(alias):
                # "US" must not match "us": acronyms are matched as written.
                if re.search(rf"(?<![\w.]){re.escape(alias)}(?![\w])", text):
                    return True
                continue
            key = normalize(alias)
            if key and f" {key} " in norm_text:
                return True
        return False


# A statement that is a clause of its sentence, not a sentence: it adds nothing the source does not
_FRAGMENT = re.compile(
    r"^(?:Where|Which|Who|Whom|Whose|When|While|Whereas|That|Because|Although|If|And|But|It|Its|They|Their|This|"
    r"These)\b|^[a-z]"
)

# A statement the rewriting garbled: two dates run together ("since 29 April 1952 on 1 September 1951"), "took
# place of December 1998", "The events is …", a particle before its pronoun ("drove out him")
_GARBLED = re.compile(
    r"\d{4} (?:on|in) (?:\d{1,2} )?[A-Z][a-z]+ (?:\d{1,2}, )?\d{4}\.$|\b(?:took place|is|are|was|were) of "
    rf"(?:{'|'.join(MONTHS)}|\d)|"
    r"^The \w+s is\b|\b(?:out|up|off|down|away|back|over) (?:him|her|them|us|me)\.?$|"
    r"\b(?:is|are|was|were) to \w+ed\b|"  # "is to signed"
    r"\b(?:of|at|by|under) (?:in|on|at|by|of)\b|"  # "established under Article 90 of in 1991"
    r"(\b\d{1,2} [A-Z][a-z]+ \d{4}|\b[A-Z][a-z]+ \d{1,2}, \d{4})\b.*\b\1\b"  # one date written twice
)

# the gates' doubled word ("were to to withdraw"), matched with its case as this check always has been
_DOUBLED_CASED = re.compile(DOUBLED.pattern)


def garbled(statement: str) -> bool:
    """A statement the rewriting garbled, which no item should show as the article's claim ("were to to
    withdraw": a word doubled, as the gates refuse in a prompt)."""
    return bool(_GARBLED.search(statement) or _DOUBLED_CASED.search(statement))


@dataclass
class Context:
    deck: Deck
    seed: int
    names: Names = field(init=False)
    cache: dict[str, Any] = field(init=False, default_factory=dict)  # per-fact stems, computed once
    memo: dict[Any, Any] = field(init=False, default_factory=dict)  # deck-wide indexes, built once

    def __post_init__(self) -> None:
        self.names = Names(self.deck)

    def rng(self, *parts: str) -> random.Random:
        """A generator seeded by the seed and the item, so one item does not shift another's choices."""
        return random.Random(":".join([str(self.seed), *parts]))

    def parties_of(self, treaty: str) -> list[str]:
        """The countries the deck says are party to `treaty` (or signed it), in the order first met."""
        return self._party_lists().get(self.names.key(treaty), [])

    def _party_lists(self) -> dict[str, list[str]]:
        """Treaty key → the countries party to it, built once."""
        if "party-lists" not in self.memo:
            lists: dict[str, dict[str, str]] = {}
            for f in self.deck.facts:
                if f.kind == "signatory" and self.names.type_of(f.entity or f.answer) == "country":
                    party = self.names.canonical(f.entity or f.answer)
                    lists.setdefault(self.names.key(f.subject), {}).setdefault(self.names.key(party), party)
            self.memo["party-lists"] = {t: list(parties.values()) for t, parties in lists.items()}
        return self.memo["party-lists"]

    def many_parties(self, treaty: str) -> bool:
        """Whether `treaty` is multilateral: the deck knows three or more countries party to it, or an article
        counts its members. Of such a treaty "Which country is a party?" has answers the article never lists
        (China, Japan … are CITES parties too), and "X is a party" false versions may well be true."""
        memo = self.memo.setdefault("many-parties", {})
        key = self.names.key(treaty)
        if key not in memo:
            # Per treaty, as asked: only the sentences about it are searched, each once (a sentence gives
            # several facts), and none when its parties are counted already.
            memo[key] = len(self._party_lists().get(key, ())) >= 3 or any(
                _MANY_MEMBERS.search(text) for text in self._sentences_about().get(key, ())
            )
        return memo[key]

    def _sentences_about(self) -> dict[str, dict[str, None]]:
        """Treaty key → the evidence sentences that may count its members: those of its facts, and those of
        the articles about it (treaty_of), each once, in deck order."""
        if "sentences-about" not in self.memo:
            about: dict[str, dict[str, None]] = {}
            for f in self.deck.facts:
                subject = self.names.key(f.subject)
                for e in f.evidence:
                    about.setdefault(subject, {})[e.text] = None
                    story = self.treaty_of(e.source)
                    if story:
                        about.setdefault(self.names.key(story), {})[e.text] = None
            self.memo["sentences-about"] = about
        return self.memo["sentences-about"]

    def several_stories(self) -> bool:
        """Are the deck's articles about more than one treaty? (A deck of one treaty's articles may mention
        others, as New START's mention the INF Treaty, without being about them.)"""
        if "several-stories" not in self.memo:
            stories = {self.treaty_of(s.id) for s in self.deck.sources} - {None}
            self.memo["several-stories"] = len(stories) > 1
        return self.memo["several-stories"]

    def offices_of(self, person: str) -> list[str]:
        """The offices the deck gives a person ("Kremlin spokesman", "researcher at …"); not a relation to
        someone else ("Russian counterpart"), which is no office."""
        if "offices" not in self.memo:
            offices: dict[str, list[str]] = {}
            for f in self.deck.facts:
                if f.kind == "role" and not relation(f.answer):
                    offices.setdefault(self.names.key(f.entity or f.subject), []).append(f.answer)
            self.memo["offices"] = offices
        return self.memo["offices"].get(self.names.key(person), [])

    def treaty_of(self, source: str) -> str | None:
        """The treaty an article is about, as the deck names it: the treaty most of its facts are about."""
        if "treaty-of" not in self.memo:
            counts: dict[str, Counter[str]] = {}
            treaty: dict[str, bool] = {}  # (by subject: a big deck's facts share a few hundred subjects)
            for f in self.deck.facts:
                if f.subject not in treaty:
                    treaty[f.subject] = f.subject[:1].isupper() and self.names.type_of(f.subject) == "treaty"
                if treaty[f.subject]:
                    for s in f.sources:
                        counts.setdefault(s, Counter())[f.subject] += 1
            self.memo["treaty-of"] = {s: min(c, key=lambda n: (-c[n], n)) for s, c in counts.items()}
        return self.memo["treaty-of"].get(source)

    def title_of(self, ev: Evidence) -> str:
        if "sources" not in self.memo:
            self.memo["sources"] = {s.id: s for s in self.deck.sources}
        src = self.memo["sources"].get(ev.source)
        return (src.title if src and src.title else None) or ev.source

    def explanation(self, fact: Fact, ev: Evidence | None = None) -> str:
        """The fact, what the deck knows of its actor that the fact does not say (their office), and the
        source. A statement cut from a clause ("Where he, in particular, reiterated …") is left out: the
        source says it whole."""
        ev = ev or fact.evidence[0]
        lines = [] if _FRAGMENT.match(fact.statement) or garbled(fact.statement) else [fact.statement]
        if fact.kind != "role" and fact.entity:
            office = next(iter(self.offices_of(fact.entity)), None)
            if office and office.lower() not in fact.statement.lower() and office[:1].isupper():
                lines.append(f"{fact.entity}: {office}.")
        return "\n".join([*lines, f"Source: “{ev.text}” — {self.title_of(ev)}"])

    def tags(self, fact: Fact) -> tuple[str, ...]:
        return (f"kind:{fact.kind}", f"subject:{slug(fact.subject)}", *(f"source:{s}" for s in fact.sources))

    def answer_name(self, fact: Fact) -> str:
        """The answer as an option shows it: a country by its canonical name (Beijing → China)."""
        if fact.entity and self.names.canonical(fact.answer) == self.names.canonical(fact.entity):
            if self.names.type_of(fact.entity) == "country":
                return self.names.canonical(fact.entity)
            return fact.answer
        return fact.answer

    def item(self, fact: Fact, type: str, prompt: str, answer: str, ev: Evidence | None = None, **kw: Any) -> Item:
        ev = ev or fact.evidence[0]
        return Item(
            id=f"{fact.id}:{type}",
            fact=fact.id,
            type=type,
            prompt=prompt,
            answer=answer,
            explanation=kw.pop("explanation", None) or self.explanation(fact, ev),
            evidence=ev,
            source_title=self.title_of(ev),
            tags=self.tags(fact),
            kind=fact.kind,
            **kw,
        )
