"""Real English questions from a fact's parts.

Each `stem_*` returns a Stem or None: a fact we cannot phrase well gets no question rather than a bad
one. Stems are built from the fact's statement where we can turn it into a question safely (auxiliary
inversion, "did" with a known past tense), and from its typed parts (event, quantity, party) otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..english import AUXILIARIES, MONTHS, QUESTION_PASTS, with_the
from ..model import DateValue, Fact
from ..text import normalize
from .context import Context
from .tables import profession, relation

# Answer types; distractors are drawn per type.
PERSON, COUNTRY, ORGANIZATION, TREATY, OTHER = "person", "country", "organization", "treaty", "other"
DATE, QUANTITY, ROLE = "date", "quantity", "role"

_WH_FOR_TYPE = {PERSON: "Who", COUNTRY: "Which country", ORGANIZATION: "Which organization", TREATY: "Which treaty"}
_DATE_PREPOSITIONS = ("on", "in", "by", "until", "from", "at", "since", "before", "after")


@dataclass(frozen=True)
class Stem:
    """A question, its one right answer as shown, the answer's type, and the question's identity: facts
    with the same `key` ask the same question, so their answers are true too and never distractors."""

    prompt: str
    answer: str
    atype: str
    key: tuple[str, ...]
    # False: a question with other right answers the deck does not know, good only for choosing a true/false's
    # false version (another of the story's signers), never asked itself
    askable: bool = True


# ---- small grammar helpers -------------------------------------------------------------------------


def possessive(name: str) -> str:
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def sentence_body(statement: str) -> str:
    return statement.strip().rstrip(".!?").strip()


def starts_with_name(ctx: Context, text: str, name: str) -> str | None:
    """The alias of `name` that `text` begins with (ignoring a leading "The"), longest first."""
    candidates = sorted(ctx.names.aliases(name) | {name}, key=len, reverse=True)
    for alias in candidates:
        for prefix in ("", "The ", "the "):
            head = prefix + alias
            if text.startswith(head) and (len(text) == len(head) or not text[len(head)].isalnum()):
                return head
    return None


def base_form(verb: str) -> str | None:
    """Past or 3rd-person present → base form, only for verbs we know; None otherwise."""
    v = verb.lower()
    if v in QUESTION_PASTS:
        return QUESTION_PASTS[v]
    if v.endswith("s") and v[:-1] in QUESTION_PASTS.values():
        return v[:-1]
    if v.endswith("es") and v[:-2] in QUESTION_PASTS.values():
        return v[:-2]
    return None


def question_from_clause(ctx: Context, clause: str, subject: str, wh: str) -> str | None:
    """'New START is due to expire' + 'When' → 'When is New START due to expire?'.

    `clause` is a statement with the asked-for phrase removed; it must begin with the subject.
    """
    head = starts_with_name(ctx, clause, subject)
    if head is None:
        return None
    rest = clause[len(head) :].strip()
    words = rest.split(" ", 1)
    if not words or not words[0]:
        return None
    first, tail = words[0], (words[1] if len(words) > 1 else "")
    shown_head = head[0].lower() + head[1:] if head.startswith("The ") else head
    if first.lower() in AUXILIARIES:
        out = f"{wh} {first.lower()} {shown_head} {tail}".strip()
    else:
        base = base_form(first)
        if base is None:
            return None
        did = "did" if first.lower().endswith("ed") or first.lower() in QUESTION_PASTS else "does"
        out = f"{wh} {did} {shown_head} {base} {tail}".strip()
    return re.sub(r"\s+", " ", out).rstrip(" ,;") + "?"


# ---- dates ---------------------------------------------------------------------------------------


def date_style(answer: str) -> str:
    """'mdy' for 'February 5, 2021', else 'dmy'."""
    return "mdy" if re.match(r"^[A-Z][a-z]+\.? \d{1,2}\b", answer.strip()) else "dmy"


def format_date(d: DateValue, style: str = "dmy") -> str:
    month = MONTHS[d.month - 1] if d.month else None
    year = str(d.year) if d.year is not None else None
    if d.day is not None and month:
        if style == "mdy":
            return f"{month} {d.day}, {year}" if year else f"{month} {d.day}"
        return " ".join(p for p in (str(d.day), month, year) if p)
    if month:
        return " ".join(p for p in (month, year) if p)
    return year or ""


def date_answer(fact: Fact) -> str:
    """The date as options show it: formatted from the typed value, in the article's style."""
    assert fact.date is not None
    return format_date(fact.date, date_style(fact.answer))


