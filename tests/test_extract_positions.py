"""Position patterns on short sentences, through real spaCy parses: what must be found, and the near misses
that must not."""

from __future__ import annotations

import pytest
from conftest import rule_deck


@pytest.fixture(scope="module")
def positions():
    texts = {
        "promise": 'Water Minister Rahul Dev promised on Friday that "not a single drop" of water would flow west.',
        "pledge": "In return, the Taliban pledged not to allow al-Qaeda or any other group to use Afghan soil to "
        "threaten the security of the United States.",
        "vow": "Russia vowed to respond to the move, and the foreign ministry promised a tough answer.",
        "two": "Beijing rejected the proposal and said it would not join talks.",
    }
    deck = rule_deck(texts, title="t")
    out: dict[str, list[tuple[str, str]]] = {}
    for fact in deck.facts:
        if fact.kind == "position":
            out.setdefault(fact.evidence[0].source, []).append((fact.answer, fact.statement))
    return out


def test_promises_pledges_and_vows_are_positions(positions):
    assert (
        "Rahul Dev",
        'Rahul Dev promised on Friday that "not a single drop" of water would flow west.',
    ) in positions["promise"]
    assert any(a == "Taliban" and "pledged not to allow" in s for a, s in positions["pledge"])
    assert ("Russia", "Russia vowed to respond to the move.") in positions["vow"]


def test_a_purpose_clause_is_no_stance_of_its_subject(positions):
    # "… to use Afghan soil to threaten …": al-Qaeda threatens nothing here.
    assert [a for a, _ in positions["pledge"]] == ["Taliban"]


def test_two_claims_in_one_sentence_are_two_positions(positions):
    assert sorted(positions["two"]) == [
        ("Beijing", "Beijing rejected the proposal."),
        ("Beijing", "Beijing said it would not join talks."),
    ]


def test_a_figure_according_to_someone_is_no_position_but_a_demand_is():
    texts = {
        "figure": "More than 5,400 people have been killed since the conflict erupted, according to the UN.",
        "demand": "According to Greenpeace, the government must ratify the treaty this year.",
    }
    deck = rule_deck(texts, title="t")
    found = {f.evidence[0].source: f.answer for f in deck.facts if f.kind == "position"}
    assert found == {"demand": "Greenpeace"}


def test_declining_to_say_takes_no_stance():
    deck = rule_deck({"a": "Defence Minister Dovile Sakaliene declined to say whether talks had begun."})
    assert [f for f in deck.facts if f.kind == "position"] == []


def test_voicing_disappointment_is_a_position():
    deck = rule_deck({"a": "Norway, which led the push for the treaty, also voiced disappointment."})
    assert [(f.answer, f.statement) for f in deck.facts if f.kind == "position"] == [
        ("Norway", "Norway voiced disappointment.")
    ]


def test_defending_protesting_and_admitting_are_positions():
    texts = {
        "defend": "Prime Minister Viktor Orban has defended the decision to leave the court repeatedly.",
        "protest": "Prime Minister Mustafa Khalil protested that Cairo had not been consulted on the document.",
        "admit": "David Trimble admitted that parts of the package were hard to swallow.",
    }
    deck = rule_deck(texts, title="t")
    found = {f.evidence[0].source: f.answer for f in deck.facts if f.kind == "position"}
    assert found == {"defend": "Viktor Orban", "protest": "Mustafa Khalil", "admit": "David Trimble"}


def test_a_wire_story_s_credits_make_its_byline_a_reporter_s():
    """Review r10: a wire story's reporter, 'By X and Y' with the outlet named nowhere near, was taken for an
    essayist whose every sentence is a position ('X argues: The court rejected …'). The closing credits
    '(Reporting by …; Editing by …)' say it is news."""
    from quizgen.extract.authors import byline

    body = "The court rejected the arguments on Wednesday."
    text = f"Court rules on old treaty\n\nBy Corin Abbasi-Wheeler and Lotte Brandvik\n\n{body}\n\n"
    start = text.index(body)
    paragraphs = [(start, start + len(body))]
    assert byline(text, paragraphs) == ("Corin Abbasi-Wheeler", "plain")
    credits = text + "(Reporting by Corin Abbasi-Wheeler in Washington; Editing by Petra Holmqvist)\n"
    assert byline(credits, paragraphs) == ("Corin Abbasi-Wheeler", "news")
