"""Core code words its errors by the problem, not by a command-line flag (it is called from Python too); the
command line adds the flag, so what a user of `quizgen` reads is as helpful as before (#15, item 4)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import run_cli
from quiz_items import sample_items

from quizgen.anki import normalize_deck_name, plan_notes
from quizgen.commands.common import error_line
from quizgen.errors import QuizgenError
from quizgen.quiz.scheduler import CardState
from quizgen.quiz.session import select_items
from quizgen.text_export import check_target, output_format, render

NOW = dt.datetime(2026, 12, 2, tzinfo=dt.UTC)


def raised(call, *args, **kwargs) -> QuizgenError:  # noqa: ANN001
    with pytest.raises(QuizgenError) as got:
        call(*args, **kwargs)
    return got.value


def reviewed(due: dt.datetime) -> tuple[list, dict[str, CardState]]:
    """Every sample item, each reviewed once and due at `due`."""
    items = sample_items()
    return items, {i.id: CardState(i.id, "{}", "review", due, NOW, reps=1) for i in items}


def nothing_to_ask(**options: bool) -> QuizgenError:
    items, cards = reviewed(NOW + dt.timedelta(days=3))
    return raised(select_items, items, cards, NOW, **options)


# (the core error, what it says, what the command line says)
CASES = {
    "deck name": (
        lambda: raised(normalize_deck_name, "News::"),
        "invalid deck name 'News::' (empty level)",
        "--deck-name: invalid deck name 'News::' (empty level)",
    ),
    "note layout": (
        lambda: raised(plan_notes, [], notes="card"),
        "unknown note layout 'card' (choose from fact, item)",
        "--notes: unknown note layout 'card' (choose from fact, item)",
    ),
    "format": (
        lambda: raised(output_format, "cards.csv", "xml"),
        "unknown format 'xml' (choose from apkg, csv, tsv)",
        "--format: unknown format 'xml' (choose from apkg, csv, tsv)",
    ),
    "text format": (
        lambda: raised(render, [], "apkg"),
        "not a text format: 'apkg'",
        "--format: not a text format: 'apkg'",
    ),
    "target": (
        lambda: raised(check_target, "csv", "excel"),
        "unknown target 'excel' (choose from anki, spreadsheet, quizlet)",
        "--for: unknown target 'excel' (choose from anki, spreadsheet, quizlet)",
    ),
    "quizlet": (
        lambda: raised(check_target, "csv", "quizlet"),
        "Quizlet's import knows no quoting: write a .tsv or .txt",
        "--for: Quizlet's import knows no quoting: write a .tsv or .txt (--format tsv)",
    ),
    "no new item": (
        lambda: nothing_to_ask(new_only=True),
        "no new items: all 10 have been reviewed; the next is due in 3 days",
        "no new items: all 10 have been reviewed; the next is due in 3 days (drop --new-only, or add --all)",
    ),
    "nothing due or new": (
        lambda: nothing_to_ask(),
        "nothing is due and nothing is new; the next is due in 3 days",
        "nothing is due and nothing is new; the next is due in 3 days; --all practises anyway",
    ),
    "both only": (
        lambda: raised(select_items, [], {}, NOW, new_only=True, due_only=True),
        "new_only and due_only exclude each other",
        "new_only and due_only exclude each other",  # (argparse refuses the two flags together first)
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_core_errors_name_the_problem_and_the_command_line_the_flag(case):
    make, core, command_line = CASES[case]
    exc = make()
    assert str(exc) == core and "--" not in str(exc)
    assert error_line(exc) == command_line


def test_the_command_line_says_the_flag(sample_deck_path, tmp_path):
    """The same lines as before the core stopped naming flags. (argparse refuses an unknown --format, --for or
    --notes itself: the core checks those for Python callers.)"""
    for options, line in [
        (("-o", str(tmp_path / "d.apkg"), "--deck-name", "News::"), CASES["deck name"][2]),
        (("-o", str(tmp_path / "d.csv"), "--for", "quizlet"), CASES["quizlet"][2]),
    ]:
        result = run_cli("export", str(sample_deck_path), *options)
        assert (result.returncode, result.stderr) == (2, f"quizgen: error: {line}\n")


def test_an_error_the_core_gives_its_own_place_keeps_it():
    exc = QuizgenError("folder does not exist", where="out", option="format")
    assert error_line(exc) == str(exc) == "out: folder does not exist"
