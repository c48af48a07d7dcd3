"""Issue 14, item 3: decks are read from libyaml's event stream (quizgen/deck_yaml.py), not through PyYAML's
node tree. The reader must give what PyYAML's own safe loader gives: the same data, the same line for every
mapping and key, an error where it errs and at the same line. The oracle here is the loader quizgen used
before, built on PyYAML's composer and constructor."""

from __future__ import annotations

import math
from typing import Any

import pytest
import yaml
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_deck_fuzz import BUNDLED, DOCUMENTS, KEYS, MUTATION, _yaml_text, mutated

from quizgen import QuizgenError, parse_deck
from quizgen.deck_yaml import LineDict, load

_Safe = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_REFUSED = frozenset(f"tag:yaml.org,2002:{t}" for t in ("timestamp", "binary", "set", "omap", "pairs"))


class _Oracle(_Safe):  # type: ignore[misc,valid-type]
    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node.tag in _REFUSED:
            raise yaml.constructor.ConstructorError(None, None, "refused", node.start_mark)
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError, AttributeError) as exc:
            raise yaml.constructor.ConstructorError(None, None, str(exc), node.start_mark) from None


_Oracle.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Safe.yaml_implicit_resolvers.items()
}


def _map(loader: _Oracle, node: yaml.MappingNode) -> LineDict:
    out = LineDict()
    out.line, out.key_lines = node.start_mark.line + 1, {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str) or key in out:
            raise yaml.MarkedYAMLError(problem="bad key", problem_mark=key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


_Oracle.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _map)


def _oracle(text: str) -> Any:
    return yaml.load(text, Loader=_Oracle)  # noqa: S506 - a SafeLoader


def _same(a: Any, b: Any, at: str = "") -> None:
    assert type(a) is type(b), (at, a, b)
    if isinstance(a, dict):
        assert list(a) == list(b), at
        assert (a.line, a.key_lines) == (b.line, b.key_lines), at
        for k in a:
            _same(a[k], b[k], f"{at}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), at
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _same(x, y, f"{at}[{i}]")
    elif isinstance(a, float) and math.isnan(a):
        assert math.isnan(b), at
    else:
        assert a == b, at


def _line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return None if mark is None else mark.line


def _agree(text: str) -> None:
    """Both readers give the same data, or both fail at the same line."""
    try:
        expected = _oracle(text)
    except yaml.YAMLError as exc:
        with pytest.raises(yaml.YAMLError) as got:
            load(text)
        assert _line(got.value) == _line(exc), (text, got.value, exc)
        return
    except RecursionError:  # (the node tree's constructor recurses; the event reader does not)
        return
    _same(load(text), expected)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), DOCUMENTS, max_size=6))
def test_a_generated_document_reads_as_the_node_tree_reads_it(doc) -> None:  # noqa: ANN001
    _agree(_yaml_text(doc))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(MUTATION, min_size=1, max_size=4))
def test_a_mutated_bundled_deck_reads_as_the_node_tree_reads_it(mutations) -> None:  # noqa: ANN001
    _agree(mutated(BUNDLED, mutations))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "---\n",
        "a: 1\n---\nb: 2\n",
        "a: &x [1, 2]\nb: *x\n",
        "a: &x {k: v}\nb: *x\nc: *x\n",
        "a: *nowhere\n",
        "a: &x [1, *x]\n",
        "a: &x 1\nb: &x 2\n",
        "a: !!int nope\n",
        "a: !!int '12'\n",
        "a: !!str 12\n",
        "a: ! 12\n",
        "a: !!set {x}\n",
        "a: !!omap [{x: 1}]\n",
        "a: !!python/object:os.system x\n",
        "a: !custom {x: 1}\n",
        "a: !!seq {x: 1}\n",
        "a: !!timestamp 2001-12-14\n",
        "a: 2021-02-30\nb: 2021-02-05\n",
        "a: [1, 0x1F, 1_000, .inf, -.Inf, .nan, ~, null, Yes, off, '7', 3.5e3]\n",
        "? [a, b]\n: c\n",
        "? {a: 1}\n: c\n",
        "1: x\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "a: =\n",
        "a:\n  - b: 1\n    c: 2\n  -\n  - [x, {y: z}]\n",
        "a: 'x\ny'\nb: \"\\e\"\nc: |\n  p\n  q\n",
        "[" * 2000 + "]" * 2000,
        # a value that cannot be built, then a syntax error: the syntax error is reported, as PyYAML did
        "a: !!binary x\nb: c: d\n",
        "a: !!int nope\nb: [\n",
        "1: x\nb: c: d\n",
        "a: 1\na: 2\nb: *nowhere\n",
        "a: &x [1, *x]\nb: c: d\n",
    ],
)
def test_awkward_yaml_reads_as_the_node_tree_reads_it(text: str) -> None:
    _agree(text)


def test_the_bundled_deck_reads_as_the_node_tree_reads_it() -> None:
    _same(load(BUNDLED), _oracle(BUNDLED))
    deck_text = (ROOT / "decks" / "new-start.yaml").read_text(encoding="utf-8")
    assert parse_deck(deck_text, "d.yaml").facts  # and it is still a deck


def test_deep_nesting_is_one_error_with_its_line() -> None:
    text = "quizgen: 1\ntitle: x\nsources: " + "[" * 100_000 + "\n"
    with pytest.raises(QuizgenError) as got:
        parse_deck(text, "d.yaml")
    assert got.value.where == "d.yaml:3"
    assert "nesting" in str(got.value)


def test_a_refused_tag_on_a_collection_says_what_it_is() -> None:
    with pytest.raises(QuizgenError) as got:
        parse_deck("quizgen: 1\ntitle: x\nsources: !!set {a}\n", "d.yaml")
    assert got.value.where == "d.yaml:3"
    assert "a deck holds no set values" in str(got.value)
