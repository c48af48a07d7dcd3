"""Property tests over generated decks: determinism, no give-away stems, sound options, evidence."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen.deck import dump_deck, parse_deck
from quizgen.errors import QuizgenError
from quizgen.model import DateValue, Deck, Entity, Evidence, Fact, Quantity, Source
from quizgen.questions import make_items
from quizgen.questions.context import Names
from quizgen.questions.phrasing import format_date
from quizgen.text import normalize

PEOPLE = [
    ("Vladimir Putin", "Putin"),
    ("Dmitry Peskov", "Peskov"),
    ("Barack Obama", "Obama"),
    ("Dmitry Medvedev", "Medvedev"),
    ("Sergey Lavrov", "Lavrov"),
    ("Mike Pompeo", "Pompeo"),
    ("Sergei Ryabkov", "Ryabkov"),
    ("Marshall Billingslea", "Billingslea"),
]
COUNTRIES = [
    ("United States", ("US", "Washington", "White House")),
    ("Russia", ("Moscow", "Kremlin")),
    ("China", ("Beijing",)),
    ("France", ()),
    ("United Kingdom", ("Britain", "London")),
]
TREATIES = ["New START", "Open Skies Treaty", "INF Treaty"]
EVENTS = ["expiry", "signing", "announcement", "meeting", "speech", "summit"]
STATEMENTS = {
    "expiry": "{s} is due to expire {p} {d}.",
    "signing": "{s} was signed {p} {d}.",
    "announcement": "{s} announced the plan {p} {d}.",
    "meeting": "{s} met the delegation {p} {d}.",
    "speech": "{s} spoke about {t} {p} {d}.",
    "summit": "A summit on {t} took place {p} {d}.",
}
ROLES = ["Kremlin spokesman", "Russian Foreign Minister", "US Secretary of State", "deputy foreign minister"]
STANCES = [
    ("rejects", "rejected"),
    ("proposes", "proposed"),
    ("argues", "argued"),
    ("wants", "wants"),
    ("offers", "offered"),
]
MEASURES = ["deployed strategic nuclear warheads", "deployed launchers", "strategic nuclear missiles"]


@st.composite
def dates(draw: st.DrawFn) -> DateValue:
    year = draw(st.one_of(st.none(), st.integers(1990, 2030)))
    precision = draw(st.sampled_from(["day", "month", "year"] if year is not None else ["day", "month"]))
    month = draw(st.integers(1, 12)) if precision in ("day", "month") else None
    day = draw(st.integers(1, 28)) if precision == "day" else None
    return DateValue(year, month, day)


@st.composite
def facts(draw: st.DrawFn, i: int, people: list, countries: list) -> Fact:
    kind = draw(st.sampled_from(["date", "signatory", "limit", "position", "role", "quote", "event"]))
    treaty = draw(st.sampled_from(TREATIES))
    person, surname = draw(st.sampled_from(people))
    country, aliases = draw(st.sampled_from(countries))
    src = draw(st.sampled_from(["a1", "a2"]))
    fid = f"{kind}-{i}"
    if kind == "date":
        d = draw(dates())
        event = draw(st.sampled_from(EVENTS))
        shown = format_date(d, draw(st.sampled_from(["dmy", "mdy"])))
        prep = "on" if d.day else "in"
        subject = draw(st.sampled_from([treaty, person, country]))
        statement = STATEMENTS[event].format(s=subject, p=prep, d=shown, t=treaty)
        evidence = draw(st.sampled_from([statement, f"Officials said that {statement[0].lower()}{statement[1:]}"]))
        return Fact(fid, kind, subject, shown, statement, [Evidence(src, evidence)], date=d, event=event)
    if kind == "signatory":
        statement = f"{treaty} was signed by {person} for {country}."
        evidence = f"The treaty was signed by {person} in Prague."
        return Fact(fid, kind, treaty, person, statement, [Evidence(src, evidence)], entity=person, party=country)
    if kind == "limit":
        value = draw(st.sampled_from([700, 800, 1550, 6000, 0.5]))
        measure = draw(st.sampled_from(MEASURES))
        text = "by half" if value == 0.5 else f"{value:,}"
        change = "reduce" if value == 0.5 else "limit"
        verb = f"reduces the number of {measure} {text}" if change == "reduce" else f"limits {measure} to {text}"
        statement = f"{treaty} {verb}."
        q = Quantity(float(value), text, measure, change)
        return Fact(fid, kind, treaty, text, statement, [Evidence(src, statement)], quantity=q)
    if kind == "position":
        actor = draw(st.sampled_from([country, *aliases, person]))
        entity = person if actor == person else country
        stance, verb = draw(st.sampled_from(STANCES))
        obj = draw(st.sampled_from([f"the proposal that {country} join {treaty}", f"an extension of {treaty}"]))
        statement = f"{actor} {verb} {obj}."
        return Fact(fid, kind, actor, actor, statement, [Evidence(src, statement)], entity=entity, stance=stance)
    if kind == "role":
        role = draw(st.sampled_from(ROLES))
        statement = f"{person} is the {role}."
        evidence = f"On Thursday, {role} {person} said talks would go on."
        return Fact(fid, kind, person, role, statement, [Evidence(src, evidence)], entity=person)
    if kind == "quote":
        quote = draw(
            st.sampled_from(
                [
                    f"{treaty} is concerning",
                    "we are not clinging to this agreement",
                    f"{country} will not be pressured",
                    f"{surname} has nothing to add",
                ]
            )
        )
        statement = f"{person} said “{quote}”."
        return Fact(fid, kind, person, person, statement, [Evidence(src, quote)], entity=person, quote=quote)
    statement = f"{country} left the {treaty}."
    return Fact(fid, kind, country, treaty, statement, [Evidence(src, statement)], entity=country)


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    people = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=6, unique=True))
    countries = draw(st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=4, unique_by=lambda c: c[0]))
    n = draw(st.integers(1, 12))
    fs = [draw(facts(i, people, countries)) for i in range(n)]
    entities = [Entity(p, "person", (s,)) for p, s in people]
    entities += [Entity(c, "country", a) for c, a in countries]
    entities += [Entity(t, "treaty") for t in TREATIES]
    sources = [Source("a1", "a1.txt", "First article"), Source("a2", "a2.txt", "Second article")]
    return Deck("generated", sources, entities, fs)


def items_or_none(deck: Deck, seed: int):
    try:
        return make_items(deck, seed=seed)
    except QuizgenError:
        return None


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(decks(), st.integers(0, 2**32))
def test_items_are_deterministic_for_a_seed_and_survive_a_round_trip(deck: Deck, seed: int) -> None:
    first = items_or_none(deck, seed)
    again = items_or_none(parse_deck(dump_deck(deck)), seed)
    assert first == again


@SETTINGS
@given(decks(), st.integers(0, 1000))
def test_no_stem_contains_its_answer_or_an_alias(deck: Deck, seed: int) -> None:
    names = Names(deck)
    for item in items_or_none(deck, seed) or []:
        if item.type in ("true_false", "timeline"):
            continue
        spellings = deck.aliases_of(item.answer) | names.aliases(item.answer) | {item.answer}
        prompt = f" {normalize(item.prompt)} "
        for alias in spellings:
            if alias.isupper() and len(alias) <= 4:
                assert alias not in item.prompt.replace("?", " ").split(), (item.prompt, alias)
            else:
                assert f" {normalize(alias)} " not in prompt, (item.prompt, alias)


@SETTINGS
@given(decks(), st.integers(0, 1000))
def test_choices_are_distinct_after_alias_normalization_and_hold_the_answer_once(deck: Deck, seed: int) -> None:
    names = Names(deck)
    for item in items_or_none(deck, seed) or []:
        if not item.choices:
            continue
        if item.type == "timeline":
            assert sorted(item.choices) == sorted(item.order)
            assert item.answer == " → ".join(item.order)
            assert 3 <= len(item.choices) <= 4
            continue
        keys = [normalize(names.canonical(c)) for c in item.choices]
        assert len(set(keys)) == len(keys), item.choices
        assert item.choices.count(item.answer) == 1
        assert keys.count(normalize(names.canonical(item.answer))) == 1
        assert 3 <= len(item.choices) <= 4
        assert (len(item.choices) < 4) == (item.note is not None)


@SETTINGS
@given(decks(), st.integers(0, 1000))
def test_every_item_points_at_facts_with_evidence(deck: Deck, seed: int) -> None:
    items = items_or_none(deck, seed) or []
    assert len({i.id for i in items}) == len(items)
    for item in items:
        for fid in {item.fact, *item.facts}:
            fact = deck.fact(fid)
            assert fact is not None and fact.evidence
        assert item.evidence in deck.fact(item.fact).evidence
