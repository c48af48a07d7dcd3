"""`limit` facts: numeric caps and cuts a treaty sets, and what they count."""

from __future__ import annotations

import re

from ..model import Quantity
from ..numbers import words_to_number
from ..text import normalize
from .actors import resolve
from .context import ArticleContext, Candidate, Sentence, find_treaty_names
from .entities import TREATY_WORDS
from .statements import finish, with_the
from .syntax import Token, noun_phrase, span_text, subject_of, trim

LIMIT_VERBS = {
    "limit": "limit",
    "cap": "limit",
    "restrict": "limit",
    "allow": "limit",
    "permit": "limit",
    "reduce": "reduce",
    "cut": "reduce",
    "lower": "reduce",
    "slash": "reduce",
    "curb": "limit",
    "decrease": "reduce",
    "trim": "reduce",
    "halve": "reduce",
    "ban": "limit",
}
LIMIT_NOUNS = {"limit", "ceiling", "cap", "maximum", "reduction", "cut"}
_FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "third": 1 / 3,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "quarter": 0.25,
    "a quarter": 0.25,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
}
RESTRICTING = {"limit", "cap", "restrict", "ban", "curb", "prohibit", "forbid"}
# Who a limit applies to, not what it counts ("limits each side to 700 missiles").
_BEARERS = {"side", "party", "country", "state", "nation", "signatory"}
_MEASURE_HEADS = {"number", "level", "amount", "total", "size", "quantity", "arsenal", "stockpile"}


_UNITS = (
    "kilograms|kilogram|kg|tonnes|tonne|tons|ton|kilometres|kilometers|kilometre|kilometer|km|miles|mile|metres|"
    "meters|degrees|degree|celsius|percent|per cent|%|megatons|kilotons|warheads|missiles|launchers|troops|days|years|"
    "metric ton|metric tons|metric tonnes"
)
_QUANTIFIER = re.compile(
    r"^(?:no more than|not more than|up to|at most|at least|fewer than|less than|more than|"
    r"(?:well )?below|under|over|a maximum of|a total of|between)\s+",
    re.IGNORECASE,
)


def parse_number(text: str) -> float | None:
    t = text.lower().strip()
    t = re.sub(r"^(?:by|to|of|at)\s+", "", t)
    t = _QUANTIFIER.sub("", t)
    t = re.sub(rf"(?:\s*(?:{_UNITS}))+$", "", t).strip()
    if " and " in t:  # a range: "500 and 5,500"
        t = t.rsplit(" and ", 1)[1].strip()
    if t in _FRACTIONS:
        return _FRACTIONS[t]
    m = re.match(r"^(\d[\d,]*(?:\.\d+)?)$", t)
    if m:
        return float(m.group(1).replace(",", ""))
    if re.fullmatch(r"[a-z -]+", t):
        return words_to_number(t.replace("-", " ").split())
    return None


def _number_tokens(sent: Sentence) -> list[list[Token]]:
    out = []
    for ent in sent.doc.ents:
        if ent.label_ in ("CARDINAL", "QUANTITY", "PERCENT"):
            out.append(list(ent))
    taken = {t.i for grp in out for t in grp}
    for tok in sent.doc:  # numbers the tagger filed under another label ("one metric ton" as MONEY)
        if (
            tok.like_num
            and tok.i not in taken
            and tok.ent_type_ not in ("DATE", "TIME", "ORDINAL")
            and tok.dep_ == "nummod"
        ):
            out.append([tok])
            taken.add(tok.i)
    for tok in sent.doc:
        if tok.lower_ in ("half", "third", "quarter", "two-thirds") and tok.i not in taken:
            det = tok.doc[tok.i - 1] if tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("a", "one") else None
            out.append([det, tok] if det is not None else [tok])
    return out


def _governor(num: list[Token]) -> tuple[Token | None, str]:
    root = max(num, key=lambda t: len(list(t.ancestors)) * -1)
    tok = root
    prep = ""
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        prep = tok.head.lower_
        tok = tok.head.head
    elif tok.dep_ in ("nummod", "quantmod") and tok.head.lemma_ in LIMIT_NOUNS and tok.head.pos_ == "NOUN":
        return tok.head, prep
    elif tok.dep_ in ("nummod",):
        tok = tok.head.head if tok.head.dep_ in ("dobj", "pobj") else tok.head
        if tok.dep_ == "prep":
            prep = tok.lower_
            tok = tok.head
    elif tok.dep_ in ("dobj", "npadvmod"):
        tok = tok.head
    return tok, prep