def strip_phrase(statement: str, phrase: str) -> str | None:
    """The statement without ' on|in|by … <phrase>' (and what trails it up to a comma); None if absent."""
    body = sentence_body(statement)
    preps = "|".join(_DATE_PREPOSITIONS)
    m = re.search(rf"\s+(?:(?:{preps})\s+)?(?:the\s+)?{re.escape(phrase)}(?=$|[\s,;])", body)
    if m is None:
        return None
    out = (body[: m.start()] + body[m.end() :]).strip().rstrip(",;")
    return re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", out)) or None


def date_as_stated(fact: Fact) -> str | None:
    """The date as the statement writes it: the answer, or (for a resolved "Thursday") the full date."""
    if fact.date is None:
        return None
    for form in (fact.answer, format_date(fact.date, "dmy"), format_date(fact.date, "mdy")):
        if form and form in fact.statement:
            return form
    return None


def event_clause(fact: Fact) -> str | None:
    """'New START was signed in April 2010.' → 'New START was signed' (for timelines and questions)."""
    written = date_as_stated(fact)
    if fact.date is None or written is None:
        return None
    body = sentence_body(fact.statement)
    lead = re.match(rf"^(?:On|In|By|Since|Until)\s+{re.escape(written)},\s+(.+)$", body)
    clause = lead.group(1) if lead else strip_phrase(fact.statement, written)
    if clause is None or normalize(written) in normalize(clause):
        return None
    if fact.date.year is not None and str(fact.date.year) in clause:
        return None
    if len(clause.split()) < 3 or clause.split()[-1].lower() in _PREPOSITIONS:
        return None  # "… is scheduled in New York for": the date was the preposition's object
    if _GARBLED_CLAUSE.search(clause):
        return None  # "- 1 — CITES enters into force", "in 1999 and, to buyers in Japan": a list line's remains
    return clause


# What taking the date out of a list line or a clause of several dates leaves behind
_GARBLED_CLAUSE = re.compile(
    r"^[\W\d]|^(?:in|on|at|to|and|or|of|for|by|from|after|before)\b|\b(?:and|or|but),|\s[-–—]\s*\d*\s*[-–—]\s"
)


def stem_date(ctx: Context, fact: Fact) -> Stem | None:
    if fact.date is None:
        return None
    clause = event_clause(fact)
    if clause is None:
        return None
    prompt = question_from_clause(ctx, clause, fact.subject, "When")
    if prompt is None:
        return None
    key = ("date", ctx.names.key(fact.subject), normalize(fact.event or clause))
    return Stem(prompt, date_answer(fact), DATE, key)


# ---- the other kinds ------------------------------------------------------------------------------


def stem_signatory(ctx: Context, fact: Fact) -> Stem | None:
    subject = with_the(fact.subject)  # "the Washington Naval Treaty", "New START"
    known = ctx.names.type_of(fact.entity or fact.answer)
    if (known is not None and known not in (PERSON, COUNTRY)) or not fact.answer[:1].isupper():
        return None  # "five recognised nuclear powers": no options of that kind to offer
    if ctx.names.type_of(fact.entity or fact.answer) == COUNTRY:
        if ctx.many_parties(fact.subject):
            return None  # of a multilateral treaty, countries the article does not name as parties may be too
        # Asked of a bilateral treaty with its other party named, one country answers; of one whose other party
        # the deck does not know, any country might be it.
        parties = ctx.parties_of(fact.subject)
        answer = ctx.names.key(fact.entity or fact.answer)
        others = [p for p in parties if ctx.names.key(p) != answer]
        key = ("signatory", ctx.names.key(fact.subject), "")
        verb = "is a party to" if " party to " in fact.statement else "signed"
        if len(parties) != 2 or len(others) != 1:
            return Stem(f"Which country {verb} {subject}?", fact.answer, COUNTRY, key, askable=False)
        other = with_the(others[0])
        prompt = f"Which country {verb} {subject} " + ("with" if verb == "signed" else "besides") + f" {other}?"
        return Stem(prompt, fact.answer, COUNTRY, ("signatory", ctx.names.key(fact.subject), ctx.names.key(other)))
    if fact.party:
        party = ctx.names.canonical(fact.party)
        prompt = f"Who signed {subject} for {with_the(party)}?"
        key = ("signatory", ctx.names.key(fact.subject), ctx.names.key(party))
    else:
        # "Who signed the ECOWAS Treaty?": a treaty has a signer for each party, and an article that does not say
        # whose signature this was leaves the others as right as this one
        return Stem(
            f"Who signed {subject}?", fact.answer, PERSON, ("signatory", ctx.names.key(fact.subject), ""), askable=False
        )
    return Stem(prompt, fact.answer, PERSON, key)


