"""The generous proposers, each alone, on invented sentences through real spaCy parses: what each must propose,
and the near misses it must not. (Whether a proposal becomes a fact is the model's decision: tested apart.)"""

from __future__ import annotations

import pytest

from quizgen.corpus import make_article
from quizgen.extract.context import Candidate
from quizgen.extract.nlp import load_pipeline
from quizgen.extract.pipeline import _parser_texts, propose_article, treaty_names
from quizgen.extract.proposals import loose_date
from quizgen.model import DateValue


def proposed(text: str, extractor: str, kind: str | None = None) -> list[Candidate]:
    """What `extractor` proposes on `text` (an article of its own), in article order."""
    article = make_article(text, "a", "a.txt", "a")
    docs = list(load_pipeline().pipe(_parser_texts(article)))
    return [
        p.cand
        for p in propose_article(article, docs, treaty_names([article]))
        if any(r.split(".", 1)[0] == extractor for r in p.rules) and (kind is None or p.cand.kind == kind)
    ]


def answers(text: str, extractor: str, kind: str | None = None) -> set[str]:
    return {c.answer for c in proposed(text, extractor, kind)}


@pytest.mark.parametrize(
    "text, date",
    [
        ("early 1963", DateValue(1963)),
        ("autumn of 1963", DateValue(1963)),
        ("mid-1992", DateValue(1992)),
        ("17.04.2001", DateValue(2001, 4, 17)),
        ("twenty-ninth of March 2017", DateValue(2017, 3, 29)),
        ("3 to 7 July 1973", DateValue(1973, 7, 3)),
        ("July 30 to August 1, 1975", DateValue(1975, 7, 30)),
        ("2024–2026", DateValue(2024)),
    ],
)
def test_dates_the_calendar_parser_did_not_read(text: str, date: DateValue):
    found = loose_date(text, None)
    assert found is not None and found[0] == date


@pytest.mark.parametrize("text", ["the 1980s", "Article 5", "the following year", "32.13.2001"])
def test_no_date_where_there_is_none_to_place(text: str):
    assert loose_date(text, None) is None


def test_every_date_of_a_sentence_is_proposed():
    text = "The moratorium began in early 1963. The protocol was signed on 17.04.2001 in Minsk."
    dates = {c.answer: c.date for c in proposed(text, "any_dates")}
    assert dates == {"early 1963": DateValue(1963), "17.04.2001": DateValue(2001, 4, 17)}


def test_written_dates_the_tagger_misses_or_mislabels_are_proposed():
    text = (
        "The second meeting, in Vienna, opened on 11 November 1980 and dragged on until 9 September 1983, "
        "surviving two crises.\n\nKey dates:\n\n- January 14, 1994: a joint statement was signed in Moscow.\n"
    )
    dates = {c.answer: c.date for c in proposed(text, "any_dates")}
    assert dates["9 September 1983"] == DateValue(1983, 9, 9)
    assert dates["January 14, 1994"] == DateValue(1994, 1, 14)


def test_a_month_name_alone_or_a_number_is_no_written_date():
    text = "The talks may resume. Some 2,000 inspectors will march in May.\n"
    assert {c.answer for c in proposed(text, "any_dates")} <= {"May"}


def test_limits_listed_after_a_dash_and_counts_the_treaty_sets():
    text = (
        "The treaty sets central limits – 1,550 deployed nuclear warheads, 700 total deployed missiles and "
        "bombers, and 800 deployed and non-deployed launchers. Each side may conduct eighteen on-site "
        "inspections per year."
    )
    assert {"1,550", "700", "800", "eighteen"} <= answers(text, "amounts")
    # and the same numbers as figures an event can be about
    assert {"1,550", "700", "800"} <= answers(text, "figures")


def test_a_year_is_no_amount():
    assert answers("The talks began in 1991 and ended in 1993.", "amounts") == set()


def test_counts_of_what_happened_are_figures():
    assert any("1,500" in a for a in answers("More than 1,500 observation flights have taken place.", "figures"))


