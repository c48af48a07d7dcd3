"""The `quizgen` argument parser. Kept out of `quizgen.cli`, so that the module a console script imports
before calling `main` does nothing that a Ctrl-C could interrupt outside main's handling."""

from __future__ import annotations

import argparse
import importlib
from typing import NoReturn

from . import __version__
from .errors import QuizgenError

# Subcommand modules, in the order `--help` lists them.
COMMANDS = ("extract", "check", "questions", "quiz", "stats", "export")


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line `quizgen: error: …` and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise QuizgenError(message)


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="quizgen",
        description="Turn news articles into quizzes and Anki flashcards.",
        epilog="Run `quizgen COMMAND --help` for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"quizgen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    for name in COMMANDS:
        importlib.import_module(f"quizgen.commands.{name}").register(sub)
    return parser