def _measure(fact: Fact) -> str | None:
    q = fact.quantity
    if q is None or not q.measure.strip() or re.search(r"\d", q.measure):
        return None
    m = re.sub(r"^(the )?number of ", "", q.measure.strip())
    if m.split()[0].lower() in _UNCOUNTED:
        return None  # "To how many breadth of …?": a dimension is not counted
    return m


_UNCOUNTED = frozenset(
    [
        "breadth",
        "width",
        "length",
        "depth",
        "height",
        "area",
        "size",
        "extent",
        "amount",
        "volume",
        "level",
        "share",
        "proportion",
        "percentage",
        "value",
        "total",
        "distance",
        "range",
        "duration",
    ]
)


# What makes a quantity a cap or a cut, so that "To how many … does X limit …?" asks what the fact says (not
# "calls for up to 5,000 prisoners to be freed", which limits nothing).
_LIMITING = re.compile(
    r"\b(?:limit|cap|restrict|ceiling|no more than|not more than|at most|maximum|reduc|cut|halv|allow|permit)",
    re.IGNORECASE,
)


# "Hungary’s army was limited to …", "Germany's navy is capped at …": whose force the limit binds
_WHOSE_LIMIT = re.compile(
    r"^(?P<who>(?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}[’']s? (?:[a-z-]+ ){0,2}[a-z-]+) "
    r"(?P<be>was|were|is|are|will be) (?P<verb>limited|capped|restricted|reduced) (?:to|at)\b"
)


def stem_limit(ctx: Context, fact: Fact) -> Stem | None:
    q = fact.quantity
    measure = _measure(fact)
    if q is None or measure is None or not _LIMITING.search(fact.statement):
        return None
    subject = with_the(fact.subject)
    text = q.text.strip()
    said = " ".join([fact.statement, *(e.text for e in fact.evidence)]).lower()
    if q.change == "reduce" or text.lower().startswith("by "):
        if not text.lower().startswith("by "):
            prompt = f"To what number does {subject} reduce the number of {measure}?"
        else:
            prompt = f"By how much does {subject} reduce the number of {measure}?"
    elif q.value < 1:
        return None
    elif whose := _WHOSE_LIMIT.match(fact.statement):
        # "Hungary's army was limited to 35,000 men": one party's force, not "the parties"
        who = re.sub(r"^The\b", "the", whose["who"])
        prompt = f"Under {subject}, to how many {measure} {whose['be']} {who} {whose['verb']}?"
    else:
        each = " each side" if re.search(r"\beach\b", said) else ""
        prompt = f"To how many {measure} does {subject} limit{each or ' the parties'}?"
    key = ("limit", ctx.names.key(fact.subject), normalize(measure), q.change)
    return Stem(prompt, text, QUANTITY, key)


def not_an_office(role: str) -> bool:
    """'Russian counterpart' names an office only beside someone else's; 'administration of US President' is a
    fragment of a phrase."""
    if relation(role) or re.search(r"\badministration\b", role, re.IGNORECASE):
        return True
    if re.match(r"(?:another|other|fellow|last|next|this|that)\b", role, re.IGNORECASE):
        return True  # "Another speaker": a place in a line, not an office
    if re.search(r"\d", role) or re.match(r"(?:presence|part|member|one|some|head) of\b", role):
        return True  # "Q52 Chair" (a transcript's numbering), "presence of President": a fragment
    return bool(re.search(r"\b[a-z]+(?:ers|ists|ents|ors|ants)$", role))  # "foreign ministers": a group


