"""Ctrl-C during a quiz: one owner of SIGINT, so an interrupt ends the quiz only where that is safe.

Python's own handler raises KeyboardInterrupt wherever the program happens to be: right after an answer
that was inside the store's commit (the answer saved, then a rollback of nothing and a traceback), or
elsewhere in the work on an answer (some runs then died by the signal after their summary). And
prompt_toolkit replaces the handler around every prompt and puts Python's back after it.

While the quiz runs, `Interrupts` only notes a Ctrl-C, and the quiz takes it at a safe point: before
each question, and right after an answer has been graded, saved and counted. Two waits end at once: a
line read in plain mode raises KeyboardInterrupt, and a prompt_toolkit prompt (run with
handle_sigint=False, so this stays the one owner) exits with KeyboardInterrupt, as its own Ctrl-C key
does.
"""

from __future__ import annotations

import contextlib
import functools
import signal
import threading
from collections.abc import Callable
from typing import Any, TextIO, TypeVar

T = TypeVar("T")

_active: Interrupts | None = None  # the owner while a quiz runs (the UIs find it here)


class Interrupts:
    """Use as a context manager around a quiz, in the main thread. With `then_ignore`, Ctrl-C is ignored
    from the end of the quiz on (the summary is whole and the exit status is the quiz's); otherwise the
    handler there before comes back."""

    def __init__(self, then_ignore: bool = False) -> None:
        self.pending = False
        self.then_ignore = then_ignore
        self._raise_now = False  # inside a blocking read: raise from the handler
        self._app: Any = None  # the prompt_toolkit Application being run, if any
        self._previous: Any = None

    def __enter__(self) -> Interrupts:
        global _active
        self._previous = signal.getsignal(signal.SIGINT)
        # Started with SIGINT ignored (nohup, `quizgen quiz &` in a script): it stays ignored, as Python leaves it.
        if self._previous is not signal.SIG_IGN:
            signal.signal(signal.SIGINT, self._on_sigint)
            _active = self
        return self

    def __exit__(self, *exc: object) -> None:
        global _active
        if _active is self:
            signal.signal(signal.SIGINT, signal.SIG_IGN if self.then_ignore else self._previous)
            _active = None

    def _on_sigint(self, signum: int, frame: object) -> None:
        self.pending = True
        if self._app is not None:
            loop = self._app.loop
            if loop is not None:
                # RuntimeError: the loop is closing; the check after the prompt raises.
                with contextlib.suppress(RuntimeError):
                    loop.call_soon_threadsafe(self._exit_app)
        elif self._raise_now:
            self.pending = False
            raise KeyboardInterrupt

    def check(self) -> None:
        """A safe point: raise KeyboardInterrupt if Ctrl-C was pressed since the last one."""
        if self.pending:
            self.pending = False
            raise KeyboardInterrupt

    def read(self, wait: Callable[[], T]) -> T:
        """A blocking read (`wait()`) that Ctrl-C ends with KeyboardInterrupt."""
        try:
            self._raise_now = True
            self.check()
            return wait()
        finally:
            self._raise_now = False

    def prompt(self, app: Any) -> Any:
        """Run a prompt_toolkit Application; Ctrl-C ends it with KeyboardInterrupt."""
        self.check()
        try:
            self._app = app
            # A Ctrl-C that came before the prompt's event loop existed is taken as the prompt starts.
            app.pre_run_callables.append(self._exit_app)
            result = app.run(handle_sigint=False)
        finally:
            self._app = None
        self.check()  # one that came as the prompt was closing
        return result

    def _exit_app(self) -> None:
        app = self._app
        if self.pending and app is not None and app.future is not None and not app.future.done():
            self.pending = False
            app.exit(exception=KeyboardInterrupt, style="class:aborting")


def owner(then_ignore: bool = False) -> Interrupts | None:
    """A new owner of SIGINT, or None outside the main thread, where Python allows no signal handler."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return Interrupts(then_ignore)


def read_line(stream: TextIO, limit: int = -1) -> str:
    """`stream.readline(limit)`, which Ctrl-C ends with KeyboardInterrupt."""
    read = functools.partial(stream.readline, limit)
    return _active.read(read) if _active is not None else read()


def run_prompt(app: Any) -> Any:
    """Run a prompt_toolkit Application (a questionary question's), which Ctrl-C ends with KeyboardInterrupt."""
    return _active.prompt(app) if _active is not None else app.run()
