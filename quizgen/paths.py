"""Output paths checked against the inputs of the same command: a deck or package never replaces a file read."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import QuizgenError


def refuse_input_as_output(output: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise when `output` is one of `inputs`: the same name, a symbolic link to it or a hard link (so
    `extract x.txt -o x.txt` stops before it writes the deck over the article)."""
    out = Path(output)
    if not out.exists():
        return  # a file that does not exist yet is no input
    for raw in inputs:
        try:
            same = os.path.samefile(out, raw)
        except OSError:
            continue
        if same:
            shown = "" if Path(raw) == out else f" ({raw})"
            raise QuizgenError(f"is also an input{shown}; writing here would replace it", where=str(output))
