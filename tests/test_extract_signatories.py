"""Signatory patterns on short articles, through real spaCy parses: what must be found, and the near misses
that must not."""

from __future__ import annotations

import pytest
from conftest import rule_deck


@pytest.fixture(scope="module")
def parties():
    lead = "The Cluster Munitions Convention bans the weapons. "
    texts = {
        "accede": lead + "Norway acceded in 2009, and Chile joined in 2010.",
        "appos": lead + "Peru, a party since 2012, has destroyed its stocks.",
        "political": lead + "Labour, the ruling party, backed the convention in a vote.",
        "with": "Argentina said it would suspend the Plata River Treaty with Uruguay. The Plata River Treaty dates "
        "from 1954.",
        "two": "The Harbour Accord was signed in a hotel by Jan Novak, the Czech foreign minister, and "
        "Pavel Horak, the Slovak envoy. The Harbour Accord governs shipping.",
        "neither": lead + "Neither Brazil nor India nor Egypt has ever joined it. Japan has not ratified it.",
        "never": lead + "Kenya never signed the convention.",
        "legislature": lead + "Ghana signed the convention in 2008, and Parliament ratified it in 2011. The "
        "Senate ratified the convention as well.",
    }
    deck = rule_deck(texts, title="t")
    out: dict[str, set[str]] = {k: set() for k in texts}
    for fact in deck.facts:
        if fact.kind == "signatory":
            for ev in fact.evidence:
                out[ev.source].add(fact.answer)
    return out


def test_accession_without_an_object(parties):
    assert {"Norway", "Chile"} <= parties["accede"]


def test_a_party_in_apposition(parties):
    assert "Peru" in parties["appos"]
    assert "Labour" not in parties["political"]  # a political party is no party to a treaty


def test_a_treaty_named_with_its_other_party(parties):
    assert {"Argentina", "Uruguay"} <= parties["with"]


def test_both_signers_of_a_split_by_phrase(parties):
    assert {"Jan Novak", "Pavel Horak"} <= parties["two"]


def test_negation_makes_no_party(parties):
    assert not parties["neither"] & {"Brazil", "India", "Egypt", "Japan"}
    assert "Kenya" not in parties["never"]


def test_a_legislature_is_no_party(parties):
    assert "Ghana" in parties["legislature"]
    assert not parties["legislature"] & {"Parliament", "Senate"}


def test_states_listed_after_a_count_are_the_parties_not_the_count():
    text = (
        "The Arms Trade Treaty entered into force on 24 December 2014, 90 days after the 50th country ratified it. "
        "More than 100 countries have since ratified the treaty, including Britain, France and Germany.\n"
    )
    deck = rule_deck({"a": text}, title="t")
    assert sorted(f.answer for f in deck.facts if f.kind == "signatory") == ["Britain", "France", "Germany"]


def test_a_treaty_is_never_its_own_signatory():
    text = (
        "The Plutonium Management and Disposition Agreement, signed in 2000 and amended by a protocol in 2010, "
        "commits each side to dispose of 34\u00a0metric tons of weapons-grade plutonium.\n"
    )
    deck = rule_deck({"a": text}, title="t")
    assert [f for f in deck.facts if f.kind == "signatory"] == []
    # and the amount it commits the parties to is a limit, written as the article writes it
    assert [f.answer for f in deck.facts if f.kind == "limit"] == ["34\u00a0metric tons"]


def test_a_condition_or_a_share_of_the_signers_names_no_party():
    texts = {
        "once": "The Pandemic Agreement will enter into force once 60 countries have ratified it.",
        "share": "The CFE Treaty was signed in Paris on 19 November 1990 by 22 states, including six members of the "
        "Warsaw Pact.",
    }
    deck = rule_deck(texts, title="t")
    answers = [f.answer for f in deck.facts if f.kind == "signatory"]
    assert "60 countries" not in answers and "six members" not in answers


def test_a_named_state_s_legislature_ratifying_makes_the_state_a_party():
    text = (
        "The Kigali Amendment to the Montreal Protocol commits wealthy nations to cut their use of the gases. "
        "The US Senate has ratified a global agreement to phase down hydrofluorocarbons. "
        "Parliament ratified it in 2002."
    )
    deck = rule_deck({"a": text}, title="t")
    assert [f.answer for f in deck.facts if f.kind == "signatory"] == ["US"]


def test_putting_names_to_a_text_and_a_list_of_members_name_parties():
    texts = {
        "names": "Egypt and Israel signed a peace treaty today. President Anwar el-Sadat of Egypt and Prime Minister "
        "Menachem Begin of Israel put their names to the Arabic, Hebrew and English texts of the treaty.",
        "members": "Britain signed a treaty to join the CPTPP trade pact. The bloc's 11 existing members are Japan, "
        "Canada, Australia and Peru.",
        "statute": "Hungary signed the Rome Statute in 1999 and ratified it in 2001.",
    }
    deck = rule_deck(texts, title="t")
    found = {(f.evidence[0].source, f.answer) for f in deck.facts if f.kind == "signatory"}
    assert {("names", "Anwar el-Sadat"), ("names", "Menachem Begin")} <= found
    assert {("members", c) for c in ("Japan", "Canada", "Australia", "Peru")} <= found
    assert ("statute", "Hungary") in found
    statements = {f.statement for f in deck.facts if f.kind == "signatory"}
    assert "Japan is a party to the CPTPP trade pact." in statements


def test_a_ratification_still_to_come_or_a_person_s_pledge_names_no_party():
    texts = {
        "must": "The Moscow Treaty was signed on Friday. The treaty must be ratified by the U.S. Senate and by the "
        "Russian parliament.",
        "pledge": "Reagan, who campaigned against the SALT II Treaty as fatally flawed, nonetheless pledged to abide "
        "by the SALT II Treaty.",
    }
    deck = rule_deck(texts, title="t")
    assert [f.answer for f in deck.facts if f.kind == "signatory"] == []
