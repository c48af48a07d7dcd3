"""English as quizgen reads and writes it: month names, past tenses, and the articles a name takes.

Plain tables and pure functions, the one home of each: extraction, questions, grading and the corpus
reader all take their months, past tenses and article rules from here.
"""

from __future__ import annotations

import re

# ---- months ----------------------------------------------------------------------------------------------

# Month names as a date writes them, January first: the one list of them (a test keeps it the only one).
MONTHS: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Lower-case month name → month number.
MONTH_NAMES: dict[str, int] = {m.lower(): i for i, m in enumerate(MONTHS, 1)}
# Abbreviations → month number, as in "Feb 5" and "Sept. 9" (May has none, September two).
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip
# Month names and abbreviations, lower case → month number.
MONTH_WORDS: dict[str, int] = MONTH_NAMES | MONTH_ABBREVIATIONS
# A regex alternation of the month words, longest first (lower case: match it ignoring case).
MONTH_PATTERN = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))


def month_number(word: str) -> int | None:
    """'February', 'feb', 'Sept.' → the month's number; None for a word that is no month."""
    return MONTH_WORDS.get(word.lower().rstrip("."))


# ---- past tenses -----------------------------------------------------------------------------------------

# Simple past of irregular verbs, for statements ("leave" → "left").
IRREGULAR_PAST: dict[str, str] = {
    "be": "was", "begin": "began", "bring": "brought", "come": "came", "cut": "cut", "draw": "drew", "get": "got",
    "give": "gave", "go": "went", "hold": "held", "keep": "kept", "lead": "led", "leave": "left", "lose": "lost",
    "make": "made", "meet": "met", "put": "put", "quit": "quit", "run": "ran", "say": "said", "see": "saw",
    "seek": "sought", "set": "set", "speak": "spoke", "take": "took", "tell": "told", "think": "thought",
    "undertake": "undertook", "win": "won", "withdraw": "withdrew", "write": "wrote", "forbid": "forbade",
    "overtake": "overtook", "shut": "shut", "send": "sent", "spend": "spent", "stand": "stood",
    "understand": "understood", "sell": "sold", "buy": "bought", "become": "became", "break": "broke",
}  # fmt: skip
# Verbs that double their final consonant in the past ("ban" → "banned").
DOUBLE_FINAL = frozenset(
    {"ban", "plan", "stop", "drop", "ship", "scrap", "admit", "commit", "submit", "regret", "veto"}
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


# Verbs a question may turn back from a statement's past or present ("X left Y." → "Which treaty did X
# leave?"): few, so that a verb with a sense the question would lose is never asked with "did".
QUESTION_VERBS = frozenset(
    {"leave", "meet", "say", "take", "make", "speak", "hold", "break", "withdraw", "begin", "reject", "sign",
     "announce", "propose", "quit", "join", "violate", "ratify", "extend", "abandon", "suspend", "agree", "visit",
     "warn", "criticize", "criticise", "accuse", "offer", "demand", "urge", "call", "argue", "deny", "test",
     "launch", "deploy", "expire", "end", "start", "enter", "invite", "order", "approve"}
)  # fmt: skip
# The past of each question verb → the verb ("left" → "leave").
QUESTION_PASTS: dict[str, str] = {past(v): v for v in sorted(QUESTION_VERBS)}

# Auxiliaries a question inverts ("New START is due to expire" → "When is New START due to expire?").
AUXILIARIES: tuple[str, ...] = (
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
    "must",
)  # fmt: skip

# ---- articles --------------------------------------------------------------------------------------------

# The articles, which matching ignores ("the Kremlin" is "Kremlin").
ARTICLES = frozenset({"a", "an", "the"})


def indefinite_article(word: str) -> str:
    """'a' or 'an' before `word`, by its first letter ('an analyst', 'a hydrologist')."""
    return "an" if word[:1].lower() in "aeiou" else "a"


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
