"""General word lists for extraction: titles, treaty words, meeting words (and the country table).

Nothing here names anyone or anything from a particular article.
"""

from __future__ import annotations

from ..countries import COUNTRIES, country_aliases, country_of, country_of_demonym

__all__ = [
    "COUNTRIES",
    "MEETING_WORDS",
    "TITLE_WORDS",
    "TREATY_WORDS",
    "country_aliases",
    "country_of",
    "country_of_demonym",
]

# Head words of a person's office or title.
TITLE_WORDS = frozenset(
    [
        "president",
        "vice-president",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "adviser",
        "advisor",
        "counterpart",
        "ambassador",
        "envoy",
        "chancellor",
        "premier",
        "king",
        "queen",
        "prince",
        "princess",
        "emir",
        "sheikh",
        "general",
        "commander",
        "chief",
        "director",
        "head",
        "chairman",
        "chairwoman",
        "chair",
        "leader",
        "senator",
        "congressman",
        "congresswoman",
        "representative",
        "governor",
        "mayor",
        "negotiator",
        "diplomat",
        "official",
        "deputy",
        "undersecretary",
        "under-secretary",
        "secretary",
        "lawmaker",
        "speaker",
        "pope",
        "monarch",
        "ayatollah",
        "marshal",
        "admiral",
        "colonel",
        "inspector",
        "commissioner",
        "coordinator",
        "attorney",
        "prosecutor",
        "judge",
        "justice",
        "administrator",
        "ceo",
        "founder",
        "analyst",
        "expert",
        "researcher",
        "professor",
        "spokesmen",
    ]
)

# Nouns that name an agreement between states.
TREATY_WORDS = frozenset(
    ["treaty", "agreement", "accord", "pact", "deal", "convention", "protocol", "charter", "accords", "initiative"]
)

# Nouns for a meeting of people.
# Common nouns for a state that is, or may be, a party: "the first country to leave", "each member must …".
STATE_NOUNS = frozenset(["country", "state", "nation", "member", "government", "party", "signatory"])
MEETING_WORDS = frozenset(
    [
        "meeting",
        "meetings",
        "talks",
        "summit",
        "contacts",
        "negotiations",
        "consultations",
        "session",
        "conference",
        "forum",
        "round",
        "dialogue",
        "visit",
        "event",
        "assembly",
        "congress",
        "parliament",
        "club",
    ]
)
