"""Treaty terms and obligations: caps, deadlines and notice periods a treaty sets on its parties, found without
a limit verb: "may store no more than 3.6 million acre-feet", "must destroy its stockpiles within four years",
"either party may leave on six months' notice", "a withdrawal takes effect one year after …", "the agreement
calls for up to 5,000 prisoners to be freed". Also how a clause is said to be set by the treaty ('under the
treaty …', 'the agreement calls for …'), which the limits a verb sets share."""

from __future__ import annotations

import re

from ..english import with_the
from ..model import Quantity
from ..numbers import TIMES
from .actors import resolve
from .clauses import conditional, modal, negated, own_subject
from .context import ArticleContext, Candidate, Sentence
from .lexicon import (
    BINDING_VERBS,
    CAPS,
    CEILINGS,
    CLAIMED_OR_WISHED,
    CURRENCIES,
    CURRENCY_SIGNS,
    DEFINITE,
    DEONTIC_MODALS,
    DISTRIBUTIVES,
    EFFECT_NOUNS,
    HOLDING,
    MEASURE_UNITS,
    PARTY_PLURALS,
    PER,
    SIDES,
    STRICT_CEILINGS,
    TIME_UNITS,
    TREATY_PARTS,
    TREATY_WORDS,
    UNIT_TAILS,
    WILL_MODALS,
)
from .quantities import compounded, limit_candidate, parse_number
from .syntax import Token, doc_text, noun_phrase, span_text, tokens, trim

_SIDE_DEPS = {"conj", "cc", "advcl", "relcl", "parataxis", "appos", "acl", "dep"}


def _amounts(sent: Sentence) -> list[list[Token]]:
    """Number phrases with their unit or counted noun: 'four years', 'no more than 3.6 million acre-feet',
    'up to 5,000 Taliban prisoners', 'at least once'."""
    doc = sent.doc
    out: list[list[Token]] = []
    taken: set[int] = set()
    for tok in tokens(doc):
        if tok.i in taken:
            continue
        if tok.lower_ in TIMES:  # "must meet at least once a year"
            out.append([tok])
            continue
        if not (tok.like_num or tok.pos_ == "NUM") or tok.dep_ not in ("nummod", "pobj", "dobj") or compounded([tok]):
            continue
        if tok.ent_type_ in ("DATE", "TIME", "ORDINAL") and not (
            tok.dep_ == "nummod" and tok.head.lemma_ in TIME_UNITS
        ):
            continue  # a date ("in 1974", "10 March"), not a duration ("four years")
        money = any(t.text in CURRENCY_SIGNS or t.lower_ in CURRENCIES for t in tok.head.subtree)
        if tok.ent_type_ == "MONEY" and money:
            continue  # money pledged is no cap
        lo = tok.i
        while lo > 0 and (doc[lo - 1].like_num or doc[lo - 1].dep_ == "quantmod") and doc[lo - 1].head.i >= tok.i:
            lo -= 1
        group = [doc[i] for i in range(lo, tok.i + 1)]
        if tok.dep_ == "nummod" and tok.head.i > tok.i:
            # "3.6 million acre-feet", "100 interceptor launchers": the unit or counted noun with its compounds
            group += [doc[i] for i in range(tok.i + 1, tok.head.i + 1)]
        taken.update(t.i for t in group)
        out.append(group)
    return out


def _quantifier(group: list[Token]) -> str:
    """'no more than', 'up to', 'within', 'below', 'to' … said just before (or at the start of) the number."""
    doc = group[0].doc
    first = next((t for t in group if t.like_num or t.pos_ == "NUM" or t.lower_ in TIMES), group[0])
    before = doc_text(doc)[max(0, first.idx - 24) : first.idx].lower().split()
    for q in CAPS:
        if " ".join(before[-len(q.split()) :]) == q:
            return q
    if before and before[-1] == "within":
        return "within"
    if before[-3:] == ["to", "well", "below"] or before[-2:] == ["to", "below"]:
        return "below"
    if before and before[-1] == "to":
        return "to"
    return ""


