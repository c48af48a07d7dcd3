"""Every word list the extractors match against, as data, grouped by meaning.

Extending coverage is a one-line change here. Lists that mean the same thing are one list; where a detector
needs a variant, the variant is written as the base list plus (or minus) its named difference, so the
difference is visible. Words are lower case and, unless a comment says otherwise, spaCy lemmas. Nothing here
names a person, date or number of any particular article.
"""

from __future__ import annotations

from .. import english as _english
from .. import numbers as _numbers

# ---- saying ----------------------------------------------------------------------------------------------

# Verbs of saying that assert a claim (not urge, promise, warn or complain): the clause they govern is what the
# speaker holds ("said that …": a position).
ASSERTING = frozenset(
    {
        "say", "add", "note", "announce", "tell", "clarify", "stress", "state", "explain", "declare", "observe",
        "assert", "emphasize", "emphasise", "insist", "admit", "acknowledge", "concede",
    }
)  # fmt: skip
# Verbs that report speech: whoever is their subject said the words ("said", "told", "warned", "tweeted").
SAYING = ASSERTING | {
    "tweet", "write", "warn", "argue", "claim", "remark", "comment", "reiterate", "affirm", "suggest", "reply",
    "respond", "answer", "conclude", "urge", "call", "describe", "told", "quip", "caution", "complain", "contend",
    "maintain", "predict", "promise", "recall", "vow", "pledge", "post",
}  # fmt: skip
# Reporting a claim as the actor's own position: asserting it, or saying what one thinks.
REPORTING = ASSERTING | {"believe", "think"}
# Verbs that speak the words of a quotation they govern: saying, and judging what is quoted
# ("criticized Moscow for “…”", "hailed the deal as “…”").
QUOTE_GOVERNING = SAYING | {
    "criticize", "criticise", "accuse", "praise", "tout", "slam", "condemn", "denounce", "dismiss", "hail",
    "reject", "welcome", "blame",
}  # fmt: skip
# Saying that a pronoun inside the reported clause refers back to ("Erdogan said he would …"), and that makes
# a title its subject the speaker ("the president said"); "he continued" too.
SAYING_BACK = SAYING | {"continue"}
# Saying whose occasion an event can be ("replied in a televised statement", "told reporters at the plant"):
# not "call", which names ("called the WHO “moribund” in a video message"); informing and confirming, yes.
SAYING_ON_OCCASION = (SAYING - {"call"}) | {"confirm", "inform", "notify", "reject", "speak"}
# Saying that is itself the act at an occasion ("announced … after a meeting"), not just speech.
SAYING_AS_ACT = frozenset({"announce", "reject", "confirm"})
# Saying to someone: the object is who was told.
TELLING = frozenset({"tell", "inform", "notify"})
# Saying that may be done in a language ("speaking in Pashto", "tweeted in Russian").
SAYING_IN_LANGUAGE = frozenset({"speak", "tweet", "write"})
# Verbs that announce a decision taken ("India said it would hold …", "announced that the US would quit").
ANNOUNCING = frozenset({"say", "announce", "declare", "confirm", "state"})
# What one can decline to do without taking a stance ("declined to say whether …").
NO_COMMENT = frozenset({"say", "comment", "confirm", "disclose", "elaborate", "specify"})
# Nouns of saying, for "made the announcement at …", "gave a speech at …".
SAID_NOUNS = frozenset({"announcement", "speech", "remarks", "statement", "address", "comment"})
# Verbs that make a noun of saying the act: "made the announcement", "gave a speech".
SAYING_SUPPORT = frozenset({"make", "give", "deliver"})
# How something is said: "in a televised statement", "in a telephone call", "in a joint statement".
MEDIA = frozenset({"statement", "call", "address", "speech", "broadcast", "message", "letter", "communique"})
# Media that are a written statement issued ("said in a joint statement" → "issued a joint statement").
ISSUED_MEDIA = frozenset({"statement", "communique", "message"})
# Television and radio as where something is said: "speaking on state television".
BROADCASTERS = frozenset({"television", "tv", "radio"})

# ---- stance ----------------------------------------------------------------------------------------------

