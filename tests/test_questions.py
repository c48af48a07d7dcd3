"""Question items from the sample deck and small hand-built decks."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from quizgen.deck import load_deck, parse_deck
from quizgen.errors import QuizgenError
from quizgen.model import ITEM_TYPES, DateValue, Deck, Entity, Evidence, Fact, Source
from quizgen.questions import make_items
from quizgen.questions.context import Names
from quizgen.text import normalize


@pytest.fixture
def deck(sample_deck_path: Path) -> Deck:
    return load_deck(sample_deck_path)


def by_id(items):
    return {i.id: i for i in items}


def test_every_fact_yields_at_least_two_item_types(deck: Deck) -> None:
    types = defaultdict(set)
    for item in make_items(deck):
        types[item.fact].add(item.type)
    for fact in deck.facts:
        assert len(types[fact.id]) >= 2, (fact.id, types[fact.id])


def test_questions_are_phrased_from_the_facts_parts(deck: Deck) -> None:
    items = by_id(make_items(deck, types=["typed"]))
    assert items["date-new-start-expiry:typed"].prompt == "When is New START due to expire?"
    assert items["date-new-start-signing:typed"].prompt == "When was New START signed?"
    assert items["signatory-new-start-medvedev:typed"].prompt == "Who signed New START for Russia?"
    assert items["signatory-new-start-obama:typed"].prompt == "Who signed New START for the United States?"
    assert (
        items["limit-new-start-warheads:typed"].prompt
        == "To how many deployed strategic nuclear warheads does New START limit each side?"
    )
    assert items["role-dmitry-peskov:typed"].prompt == "What is Dmitry Peskov’s role?"
    # The actor is asked for by type, and the rest of the sentence no longer names it.
    china = items["position-china-rejects:typed"]
    assert china.prompt == "Which country rejected the proposal that it join New START?"
    assert china.answer == "China"
    assert items["event-us-inf:typed"].prompt == "Which treaty did the United States of America leave?"


def test_multiple_choice_distractors_have_the_answers_type(deck: Deck) -> None:
    items = by_id(make_items(deck, types=["multiple_choice", "who_said"]))
    names = Names(deck)
    expiry = items["date-new-start-expiry:multiple_choice"]
    assert len(expiry.choices) == 4 and expiry.answer == "5 February 2021"
    for choice in expiry.choices:
        day, month, year = choice.split()
        assert day.isdigit() and month.istitle() and abs(int(year) - 2021) <= 3
    signing = items["date-new-start-signing:multiple_choice"]
    assert all(len(c.split()) == 2 for c in signing.choices)  # month precision, like "April 2010"
    people = {e.name for e in deck.entities if e.type == "person"}
    assert set(items["signatory-new-start-obama:multiple_choice"].choices) <= people
    assert set(items["quote-sergey-lavrov:who_said"].choices) <= people
    assert "quote-vladimir-putin:who_said" not in items  # five words: anyone's, not a quotation to place
    china = items["position-china-rejects:multiple_choice"]
    assert all(names.type_of(c) == "country" for c in china.choices)
    # Never an alias of the answer: China is one option, Beijing is not another.
    assert "Beijing" not in china.choices
    warheads = items["limit-new-start-warheads:multiple_choice"]
    values = [int(c.replace(",", "")) for c in warheads.choices]
    assert all(500 <= v <= 5000 for v in values) and len(set(values)) == 4
    half = items["limit-new-start-missiles:multiple_choice"]
    assert all(c.startswith("by ") for c in half.choices)


def test_a_signer_for_one_side_is_never_offered_as_signer_for_the_same_side() -> None:
    deck = _deck(
        [
            Fact(
                "s1",
                "signatory",
                "New START",
                "Barack Obama",
                "New START was signed by Barack Obama for the United States.",
                [Evidence("a", "It was signed by Barack Obama.")],
                entity="Barack Obama",
                party="United States",
            ),
            Fact(
                "s2",
                "signatory",
                "New START",
                "Hillary Clinton",
                "New START was signed by Hillary Clinton for the US.",
                [Evidence("a", "It was also signed by Hillary Clinton.")],
                entity="Hillary Clinton",
                party="US",
            ),
            Fact(
                "s3",
                "signatory",
                "New START",
                "Dmitry Medvedev",
                "New START was signed by Dmitry Medvedev for Russia.",
                [Evidence("a", "Dmitry Medvedev signed it.")],
                entity="Dmitry Medvedev",
                party="Russia",
            ),
        ]
    )
    items = by_id(make_items(deck, types=["multiple_choice", "typed"]))
    # Two people signed for the US: no typed question, and neither is a wrong option for the other.
    assert "s1:typed" not in items and "s3:typed" in items
    mc = items.get("s1:multiple_choice")
    assert mc is None or "Hillary Clinton" not in mc.choices


def test_true_false_false_versions_use_a_distractor_and_explain_the_truth(deck: Deck) -> None:
    answers = set()
    for seed in range(8):
        for item in make_items(deck, seed=seed, types=["true_false"]):
            fact = deck.fact(item.fact)
            answers.add(item.answer)
            assert item.explanation.startswith(fact.statement)
            assert "Source: “" in item.explanation
            shown = item.prompt.removeprefix("True or false? ")
            assert (shown == fact.statement) == (item.answer == "True")
    assert answers == {"True", "False"}


def test_cloze_blanks_the_answer_and_renders_for_anki(deck: Deck) -> None:
    for item in make_items(deck, types=["cloze"]):
        assert "_____" in item.prompt
        assert "{{c1::" + item.answer + "}}" in item.cloze
        assert item.cloze.replace("{{c1::" + item.answer + "}}", "_____") == item.prompt


def test_cloze_is_skipped_when_the_sentence_gives_the_answer_away() -> None:
    deck = _deck(
        [
            Fact(
                "e1",
                "event",
                "United States",
                "Intermediate-Range Nuclear Forces Treaty",
                "The United States left the Intermediate-Range Nuclear Forces Treaty.",
                [Evidence("a", "The United States left the Intermediate-Range Nuclear Forces Treaty (INF Treaty).")],
                entity="United States",
            ),
        ]
    )
    with pytest.raises(QuizgenError):
        make_items(deck, types=["cloze"])


def _dated_facts() -> list[Fact]:
    facts = []
    for i, (iso, shown, clause) in enumerate(
        [
            ("2010-04-08", "8 April 2010", "New START was signed"),
            ("2011-02-05", "5 February 2011", "New START entered into force"),
            ("2019-08-02", "2 August 2019", "The United States left the INF Treaty"),
            ("2021-02-05", "5 February 2021", "New START is due to expire"),
            ("2021", "2021", "Joe Biden took office"),
        ]
    ):
        d = DateValue.parse(iso)
        statement = f"{clause} {'on' if d.day else 'in'} {shown}."
        facts.append(Fact(f"d{i}", "date", clause.split()[0], shown, statement, [Evidence("a", statement)], date=d))
    return facts


def test_timeline_orders_dated_events_and_hides_their_dates() -> None:
    deck = _deck(_dated_facts())
    timelines = make_items(deck, seed=3, types=["timeline"])
    assert timelines
    for t in timelines:
        assert 3 <= len(t.choices) <= 4 and t.choices != t.order
        dates = [deck.fact(f).date for f in t.facts]
        assert [d.sort_key() for d in dates] == sorted(d.sort_key() for d in dates)
        assert t.answer == " → ".join(t.order)
        assert not any(ch.isdigit() for c in t.choices for ch in c)
        # 2021 and 5 February 2021 cannot be told apart at year precision: never in one timeline.
        assert not {"d3", "d4"} <= set(t.facts)
    assert make_items(deck, seed=3, types=["timeline"]) == timelines


def test_items_are_deterministic_and_the_seed_moves_options(deck: Deck) -> None:
    assert make_items(deck, seed=7) == make_items(deck, seed=7)
    orders = {
        tuple(i.choices)
        for s in range(6)
        for i in make_items(deck, seed=s, types=["multiple_choice"])
        if i.fact == "date-new-start-expiry"
    }
    assert len(orders) > 1


def test_ids_are_stable_under_filtering(deck: Deck) -> None:
    everything = by_id(make_items(deck, seed=5))
    for t in ITEM_TYPES:
        try:
            some = make_items(deck, seed=5, types=[t])
        except QuizgenError:
            continue
        for item in some:
            assert everything[item.id] == item
    assert all(i.id == f"{i.fact}:{i.type}" for i in everything.values() if i.type != "timeline")


def test_item_tags_and_explanation(deck: Deck) -> None:
    item = by_id(make_items(deck))["date-new-start-signing:typed"]
    assert item.tags == ("kind:date", "subject:new-start", "source:a1", "source:a2")
    assert item.explanation.endswith("— Kremlin Hopes New START Treaty Will Be Extended")


def test_conflicting_facts_yield_only_a_cloze() -> None:
    text = Path(__file__).parent.joinpath("data", "sample-deck.yaml").read_text()
    text = text.replace("    event: expiry\n", "    event: expiry\n    conflicts: [date-new-start-signing]\n", 1)
    deck = parse_deck(text)
    types = {i.type for i in make_items(deck) if i.fact == "date-new-start-expiry"}
    assert types == {"cloze"}


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"types": ["essay"]}, "unknown item type 'essay'"),
        ({"kinds": ["rumour"]}, "unknown fact kind 'rumour'"),
    ],
)
def test_unknown_types_and_kinds_are_errors(deck: Deck, kwargs: dict, message: str) -> None:
    with pytest.raises(QuizgenError, match=message):
        make_items(deck, **kwargs)


def test_no_facts_of_the_requested_kinds_is_an_error(deck: Deck) -> None:
    deck.facts = [f for f in deck.facts if f.kind != "quote"]
    with pytest.raises(QuizgenError, match="no facts of kind quote"):
        make_items(deck, kinds=["quote"])


def test_hyphenated_type_names_are_accepted(deck: Deck) -> None:
    assert {i.type for i in make_items(deck, types=["multiple-choice"])} == {"multiple_choice"}


def test_no_stem_names_its_answer(deck: Deck) -> None:
    for item in make_items(deck):
        if item.type not in ("true_false", "timeline"):
            for alias in deck.aliases_of(item.answer):
                assert normalize(alias) not in normalize(item.prompt).split(" ") or len(alias.split()) > 1
                assert f" {normalize(alias)} " not in f" {normalize(item.prompt)} "


def _deck(facts: list[Fact]) -> Deck:
    return Deck("test", [Source("a", "a.txt", "An article")], [], facts)


def test_every_fact_of_the_ready_deck_yields_at_least_two_item_types():
    """Every fact can be asked two ways; the gates then drop the items a strict reviewer would reject, and
    only those (every item missing from make_items fails a gate or the final guard)."""
    from collections import defaultdict

    from conftest import ROOT

    from quizgen import load_deck
    from quizgen.questions import _PER_FACT, ItemMaker, unsure
    from quizgen.questions.gates import failure

    deck = load_deck(ROOT / "decks" / "new-start.yaml")
    maker = ItemMaker(deck, seed=1)
    built: dict[str, set[str]] = defaultdict(set)
    made = {i.id for i in make_items(deck, seed=1)}
    gated = 0
    for slot in maker.slots():
        item = _PER_FACT[slot.type](maker.ctx, slot.fact)
        if item is not None:
            built[slot.fact.id].add(slot.type)
            if item.id not in made:
                gated += failure(item) is not None
    for item in maker.timelines():
        for fid in item.facts:
            built[fid].add(item.type)
    # (a country party with no other country of its world to offer as a wrong option is asked true or false only)
    sure = [f for f in deck.facts if not unsure(f)]
    one_way = {f.id: sorted(built[f.id]) for f in sure if len(built[f.id]) < 2}
    assert all(built[f.id] for f in sure) and len(one_way) <= len(sure) // 20, one_way
    assert len(sure) < len(deck.facts) and not any(built[f.id] for f in deck.facts if unsure(f))
    assert 0 < gated < (gated + len(made)) / 2  # the gates stop some items, not most


def test_role_options_never_hold_the_same_office_twice():
    from conftest import ROOT

    from quizgen import load_deck
    from quizgen.questions.distractors import role_key

    deck = load_deck(ROOT / "decks" / "new-start.yaml")
    for seed in range(5):
        for item in make_items(deck, seed=seed, types=["multiple_choice"], kinds=["role"]):
            keys = [role_key(c) for c in item.choices]
            assert len(keys) == len(set(keys)), item.choices


def test_items_made_one_at_a_time_are_the_items_made_together():
    """The quiz makes only the items it asks (ItemMaker); they must be exactly make_items' items."""
    from conftest import ROOT

    from quizgen.questions import ItemMaker

    deck = load_deck(ROOT / "decks" / "new-start.yaml")
    for seed in (0, 7):
        together = {i.id: i for i in make_items(deck, seed=seed)}
        maker = ItemMaker(deck, seed=seed)
        alone = {slot.id: maker.make(slot) for slot in reversed(maker.slots())}  # another order, same items
        alone.update((i.id, i) for i in maker.timelines())
        assert {k: v for k, v in alone.items() if v is not None} == together
        assert set(together) <= set(alone)  # every item has a slot: none is missed by the quiz