def _number_in(group: list[Token]) -> Token:
    return next((t for t in reversed(group) if t.like_num or t.pos_ == "NUM"), group[-1])


def _phrase_root(group: list[Token]) -> Token:
    ids = {t.i for t in group}
    return next((t for t in group if t.head.i not in ids or t.head.i == t.i), group[-1])


def clause_verbs(tok: Token) -> list[Token]:
    """The verbs above a token, nearest first, up to the sentence root."""
    out = []
    seen = 0
    while seen < 12:
        seen += 1
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
            out.append(tok)
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return out


def _binding(verbs: list[Token]) -> bool:
    """Is the first verb's action required or allowed: 'must destroy', 'may store', 'had to accept',
    'agreed to cut', 'is to be freed'? A verb coordinated with one that is shares its modal."""
    for n, v in enumerate(verbs[:3]):
        if modal(v, DEONTIC_MODALS) is not None:
            return True
        if v.dep_ == "xcomp" and (
            v.head.lemma_ in BINDING_VERBS
            or (v.head.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children))
        ):
            return True
        if n == 0 and v.dep_ != "conj" or n > 0 and v.dep_ not in ("conj", "pcomp"):
            return False
    return False


def _party_subject(subj: Token | None) -> bool:
    if subj is None:
        return False
    if subj.lemma_ in SIDES and (subj.tag_ in ("NNS",) or any(c.lower_ in DISTRIBUTIVES for c in subj.children)):
        return True
    return subj.lower_ in PARTY_PLURALS


def frame(under: Token, sent: Sentence, ctx: ArticleContext) -> str | None:
    """'Under the treaty', 'under its terms', 'under Article XV': the treaty the phrase invokes."""
    for p in under.children:
        if p.dep_ != "pobj":
            continue
        actor = resolve(p, sent, ctx, allow_treaty=True)
        if actor is not None and actor.type == "treaty":
            return actor.name
        for of in p.children:  # "under the rules of the pact"
            if of.dep_ == "prep" and of.lower_ == "of":
                for q in of.children:
                    actor = resolve(q, sent, ctx, allow_treaty=True)
                    if actor is not None and actor.type == "treaty":
                        return actor.name
        if p.lemma_.lower() in TREATY_PARTS or p.lower_ in TREATY_PARTS or p.lower_ in TREATY_WORDS:
            return ctx.treaty()
        if p.pos_ == "PROPN" and any(c.lower_ == "article" for c in p.subtree):
            return ctx.treaty()
    return None


def _pruned(root: Token, keep: set[int], drop: set[int]) -> list[Token]:
    """The root's clause: its subtree without the tokens in `drop` (with everything under them), and without
    side clauses (coordinated verbs, adverbial and relative clauses) that do not hold a token in `keep` -
    except between the root and the kept tokens, where the text is taken whole (a misparse there would
    garble it); cut at the first comma or dash after the kept tokens."""
    last = max(keep)
    omit: set[int] = set()
    for t in root.subtree:
        if t.dep_ == "conj" and t.pos_ == "VERB" and t.head.pos_ == "VERB" and {x.i for x in t.subtree} & keep:
            # "agreed to reduce X by half and limit Y to 1,550": for the limit, "agreed to limit Y to 1,550"
            first = t.head
            if not ({x.i for x in first.subtree} - {x.i for x in t.subtree}) & keep:
                omit.add(first.i)
                drop = drop | {
                    c.i for c in first.children if c.i != t.i and c.dep_ not in ("aux", "nsubj", "nsubjpass", "neg")
                }
    out = []
    for t in root.subtree:
        if t.i in omit:
            continue
        cut = False
        a = t
        while a.i != root.i:
            if a.i in drop:
                cut = True
                break
            side = a.dep_ in _SIDE_DEPS and (a.pos_ in ("VERB", "AUX") or a.dep_ not in ("conj", "cc", "appos"))
            if a.dep_ == "cc" and a.head.pos_ in ("VERB", "AUX"):
                side = True
            if (
                side
                and a.dep_ in ("advcl", "acl", "relcl")
                and a.left_edge.lower_ == "to"
                and a.left_edge.i > last
                and root.doc[a.left_edge.i - 1].dep_ != "cc"
                and not any(x.text in (",", ";", ":", "—", "–") for x in root.doc[last : a.left_edge.i])
            ):
                side = False  # "calls for up to 5,000 prisoners to be freed": what the number is for
            if side and not ({x.i for x in a.subtree} & keep) and not root.i < t.i < last:
                cut = True
                break
            a = a.head
        if not cut:
            out.append(t)
    for n, t in enumerate(out):
        if t.i > last and t.text in (",", ";", ":", "—", "–", "("):
            out = out[:n]
            break
    while out and (out[-1].text in (".", "!", "?") or out[-1].dep_ == "cc"):
        out = out[:-1]
    return trim(out, drop_det=False)