# Verbs of stance → the stance recorded in a position fact.
STANCE_VERBS = {
    "propose": "proposes", "suggest": "proposes", "offer": "offers", "introduce": "proposes",
    "want": "wants", "wish": "wants", "seek": "wants", "desire": "wants", "hope": "hopes",
    "demand": "demands", "insist": "demands", "call": "calls for", "urge": "calls for", "press": "calls for",
    "reject": "rejects", "refuse": "rejects", "decline": "rejects", "dismiss": "rejects", "oppose": "opposes",
    "rebuff": "rejects", "deny": "denies",
    "criticize": "criticizes", "criticise": "criticizes", "condemn": "criticizes", "lash": "criticizes",
    "slam": "criticizes", "blast": "criticizes", "denounce": "criticizes", "accuse": "accuses", "blame": "accuses",
    "argue": "argues", "contend": "argues", "maintain": "argues",
    "support": "supports", "back": "supports", "welcome": "supports", "endorse": "supports", "praise": "supports",
    "tout": "supports", "favor": "supports", "favour": "supports", "warn": "warns", "defend": "supports",
    "protest": "criticizes", "promise": "promises", "pledge": "pledges", "vow": "vows", "voice": "expresses",
    "object": "opposes", "threaten": "threatens", "reiterate": "reiterates", "hint": "hints", "express": "expresses",
}  # fmt: skip
# Stance verbs that need a feeling as their object to be a stance ("voiced disappointment").
EXPRESSING = frozenset({"express", "voice"})
# What an actor "voices" or "expresses" that is a stance: "voiced disappointment", "expressed concern".
FEELINGS = frozenset(
    {
        "hope", "concern", "support", "regret", "readiness", "disappointment", "opposition", "alarm", "frustration",
        "anger", "dismay", "satisfaction", "approval", "objection", "reservation", "doubt", "skepticism",
        "scepticism", "outrage",
    }
)  # fmt: skip
# Nouns of stance with a possessive actor → the stance: "Putin's proposal to extend the treaty".
STANCE_NOUNS = {
    "proposal": "proposes", "offer": "offers", "demand": "demands", "call": "calls for", "plan": "proposes",
    "refusal": "rejects", "rejection": "rejects", "criticism": "criticizes", "readiness": "is ready",
    "intent": "intends", "intention": "intends", "initiative": "proposes", "suggestion": "proposes",
}  # fmt: skip
# Nouns that sum up a wish named just before them: "wants China to join, an idea Beijing has rejected".
IDEA_NOUNS = frozenset({"idea", "proposal", "plan", "notion", "demand"})
# Objects that are only when a stance was taken, not what it was about ("rejected it multiple times").
TIME_OBJECTS = frozenset({"time", "year"})

# ---- wishes, modals, conditions: what did not (yet) happen ------------------------------------------------

# Heads of wanting, asking, planning and refusing: a verb under them names what someone wants (not) done, not
# what was done ("wants China to join the agreement", "urged the government to attend").
WISHING = frozenset(
    {"want", "wish", "hope", "call", "urge", "ask", "demand", "consider", "plan", "decide", "propose", "seek",
     "threaten", "press", "refuse"}
)  # fmt: skip
# Verbs of reporting or wanting above a number: it is someone's claim or wish, not a treaty's term.
CLAIMED_OR_WISHED = SAYING | WISHING | {"fear", "believe", "think", "expect", "estimate", "report", "accuse", "deny"}
# Modal auxiliaries of what is only possible, required or expected: "could attend", "must be ratified".
MODALS = frozenset({"would", "could", "might", "may", "should", "must"})
# Modals of bare possibility: a stance that "could" be taken is none.
POSSIBILITY_MODALS = frozenset({"could", "might", "may"})
# Modals that say what should or will be: a clause with one states a position ("the administration must …").
STANCE_MODALS = frozenset({"must", "should", "will", "would", "could", "need", "ought"})
# Modals of the future, a decision taken: "will withdraw", "would quit" (after "announced that").
FUTURE_MODALS = frozenset({"will", "shall", "would"})
# Modals that make a rule, not an event: "the conference must be held within a year".
RULE_MODALS = frozenset({"must", "should"})
# Modals that make a treaty term binding or allowed: "each side must …", "either party may …".
DEONTIC_MODALS = frozenset({"must", "shall", "may"})
# Modals that make a term in force from now on ("would" only reports one).
WILL_MODALS = FUTURE_MODALS - {"would"}
# Subordinators of a condition or a time not yet come: the clause is not asserted ("if Iran keeps …", "once 60
# countries have ratified it", inverted "should").
CONDITIONS = frozenset({"if", "unless", "whether", "should", "once", "until"})
# Adverbs and determiners of negation besides spaCy's 'neg' ("never agreed", "no country may …").
NEGATORS = frozenset({"never", "no"})
# Verbs that raise a later action into a plan: "is due to expire", "is set to", "is expected to".
RAISING = frozenset({"due", "set", "expect", "schedule", "likely", "go", "plan"})

