"""Realistic quiz items of every type, made by hand from the sample deck's facts (see tests/hand_items.py);
every answer comes from the deck, not from the test."""

from __future__ import annotations

from hand_items import hand_item, sample_deck

from quizgen.model import Deck, Fact, Item

__all__ = ["sample_deck", "sample_items"]


def _base(deck: Deck, fact: Fact, type_: str, prompt: str, answer: str, **extra: object) -> Item:
    return hand_item(deck, fact, type_, prompt, answer, tags=(fact.kind, type_), **extra)


def _blank(fact: Fact) -> str:
    return fact.statement.replace(fact.answer, "_____", 1)


def sample_items(deck: Deck | None = None) -> list[Item]:
    """One or more items of every type, in a fixed order."""
    deck = deck or sample_deck()
    f = {x.id: x for x in deck.facts}
    expiry, signing = f["date-new-start-expiry"], f["date-new-start-signing"]
    warheads, obama = f["limit-new-start-warheads"], f["signatory-new-start-obama"]
    lavrov_quote, peskov = f["quote-sergey-lavrov"], f["role-dmitry-peskov"]
    medvedev, china = f["signatory-new-start-medvedev"], f["position-china-rejects"]
    items = [
        _base(deck, expiry, "typed", "When is New START due to expire?", expiry.answer),
        _base(
            deck,
            obama,
            "multiple_choice",
            "Who signed New START for the United States?",
            obama.answer,
            choices=("Vladimir Putin", "Barack Obama", "Dmitry Medvedev", "Sergey Lavrov"),
        ),
        _base(deck, warheads, "true_false", f"True or false? {warheads.statement}", "True", choices=("True", "False")),
        _base(
            deck,
            lavrov_quote,
            "who_said",
            f"Who said: “{lavrov_quote.quote}”?",
            lavrov_quote.answer,
            choices=("Dmitry Peskov", "Sergey Lavrov", "Vladimir Putin"),
        ),
        _base(
            deck,
            warheads,
            "cloze",
            _blank(warheads),
            warheads.answer,
            cloze=warheads.statement.replace(warheads.answer, "{{c1::" + warheads.answer + "}}", 1),
        ),
        Item(
            id="timeline:new-start",
            fact=signing.id,
            type="timeline",
            prompt="Put these events in order, earliest first.",
            answer=f"{signing.statement} → {expiry.statement}",
            explanation="New START was signed in April 2010 and is due to expire on 5 February 2021.",
            evidence=signing.evidence[0],
            source_title=deck.source(signing.evidence[0].source).title or "",
            choices=(expiry.statement, signing.statement),
            order=(signing.statement, expiry.statement),
            facts=(signing.id, expiry.id),
            kind="date",
            tags=("date", "timeline"),
        ),
        _base(deck, signing, "typed", "When was New START signed?", signing.answer),
        _base(deck, medvedev, "typed", "Who signed New START for Russia?", medvedev.answer),
        _base(deck, peskov, "typed", "Who is the Kremlin spokesman?", "Dmitry Peskov"),
        _base(
            deck,
            china,
            "true_false",
            "True or false? Beijing accepted the proposal that China join the treaty.",
            "False",
            choices=("True", "False"),
        ),
    ]
    return items
