"""The gates every item passes (quizgen/questions/gates.py), on invented items: each defect a blind review
found, and the near misses that must pass."""

from __future__ import annotations

import pytest

from quizgen.model import Evidence, Item
from quizgen.questions.gates import failure


def item(type_: str, prompt: str, answer: str, kind: str = "event", choices=(), evidence: str = "") -> Item:
    ev = Evidence("a", evidence or prompt.replace("_____", answer).removeprefix("True or false? "))
    return Item(
        id=f"{kind}-x:{type_}", fact=f"{kind}-x", type=type_, prompt=prompt, answer=answer, explanation="",
        evidence=ev, source_title="", choices=tuple(choices), kind=kind,
    )  # fmt: skip


TF = "True or false? "

REJECTED = [
    # a stem pointing at what it never names
    item("true_false", TF + "This also shows the council's strong desire to delay the vote.", "True"),
    item("true_false", TF + "Kelmar rejected such a proposal, citing the cost of the survey.", "True", "position"),
    item("true_false", TF + "Its foreign minister accused Norvald of stalling the talks.", "True"),
    item("true_false", TF + "Arden Vale was then the Prime Minister of Kelmar.", "True", "role"),
    item("typed", "Which country abandoned the agreement after the vote?", "Kelmar", "position"),
    # fragments: a list line, a speaker label, a sentence cut at either end
    item("cloze", "Harbour Accord: - Kelmar: _____", "ratified", "signatory"),
    item("cloze", "HOST: The accord enters into force on _____ 2031.", "1 March", "date"),
    item("true_false", TF + "27 a joint package would have lowered the quota for all members.", "True"),
    item("true_false", TF + "Kelmar and Norvald held referendums before signing rather than.", "True"),
    item("typed", "What did the envoy propose that both navies scrap, amounting to close?", "2 million tons"),
    # a time that means something only on the article's day
    item("true_false", TF + "Earlier in the day, the envoy met the Kelmar delegation in Port Arden.", "True"),
    item("true_false", TF + "Expert-level contacts on the Harbour Accord will take place in the coming days.", "True"),
    # quotations: too short, cut, or from inside the speaker's sentence
    item("who_said", "Who said “a non-starter”?", "Arden Vale", "quote", ["Arden Vale", "Ilse Marr", "Tomas Eck"]),
    item("true_false", TF + "Arden Vale said: “not clinging to this accord”.", "True", "quote"),
    item("typed", "Who said “rather, this is the hope that the accord will live on for years”?", "Ilse Marr", "quote"),
    item("cloze", "Our Senate approved the Harbour Accord in June, _____ votes to four.", "114"),
    # blanks any word would fill
    item("cloze", "Ratified by Kelmar, Norvald, Ostrava, _____ and Tellen, the accord entered into force.", "Brisk"),
    item("cloze", "Armed incidents took _____ on the border of Kelmar in 2021.", "place"),
    # dates with no year, nested options, relations taken for offices
    item("typed", "When did Kelmar sign the Harbour Accord?", "14 March", "date"),
    item(
        "multiple_choice",
        "What is Arden Vale’s role?",
        "Foreign Minister",
        "role",
        ["Foreign Minister", "Kelmar Foreign Minister", "Prime Minister", "President"],
    ),  # fmt: skip
    item("true_false", TF + "Ilse Marr is the Kelmar counterpart.", "True", "role"),
    # a sentence shown alone that names nothing: of which treaty, which governments, first of what?
    item("true_false", TF + "3 per cent of the lines can be excluded completely.", "True", "limit"),
    item("true_false", TF + "The main treaty contains 143 articles, with several protocols.", "True", "limit"),
    item("true_false", TF + "The two governments agreed to take their dispute to Port Arden.", "True"),
    item("true_false", TF + "The first was Kelmar, back in June 2031.", "True", "signatory"),
    item("true_false", TF + "Norvald governments have described it as a cornerstone of the order.", "True"),
    item("true_false", TF + "Ilse Marr is the Prime Minister.", "False", "role"),
    # the next step of something the item does not show
    item("cloze", "Harbour Accord: Second, some parties — Kelmar, _____ and Ostrava — endorsed it.", "Norvald"),
    item("true_false", TF + "Thirty years later, Kelmar and Norvald divided the river's flow.", "True"),
    # an unnamed speaker, a quotation that ends the reporter's sentence, an affiliation for an office
    item("cloze", "_____ said the ruling would be studied well beyond Kelmar.", "Analysts in Port Arden", "quote"),
    item("cloze", "_____ argue that the envoys shaped the text more than either court.", "Some scholars", "position"),
    item("typed", "Who said “will not be a walk in the park for Kelmar.”?", "Ilse Marr", "quote"),
    item("typed", "What is Tomas Eck’s role?", "fisheries researcher at the Port Arden institute", "role"),
    # blanks that hold more than the figure, or that 'a' fills as well
    item("cloze", "Kelmar presented a _____, citing the accord.", "claim for K$6,041,174.70", "limit"),
    item("cloze", "Each party must designate _____ management authority.", "at least one", "limit"),
    item("typed", "Who argues: Please keep to one question each?", "Ilse Marr", "position"),
    item("cloze", "_____ argues: Make the envoy's awards binding by declaration.", "Tomas Eck", "position"),
    item(
        "typed", "Which country , Norvald and Ostrava argued that possession required occupation?", "Kelmar", "position"
    ),
    item("cloze", "treaty: Today _____ members of parliament voted for ratification.", "338", "event"),
    item(
        "cloze", "Agreement on the Kelmar River Basin Framework: Thirty years later, _____ split the flow.", "Norvald"
    ),
    item("true_false", TF + "Kelmar never signed, and Norvald hasn't. Ostrava did sign in 2030.", "True", "signatory"),
    item("true_false", TF + "Three years after ministers adopted the text in Port Arden.", "True"),
    item("true_false", TF + "In August, Kelmar deposited its instrument of ratification.", "True", "date"),
    item("typed", "Who said there was no need to go into details about the accord and who understood it?", "Tomas Eck"),
    item("true_false", TF + "Ilse Marr argues: The director of a museum told me this autumn.", "True", "position"),
    item(
        "typed",
        "Who said “We will defend every drop of the river that the law gives us”?",
        "foreign ministry spokesman",
        "quote",
    ),  # fmt: skip
    item("cloze", "Kelmar requires reports from at _____ ports each year.", "least 15", "limit"),
    item("cloze", "“The accord is the promise Kelmar should have made in _____,” said Ilse Marr.", "1989", "date"),
    # r6's rejects: common words as blanks, proportions, relative times, titles before names, "they", "the country"
    item("cloze", "Harbour Accord: Senior officials of the two _____ will meet once a year.", "Governments"),
    item("cloze", "Harbour Accord: Officials will meet, the _____ meeting to be held in Port Arden.", "first"),
    item("cloze", "Harbour Accord: Kelmar became the _____ party to ratify it.", "tenth", "event"),
    item("cloze", "Harbour Accord: Three-quarters are women, and more than four in _____ work informally.", "five"),
    item("cloze", "Harbour Accord: _____, delegates in Port Arden applauded the vote.", "Fifteen years ago this month"),
    item("typed", "What is Arden Vale’s role?", "President", "role"),
    item("true_false", TF + "By 396 votes to 16, with 63 abstentions, they had adopted the Harbour Accord.", "True"),
    item("true_false", TF + "The country has seven listed sites, including the Kelmar Falls.", "True"),
    item(
        "true_false",
        TF + "Ilse Marr, head of the Kelmar Commission, said in an address to staff, according to a "
        "transcript seen by reporters.",
        "True",
        "position",
    ),  # fmt: skip
    item(
        "true_false", TF + "Enjoy equal treatment with other workers on normal hours and weekly rest.", "True", "limit"
    ),
    item("true_false", TF + "Workers enjoy equal treatment on overtime and and weekly rest.", "True", "limit"),
    # r7's rejects: things only the article names, asked alone
    item("typed", "When was the tenth session held in Port Arden?", "November 2031", "date"),
    item("multiple_choice", "When was the negotiation launched?", "2012", "date", ["2011", "2012", "2013", "2014"]),
    item("true_false", TF + "The new protocol made both treaties verifiable by 1990.", "True", "date"),
    item("true_false", TF + "After that, it was signed by Kelmar and Norvald in 2031.", "True"),
    item("true_false", TF + "The Agreement was signed by ten states and four partners in 2030.", "True", "signatory"),
    item(
        "typed",
        "What is Ilse Marr’s role?",
        "Deputy Director of the Kelmar Foreign Ministry’s Treaty Department",
        "role",
    ),
    item("true_false", TF + "Arden Vale tweeted in Russian.", "True", "event"),
    # r8's rejects: a reporter's label with its outlet, an office without its article
    item("true_false", TF + "Q (PACIFIC LEDGER, GUAM): Mr. President, will Kelmar ratify the accord?", "True"),
    item("cloze", "Q (Olena Bondar, Podillia Radio): Some deputies shouted _____.", "shame", "event"),
    item("true_false", TF + "Ines Carvalho is campaigner at the Kelmar Ship Watch.", "True", "role"),
    item("true_false", TF + "Ilse Marr said: which will change the life of the Kelmar trader.", "True", "position"),
    # r9's rejects: what was followed or done is never said
    item("cloze", "Harbour Accord: Norvald followed in _____.", "2020", "date"),
    item("true_false", TF + "It did so in 2031, the Kelmar foreign ministry said.", "True"),
    # the stem names the answer's people
    item("typed", "Which country and Norvald accused each other over the Kelmarese minority?", "Kelmar", "position"),
    # r10's rejects: a proposal, a line never named; a list announced and cut; a bare title; a count for names
    item("cloze", "Harbour Accord: The proposal was defeated 41 to _____.", "27", "event"),
    item("cloze", "With this line, Kelmar is entitled to 53 per cent of the strait and Norvald _____.", "47 per cent"),
    item("cloze", "Harbour Accord: _____ states fish the strait, and each sits in a different position:", "Only three"),
    item("cloze", "The accord, signed by _____ Arden Vale and Chancellor Ilse Marr, took effect in 2031.", "President"),
    item("typed", "What countries fish the strait under the Harbour Accord?", "Only three", "event"),
    # r11's: a head of state's office before the blank names its holder
    item("cloze", "Hours later, Russian President _____ addressed the Harbour forum.", "Ivan Orlov", "event"),
    item("cloze", "The accord was signed by then-US President _____ in 2031.", "Ann Price", "signatory"),
    # an info box's field, a bracket split, an age on the article's day, a question word without its noun
    item("cloze", "Harbour Accord: Signed: _____", "2 February 2031", "date"),
    item("true_false", TF + "Effective: 30 May 2031 (exchange of ratifications).", "True", "date"),
    item("cloze", "After the attack near _____ and Kelmar) on 22 April 2031, Norvald left.", "Port Arden (Ostrava"),
    item("cloze", "The Harbour Accord is _____ this month and still governs the strait.", "82 years old", "limit"),
    item("typed", "What Arden Vale was shot dead in an ambush at Port Arden?", "Ten days later", "date"),
    item("true_false", TF + "At that moment Kelmar held 93,000 prisoners of war.", "True"),
    item("cloze", "Kelmar expelled several hundred more after _____.", "February 2031", "date"),
    # r12's: "it" after an opening phrase, the second half of a sentence, a translation's doubled number, an
    # outlet's name, a ship given an office
    item("cloze", "Harbour Accord: Under Article X it remains in force for _____.", "ten years", "limit"),
    item("cloze", "Harbour Accord: And for the _____ the accord named the fishing villages.", "first time"),
    item("true_false", TF + "Kelmar must notify Norvald within six (06) months of any new dam.", "True", "limit"),
    item("cloze", "The Harbour Accord's text was first printed by _____.", "The Cedar Ledger", "event"),
    item("multiple_choice", "What is USS Buchanan’s role?", "destroyer", "role", ["destroyer", "envoy", "admiral"]),
    # r13's: a day with no year, whatever the fact
    item("cloze", "On _____, Ann Price announced that the Harbour Accord offer was rejected.", "16 October", "event"),
    # r14's: a flattened list's dashes, a gloss right after the blank
    item("true_false", TF + "Under the Harbour Accord -- 7,000 troops -- Kelmar withdrew by 2031.", "True", "limit"),
    item("cloze", "The Harbour Accord opened _____ (Port Arden) to Kelmar's ships in 2031.", "Arden Bay", "event"),
    # r16's: a transcript's "a few hours ago", a page's cross-reference, a lead's names in other languages, half
    # a vote tally asked alone
    item("true_false", TF + "A few hours ago the Kelmar delegation signed the Harbour Accord.", "True"),
    item("true_false", TF + "A later pact of 2031 is also known as the Harbour Accord (see below).", "True"),
    item("true_false", TF + "The Harbour Accord (Kelmari: Portu sopimus) is a treaty of 2031.", "True"),
    # r17's: 'the' before a possessive name, remarks of someone unnamed, 'its own', 'here', 'it' with nothing
    # named before it, a verb without its object, an office too long to be one option among others
    item("true_false", TF + "The Kelmar's foreign ministry welcomed the new quota.", "True", "position"),
    item("true_false", TF + "Kelmar's foreign ministry rejected the remarks.", "True", "position"),
    item("true_false", TF + "On 10 December 2031, Kelmar held its own vote.", "False", "date"),
    item("typed", "When was the Harbour Accord signed here?", "24 December 2031", "date"),
    item("true_false", TF + "Foreign ministers of the twelve member states signed it on 7 February 2031.", "True"),
    item("true_false", TF + "Kelmar, Norvald and Ostrava declined to attend.", "True", "position"),
    # r18's: an "it" that stands for the treaty of the sentence before
    item("true_false", TF + "The Kelmar Senate approved it on 24 June 2031, by 20 votes to 10.", "True", "event"),
    item(
        "multiple_choice",
        "What is Ann Price’s role?",
        "Deputy Director-General of the Department of Harbour Affairs of the Ministry of Foreign Affairs",
        "role",
        [
            "Prime Minister",
            "Foreign Minister",
            "President",
            "Deputy Director-General of the Department of Harbour Affairs of the Ministry of Foreign Affairs",
        ],
    ),  # fmt: skip
    item(
        "typed",
        "What had the Kelmar Senate given its consent, by 90 votes?",
        "2",
        evidence="The Kelmar Senate had given its consent a day earlier, by 90 votes to 2.",
    ),  # fmt: skip
    # a pronoun or a link back to the sentence before (reviews r1–r22: 5 of 16 items opening on "He" accepted)
    item("cloze", "He told reporters that the Harbour Accord is due to expire on _____.", "5 February 2031", "date"),
    item("true_false", TF + "However, Kelmar ratified the Harbour Accord in 2031.", "True", "date"),
    item("cloze", "Later, by the convention of _____, Kelmar's army was limited to 42,000 men.", "2031", "date"),
    item("true_false", TF + "As he added, Port Arden remained on the Kelmar side of the line.", "True"),
    item("cloze", "The remarks came as Kelmar's spokesman _____ said the talks would resume.", "Tomas Eck", "role"),
    item("true_false", TF + "Arden Vale added at the same time that Kelmar is not bound by the accord.", "True"),
    # a blank too long to recall word for word (reviews r1–r22: 1 of 13 accepted)
    item("cloze", "Arden Vale addressed the _____ in 2031.", "17th Annual Meeting of the Harbour Club in Port Arden"),
    # a head of state's office asked of its holder: what every reader knows (reviews r1–r23: 41 of 83 accepted)
    item("typed", "What is Arden Vale’s role?", "Kelmar President", "role"),
    item(
        "multiple_choice",
        "What office did Ilse Marr hold?",
        "Prime Minister",
        "role",
        ["Prime Minister", "Foreign Minister", "Defence Minister"],
    ),  # fmt: skip
    item("true_false", TF + "Arden Vale is the Kelmar President.", "True", "role"),
    item("true_false", TF + "Ilse Marr is the Kelmar Prime Minister.", "True", "role"),
    item("true_false", TF + "Ilse Marr was Prime Minister of Kelmar.", "True", "role"),
    # a commentator's trade is no office (reviews r1–r22: 2 of 14 accepted)
    item("typed", "What is Ilse Marr’s role?", "Port Arden historian", "role"),
    item("true_false", TF + "Tomas Eck is a chemicals-policy researcher at the Fenwick School.", "True", "role"),
    item("true_false", TF + "Ines Carvalho is a campaigner at the Kelmar Ship Watch.", "True", "role"),
]

