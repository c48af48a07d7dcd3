"""The one error type users see: `quizgen: error: <where>: <what>`."""

from __future__ import annotations


class QuizgenError(Exception):
    """A user-facing problem: bad input, missing file, unknown option.

    `where` names the file (and line, as `file:line`) or, from the command layer, the flag at fault; the CLI
    prints `quizgen: error: <where>: <what>` and exits with status 2.

    Core code, which Python callers use too, does not speak in flags. When a value the caller chose is at
    fault it names the setting in `option`, by its own name for it (the keyword argument, e.g. "deck_name");
    a problem that other choices would mend has a `problem`, a short name for it (e.g. "all_reviewed"). The
    command line shows the option's flag as `where` and adds the flags that mend the problem
    (quizgen/commands/common.py: `error_line`).
    """

    def __init__(
        self, what: str, where: str | None = None, *, option: str | None = None, problem: str | None = None
    ) -> None:
        super().__init__(what)
        self.what = what
        self.where = where
        self.option = option
        self.problem = problem

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what