@pytest.mark.parametrize("deck_file", ["decks/new-start.yaml", "tests/data/sample-deck.yaml"])
def test_answers_gathered_per_bucket_are_the_deck_wide_answers(deck_file):
    """truths() phrases only the facts of one (kind, subject) bucket: it must find what a scan of the whole
    deck finds."""
    from conftest import ROOT

    from quizgen.questions.distractors import truths

    deck = load_deck(ROOT / deck_file)
    stems, lazy = assert_truths_are_the_whole_deck_scan(deck)
    if deck_file.startswith("decks/"):  # the New START deck asks some questions twice
        assert any(len(truths(lazy, s)) > 1 for s in stems)


def assert_truths_are_the_whole_deck_scan(deck: Deck) -> tuple[list, object]:
    """Every question's answers as truths() finds them in its buckets (a fresh context: nothing phrased yet)
    are those a scan of the whole deck finds. Returns the stems and that context."""
    from quizgen.questions import phrasing as ph
    from quizgen.questions.context import Context
    from quizgen.questions.distractors import option_key, truths

    ctx = Context(deck, 0)
    stems = [s for f in deck.facts if (s := ph.stem_for(ctx, f)) is not None]
    lazy = Context(deck, 0)
    for stem in stems:
        expected = {option_key(ctx, s.answer) for s in stems if s.key == stem.key}
        if stem.key[0] == "signatory" and stem.key[2] == "":
            expected |= {
                option_key(ctx, f.answer)
                for f in deck.facts
                if f.kind == "signatory" and ctx.names.key(f.subject) == stem.key[1]
            }
        assert truths(lazy, stem) == expected, stem.key
    return stems, lazy


