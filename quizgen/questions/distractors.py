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
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

from ..model import DateValue, Fact
from ..numbers import CUTS
from ..text import normalize
from . import phrasing as ph
from .context import Context
from .tables import ROLE_COUNTRY_WORDS, ROLES


def option_key(ctx: Context, text: str) -> str:
    """Options with the same key are one option."""
    return ctx.names.key(text)


def truths(ctx: Context, stem: ph.Stem) -> set[str]:
    """Keys of every answer the deck gives to this same question (conflicting facts included)."""
    out: set[str] = set()
    for bucket in _stem_buckets(ctx, stem):
        by_question, signers = _truth_index(ctx, bucket)
        out |= by_question.get(stem.key, set())
        if stem.key[0] == "signatory" and stem.key[2] == "":
            # "Who signed X?" (no party named): everyone who signed X is a right answer
            out |= signers.get(stem.key[1], set())
    return out


# Questions about these kinds name their subject in their key (kind, subject key, ...): two facts can only
# ask the same question if they share kind and subject. So the answers of the deck are gathered per
# (kind, subject) bucket, phrasing only the facts of the bucket asked about: a quiz on a big deck then
# phrases a few facts, not all of them. (Positions are bucketed by their last word, see _position_bucket;
# the other kinds are one bucket each.)
_SUBJECT_KEYED = ("date", "signatory", "limit", "role")
_ANY = "*"  # the bucket of positions whose question may end in another word than their sentence


def _fact_bucket(ctx: Context, fact: Fact) -> tuple[str, ...]:
    if fact.kind in ("date", "signatory", "limit"):
        return (fact.kind, ctx.names.key(fact.subject))
    if fact.kind == "role":
        return (fact.kind, ctx.names.key(fact.entity or fact.subject))
    if fact.kind == "quote":  # a quotation's question is keyed by the quotation (see phrasing.stem_quote)
        return (fact.kind, normalize(ph.quotation(fact)))
    if fact.kind == "position":
        return (fact.kind, _position_bucket(ctx, fact))
    return (fact.kind,)


def _position_bucket(ctx: Context, fact: Fact) -> str:
    """The last word of a position's question, known without phrasing it. Its question is keyed by the rest
    of its sentence after the actor (phrasing.stem_position), normalized, with the answer's names made
    pronouns: so the key ends in the sentence's last word, unless that word is (part of) a name of the
    answer, or a possessive's "s". Those facts go in the bucket every position question also looks in."""
    words = normalize(ph.sentence_body(fact.statement)).split()
    if not words or words[-1] == "s":
        return _ANY
    answer = ctx.answer_name(fact)
    if any(words[-1] in normalize(name).split() for name in ctx.names.aliases(answer) | {answer}):
        return _ANY
    return words[-1]


def _stem_buckets(ctx: Context, stem: ph.Stem) -> list[tuple[str, ...]]:
    if stem.key[0] in (*_SUBJECT_KEYED, "quote"):
        return [stem.key[:2]]
    if stem.key[0] != "position":
        return [stem.key[:1]]
    words = stem.key[1].split()
    if len(words) >= 2:  # (a one-word key may end where its sentence's actor ends: look everywhere)
        return [("position", words[-1]), ("position", _ANY)]
    _truth_index(ctx, ("position", _ANY))  # (buckets the positions)
    return list(ctx.memo["truth-buckets"]["position"]) or [("position", _ANY)]


