"""The cheap cue test in front of the reason pattern (questions/why.py) never hides a reason the pattern finds:
every text `_REASON` matches, `_CUE` matches too (so the why-questions are the same with it as without)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from quizgen.questions.why import _CUE, _REASON

# ("due to" is left out: in _REASON its lookahead is followed by \s+, so it never matches: noticed, left alone)
CUES = [
    "citing", "because", "because of", "in response to", "in reply to", "in retaliation for", "in protest at",
    "in protest against", "in protest over", "owing to", "on the grounds that", "for fear of",
    "for fear that", "partly because", "largely in response to",
]  # fmt: skip
WORDS = ["Russia", "left", "the", "treaty", "its", "concerns", "about", "tests", "of", "to", "that", "an", "in",
         "at", "for", "fear", "due", "owing", "grounds", "response", "reply", "protest", ",", ".", ";"]  # fmt: skip


def test_each_cue_is_found_by_both():
    for cue in CUES:
        text = f"Russia suspended the inspections, {cue} new sanctions on its banks."
        assert _REASON.search(text), cue
        assert _CUE.search(text), cue


@given(st.lists(st.sampled_from(WORDS + CUES), max_size=25))
def test_no_reason_without_a_cue(words):
    text = " ".join(words)
    assert _REASON.search(text) is None or _CUE.search(text) is not None
