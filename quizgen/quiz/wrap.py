"""Text wrapped at word boundaries to the terminal's width: a terminal left to itself breaks a long prompt
in the middle of a word."""

from __future__ import annotations

import shutil
import textwrap


def columns() -> int:
    """The terminal's width ($COLUMNS first, then the terminal of standard output; 80 without either)."""
    return shutil.get_terminal_size().columns


def wrap(text: str, width: int | None = None, indent: int = 0) -> str:
    """`text` with each of its lines broken between words to fit `width` (default: the terminal's) less one
    column (a character in the last one leaves some terminals' cursor hanging); a continuation keeps its
    line's indentation. `indent`: columns already taken before the first line ("? " of a question), which
    the continuation lines are indented by too, to stand under the text. A word longer than a line is cut."""
    room = max((width or columns()) - 1, 20)
    out: list[str] = []
    for line in text.split("\n"):
        lead = " " * (len(line) - len(line.lstrip(" ")) + indent)
        rows = textwrap.wrap(line, room, initial_indent=" " * indent, subsequent_indent=lead, break_on_hyphens=False)
        out.extend(rows or [""])
    if out and indent:
        out[0] = out[0][indent:]
    return "\n".join(out)
