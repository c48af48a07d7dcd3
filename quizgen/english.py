"""English rules that both extraction (a fact's statement) and questions (a prompt) write by, so that a
question names a thing as the deck's statements do. Pure: no spaCy, so questions can use it without the
extractor."""

from __future__ import annotations

import re

# Countries whose names take "the" in running text.
_WITH_THE = re.compile(
    r"^(?:United States(?: of America)?|US|U\.S\.|USA|United Kingdom|UK|U\.K\.|Netherlands|Philippines|"
    r"United Arab Emirates|UAE|Kremlin|White House|Pentagon|European Union|EU|United Nations|UN|"
    r"Czech Republic|Central African Republic|Democratic Republic of the Congo|Gambia|Bahamas|"
    r"[A-Z]{3,}|.+\b(?:[Tt]reaty|[Aa]greement|[Dd]eal|[Aa]ccord|[Ii]nitiative|[Pp]act|Treaty|Agreement|Accords?|Convention|Protocol|Charter|Statute|Covenant|[Aa]dministration|[Mm]inistry|"
    r"[Dd]epartment|[Gg]overnment|[Cc]ouncil|[Cc]ommission))$"
)

# "the Convention on Cluster Munitions", "the Treaty of Pelindaba", "the Agreement on Marine Biodiversity …"
# (also "the World Trade Organization’s Agreement on Fisheries Subsidies", "the Agreement establishing the AfCFTA")
_TREATY_OF = re.compile(
    r"(?:^|\s)(?:Treaty|Convention|Agreement|Protocol|Accord|Charter|Covenant|Statute)\s+"
    r"(?:on|of|for|between|establishing)\b"
)
# An acronym said as a word, not spelt out: four letters or more, a vowel and a consonant, never three
# consonants running ("the NPT", "the JCPOA", "the IAEA" are spelt out).
_SAID_AS_A_WORD = re.compile(
    r"(?:New\s+)?(?=[A-Z]*[AEIOU])(?=[A-Z]*[B-DF-HJ-NP-TV-Z])(?![A-Z]*[B-DF-HJ-NP-TV-Z]{3})[A-Z]{4,}(?:\s+[IVX]+)?"
)


def with_the(name: str) -> str:
    """'White House' → 'the White House'; names of people and most countries stay as they are."""
    if name[:4].lower() == "the ":
        return name  # already has it
    if _SAID_AS_A_WORD.fullmatch(name):
        return name  # "CITES", "NATO", "New START", "SALT II": an acronym read as a word is a name
    return f"the {name}" if _WITH_THE.match(name) or _TREATY_OF.search(name) else name