# ---- treaties --------------------------------------------------------------------------------------------

# Nouns that name an agreement between states.
TREATY_WORDS = frozenset(
    {"treaty", "agreement", "accord", "pact", "deal", "convention", "protocol", "charter", "accords", "initiative"}
)
# Instruments often other than the article's treaty: "the 2010 protocol", "the 1990 amendment".
OTHER_INSTRUMENTS = frozenset({"protocol", "amendment"})
# Parts and versions of a treaty, which stand for it: "the current iteration of the agreement", "under Article VI
# of the treaty", "under its terms", "under the rules of the pact".
TREATY_PARTS = frozenset(
    {"iteration", "version", "text", "terms", "term", "extension", "renewal", "article", "provision", "clause",
     "rule", "system", "framework", "regime"}
)  # fmt: skip
# Acronyms that name a treaty wherever they are written. Any other acronym is a treaty's only where the
# corpus introduces it as one ("… (CITES)", "the CITES convention"): most are agencies, alliances or groups.
TREATY_ACRONYMS = frozenset({"NPT", "INF", "ABM", "CFE", "CTBT", "FMCT", "SALT", "START", "JCPOA", "TPNW"})
# Verbs done to a treaty, so their 'it' is the treaty: "signed it on 8 April".
TREATY_VERBS = frozenset(
    {"sign", "ratify", "join", "leave", "quit", "abandon", "extend", "violate", "suspend", "revoke"}
)
# Verbs of signing a treaty.
SIGN_VERBS = frozenset({"sign", "ink", "ratify", "conclude"})
# Verbs of becoming or being a party.
PARTY_VERBS = frozenset({"agree", "pledge", "commit", "undertake", "join", "rejoin", "accede", "adopt"})
# Party verbs that are a promise, not membership, when a person is their subject.
PROMISING = frozenset({"pledge", "commit", "undertake", "agree"})
# Party verbs that need no object: "Finland acceded in 2012".
INTRANSITIVE_PARTY = frozenset({"accede", "ratify", "join"})
# Nouns for a party to a treaty: "the remaining signatories, Britain, France and China".
PARTY_NOUNS = frozenset({"signatory", "party", "signer", "member"})
# Party nouns that cannot mean a political party or a club.
SIGNER_NOUNS = frozenset({"signatory", "signer"})
# Verbs of leaving or suspending a treaty (and rejoining it).
WITHDRAW = frozenset(
    {"leave", "withdraw", "quit", "exit", "abandon", "suspend", "terminate", "ditch", "scrap", "rejoin", "renounce",
     "pull", "revoke"}
)  # fmt: skip
# What a state does to its part in a treaty: "suspended its obligations", "reimposed sanctions".
LIFECYCLE = frozenset(
    {"suspend", "revoke", "reimpose", "impose", "lift", "resume", "restore", "halt", "freeze", "renew", "vote"}
)
# Lifecycle verbs whose passive subject can be the treaty itself: "It was renewed in November".
LIFECYCLE_PASSIVE = frozenset({"renew", "extend", "suspend", "revoke", "lift", "freeze", "halt"})
# What those verbs act on: a state's part in a treaty, or the treaty.
LIFECYCLE_OBJECTS = TREATY_WORDS | {
    "obligation", "commitment", "participation", "membership", "ratification", "sanction", "inspection",
    "moratorium", "testing", "test", "talk", "negotiation", "limit", "cap",
}  # fmt: skip
# Where a treaty was made: "agreed in Vienna", "opened for signature in New York".
MAKING = frozenset({"agree", "sign", "adopt", "open", "conclude", "negotiate", "reach", "ink", "finalize", "finalise"})
# Signing a document that is not the treaty: the verbs ("signed an executive order", "issued a decree") …
DOCUMENT_VERBS = SIGN_VERBS | {"issue"}
# … and the documents.
DOCUMENTS = frozenset({"order", "law", "decree", "bill", "resolution", "declaration", "memorandum", "statement"})
# Nouns that stand for a withdrawal or a return taking effect (not a treaty entering into force).
MOVES = frozenset(
    {"withdrawal", "exit", "return", "departure", "pullout", "suspension", "termination", "decision", "move"}
)
# What "takes effect" some time after something: a withdrawal, the treaty itself.
EFFECT_NOUNS = frozenset(
    {"withdrawal", "exit", "ratification", "accession", "amendment", "denunciation", "termination", "notice",
     "notification", "return", "suspension", "ban", "moratorium"}
)  # fmt: skip
# Verbs of coming into force, with the noun that completes them: "take effect", "enter/come into force".
IN_FORCE_VERBS = frozenset({"take", "enter", "come"})
# Nouns that announce a departure to come: "announced its intention to leave the treaty".
INTENT_NOUNS = frozenset({"intention", "decision", "notice"})

