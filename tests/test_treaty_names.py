"""Which treaty an article is about, and which words name a treaty at all.

Every fact of an article takes this name as its subject, and questions show it ("Treaty of Lausanne: …").
Review decks were labelled "Montreux Convention" (an article on Lausanne), "ECOWAS" (on the AfCFTA),
"QUARESMA" (a briefer, on the Maritime Labour Convention), "UNESCO", "RFMO" and "SECRETARY"."""

from __future__ import annotations

from quizgen.corpus import make_article
from quizgen.extract.context import ArticleContext, Sentence, find_treaty_names
from quizgen.extract.pipeline import sentence_plan, treaty_names
from quizgen.extract.treaties import TreatyNames, organisation_acronyms


def article_treaty(*texts: str) -> str | None:
    """The treaty the first of these articles is about, the others being the rest of its corpus."""
    articles = [make_article(t, f"a{i}", f"a{i}.txt", f"a{i}") for i, t in enumerate(texts)]
    names = treaty_names(articles)
    a = articles[0]
    ctx = ArticleContext(a.source.id, None, names, a.text, a.paragraphs)
    ctx.learn_title(a.lead)
    for i, (s, e, p) in enumerate(sentence_plan(a)):
        ctx.learn_treaties(Sentence(a.source.id, i, s, e, a.text[s:e], None, [], p))
    return ctx.treaty()


def names(text: str, known: TreatyNames | None = None) -> list[str]:
    return [n for n, _ in find_treaty_names(text, known)]


def test_names_of_the_form_treaty_of_place_and_long_official_names_are_found_whole():
    assert names("The Treaty of Lausanne was signed in 1923.") == ["Treaty of Lausanne"]
    long = "Convention on International Liability for Damage Caused by Space Objects"
    assert names(f"The {long} entered into force in 1972.") == [long]
    # "against", "concerning": a reviewer found "Convention on the Elimination of All Forms of Discrimination"
    # (another treaty's name, cut short) where the article said "… against Women"
    cedaw = "Convention on the Elimination of All Forms of Discrimination against Women"
    assert names(f"The {cedaw} was adopted in 1979.") == [cedaw]
    # near misses: two treaties joined by "and" stay two
    assert names("The Treaty of Lausanne and the Montreux Convention still stand.") == [
        "Treaty of Lausanne",
        "Montreux Convention",
    ]
    assert names("the Convention against Torture and the Treaty concerning Maritime Delimitation") == [
        "Convention against Torture",
        "Treaty concerning Maritime Delimitation",
    ]
    # a month after the name is its date, not part of it
    assert names("They cited the Helsinki Final Act of August 1975.") == ["Helsinki Final Act"]
    # "Conventional" is not "Convention"
    assert names("The Treaty on Conventional Armed Forces in Europe lapsed.") == [
        "Treaty on Conventional Armed Forces in Europe"
    ]
    # a title-case headline's next words are not the name's (review r19: the article's treaty became "Treaty of
    # Paris", named once in passing, because the headline's name ran on into "for Today")
    assert names("Lessons from the Kelmar–Norvald Treaty for Today’s Frozen Disputes") == ["Kelmar–Norvald Treaty"]
    assert names("the Treaty for the Prohibition of Nuclear Weapons in Latin America") == [
        "Treaty for the Prohibition of Nuclear Weapons in Latin America"
    ]


def test_a_bare_acronym_is_a_treaty_only_where_the_corpus_introduces_it_as_one():
    assert names("ECOWAS said the deadline had passed.") == []
    assert names("SECRETARY BLINKEN: We welcome the vote.") == []
    corpus = TreatyNames()
    for text in (
        "The Convention on International Trade in Endangered Species of Wild Fauna and Flora, better known "
        "by its acronym, CITES, is fifty years old.",
        "The Treaty on the Non-Proliferation of Nuclear Weapons (NPT) entered into force in 1970.",
    ):
        for name, alias in find_treaty_names(text):
            corpus.add(name, alias)
    assert names("CITES lists 40,000 species.", corpus) == ["CITES"]
    assert names("ECOWAS said the deadline had passed.", corpus) == []
    # a treaty's acronym that everyone writes needs no introduction; an unknown one stays unknown
    assert names("The NPT review conference opened.") == ["NPT"]
    assert names("DR. QUARESMA: The convention was adopted here.", corpus) == []


def test_an_organisations_acronym_before_agreement_is_no_treaty():
    """ "the first WTO agreement" made WTO a treaty, and then every "WTO members" counted as a mention."""
    text = "The World Trade Organization adopted it. It is the first WTO agreement on fish. WTO members cheered."
    corpus = TreatyNames()
    corpus.organisations |= organisation_acronyms(text)
    for name, alias in find_treaty_names(text):
        corpus.add(name, alias)
    assert "WTO" in corpus.organisations
    assert names("It is the first WTO agreement on fish.", corpus) == []
    assert names("WTO members cheered.", corpus) == []
    assert "ECOWAS" in organisation_acronyms("the Economic Community of West African States met")
    # near miss: a treaty's acronym is not taken for an organisation's
    assert not {"NPT", "INF"} & organisation_acronyms("the World Trade Organization and the African Union")


def test_the_headline_names_the_articles_treaty_even_when_the_body_names_another_more_often():
    body = (
        "The Treaty of Lausanne was signed on 24 July 1923.\n\n"
        "The Montreux Convention of 1936 later replaced the straits regime. The Montreux Convention still "
        "governs the straits, and Turkey invoked the Montreux Convention in 2022.\n"
    )
    assert article_treaty("Treaty of Lausanne (1923)\n\n" + body) == "Treaty of Lausanne"
    # a headline that names no treaty lends nothing: the body's count decides
    assert article_treaty("Ankara and the straits, a century on\n\n" + body) == "Montreux Convention"


def test_a_title_case_headline_lends_only_a_name_the_articles_write():
    text = (
        "Bush, Putin Sign Pact to Withdraw From ABM Treaty\n\n"
        "Washington gave notice on Thursday that it would leave the ABM Treaty in six months.\n\n"
        "Officials said the Moscow Treaty would follow.\n"
    )
    assert article_treaty(text) == "ABM Treaty"
