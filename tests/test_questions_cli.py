"""`quizgen questions` as a user runs it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import run_cli

from quizgen.deck import load_deck
from quizgen.model import Item
from quizgen.questions import make_items


def test_text_format_is_a_numbered_review_sheet(sample_deck_path: Path) -> None:
    result = run_cli("questions", str(sample_deck_path), "--seed", "4")
    assert result.returncode == 0, result.stderr
    items = make_items(load_deck(sample_deck_path), seed=4)
    out = result.stdout
    assert out.startswith("New START sample — ")
    numbers = [int(n) for n in re.findall(r"^ *(\d+)\. \[", out, flags=re.M)]
    assert numbers == list(range(1, len(items) + 1))
    for item in items:
        assert item.prompt in out
        if item.choices and item.type != "timeline":
            assert f") {item.answer}  ✓" in out
        assert f"id {item.id} ·" in out
    assert out.count("Why: ") == len(items)


def test_json_and_yaml_formats_hold_every_item_field(sample_deck_path: Path) -> None:
    items = make_items(load_deck(sample_deck_path), seed=2, types=["multiple_choice", "cloze"])
    for fmt, parse in (("json", json.loads), ("yaml", yaml.safe_load)):
        result = run_cli(
            "questions", str(sample_deck_path), "--seed", "2", "--types", "multiple_choice,cloze", "--format", fmt
        )
        assert result.returncode == 0, result.stderr
        data = parse(result.stdout)
        assert [d["id"] for d in data] == [i.id for i in items]
        assert set(data[0]) == set(Item.__dataclass_fields__)
        assert data[0]["choices"] == list(items[0].choices)


def test_kinds_filter(sample_deck_path: Path) -> None:
    result = run_cli("questions", str(sample_deck_path), "--kinds", "role", "--kinds", "limit", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert {d["kind"] for d in json.loads(result.stdout)} == {"role", "limit"}


def _one_line_error(result) -> str:
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), result.stderr
    return lines[0]


def test_a_deck_that_fails_validation(tmp_path: Path, sample_deck_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(sample_deck_path.read_text().replace("kind: role", "kind: rumour", 1))
    line = _one_line_error(run_cli("questions", str(sample_deck_path), str(bad)))
    assert "bad.yaml:" in line and "unknown kind 'rumour'" in line


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--types", "multiple_choice,essay", "--types: unknown item type 'essay'"),
        ("--kinds", "rumour", "--kinds: unknown fact kind 'rumour'"),
    ],
)
def test_an_unknown_type_or_kind(sample_deck_path: Path, option: str, value: str, expected: str) -> None:
    assert expected in _one_line_error(run_cli("questions", str(sample_deck_path), option, value))


def test_a_deck_with_no_facts_of_the_requested_kinds(tmp_path: Path, sample_deck_path: Path) -> None:
    text = sample_deck_path.read_text()
    deck = tmp_path / "no-quotes.yaml"
    deck.write_text(re.sub(r"  - id: quote-.*?(?=  - id: position)", "", text, flags=re.S))
    assert "no facts of kind quote" in _one_line_error(run_cli("questions", str(deck), "--kinds", "quote"))