def _truth_index(ctx: Context, bucket: tuple[str, ...]) -> tuple[dict[tuple, set[str]], dict[str, set[str]]]:
    """Every question's answers, and every treaty's signers, among the facts of one bucket (built when first
    asked for: a quiz's few questions phrase the facts of a few buckets, and bucket the facts of their kinds)."""
    if "truth-kinds" not in ctx.memo:
        kinds: dict[str, list[Fact]] = {}
        for fact in ctx.deck.facts:
            kinds.setdefault(fact.kind, []).append(fact)
        ctx.memo["truth-kinds"] = kinds
        ctx.memo["truth-buckets"] = {}
        ctx.memo["truths"] = {}
    done = ctx.memo["truths"]
    if bucket not in done:
        kind = bucket[0]  # a stem's key, and so its bucket, begins with its fact's kind
        buckets = ctx.memo["truth-buckets"]
        if kind not in buckets:
            of_kind: dict[tuple[str, ...], list[Fact]] = {}
            for fact in ctx.memo["truth-kinds"].pop(kind, ()):
                of_kind.setdefault(_fact_bucket(ctx, fact), []).append(fact)
            buckets[kind] = of_kind
        by_question: dict[tuple, set[str]] = {}
        signers: dict[str, set[str]] = {}
        for fact in buckets[kind].get(bucket, ()):
            stem = ph.stem_for(ctx, fact)
            if stem is not None:
                by_question.setdefault(stem.key, set()).add(option_key(ctx, stem.answer))
            if fact.kind == "signatory":
                signers.setdefault(ctx.names.key(fact.subject), set()).add(option_key(ctx, fact.answer))
        done[bucket] = (by_question, signers)
    return done[bucket]


def answers_of_same_question(ctx: Context, stem: ph.Stem) -> int:
    """How many different answers the deck gives to this question (1 when it is unambiguous)."""
    return len(truths(ctx, stem) | {option_key(ctx, stem.answer)})


_TIER_SAMPLE = 64  # candidates looked at per tier; more than enough to find three good ones


def pick(ctx: Context, fact: Fact, stem: ph.Stem, rng: random.Random, n: int = 3) -> list[str]:
    """Up to n distractors, deck tiers first, each tier in seeded order."""

    def key_of(text: str) -> str:
        return role_key(text) if stem.atype == ph.ROLE else option_key(ctx, text)

    banned = truths(ctx, stem) | {option_key(ctx, stem.answer), key_of(stem.answer)}
    if fact.kind in ("position", "quote") and fact.entity:
        banned.add(option_key(ctx, fact.entity))
    if stem.atype == ph.ROLE:
        banned |= _own_roles(ctx, fact)
    chosen: list[str] = []
    # (people and offices of another story of the same era were found absurd: only dates and countries travel)
    in_world = _world(ctx, fact, era=stem.atype not in (ph.PERSON, ph.ROLE)) if stem.atype in _WORLDLY else None
    tiers = candidate_tiers(ctx, fact, stem)
    # The deck's names come from its articles: the fact's own article first, then only names of articles of
    # its era (a general table, the last tier of roles, belongs to no article).
    table = len(tiers) - 1 if stem.atype == ph.ROLE else len(tiers)
    checked = [in_world is not None and n < table for n in range(len(tiers))]
    countrymen = compatriots(ctx, fact) if stem.atype == ph.PERSON else []
    if in_world is not None:
        lead = 1 if countrymen else 0  # countrymen first
        tiers.insert(lead, _same_article(ctx, fact, stem))
        checked.insert(lead, False)
    if countrymen and fact.kind == "signatory" and fact.party:
        # "Who signed New START for the United States?": a Russian among the options is wrong at a glance
        tiers, checked = [countrymen], [False]
    for tier, worldly in zip(tiers, checked, strict=True):
        if len(tier) > 4 * _TIER_SAMPLE:
            # A big deck's tier: a seeded sample, so each question costs the same whatever the deck's size.
            tier = list(dict.fromkeys(rng.sample(tier, _TIER_SAMPLE)))
        else:
            tier = list(dict.fromkeys(tier))
            if len(tier) > _TIER_SAMPLE:
                tier = rng.sample(tier, _TIER_SAMPLE)
            else:
                rng.shuffle(tier)
        for cand in tier:
            key = key_of(cand)
            if not cand.strip() or key in banned or ctx.names.mentions(stem.prompt, cand):
                continue
            if worldly and not in_world(cand):
                continue
            if _nested(cand, [stem.answer, *chosen]):
                continue  # "US President" beside "President": one option inside another
            banned.add(key)
            chosen.append(cand)
            if len(chosen) == n:
                return chosen
    return chosen


