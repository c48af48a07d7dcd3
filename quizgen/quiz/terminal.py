"""The interactive quiz, with questionary: a select list, a confirm, a text box, an ordering.

questionary's ask() catches Ctrl-C and returns None (questionary issues #9, #122, #355), which would
make an interrupt look like an empty answer. Each question's application is run as unsafe_ask() runs
it, letting KeyboardInterrupt (and EOFError at Ctrl-D) through, and run_quiz turns both into the end
of the session, with its summary; a SIGINT (Ctrl-C between two prompts, or `kill -INT`) ends the
prompt the same way (interrupt.run_prompt).
"""

from __future__ import annotations

from typing import Any

import questionary
from prompt_toolkit.styles import Style

from ..controls import printable
from ..model import Item
from .grading import DATE_CONVENTION, RIGHT, TYPO, Grade, Response, parse_typed_date
from .interrupt import run_prompt
from .session import Session
from .wrap import wrap

STYLE = Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("answer", "fg:ansicyan"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("instruction", "fg:ansibrightblack"),
    ]
)


def _choices(options: tuple[str, ...] | list[str]) -> list[questionary.Choice]:
    # Shown escaped, answered with the option itself.
    return [questionary.Choice(title=printable(o), value=o) for o in options]


def _print(text: str, style: str | None = None) -> None:
    questionary.print(wrap(printable(text)), style=style)


class TerminalUI:
    """Every text shown passes through printable(): a deck's text must not drive the terminal."""

    def ask(self, item: Item, session: Session) -> Response:
        _print(session.header(), style="bold fg:ansiblue")
        prompt = wrap(printable(item.prompt), indent=2)  # after questionary's "? "
        if item.type == "true_false":
            return self._true_or_false(prompt)
        if item.type == "timeline":
            return self._order(item)
        if item.type in ("multiple_choice", "who_said") and item.choices:
            return str(self._ask(questionary.select(prompt, choices=_choices(item.choices), style=STYLE)))
        instruction = f"({DATE_CONVENTION})" if parse_typed_date(item.answer) is not None else None
        return str(
            self._ask(
                questionary.text(
                    prompt,
                    instruction=instruction,
                    validate=lambda t: bool(t.strip()) or "Please type an answer (Ctrl-C ends the quiz)",
                    style=STYLE,
                )
            )
        ).strip()

    def _ask(self, question: questionary.Question) -> Any:
        # As unsafe_ask() does (Ctrl-C raises KeyboardInterrupt instead of returning None), but with the
        # quiz's own SIGINT owner, not prompt_toolkit's handler (interrupt.py).
        return run_prompt(question.application)

    def _true_or_false(self, prompt: str) -> bool:
        # No default: a bare Enter (a habit from the text questions) must not answer "true" and be graded.
        # With default=None, questionary's confirm returns None at a bare Enter, and the question is asked again.
        while True:
            reply = self._ask(
                # the item's prompt already asks "True or false? …" (questions/true_false.py)
                questionary.confirm(prompt, default=None, instruction="(y = true, n = false) ", style=STYLE)  # type: ignore[arg-type]
            )
            if reply is not None:
                return bool(reply)
            _print("Please press y (true) or n (false).", style="fg:ansiyellow")

    def _order(self, item: Item) -> tuple[str, ...]:
        """Put events in order by picking the earliest remaining one until one is left."""
        _print(item.prompt, style="bold")
        remaining = list(item.choices)
        chosen: list[str] = []
        while len(remaining) > 1:
            which = "first" if not chosen else "next"
            pick = str(self._ask(questionary.select(f"Which came {which}?", choices=_choices(remaining), style=STYLE)))
            chosen.append(pick)
            remaining.remove(pick)
        return (*chosen, *remaining)

    def feedback(self, item: Item, grade: Grade, lines: list[str]) -> None:
        colour = "fg:ansigreen bold" if grade.verdict in (RIGHT, TYPO) else "fg:ansired bold"
        _print(lines[0], style=colour)
        for line in lines[1:]:
            _print(line)
        _print("")

    def summary(self, lines: list[str]) -> None:
        if lines:
            _print(lines[0], style="bold")
        for line in lines[1:]:
            _print(line)