def test_states_that_signed_but_did_not_ratify_are_each_proposed():
    text = "China, Egypt, Iran, Israel and the United States have signed but not ratified the treaty."
    assert {"China", "Egypt", "Iran", "Israel", "the United States"} <= answers(text, "parties")


def test_a_state_whose_own_verb_is_denied_is_no_party():
    """Review r10: 'The United States … did not ratify Trianon' became 'The United States ratified …'."""
    denied = (
        "The treaty entered into force in 1921. The United States, whose Senate had declined to ratify the "
        "Versailles settlement, did not ratify the Treaty of Trianon. Kelmar refused to sign the Harbour Accord. "
        "Neither Brazil nor India has joined the Harbour Accord."
    )
    assert not answers(denied, "parties") & {"The United States", "the United States", "Kelmar", "Brazil", "India"}
    assert "Norvald" in answers("Norvald did not hesitate: it ratified the Harbour Accord in 2031.", "parties")
    gapped = (
        "Kelmar ratified the Harbour Accord in 2031, Norvald in 2032 and Ostrava in 2033; Tellen, which signed "
        "it in 2030, did not ratify it."
    )
    assert {"Kelmar", "Norvald", "Ostrava"} <= answers(gapped, "parties")


def test_parties_listed_under_a_line_about_signing_and_the_sides_of_an_agreement_between_two():
    listed = "The Harbour Accord was a success.\n\nThe original signatories were:\n\n- France\n\n- Norway\n"
    assert {"France", "Norway"} <= answers(listed, "parties")
    between = "Talks on the agreement between Kosovo and Serbia resumed in Brussels."
    assert {"Kosovo", "Serbia"} <= answers(between, "parties")


def test_states_in_a_sentence_about_something_else_are_no_parties():
    assert answers("China and Egypt held talks on trade in Cairo.", "parties") == set()


def test_an_actor_described_but_not_named():
    text = "A senior EU official said the deal was fragile. Civil society groups warned it would fail."
    assert {"senior EU official", "Civil society groups"} <= answers(text, "actors", "position")


def test_ministers_in_the_plural_are_all_of_them_not_the_minister_named_last():
    text = (
        "Foreign Minister Anna Lindqvist of Sweden met Foreign Minister Pekka Virtanen of Finland. "
        "The Ministers welcomed the signing of the agreement."
    )
    found = proposed(text, "actors", "position")
    assert {c.answer for c in found if "welcomed" in c.evidence} == {"Ministers"}


def test_a_source_of_data_is_no_actor():
    assert answers("The data show a decline in stockpiles.", "actors") == set()


def test_events_of_a_treaty_s_life_and_the_sentence_as_a_whole():
    text = "The Biden administration extended the treaty by five years."
    statements = [c.statement for c in proposed(text, "happenings", "event")]
    assert any("extended the treaty by five years" in s for s in statements)


def test_an_event_s_answer_is_not_a_name_inside_a_clause_of_its_own():
    text = (
        "The Kremlin rejected the offer of an extension of the accord, signed between Moscow and Washington in 2010.\n"
    )
    whole = [c for c in proposed(text, "happenings") if c.rule == "happenings.sentence"]
    assert whole and all(c.answer != "Moscow" for c in whole)


def test_what_a_treaty_forbids_without_a_number():
    found = proposed("The treaty bans the placing of nuclear weapons in orbit.", "provisions")
    assert [c.kind for c in found] == ["limit"]
    assert "nuclear weapons" in found[0].statement


def test_a_plain_clause_is_no_provision():
    assert proposed("The satellites circled the Earth for a week.", "provisions") == []


def test_what_a_named_person_is():
    text = (
        "Tinne Van der Straeten, Belgium's energy minister, welcomed the vote. The philosopher Jan Patočka "
        "signed the charter."
    )
    roles = {(c.subject, c.answer) for c in proposed(text, "descriptions")}
    assert ("Tinne Van der Straeten", "Belgium's energy minister") in roles
    assert ("Jan Patočka", "philosopher") in roles