def test_a_position_that_names_its_person_again_is_not_asked():
    """ "Anna Kovalenko said: KOVALENKO: …" names the answer twice; a person has no pronoun the stem could use,
    so no 'Who …' item is made from it (it used to crash `questions` on a transcript's deck)."""
    text = "Anna Kovalenko said: KOVALENKO: What we agreed today is to make the border permanent."
    fact = Fact(
        "position-kovalenko",
        "position",
        "Anna Kovalenko",
        "Anna Kovalenko",
        "Anna Kovalenko said: Kovalenko: what we agreed today is to make the border permanent.",
        [Evidence("a", text)],
        entity="Anna Kovalenko",
        stance="says",
    )
    person = Entity("Anna Kovalenko", "person", ("Kovalenko",))
    deck = Deck("test", [Source("a", "a.txt", "An article")], [person], [fact])
    from quizgen.questions import phrasing as ph
    from quizgen.questions.context import Context

    assert ph.stem_for(Context(deck, 0), fact) is None


def _world(source: str, treaty: str, dated: list, signers: list[str], where: str, ids: tuple[str, str]) -> list[Fact]:
    """One invented article: its treaty's dates (answer, value, event, verb phrase) and its signers."""
    facts = [
        Fact(f"{ids[0]}{n}", "date", treaty, answer, f"The {treaty} {verb} {answer}.",
             [Evidence(source, f"{'The treaty' if n == 1 else 'It'} {verb} {answer}.")], date=value, event=event)
        for n, (answer, value, event, verb) in enumerate(dated, 1)
    ]  # fmt: skip
    facts += [
        Fact(f"{ids[1]}{n}", "signatory", treaty, who, f"{who} signed the {treaty}.",
             [Evidence(source, f"{who} signed the treaty {where}.")])
        for n, who in enumerate(signers)
    ]  # fmt: skip
    return facts


def _two_worlds() -> Deck:
    """A 1922 naval treaty article and a 2006 sea-boundary article (invented), each with its people and dates."""
    naval, timor = "Naval Limitation Treaty", "Sea Boundary Treaty"
    facts = _world(
        "n",
        naval,
        [
            ("6 February 1922", DateValue(1922, 2, 6), "signing", "was signed on"),
            ("August 1923", DateValue(1923, 8), "entry into force", "entered into force in"),
            ("1936", DateValue(1936), "expiry", "expired in"),
        ],
        ["Arthur Penrose", "Kenji Morita", "Henri Delacroix", "Luigi Ferrante"],
        "for his government",
        ("d", "s"),
    ) + _world(
        "t",
        timor,
        [
            ("12 January 2006", DateValue(2006, 1, 12), "signing", "was signed on"),
            ("February 2007", DateValue(2007, 2), "entry into force", "entered into force in"),
            ("2017", DateValue(2017), "termination", "was ended in"),
        ],
        ["Mara Soares", "Daniel Whitcombe", "Ana Pereira"],
        "in Sydney",
        ("t", "u"),
    )
    people = [Entity(f.answer, "person") for f in facts if f.kind == "signatory"]
    treaties = [Entity(naval, "treaty"), Entity(timor, "treaty")]
    sources = [Source("n", "n.txt", "The naval treaty"), Source("t", "t.txt", "The sea boundary")]
    return Deck("two worlds", sources, people + treaties, facts)


def test_wrong_options_and_false_versions_come_from_the_facts_own_world():
    """A 1922 treaty's signers are never offered people of a 2006 article (the review found East Timor among
    the Washington Naval Treaty's signers), and timelines never mix the two treaties."""
    deck = _two_worlds()
    naval = {f.answer for f in deck.facts if f.kind == "signatory" and f.sources == ["n"]}
    timor = {f.answer for f in deck.facts if f.kind == "signatory" and f.sources == ["t"]}
    for seed in range(10):
        items = make_items(deck, seed=seed)
        for item in items:
            if item.kind != "signatory":
                continue
            mine, theirs = (naval, timor) if item.answer in naval or item.evidence.source == "n" else (timor, naval)
            assert not set(item.choices) & theirs, item
            if item.type == "true_false":
                assert not any(name in item.prompt for name in theirs), item.prompt
        for item in items:
            if item.type == "timeline":
                assert len({deck.fact(f).sources[0] for f in item.facts}) == 1, item.choices


def test_a_false_version_fits_its_article():
    """'The US is a party to …' made false reads 'China is a party to …', not 'The China is …', and 'Greece
    …' reads 'The United States …'; an office after 'the' keeps it, a possessive one does not."""
    from quizgen.questions.true_false import _swap

    assert _swap("The US is a party to New START.", "US", "China") == "China is a party to New START."
    assert _swap("The US is a party to New START.", "US", "White House") == "The White House is a party to New START."
    # a reviewer rejected "United States was represented by …", made from "Greece was represented by …"
    assert _swap("Greece was represented by Venizelos.", "Greece", "United States") == (
        "The United States was represented by Venizelos."
    )
    assert _swap("Ann Lee is the Kremlin spokesman.", "Kremlin spokesman", "US President", office=True) == (
        "Ann Lee is the US President."
    )
    assert _swap("Ann Lee is the Kremlin spokesman.", "Kremlin spokesman", "Iran's Foreign Minister", office=True) == (
        "Ann Lee is Iran's Foreign Minister."
    )


