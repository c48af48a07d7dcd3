"""The `quizgen` argument parser. Kept out of `quizgen.cli`, so that the module a console script imports
before calling `main` does nothing that a Ctrl-C could interrupt outside main's handling."""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
from typing import NoReturn

from . import __version__
from .errors import QuizgenError

# Subcommand modules, in the order `--help` lists them.
COMMANDS = ("extract", "merge", "check", "questions", "quiz", "stats", "decks", "reset", "export", "push")


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage mistake is one line `quizgen: error: …` and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise QuizgenError(message)


def version() -> str:
    """The installed distribution's version; the source's own when quizgen runs uninstalled."""
    try:
        return importlib.metadata.version("quizgen")
    except importlib.metadata.PackageNotFoundError:
        return __version__


def build_parser() -> ArgumentParser:
    parser = ArgumentParser(
        prog="quizgen",
        description="Turn news articles into quizzes and Anki flashcards.",
        epilog="Run `quizgen COMMAND --help` for a command's options.",
    )
    parser.add_argument("-V", "--version", action="version", version=f"quizgen {version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ArgumentParser)
    for name in COMMANDS:
        importlib.import_module(f"quizgen.commands.{name}").register(sub)
    # `help` last, so the commands it knows are all registered; it is what `git help` taught people to type.
    commands = dict(sub.choices)
    helper = sub.add_parser("help", help="show help for quizgen or one COMMAND")
    helper.add_argument("topic", nargs="?", metavar="COMMAND", help="a command to describe")
    helper.set_defaults(run=lambda args: show_help(parser, commands, args.topic))
    return parser


def show_help(parser: ArgumentParser, commands: dict[str, argparse.ArgumentParser], topic: str | None) -> int:
    if topic is None:
        parser.print_help()
    elif topic in commands:
        commands[topic].print_help()
    else:
        raise QuizgenError(f"no such command {topic!r} (choose from {', '.join(commands)})", "help")
    return 0
