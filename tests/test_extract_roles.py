"""Offices and occupations, through real spaCy parses."""

from __future__ import annotations

from conftest import rule_deck


def test_an_occupation_set_off_after_a_name_with_its_organization_is_a_role():
    texts = {
        "a": '"The dams are not there," said Meera Sundaram, a hydrologist at the South Asia Water Institute.',
        "b": "Anna Berg, an analyst at the Stockholm International Peace Research Institute, said it was dangerous.",
        "c": "Ellen Marsh, a resident of Geneva, said the move was dangerous.",  # a place: no office
        "d": "John Smith, a critic of the deal, said it would fail.",  # no organization: no office
    }
    deck = rule_deck(texts, title="t")
    roles = {f.evidence[0].source: (f.answer, f.statement) for f in deck.facts if f.kind == "role"}
    assert roles == {
        "a": (
            "hydrologist at the South Asia Water Institute",
            "Meera Sundaram is a hydrologist at the South Asia Water Institute.",
        ),
        "b": (
            "analyst at the Stockholm International Peace Research Institute",
            "Anna Berg is an analyst at the Stockholm International Peace Research Institute.",
        ),
    }


def test_an_office_of_a_common_noun_s_keeps_its_article():
    text = "Stephen Yurek, the institute’s president, said the vote was welcome."
    deck = rule_deck({"a": text}, title="t")
    assert [f.statement for f in deck.facts if f.kind == "role"] == ["Stephen Yurek is the institute’s president."]


def test_a_name_the_tagger_missed_is_still_a_person_when_a_title_sets_it_off():
    texts = {
        "appos": 'Agnes Callamard, the secretary general of Amnesty International, called it "a shameful move".',
        "org": "The Arms Control Association, a Washington group, welcomed the move.",  # no person here
    }
    deck = rule_deck(texts, title="t")
    roles = {(f.evidence[0].source, f.answer, f.statement) for f in deck.facts if f.kind == "role"}
    assert roles == {
        (
            "appos",
            "secretary general of Amnesty International",
            "Agnes Callamard is the secretary general of Amnesty International.",
        )
    }