def test_options_are_never_nested_in_one_another():
    from conftest import ROOT

    from quizgen.questions.gates import failure

    deck = load_deck(ROOT / "decks" / "new-start.yaml")
    for seed in range(8):
        for item in make_items(deck, seed=seed, types=["multiple_choice", "who_said"]):
            keys = [f" {normalize(c)} " for c in item.choices]
            assert not any(a in b for a in keys for b in keys if a is not b), item.choices
            assert failure(item) is None


def test_a_pair_named_around_the_answer_does_not_give_it_away():
    """'Which country rejected …, signed between it and Washington?': the pair's other side tells the answer."""
    from quizgen.questions import phrasing as ph
    from quizgen.questions.context import Context

    deck = load_deck(Path(__file__).parent / "data" / "sample-deck.yaml")
    ctx = Context(deck, 0)
    assert ph._pronoun_for(ctx, "rejected the extension of the deal signed between Moscow and Washington", "Russia",
                           "country") is None  # fmt: skip
    assert ph._pronoun_for(ctx, "rejected the proposal that Russia join New START", "Russia", "country") == (
        "rejected the proposal that it join New START"
    )


def test_a_timeline_event_is_a_clause_not_the_remains_of_a_list_line():
    """A review found timeline options '- 1 — CITES enters into force' and 'in 1999 and, to buyers in Japan'."""
    from quizgen.model import DateValue
    from quizgen.questions.phrasing import event_clause

    def clause(statement: str, written: str, iso: str) -> str | None:
        fact = Fact("d", "date", "Harbour Accord", written, statement, [Evidence("a", statement)])
        fact.date = DateValue.parse(iso)
        return event_clause(fact)

    assert clause("- 1 July 2031 — the Harbour Accord enters into force.", "July 2031", "2031-07") is None
    assert clause("Sales were allowed in 2029 and, to buyers in Kelmar, in 2031.", "2029", "2029") is None
    # near miss: a plain clause around its date
    assert clause("The Harbour Accord entered into force on 1 July 2031.", "1 July 2031", "2031-07-01") == (
        "The Harbour Accord entered into force"
    )


def test_a_speakers_words_are_asked_with_speakers_of_the_same_country():
    """Reviewers rejected 'Who said “… our president …”?' offering the US President and his adviser beside
    the Kremlin's spokesman: the words say which side speaks. Countrymen (by their offices) come first."""

    def role(who: str, office: str) -> Fact:
        return Fact(f"r-{who}", "role", who, office, f"{who} is the {office}.", [Evidence("a", f"{office} {who}.")],
                    entity=who)  # fmt: skip

    facts = [
        role("Arkady Volkov", "Russian President"),
        role("Boris Lebed", "Kremlin spokesman"),
        role("Vera Orlova", "Russian Foreign Minister"),
        role("Ivan Sokol", "Russian Deputy Foreign Minister"),
        role("Jim Hale", "US President"),
        role("Ann Price", "US National Security Adviser"),
        Fact(
            "q1",
            "quote",
            "Boris Lebed",
            "Boris Lebed",
            "Boris Lebed said: “Trust is at a minimal level, and our president has said so many times”.",
            [Evidence("a", "Trust is at a minimal level, and our president has said so many times")],
            entity="Boris Lebed",
            quote="Trust is at a minimal level, and our president has said so many times",
        ),  # fmt: skip
    ]
    for seed in range(5):
        items = by_id(make_items(_deck(facts), seed=seed, types=["who_said"]))
        assert set(items["q1:who_said"].choices) == {"Boris Lebed", "Arkady Volkov", "Vera Orlova", "Ivan Sokol"}


def test_no_item_of_a_commentators_words_or_of_a_party_named_by_its_capital():
    """Reviewers called "who said it" of a researcher's remark trivia, and "Juba ratified …" wrong (Juba is
    South Sudan's capital, not the party); an official's words and a party named as itself stay."""

    def ev(text: str) -> list[Evidence]:
        return [Evidence("a", text)]

    said = "The accord is mostly about who sits at the table and under what rules"
    facts = [
        Fact("r1", "role", "Mara Lind", "water researcher at the Delta Institute", "Mara Lind is a water researcher.",
             ev("Mara Lind, a water researcher at the Delta Institute, said so."), entity="Mara Lind"),
        Fact("r2", "role", "Ilse Marr", "Kelmar Foreign Minister", "Ilse Marr is the Kelmar Foreign Minister.",
             ev("Kelmar Foreign Minister Ilse Marr said so."), entity="Ilse Marr"),
        Fact("q1", "quote", "Mara Lind", "Mara Lind", f"Mara Lind said: “{said}”.", ev(said), entity="Mara Lind",
             quote=said),
        Fact("q2", "quote", "Ilse Marr", "Ilse Marr", f"Ilse Marr said: “{said}, truly”.", ev(said + ", truly"),
             entity="Ilse Marr", quote=said + ", truly"),
        Fact("s1", "signatory", "Harbour Accord", "Juba", "Juba ratified the Harbour Accord.",
             ev("Juba ratified the Harbour Accord in 2031."), entity="South Sudan"),
        Fact("s2", "signatory", "Harbour Accord", "the United States", "The United States signed the Harbour Accord.",
             ev("The United States signed the Harbour Accord in 2030."), entity="United States"),
    ]  # fmt: skip
    deck = Deck(
        "test", [Source("a", "a.txt", "An article")],
        [Entity("South Sudan", "country"), Entity("United States", "country", ("US",))], facts,
    )  # fmt: skip
    made = {i.fact for i in make_items(deck, seed=1)}
    assert "q2" in made and "s2" in made
    assert "q1" not in made and "s1" not in made