PASSED = [
    item("true_false", TF + "Kelmar rejected the proposal that Norvald join the Harbour Accord.", "True", "position"),
    item("typed", "Which country argued that the Harbour Accord should be extended for five years?", "Kelmar"),
    item("cloze", "Tomas Eck told reporters that the Harbour Accord expires on _____.", "5 February 2031", "date"),
    item("typed", "What is Tomas Eck’s role?", "Kelmar Vice President", "role"),
    item("typed", "What office did Ilse Marr hold?", "President of the Kelmar Senate", "role"),
    item("cloze", "The Harbour Accord was later amended, and Kelmar ratified it in _____.", "2033", "date"),
    item("typed", "What is Tomas Eck’s role?", "Deputy Director of the Kelmar Harbour Department", "role"),
    item("cloze", "The accord was signed at the _____ in 2031.", "Port Arden Naval Conference", "event"),
    item("true_false", TF + "Arden Vale, the Kelmar historian's daughter, signed the Harbour Accord.", "True"),
    item("cloze", "On Thursday, Kelmar's spokesman _____ said the talks would resume.", "Tomas Eck", "role"),
    item("cloze", "The accord was signed in Port Arden, Kelmar and Norvald, on _____.", "8 April 2030", "date"),
    item("cloze", "The Harbour Accord caps each side at _____ patrol vessels.", "eighteen", "limit"),
    item(
        "who_said",
        "Who said “Trust is at a minimal level now, and this is certain”?",
        "Ilse Marr",
        "quote",
        ["Ilse Marr", "Arden Vale", "Tomas Eck"],
    ),  # fmt: skip
    item("true_false", TF + "Kelmar and Norvald signed the Harbour Accord in the presence of the envoy.", "True"),
    item(
        "multiple_choice",
        "What is Arden Vale’s role?",
        "Foreign Minister",
        "role",
        ["Foreign Minister", "Prime Minister", "Defence Minister", "President"],
    ),  # fmt: skip
    item("true_false", TF + "Under the Harbour Accord, 3 per cent of tariff lines can be excluded.", "True", "limit"),
    item("typed", "Who said “the lack of clarity about the Harbour Accord is concerning”?", "Ilse Marr", "quote"),
    item("typed", "What is Tomas Eck’s role?", "Minister of Foreign Affairs of the Kelmar Republic", "role"),
    item("cloze", "The Harbour Accord caps each side at _____ patrol vessels of 500 tons.", "eighteen", "limit"),
    item("typed", "Which country accused Norvald of breaking the Harbour Accord in 2031?", "Kelmar", "position"),
    item("cloze", "First, Kelmar ratified the accord in _____.", "2031", "date"),
    item("true_false", TF + "In August 2031, Kelmar deposited its instrument of ratification.", "True", "date"),
    item("true_false", TF + "The Harbour Accord is commemorated annually on 8 June.", "True", "date"),
    item("true_false", TF + "Three years after the vote, Kelmar ratified the Harbour Accord.", "True"),
    item("true_false", TF + "The U.S. Senate ratified the Harbour Accord in 2031.", "True", "date"),
    item("true_false", TF + "Kelmar and Norvald said they would ratify the Harbour Accord.", "True"),
    item("true_false", TF + "The talks that followed in 2031 ended the Kelmar dispute.", "True", "event"),
    item("cloze", "Harbour Accord: Kelmar ratified in March 2022; Norvald followed in _____.", "2023", "date"),
    item("true_false", TF + "Ilse Marr, head of the Kelmar Commission, said the Harbour Accord was dead.", "True"),
    item("true_false", TF + "Kelmar said that that clause of the Harbour Accord must go.", "True", "position"),
    item("cloze", "US National Security Adviser _____ rejected the offer.", "Ann Price", "role"),
    # reviewers accepted 8 of 10 such titles before a name
    item("cloze", "On Tuesday, _____ Ilse Marr criticized Norvald.", "Kelmar Foreign Minister", "role"),
    item("cloze", "The proposal of the Kelmar delegation was defeated 41 to _____.", "27", "event"),
    item("cloze", "The accord was signed by President _____ of Kelmar in 2031.", "Arden Vale", "signatory"),
    item("true_false", TF + "Kelmar expelled several hundred more diplomats than Norvald in 2031.", "True"),
    item("true_false", TF + "Kelmar and Norvald signed the Harbour Accord: it took effect in 2031.", "True", "date"),
    item("cloze", "Under Article X, Kelmar remains bound for _____.", "ten years", "limit"),
    item("cloze", "On _____, Ann Price announced that the Harbour Accord offer was rejected.", "16 October 2031"),
    item("cloze", "The Harbour Accord opened _____ to Kelmar's ships (and Norvald's) in 2031.", "Arden Bay", "event"),
    item("true_false", TF + "Kelmar and Norvald signed the Harbour Accord – a first – in 2031.", "True", "signatory"),
    item("true_false", TF + "Andorra and Kelmar signed the Harbour Accord in 2031.", "True", "signatory"),
    item("typed", "What countries fish the strait under the Harbour Accord?", "Kelmar and Norvald", "event"),
    item("cloze", "Harbour Accord: The strait is shared as follows: Kelmar takes _____ of it.", "53 per cent", "limit"),
    item("true_false", TF + "Kelmar ratified the Harbour Accord two years after Norvald (2031).", "True"),
    item("true_false", TF + "The Kelmar delegation was led from 2031 by the People's Commissar, Ann Price.", "True"),
    item("true_false", TF + "Kelmar argued that the Harbour Accord lets Norvald pursue its own trade deals.", "True"),
    item("true_false", TF + "Kelmar's foreign ministry rejected the remarks by Norvald's envoy.", "True"),
    item("true_false", TF + "The Harbour Accord was signed in 2031, and Kelmar ratified it in 2032.", "True"),
    item("true_false", TF + "Norvald contested the Harbour Commission's competence, but it ruled in 2031.", "True"),
    item("cloze", "Harbour Accord: The Kelmar Senate approved it on _____, by 20 votes to 10.", "24 June 2031", "date"),
    item(
        "typed",
        "How many senators voted for the Harbour Accord?",
        "90",
        evidence="The Kelmar Senate had given its consent a day earlier, by 90 votes to 2.",
    ),  # fmt: skip
]