def affiliation(role: str) -> bool:
    """'diplomatic historian at the (independent) Kansai Institute': an occupation and where it is practised,
    not an office, so never a wrong option beside offices ("Prime Minister", "Foreign Minister")."""
    return role[:1].islower() and bool(re.search(r"\b(?:at|with)\b|\(", role))


def an_office(role: str) -> bool:
    """Whether a role fact's answer may stand beside offices as a wrong option: an office, not a relation, a
    fragment, an affiliation or a commentator's trade."""
    return not (not_an_office(role) or affiliation(role) or profession(role))


_PAST_OFFICE = re.compile(r"^(?:then|former|ex)[\s-]+(?=\S)", re.IGNORECASE)


def office_now(role: str) -> str:
    """The office without the word that puts its holding in the past: 'then-US President' → 'US President'."""
    return _PAST_OFFICE.sub("", role)


def stem_role(ctx: Context, fact: Fact) -> Stem | None:
    who = fact.entity or fact.subject
    if ctx.names.mentions(who, fact.answer) or not_an_office(fact.answer):
        # "Russian counterpart" is an office only beside the other person's; "administration of US
        # President" is a fragment of a phrase, not an office
        return None
    office = office_now(fact.answer)
    if office != fact.answer or re.match(rf"{re.escape(who)} was\b", fact.statement):
        # "then-US President", "Horace Rumbold was the British High Commissioner": an office held once
        return Stem(f"What office did {who} hold?", office, ROLE, ("role", ctx.names.key(who)))
    return Stem(f"What is {possessive(who)} role?", fact.answer, ROLE, ("role", ctx.names.key(who)))


def answer_type(ctx: Context, name: str) -> str:
    t = ctx.names.type_of(name)
    if t:
        return t
    if re.search(r"\b(Treaty|Agreement|Accord|Convention|Pact)\b", name):
        return TREATY
    return OTHER


def _pronoun_for(ctx: Context, text: str, name: str, atype: str) -> str | None:
    """Replace mentions of the answer in the rest of a sentence with 'it'/'its' (countries and
    organizations only), so that the stem does not give the answer away."""
    if not ctx.names.mentions(text, name):
        return text
    if atype not in (COUNTRY, ORGANIZATION):
        return None

    def repl(m: re.Match[str]) -> str:
        if m.group(0).endswith(("’s", "'s")):
            return "its"
        # "the participation of China" → "of that country", not "of it"
        return f"that {atype}" if m.string[: m.start()].endswith("of ") else "it"

    for alias in sorted(ctx.names.aliases(name) | {name}, key=len, reverse=True):
        text = re.sub(rf"(?<![\w])(?:the\s+)?{re.escape(alias)}(?:’s|'s)?(?![\w])", repl, text)
    if re.search(r"\bbetween (?:it|that \w+) and\b|\band (?:it|that \w+)\b(?! (?:is|was|has|had|will|would)\b)", text):
        return None  # "signed between it and Washington": the other side of a pair gives the answer away
    return None if ctx.names.mentions(text, name) else text


def stem_position(ctx: Context, fact: Fact) -> Stem | None:
    body = sentence_body(fact.statement)
    head = starts_with_name(ctx, body, fact.answer) or starts_with_name(ctx, body, fact.entity or fact.answer)
    if head is None:
        return None
    answer = ctx.answer_name(fact)
    atype = answer_type(ctx, fact.entity or answer)
    wh = _WH_FOR_TYPE.get(atype)
    if wh is None or atype == TREATY:
        return None
    rest = _pronoun_for(ctx, body[len(head) :].strip(), answer, atype)
    if rest is None:  # the rest names the answer again and no pronoun can stand for it
        return None
    unexplained_it = re.search(r"\bof it\b|\bit\W*$", rest)  # "… of having violated it": violated what?
    generic = len(rest.split()) < 7 and GENERIC.search(rest)  # "rejected an idea multiple times": which?
    if not rest or OUTWARD.search(rest) or len(rest.split()) < 4 or unexplained_it or generic:
        return None  # "denied these allegations": which ones only the article says
    return Stem(f"{wh} {rest}?", answer, atype, ("position", normalize(rest)))