def test_people_of_another_story_of_the_same_era_are_not_wrong_options():
    """A reviewer found two UK ministers of a 2024 Chagos story among the speakers of a 2024 Tuvalu one: an
    era makes dates and offices plausible, not people. Two treaties of 2006, each with its own signers."""
    dates = [
        ("12 January 2006", DateValue(2006, 1, 12), "signing", "was signed on"),
        ("February 2007", DateValue(2007, 2), "entry into force", "entered into force in"),
        ("2009", DateValue(2009), "termination", "was ended in"),
    ]
    harbour, river = "Harbour Accord", "River Accord"
    facts = _world("h", harbour, dates, ["Arden Vale", "Ilse Marr", "Tomas Eck"], "for Kelmar", ("a", "b"))
    # someone of the harbour story who signed nothing: the one right wrong option for a false version
    facts.append(Fact("hr", "role", "Jon Hale", "Kelmar harbour master", "Jon Hale is the Kelmar harbour master.",
                      [Evidence("h", "Kelmar harbour master Jon Hale watched.")], entity="Jon Hale"))  # fmt: skip
    facts += _world("r", river, dates, ["Mara Soares", "Daniel Whitcombe", "Ana Pereira"], "in Norvald", ("c", "d"))
    people = [Entity(f.answer, "person") for f in facts if f.kind == "signatory"] + [Entity("Jon Hale", "person")]
    sources = [Source("h", "h.txt", "The harbour accord"), Source("r", "r.txt", "The river accord")]
    deck = Deck("one era", sources, [*people, Entity(harbour, "treaty"), Entity(river, "treaty")], facts)
    theirs = {f.answer for f in facts if f.kind == "signatory" and f.sources == ["r"]}
    false_versions = 0
    for seed in range(10):
        for item in make_items(deck, seed=seed):
            if item.kind == "signatory" and deck.fact(item.fact).sources == ["h"]:
                assert not theirs & set(item.choices), item.choices
                assert not any(name in item.prompt for name in theirs), item.prompt
                false_versions += item.type == "true_false" and item.answer == "False"
    assert false_versions  # false versions were made, with another signer of the same story


def test_a_gap_for_a_person_says_which_treaty_in_a_deck_of_several():
    """'The Secretary of State, Mr _____, welcomed the agreement.': which agreement, whose secretary? In a
    deck of several treaties the gap leads with its article's treaty."""
    facts = _world("h", "Harbour Accord", [("2031", DateValue(2031), "signing", "was signed in")], [], "", ("a", "b"))
    facts += _world("r", "River Accord", [("2030", DateValue(2030), "signing", "was signed in")], [], "", ("c", "d"))
    said = "The Secretary of State, Arden Vale, welcomed the agreement on the day it was signed."
    facts.append(Fact("p1", "position", "Arden Vale", "Arden Vale", said, [Evidence("h", said)], entity="Arden Vale",
                      stance="welcomes"))  # fmt: skip
    sources = [Source("h", "h.txt", "The harbour accord"), Source("r", "r.txt", "The river accord")]
    entities = [Entity("Arden Vale", "person"), Entity("Harbour Accord", "treaty"), Entity("River Accord", "treaty")]
    items = by_id(make_items(Deck("two", sources, entities, facts), types=["cloze"]))
    gap = items.get("p1:cloze")
    assert gap is not None and gap.prompt.startswith("Harbour Accord: ") and "_____" in gap.prompt


def test_an_explanation_adds_the_actors_office_and_leaves_out_a_statement_cut_from_a_clause():
    """Part 5 of issue #11: an explanation adds what the question does not say (the speaker's office), and a
    reviewer rejected one that began "Where he, in particular, reiterated …" (a clause, not a sentence)."""
    from quizgen.questions.context import Context

    said = "Trust is at a minimal level now, and our president has said so many times"
    facts = [
        Fact("r1", "role", "Boris Lebed", "Kremlin spokesman", "Boris Lebed is the Kremlin spokesman.",
             [Evidence("a", "Kremlin spokesman Boris Lebed said so.")], entity="Boris Lebed"),
        Fact("q1", "quote", "Boris Lebed", "Boris Lebed", f"Boris Lebed said: “{said}”.", [Evidence("a", said)],
             entity="Boris Lebed", quote=said),
        Fact("p1", "position", "Arkady Volkov", "Arkady Volkov", "Where he, in particular, backed the accord.",
             [Evidence("a", "Volkov spoke in Sochi, where he, in particular, backed the accord.")],
             entity="Arkady Volkov"),
    ]  # fmt: skip
    ctx = Context(_deck(facts), 0)
    quote = ctx.explanation(facts[1])
    assert quote.startswith(facts[1].statement) and "\nBoris Lebed: Kremlin spokesman.\n" in quote
    assert ctx.explanation(facts[2]).startswith("Source: “Volkov spoke in Sochi")
    assert "Kremlin spokesman." not in ctx.explanation(facts[0]).split("\n", 1)[1]  # a role's own office: once


def test_no_item_calls_a_person_a_party():
    """'Meurice is a party to the Treaty of Paris': states are parties, people sign (a reviewer rejected it)."""
    facts = [
        Fact("s1", "signatory", "Harbour Accord", "Arden Vale", "Arden Vale is a party to the Harbour Accord.",
             [Evidence("a", "Arden Vale attended for the Harbour Accord's parties.")], entity="Arden Vale"),
        Fact("s2", "signatory", "Harbour Accord", "Ilse Marr", "Ilse Marr signed the Harbour Accord for Kelmar.",
             [Evidence("a", "Ilse Marr signed the Harbour Accord for Kelmar.")], entity="Ilse Marr", party="Kelmar"),
    ]  # fmt: skip
    people = [Entity("Arden Vale", "person"), Entity("Ilse Marr", "person")]
    deck = Deck("t", [Source("a", "a.txt", "An article")], people, facts)
    made = {i.fact for i in make_items(deck, seed=1)}
    assert "s1" not in made and "s2" in made


def _signers_deck(parties: list[str], extra: str = "") -> Deck:
    """An invented treaty with the countries that signed it, and Arden Vale signing for no one said."""
    treaty = "Harbour Accord"
    facts = [
        Fact(f"s{n}", "signatory", treaty, who, f"{who} signed the {treaty}.",
             [Evidence("a", f"{who} signed the {treaty} in 2031.{extra}")], entity=who)
        for n, who in enumerate(parties)
    ]  # fmt: skip
    signed = f"Arden Vale signed the {treaty} in Port Arden."
    facts.append(Fact("p1", "signatory", treaty, "Arden Vale", f"Arden Vale signed the {treaty}.",
                      [Evidence("a", signed)], entity="Arden Vale"))  # fmt: skip
    entities = [Entity(p, "country") for p in parties] + [Entity("Arden Vale", "person"), Entity(treaty, "treaty")]
    return Deck("signers", [Source("a", "a.txt", "The harbour accord")], entities, facts)


