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
from quizgen.questions.quality import load_quality_model, rank


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
        ranked = rank(items, load_quality_model())  # best first, by the quality model
        assert [d["id"] for d in data] == [i.id for i in ranked] and len(data) == len(items)
        assert set(data[0]) == set(Item.__dataclass_fields__)
        assert data[0]["choices"] == list(ranked[0].choices)


def test_min_quality_and_per_fact_narrow_the_items(sample_deck_path: Path) -> None:
    model = load_quality_model()
    items = make_items(load_deck(sample_deck_path), seed=0)
    scores = sorted({round(model.score(i), 3) for i in items})
    middle = scores[len(scores) // 2]
    result = run_cli("questions", str(sample_deck_path), "--format", "json", "--min-quality", f"{middle}")
    assert result.returncode == 0, result.stderr
    kept = json.loads(result.stdout)
    by_id = {i.id: i for i in items}
    assert 0 < len(kept) < len(items)
    assert all(model.score(by_id[d["id"]]) >= middle for d in kept)
    result = run_cli("questions", str(sample_deck_path), "--format", "json", "--per-fact", "1")
    facts = [f for d in json.loads(result.stdout) for f in d["facts"] or [d["fact"]]]
    assert len(facts) == len(set(facts)) > 0
    for bad in (("--min-quality", "1.5"), ("--min-quality", "x"), ("--per-fact", "-1")):
        result = run_cli("questions", str(sample_deck_path), *bad)
        assert result.returncode == 2 and result.stderr.count("\n") == 1 and bad[0] in result.stderr
    result = run_cli("questions", str(sample_deck_path), "--min-quality", "1")
    assert result.returncode == 2 and result.stderr == "quizgen: error: --min-quality: no item scores at least 1\n"


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