def _say(tokens: list[Token]) -> str:
    """Tokens as text, gaps closed with a space."""
    runs: list[list[Token]] = []
    for t in sorted(tokens, key=lambda t: t.i):
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return " ".join(span_text(r).strip(" ,;") for r in runs if span_text(r).strip(" ,;"))


def _lower_first(text: str, first: Token) -> str:
    if first.pos_ == "PROPN" or first.ent_type_ or (first.text.isupper() and len(first.text) > 1):
        return text
    return text[:1].lower() + text[1:]


def _effect_verb(verbs: list[Token]) -> Token | None:
    """'takes effect' or 'enters into force', among the nearest verbs."""
    for v in verbs[:2]:
        if v.lemma_ == "take" and any(c.dep_ == "dobj" and c.lower_ == "effect" for c in v.children):
            return v
        if v.lemma_ == "enter" and any(
            c.dep_ == "prep" and c.lower_ == "into" and any(p.lower_ == "force" for p in c.children) for c in v.children
        ):
            return v
    return None


def _term_kind(group: list[Token], quant: str, verbs: list[Token]) -> str:
    """What sort of term: 'notice' (N months' notice), 'effect' (takes effect N after), 'deadline' (within N),
    'cap' (no more than N, up to N, at least N, hold X to N), 'amount' (a measured quantity the parties must
    or may act on), or '' (none)."""
    doc = group[0].doc
    after = doc_text(doc)[group[-1].idx + len(group[-1].text) :].lower()
    root = _phrase_root(group)
    timed = root.lemma_ in TIME_UNITS
    if timed and re.match(r"^\s*(?:['’]s?)?\s*(?:advance |prior |written )?notice\b", after):
        return "notice"
    if timed and quant == "at least" and re.match(r"^\s*(?:before|in advance|prior to)\b", after):
        return "notice"  # "must notify the body at least 30 days before a launch"
    if timed and re.match(r"^\s*in advance\b", after):
        return "notice"  # "may withdraw by notifying the other parties 150 days in advance"
    if timed and re.match(r"^\s*(?:after|later|from)\b", after):
        return "effect" if _effect_verb(verbs) is not None else ""
    if quant == "within" and timed:
        return "deadline"
    if quant in CAPS and not timed:
        return "cap"
    if quant in ("to", "below") and not timed and verbs[0].lemma_ in HOLDING:
        return "cap"
    if not quant and not timed and root.lemma_.lower() in MEASURE_UNITS and _binding(verbs):
        return "amount"  # "commits each side to dispose of 34 metric tons of plutonium"
    return ""