def test_a_country_is_asked_for_only_where_one_country_answers():
    """'Which country signed the AfCFTA?' had other right answers the article never listed (reviews r1–r10:
    0 of 16 such multiple choices accepted). Of a bilateral treaty the other party is named in the stem; of a
    treaty whose other party is unknown, or one with many, no country is asked for; nor is a signer for no one
    said ('Who signed the ECOWAS Treaty?': each party had its own)."""
    two = [i for i in make_items(_signers_deck(["Kelmar", "Norvald"])) if i.type in ("typed", "multiple_choice")]
    asked = {i.prompt for i in two if i.kind == "signatory"}
    assert asked == {
        "Which country signed the Harbour Accord with Norvald?",
        "Which country signed the Harbour Accord with Kelmar?",
    }
    for i in two:
        if i.type == "multiple_choice":
            assert "Kelmar" not in i.choices or i.answer == "Kelmar"  # the named party is never an option
    for parties, extra in ((["Kelmar"], ""), (["Kelmar", "Norvald"], " The accord now has 88 members.")):
        items = make_items(_signers_deck(parties, extra))
        assert not [i for i in items if i.kind == "signatory" and i.type in ("typed", "multiple_choice")]
    # still a true/false of the signer, whose false version is another signer of the story
    assert any(i.fact == "p1" and i.type == "true_false" for i in make_items(_signers_deck(["Kelmar", "Norvald"])))


def test_a_limit_on_one_party_s_force_is_asked_of_that_force():
    """Review r10: 'To how many men does the Treaty of Trianon limit the parties?' when only Hungary's army was."""
    from quizgen.model import Quantity

    fact = Fact(
        "l1", "limit", "Treaty of Kelmar", "35,000", "Norvald’s army was limited to 35,000 men, including officers.",
        [Evidence("a", "Norvald’s army was limited to 35,000 men, including officers.")],
        quantity=Quantity(35000, "35,000", "men", "limit"),
    )  # fmt: skip
    deck = Deck("t", [Source("a", "a.txt", "Kelmar")], [Entity("Treaty of Kelmar", "treaty")], [fact])
    typed = [i for i in make_items(deck) if i.type == "typed"]
    assert [i.prompt for i in typed] == ["Under the Treaty of Kelmar, to how many men was Norvald’s army limited?"]


def test_a_false_office_is_of_the_same_rank_and_a_signer_s_options_are_compatriots():
    """Review r11: 'Peskov is the Russian President', 'Trump is the National Security Adviser' (false at a
    glance) and Lavrov offered as a signer of New START for the United States."""
    from quizgen.questions.true_false import same_rank

    assert same_rank("Kelmar Foreign Minister", "Kelmar Defence Minister")
    assert same_rank("Kremlin spokesman", "Foreign Ministry spokeswoman")
    assert not same_rank("Kremlin spokesman", "Russian President")
    assert not same_rank("US President", "US National Security Adviser")
    assert not same_rank("Foreign Minister", "Prime Minister")
    deck = load_deck(Path(__file__).resolve().parent.parent / "decks" / "new-start.yaml")
    signer_questions = 0
    for seed in range(20):
        for item in make_items(deck, seed=seed):
            fact = deck.fact(item.fact)
            if item.kind == "role" and item.type == "true_false" and item.answer == "False":
                shown = item.prompt.removeprefix("True or false? ")
                assert same_rank(fact.answer, shown.split(" is ", 1)[1].removeprefix("the ").rstrip(".")), shown
            if item.kind == "signatory" and item.type == "multiple_choice" and fact.party == "United States":
                assert {"Sergey Lavrov", "Vladimir Putin", "Dmitry Peskov"}.isdisjoint(item.choices), item.choices
                assert len(item.choices) >= 3
                signer_questions += 1
    assert signer_questions == 20  # asked with every seed, Americans only


def test_a_false_speaker_is_a_compatriot_where_the_deck_knows_the_speaker_s_country():
    """Review r11: 'Robert O'Brien lashed out at the United States' swapped an American in for an Iranian."""

    def deck_with(*people: tuple[str, str]) -> Deck:
        facts = [
            Fact(f"r{n}", "role", who, office, f"{who} is the {office}.",
                 [Evidence("a", f"The {office}, {who}, spoke.")], entity=who)
            for n, (who, office) in enumerate(people)
        ]  # fmt: skip
        said = "Ivan Orlov accused the United States of wrecking the Harbour Accord in 2031."
        facts.append(Fact("p1", "position", "Harbour Accord", "Ivan Orlov", said, [Evidence("a", said)],
                          entity="Ivan Orlov", stance="accuse"))  # fmt: skip
        entities = [Entity(who, "person") for who, _ in people] + [Entity("United States", "country")]
        return Deck("t", [Source("a", "a.txt", "Harbour")], entities, facts)

    russian, american = ("Ivan Orlov", "Russian Foreign Minister"), ("Ann Price", "US National Security Adviser")
    for seed in range(30):
        for item in make_items(deck_with(russian, american), seed=seed):
            assert not (item.fact == "p1" and "Ann Price" in item.prompt), item.prompt
    other_russian = ("Oleg Sayin", "Kremlin spokesman")
    false_versions = [
        item.prompt
        for seed in range(30)
        for item in make_items(deck_with(russian, american, other_russian), seed=seed)
        if item.fact == "p1" and item.type == "true_false" and item.answer == "False"
    ]
    assert false_versions and all("Oleg Sayin" in p for p in false_versions), false_versions


def test_a_garbled_statement_is_never_shown_and_a_state_s_stance_is_no_gap():
    """Review r12: 'ANZUS was Signed in San Francisco since 29 April 1952 on 1 September 1951.' as an
    explanation; and a gap for the United States that 'the US', 'Washington' or 'the White House' fill as well
    (reviews r1–r12 rejected 13 of 17 such gaps)."""
    garbled = "The Harbour Accord was signed in Port Arden since 29 April 2032 on 1 September 2031."
    signed = "The Harbour Accord was signed in Port Arden on 1 September 2031 and in force since 29 April 2032."
    stance = "The United States argued that the Harbour Accord should be extended for five years."
    facts = [
        Fact("d1", "date", "Harbour Accord", "1 September 2031", garbled, [Evidence("a", signed)],
             date=DateValue(2031, 9, 1), event="signing"),
        Fact("p1", "position", "Harbour Accord", "The United States", stance, [Evidence("a", stance)],
             entity="United States", stance="argue"),
    ]  # fmt: skip
    deck = Deck("t", [Source("a", "a.txt", "Harbour")], [Entity("United States", "country", ("US",))], facts)
    items = make_items(deck, seed=3)
    dated = [i for i in items if i.fact == "d1"]
    assert dated and all("since 29 April 2032 on" not in i.explanation for i in dated)
    assert not [i for i in dated if i.type == "true_false"]  # the garbled claim is never judged
    assert not [i for i in items if i.fact == "p1" and i.type == "cloze"]
    assert [i for i in items if i.fact == "p1" and i.type == "true_false"]


