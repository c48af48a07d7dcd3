"""Standard output that fails as one error line, never a traceback.

A full disk (`> /dev/full`), a closed descriptor (`>&-`) or an ASCII-only locale each made a command die
mid-print with a traceback. Here a failed write becomes a QuizgenError naming standard output; text a
non-Unicode stream cannot hold is shown as "?" rather than raised; and once output has failed, what is
still buffered goes to the null device, so the interpreter's final flush has nothing to complain about.
"""

from __future__ import annotations

import codecs
import os
import sys
from typing import Any, TextIO

from .errors import QuizgenError

WHERE = "standard output"


def is_unicode(stream: TextIO | None) -> bool:
    """Whether the stream's encoding can hold any text (UTF-8, -16, -32)."""
    encoding = getattr(stream, "encoding", None)
    try:
        return bool(encoding) and codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


class GuardedStream:
    """Stands in for sys.stdout: writes as the real stream does, failures as QuizgenError. A closed pipe
    stays BrokenPipeError, which `main` ends quietly, as `| head` expects."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _failed(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _failed(exc) from None

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding, buffer… as the real stream has them
        return getattr(self._stream, name)


class ClosedStream:
    """sys.stdout when descriptor 1 was closed (Python then sets it to None, and print() says nothing)."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise QuizgenError("is closed", where=WHERE)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _failed(exc: OSError) -> QuizgenError:
    return QuizgenError(f"cannot write: {exc.strerror or exc}", where=WHERE)


def guard() -> TextIO | None:
    """Put the guard on sys.stdout; returns what to give back to `restore`."""
    original = sys.stdout
    if original is None:
        sys.stdout = ClosedStream()  # type: ignore[assignment]
        return original
    if not is_unicode(original) and hasattr(original, "reconfigure"):
        original.reconfigure(errors="replace")  # "—" is shown as "?" on an ASCII terminal
    sys.stdout = GuardedStream(original)  # type: ignore[assignment]
    return original


def restore(original: TextIO | None) -> None:
    sys.stdout = original  # type: ignore[assignment]


def discard(original: TextIO | None) -> None:
    """After output failed or the reader went away: drop what is buffered, so that exiting (which
    flushes standard output once more) neither fails nor prints "Exception ignored"."""
    try:
        fd = original.fileno() if original is not None else 1
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real descriptor (an in-memory stream): nothing to do
        pass
