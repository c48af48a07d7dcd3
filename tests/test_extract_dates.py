"""Date patterns on short sentences, through real spaCy parses."""

from __future__ import annotations

import pytest
from conftest import rule_deck


@pytest.fixture(scope="module")
def dates():
    texts = {
        "named": "It added that it could hold in abeyance all bilateral agreements with India, including the 1972 "
        "Simla Agreement.",
        "nbsp": "Under the four-page text, dated 29\u00a0February 2020, Washington will reduce its forces.",
        "run-on": "The United States invaded Afghanistan in October 2001, weeks after the September 11 attacks.",
        "to-be": "The agreement calls for up to 5,000 prisoners to be freed by 10 March.",
    }
    deck = rule_deck(texts, title="t")
    return {f.evidence[0].source: (f.answer, f.statement) for f in deck.facts if f.kind == "date"}


def test_a_year_before_a_treaty_name_dates_the_treaty(dates):
    assert dates["named"] == ("1972", "The Simla Agreement dates from 1972.")


def test_a_day_split_off_by_a_no_break_space_is_kept(dates):
    assert dates["nbsp"][0] == "29\u00a0February 2020"


def test_a_date_entity_that_runs_on_past_a_comma_is_cut_there(dates):
    assert dates["run-on"][0] == "October 2001"
    assert dates["run-on"][1].startswith("In October 2001, the United States invaded Afghanistan")


def test_what_is_to_happen_by_a_date_reads_as_a_sentence(dates):
    assert dates["to-be"] == ("10 March", "Up to 5,000 prisoners are to be freed by 10 March.")


def test_he_in_what_someone_is_reported_to_say_is_that_someone():
    text = (
        "Turkish President Tayyip Erdogan said he believed Russian President Vladimir Putin wanted the deal to "
        "continue and that he would discuss the matter with him in August."
    )
    deck = rule_deck({"a": text}, title="t")
    assert [f.statement for f in deck.facts if f.kind == "date"] == [
        "In August, Tayyip Erdogan would discuss the matter with him."
    ]


def test_statements_for_relative_dates_and_participles_read_as_sentences():
    text = (
        "Arriving in Northern Ireland on Tuesday, Tony Blair had set the tone for the week.\n\n"
        "The British and Irish governments yesterday reached an agreement aimed at ending the conflict.\n\n"
        "The Democratic Unionist leader, Ian Paisley, whose party walked out of the talks last year, denounced it.\n"
    )
    deck = rule_deck({"a": text}, title="t", published={"a": "1998-04-11"})
    statements = sorted(f.statement for f in deck.facts if f.kind == "date")
    assert statements == [
        "Tony Blair arrived in Northern Ireland on Tuesday.",
        "Yesterday, the British and Irish governments reached an agreement aimed at ending the conflict.",
    ]  # and no "Whose party walked out …"


def test_a_year_before_another_agreement_dates_that_agreement_not_the_article_s():
    text = (
        "The Declaration of Principles was signed in Khartoum. Egypt accused Ethiopia on Tuesday of breaching a "
        "2015 agreement on the dam."
    )
    deck = rule_deck({"a": text}, title="t")
    assert [f.statement for f in deck.facts if f.kind == "date"] == ["The agreement on the dam dates from 2015."]


def test_a_phrasal_verbs_particle_is_written_once():
    """'The Soviet satellite broke up up over northern Canada' (the particle came with the verb and again with
    what follows it)."""
    import quizgen

    deck = quizgen.extract_texts({"a": "The Soviet satellite broke up over northern Canada on 24 January 1978."})
    (fact,) = [f for f in deck.facts if f.kind == "date"]
    assert fact.statement == "The Soviet satellite broke up over northern Canada on 24 January 1978."