def quotation(fact: Fact) -> str:
    """A quote fact's quotation as its question shows it: no quotation marks, no trailing comma."""
    return (fact.quote or "").strip().strip('“”"').rstrip(",;:")


def stem_quote(ctx: Context, fact: Fact) -> Stem | None:
    quote = quotation(fact)
    answer = ctx.answer_name(fact)
    if not quote or ctx.names.mentions(quote, answer) or len(quote) > 300:
        return None
    # "Vladimir Putin said Russia is “not clinging …”" keeps its context: "Who said Russia is “…”?"
    body = sentence_body(fact.statement)
    head = starts_with_name(ctx, body, answer) or starts_with_name(ctx, body, fact.answer)
    rest = body[len(head) :].strip() if head else ""
    said = rest.startswith(("said ", "says ", "told ", "added ", "stated "))
    if said and quote in rest and len(rest) < 400 and not ctx.names.mentions(rest, answer):
        return Stem(f"Who {rest}?", answer, PERSON, ("quote", normalize(quote)))
    return Stem(f"Who said “{quote}”?", answer, PERSON, ("quote", normalize(quote)))


_PREPOSITIONS = {"on", "of", "in", "at", "for", "with", "about", "between", "from", "to", "over", "against"}
# Words that point outside the sentence: a stem with them cannot be answered on its own.
GENERIC = re.compile(r"\ban? (?:idea|proposal|plan|offer|charge|move|step|notion)\b")
OUTWARD = re.compile(r"\b(?:these|those|such|the latter|the former|the above|him|them)\b", re.IGNORECASE)


def stem_event(ctx: Context, fact: Fact) -> Stem | None:
    body = sentence_body(fact.statement)
    place = re.match(rf"^(.+?) was (.+?) (?:in|at) (?:the )?{re.escape(fact.answer)}$", body)
    if fact.event == "place" and place:  # "Where was the Chemical Weapons Convention opened for signature?"
        return Stem(f"Where was {place.group(1)} {place.group(2)}?", fact.answer, OTHER, ("event", normalize(body)))
    atype = answer_type(ctx, fact.entity if fact.entity and fact.entity == fact.answer else fact.answer)
    wh = _WH_FOR_TYPE.get(atype, "What")
    if body.startswith(fact.answer):
        rest = body[len(fact.answer) :].strip()
        if not rest or ctx.names.mentions(rest, fact.answer) or rest.split()[0].lower() in _PREPOSITIONS:
            return None  # "X on Y are set to …": the answer's phrase goes on past the answer
        prompt = f"{wh} {rest}?"
    else:
        # "X left the Y." → clause "X left"; a lower-case adjective before the answer goes too.
        m = re.search(rf"\s+(?:the\s+)?(?:([a-z][\w-]*)\s+)?{re.escape(fact.answer)}$", body)
        if m is None:
            return None
        clause = body[: m.start()]
        if m.group(1) and (m.group(1).lower() in AUXILIARIES or base_form(m.group(1))):
            clause += " " + m.group(1)
        head = starts_with_name(ctx, clause, fact.subject)
        if head is None:
            return None
        prompt = question_from_clause(ctx, clause, fact.subject, wh)
        if prompt is None:
            return None
    key = ("event", normalize(prompt))
    return Stem(prompt, fact.answer, atype, key)


STEMS = {
    "date": stem_date,
    "signatory": stem_signatory,
    "limit": stem_limit,
    "role": stem_role,
    "position": stem_position,
    "quote": stem_quote,
    "event": stem_event,
}


def stem_for(ctx: Context, fact: Fact) -> Stem | None:
    """The fact's question, or None when it has no good phrasing (computed once per fact)."""
    if fact.id not in ctx.cache:
        ctx.cache[fact.id] = _stem_for(ctx, fact)
    return ctx.cache[fact.id]


def _stem_for(ctx: Context, fact: Fact) -> Stem | None:
    make = STEMS.get(fact.kind)
    stem = make(ctx, fact) if make else None
    if stem is None or ctx.names.mentions(stem.prompt, stem.answer):
        return None
    return stem
