"""The quiz makes only what it asks (#14, item 4): items, timelines and the answers options are checked against
are made on demand, and they are exactly the items `make_items` makes all at once, chosen in the same order."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random

import pytest
from conftest import DATA, ROOT
from test_questions import assert_truths_are_the_whole_deck_scan

from quizgen.commands.quiz import LazyItems
from quizgen.deck import load_deck
from quizgen.model import DateValue, Deck, Evidence, Fact, Item, Source
from quizgen.questions import ItemMaker, make_items, timeline, unsure
from quizgen.questions import phrasing as ph
from quizgen.questions.context import Context
from quizgen.questions.quality import load_quality_model
from quizgen.quiz.scheduler import CardState, review
from quizgen.quiz.session import choose_items

BUNDLED = ROOT / "quizgen" / "data" / "new-start.yaml"
EVENTS = [
    ("2010-04-08", "8 April 2010", "The treaty text was agreed"),
    ("2011-02-05", "5 February 2011", "The first inspections began"),
    ("2013-06-19", "19 June 2013", "The delegations met in Geneva"),
    ("2016-09-12", "12 September 2016", "A new round of talks opened"),
    ("2019-08-02", "2 August 2019", "The commission published its report"),
]


def dated_deck(articles: int, title: str = "Zorland") -> Deck:
    """Articles of five dated events each: those of even articles are about one treaty (one world for
    timelines), each odd article is a world of its own."""
    sources, facts = [], []
    for a in range(articles):
        sid = f"{title.lower()}{a}"
        sources.append(Source(sid, f"{sid}.txt", f"{title} report {a}"))
        subject = f"{title} Treaty" if a % 2 == 0 else title
        for k, (iso, shown, clause) in enumerate(EVENTS):
            statement = f"{clause} on {shown}."
            date = DateValue.parse(iso)
            facts.append(Fact(f"{sid}-d{k}", "date", subject, shown, statement, [Evidence(sid, statement)], date=date))
    return Deck(title, sources, [], facts)


def copies(deck: Deck, n: int) -> Deck:
    """`n` copies of a deck, each with its own sources and fact ids (as benchmarks/_common.big_deck)."""
    sources, facts = [], []
    for k in range(n):
        sid = {s.id: f"{s.id}-{k}" for s in deck.sources}
        fid = {f.id: f"{f.id}-{k}" for f in deck.facts}
        sources += [dataclasses.replace(s, id=sid[s.id]) for s in deck.sources]
        for f in deck.facts:
            ev = [Evidence(sid[e.source], e.text, e.answer) for e in f.evidence]
            conflicts = [fid[c] for c in f.conflicts if c in fid]
            facts.append(dataclasses.replace(f, id=fid[f.id], evidence=ev, conflicts=conflicts))
    return Deck(f"{deck.title} ×{n}", sources, deck.entities, facts)


def scan_groups(ctx: Context, facts: list[Fact]) -> list[list[Fact]]:
    """Timelines as they were grouped before they were made on demand: every later event looked at for each
    (the reference timeline.groups must equal)."""
    events = []
    for fact in sorted(facts, key=lambda f: f.id):
        clause = ph.event_clause(fact) if fact.kind == "date" and not fact.conflicts else None
        if clause and not timeline._option(clause):
            continue
        if clause and fact.date is not None and fact.date.year is not None:
            events.append((fact, clause))
    ctx.rng("timeline").shuffle(events)
    groups, used = [], set()
    lowered = [clause.lower() for _, clause in events]
    world = [timeline._world(ctx, fact) for fact, _ in events]
    for i in range(len(events)):
        if i in used:
            continue
        picked, clauses = [i], {lowered[i]}
        for j in range(i + 1, len(events)):
            if len(picked) == timeline.MAX_EVENTS:
                break
            if j in used or lowered[j] in clauses or world[j] != world[i]:
                continue
            if all(timeline._comparable(events[j][0].date, events[k][0].date) for k in picked):
                picked.append(j)
                clauses.add(lowered[j])
        if len(picked) >= timeline.MIN_EVENTS:
            used.update(picked)
            groups.append([events[k][0] for k in picked])
    return groups


def _args(seed: int, types: list[str] | None = None) -> argparse.Namespace:
    return argparse.Namespace(seed=seed, types=types, kinds=None)


DECK_SETS = {
    "bundled": lambda: [load_deck(BUNDLED)],
    "three decks": lambda: [load_deck(BUNDLED), load_deck(DATA / "sample-deck.yaml"), dated_deck(7)],
    "timelines first": lambda: [dated_deck(5), load_deck(DATA / "sample-deck.yaml")],
    "a deck twice": lambda: [load_deck(DATA / "sample-deck.yaml"), dated_deck(4), load_deck(DATA / "sample-deck.yaml")],
}


@pytest.mark.parametrize("seed", [0, 4])
def test_timelines_are_grouped_as_the_scan_over_every_event_grouped_them(seed):
    for deck in [dated_deck(9), load_deck(BUNDLED), copies(dated_deck(3), 4)]:
        ctx = Context(deck, seed)
        sure = [f for f in deck.facts if not unsure(f) and f.evidence]
        expected = scan_groups(ctx, sure)
        assert [[f for f, _ in g] for g in timeline.groups(Context(deck, seed), sure)] == expected
    assert len(expected) >= 4  # (the dated decks give timelines, across articles and within one)


def random_dated_deck(seed: int) -> Deck:
    """Events of a few clauses and years over a few worlds (two treaties, three articles), many repeated: the
    worlds where timelines run out of different events to tell, as a big deck's copies do."""
    rng = random.Random(seed)
    clauses = [c for _, _, c in EVENTS][: rng.randint(2, 5)]
    sources = [Source(f"r{a}", f"r{a}.txt", f"Report {a}") for a in range(6)]
    facts = []
    for n in range(rng.randint(20, 80)):
        a = rng.randrange(6)
        year, clause = rng.randint(2001, 2006), rng.choice(clauses)
        shown = f"{rng.randint(1, 28)} March {year}" if rng.random() < 0.7 else str(year)
        statement = f"{clause} {'on' if ' ' in shown else 'in'} {shown}."
        subject = ["Alpha Treaty", "Beta Treaty", "Zorland"][a % 3]
        date = DateValue.parse(f"{year}-03-{int(shown.split()[0]):02d}" if " " in shown else str(year))
        facts.append(Fact(f"e{n}", "date", subject, shown, statement, [Evidence(f"r{a}", statement)], date=date))
    return Deck("random", sources, [], facts)