# ---- states, parties, bodies -----------------------------------------------------------------------------

# Common nouns for a state that is, or may be, a party: "the first country to leave", "each member must …".
STATE_NOUNS = frozenset({"country", "state", "nation", "member", "government", "party", "signatory"})
# States as the sides of a treaty: who a limit applies to, not what it counts ("limits each side to 700
# missiles"), and who its terms bind ("each side", "either party", "member states").
SIDES = STATE_NOUNS | {"side"}
# Plural party nouns that bind by themselves ("parties must …").
PARTY_PLURALS = frozenset({"parties", "signatories", "members"})
# Determiners that make a party noun a party ("each side", "either party").
DISTRIBUTIVES = frozenset({"each", "either", "every", "both"})
# Common nouns that still name who signed: "six world powers", "196 parties".
GROUP_NOUNS = STATE_NOUNS | {"power"}
# Bodies that ratify for a state, not parties themselves: "Parliament ratified it in 2002".
LEGISLATURES = frozenset(
    {"parliament", "senate", "duma", "congress", "legislature", "assembly", "house", "chamber", "lawmakers",
     "legislators", "deputies", "mps", "senators", "knesset", "bundestag", "rada", "majlis"}
)  # fmt: skip
# Common nouns that stand for a body that acts ("the ministry said", "the Trump administration").
ORG_NOUNS = frozenset(
    {"administration", "government", "ministry", "department", "council", "agency", "organization", "organisation",
     "parliament", "commission", "committee", "alliance", "union", "bloc", "court", "congress", "senate", "duma",
     "military", "army", "office", "cabinet", "embassy", "coalition", "delegation", "presidency", "secretariat",
     "assembly"}
)  # fmt: skip
# Bodies led by a person and named after them: "the Trump administration".
LED_BODIES = frozenset({"administration", "government", "cabinet", "team", "campaign"})
# Heads of organization names the tagger may file elsewhere ("the South Asia Water Institute" as FAC). Not
# places: "a resident of Geneva" is no office.
INSTITUTIONS = frozenset(
    {"institute", "university", "centre", "center", "foundation", "council", "association", "agency"}
)

# ---- people and titles -----------------------------------------------------------------------------------

