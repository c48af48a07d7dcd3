"""Event patterns on short articles, through real spaCy parses: what must be found, and the near misses
that must not."""

from __future__ import annotations

import pytest
from conftest import rule_deck


@pytest.fixture(scope="module")
def events():
    lead = "The Harbour Accord governs shipping. "
    texts = {
        "televised": lead + "President Marta Silva replied within hours in a televised statement.",
        "call": lead + "Secretary of State Jorge Lopez made the decision. Chile’s foreign minister, Maria Gonzalez, "
        "had been told of the decision by Mr. Lopez in a telephone call on Monday.",
        "language": lead + "Mehmet Kaya, speaking in Turkish, said the accord was fair.",
        "rally": lead + "Opposition leader Omar Haddad told a rally in Tunis that the accord was dead.",
        "meeting": lead + "Foreign Secretary Ravi Kumar announced the decision after a meeting of the National "
        "Defence Council.",
        "abeyance": "Argentina said on Monday it would hold the Plata River Treaty with Uruguay in abeyance. "
        "The Plata River Treaty dates from 1973.",
        "announced": lead + "President Carlos Vega announced that Bolivia would quit the accord.",
        "intention": lead + "Peru announced its intention to leave the accord on 3 May.",
        "will": lead + "Ecuador will withdraw from the Harbour Accord, Prime Minister Luis Mora said, becoming "
        "the second country to abandon the pact.",
        # near misses
        "plain": lead + "A ministry spokesman said in a statement that the accord was working.",
        "signed_in": lead + "The accord was signed in Lima on 2 June 2001 and entered into force in 2003.",
        "rule": lead + "A withdrawal takes effect six months after a country notifies the depositary.",
        "could": lead + "Argentina said it could hold all other agreements with Uruguay in abeyance.",
        "ditch": lead + "Brazil has decided to ditch important talks on the accord.",
    }
    deck = rule_deck(texts, title="t")
    out: dict[str, list[tuple[str, str]]] = {k: [] for k in texts}
    for fact in deck.facts:
        if fact.kind == "event":
            for ev in fact.evidence:
                out[ev.source].append((fact.answer, fact.statement))
    return out


def test_how_something_was_said(events):
    assert ("televised statement", "Marta Silva replied in a televised statement.") in events["televised"]
    assert ("telephone call", "Jorge Lopez told Maria Gonzalez of the decision in a telephone call.") in events["call"]
    assert ("Turkish", "Mehmet Kaya spoke in Turkish.") in events["language"]
    assert ("rally in Tunis", "Omar Haddad told a rally in Tunis.") in events["rally"]


def test_a_meeting_of_a_named_body(events):
    assert any(a == "National Defence Council" and "after a meeting of" in s for a, s in events["meeting"])


def test_announced_suspensions_and_withdrawals(events):
    assert any(a == "Plata River Treaty" and "in abeyance" in s for a, s in events["abeyance"])
    assert any("would quit the accord" in s for _, s in events["announced"])
    assert any(a == "announced its intention to leave the accord" for a, _ in events["intention"])
    # the tense the article has, and no departure for whoever is 'the second country to abandon' it
    assert [s for _, s in events["will"]] == ["Ecuador will withdraw from the Harbour Accord."]


def test_near_misses_are_no_events(events):
    assert events["plain"] == []  # a bare "said in a statement"
    assert events["signed_in"] == []  # where it was signed, when it entered into force: no events
    assert events["rule"] == []  # how withdrawal works in general
    assert events["could"] == []
    assert events["ditch"] == []


def test_an_announcement_at_a_gathering_and_words_on_television_are_events():
    texts = {
        "made": "President Donald Trump made the announcement at the annual meeting of the National Rifle "
        "Association in Indianapolis.",
        "tv": "Speaking on state television later in the day, Foreign Minister Sergei Lavrov said the United States "
        "could not expect to keep cooperating.",
        "plain-tv": "Lavrov often speaks on television.",  # no particular broadcaster: nothing to ask
    }
    deck = rule_deck(texts, title="t")
    events = {f.evidence[0].source: (f.answer, f.statement) for f in deck.facts if f.kind == "event"}
    assert events["made"] == (
        "annual meeting",
        "Donald Trump made the announcement at the annual meeting of the National Rifle Association in Indianapolis.",
    )
    assert events["tv"] == ("state television", "Sergei Lavrov spoke on state television.")
    assert "plain-tv" not in events


def test_urging_someone_to_attend_is_no_attendance_and_an_apposition_s_possessor_is_not_the_actor():
    text = (
        "Prime Minister Yoshihide Suga said Japan would not join. Komeito, the junior partner in Suga's ruling "
        "coalition, has urged the government to attend the first meeting as an observer."
    )
    deck = rule_deck({"a": text}, title="t")
    assert [f for f in deck.facts if f.kind == "event"] == []
    urged = [f for f in deck.facts if f.kind == "position" and "urged" in f.statement]
    assert [f.answer for f in urged] == ["Komeito"]


def test_the_first_country_to_leave_a_treaty_left_it_but_a_speaker_becoming_one_did_not():
    texts = {
        "first": "Lithuania on Thursday became the first country to leave the Convention on Cluster Munitions, the "
        "2008 treaty banning the weapons.",
        "said": "Finland will withdraw from the Ottawa Convention, Prime Minister Petteri Orpo said on Tuesday, "
        "becoming the latest country on NATO's eastern flank to abandon the pact.",
    }
    deck = rule_deck(texts, title="t")
    events = sorted((f.evidence[0].source, f.answer, f.statement) for f in deck.facts if f.kind == "event")
    assert events == [
        ("first", "Convention on Cluster Munitions", "Lithuania left the Convention on Cluster Munitions."),
        ("said", "Ottawa Convention", "Finland will withdraw from the Ottawa Convention."),
    ]


def test_a_bare_news_conference_or_a_meeting_called_names_is_no_event():
    texts = {
        "naming": "Sophie Hartmann called the meeting “another year lost” and urged governments to act.",
        "bare": "“The speed is not,” Meenakshi Rao, the Indian diplomat who chaired the talks, told a closing news "
        "conference.",
        "placed": "Foreign Ministry spokesman Liu Weimin told a regular briefing in Beijing on Tuesday that the move "
        "was regrettable.",
    }
    deck = rule_deck(texts, title="t")
    events = {f.evidence[0].source: f.answer for f in deck.facts if f.kind == "event"}
    assert "naming" not in events and "bare" not in events
    assert "regular briefing" in events["placed"]


def test_a_vote_never_held_or_expected_and_a_meeting_a_rule_requires_are_no_events():
    texts = {
        "never": "John Kerry signed the Arms Trade Treaty in 2013, but the Senate never voted on ratification.",
        "expected": "The Egyptian People's Assembly is expected to vote on the treaty next month.",
        "rule": "The first conference of the parties to the Arms Trade Treaty must be held within a year of the "
        "treaty entering into force.",
        "done": "The Duma voted 400 to 0 to revoke the ratification of the Comprehensive Nuclear-Test-Ban Treaty.",
    }
    deck = rule_deck(texts, title="t")
    sources = {f.evidence[0].source for f in deck.facts if f.kind == "event"}
    assert sources == {"done"}