def _measure(verb: Token) -> list[Token]:
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_ not in _BEARERS:
            if child.lemma_ in _MEASURE_HEADS:
                of = [c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"]
                if of:
                    pobj = [p for p in of[0].children if p.dep_ == "pobj"]
                    if pobj:
                        return trim(list(pobj[0].subtree))
            return trim(
                [
                    t
                    for t in child.subtree
                    if not (t.dep_ == "prep" and t.head.i == child.i and t.lower_ in ("to", "by"))
                    and not any(
                        a.dep_ == "prep" and a.head.i == child.i and a.lower_ in ("to", "by") for a in t.ancestors
                    )
                ]
            )
    return []


def _limit_above(tok: Token) -> Token | None:
    """The nearest limit verb above a token, a few steps up the parse at most."""
    for _ in range(5):
        if tok.pos_ == "VERB" and tok.lemma_ in LIMIT_VERBS:
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _climbed_measure(num: list[Token], verb: Token) -> str:
    """What a number met higher up counts: 'kilograms of low-enriched uranium' → the uranium; else the
    limit verb's object ('all land-based missiles')."""
    units = _UNITS.split("|")
    for tok in num:
        if tok.lower_ in units:
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            if of:
                return span_text(trim(list(of[0].subtree)))
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_ not in _BEARERS), None)
    return span_text(trim(noun_phrase(obj))) if obj is not None else ""


def _with_unit_and_quantifier(num: list[Token]) -> list[Token]:
    """'300' → 'no more than 300 kilograms'; '5,500' → 'between 500 and 5,500 km'."""
    doc = num[0].doc
    toks = sorted(num, key=lambda t: t.i)
    end = toks[-1].i + 1
    units = _UNITS.split("|")
    while end < len(doc) and (
        doc[end].lower_ in units
        or (
            doc[end].lower_ in ("metric", "short", "nautical", "square", "cubic")
            and end + 1 < len(doc)
            and doc[end + 1].lower_ in units
        )
    ):
        end += 1
    start = toks[0].i
    words = [w.lower() for w in doc.text[max(0, doc[start].idx - 20) : doc[start].idx].split()]
    for n in (3, 2, 1):
        phrase = " ".join(words[-n:])
        if len(words) >= n and _QUANTIFIER.match(phrase + " 1"):
            start -= len(phrase.split())
            break
    start = max(start, 0)
    return [doc[i] for i in range(start, end)]


def _about_treaty(verb: Token, sent: Sentence, ctx: ArticleContext) -> str | None:
    """The treaty that sets the limit: the verb's subject, an 'under …' phrase, or the article's treaty."""
    subj = subject_of(verb)
    if subj is not None:
        actor = resolve(subj, sent, ctx, allow_treaty=True)
        if actor is not None and actor.type == "treaty":
            return actor.name
    for tok in sent.doc:
        if tok.lower_ == "under" and tok.dep_ == "prep":
            for p in tok.children:
                actor = resolve(p, sent, ctx, allow_treaty=True)
                if actor is not None and actor.type == "treaty":
                    return actor.name
    if find_treaty_names(sent.text) or any(t.lower_ in TREATY_WORDS for t in sent.doc):
        return ctx.treaty()
    return None


