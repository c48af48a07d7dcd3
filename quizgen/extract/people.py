"""People in an article: who is named, their offices and gender, and whom a pronoun or a title stands for."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .clauses import speech_above
from .entities import country_of
from .lexicon import (
    FEMININE_FIRST_NAMES,
    FEMININE_PRONOUNS,
    FEMININE_SURNAME_ENDINGS,
    FEMININE_TITLES,
    HONORIFICS,
    MASCULINE_TITLES,
    PRONOUNS,
    SAYING_BACK,
    TITLE_WORDS,
)
from .syntax import Token, ents, tokens

if TYPE_CHECKING:
    from .context import Sentence

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def _titled_name(ent) -> bool:
    """A name the tagger took for an organization, but that an office marks as a person:
    'Laurent Fabius, the former French foreign minister', 'President Biden'."""
    words = ent.text.split()
    # two or three names, or four with a particle ("Tinne Van der Straeten")
    size = 2 <= len(words) <= 3 or len(words) == 4 and any(_NAME_PARTICLE.match(w.lower()) for w in words)
    capitalised = all(w[:1].isupper() or _NAME_PARTICLE.match(w) for w in words)
    if not size or not capitalised or ent.label_ not in ("ORG", "GPE", "NORP"):
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
    for tok in tokens(doc):
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


# Titles that come before a given name, and that the tagger takes into the name
_NAME_TITLES = frozenset({"sheikh", "sheikha", "prince", "princess", "emir", "king", "queen", "sultan", "crown"})


def same_name(a: str, b: str) -> bool:
    """Two spellings of one name, as transliteration gives them: 'Rohani'/'Rouhani', 'Xi Jin Ping'/'Xi Jinping'.
    Names of five letters or more, same first letter, at least 80% alike."""
    from rapidfuzz.fuzz import ratio

    ka, kb = (re.sub(r"[\s.\-’']", "", x.lower()) for x in (a, b))
    if ka == kb:
        return True
    return min(len(ka), len(kb)) >= 5 and ka[0] == kb[0] and ratio(ka, kb) >= 80


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


class People:
    """The people an article names, learnt sentence by sentence: full names, offices, gender, who was mentioned
    and who spoke last, so that 'he', 'Mr. Carter' or 'the spokesman' can be resolved."""

    def __init__(self) -> None:
        self.at = 0  # index of the sentence being read: offices are known from the sentence that states them on
        self.people: list[str] = []  # full names, in order of first mention
        self._roles: list[tuple[str, str, int]] = []  # (full name, title, index of the sentence that states it)
        self.recent: list[str] = []  # people, most recently mentioned last
        self.speakers: list[str] = []  # people who were subjects of speech, most recent last
        self.gender: dict[str, str] = {}  # full name → "f" or "m", where the text shows it
        self.last_subject: str | None = None  # the person the last sentence was about (its main subject)
        self._named: dict[tuple[str, int], str | None] = {}  # person(): mention → full name, as people stood

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
        for ent in ents(sent.doc):
            if ent.label_ != "PERSON" and not _titled_name(ent):
                continue
            name = strip_possessive(ent.text)
            words = name.split()
            while len(words) >= 3 and words[0].lower() in _NAME_TITLES:  # "Sheikh Abdullah bin Zayed": a title
                words = words[1:]  # the tagger took in is no part of the name
                name = " ".join(words)
            if (
                len(words) >= 2
                and all(w[:1].isupper() or _NAME_PARTICLE.match(w) for w in words)
                and words[0][:1].isupper()
                and not any(w.lower().strip("’'") in TITLE_WORDS for w in words)
                and name not in self.people
                and not any(same_name(p, name) for p in self.people)
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
        key = (text, len(self.people))  # the answer changes only as people are learnt
        if key not in self._named:
            self._named[key] = self._person(text)
        return self._named[key]

    def _person(self, text: str) -> str | None:
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
        # "Sheikh Abdullah" for Sheikh Abdullah bin Zayed al-Nahyan (learnt as Abdullah bin Zayed al-Nahyan):
        # a title and the name's first word, as Arabic names are shortened (one person only)
        if len(words) == 2 and words[0].lower() in _NAME_TITLES:
            starting = {full for full in self.people if full.startswith(f"{words[1]} ")}
            if len(starting) == 1:
                return starting.pop()
        # Another spelling of a name met before ("Aliev" for Ilham Aliyev, "Xi Jin Ping" for Xi Jinping): the
        # first one written is the name.
        for full in self.people:
            if same_name(full, name) or len(words) == 1 and same_name(full.split()[-1], last):
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
        ent = next((e for e in ents(subj.doc) if e.start <= subj.i < e.end), None)
        name = self.person(ent.text) if ent is not None else None
        return name if name and self.fits(name, pronoun.lower_) else None

    def note_subject(self, sent: Sentence) -> None:
        """Remember who the sentence is about: 'Mitchell, who …, paid tribute. “…,” he said.' — the 'he' of
        the next sentence is most likely the subject of this one. A pronoun subject keeps the person."""
        root = sent.root
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

    def resolve_person_token(self, token: Token) -> str | None:
        """A token that names a person: a PERSON entity, a pronoun, or a title ('the president')."""
        if token.lower_ in PRONOUNS:
            return self.reporter_as(token) or self.pronoun_person(token.lower_)
        if token.ent_type_ == "PERSON":
            ent = next((e for e in ents(token.doc) if e.start <= token.i < e.end), None)
            if ent is not None:
                return self.person(ent.text)
        if token.pos_ in ("NOUN", "PROPN"):
            phrase = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("poss", "case")]
            if token.lower_ in TITLE_WORDS or token.lower_.rstrip("s") in TITLE_WORDS:
                speaking = token.dep_ == "nsubj" and token.head.lemma_ in SAYING_BACK
                return self.by_title(phrase, speaking)
        return None


def _title_stem(word: str) -> str:
    w = word.lower()
    if w.startswith("spokes"):
        return "spokes"
    if w in ("advisor", "adviser"):
        return "advis"
    return w.rstrip("s")
