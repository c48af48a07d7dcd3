"""Who said it, through real spaCy parses."""

from __future__ import annotations

from conftest import rule_deck


def test_the_president_who_speaks_is_the_one_who_spoke_before_not_the_last_one_named():
    text = (
        "President George W. Bush announced on Thursday that the United States would leave the treaty.\n\n"
        "“I have concluded the treaty hinders our ability to protect our people,” Mr. Bush said.\n\n"
        "The treaty was signed in Moscow in 1972 by President Richard Nixon and Leonid Brezhnev.\n\n"
        "“One of the signatories no longer exists,” the president said.\n"
    )
    deck = rule_deck({"a": text}, title="t")
    speakers = {f.quote: f.answer for f in deck.facts if f.kind == "quote"}
    assert speakers["One of the signatories no longer exists,"] == "George W. Bush"


def test_words_quoted_inside_a_reported_claim_are_the_reporter_s():
    text = (
        "Kong Quan, a Foreign Ministry spokesman, said Beijing opposed the new system and urged the United States "
        "to “think carefully” before abandoning the treaty.\n"
    )
    deck = rule_deck({"a": text}, title="t")
    assert [(f.answer, f.quote) for f in deck.facts if f.kind == "quote"] == [("Kong Quan", "think carefully")]


def test_she_is_the_woman_named_before_not_the_man_quoted_last():
    text = (
        "German Chancellor Angela Merkel arrived in Minsk. Mrs Merkel met the others. "
        "Vladimir Putin said the talks had been long.\n\n"
        "“We have no illusions,” she said.\n"
    )
    deck = rule_deck({"a": text}, title="t")
    assert [(f.answer, f.quote) for f in deck.facts if f.kind == "quote"] == [
        ("Angela Merkel", "We have no illusions,")
    ]


def test_he_said_after_a_sentence_about_someone_is_that_someone():
    text = (
        "President Anwar el-Sadat of Egypt and Prime Minister Menachem Begin of Israel signed the treaty.\n\n"
        "“Let there be no more wars,” Mr. Sadat said.\n\n"
        "Mr. Begin, who had spoken first, thanked the hosts. “This is a great day,” he said.\n\n"
        "Jimmy Carter was more cautious. “It is only a first step,” he said.\n"
    )
    deck = rule_deck({"a": text}, title="t")
    speakers = {f.quote: f.answer for f in deck.facts if f.kind == "quote"}
    assert speakers == {
        "Let there be no more wars,": "Anwar el-Sadat",
        "This is a great day,": "Menachem Begin",
        "It is only a first step,": "Jimmy Carter",
    }


def test_a_titled_surname_is_a_name_when_the_article_never_gives_more():
    text = (
        "President Carter, who brought the two leaders together at Camp David, signed as a witness. "
        "Mr. Carter was more cautious. “We have won, at last, the first step of peace,” he said.\n"
    )
    deck = rule_deck({"a": text}, title="t")
    assert [f.answer for f in deck.facts if f.kind == "quote"] == ["Carter"]


def test_a_double_surname_first_named_in_the_byline_is_kept_whole():
    """Review r10: 'said Adeyinka-Ross' gave the quotation to 'Ross'."""
    text = (
        "Authors: Emeka Adeyinka-Ross, research associate\n\n"
        "The register of space objects has not kept pace with the market.\n\n"
        "“This is a fifty-year-old treaty that still does the one thing it was asked to do,” said Adeyinka-Ross.\n"
    )
    deck = rule_deck({"a": text}, title="t")
    assert {f.answer for f in deck.facts if f.kind == "quote"} == {"Adeyinka-Ross"}


def test_a_title_and_a_given_name_are_the_person_named_in_full_before():
    """Review r11 (and issue 10's own example): 'Sheikh Abdullah … thanked Netanyahu. "We chose the path of
    peace …," he said' gave the UAE minister's words to Netanyahu."""
    text = (
        "Prime Minister Ilan Barak and Foreign Minister Sheikh Abdullah bin Rashid al-Tamimi signed the Harbour "
        "Accord.\n\n"
        "Sheikh Abdullah, speaking partly in Arabic, thanked Barak for halting the annexation. “We chose the path "
        "of peace because it gives our young people a future,” he said.\n"
    )
    deck = rule_deck({"a": text}, title="t")
    speakers = {f.answer for f in deck.facts if f.kind == "quote" and "path of peace" in f.quote}
    assert speakers == {"Abdullah bin Rashid al-Tamimi"}