@pytest.mark.parametrize("seed", range(12))
def test_timelines_of_random_worlds_are_grouped_as_the_scan_grouped_them(seed):
    deck = random_dated_deck(seed)
    assert [[f for f, _ in g] for g in timeline.groups(Context(deck, seed), deck.facts)] == scan_groups(
        Context(deck, seed), deck.facts
    )


@pytest.mark.parametrize("decks", list(DECK_SETS))
@pytest.mark.parametrize("seed", [0, 7])
def test_the_quiz_makes_on_demand_the_items_made_all_at_once(decks, seed):
    """The quiz's pool lists the ids the quiz always listed (every slot, then every timeline, per deck; the first
    deck wins an id), and the item made for each id is make_items' item: same prompt, options, order."""
    loaded = DECK_SETS[decks]()
    pool = LazyItems(_args(seed), loaded)
    ids: list[str] = []
    eager: dict[str, Item] = {}
    for deck in loaded:
        items = make_items(deck, seed=seed)
        slots = [s.id for s in ItemMaker(deck, seed=seed).slots()]
        mine = [i for i in [*slots, *(t.id for t in items if t.type == "timeline")] if i not in ids]
        assert all(pool.deck_of(i) is deck for i in mine)
        ids += mine
        eager.update((i.id, i) for i in items if i.id not in eager)
    assert pool.ids == ids
    assert {i: pool.make(i) for i in ids} == {i: eager.get(i) for i in ids}
    assert set(eager) <= set(ids)
    if decks != "bundled":
        assert any(i.type == "timeline" for i in eager.values())


@pytest.mark.parametrize("decks", list(DECK_SETS))
def test_the_quiz_chooses_what_it_chose_from_the_items_made_all_at_once(decks):
    """The same questions in the same order, new, due and not yet due, with the quality score choosing among
    new ones, whether the items are made as chosen or were all made first."""
    loaded = DECK_SETS[decks]()
    now = dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC)
    score = load_quality_model().score
    for seed in (0, 3):
        pool = LazyItems(_args(seed), loaded)
        eager = {}
        for deck in loaded:
            eager.update((i.id, i) for i in make_items(deck, seed=seed) if i.id not in eager)
        reviewed = [i for n, i in enumerate(eager) if n % 5 == 0]
        cards: dict[str, CardState] = {}
        for n, item_id in enumerate(reviewed):  # some due (reviewed days ago, forgotten), some not yet
            when = now - dt.timedelta(days=3) if n % 2 else now
            cards[item_id] = review(None, item_id, 1 if n % 2 else 3, when)
        due_at = {i: c.due for i, c in cards.items()}
        for count, extra in [(10, {}), (25, {"include_later": True}), (8, {"due_only": True})]:
            lazy = choose_items(pool.ids, pool.make, due_at, now, count=count, seed=seed, score=score, **extra)
            made = choose_items(pool.ids, eager.get, due_at, now, count=count, seed=seed, score=score, **extra)
            assert lazy == made
            assert len(lazy) == count


