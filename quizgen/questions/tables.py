"""General tables for distractors and alias handling: plain data, no NLP.

Used only when the deck itself has too few entities or values of the answer's type. Kept small and
conservative: a distractor taken from here must be certainly wrong, so e.g. there is no table of
treaties or people (a real person or treaty might well fit the question).
"""

from __future__ import annotations

import re

from ..countries import COUNTRIES as _SHARED

# Canonical country → other names it goes by: the shared table, with "the Kremlin" as well as "Kremlin".
COUNTRIES: dict[str, tuple[str, ...]] = {
    name: (*aliases, *(f"the {a}" for a in aliases if a in ("White House", "Kremlin", "Pentagon", "Elysee")))
    for name, (aliases, _demonyms) in _SHARED.items()
}

# Roles a distractor may be drawn from, with the country they belong to, so that a Russian official is
# never offered a Russian office he might in fact hold.
ROLES: tuple[tuple[str, str], ...] = (
    ("US Secretary of State", "United States"),
    ("White House press secretary", "United States"),
    ("US National Security Adviser", "United States"),
    ("Kremlin spokesman", "Russia"),
    ("Russian Foreign Minister", "Russia"),
    ("Russian Deputy Foreign Minister", "Russia"),
    ("Chinese Foreign Ministry spokesman", "China"),
    ("British Foreign Secretary", "United Kingdom"),
    ("French Foreign Minister", "France"),
)

# Words in a role that tie it to a country: the general table's names, capitals, metonyms and demonyms
# ("Iran's Foreign Minister", "Japanese minister", "Kremlin spokesman"), lower case. Capitals and metonyms
# that are also other words ("Washington" in "minister in Washington") would place an office in the wrong
# country: only names, demonyms and the metonyms of offices are used.
_OFFICE_METONYMS = {"white house": "United States", "pentagon": "United States", "kremlin": "Russia"}
ROLE_COUNTRY_WORDS: dict[str, str] = {
    **{
        word.lower(): country
        for country, (aliases, demonyms) in _SHARED.items()
        for word in (country, *demonyms, *(a for a in aliases if a.isupper() or a.startswith(("U.", "Republic"))))
    },
    **{f"{country.lower()}{mark}s": country for country in _SHARED for mark in ("'", "’")},
    **_OFFICE_METONYMS,
}

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Fractions as an article writes a cut, for "reduce … by half" style quantities.
FRACTIONS: tuple[tuple[float, str], ...] = (
    (0.1, "by a tenth"),
    (0.25, "by a quarter"),
    (1 / 3, "by a third"),
    (0.5, "by half"),
    (2 / 3, "by two thirds"),
    (0.75, "by three quarters"),
)

# A stance and its opposite, as the verb forms a statement uses; a statement with the stance swapped
# for its opposite is certainly false.
OPPOSITE_STANCES: dict[str, str] = {
    "rejects": "accepts",
    "rejected": "accepted",
    "accepts": "rejects",
    "accepted": "rejected",
    "supports": "opposes",
    "supported": "opposed",
    "opposes": "supports",
    "opposed": "supported",
    "criticizes": "praises",
    "criticized": "praised",
    "criticised": "praised",
    "praises": "criticizes",
    "praised": "criticized",
    "denies": "admits",
    "denied": "admitted",
    "welcomes": "rejects",
    "welcomed": "rejected",
}

# Past tense → base form, for turning "X left Y." into "Which treaty did X leave?".
IRREGULAR_PAST: dict[str, str] = {
    "left": "leave",
    "met": "meet",
    "said": "say",
    "took": "take",
    "made": "make",
    "spoke": "speak",
    "held": "hold",
    "broke": "break",
    "withdrew": "withdraw",
    "began": "begin",
    "rejected": "reject",
    "signed": "sign",
    "announced": "announce",
    "proposed": "propose",
    "quit": "quit",
    "joined": "join",
    "violated": "violate",
    "ratified": "ratify",
    "extended": "extend",
    "abandoned": "abandon",
    "suspended": "suspend",
    "agreed": "agree",
    "visited": "visit",
    "warned": "warn",
    "criticized": "criticize",
    "criticised": "criticise",
    "accused": "accuse",
    "offered": "offer",
    "demanded": "demand",
    "urged": "urge",
    "called": "call",
    "argued": "argue",
    "denied": "deny",
    "tested": "test",
    "launched": "launch",
    "deployed": "deploy",
    "expired": "expire",
    "ended": "end",
    "started": "start",
    "entered": "enter",
    "invited": "invite",
    "ordered": "order",
    "approved": "approve",
}

AUXILIARIES: tuple[str, ...] = (
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
)


# What commentators are, not offices they hold: "Canberra historian", "chemicals-policy researcher at …"
_PROFESSION = re.compile(
    r"\b(?:historians?|analysts?|researchers?|professors?|scholars?|experts?|economists?|lawyers?|advocates?|"
    r"(?:school)?teachers?|merchants?|journalists?|authors?|writers?|lecturers?|students?|campaigners?|activists?|"
    r"commentators?|consultants?|specialists?|retired|curators?|academics?|correspondents?|reporters?)\b",
    re.IGNORECASE,
)


# Words that name a person by their relation to another ("his Russian counterpart", "her predecessor"): true
# of one person beside another, no office of their own, so never a role's answer, option or description.
_RELATION = re.compile(r"\b(?:counterparts?|colleagues?|predecessors?|successors?)\b", re.IGNORECASE)


def relation(role: str) -> bool:
    """'Russian counterpart', 'his predecessor': a relation to someone else, not an office."""
    return bool(_RELATION.search(role))


def profession(role: str) -> bool:
    """'Canberra historian', 'chemicals-policy researcher': what a commentator is, not an office they hold."""
    return bool(_PROFESSION.search(role))