def obligations(sent: Sentence, ctx: ArticleContext, skip: set[int]) -> list[Candidate]:
    """Caps, deadlines and notice periods set on the parties; numbers in `skip` are found already. (An article
    that never names its treaty still has terms 'under the treaty': `_setting` finds them.)"""
    out: list[Candidate] = []
    for group in _amounts(sent):
        if {t.i for t in group} & skip or any(sent.token_quoted(t) for t in group):
            continue
        quant = _quantifier(group)
        root = _phrase_root(group)
        verbs = clause_verbs(root)
        kind = _term_kind(group, quant, verbs) if verbs else ""
        if not kind:
            continue
        if root.lower_ in TIMES and quant not in CAPS:
            continue
        if root.dep_ == "appos" and root.head.ent_type_ == "DATE" or negated(verbs[0]):
            continue  # "cannot be reviewed before 2048, 50 years after …": how a date is reckoned, not a term
        if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in root.children):
            continue  # "the two sides", "the 30 days": things known already, not a term
        if negated(verbs[0]) or any(v.lemma_ in CLAIMED_OR_WISHED for v in verbs[1:]):
            continue  # "never agreed to …", "said it would keep …"
        if any(conditional(v) for v in verbs):
            continue  # "if Iran keeps no more than …"
        found = setting(verbs, kind, quant, sent, ctx)
        if found is None:
            continue
        treaty, top, how, under = found
        if how == "under" and kind in ("cap", "deadline") and not _in_force(verbs):
            continue  # "Under the deal, Iran has enriched uranium to up to 60 percent": what happened, no term
        text = frame_statement(treaty, top, how, under, {t.i for t in group} | {verbs[0].i})
        if not text:
            continue
        answer = sent.as_written(_answer(group, kind, quant))
        if not answer or answer not in sent.text:
            continue
        out.append(
            limit_candidate(sent, treaty, answer, text, _quantity(group, kind, quant, answer, top), f"terms.{kind}")
        )
    return out


def frame_statement(treaty: str, top: Token, how: str, under: Token | None, keep: set[int]) -> str:
    """The clause that sets a term, said of the treaty: 'The Doha deal calls for up to 5,000 prisoners …',
    'Under Article XV of the ABM Treaty, either party may leave on six months' notice'."""
    drop = {under.i} if under is not None else set()
    subj = own_subject(top)
    if how == "treaty":
        drop |= {c.i for c in top.children if c.dep_ in ("nsubj", "nsubjpass")}
    clause = _pruned(top, keep, drop)
    if not clause:
        return ""
    if how == "treaty":
        return f"{with_the(treaty)} {_say(clause)}"
    lead = ""
    if subj is not None and subj.i not in {t.i for t in clause}:
        # "… and clear the mined areas within ten years": the subject and modal of the first verb
        aux = [c for v in clause_verbs(top)[1:3] for c in v.children if c.dep_ == "aux"][:1]
        lead = _say(noun_phrase(subj)) + (f" {aux[0].text}" if aux and not _has_aux(top) else "")
    body = f"{lead} {_say(clause)}".strip()
    body = _lower_first(body, subj if lead and subj is not None else clause[0])
    frame = with_the(treaty)
    pobj = next((p for p in under.children if p.dep_ == "pobj"), None) if under is not None else None
    if pobj is not None and pobj.pos_ == "PROPN" and any(c.lower_ == "article" for c in pobj.subtree):
        frame = f"{span_text(list(pobj.subtree))} of {with_the(treaty)}"  # "Under Article XV of …"
    return f"Under {frame}, {body}"


def _has_aux(verb: Token) -> bool:
    return any(c.dep_ == "aux" for c in verb.children)


def _in_force(verbs: list[Token]) -> bool:
    """A term, not an event: 'must/may/shall …', 'had to', 'agreed to', 'will …', or the plain present."""
    first = verbs[0]
    if _binding(verbs) or modal(first, WILL_MODALS) is not None:
        return True
    return first.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in first.children)


