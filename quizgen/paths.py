"""Files as quizgen reads and writes them: only regular files are read, within a size limit, and an output
path checked against the inputs of the same command never replaces a file read."""

from __future__ import annotations

import errno
import os
import stat
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


def new_file_mode() -> int:
    """The mode a file created with open() gets: 0o666 less the umask. mkstemp makes its files 0600, and a
    deck or package renamed from one would stay private whatever the user's umask says."""
    umask = os.umask(0o077)  # reading the umask means setting it; set back at once (quizgen writes from one thread)
    os.umask(umask)
    return 0o666 & ~umask


class NotARegularFile(OSError):
    """A device, a pipe or a socket where a file was expected."""


class FileTooLarge(OSError):
    """A file over the size limit its reader sets."""

    def __init__(self, size: int | None, limit: int) -> None:
        super().__init__(errno.EFBIG, "file too large")
        self.size = size  # None when it grew while it was read
        self.limit = limit


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. A device or a pipe (/dev/zero, a FIFO) would
    never end or never come: refused before reading (NotARegularFile), as is a file over the limit
    (FileTooLarge). Opened non-blocking, so a FIFO does not block the open."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file", str(path))
        if info.st_size > limit:
            raise FileTooLarge(info.st_size, limit)
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise FileTooLarge(None, limit)
    return data
