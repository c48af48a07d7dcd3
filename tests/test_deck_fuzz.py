"""Issue 12: a fuzz test of the deck reader. Whatever the bytes (hypothesis-generated YAML documents, and
mutations of the bundled deck), reading gives a deck or one QuizgenError naming the file, never another
exception."""

from __future__ import annotations

import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizgen import QuizgenError, parse_deck
from quizgen.deck import deck_from_bytes

BUNDLED = (ROOT / "decks" / "new-start.yaml").read_text(encoding="utf-8")
KEYS = [
    "quizgen", "title", "sources", "entities", "facts", "id", "path", "published", "name", "type", "aliases",
    "kind", "subject", "answer", "statement", "evidence", "date", "quantity", "value", "precision", "text",
    "measure", "change", "source", "conflicts", "confidence", "conflict",
]  # fmt: skip
# Scalars as YAML writes them, the troublesome ones included: dates real and not, huge numbers, tags.
SCALARS = st.one_of(
    st.sampled_from(
        [
            "1",
            "99",
            "banana",
            "2021-02-05",
            "2021-02-30",
            "2020-13-45",
            "!!int nope",
            "!!float x",
            "!!binary Zm9v",
            "!!timestamp 2001-12-14t21:59:43.10+25:00",
            "9" * 400,
            ".inf",
            ".nan",
            "~",
            "true",
            "''",
            "date",
            "day",
            "limit",
            "s1",
            "&a x",
            "*a",
            "!!set {a}",
            "!!python/object:os.system x",
            "{a: 1}",
            "[a, b]",
        ]
    ),  # fmt: skip
    st.text(max_size=12),
    st.integers(),
    st.floats(allow_nan=False),
)


def _outcome(read) -> None:  # noqa: ANN001
    try:
        read()
    except QuizgenError as exc:
        assert (exc.where or "").startswith("d.yaml"), str(exc)
        assert "\n" not in str(exc), str(exc)


def _yaml_text(value, indent: int = 0) -> str:  # noqa: ANN001
    """Block YAML with the scalars written raw (not quoted), so tags and dates reach the reader as typed."""
    pad = " " * indent
    if isinstance(value, dict):
        return "".join(
            f"{pad}{k}:\n{_yaml_text(v, indent + 2)}" if isinstance(v, dict | list) and v else f"{pad}{k}: {_raw(v)}\n"
            for k, v in value.items()
        )
    if isinstance(value, list):
        return "".join(f"{pad}-\n{_yaml_text(v, indent + 2)}" if isinstance(v, dict | list) and v else
                       f"{pad}- {_raw(v)}\n" for v in value)  # fmt: skip
    return f"{pad}{_raw(value)}\n"


def _raw(v) -> str:  # noqa: ANN001
    if isinstance(v, dict | list):
        return "{}" if isinstance(v, dict) else "[]"
    return v if isinstance(v, str) and v.strip() == v and "\n" not in v else yaml.safe_dump(v).strip().split("\n")[0]


DOCUMENTS = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), DOCUMENTS, max_size=6))
def test_a_generated_document_is_a_deck_or_one_error(doc) -> None:  # noqa: ANN001
    _outcome(lambda: parse_deck(_yaml_text(doc), "d.yaml"))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=200))
def test_any_bytes_are_a_deck_or_one_error(raw: bytes) -> None:
    _outcome(lambda: deck_from_bytes(raw, "d.yaml"))


MUTATION = st.tuples(
    st.sampled_from(["delete line", "duplicate line", "insert", "replace", "truncate", "indent"]),
    st.integers(min_value=0, max_value=len(BUNDLED) - 1),
    st.sampled_from(
        [
            "\x00",
            "\x07",
            "\x1b[31m",
            ":",
            "- ",
            "[",
            "{",
            "!!",
            "&x ",
            "*x",
            "'",
            '"',
            "#",
            "\t",
            "\ufeff",
            "2021-02-30",
            "9" * 400,
            "!!binary",
            "conflict: [x]",
            "  ",
            "\n",
        ]
    ),  # fmt: skip
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MUTATION, min_size=1, max_size=4))
def test_a_mutated_bundled_deck_is_a_deck_or_one_error(mutations) -> None:  # noqa: ANN001
    text = mutated(BUNDLED, mutations)
    _outcome(lambda: parse_deck(text, "d.yaml"))


def mutated(text: str, mutations) -> str:  # noqa: ANN001
    """The text with each (how, where, piece) of MUTATION applied in turn."""
    for how, at, piece in mutations:
        at %= max(1, len(text))
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        end = len(text) if end < 0 else end + 1
        if how == "delete line":
            text = text[:start] + text[end:]
        elif how == "duplicate line":
            text = text[:end] + text[start:end] + text[end:]
        elif how == "insert":
            text = text[:at] + piece + text[at:]
        elif how == "replace":
            text = text[:at] + piece + text[at + len(piece) :]
        elif how == "truncate":
            text = text[:at]
        else:
            text = text[:start] + "  " + text[start:]
    return text