# Answer types whose wrong options are names taken from the deck's articles, kept to the fact's own world.
_WORLDLY = (ph.PERSON, ph.COUNTRY, ph.ORGANIZATION, ph.TREATY, ph.ROLE)
ERA_YEARS = 10  # articles whose dated facts lie this close are of one era


def _by_source(ctx: Context) -> dict[str, list[Fact]]:
    if "by-source" not in ctx.memo:
        out: dict[str, list[Fact]] = {}
        for f in ctx.deck.facts:
            for s in f.sources:
                out.setdefault(s, []).append(f)
        ctx.memo["by-source"] = out
    return ctx.memo["by-source"]


def _era(ctx: Context, source: str) -> int | None:
    """The median year of an article's dated facts: the time it is about."""
    eras = ctx.memo.setdefault("eras", {})
    if source not in eras:
        years = sorted(f.date.year for f in _by_source(ctx).get(source, ()) if f.date and f.date.year)
        eras[source] = years[len(years) // 2] if years else None
    return eras[source]


def _names_of(ctx: Context, f: Fact) -> list[str]:
    names = [f.entity, f.party, f.answer if f.kind in ("signatory", "quote", "position") else None]
    if f.kind == "role":
        names.append(f.subject)
    return [n for n in names if n]


def _name_sources(ctx: Context) -> dict[str, set[str]]:
    """Each name's (and office's) articles, by option key."""
    if "name-sources" not in ctx.memo:
        out: dict[str, set[str]] = {}
        for f in ctx.deck.facts:
            for n in _names_of(ctx, f):
                out.setdefault(option_key(ctx, n), set()).update(f.sources)
            if f.kind == "role":
                out.setdefault(role_key(f.answer), set()).update(f.sources)
        ctx.memo["name-sources"] = out
    return ctx.memo["name-sources"]


def _subject_sources(ctx: Context, fact: Fact) -> set[str]:
    """The articles with a fact about the same subject (the same treaty, mostly)."""
    if "subject-sources" not in ctx.memo:
        by_subject: dict[str, set[str]] = {}
        for f in ctx.deck.facts:
            by_subject.setdefault(ctx.names.key(f.subject), set()).update(f.sources)
        ctx.memo["subject-sources"] = by_subject
    return ctx.memo["subject-sources"].get(ctx.names.key(fact.subject), set())


def _treaty_of(ctx: Context, source: str) -> str | None:
    """The treaty an article is about: the subject of most of its dates, signatories and limits."""
    memo = ctx.memo.setdefault("treaty-of", {})
    if source not in memo:
        subjects = Counter(
            ctx.names.key(f.subject)
            for f in _by_source(ctx).get(source, ())
            if f.kind in ("date", "signatory", "limit")
        )
        memo[source] = min(subjects, key=lambda k: (-subjects[k], k)) if subjects else None
    return memo[source]


def _eras_of_subject(ctx: Context, fact: Fact) -> list[int]:
    """The eras of the articles about the fact's subject, sorted (once per subject: a big deck about one treaty
    has thousands of them)."""
    memo = ctx.memo.setdefault("subject-eras", {})
    key = ctx.names.key(fact.subject)
    if key not in memo:
        memo[key] = sorted({e for s in _subject_sources(ctx, fact) if (e := _era(ctx, s)) is not None})
    return memo[key]


def _world(ctx: Context, fact: Fact, era: bool = True):  # noqa: ANN202 - a predicate on option texts
    """Is an option from the fact's world: named in its article, in another article about the same subject or
    the same treaty, or (with `era`) in an article of its era (the rubric's "the same article, era or
    treaty")? People are not taken by era: reviewers found a UK minister of one 2024 story absurd among the
    speakers of another."""
    own, same_subject = set(fact.sources), _subject_sources(ctx, fact)
    own_eras = [e for s in own if (e := _era(ctx, s)) is not None]
    eras = _eras_of_subject(ctx, fact)
    treaties = {t for s in fact.sources if (t := _treaty_of(ctx, s))}
    sources = _name_sources(ctx)

    def near(source: str) -> bool:
        if source in own or source in same_subject or _treaty_of(ctx, source) in treaties:
            return True
        if not era:
            return False
        when = _era(ctx, source)
        if when is None:
            return False
        if any(abs(when - e) <= ERA_YEARS for e in own_eras):
            return True
        i = bisect_left(eras, when - ERA_YEARS)  # an era of the subject's articles within ERA_YEARS of this one
        return i < len(eras) and eras[i] <= when + ERA_YEARS

    def ok(option: str) -> bool:
        found = sources.get(option_key(ctx, option)) or sources.get(role_key(option), set())
        return any(near(s) for s in found)

    return ok


def _same_article(ctx: Context, fact: Fact, stem: ph.Stem) -> list[str]:
    """Names (or offices) of the answer's type that the fact's own article gives: the first wrong options."""
    out: list[str] = []
    for s in fact.sources:
        for f in _by_source(ctx).get(s, ()):
            if stem.atype == ph.ROLE:
                # the answer's country's offices, or for an office of no country, offices of none
                same_country = role_country(f.answer) == role_country(stem.answer)
                if f.kind == "role" and ph.an_office(f.answer) and same_country:
                    out.append(ph.office_now(f.answer.strip()))
                continue
            for n in _names_of(ctx, f):
                t = ctx.names.type_of(n)
                if t == stem.atype or (t is None and stem.atype == ph.PERSON and f.kind != "position"):
                    out.append(ctx.names.canonical(n))
    return out


def _nested(option: str, others: list[str]) -> bool:
    mine = f" {normalize(option)} "
    for other in others:
        theirs = f" {normalize(other)} "
        if mine.strip() and theirs.strip() and (mine in theirs or theirs in mine):
            return True
    return False


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

        def people(names: list[str], typed: bool = True) -> list[str]:
            # A position's actors may be countries: only people here, each once, in deck order, so a big deck
            # is not scanned again for every question. Names the deck does not type come last: some are
            # places ("Diego Garcia", "Victoria Falls"), which a reviewer finds absurd among people.
            want = ph.PERSON if typed else None
            # (each name once before its type is looked up: a big deck names the same people thousands of times)
            return [n for n in dict.fromkeys(names) if ctx.names.type_of(n) == want]

        by_kind: dict[str, list[str]] = {}
        for f in ctx.deck.facts:
            by_kind.setdefault(f.kind, []).append(ctx.names.canonical(f.entity or f.answer))
        with_role = [ctx.names.canonical(f.entity or f.subject) for f in ctx.deck.facts if f.kind == "role"]
        rest = _deck_entities(ctx, ph.PERSON) + by_kind.get("signatory", []) + by_kind.get("quote", [])
        untyped = people(rest + [n for v in by_kind.values() for n in v], typed=False)
        ctx.memo["people"] = ({k: people(v) for k, v in by_kind.items()}, people(with_role), people(rest), untyped)
    same_kind, with_role, rest, untyped = ctx.memo["people"]
    tiers = [same_kind.get(fact.kind, []), with_role, rest, untyped]
    countrymen = compatriots(ctx, fact)
    if countrymen:
        tiers.insert(0, countrymen)
    return tiers


def compatriots(ctx: Context, fact: Fact) -> list[str]:
    """People of the country the question is about, who come first among wrong options: "Who signed X for
    the United States?" offers Americans, or the options give the answer away; a Russian's words are asked
    with other Russians, since the words often say which side speaks ("our president", "the US declined").
    Empty where the deck does not know that country."""
    if fact.kind == "signatory" and fact.party:
        home: str | None = ctx.names.key(fact.party)
    elif fact.kind in ("quote", "position"):
        home = dict(_countrymen(ctx)).get(ctx.names.canonical(fact.entity or fact.answer))
    else:
        return []
    return [p for p, country in _countrymen(ctx) if country == home] if home else []


def _countrymen(ctx: Context) -> list[tuple[str, str]]:
    """(person, the key of the country their office belongs to), from the deck's role facts ('US President')."""
    if "countrymen" not in ctx.memo:
        out = []
        for f in ctx.deck.facts:
            country = role_country(f.answer) if f.kind == "role" else None
            if country is not None:
                out.append((ctx.names.canonical(f.entity or f.subject), ctx.names.key(country)))
        ctx.memo["countrymen"] = list(dict.fromkeys(out))
    return ctx.memo["countrymen"]


def _countries(ctx: Context, fact: Fact, stem: ph.Stem) -> list[list[str]]:
    if "countries" not in ctx.memo:
        parties = [ctx.names.canonical(f.party) for f in ctx.deck.facts if f.party]
        deck = list(dict.fromkeys(_deck_entities(ctx, ph.COUNTRY) + parties))
        ctx.memo["countries"] = (deck, ctx.names.entities_of_type(ph.COUNTRY))
    deck, _table = ctx.memo["countries"]
    # Not the general table: a country no article of the deck names (Egypt, Cuba for New START's parties)
    # is of another world; the reviewers rejected such options as implausible.
    return [deck]


def _role_index(ctx: Context) -> tuple[dict[str, set[str]], list[str]]:
    """Each holder's offices (as keys), and every office the deck names, built once per deck."""
    if "roles" not in ctx.memo:
        by_holder: dict[str, set[str]] = {}
        offices: list[str] = []
        for f in ctx.deck.facts:
            if f.kind == "role":
                by_holder.setdefault(ctx.names.key(f.entity or f.subject), set()).add(role_key(f.answer))
                if ph.an_office(f.answer):
                    offices.append(ph.office_now(f.answer.strip()))
        ctx.memo["roles"] = (by_holder, offices)
    return ctx.memo["roles"]


def _own_roles(ctx: Context, fact: Fact) -> set[str]:
    return _role_index(ctx)[0].get(ctx.names.key(fact.entity or fact.subject), set())


@lru_cache(maxsize=1 << 14)
def role_country(role: str) -> str | None:
    """The country an office belongs to: the first country word of it ("Japanese minister to the United
    States" is Japan's)."""
    low = f" {role.lower()} "
    found = [(low.find(f" {word} "), country) for word, country in ROLE_COUNTRY_WORDS.items() if f" {word} " in low]
    return min(found)[1] if found else None


@lru_cache(maxsize=1 << 14)
def role_key(role: str) -> str:
    """'then-US President', 'former US President' and 'US President' are one office."""
    key = normalize(re.sub(r"^(?:then|former|late|acting|the)[\s-]+", "", role.strip(), flags=re.IGNORECASE))
    # "U.S. Secretary of State" is "US Secretary of State" (review r14 offered both)
    key = re.sub(r"\b(u) (s|k)\b", r"\1\2", key).replace("advisor", "adviser")
    return re.sub(r"\bpremier\b", "prime minister", key)  # one office, two names (review r17 offered both)


def _roles(ctx: Context, fact: Fact, stem: ph.Stem) -> list[list[str]]:
    by_holder, offices = _role_index(ctx)
    own = {role_key(stem.answer)} | by_holder.get(ctx.names.key(fact.entity or fact.subject), set())
    # A big deck's offices are not filtered here (pick() bans the person's own and samples the rest).
    deck = [o for o in offices if role_key(o) not in own] if len(offices) <= 4 * _TIER_SAMPLE else offices
    home = role_country(stem.answer)
    if home is not None:
        # Offices of the person's own country: "Kremlin spokesman" or "Russian Foreign Minister" for Russia's
        # President, not "US President" (the reviewers found other countries' offices implausible). The
        # deck's first, then the general table's; the person's own offices are banned by pick().
        same = [o for o in deck if role_country(o) == home]
        return [same, [r for r, country in ROLES if country == home]]
    # An office that names no country ("Deputy Director of the Foreign Ministry's … Department") may be any
    # country's: one that names a country ("US President") could be the wrong one, and false at a glance
    return [[o for o in deck if role_country(o) is None], []]


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
    if "dates" not in ctx.memo:  # dated facts by precision, so a big deck is not scanned per question
        by_precision: dict[str, list[Fact]] = {}
        for other in ctx.deck.facts:
            if other.date is not None:
                by_precision.setdefault(other.date.precision, []).append(other)
        ctx.memo["dates"] = by_precision
    same_precision = ctx.memo["dates"].get(fact.date.precision, [])
    if len(same_precision) > _BIG:
        return [_big_deck_dates(ctx, fact, style), *_near_dates(fact, style)]
    deck: list[str] = []
    # Three wrong options all of one other year (1925's Locarno dates for a 1920 treaty) leave the answer the
    # odd one out: of another year than the answer's, one date each
    other_years: set[int | None] = set()
    for other in same_precision:
        d = other.date
        if d is None or other.id == fact.id:
            continue
        if (d.year is None) != (fact.date.year is None):
            continue
        # Only dates in a plausible range: within five years.
        if d.year is not None and fact.date.year is not None and abs(d.year - fact.date.year) > 5:
            continue
        if d.year != fact.date.year:
            if d.year in other_years:
                continue
            other_years.add(d.year)
        deck.append(ph.format_date(d, style))
    return [deck, *_near_dates(fact, style)]


def _near_dates(fact: Fact, style: str) -> list[list[str]]:
    # Perturbed dates are kept in nearness order (not shuffled away): the nearest are the most plausible.
    assert fact.date is not None
    near = [ph.format_date(d, style) for d in perturbed_dates(fact.date)]
    return [near[:4], near[4:]]


_BIG = 4 * _TIER_SAMPLE  # past this many candidates of a kind, look them up in a sorted index


def _spread(seq: list, limit: int, lo: int = 0, hi: int | None = None) -> list:
    """At most `limit` items, evenly spaced through `seq[lo:hi]` (deterministic, order kept), picked by
    index: the window of a big deck may hold most of it, and is not copied for every question."""
    hi = len(seq) if hi is None else hi
    if hi - lo <= limit:
        return seq[lo:hi]
    step = (hi - lo) / limit
    return [seq[lo + int(i * step)] for i in range(limit)]


def _big_deck_dates(ctx: Context, fact: Fact, style: str) -> list[str]:
    """Dates of the same precision within five years, from a year-sorted index (a big deck)."""
    assert fact.date is not None
    key = ("dates-by-year", fact.date.precision)
    if key not in ctx.memo:
        dated = [f for f in ctx.memo["dates"][fact.date.precision] if f.date is not None]
        dated.sort(key=lambda f: f.date.year if f.date.year is not None else -1)  # stable: deck order kept
        ctx.memo[key] = ([f.date.year if f.date.year is not None else -1 for f in dated], dated)
    years, dated = ctx.memo[key]
    year = fact.date.year if fact.date.year is not None else -1
    lo, hi = (
        (bisect_left(years, year - 5), bisect_right(years, year + 5)) if year >= 0 else (0, bisect_right(years, -1))
    )
    window = [f for f in _spread(dated, 2 * _TIER_SAMPLE, lo, hi) if f.id != fact.id]
    return [ph.format_date(f.date, style) for f in window]


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
        if "cuts" not in ctx.memo:  # built once: a big deck is not scanned for every question
            ctx.memo["cuts"] = [
                f.quantity.text for f in ctx.deck.facts if f.quantity and f.quantity.text.lower().startswith("by ")
            ]
        return [ctx.memo["cuts"], [t for v, t in CUTS if abs(v - q.value) > 1e-6]]
    if _NUMBER_RE.search(text) is None:
        return []
    if "quantities" not in ctx.memo:  # facts with a quantity of 1 or more, by value
        counted = sorted(
            (f for f in ctx.deck.facts if f.quantity and f.quantity.value >= 1), key=lambda f: f.quantity.value
        )  # type: ignore[union-attr]
        ctx.memo["quantities"] = ([f.quantity.value for f in counted], counted)  # type: ignore[union-attr]
    values, counted = ctx.memo["quantities"]
    candidates: list[Fact] = ctx.deck.facts
    if len(counted) > _BIG and q.value >= 1:
        # Same magnitude: within a factor of three, found by bisection in a big deck.
        candidates = _spread(
            counted, 2 * _TIER_SAMPLE, bisect_left(values, q.value / 3), bisect_right(values, q.value * 3)
        )
    deck = []
    for other in candidates:
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