def test_an_office_said_with_as_or_after_the_name_and_a_list_s_shared_title_only_when_plural():
    text = (
        "Charles Michel, President of the European Council, signed the agreement. Eduard Shevardnadze resigned "
        "as Soviet foreign minister in December 1990. The commission included Generals William Sherman and "
        "Alfred Terry, along with Senator John Henderson and Samuel Tappan."
    )
    roles = {(c.subject, c.answer) for c in proposed(text, "descriptions")}
    assert ("Charles Michel", "President of the European Council") in roles
    assert ("Eduard Shevardnadze", "Soviet foreign minister") in roles
    assert ("Alfred Terry", "Generals") in roles  # a plural title is every listed name's
    assert not [r for r in roles if r[0] == "Samuel Tappan"]  # "Senator" is Henderson's alone


def test_an_office_said_before_the_name_and_set_off_by_a_comma():
    text = "The British delegation was headed by the Foreign Secretary, Lord Alan Curzon, who chaired the commission."
    roles = {(c.subject, c.answer) for c in proposed(text, "descriptions")}
    assert ("Alan Curzon", "Foreign Secretary") in roles


def test_the_speaker_named_a_paragraph_before_is_among_a_quotation_s_speakers():
    text = (
        "The foreign minister of the Emirates, Abdullah bin Zayed, thanked the United States.\n\n"
        "“We thank both sides for choosing peace and for the courage it took,” he wrote.\n"
    )
    speakers = {c.answer for c in proposed(text, "speakers", "quote")}
    assert "Abdullah bin Zayed" in speakers


def test_a_speaker_described_in_the_sentence_before_is_among_the_next_quotation_s_speakers():
    text = (
        'Diplomats in Geneva said the lines would be hard to draw. "There is no map in the text," one Western '
        'official said. "Whoever holds a village tomorrow will say it was always his."\n'
    )
    found = [c for c in proposed(text, "speakers", "quote") if "Whoever" in (c.quote or "")]
    assert "one Western official" in {c.answer for c in found}


def test_a_transcript_speaker_s_turn_states_the_speaker_s_views():
    text = (
        "Press conference in Geneva, 3 May 2024\n\n"
        "Foreign Minister Maria Lopez of Chile spoke to reporters after the talks.\n\n"
        "MARIA LOPEZ: We reject the proposal on inspections.\n\n"
        "Q: Will Chile sign the accord?\n\n"
        "MARIA LOPEZ: We will sign it when the text is fair.\n"
    )
    turns = proposed(text, "turns")
    assert {c.answer for c in turns} == {"Maria Lopez"}
    assert any("We reject the proposal on inspections" in c.statement for c in turns)
    assert not any("Will Chile sign" in c.evidence for c in turns)  # the question is not hers


def test_a_turn_s_first_sentence_is_the_speaker_s_though_the_label_heads_its_parse():
    text = (
        "Remarks at the Harbour Forum, 3 May 2024\n\n"
        "The negotiator Michel Barnier answered questions after his speech.\n\n"
        "QUESTION: Do you regret the backstop?\n\n"
        "MICHEL BARNIER: I regret nothing that protected the peace agreement. It was an insurance.\n"
    )
    turns = proposed(text, "turns")
    assert any(c.evidence.startswith("MICHEL BARNIER: I regret nothing") for c in turns)
    assert {c.answer for c in turns} == {"Michel Barnier"}


def test_it_and_they_stand_for_the_state_or_group_named_before():
    text = (
        "Norway disagrees with the fishing states. The treaty, it argues, grants equal rights only on the islands."
        "\n\nDeveloping countries met in Bonn. They proposed a fund of $100 billion a year.\n"
    )
    found = {(c.answer, c.rule) for c in proposed(text, "actors")}
    assert ("Norway", "actors.pronoun") in found
    assert ("Developing countries", "actors.pronoun") in found


def test_its_is_the_state_the_sentence_names_before_it():
    text = (
        "Beijing rejected the proposal. On Tuesday, the Russian foreign minister criticized the United States for "
        "its reluctance to extend the treaty.\n"
    )
    owners = {c.answer for c in proposed(text, "actors") if c.rule == "actors.pronoun"}
    assert owners <= {"United States"}