def extract(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    used_verbs: set[int] = set()
    for num in _number_tokens(sent):
        gov, prep = _governor(num)
        if gov is None:
            continue
        climbed = False
        if gov.lemma_ in LIMIT_NOUNS and gov.pos_ == "NOUN":
            verb, change = gov.head if gov.head.pos_ == "VERB" else gov, "limit"
        elif gov.lemma_ in LIMIT_VERBS and prep in ("to", "by", "at", ""):
            # "limits X to 700 and cuts Y by a third": the parser may hang "by" on the first verb
            verbs = [gov] + [c for c in gov.children if c.dep_ == "conj" and c.lemma_ in LIMIT_VERBS]
            verb = max((v for v in verbs if v.i < num[0].i), key=lambda v: v.i, default=gov)
            change = LIMIT_VERBS[verb.lemma_]
        else:
            # "caps the purity to which Iran can enrich uranium at 3.67%", "allows it to keep no more than
            # 300 kilograms", "banned missiles with ranges between 500 and 5,500 km": the limit verb is higher up
            verb = _limit_above(gov)
            if verb is None:
                continue
            change, climbed = LIMIT_VERBS[verb.lemma_], True
        treaty = _about_treaty(verb, sent, ctx)
        if treaty is None:
            continue
        counted = num[-1].head if num[-1].dep_ == "nummod" else None
        if counted is not None and counted.pos_ == "NOUN" and counted.lemma_ not in LIMIT_NOUNS:
            # "to 700 deployed missiles": the number counts the noun it modifies
            measure_toks = trim([t for t in counted.subtree if t.i <= counted.i and t not in num])
        else:
            measure_toks = _measure(verb) if verb.pos_ == "VERB" else []
        if len(measure_toks) == 1 and measure_toks[0].pos_ == "PRON":
            measure_toks = []  # "limit it to 1.5 degrees": what "it" is, the parse does not say
        measure = span_text(measure_toks) if measure_toks else ""
        if not measure and not climbed:
            continue
        num = _with_unit_and_quantifier(num)
        number_text = span_text(num)
        value = parse_number(number_text)
        if value is None:
            continue
        if climbed:
            measure = _climbed_measure(num, verb) or measure
            if not measure:
                continue
            end = num[-1].i
            for tok in num:  # "300 kilograms of low-enriched uranium": the unit's "of" phrase too
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        end = max(end, c.right_edge.i)
            statement = f"{with_the(treaty)} {span_text(list(sent.doc[verb.i : end + 1]))}"
            used_verbs.add(verb.i)
            out.append(_candidate(sent, treaty, number_text, statement, Quantity(value, number_text, measure, change)))
            continue
        answer = f"by {number_text}" if prep == "by" and f"by {number_text}" in sent.text else number_text
        each = any(c.lower_ == "each" for t in num for c in t.children) or f"{number_text} each" in sent.text
        if change == "reduce":
            statement = f"{with_the(treaty)} reduces the number of {measure} {answer}."
        else:
            statement = f"{with_the(treaty)} limits the number of {measure} to {number_text}{' each' if each else ''}."
        used_verbs.add(verb.i)
        out.append(_candidate(sent, treaty, answer, statement, Quantity(value, answer, measure, change)))
    # "The pact limits the number of nuclear warheads": what is limited, with no number. Only verbs that
    # restrict (not "allows"), said of the treaty by the verb's own subject (not "accused … of restricting").
    for verb in sent.doc:
        if verb.lemma_ not in RESTRICTING or verb.pos_ != "VERB" or verb.i in used_verbs or sent.token_quoted(verb):
            continue
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None and verb.dep_ == "relcl":
            subj = verb.head
        actor = resolve(subj, sent, ctx, allow_treaty=True) if subj is not None else None
        if actor is None or actor.type != "treaty" or verb.dep_ in ("xcomp",):
            continue
        measure_toks = _measure(verb)
        if not measure_toks:
            continue
        measure = span_text(measure_toks)
        counts = any(c.dep_ == "dobj" and c.lemma_ in _MEASURE_HEADS for c in verb.children)
        before = measure_toks[0].doc[measure_toks[0].i - 1] if measure_toks[0].i > 0 else None
        det = f"{before.text} " if before is not None and before.lower_ in ("the", "a", "an", "all") else ""
        statement = f"{with_the(actor.name)} {verb.text} {'the number of ' if counts else ''}{det}{measure}."
        out.append(_candidate(sent, actor.name, measure, statement, None))
    return out


def _candidate(sent: Sentence, treaty: str, answer: str, statement: str, quantity: Quantity | None) -> Candidate:
    what = normalize(quantity.measure if quantity else answer)
    return Candidate(
        kind="limit",
        subject=treaty,
        answer=answer,
        statement=finish(statement),
        source=sent.source,
        evidence=sent.text,
        sentence=sent.index,
        quantity=quantity,
        entity=treaty,
        entity_type="treaty",
        key=f"limit|{treaty}|{what}|{quantity.value if quantity else ''}",
    )
