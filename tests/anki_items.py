"""Question items for the Anki export tests, one or more of every type, made by hand from the sample deck
(see tests/hand_items.py)."""

from __future__ import annotations

from dataclasses import replace

from hand_items import hand_item, sample_deck

from quizgen.model import Deck, Evidence, Fact, Item


def _item(deck: Deck, fact: Fact, type_: str, prompt: str, **extra: object) -> Item:
    ev = fact.evidence[0]
    # The export does not read an evidence's own answer: items carry the sentence only.
    return hand_item(deck, fact, type_, prompt, evidence=Evidence(ev.source, ev.text), **extra)  # type: ignore[arg-type]


def sample_items(deck: Deck | None = None) -> list[Item]:
    """One or more items of every type from the sample deck, in a fixed order."""
    deck = deck or sample_deck()
    f = {fact.id: fact for fact in deck.facts}
    expiry, signing = f["date-new-start-expiry"], f["date-new-start-signing"]
    warheads, missiles = f["limit-new-start-warheads"], f["limit-new-start-missiles"]
    obama, peskov = f["signatory-new-start-obama"], f["role-dmitry-peskov"]
    lavrov_q, putin_q = f["quote-sergey-lavrov"], f["quote-vladimir-putin"]
    china, inf = f["position-china-rejects"], f["event-us-inf"]
    return [
        _item(
            deck,
            expiry,
            "multiple_choice",
            "When is New START due to expire?",
            choices=("April 2010", "5 February 2021", "5 February 2026", "December 2019"),
        ),
        _item(
            deck,
            obama,
            "multiple_choice",
            "Who signed New START for the United States?",
            choices=("Barack Obama", "Dmitry Medvedev", "Vladimir Putin"),
            note="only 3 options: no other plausible distractor in the deck",
        ),
        _item(
            deck,
            warheads,
            "cloze",
            "New START limits the number of deployed strategic nuclear warheads to ___ each.",
            cloze=warheads.evidence[0].text.replace("1,550", "{{c1::1,550}}"),
        ),
        _item(
            deck,
            signing,
            "cloze",
            "New START was signed in ___.",
            cloze="New START was signed in {{c1::April 2010}}.",
        ),
        _item(
            deck,
            missiles,
            "true_false",
            "True or false: New START cuts the number of strategic nuclear missiles by a third.",
            answer="False",
            choices=("True", "False"),
        ),
        _item(deck, peskov, "typed", "Who is the Kremlin spokesman?", answer="Dmitry Peskov"),
        _item(
            deck,
            lavrov_q,
            "who_said",
            "Who said “the lack of clarity with regards to the fate of New START is concerning”?",
            choices=("Dmitry Peskov", "Sergey Lavrov", "Vladimir Putin"),
        ),
        _item(
            deck,
            putin_q,
            "who_said",
            "Who said Russia is “not clinging to this agreement”?",
            choices=("Vladimir Putin", "Sergey Lavrov", "Dmitry Peskov"),
        ),
        _item(
            deck,
            china,
            "typed",
            "Which capital rejected the proposal that China join the treaty?",
        ),
        _item(
            deck,
            inf,
            "true_false",
            "True or false: the United States left the Intermediate-Range Nuclear Forces Treaty.",
            answer="True",
            choices=("True", "False"),
        ),
        replace(
            _item(
                deck,
                signing,
                "timeline",
                "Put these events in order, earliest first.",
                answer="New START signed → New START expires",
                choices=("New START expires", "New START signed"),
                order=("New START signed", "New START expires"),
                facts=(signing.id, expiry.id),
            ),
            id="timeline:new-start",
        ),
    ]


def subjects(deck: Deck | None = None) -> dict[str, str]:
    deck = deck or sample_deck()
    return {fact.id: fact.subject for fact in deck.facts}