def test_it_stands_for_no_person():
    text = "Maria Lopez spoke for an hour. It was a long speech, and it argued for the treaty.\n"
    assert not any(c.rule == "actors.pronoun" for c in proposed(text, "actors"))


def test_a_subheading_with_a_colon_is_no_speaker_label():
    text = "The accord is in trouble.\n\nKey points: the accord is weak and the parties are divided.\n"
    assert proposed(text, "turns") == []


def test_a_paper_s_author_holds_its_arguments():
    text = (
        "Fit for Purpose? The Harbour Accord at Forty\n\n"
        "By Ana Ruiz, Senior Fellow, Meridian Institute for Security Policy\n\n"
        "This paper argues that the Harbour Accord no longer restrains its parties. Governments should "
        "renegotiate its verification annex.\n"
    )
    found = proposed(text, "authors")
    assert {c.answer for c in found} == {"Ana Ruiz"}
    assert {c.rule for c in found} == {"authors.the_paper", "authors.ought"}
    assert {c.hints["piece"] for c in found} == {"scholar"}


def test_a_byline_after_the_standfirst_or_among_a_header_s_parts():
    essay = (
        "The Pact That Failed, and Then Won\n\n"
        "The Harbour Pact of 1928 is remembered as a joke. It deserves better.\n\n"
        "By Lucia Marrow-Finch\nProfessor of Diplomatic History, Halvern College\n\n"
        "I think the smile is misplaced. Norms do not have to enforce themselves to matter.\n"
    )
    assert answers(essay, "authors") == {"Lucia Marrow-Finch"}
    paper = (
        "Thirty by Thirty: Can the Framework Last?\n\n"
        "Working Paper 2025/09 — Dr. Ayelet Moreno-Fairbanks, Programme Lead, Tessaly Institute\n\n"
        "Summary\n\nGovernments should fund the framework in full.\n"
    )
    assert answers(paper, "authors") == {"Ayelet Moreno-Fairbanks"}


def test_a_headline_a_kicker_or_an_outlet_is_no_author():
    for text in (
        "Outer Space Treaty\n\nThe treaty bans weapons in orbit. States should keep it.\n",
        "Passport-free Europe\n\nBy Liesl Amarante | Rhinefield Courier\n\nThe rules are strict, she said.\n",
        "Accord signed\n\nEastbridge Public Radio\n\nThe accord should last. It was signed on Monday.\n",
    ):
        assert answers(text, "authors") <= {"Liesl Amarante"}


def test_a_reporter_s_byline_marks_news():
    text = "Accord in trouble\n\nBy Tom Fay, Harbour News Service\n\nThe accord is in trouble, diplomats said.\n"
    assert {c.hints.get("piece") for c in proposed(text, "authors")} <= {"news"}


def test_a_transcripts_speaker_label_is_no_treaty_name():
    """'ANCHOR: …' was learnt as a treaty's acronym, and the quiz asked 'Which country is a party to ANCHOR?'."""
    from quizgen.extract.context import find_treaty_names

    assert find_treaty_names("ANCHOR: Who were the six?") == []
    assert find_treaty_names("MODERATOR (JANE ROE): Let us begin.") == []
    # near misses: a treaty's acronym at a line's start, in a list line, or followed by a colon in a sentence
    assert find_treaty_names("SALT: the first talks opened in 1969.") == [("SALT", None)]
    assert find_treaty_names("- CTBT: signed but never in force") == [("CTBT", None)]
    assert ("JCPOA", None) in find_treaty_names("The deal they called the JCPOA: a nuclear bargain.")


def test_a_capitals_name_makes_no_second_party_when_the_country_is_named_beside_it():
    """'Moscow is a party to New START' came from "between the US and Russia … extended by Moscow and
    Washington", beside the Russia it stands for."""
    text = (
        "New START talks\n\nThe New START treaty, the last arms control deal between the US and Russia, expires "
        "in February if not extended by Moscow and Washington.\n"
    )
    found = answers(text, "parties", "signatory")
    assert "Russia" in found
    assert not {"Moscow", "Washington"} & found
