"""The `quizgen` command. Each subcommand lives in `quizgen/commands/<name>.py` and imports its heavy
dependencies (spaCy, genanki, questionary) only when it runs, so `--help` and `check` start fast.

A Ctrl-C at any moment is one line, `quizgen: interrupted`, and exit status 130: this module imports
nothing of quizgen at its top (the console script imports it before calling `main`), `main` imports the
rest inside its handling, and `quizgen/__init__` imports nothing until its names are used.
"""

from __future__ import annotations

import sys

# Not `typing.TYPE_CHECKING`: importing typing here would be work outside main's handling of Ctrl-C.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from .arguments import ArgumentParser


def build_parser() -> ArgumentParser:
    from .arguments import build_parser as build

    return build()


def main(argv: Sequence[str] | None = None) -> int:
    stdout = None
    try:
        # Imported here, in the try: a Ctrl-C while they load is the one line below too.
        from . import streams
        from .commands.common import error_line
        from .controls import one_line
        from .errors import QuizgenError

        stdout = streams.guard()
        try:
            parser = build_parser()  # the command modules load here
            args = parser.parse_args(argv)
            if args.command is None:
                parser.print_help()
                return 2
            status = int(args.run(args) or 0)
            sys.stdout.flush()  # a full disk shows here, as one error line, not at exit
            return status
        except QuizgenError as exc:
            print(f"quizgen: error: {one_line(error_line(exc))}", file=sys.stderr)
            if exc.where == streams.WHERE:
                streams.discard(stdout)
            return 2
        except BrokenPipeError:
            # The reader went away (`quizgen questions … | head`); nothing more to say.
            streams.discard(stdout)
            return 0
    except KeyboardInterrupt:
        print("quizgen: interrupted", file=sys.stderr)
        return 130
    finally:
        if argv is None:
            # Run as the command (not called by a program): its work is done, and a Ctrl-C from here on
            # could only turn the interpreter's shutdown into a traceback.
            import signal

            signal.signal(signal.SIGINT, signal.SIG_IGN)
        if stdout is not None:
            streams.restore(stdout)


if __name__ == "__main__":
    sys.exit(main())
