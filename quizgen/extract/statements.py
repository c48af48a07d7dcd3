"""Small English helpers for writing a fact's statement: past tenses, 'the', closing punctuation."""

from __future__ import annotations

import re

from .lexicon import DOUBLE_FINAL, IRREGULAR_PAST

# Countries whose names take "the" in running text.
_WITH_THE = re.compile(
    r"^(?:United States(?: of America)?|US|U\.S\.|USA|United Kingdom|UK|U\.K\.|Netherlands|Philippines|"
    r"United Arab Emirates|UAE|Kremlin|White House|Pentagon|European Union|EU|United Nations|UN|"
    r"Czech Republic|Central African Republic|Democratic Republic of the Congo|Gambia|Bahamas|"
    r"(?!(?:NATO|OPEC|ASEAN|UNESCO|UNICEF|INTERPOL|MERCOSUR|START|SALT|AUKUS|CARICOM|ECOWAS)$)[A-Z]{3,}|.+\b(?:[Tt]reaty|[Aa]greement|[Dd]eal|[Aa]ccord|[Ii]nitiative|[Pp]act|Treaty|Agreement|Accords?|Convention|Protocol|Charter|Statute|Covenant|[Aa]dministration|[Mm]inistry|"
    r"[Dd]epartment|[Gg]overnment|[Cc]ouncil|[Cc]ommission))$"
)


def past(lemma: str) -> str:
    """The simple past of a verb: 'leave' → 'left', 'reject' → 'rejected', 'ban' → 'banned'."""
    lemma = lemma.lower()
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma in DOUBLE_FINAL:
        return lemma + lemma[-1] + "ed"
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


# "the Convention on Cluster Munitions", "the Treaty of Pelindaba", "the Agreement on Marine Biodiversity …"
_TREATY_OF = re.compile(
    r"^(?:Treaty|Convention|Agreement|Protocol|Accord|Charter|Covenant|Statute)\s+(?:on|of|for|between)\b"
)


def with_the(name: str) -> str:
    """'White House' → 'the White House'; names of people and most countries stay as they are."""
    if name[:4].lower() == "the ":
        return name  # already has it
    return f"the {name}" if _WITH_THE.match(name) or _TREATY_OF.match(name) else name


def finish(text: str) -> str:
    """One sentence: capital first letter, balanced quotation marks, one closing stop."""
    s = re.sub(r"\s+", " ", text).strip().rstrip(",;:–— ")
    if s.count("“") > s.count("”"):
        s = s.rstrip(".") + "”"
    if s.count('"') % 2:
        s = s.rstrip(".") + '"'
    s = s[:1].upper() + s[1:]
    core = s.rstrip("”\"’'")
    if not core.endswith((".", "?", "!")):
        s += "."
    return s
