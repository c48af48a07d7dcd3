"""Wrong options that are plausible but certainly wrong.

Candidates have the answer's type and come first from the deck (its entities and its facts' values),
then from the general tables (countries; dates and numbers perturbed from the answer). Never an alias of
the answer, never a value the deck states as true for the same question, no two the same after
normalization.
"""

from __future__ import annotations

import math
import random
import re
from functools import lru_cache

from ..model import DateValue, Fact
from ..text import normalize
from . import phrasing as ph
from .context import Context
from .tables import FRACTIONS, ROLE_COUNTRY_WORDS, ROLES


def option_key(ctx: Context, text: str) -> str:
    """Options with the same key are one option."""
    return ctx.names.key(text)


def truths(ctx: Context, stem: ph.Stem) -> set[str]:
    """Keys of every answer the deck gives to this same question (conflicting facts included)."""
    by_question, signers = _truth_index(ctx)
    out = set(by_question.get(stem.key, ()))
    if stem.key[0] == "signatory" and stem.key[2] == "":
        # "Who signed X?" (no party named): everyone who signed X is a right answer
        out |= signers.get(stem.key[1], set())
    return out


def _truth_index(ctx: Context) -> tuple[dict[tuple, set[str]], dict[str, set[str]]]:
    """Every question's answers, and every treaty's signers, found in one pass over the deck."""
    if "truths" not in ctx.memo:
        by_question: dict[tuple, set[str]] = {}
        signers: dict[str, set[str]] = {}
        for fact in ctx.deck.facts:
            stem = ph.stem_for(ctx, fact)
            if stem is not None:
                by_question.setdefault(stem.key, set()).add(option_key(ctx, stem.answer))
            if fact.kind == "signatory":
                signers.setdefault(ctx.names.key(fact.subject), set()).add(option_key(ctx, fact.answer))
        ctx.memo["truths"] = (by_question, signers)
    return ctx.memo["truths"]


def answers_of_same_question(ctx: Context, stem: ph.Stem) -> int:
    """How many different answers the deck gives to this question (1 when it is unambiguous)."""
    return len(truths(ctx, stem) | {option_key(ctx, stem.answer)})


def pick(ctx: Context, fact: Fact, stem: ph.Stem, rng: random.Random, n: int = 3) -> list[str]:
    """Up to n distractors, deck tiers first, each tier in seeded order."""

    def key_of(text: str) -> str:
        return role_key(text) if stem.atype == ph.ROLE else option_key(ctx, text)

    banned = truths(ctx, stem) | {option_key(ctx, stem.answer), key_of(stem.answer)}
    if fact.kind in ("position", "quote") and fact.entity:
        banned.add(option_key(ctx, fact.entity))
    chosen: list[str] = []
    for tier in candidate_tiers(ctx, fact, stem):
        tier = list(dict.fromkeys(tier))
        rng.shuffle(tier)
        for cand in tier:
            key = key_of(cand)
            if not cand.strip() or key in banned or ctx.names.mentions(stem.prompt, cand):
                continue
            banned.add(key)
            chosen.append(cand)
            if len(chosen) == n:
                return chosen
    return chosen


def candidate_tiers(ctx: Context, fact: Fact, stem: ph.Stem) -> list[list[str]]:
    make = {
        ph.PERSON: _people,
        ph.COUNTRY: _countries,
        ph.ORGANIZATION: _same_type,
        ph.TREATY: _same_type,
        ph.DATE: _dates,
        ph.QUANTITY: _quantities,
        ph.ROLE: _roles,
    }.get(stem.atype)
    return make(ctx, fact, stem) if make else []


def _deck_entities(ctx: Context, etype: str) -> list[str]:
    return [e.name for e in ctx.deck.entities if e.type == etype]


def _same_type(ctx: Context, fact: Fact, stem: ph.Stem) -> list[list[str]]:
    # No general table of organizations or treaties: a real one might well fit the question.
    return [_deck_entities(ctx, stem.atype)]


def _people(ctx: Context, fact: Fact, stem: ph.Stem) -> list[list[str]]:
    """People of similar standing first: fellow signatories for a signer, fellow speakers for a speaker,
    then people the deck gives an office, then everyone else the deck names."""

    if "people" not in ctx.memo:

        def people(names: list[str]) -> list[str]:
            # A position's actors may be countries: only people (or names the deck does not type) here;
            # each once, in deck order, so a big deck is not scanned again for every question.
            return list(dict.fromkeys(n for n in names if ctx.names.type_of(n) in (None, ph.PERSON)))

        by_kind: dict[str, list[str]] = {}
        for f in ctx.deck.facts:
            by_kind.setdefault(f.kind, []).append(ctx.names.canonical(f.entity or f.answer))
        with_role = [ctx.names.canonical(f.entity or f.subject) for f in ctx.deck.facts if f.kind == "role"]
        rest = _deck_entities(ctx, ph.PERSON) + by_kind.get("signatory", []) + by_kind.get("quote", [])
        ctx.memo["people"] = ({k: people(v) for k, v in by_kind.items()}, people(with_role), people(rest))
    same_kind, with_role, rest = ctx.memo["people"]
    return [same_kind.get(fact.kind, []), with_role, rest]


def _countries(ctx: Context, fact: Fact, stem: ph.Stem) -> list[list[str]]:
    deck = _deck_entities(ctx, ph.COUNTRY) + [ctx.names.canonical(f.party) for f in ctx.deck.facts if f.party]
    return [deck, ctx.names.entities_of_type(ph.COUNTRY)]


