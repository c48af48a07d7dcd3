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