# Head words of a person's office or title (as written, lower case).
TITLE_WORDS = frozenset(
    {
        "president", "vice-president", "minister", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor",
        "counterpart", "ambassador", "envoy", "chancellor", "premier", "king", "queen", "prince", "princess", "emir",
        "sheikh", "general", "commander", "chief", "director", "head", "chairman", "chairwoman", "chair", "leader",
        "senator", "congressman", "congresswoman", "representative", "governor", "mayor", "negotiator", "diplomat",
        "official", "deputy", "undersecretary", "under-secretary", "secretary", "lawmaker", "speaker", "pope",
        "monarch", "ayatollah", "marshal", "admiral", "colonel", "inspector", "commissioner", "coordinator",
        "attorney", "prosecutor", "judge", "justice", "administrator", "ceo", "founder", "analyst", "expert",
        "researcher", "professor", "spokesmen",
    }
)  # fmt: skip
# Lower-case words that may stand inside a title before the name ("then-US President", "foreign minister").
TITLE_MODIFIERS = frozenset(
    {"then", "former", "late", "acting", "deputy", "vice", "prime", "foreign", "defense", "defence", "interior",
     "national", "security", "chief", "senior", "top", "state", "general", "special", "first", "executive",
     "supreme", "deputy-"}
)  # fmt: skip
# Words before a title that say the person held it before ("then-", "former", "late").
PAST_TITLE_PREFIXES = ("then-", "then ", "former ", "late ")
# Honorifics before a surname: "Mr. Carter", "Mrs Merkel" (as written, lower case, without the stop).
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame"})
# Words that say a person is a woman (as written, lower case).
FEMININE_TITLES = frozenset(
    {"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "queen", "princess", "duchess", "mrs", "ms",
     "madam", "madame", "lady", "empress", "baroness", "dame", "sister", "mother"}
)  # fmt: skip
# Words that say a person is a man (as written, lower case).
MASCULINE_TITLES = frozenset(
    {"spokesman", "chairman", "congressman", "businessman", "king", "prince", "duke", "mr", "sir", "lord",
     "emperor", "baron", "brother", "father"}
)  # fmt: skip
# Common women's first names (lower case), to know who 'she' can be.
FEMININE_FIRST_NAMES = frozenset(
    {
        "angela", "annalena", "anna", "anne", "antonia", "barbara", "catherine", "christine", "christina", "claudia",
        "condoleezza", "elizabeth", "ellen", "emma", "federica", "giorgia", "hillary", "helen", "ingrid", "jacinda",
        "jennifer", "julia", "julie", "kaja", "kamala", "karen", "kathryn", "kristalina", "linda", "liz", "madeleine",
        "margaret", "margrethe", "maria", "marie", "marine", "mary", "mette", "michelle", "nancy", "natalia", "nikki",
        "olga", "samantha", "sanna", "sarah", "sheikh_hasina", "sophie", "susan", "tatiana", "theresa", "tulsi",
        "ursula", "valentina", "victoria", "wendy", "yulia",
    }
)  # fmt: skip
# Endings of Slavic feminine surnames ("Zakharova").
FEMININE_SURNAME_ENDINGS = ("ova", "eva", "ina", "aya", "skaya")
# Personal pronouns that stand for a person in subject or object position.
PRONOUNS = frozenset({"he", "she", "him", "her"})
# Pronouns that refer to a woman.
FEMININE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
# Pronouns that open a relative clause and stand for the noun it hangs on.
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})
# Where a claim comes from without anyone holding it: "according to U.N. data" ("datum": spaCy's lemma).
SOURCE_NOUNS = frozenset(
    {"data", "datum", "figure", "report", "estimate", "survey", "poll", "study", "statistic", "document", "record",
     "analysis", "source", "assessment", "calculation", "count", "tally"}
)  # fmt: skip
# Words that are never an actor of a position, however they are parsed (as written, lower case).
NOT_ACTORS = frozenset(
    {"remarks", "statement", "issue", "report", "comments", "move", "decision", "it", "this", "they", "we", "i",
     "you", "there", "which", "that", "one", "some", "others", "side", "sides"}
)  # fmt: skip
# Determiners that make a noun someone unnamed: "a spokesman for …".
INDEFINITE = frozenset({"a", "an", "another", "one"})

# ---- meetings and occasions ------------------------------------------------------------------------------

# Nouns for a meeting of people.
MEETING_WORDS = frozenset(
    {"meeting", "meetings", "talks", "summit", "contacts", "negotiations", "consultations", "session", "conference",
     "forum", "round", "dialogue", "visit", "event", "assembly", "congress", "parliament", "club"}
)  # fmt: skip
# Where people speak besides meetings: "told a rally in Sukkur", "told a regular briefing in Beijing".
GATHERINGS = MEETING_WORDS | {"rally", "briefing", "ceremony", "hearing", "gathering", "seminar"}
# Gatherings that are only routine press events unless named ("a closing news conference").
PRESS_EVENTS = frozenset({"conference", "briefing"})
# Talks as a process: not a gathering one speaks at, but held at one ("talks at the APEC summit"). As written.
TALKS = frozenset({"talks", "contacts", "negotiations", "meetings"})
# Meetings of a body after which something was announced: "after a meeting of the Cabinet Committee".
BODY_MEETINGS = frozenset({"meeting", "session"})
# Verbs of speaking at or attending a gathering.
SPEECH_AT = frozenset({"address", "speak", "attend", "host", "tell", "participate", "visit", "open", "chair"})
# Verbs of declining or calling off a meeting.
DECLINE = frozenset({"decline", "cancel", "postpone", "refuse", "reject", "skip", "boycott", "ditch", "call"})
# Verbs of a meeting happening: "talks will take place", "the summit opened".
HAPPEN = frozenset({"take", "hold", "begin", "start", "resume", "open", "convene"})
# Verbs of chairing a meeting, seen through to what was said after it.
PRESIDING = frozenset({"preside", "chair"})
# A part of a gathering: "at the opening of the conference", "on the sidelines of the summit".
PARTS = frozenset({"opening", "start", "close", "end", "sidelines", "margins", "margin", "sideline"})
# A named site where something is said: "told reporters at the Arak heavy water plant".
SITES = frozenset(
    {"plant", "facility", "base", "site", "headquarters", "palace", "garden", "hall", "embassy", "airport"}
)
# Nouns a year dates as having taken place: "the 2015 talks", "the 1998 test".
DATED_HAPPENINGS = MEETING_WORDS | {"test", "election", "war", "crisis", "visit"}

