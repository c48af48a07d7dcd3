"""`limit` facts: caps, deadlines and notice periods a treaty sets, from short sentences with real parses."""

from __future__ import annotations

import pytest
from conftest import rule_deck

import quizgen

LEAD = "The Geneva Weapons Treaty was signed in 1999 by both countries. "


def _limits(sentence: str) -> list[quizgen.Fact]:
    deck = rule_deck({"a": LEAD + sentence}, title="Geneva Weapons Treaty")
    return [f for f in deck.facts if f.kind == "limit" and sentence in f.evidence[0].text]


@pytest.mark.parametrize(
    ("sentence", "answer", "statement"),
    [
        (
            "Each member must destroy its stockpiled mines within four years of joining.",
            "four years",
            "Under the Geneva Weapons Treaty, each member must destroy its stockpiled mines within four years "
            "of joining.",
        ),
        (
            "Under Article XV, either party may leave on six months’ notice if it decides that its interests "
            "are at risk.",
            "six months",
            "Under Article XV of the Geneva Weapons Treaty, either party may leave on six months’ notice.",
        ),
        (
            "A withdrawal takes effect one year after the UN Secretary-General is notified.",
            "one year",
            "Under the Geneva Weapons Treaty, a withdrawal takes effect one year after the UN Secretary-General is "
            "notified.",
        ),
        (
            "The treaty also calls for up to 5,000 prisoners to be freed by 10 March.",
            "up to 5,000",
            "The Geneva Weapons Treaty also calls for up to 5,000 prisoners to be freed by 10 March.",
        ),
        (
            "Under its terms, each side had to accept up to 42 observation flights a year.",
            "up to 42",
            "Under the Geneva Weapons Treaty, each side had to accept up to 42 observation flights a year.",
        ),
        (
            "Under the treaty, Washington will reduce its forces from about 13,000 to 8,600.",
            "8,600",
            "Under the Geneva Weapons Treaty, Washington will reduce its forces from about 13,000 to 8,600.",
        ),
        (
            "Either side can withdraw from the treaty with six months' notice.",
            "six months",
            "Under the Geneva Weapons Treaty, either side can withdraw from the treaty with six months' notice.",
        ),
        (
            "The protocol requires states to notify the body at least 30 days before a launch.",
            "30 days",
            "The Geneva Weapons Treaty requires states to notify the body at least 30 days before a launch.",
        ),
    ],
)
def test_terms_the_treaty_sets(sentence: str, answer: str, statement: str):
    found = _limits(sentence)
    assert [(f.answer, f.statement) for f in found] == [(answer, statement)]


def test_a_cap_on_something_counted_has_a_quantity():
    [fact] = _limits("Each party may deploy no more than 100 interceptor launchers.")
    assert fact.answer == "no more than 100"
    assert fact.quantity == quizgen.Quantity(100, "no more than 100", "interceptor launchers", "limit")
    [fact] = _limits("The country may store no more than 3.6 million acre-feet on the western rivers.")
    assert fact.answer == "no more than 3.6 million acre-feet" and fact.quantity.measure == "acre-feet"
    # A deadline is a term, but "to how many years does the treaty limit …" would ask nothing
    [fact] = _limits("Each member must clear the mined areas under its control within ten years.")
    assert fact.quantity is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Up to 40 people may have died in the attack.",  # "may" of possibility, "up to" of a count
        "Iran said it would keep no more than 300 kilograms of uranium.",  # a claim
        "If Russia deploys no more than 500 missiles, the talks could resume.",  # a condition
        "The treaty could collapse within two weeks.",  # the treaty's fate, not a term
        "The US withdrawal took effect six months after that announcement.",  # history, not the rule
        "The treaty now has 164 states parties.",  # a count
        "Rich countries pledged to mobilise up to $100 billion a year.",  # money pledged
        "Russia must withdraw its troops within 30 days.",  # a demand on a country, not a term of the treaty
        "The two sides met within three days of the vote.",  # no obligation
        "Neither side agreed to deploy up to 50 more missiles within a year.",  # negated
        "Under the deal, Iran has enriched uranium to up to 60 percent purity.",  # what happened, no term
        "Under the agreement, Russia withdrew 10,000 troops within two months.",
        "The treaty was signed by up to 50 countries.",
        "The deal will take effect within 30 days.",
        "Russia has up to 2,000 tactical nuclear warheads, analysts estimate.",
        "Negotiators hope to finish within two weeks.",
        "He urged Washington toward an agreement that would sharply reduce the two countries’ arsenals.",
    ],
)
def test_numbers_that_are_no_term_of_the_treaty(sentence: str):
    assert _limits(sentence) == []


def test_a_notice_given_in_advance_is_a_limit():
    text = (
        "The Montreal Protocol protects the ozone layer. Under the Montreal Protocol, a state party may withdraw "
        "by notifying the other parties 150 days in advance."
    )
    deck = rule_deck({"a": text}, title="t")
    assert [f.answer for f in deck.facts if f.kind == "limit"] == ["150 days"]


def test_deadlines_under_an_unnamed_treaty_and_scheduled_steps():
    texts = {
        "unnamed": "Egypt and Israel signed a peace treaty today. Under the treaty, Israel will withdraw its armed "
        "forces from the Sinai Peninsula within three years.",
        "scheduled": "Egypt and Israel signed the Camp David Treaty today. An interim withdrawal to a line east of El "
        "Arish is to be completed within nine months.",
        "maybe": "The Camp David Treaty was signed today. A withdrawal could be completed within nine months, "
        "officials said.",
    }
    deck = rule_deck(texts, title="t")
    found = {f.evidence[0].source: (f.answer, f.statement) for f in deck.facts if f.kind == "limit"}
    assert found["unnamed"][0] == "three years"
    assert found["scheduled"] == (
        "nine months",
        "Under the Camp David Treaty, an interim withdrawal to a line east of El Arish is to be completed within "
        "nine months.",
    )
    assert "maybe" not in found