def test_a_position_is_found_among_the_answers_however_its_sentence_ends():
    """Positions are gathered by the last word of their question, known from their sentence without phrasing
    it, except where the answer's name ends the sentence (made a pronoun: "… the business of that country").
    The same question asked of another fact still finds those answers."""
    from quizgen.questions.distractors import option_key, truths

    said = {
        "Russia": "Russia said the extension of the treaty was the business of Russia.",
        "China": "China said the extension of the treaty was the business of China.",
        "Germany": "Germany said the extension of the treaty was the business of that country.",
        "France": "France said the extension of the treaty was the business of Europe.",
    }
    facts = [
        Fact(f"p-{who.lower()}", "position", "New START", who, text, [Evidence("a", text)], entity=who)
        for who, text in said.items()
    ]
    deck = Deck("positions", [Source("a", "a.txt", "Talks")], [], facts)
    ctx = Context(deck, 0)
    stems = {f.answer: ph.stem_for(ctx, f) for f in facts}
    assert len({s.key for s in stems.values()}) == 2  # Europe's is another question
    for who, stem in stems.items():
        expected = {option_key(ctx, s.answer) for s in stems.values() if s.key == stem.key}
        assert truths(Context(deck, 0), stem) == expected, who  # a fresh context: nothing phrased yet
    assert truths(Context(deck, 0), stems["Germany"]) == {"russia", "china", "germany"}


def test_a_ten_question_quiz_on_a_big_deck_makes_what_it_asks(monkeypatch):
    """Counted, not timed: the quiz's ten questions on a deck of 150 articles' timelines and 20 copies of the
    New START deck make at most the timelines it looks at (three per place, NEW_POOL), and check options
    against the positions whose questions can be theirs, not against every position of the deck."""
    from quizgen.questions import distractors
    from quizgen.text import normalize

    deck = copies(load_deck(BUNDLED), 20)
    dated = dated_deck(150)
    deck = dataclasses.replace(deck, sources=deck.sources + dated.sources, facts=deck.facts + dated.facts)
    made_timelines: list[str] = []
    real_make = timeline.make

    def counting_make(ctx, group):  # noqa: ANN001, ANN202
        item = real_make(ctx, group)
        made_timelines.append(item.id)
        return item

    monkeypatch.setattr(timeline, "make", counting_make)
    phrased: set[str] = set()
    real_stem = ph._stem_for

    def counting_stem(ctx, fact):  # noqa: ANN001, ANN202
        phrased.add(fact.id)
        return real_stem(ctx, fact)

    monkeypatch.setattr(ph, "_stem_for", counting_stem)
    checked: list[tuple[str, ...]] = []  # the questions whose other answers were looked up
    real_truths = distractors.truths

    def recording_truths(ctx, stem):  # noqa: ANN001, ANN202
        checked.append(stem.key)
        return real_truths(ctx, stem)

    monkeypatch.setattr(distractors, "truths", recording_truths)
    positions = {f.id: f for f in deck.facts if f.kind == "position"}
    now = dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC)
    for types in (["timeline", "multiple_choice"], None):
        made_timelines.clear()
        phrased.clear()
        checked.clear()
        pool = LazyItems(_args(0, types), [deck])
        timelines = [i for i in pool.ids if i.startswith("timeline:")]
        assert len(timelines) >= 75
        asked: set[str] = set()  # the facts of the items the quiz made (to choose among)

        def make(item_id: str, pool: LazyItems = pool, asked: set[str] = asked) -> Item | None:
            asked.add(item_id.rpartition(":")[0])
            return pool.make(item_id)

        chosen = choose_items(pool.ids, make, {}, now, count=10, seed=0, score=load_quality_model().score)
        assert len(chosen) == 10
        assert len(made_timelines) <= 3 * 10 < len(timelines)
        # A position's question is its sentence after the actor: another position can only ask it if its
        # sentence ends with the same word (or with its own actor's name, which the question makes "it").
        ends = {key[1].split()[-1] for key in checked if key[0] == "position"}
        assert ends  # (options of a position were checked)
        looked_at = [positions[f] for f in phrased - asked if f in positions]
        for fact in looked_at:
            last = normalize(ph.sentence_body(fact.statement)).split()[-1]
            assert last in ends or last in normalize(fact.answer).split(), (fact.statement, ends)
        assert len(looked_at) < len(positions)


REVIEW_DECKS = sorted((DATA / "reviews").glob("*-other-deck.yaml"))[::6]  # decks of other articles, reviewed


@pytest.mark.parametrize("path", REVIEW_DECKS, ids=lambda p: p.stem)
def test_on_decks_of_other_articles_the_answers_and_timelines_are_those_of_the_whole_deck(path):
    """On decks extracted from other articles: every question's other answers, found in its buckets, are those
    a scan of the whole deck finds; and the timelines are those the scan over every event grouped."""
    deck = load_deck(path)
    assert_truths_are_the_whole_deck_scan(deck)
    sure = [f for f in deck.facts if not unsure(f) and f.evidence]
    groups = timeline.groups(Context(deck, 3), sure)
    assert [[f for f, _ in g] for g in groups] == scan_groups(Context(deck, 3), sure)