# ---- proposals: what makes a clause worth proposing as a fact of some kind (proposals.py) ------------------

# Verbs by which a state or person becomes bound by, or a party to, an agreement.
BECOMING_PARTY = SIGN_VERBS | INTRANSITIVE_PARTY | {"rejoin", "adopt", "approve", "endorse", "initial"}
# Nouns that name a party to an agreement, or the act of becoming one.
PARTY_MARKS = PARTY_NOUNS | {"ratification", "accession", "signature"}
# Verbs of a treaty's life and of diplomacy: a clause they head is proposed as an event.
EVENT_VERBS = (
    WITHDRAW | LIFECYCLE | LIFECYCLE_PASSIVE | MAKING | DECLINE | HAPPEN | SPEECH_AT | BECOMING_PARTY | PARTY_VERBS
    | {
        "abrogate", "denounce", "prolong", "violate", "breach", "veto", "pass", "defeat", "block", "meet", "brief",
        "launch", "end", "close", "expire", "lapse", "collapse", "enter", "broker", "mediate", "destroy",
        "dismantle", "eliminate", "inspect", "verify", "conduct", "test", "deploy", "station", "dispatch",
        "sanction", "award", "win", "elect", "appoint", "name", "nominate", "replace", "resign", "die", "kill",
        "arrest", "release", "free", "invade", "occupy", "annex", "recognize", "recognise", "establish", "create",
        "found", "amend", "revise", "submit", "file", "rule", "order", "notify", "transfer", "hand", "return",
        "pay", "fund", "donate",
    }
)  # fmt: skip
# Nouns that name an event: a meeting, a step in a treaty's life, a vote.
EVENT_NOUNS = MEETING_WORDS | MOVES | {
    "extension", "renewal", "vote", "referendum", "ballot", "ceremony", "signing", "ratification", "accession",
    "inspection", "test", "election", "war", "invasion", "ceasefire", "truce", "handover", "transfer", "deadline",
    "expiry",
}  # fmt: skip
# Nouns for people or bodies that act without being named: "a senior EU official", "civil society groups".
GROUP_ACTOR_NOUNS = STATE_NOUNS | ORG_NOUNS | {
    "official", "diplomat", "minister", "spokesman", "spokeswoman", "spokesperson", "representative", "ambassador",
    "envoy", "negotiator", "delegate", "lawmaker", "legislator", "senator", "critic", "campaigner", "activist",
    "analyst", "expert", "observer", "scholar", "group", "leader", "opposition", "industry", "advocate", "source",
    "supporter", "opponent", "survivor", "veteran", "resident", "voter", "protester", "mp", "mps",
}  # fmt: skip
# Words of a transcript's speaker label that are a title or a form of address, not the name ("SECRETARY BLINKEN:").
LABEL_TITLES = HONORIFICS | {
    "prof", "professor", "president", "prime", "minister", "secretary", "ambassador", "general", "gen", "senator",
    "sen", "foreign", "chancellor", "king", "queen", "chairman", "chair", "director", "governor", "admiral",
    "colonel", "judge", "mayor", "rep", "speaker",
}  # fmt: skip
# What a paper calls itself when it speaks for its author: "This paper argues …", "This brief recommends …".
AUTHOR_NOUNS = frozenset({"paper", "brief", "essay", "article", "report", "analysis", "study", "note", "piece"})
# Words of a header's other lines (outlets, venues, kickers, labels, dates), which no byline's name holds.
HEADER_WORDS = frozenset(
    {"radio", "television", "tv", "mission", "monastery", "palace", "hall", "house", "embassy", "forum", "bulletin",
     "herald", "gazette", "tribune", "courier", "morning", "evening", "weekly", "monthly", "release", "immediate",
     "key", "points", "summary", "updated", "transcript", "remarks", "report", "edition", "desk", "bureau",
     "united", "nations", "europe", "europa", "america", "africa", "asia", "world", "global", "free",
     "why", "how", "what", "when", "where", "who", "will", "can", "is", "are"}
    | _english.MONTH_NAMES.keys()
)  # fmt: skip
# Speaker labels of a transcript that name a role in the exchange, not a person ("Q:", "MODERATOR:").
LABEL_ROLES = frozenset({"q", "a", "question", "answer", "moderator", "interviewer", "host", "chair", "audience"})