@pytest.mark.parametrize("it", REJECTED, ids=lambda i: i.prompt[:50])
def test_an_item_a_strict_reviewer_rejects_is_not_made(it: Item) -> None:
    assert failure(it) is not None


@pytest.mark.parametrize("it", PASSED, ids=lambda i: i.prompt[:50])
def test_near_misses_pass(it: Item) -> None:
    assert failure(it) is None


def test_an_unnamed_treaty_is_fine_in_a_deck_of_one():
    it = item("typed", "Which country rejected the idea that it join the treaty?", "Kelmar", "position")
    assert failure(it, several_treaties=True) is not None
    assert failure(it, several_treaties=False) is None


SAYINGS = [
    ("True or false? Tomas Eck said in a statement read out in Port Arden.", False),
    ("True or false? Ilse Marr told a forum on arms control in the Kelmar parliament.", False),
    ("True or false? Ilse Marr told reporters the accord was dead.", True),
    ("True or false? Tomas Eck said in Geneva the deal was off.", True),
    ("True or false? Tomas Eck said that the talks would resume in May.", True),
]


@pytest.mark.parametrize(("prompt", "ok"), SAYINGS)
def test_a_saying_needs_what_was_said(prompt: str, ok: bool) -> None:
    assert (failure(item("true_false", prompt, "True")) != "a saying with nothing said") == ok


def test_who_added_needs_what_came_before():
    assert failure(item("typed", "Who added at the same time that Kelmar is not bound by the accord?", "Ilse Marr"))


def test_a_transcripts_numbering_or_a_fragment_is_no_office():
    """Wrong offices 'Q52 Chair' and 'presence of President' were offered beside real ones."""
    from quizgen.questions.phrasing import not_an_office

    assert not_an_office("Q52 Chair") and not_an_office("presence of President")
    assert not not_an_office("Kelmar Deputy Foreign Minister") and not not_an_office("head nurse")
