"""`limit` facts: the caps and cuts a treaty sets by a verb ("limits each side to 700 missiles", "cut by
half"), and what they count. Its terms and obligations are in terms.py."""

from __future__ import annotations

from ..english import with_the
from ..model import Quantity
from ..numbers import FRACTION_WORDS
from .actors import resolve
from .clauses import subject_of
from .context import ArticleContext, Candidate, Sentence, find_treaty_names
from .lexicon import (
    CURRENCIES,
    CURRENCY_SIGNS,
    DEFINITE,
    LIMIT_NOUNS,
    LIMIT_VERBS,
    MEASURE_HEADS,
    MEASURE_UNITS,
    PERCENT_WORDS,
    RESTRICTING,
    SIDES,
    TREATY_WORDS,
    UNIT_QUALIFIERS,
    UNIT_WORDS,
)
from .protocol import sentence_extractor
from .quantities import QUANTIFIER, compounded, limit_candidate, parse_number
from .syntax import Token, doc_text, ents, noun_phrase, span_text, trim
from .terms import clause_verbs, frame, frame_statement, obligations, setting


def _number_tokens(sent: Sentence) -> list[list[Token]]:
    out = []
    for ent in ents(sent.doc):
        if ent.label_ in ("CARDINAL", "QUANTITY", "PERCENT") or (
            ent.label_ == "MONEY"
            and not any(t.text in CURRENCY_SIGNS or t.lower_ in CURRENCIES for t in ent)
            and any(t.lower_ in PERCENT_WORDS for t in ent)
        ):
            toks = list(ent)
            cut = next((n for n, t in enumerate(toks) if t.lower_ == "to" and 0 < n < len(toks) - 1), None)
            # "from about 13,000 to 8,600": two numbers, the one after "to" is the limit
            out.extend([toks[:cut], toks[cut + 1 :]] if cut is not None else [toks])
    out = [g for g in out if not compounded(g)]
    taken = {t.i for grp in out for t in grp}
    for tok in sent.tokens:  # numbers the tagger filed under another label ("one metric ton" as MONEY)
        if (
            tok.like_num
            and tok.i not in taken
            and not compounded([tok])
            and tok.ent_type_ not in ("DATE", "TIME", "ORDINAL")
            and tok.dep_ == "nummod"
        ):
            out.append([tok])
            taken.add(tok.i)
    for tok in sent.tokens:
        if tok.lower_ in FRACTION_WORDS and tok.i not in taken:
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
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_ not in SIDES:
            if child.lemma_ in MEASURE_HEADS:
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
        if tok.head.i == tok.i or (tok.dep_ == "conj" and tok.pos_ == "VERB"):
            return None  # "reduce its forces … and pull out of five bases": another action
        tok = tok.head
    return None


def _climbed_measure(num: list[Token], verb: Token) -> str:
    """What a number met higher up counts: 'kilograms of low-enriched uranium' → the uranium; else the
    limit verb's object ('all land-based missiles')."""
    units = UNIT_WORDS
    for tok in num:
        if tok.lower_ in units:
            of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
            if of:
                return span_text(trim(list(of[0].subtree)))
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_ not in SIDES), None)
    return span_text(trim(noun_phrase(obj))) if obj is not None else ""


def _with_unit_and_quantifier(num: list[Token]) -> list[Token]:
    """'300' → 'no more than 300 kilograms'; '5,500' → 'between 500 and 5,500 km'."""
    doc = num[0].doc
    toks = sorted(num, key=lambda t: t.i)
    end = toks[-1].i + 1
    units = UNIT_WORDS
    while end < len(doc) and (
        doc[end].lower_ in units
        or (doc[end].lower_ in UNIT_QUALIFIERS and end + 1 < len(doc) and doc[end + 1].lower_ in units)
    ):
        end += 1
    start = toks[0].i
    words = [w.lower() for w in doc_text(doc)[max(0, doc[start].idx - 20) : doc[start].idx].split()]
    for n in (3, 2, 1):
        phrase = " ".join(words[-n:])
        if len(words) >= n and QUANTIFIER.match(phrase + " 1"):
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
    for tok in sent.tokens:
        if tok.lower_ == "under" and tok.dep_ == "prep" and tok.i < verb.i:
            treaty = frame(tok, sent, ctx)
            if treaty:
                return treaty
    if find_treaty_names(sent.text, ctx.names) or any(t.lower_ in TREATY_WORDS for t in sent.tokens):
        return ctx.treaty()
    return None


def _known_already(num: list[Token]) -> bool:
    """'the two countries’ arsenals', 'the two sides': a number that names what is known, not a term."""
    root = max(num, key=lambda t: -len(list(t.ancestors)))
    head = root.head if root.dep_ == "nummod" else root
    if any(c.dep_ == "det" and c.lower_ in DEFINITE and c.i < root.i for c in head.children):
        return True
    return any(a.dep_ == "poss" for a in [head, *head.ancestors][:3])