# ---- dates -----------------------------------------------------------------------------------------------

# Month names and abbreviations → month number (quizgen.english's; the name is the model's word class).
MONTHS = _english.MONTH_WORDS
# Weekdays, Monday first (as datetime numbers them).
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# What happens on a date, by the verb that governs it (verbs not listed name their own event).
DATE_EVENTS = {
    "expire": "expiry", "lapse": "expiry", "end": "end", "sign": "signing", "ink": "signing",
    "ratify": "ratification", "announce": "announcement", "say": "announcement", "tell": "announcement",
    "declare": "announcement", "meet": "meeting", "hold": "meeting", "address": "speech", "speak": "speech",
    "leave": "withdrawal", "withdraw": "withdrawal", "quit": "withdrawal", "abandon": "withdrawal",
    "exit": "withdrawal", "suspend": "suspension", "extend": "extension", "enter": "entry into force",
    "take": "entry into force", "reject": "rejection", "propose": "proposal", "offer": "proposal", "tweet": "tweet",
    "criticize": "criticism", "criticise": "criticism", "begin": "start", "start": "start", "launch": "start",
    "conclude": "conclusion", "agree": "agreement", "visit": "visit", "test": "test",
}  # fmt: skip
# Dated events that happen once to a treaty: what the verb acts on does not tell two of them apart.
ONCE_EVENTS = frozenset({"expire", "sign", "ratify", "end", "lapse", "enter"})

# ---- numbers, units, limits ------------------------------------------------------------------------------

