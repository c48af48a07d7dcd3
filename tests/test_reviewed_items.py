"""Every item a blind reviewer rejected (tests/data/reviews) is a regression test: the generator, given the
same deck and seed, no longer makes it as it was (same prompt, answer and options). The few rejects that
remain are listed with the reason they remain; fixing one means taking it off the list."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT

from quizgen.deck import load_deck
from quizgen.questions import make_items

REVIEWS = ROOT / "tests" / "data" / "reviews"
DECKS = {
    "2026-11-30-r1-new-start": (ROOT / "decks" / "new-start.yaml", 2611),
    "2026-11-30-r1-other": (REVIEWS / "2026-11-30-r1-other-deck.yaml", 2612),
}
# Rejected, and still made as they were: what the gates do not (yet) see.
STILL_MADE = {
    # trivia (rule 6): an office the world knows; nothing in the item marks it as such
    "role-donald-trump-88ac4a:true_false",
    # the article's own broken English, inside a quotation the item must keep verbatim (rule 1)
    "quote-vladimir-putin-d1808e:true_false",
    # extraction, not phrasing: a transcript's "ANCHOR:" label and a sea learnt as treaty names, and "Boundary
    # Treaty" given to the 1984 treaty where the article uses it for the 1881 one
    "date-timor-sea-efde2a:true_false",
    "limit-anchor-914f91:cloze",
    "limit-anchor-6b0e4a:multiple_choice",
    "date-boundary-treaty-e38a26:cloze",
}


def _same(item, reviewed) -> bool:
    return (
        item.prompt == reviewed["prompt"]
        and item.answer == reviewed["answer"]
        and sorted(item.choices) == sorted(reviewed.get("choices") or [])
    )


@pytest.mark.parametrize("review", sorted(DECKS))
def test_rejected_items_are_not_made_again(review):
    deck_path, seed = DECKS[review]
    doc = json.loads((REVIEWS / f"{review}.json").read_text(encoding="utf-8"))
    assert doc["questions_seed"] == seed
    items = {i.id: i for i in make_items(load_deck(deck_path), seed=seed)}
    rejected = [r for r in doc["items"] if not r["acceptable"]]
    assert rejected
    again = {r["id"] for r in rejected if r["id"] in items and _same(items[r["id"]], r)}
    assert again == STILL_MADE & {r["id"] for r in rejected}
