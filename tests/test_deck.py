"""Deck files: round trip, and one clear error (file:line: field: what) for each kind of bad deck."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from quizgen import QuizgenError, dump_deck, load_deck, parse_deck, save_deck
from quizgen.model import DateValue

GOOD = """\
quizgen: 1
title: T
sources:
  - id: s1
    path: s1.txt
facts:
  - id: f1
    kind: date
    subject: New START
    answer: 5 February 2021
    statement: New START expires on 5 February 2021.
    date: {value: '2021-02-05', precision: day}
    evidence:
      - source: s1
        text: The treaty expires on 5 February 2021.
"""


def error_of(text: str) -> str:
    with pytest.raises(QuizgenError) as info:
        parse_deck(text, "d.yaml")
    return str(info.value)


def test_round_trip_keeps_every_field(sample_deck_path: Path, tmp_path: Path):
    deck = load_deck(sample_deck_path)
    out = tmp_path / "copy.yaml"
    save_deck(deck, out)
    again = load_deck(out)
    assert again == deck
    assert dump_deck(again) == dump_deck(deck)


def test_date_value_iso_forms():
    assert DateValue(2021, 2, 5).iso == "2021-02-05"
    assert DateValue(2010, 4).iso == "2010-04"
    assert DateValue(None, 10, 16).iso == "--10-16"
    for d in (DateValue(2021, 2, 5), DateValue(2010), DateValue(None, 2), DateValue(None, 10, 16)):
        assert DateValue.parse(d.iso) == d
    assert DateValue(2010, 4).refines(DateValue(2010))
    assert not DateValue(2010).refines(DateValue(2010, 4))


def test_yaml_syntax_error_names_file_and_line():
    assert error_of(GOOD + "  - id: [unclosed\n").startswith("d.yaml:17: YAML syntax error")


def test_unknown_kind():
    msg = error_of(GOOD.replace("kind: date", "kind: rumour"))
    assert msg.startswith("d.yaml:8: facts[0].kind: unknown kind 'rumour'")


def test_fact_without_evidence():
    text = GOOD.split("    evidence:")[0] + "    evidence: []\n"
    assert "facts[0].evidence: a fact needs at least one piece of evidence" in error_of(text)


def test_evidence_from_unknown_source():
    assert "no source with id 's9'" in error_of(GOOD.replace("source: s1", "source: s9"))


def test_answer_must_be_in_evidence():
    assert "facts[0].answer" in error_of(GOOD.replace("answer: 5 February 2021", "answer: 6 March 2022"))


def test_duplicate_ids():
    second = GOOD.split("facts:\n")[1]
    msg = error_of(GOOD + second)
    assert "duplicate fact id 'f1' (first at line 7)" in msg and msg.startswith("d.yaml:16:")


def test_duplicate_keys_are_an_error():
    assert "duplicate key 'title'" in error_of("title: a\ntitle: b\n")


def test_precision_must_match_value():
    assert "has precision day" in error_of(GOOD.replace("precision: day", "precision: year"))


def test_empty_and_non_mapping_decks():
    assert "empty deck file" in error_of("  \n")
    assert "deck: expected a mapping" in error_of("- a\n- b\n")


def test_evidence_not_in_its_source_is_an_error(tmp_path: Path):
    (tmp_path / "s1.txt").write_text("Something else entirely.", encoding="utf-8")
    (tmp_path / "d.yaml").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", str(tmp_path / "d.yaml"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"quizgen: error: {tmp_path / 'd.yaml'}: facts[0].evidence[0]: text is not in source 's1': "
        "'The treaty expires on 5 February 2021.'"
    ]


def test_check_summarizes_a_good_deck(tmp_path: Path):
    (tmp_path / "s1.txt").write_text("Intro. The treaty expires on 5 February 2021. End.", encoding="utf-8")
    (tmp_path / "d.yaml").write_text(GOOD, encoding="utf-8")
    result = run_cli("check", str(tmp_path / "d.yaml"))
    assert result.returncode == 0, result.stderr
    assert "facts: 1 (date 1)" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "missing.yaml"], "quizgen: error: missing.yaml: no such file"),
        (["check"], "quizgen: error: the following arguments are required: DECK"),
        (["check", "--frob", "x"], "quizgen: error: unrecognized arguments: --frob"),
    ],
)
def test_cli_errors_are_one_line_exit_2(args: list[str], message: str):
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr.strip() == message
    assert "Traceback" not in result.stderr


def test_check_bad_yaml_reports_file_line(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nfacts: [\n", encoding="utf-8")
    result = run_cli("check", str(bad))
    assert result.returncode == 2
    assert result.stderr.startswith(f"quizgen: error: {bad}:3: YAML syntax error")


def test_check_names_a_few_missing_sources_and_counts_the_rest(tmp_path: Path):
    """A deck copied away from its articles: a few warnings, not one per article."""
    from quizgen.deck import save_deck
    from quizgen.model import Deck, Evidence, Fact, Source

    sources = [Source(f"s{i}", f"s{i}.txt") for i in range(8)]
    facts = [
        Fact(f"f{i}", "date", "X", "2021", "X ends in 2021.", [Evidence(f"s{i}", "It ends in 2021.")]) for i in range(8)
    ]
    save_deck(Deck("Moved", sources, [], facts), tmp_path / "d.yaml")
    result = run_cli("check", str(tmp_path / "d.yaml"))
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 6
    assert "source 's0' not found" in warnings[0]
    assert warnings[-1].endswith("3 more sources not found; their evidence was not checked")