# Verbs that set a limit or a cut → which.
LIMIT_VERBS = {
    "limit": "limit", "cap": "limit", "restrict": "limit", "allow": "limit", "permit": "limit", "reduce": "reduce",
    "cut": "reduce", "lower": "reduce", "slash": "reduce", "curb": "limit", "decrease": "reduce", "trim": "reduce",
    "halve": "reduce", "ban": "limit",
}  # fmt: skip
# Nouns of a limit: "a ceiling of 1,550".
LIMIT_NOUNS = frozenset({"limit", "ceiling", "cap", "maximum", "reduction", "cut"})
# Verbs that restrict by themselves, so a treaty subject limits what they name even without a number.
RESTRICTING = frozenset({"limit", "cap", "restrict", "ban", "curb", "prohibit", "forbid"})
# Verbs that hold a quantity to a level: "hold the rise to well below 2 degrees", "limit it to 1.5 degrees".
HOLDING = frozenset({"hold", "keep", "limit", "cap", "restrict", "reduce", "cut", "lower"})
# Heads that stand for what is counted: "the number of warheads", "its stockpile of …".
MEASURE_HEADS = frozenset({"number", "level", "amount", "total", "size", "quantity", "arsenal", "stockpile"})
# Verbs that bind or allow the action under them: "agreed to cut", "obliges countries to reduce", "had to".
BINDING_VERBS = frozenset(
    {"agree", "commit", "undertake", "oblige", "obligate", "require", "allow", "permit", "bind", "have", "need"}
)
# Fractions as written → value, and the fraction words that are a number by themselves ("by half"):
# quizgen.numbers's, here as the model's word classes.
FRACTIONS = _numbers.WRITTEN_FRACTIONS
FRACTION_WORDS = _numbers.FRACTION_WORDS
# Words that may follow a number as its unit or counted noun, as written (longer forms first: a regex
# alternation is built from them).
UNIT_WORDS = (
    "kilograms", "kilogram", "kg", "tonnes", "tonne", "tons", "ton", "kilometres", "kilometers", "kilometre",
    "kilometer", "km", "miles", "mile", "metres", "meters", "degrees", "degree", "celsius", "percent", "per cent",
    "%", "megatons", "kilotons", "warheads", "missiles", "launchers", "troops", "days", "years", "metric ton",
    "metric tons", "metric tonnes",
)  # fmt: skip
# Words that qualify a unit written after them: "metric tons", "square kilometres".
UNIT_QUALIFIERS = frozenset({"metric", "short", "nautical", "square", "cubic"})
# Units a number is measured in (lemmas; the answer keeps them: "3.6 million acre-feet", "2 degrees Celsius").
MEASURE_UNITS = frozenset(
    {"kilogram", "kg", "gram", "tonne", "ton", "metre", "meter", "kilometre", "kilometer", "km", "mile", "foot",
     "feet", "acre", "barrel", "litre", "liter", "gallon", "degree", "celsius", "percent", "cent", "%", "megaton",
     "kiloton", "megawatt", "gigawatt"}
)  # fmt: skip
# Words that end a measured number: "2 degrees Celsius", "6 per cent" (as written).
UNIT_TAILS = frozenset({"celsius", "fahrenheit", "cent", "percent"})
# Percent words of a number the tagger took for money ("6 per cent").
PERCENT_WORDS = frozenset({"cent", "percent"})
# Units of time: a number of them is a duration.
TIME_UNITS = frozenset({"hour", "day", "week", "month", "year"})
# Words that count times → how many: "at least once a year" (quizgen.numbers's, as a model word class).
TIMES = _numbers.TIMES
# Words that make "once" a rate: "once a year", "twice per month".
PER = frozenset({"a", "per", "every", "each"})
# Currency names (money pledged is no cap); currency signs are matched as characters.
CURRENCIES = frozenset(
    {"dollar", "dollars", "euro", "euros", "pound", "pounds", "yuan", "rouble", "roubles", "ruble", "yen"}
)
CURRENCY_SIGNS = "$€£¥"
# Quantifiers that set a ceiling on a number (as written).
CEILINGS = ("no more than", "not more than", "up to", "at most", "a maximum of")
# Ceilings that are a cap by themselves, whoever bears them ("up to" may only say how many did something).
STRICT_CEILINGS = tuple(q for q in CEILINGS if q != "up to")
# Quantifiers that set a floor.
FLOORS = ("no fewer than", "at least")
# Quantifiers of a cap or a floor, a treaty term (ceilings first: the first that matches is taken).
CAPS = CEILINGS + FLOORS
# Verbs of what a treaty forbids or demands of its parties, with or without a number: "bans the placing of
# nuclear weapons in orbit", "requires states parties to destroy their stockpiles".
PROVIDING = RESTRICTING | BINDING_VERBS - {"have", "need"} | {
    "bar", "outlaw", "renounce", "forgo", "refrain", "reserve", "oblige", "guarantee", "pledge", "prevent",
    "preclude", "exclude", "exempt", "entitle", "grant", "set", "fix", "establish",
}  # fmt: skip
# Where in a sentence a number stands, as the model sees it: the words just before it ("no more than 300").
QUANTIFIERS = CAPS + (
    "more than", "fewer than", "less than", "about", "around", "some", "nearly", "almost", "over", "roughly",
    "approximately", "only", "within", "every", "per", "each", "by",
)  # fmt: skip
# Words that count or divide without digits: "by half", "dozens of", "twice a year" (quizgen.numbers's).
NUMBER_WORDS = _numbers.NUMBER_WORDS
# Determiners that mark a number as something known already ("the two sides"), not a term.
DEFINITE = frozenset({"the", "these", "those"})

# ---- grammar words ---------------------------------------------------------------------------------------

# Determiners dropped from the edge of a phrase.
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Words that open a phrase in lower case when it moves into a statement ("Another condition" → "another
# condition"), unlike a name ("Putin's proposal").
LOWER_OPENERS = DETERMINERS | {"another", "such", "its", "their", "his", "her"}
# Capitalised words that start a sentence without starting a name ("The Paris deal …" is not "The Paris").
SENTENCE_OPENERS = frozenset({"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our"})
# Verbs that link a subject to what it is: "Russia would remain a signatory".
COPULAS = frozenset({"be", "remain", "become", "stay"})

# ---- writing statements ----------------------------------------------------------------------------------

# Irregular pasts and doubled finals, as the model's word classes (quizgen.english writes the pasts). The
# model was trained before "break" joined the pasts: its class stays as it learnt it.
IRREGULAR_PAST = {verb: p for verb, p in _english.IRREGULAR_PAST.items() if verb != "break"}
DOUBLE_FINAL = _english.DOUBLE_FINAL