def setting(
    verbs: list[Token], kind: str, quant: str, sent: Sentence, ctx: ArticleContext
) -> tuple[str, Token, str, Token | None] | None:
    """Is the number a term the treaty sets? (treaty, the clause's top verb, how we know, the 'under' phrase):
    'under the treaty …', a verb whose subject is the treaty ('the agreement calls for up to …'), or a
    modal on the parties ('each member must …', 'either party may leave on six months' notice')."""
    for n, v in enumerate(verbs[:4]):
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ == "under":
                treaty = frame(c, sent, ctx)
                if treaty:
                    return treaty, v, "under", c
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.dep_ == "nsubj":  # "the treaty calls for …", not "was signed by up to 50"
            actor = resolve(subj, sent, ctx, allow_treaty=True)
            if actor is not None and actor.type == "treaty":
                if n == 0 and kind == "deadline":
                    return None  # "the deal could collapse within weeks": the treaty's fate, not a term
                return actor.name, v, "treaty", None
    treaty = ctx.treaty()
    if treaty is None:
        return None
    first = verbs[0]
    if kind == "effect":
        v = _effect_verb(verbs)
        subj = own_subject(v) if v is not None else None
        # "A withdrawal takes effect one year after …" (a rule), not "the withdrawal took effect …" (history)
        if v is not None and v.tag_ != "VBD" and subj is not None and subj.lemma_ in EFFECT_NOUNS:
            return treaty, v, "party", None
        return None
    subj = own_subject(first)
    if kind == "notice" and _party_subject(subj) and any(c.dep_ == "aux" and c.tag_ == "MD" for c in first.children):
        return treaty, first, "party", None  # "either side can withdraw with six months' notice"
    # "An interim withdrawal … is to be completed within nine months": a step the treaty schedules
    scheduled = kind == "deadline" and subj is not None and subj.lemma_ in EFFECT_NOUNS
    if _binding(verbs) and (
        _party_subject(subj) or scheduled or kind == "notice" or (kind == "cap" and quant in STRICT_CEILINGS)
    ):
        if first.dep_ == "xcomp" and first.head.lemma_ == "be":
            return treaty, first.head, "party", None  # "is to be completed": the clause from "is"
        return treaty, first, "party", None
    return None


def _answer(group: list[Token], kind: str, quant: str) -> str:
    """The span a question asks for: 'four years', 'no more than 100', '3.6 million acre-feet'."""
    root = _phrase_root(group)
    doc = root.doc
    if root.lower_ in TIMES:  # "at least once a year"
        end = root.i + 1
        if end + 1 < len(doc) and doc[end].lower_ in PER and doc[end + 1].lemma_ in TIME_UNITS:
            end += 2
        return f"{quant} {doc[root.i : end].text}"
    nums = [t for t in group if t.like_num or t.pos_ == "NUM"]
    lo = nums[0].i
    hi = root.i if root.lemma_.lower() in MEASURE_UNITS or root.lemma_ in TIME_UNITS else nums[-1].i
    while hi + 1 < len(doc) and doc[hi + 1].lower_ in UNIT_TAILS:
        hi += 1  # "2 degrees Celsius", "6 per cent"
    text = doc[lo : hi + 1].text
    if kind in ("notice", "effect", "deadline"):
        return text
    if quant in ("below",):
        before = doc_text(doc)[: nums[0].idx].rstrip()
        return ("well below " if before.lower().endswith("well below") else "below ") + text
    if quant in CAPS:
        return f"{quant} {text}"
    return text


def _quantity(group: list[Token], kind: str, quant: str, answer: str, top: Token) -> Quantity | None:
    """A ceiling on something counted ('no more than 100 interceptor launchers'); deadlines, notice periods
    and floors have none ('to how many months' notice does … limit' asks nothing)."""
    if kind != "cap" or quant not in (*CEILINGS, "to", "below"):
        return None
    root = _phrase_root(group)
    value = parse_number(answer)
    if value is None or root.lower_ in TIMES:
        return None
    if root.lemma_.lower() in MEASURE_UNITS:
        # "hold the rise in temperatures to 2 degrees", "store no more than 3.6 million acre-feet"
        holder = root.head.head if root.dep_ == "pobj" else root.head
        obj = next((c for c in holder.children if c.dep_ == "dobj" and c.pos_ != "PRON" and c.i != root.i), None)
        for v in clause_verbs(holder)[1:3] if obj is None else ():
            # "hold the rise … and pursue efforts to limit it to 1.5 degrees": what "it" is
            if v.lemma_ in HOLDING:
                obj = next((c for c in v.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
                break
        unit = trim([t for t in group if t.i > _number_in(group).i])
        measure = span_text(trim(noun_phrase(obj))) if obj is not None else span_text(unit)
    elif root.like_num:
        return None
    else:
        measure = span_text(trim([t for t in group if t.i > _number_in(group).i]))
    return Quantity(value, answer, measure, "limit") if measure else None
