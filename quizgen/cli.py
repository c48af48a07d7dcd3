"""The `quizgen` command. Each subcommand lives in `quizgen/commands/<name>.py` and imports its heavy
dependencies (spaCy, genanki, questionary) only when it runs, so `--help` and `check` start fast."""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__, streams
from .controls import one_line
from .errors import QuizgenError

# Subcommand modules, in the order `--help` lists them.
COMMANDS = ("extract", "check", "questions", "quiz", "stats", "decks", "reset", "export", "push")


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


def warn(message: str) -> None:
    # one_line: a file name or a deck's text may hold escape sequences a terminal would obey, or line breaks.
    print(f"quizgen: warning: {one_line(message)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    stdout = streams.guard()
    try:
        parser = build_parser()  # in the try: Ctrl-C while the command modules load is one line too
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        status = int(args.run(args) or 0)
        sys.stdout.flush()  # a full disk shows here, as one error line, not at exit
        return status
    except QuizgenError as exc:
        print(f"quizgen: error: {one_line(str(exc))}", file=sys.stderr)
        if exc.where == streams.WHERE:
            streams.discard(stdout)
        return 2
    except KeyboardInterrupt:
        print("quizgen: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`quizgen questions … | head`); nothing more to say.
        streams.discard(stdout)
        return 0
    finally:
        streams.restore(stdout)


if __name__ == "__main__":
    sys.exit(main())
