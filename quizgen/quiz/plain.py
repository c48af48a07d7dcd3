"""The quiz without a terminal: numbered prompts, one answer per line, so it can be scripted and piped.

An answer that does not fit the question (a number out of range, "maybe" for true/false) is asked
again; the end of input raises EOFError, which ends the session with its summary.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TextIO

from ..controls import printable
from ..errors import QuizgenError
from ..model import Item
from .grading import DATE_CONVENTION, Grade, Response, escape_undecodable, fold_for_grading
from .interrupt import read_line
from .session import Session
from .wrap import wrap

_TRUE = {"t", "true", "y", "yes", "1"}
_FALSE = {"f", "false", "n", "no", "0"}


# The longest answer line read. An answer is a few words; a whole article pasted in is 10,000 characters.
MAX_ANSWER = 10_000


class PlainUI:
    def __init__(self, stdin: TextIO | None = None, stdout: TextIO | None = None) -> None:
        self.stdin: TextIO | None = stdin or _keeping_undecodable(sys.stdin)
        self.stdout = stdout or sys.stdout

    def say(self, text: str = "") -> None:
        text = printable(text)
        # On a terminal, lines break between words; piped or scripted output keeps each line whole.
        print(wrap(text) if _is_terminal(self.stdout) else text, file=self.stdout, flush=True)

    def read(self, prompt: str) -> str:
        self.stdout.write(printable(prompt))
        self.stdout.flush()
        if self.stdin is None:  # started with standard input closed (`<&-`): no answers to read
            self.say()
            raise EOFError
        line = read_line(self.stdin, MAX_ANSWER + 1)  # Ctrl-C ends the wait (interrupt.py)
        if not line:
            self.say()
            raise EOFError
        if len(line) > MAX_ANSWER and not line.endswith("\n"):
            # Read in full, /dev/zero or a binary file would grow one line until memory runs out.
            self.say()
            raise QuizgenError(
                f"an answer of over {MAX_ANSWER:,} characters on one line; this is not a quiz's answers",
                where="standard input",
            )
        return escape_undecodable(line.strip())

    def ask(self, item: Item, session: Session) -> Response:
        self.say(session.header())
        self.say(item.prompt)
        if item.type == "true_false":
            while True:
                reply = self.read("true or false [t/f]: ").lower()
                if reply in _TRUE or reply in _FALSE:
                    return reply in _TRUE
                self.say("Please answer t (true) or f (false).")
        if item.type == "timeline":
            return self._order(item)
        if item.type in ("multiple_choice", "who_said") and item.choices:
            return self._choose(item)
        hint = " (" + DATE_CONVENTION + ")" if _wants_date(item) else ""
        while True:
            reply = self.read(f"answer{hint}: ")
            if reply:
                return reply
            self.say("Please type an answer.")

    def _choose(self, item: Item) -> str:
        for n, choice in enumerate(item.choices, 1):
            self.say(f"  {n}) {choice}")
        last = len(item.choices)
        while True:
            reply = self.read(f"your choice [1-{last}]: ")
            if reply.isdigit() and 1 <= int(reply) <= last:
                return item.choices[int(reply) - 1]
            by_text = [c for c in item.choices if fold_for_grading(c) == fold_for_grading(reply)]
            if reply and by_text:
                return by_text[0]
            self.say(f"Please answer with a number from 1 to {last}.")

    def _order(self, item: Item) -> tuple[str, ...]:
        for n, event in enumerate(item.choices, 1):
            self.say(f"  {n}) {event}")
        last = len(item.choices)
        while True:
            reply = self.read(f"earliest to latest, e.g. {' '.join(str(n) for n in range(last, 0, -1))}: ")
            words = reply.replace(",", " ").split()
            numbers = [int(w) for w in words if w.isdigit()]
            if len(numbers) == len(words) and sorted(numbers) == list(range(1, last + 1)):
                return tuple(item.choices[n - 1] for n in numbers)
            self.say(f"Please give each of the numbers 1 to {last} once, earliest first.")

    def feedback(self, item: Item, grade: Grade, lines: list[str]) -> None:
        for line in lines:
            self.say(line)
        self.say()

    def summary(self, lines: list[str]) -> None:
        for line in lines:
            self.say(line)


def _keeping_undecodable(stream: TextIO | None) -> TextIO | None:
    """Standard input read with errors="surrogateescape": a byte the locale's encoding cannot decode (a
    Latin-1 terminal, a pasted binary) must not end the quiz with UnicodeDecodeError; the answer keeps it,
    escaped as \\xNN by escape_undecodable."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # a stream that cannot change is read as it is
            reconfigure(errors="surrogateescape")
    return stream


def _is_terminal(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):
        return False


def _wants_date(item: Item) -> bool:
    from .grading import parse_typed_date

    return parse_typed_date(item.answer) is not None
