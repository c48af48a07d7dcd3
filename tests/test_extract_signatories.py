"""Signatory patterns on short articles, through real spaCy parses: what must be found, and the near misses
that must not."""

from __future__ import annotations

import pytest

import quizgen


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
    deck = quizgen.extract_texts(texts, title="t")
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