def _role_country(ctx: Context, role: str) -> str | None:
    low = f" {role.lower()} "
    for word, country in ROLE_COUNTRY_WORDS.items():
        if f" {word} " in low:
            return country
    return None


@lru_cache(maxsize=1 << 14)
def role_key(role: str) -> str:
    """'then-US President', 'former US President' and 'US President' are one office."""
    key = normalize(re.sub(r"^(?:then|former|late|acting|the)[\s-]+", "", role.strip(), flags=re.IGNORECASE))
    return key.replace("advisor", "adviser")


def _roles(ctx: Context, fact: Fact, stem: ph.Stem) -> list[list[str]]:
    if "roles" not in ctx.memo:  # (holder's key, office's key, office as written) for every role fact, once
        ctx.memo["roles"] = [
            (ctx.names.key(f.entity or f.subject), role_key(f.answer), f.answer)
            for f in ctx.deck.facts
            if f.kind == "role"
        ]
    roles = ctx.memo["roles"]
    who = ctx.names.key(fact.entity or fact.subject)
    own = {role_key(stem.answer)} | {key for holder, key, _ in roles if holder == who}
    deck = [answer for _, key, answer in roles if key not in own]
    home = _role_country(ctx, stem.answer)
    # A general office is certainly wrong only if it belongs to another country than the person's.
    table = [r for r, country in ROLES if home is not None and country != home]
    return [deck, table]


# ---- dates ---------------------------------------------------------------------------------------


def _shift_month(d: DateValue, months: int) -> DateValue:
    assert d.month is not None
    total = d.month - 1 + months
    year = d.year + total // 12 if d.year is not None else None
    day = min(d.day, 28) if d.day is not None else None
    return DateValue(year, total % 12 + 1, day)


def perturbed_dates(d: DateValue) -> list[DateValue]:
    """Dates of the same precision near the answer, nearest first."""
    out: list[DateValue] = []
    if d.month is None:
        if d.year is None:
            return []
        return [DateValue(d.year + k) for k in (-1, 1, -2, 2, -3, 3)]
    for months in (-12, 12, 1, -1, 2, -2, 24, -24, 3):
        if d.year is None and abs(months) >= 12:
            continue
        out.append(_shift_month(d, months))
    if d.day is not None:
        out += [DateValue(d.year, d.month, day) for day in (d.day + 10, d.day - 10) if 1 <= day <= 28]
    return out


def _dates(ctx: Context, fact: Fact, stem: ph.Stem) -> list[list[str]]:
    assert fact.date is not None
    style = ph.date_style(fact.answer)
    deck: list[str] = []
    for other in ctx.deck.facts:
        d = other.date
        if d is None or other.id == fact.id or d.precision != fact.date.precision:
            continue
        if (d.year is None) != (fact.date.year is None):
            continue
        # Only dates in a plausible range: within five years.
        if d.year is not None and fact.date.year is not None and abs(d.year - fact.date.year) > 5:
            continue
        deck.append(ph.format_date(d, style))
    # Perturbed dates are kept in nearness order (not shuffled away): the nearest are the most plausible.
    near = [ph.format_date(d, style) for d in perturbed_dates(fact.date)]
    return [deck, near[:4], near[4:]]


# ---- numbers -------------------------------------------------------------------------------------

_NUMBER_RE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _nice(x: float) -> float:
    """Round to two significant figures, so that a distractor looks like a number a treaty would set."""
    if x <= 0:
        return 0
    digits = max(0, 1 - int(math.floor(math.log10(x))))
    return round(x, digits) if digits else round(x, -(int(math.floor(math.log10(x))) - 1))


def _render(value: float, like: str) -> str | None:
    """Put `value` in place of the number written in `like` ("1,550 warheads" → "1,200 warheads")."""
    m = _NUMBER_RE.search(like)
    if m is None:
        return None
    written = m.group(0)
    if "." in written or not float(value).is_integer():
        number = f"{value:,.1f}" if "," in written else f"{value:.1f}"
    else:
        plain = len(written) >= 4 and "," not in written  # the article writes "1550": so do we
        number = str(int(value)) if plain else f"{int(value):,}"
    return like[: m.start()] + number + like[m.end() :]


def _quantities(ctx: Context, fact: Fact, stem: ph.Stem) -> list[list[str]]:
    q = fact.quantity
    assert q is not None
    text = q.text.strip()
    if text.lower().startswith("by ") and _NUMBER_RE.search(text) is None:
        # A fraction in words: other fractions, and other cuts in the deck.
        deck = [f.quantity.text for f in ctx.deck.facts if f.quantity and f.quantity.text.lower().startswith("by ")]
        return [deck, [t for v, t in FRACTIONS if abs(v - q.value) > 1e-6]]
    if _NUMBER_RE.search(text) is None:
        return []
    deck = []
    for other in ctx.deck.facts:
        oq = other.quantity
        if oq is None or other.id == fact.id or oq.value < 1 or q.value < 1:
            continue
        # Same magnitude: within a factor of three.
        if 1 / 3 <= oq.value / q.value <= 3:
            rendered = _render(oq.value, text)
            if rendered:
                deck.append(rendered)
    factors = (0.8, 1.2, 0.65, 1.5, 0.5, 2.0)
    near = []
    for f in factors:
        v = _nice(q.value * f)
        if v >= 1 and v != q.value:
            rendered = _render(v, text)
            if rendered:
                near.append(rendered)
    return [deck, near]
