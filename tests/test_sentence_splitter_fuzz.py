"""Issue 12: a fuzz test of extract's sentence splitter. Random text (words, abbreviations, initials, numbers,
quotes, and very long runs without any sentence end) is split into well-formed spans, and the work done grows
linearly with the text.

Work, not wall time, is measured: the text is a `str` that counts every character the splitter reads
(an index reads one, a slice as many as it holds). A splitter that looks back over the whole text at every
full stop (37 s for 400 KB before issue 12) reads the square of the length; a linear one reads a bounded
number of characters per character of text, whatever the size.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.text import sentence_spans


class CountingStr(str):
    """A string that counts the characters read through indexing and slicing."""

    read = 0

    def __getitem__(self, key):  # type: ignore[override]
        part = str.__getitem__(self, key)
        CountingStr.read += len(part)
        return part


def characters_read(text: str) -> tuple[list[tuple[int, int]], int]:
    CountingStr.read = 0
    spans = sentence_spans(CountingStr(text))
    return spans, CountingStr.read


# The pieces random text is made of: what a splitter has to tell apart (abbreviations, initials, decimals,
# quotes closing a sentence) and what an attacker sends (runs of letters, of dots, of initials, of spaces).
PIECES = st.one_of(
    st.sampled_from(
        [
            "The U.S. said so. ",
            "Dr. Eck went to Port Arden, K.L. on Monday. ",
            "It rose 3.5 per cent! ",
            '"No," he said. ',
            "Why? ",
            "(See above.) ",
            "“Never.” ",
            "e.g. ",
            "...",
            "\n\n",
        ]
    ),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "A.", "x ", "words ", ".", " ", "?!"]), st.integers(1, 400)),
    st.text(alphabet="aZ .!?\"'“”()0-9\n", max_size=40),
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)

# Characters read per character of text. The splitter reads each character a few times, plus at most 41 before
# every full stop (the longest abbreviation it looks for), so a bound this size holds at any length.
PER_CHARACTER = 60


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_spans_are_ordered_cover_the_text_and_cost_linear_work(text: str) -> None:
    spans, read = characters_read(text)
    assert read <= PER_CHARACTER * len(text) + 10
    at = 0
    for s, e in spans:
        assert at <= s < e <= len(text)
        assert text[s:e].strip()  # no empty sentence
        assert not text[at:s].strip()  # nothing but space is left between sentences
        at = e
    assert not text[at:].strip()


def test_work_per_character_does_not_grow_with_the_text() -> None:
    """The ratio that the quadratic splitter failed: 16 times the text, 16 times the work (it was 256)."""
    base = "Dr. Eck met the U.S. envoy in K.L. at 3.5 p.m. on Monday. " + "A." * 30 + " " + "word " * 20
    small, large = base * 100, base * 1600
    _, work_small = characters_read(small)
    _, work_large = characters_read(large)
    assert work_large / work_small < 17, (work_small, work_large)


def test_long_runs_without_a_sentence_end_cost_linear_work() -> None:
    for run in (
        "a" * 200_000,
        "A." * 100_000,
        "words " * 40_000,
        "." * 200_000,
        "." * 200_000 + "a",
        "?!" * 100_000 + "x",
    ):
        _, read = characters_read(run)
        assert read <= PER_CHARACTER * len(run), (run[:10], read)