def test_an_office_s_country_is_its_first_country_word_and_options_keep_to_it():
    """Review r12: 'Russian ambassador in Washington' offered for a Japanese delegate, and an Iranian minister's
    office among other countries' ones, which gave it away."""
    from quizgen.questions.distractors import role_country

    assert role_country("Japanese minister to the United States") == "Japan"
    assert role_country("Iran’s Foreign Minister") == "Iran"
    assert role_country("Kremlin spokesman") == "Russia"
    assert role_country("harbour master") is None
    deck = load_deck(Path(__file__).resolve().parent.parent / "decks" / "new-start.yaml")
    for seed in range(10):
        for item in make_items(deck, seed=seed):
            if item.kind == "role" and item.type == "multiple_choice":
                countries = {role_country(c) for c in item.choices}
                assert len(countries) == 1, item.choices  # every option an office of the answer's country


def test_wrong_dates_of_another_year_are_one_per_year():
    """Review r13: a 1920 treaty's signing asked beside three 1925 dates of another story, so the answer was
    the odd one out."""
    facts = [
        Fact("d0", "date", "Harbour Accord", "9 February 1920", "The Harbour Accord was signed on 9 February 1920.",
             [Evidence("a", "The Harbour Accord was signed on 9 February 1920.")], date=DateValue(1920, 2, 9),
             event="signing"),
    ]  # fmt: skip
    for n, day in enumerate((5, 16, 21)):
        text = f"The River Pact was initialled on {day} October 1925."
        facts.append(Fact(f"r{n}", "date", "River Pact", f"{day} October 1925", text, [Evidence("b", text)],
                          date=DateValue(1925, 10, day), event="initialling"))  # fmt: skip
    sources = [Source("a", "a.txt", "Harbour"), Source("b", "b.txt", "River")]
    deck = Deck("t", sources, [Entity("Harbour Accord", "treaty"), Entity("River Pact", "treaty")], facts)
    for seed in range(10):
        mc = next(i for i in make_items(deck, seed=seed) if i.id == "d0:multiple_choice")
        assert sum(c.endswith("1925") for c in mc.choices) <= 1, mc.choices
        assert len(mc.choices) == 4


def test_us_and_u_s_offices_are_one_office():
    """Review r14 offered 'US Secretary of State' and 'U.S. Secretary of State' as two options."""
    from quizgen.questions.distractors import role_key

    assert role_key("U.S. Secretary of State") == role_key("US Secretary of State")
    assert role_key("then-U.K. Foreign Secretary") == role_key("UK Foreign Secretary")
    assert role_key("US Secretary of State") != role_key("US Secretary of Defense")


def test_a_statement_with_a_word_doubled_is_garbled():
    from quizgen.questions.context import garbled

    assert garbled("The parties were to to withdraw within three months.")
    assert garbled("The treaty is to signed within three months.")
    assert not garbled("The treaty is to be signed within three months.")
    assert not garbled("Kelmar said that that clause of the Harbour Accord must go.")


def test_a_fact_the_extractor_was_unsure_of_is_never_asked_and_a_hand_written_one_always_is():
    from dataclasses import replace

    from conftest import ROOT

    from quizgen import load_deck
    from quizgen.questions import MIN_CONFIDENCE

    deck = load_deck(ROOT / "decks" / "new-start.yaml")
    quote = next(f for f in deck.facts if f.kind == "quote" and f.id in {i.fact for i in make_items(deck, seed=3)})
    dated = _dated_facts()
    for confidence, asked in ((MIN_CONFIDENCE - 0.01, False), (MIN_CONFIDENCE, True), (None, True)):
        facts = [replace(f, confidence=confidence) if f is quote else f for f in deck.facts]
        assert (quote.id in {i.fact for i in make_items(replace(deck, facts=facts), seed=3)}) is asked
        timeline = _deck([replace(dated[0], confidence=confidence), *dated[1:]])
        in_timelines = {fid for i in make_items(timeline, seed=3, types=["timeline"]) for fid in i.facts}
        assert ("d0" in in_timelines) is asked


@pytest.mark.parametrize(
    "statement, bad",
    [
        ("The fact-finding commission was established under Article 90 of in 1991.", True),
        ("The Additional Protocols of 8 June 1977 went further of 8 June 1977.", True),
        ("The commission was established in 1991 under Article 90 of Protocol I.", False),
        ("The Harbour Accord was signed on 8 June 2031 and ratified in 2032.", False),
    ],
)
def test_a_statement_with_two_prepositions_run_together_or_one_date_twice_is_garbled(statement, bad):
    """Review r16: date statements rewritten into 'under Article 90 of in 1991', 'went further of 8 June 1977'."""
    from quizgen.questions.context import garbled

    assert garbled(statement) is bad


def test_an_occupation_and_its_institute_is_never_a_wrong_option_beside_offices():
    """Review r16: 'diplomatic historian at the (independent) Kansai Institute' offered as an office."""
    from quizgen.questions import phrasing as ph

    assert ph.affiliation("diplomatic historian at the (independent) Kelmar Institute")
    assert ph.affiliation("researcher with the Harbour Trust")
    assert not ph.affiliation("Prime Minister") and not ph.affiliation("Kelmar ambassador to Norvald")
    facts = [
        Fact(f"r{i}", "role", who, office, f"{who} is the {office}.", [Evidence("a", f"{office} {who} spoke.")],
             entity=who)
        for i, (who, office) in enumerate(
            [("Ann Price", "Prime Minister"), ("Tom Eck", "Foreign Minister"), ("Ivo Marr", "President"),
             ("Lena Vos", "Defence Minister"), ("Ola Brisk", "diplomatic historian at the Kelmar Institute")]
        )
    ]  # fmt: skip
    deck = Deck("t", [Source("a", "a.txt", "Harbour")], [], facts)
    options = {c for i in make_items(deck, seed=1, types=["multiple_choice"]) for c in i.choices}
    assert "Prime Minister" in options and not any("historian" in c for c in options)