def _clause_top(verb: Token) -> Token:
    """'agreed to cut …': the verb the limit verb's clause hangs on."""
    while verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _said_of_treaty(verb: Token, sent: Sentence, ctx: ArticleContext) -> bool:
    """Is the limit verb's subject the treaty ('New START limits …'), or has it none ('are limited to …')?"""
    subj = subject_of(verb)
    if subj is None:
        return True
    actor = resolve(subj, sent, ctx, allow_treaty=True)
    return actor is not None and actor.type == "treaty" and subj.head.i == verb.i


@sentence_extractor("limits", kind="limit")
def extract(sent: Sentence, ctx: ArticleContext) -> list[Candidate]:
    out: list[Candidate] = []
    used_verbs: set[int] = set()
    used_nums: set[int] = set()
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
        if treaty is None or _known_already(num):
            continue
        counted = num[-1].head if num[-1].dep_ == "nummod" else None
        if counted is not None and counted.lemma_.lower() in MEASURE_UNITS:
            counted = None  # "to 6 per cent": a unit, not what is counted
        if counted is not None and counted.pos_ == "NOUN" and counted.lemma_ not in LIMIT_NOUNS:
            # "to 700 deployed missiles": the number counts the noun it modifies (not "each side two sites")
            mods = [counted] + [
                t for c in counted.children if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree
            ]
            measure_toks = trim([t for t in mods if t.i <= counted.i and t not in num])
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
            if not (counted is not None and counted.pos_ == "NOUN" and measure):
                measure = _climbed_measure(num, verb) or measure  # else: "no more than 100 interceptor launchers"
            if not measure:
                continue
            end = num[-1].i
            if counted is not None and counted.i > end:
                end = counted.i  # "with no more than 100 interceptor launchers"
            for tok in num:  # "300 kilograms of low-enriched uranium": the unit's "of" phrase too
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        end = max(end, c.right_edge.i)
            statement = f"{with_the(treaty)} {span_text(list(sent.doc[verb.i : end + 1]))}"
            if not _said_of_treaty(verb, sent, ctx):
                framed = setting(clause_verbs(verb), "cap", "", sent, ctx) or (treaty, _clause_top(verb), "", None)
                statement = frame_statement(framed[0], framed[1], framed[2], framed[3], {t.i for t in num}) or statement
            used_verbs.add(verb.i)
            used_nums.update(t.i for t in num)
            quantity = Quantity(value, number_text, measure, change)
            out.append(limit_candidate(sent, treaty, number_text, statement, quantity, "limits.climbed"))
            continue
        answer = f"by {number_text}" if prep == "by" and f"by {number_text}" in sent.text else number_text
        each = any(c.lower_ == "each" for t in num for c in t.children) or f"{number_text} each" in sent.text
        if change == "reduce":
            statement = (
                f"{with_the(treaty)} reduces the number of {measure} {answer if prep == 'by' else 'to ' + answer}."
            )
        else:
            statement = f"{with_the(treaty)} limits the number of {measure} to {number_text}{' each' if each else ''}."
        if not _said_of_treaty(verb, sent, ctx) or prep not in ("to", "by"):
            # "Under the protocol, Canada had committed to cut its emissions to 6 per cent …": the clause itself
            framed = setting(clause_verbs(verb), "cap", "", sent, ctx) or (treaty, _clause_top(verb), "", None)
            statement = frame_statement(framed[0], framed[1], framed[2], framed[3], {t.i for t in num}) or statement
        used_verbs.add(verb.i)
        used_nums.update(t.i for t in num)
        quantity = Quantity(value, answer, measure, change)
        out.append(limit_candidate(sent, treaty, answer, statement, quantity, "limits.cap"))
    out += obligations(sent, ctx, used_nums)
    # "The pact limits the number of nuclear warheads": what is limited, with no number. Only verbs that
    # restrict (not "allows"), said of the treaty by the verb's own subject (not "accused … of restricting").
    for verb in sent.tokens:
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
        counts = any(c.dep_ == "dobj" and c.lemma_ in MEASURE_HEADS for c in verb.children)
        before = measure_toks[0].doc[measure_toks[0].i - 1] if measure_toks[0].i > 0 else None
        det = f"{before.text} " if before is not None and before.lower_ in ("the", "a", "an", "all") else ""
        statement = f"{with_the(actor.name)} {verb.text} {'the number of ' if counts else ''}{det}{measure}."
        out.append(limit_candidate(sent, actor.name, measure, statement, None, "limits.restricting"))
    return out
