"""The one error type users see: `quizgen: error: <where>: <what>`."""

from __future__ import annotations


class QuizgenError(Exception):
    """A user-facing problem: bad input, missing file, unknown option.

    `where` names the file (and line, as `file:line`) or option at fault; the CLI prints
    `quizgen: error: <where>: <what>` and exits with status 2.
    """

    def __init__(self, what: str, where: str | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what
