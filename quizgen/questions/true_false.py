"""True/false: the fact's statement, or a false version made with a distractor (or, for a position,
the opposite stance). The explanation states the truth and its source."""

from __future__ import annotations

import re

from ..model import Fact, Item
from . import phrasing as ph
from .context import Context, garbled
from .distractors import compatriots, pick
from .tables import OPPOSITE_STANCES


def _replace_once(text: str, old: str, new: str) -> str | None:
    if text.count(old) != 1:
        return None
    return text.replace(old, new)


def _opposite_stance(fact: Fact) -> str | None:
    for word, opposite in OPPOSITE_STANCES.items():
        pattern = rf"\b{word}\b"
        if len(re.findall(pattern, fact.statement)) == 1:
            return re.sub(pattern, opposite, fact.statement)
    return None


def false_statement(ctx: Context, fact: Fact, rng) -> str | None:  # noqa: ANN001 - random.Random
    if fact.kind == "position":
        flipped = _opposite_stance(fact)
        if flipped:
            return flipped
    stem = ph.stem_for(ctx, fact)
    if stem is None:
        return None
    if fact.kind == "role":
        # "Peskov is the Russian President", "Trump is the National Security Adviser": a swap across ranks
        # is false at a glance (reviews r1–r11 accepted 5 of 18 false offices); only an office of the same
        # rank makes a false version worth judging
        wrong = [w for w in pick(ctx, fact, stem, rng, n=8) if same_rank(stem.answer, w)][:1]
    elif fact.kind in ("position", "quote") and stem.atype == ph.PERSON:
        # another country's official taking this side is false at a glance ("O'Brien lashed out at the US"):
        # a compatriot, where the deck knows the speaker's country
        wrong = pick(ctx, fact, stem, rng, n=1)
        home = compatriots(ctx, fact)
        if wrong and home and wrong[0] not in home:
            wrong = []
    else:
        wrong = pick(ctx, fact, stem, rng, n=1)
    if not wrong:
        return None
    if fact.kind == "date":
        # Replace the date as written with the distractor, in the style of the options.
        written = ph.date_as_stated(fact)
        return _replace_once(fact.statement, written, wrong[0]) if written else None
    if fact.kind in ("position", "quote"):
        head = ph.starts_with_name(ctx, fact.statement, fact.answer)
        if head is None:
            return None
        # Never a false claim another fact makes true: checked by pick (same question's answers banned).
        shown = ph.with_the(wrong[0])
        return shown[0].upper() + shown[1:] + fact.statement[len(head) :]
    if fact.kind == "limit" and fact.quantity is not None:
        return _replace_once(fact.statement, fact.quantity.text, wrong[0])
    return _swap(fact.statement, fact.answer, wrong[0], office=fact.kind == "role")


# Offices everyone knows the holder of: a false version naming one is false at a glance
_TOP_OFFICE = re.compile(
    r"\b(?:President|Prime Minister|Chancellor|King|Queen|Premier|Emperor|Supreme Leader|Crown Prince|Pope|"
    r"Secretary[- ]General)\b",
    re.IGNORECASE,
)
_RANK_WORDS = {"spokeswoman": "spokesman", "spokesperson": "spokesman", "advisor": "adviser"}


def same_rank(office: str, other: str) -> bool:
    """Two offices of one rank: neither a head of state's or government's, and the same head word ('Foreign
    Minister' and 'Defence Minister'; 'Kremlin spokesman' and 'Foreign Ministry spokeswoman')."""
    if _TOP_OFFICE.search(office) or _TOP_OFFICE.search(other):
        return False

    def head(text: str) -> str:
        word = re.sub(r"[^\w\s-]", "", text).split()[-1].lower() if text.split() else ""
        return _RANK_WORDS.get(word, word)

    return head(office) == head(other)


def _swap(statement: str, answer: str, wrong: str, office: bool = False) -> str | None:
    """The statement with `wrong` for `answer`, its article fitted: 'The US is …' → 'China is …', 'is the
    US President' → "is Iran's Foreign Minister"."""
    m = re.search(rf"\b([Tt]he )?{re.escape(answer)}(?![\w])", statement)
    if m is None or statement.count(answer) != 1:
        return None
    possessive = re.match(r"^\S+(?:’s|'s)\b", wrong)
    # "the Kremlin spokesman" → "the US President"; "The US" → "China", "the White House"; "Greece was …" →
    # "The United States was …"
    if possessive or (office and not m.group(1)):
        shown = wrong
    elif office:
        shown = "the " + wrong
    else:
        shown = ph.with_the(wrong)
    if m.start() == 0:
        shown = shown[:1].upper() + shown[1:]
    return statement[: m.start()] + shown + statement[m.end() :]


def vague(statement: str) -> bool:
    """'Beijing rejected a proposal.': true, but it says too little to test anything (and a false
    version made by swapping the actor may well be true too)."""
    words = len(statement.split())
    if re.search(r"\b(?:it|them)[.!?”\"]*$", statement):
        return True  # "… accused Moscow of having violated it.": what "it" is, the statement does not say
    generic = ph.GENERIC.search(statement)
    return words < 6 or (words < 9 and bool(ph.OUTWARD.search(statement) or generic))


def make(ctx: Context, fact: Fact) -> Item | None:
    if vague(fact.statement) or garbled(fact.statement):
        return None
    if fact.kind == "signatory" and ctx.names.type_of(fact.entity or fact.answer) not in (ph.PERSON, ph.COUNTRY):
        return None  # "The Ministries of Agriculture is a party to …": only a state or its signer is one
    rng = ctx.rng(fact.id, "true_false")
    want_false = rng.random() < 0.5
    statement = fact.statement
    answer = "True"
    if want_false:
        wrong = false_statement(ctx, fact, rng)
        if wrong and wrong != fact.statement:
            statement, answer = wrong, "False"
    return ctx.item(fact, "true_false", f"True or false? {statement}", answer)
