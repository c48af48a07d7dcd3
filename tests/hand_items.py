"""Building question items by hand from the sample deck's facts, for the quiz and Anki tests.

Those tests must not depend on `quizgen.questions` (their failures would then be about phrasing, not about
the quiz or the export), so tests/quiz_items.py and tests/anki_items.py each pick realistic items of every
type with this one builder: the prompt is the test's, the answer and the source sentence come from the deck.
"""

from __future__ import annotations

from pathlib import Path

from quizgen.deck import load_deck
from quizgen.model import Deck, Evidence, Fact, Item

SAMPLE = Path(__file__).resolve().parent / "data" / "sample-deck.yaml"


def sample_deck() -> Deck:
    return load_deck(SAMPLE)


def hand_item(
    deck: Deck,
    fact: Fact,
    type_: str,
    prompt: str,
    answer: str | None = None,
    evidence: Evidence | None = None,
    **extra: object,
) -> Item:
    """An item of `fact` with id `<fact id>:<type>`: its answer (unless given), statement as explanation,
    first evidence sentence and that source's title."""
    ev = evidence or fact.evidence[0]
    source = deck.source(ev.source)
    return Item(
        id=f"{fact.id}:{type_}",
        fact=fact.id,
        type=type_,
        prompt=prompt,
        answer=fact.answer if answer is None else answer,
        explanation=fact.statement,
        evidence=ev,
        source_title=(source.title or source.id) if source else ev.source,
        kind=fact.kind,
        **extra,  # type: ignore[arg-type]
    )
