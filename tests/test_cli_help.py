"""`quizgen help [COMMAND]` and `-V`/`--version`: what a newcomer types first (#13, item 8)."""

from __future__ import annotations

import importlib.metadata

import pytest
from conftest import run_cli


def test_help_prints_the_overview_and_a_commands_help():
    overview = run_cli("help")
    assert overview.returncode == 0, overview.stderr
    assert overview.stdout == run_cli("--help").stdout
    quiz = run_cli("help", "quiz")
    assert quiz.returncode == 0, quiz.stderr
    assert quiz.stdout == run_cli("quiz", "--help").stdout
    assert quiz.stdout.startswith("usage: quizgen quiz")


def test_help_of_an_unknown_command_is_one_error_line():
    result = run_cli("help", "quizz")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith("quizgen: error: help: no such command 'quizz'")


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version_flag_prints_the_installed_version(flag):
    result = run_cli(flag)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"quizgen {importlib.metadata.version('quizgen')}\n"