def test_a_commentators_trade_is_never_a_wrong_option_beside_offices():
    """Reviews r16-r22: "Canberra historian", "trade economist" offered beside "Prime Minister" (and "last word
    from you", a fragment taken for an office)."""
    facts = [
        Fact(f"r{i}", "role", who, office, f"{who} is the {office}.", [Evidence("a", f"{office} {who} spoke.")],
             entity=who)
        for i, (who, office) in enumerate(
            [("Ann Price", "Prime Minister"), ("Tom Eck", "Foreign Minister"), ("Ivo Marr", "President"),
             ("Lena Vos", "Kelmar historian"), ("Ola Brisk", "trade economist"), ("Uma Reed", "last word from you")]
        )
    ]  # fmt: skip
    deck = Deck("t", [Source("a", "a.txt", "Harbour")], [], facts)
    items = make_items(deck, seed=1, types=["multiple_choice", "typed"])
    options = {c for i in items for c in i.choices}
    assert "Prime Minister" in options
    assert not {c for c in options if re.search(r"historian|economist|last word", c)}
    assert not [i for i in items if i.fact in ("r3", "r4")]  # nor asked as their office


def _reasons_deck(sentences: list[str]) -> Deck:
    facts = [
        Fact(f"e{i}", "event", actor, "the Harbour Accord", s, [Evidence("a", s)], entity=actor)
        for i, (actor, s) in enumerate(sentences)
    ]
    entities = [Entity(n, "country", ()) for n in ("Kelmar", "Norvald", "Ostrava", "Tellen")]
    return Deck("t", [Source("a", "a.txt", "Harbour")], entities, facts)


def test_a_reason_the_article_gives_is_asked_as_why_among_the_deck_s_other_reasons():
    deck = _reasons_deck(
        [
            ("Kelmar", "Kelmar withdrew from the Harbour Accord in 2031, citing repeated violations by Norvald."),
            ("Norvald", "Norvald suspended the fishing quotas in 2032 because of a collapse in cod stocks."),
            ("Ostrava", "Ostrava rejected the new protocol in 2033 in protest at the border closures."),
        ]
    )
    items = {i.fact: i for i in make_items(deck, seed=2, types=["multiple_choice"])}
    why = items["e0"]
    assert why.prompt == "Why did Kelmar withdraw from the Harbour Accord in 2031?"
    assert why.answer == "repeated violations by Norvald"
    assert sorted(why.choices) == ["a collapse in cod stocks", "repeated violations by Norvald", "the border closures"]
    assert items["e1"].prompt == "Why did Norvald suspend the fishing quotas in 2032?"


@pytest.mark.parametrize(
    "sentence",
    [
        "Kelmar signed the Harbour Accord, which is due to expire in 2040.",  # "due to" of time, not a reason
        "Kelmar said it withdrew from the Harbour Accord because of repeated violations.",  # reported speech
        "Kelmar's accord expired in 2031 and was not renewed because of tension.",  # two clauses, one reason
        "Kelmar talks held at Port Arden were broken off because Norvald walked out.",  # the first verb is none
        "Kelmar rejected the plan, saying “we cannot accept it because of the cost”.",  # the speaker's words
    ],
)
def test_no_why_question_where_the_reason_is_not_the_clause_s(sentence):
    deck = _reasons_deck(
        [
            ("Kelmar", sentence),
            ("Norvald", "Norvald suspended the fishing quotas in 2032 because of a collapse in cod stocks."),
            ("Ostrava", "Ostrava rejected the new protocol in 2033 in protest at the border closures."),
            ("Tellen", "Tellen left the Harbour Accord in 2034, citing the cost of the patrols."),
        ]
    )
    items = {i.fact: i for i in make_items(deck, seed=2, types=["multiple_choice"])}
    assert not items.get("e0") or not items["e0"].prompt.startswith("Why")
    assert items["e1"].prompt.startswith("Why")  # the others still are


def test_a_passer_by_s_words_and_job_are_not_asked_and_premier_is_prime_minister():
    """Review r17: a retired schoolteacher in a tour group asked about; 'Premier' beside 'Prime Minister'."""
    from quizgen.questions import fact_failure
    from quizgen.questions.context import Context
    from quizgen.questions.distractors import role_key

    said = "“Everyone went home and claimed victory,” said Ann Price, a retired schoolteacher in the tour group."
    facts = [
        Fact("q1", "quote", "Ann Price", "Ann Price", "Ann Price said: “Everyone went home and claimed victory.”",
             [Evidence("a", said)], entity="Ann Price", quote="Everyone went home and claimed victory"),
        Fact("r1", "role", "Ann Price", "retired schoolteacher", "Ann Price is a retired schoolteacher.",
             [Evidence("a", said)], entity="Ann Price"),
        Fact("r2", "role", "Tom Eck", "Foreign Minister", "Tom Eck is the Foreign Minister.",
             [Evidence("a", "Foreign Minister Tom Eck spoke.")], entity="Tom Eck"),
    ]  # fmt: skip
    ctx = Context(Deck("t", [Source("a", "a.txt", "Harbour")], [], facts), 0)
    assert fact_failure(ctx, facts[0]) and fact_failure(ctx, facts[1])
    assert fact_failure(ctx, facts[2]) is None
    assert role_key("Premier") == role_key("Prime Minister") != role_key("Deputy Premier")


def test_a_relation_to_another_person_is_never_a_role():
    """#13, item 9: 'Dmitry Medvedev: Russian counterpart.' in an explanation. A counterpart, colleague,
    predecessor or successor is someone beside another person, not an office: never a role's answer, a wrong
    option, a false version or a person's description."""
    people = [
        ("Ivan Orlov", "Russian Foreign Minister"),
        ("Oleg Sayin", "Kremlin spokesman"),
        ("Ann Price", "US Secretary of State"),
        ("Pavel Dorn", "Russian counterpart"),
        ("Lev Stroy", "predecessor"),
        ("Mia Hart", "US colleague"),
    ]
    facts = [
        Fact(f"r{n}", "role", who, office, f"{who} is the {office}.", [Evidence("a", f"The {office}, {who}, spoke.")],
             entity=who)
        for n, (who, office) in enumerate(people)
    ]  # fmt: skip
    for n, who in enumerate(("Pavel Dorn", "Lev Stroy", "Mia Hart")):
        said = f"{who} signed the Harbour Accord for Russia in 203{n}."
        facts.append(Fact(f"s{n}", "signatory", "Harbour Accord", who, said, [Evidence("a", said)], entity=who,
                          party="Russia"))  # fmt: skip
    entities = [Entity(who, "person") for who, _ in people] + [Entity("Russia", "country")]
    deck = Deck("t", [Source("a", "a.txt", "Harbour")], entities, facts)
    relation = re.compile(r"\b(?:counterpart|predecessor|colleague)\b", re.IGNORECASE)
    items = [item for seed in range(20) for item in make_items(deck, seed=seed)]
    assert any(i.kind == "role" for i in items)
    for item in items:
        shown = [item.answer, *item.choices, item.explanation.split("\nSource:")[0]]
        if item.kind == "role":
            shown.append(item.prompt)
        assert not any(relation.search(s) for s in shown), (item.id, shown)
