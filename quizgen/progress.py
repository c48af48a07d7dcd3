"""A progress bar for long work, on stderr, drawn only when stderr is a terminal.

Scripts, pipes and tests see nothing: the bar is silent unless `stream.isatty()`. It redraws at most ten
times a second, so updating it per article or per note costs nothing measurable.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO


class Progress:
    """`unit`, when given, is what is counted ("characters"): the counts are then shown short (1.2M) with it."""

    def __init__(
        self,
        label: str,
        total: int,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        unit: str = "",
    ) -> None:
        self.label = label
        self.unit = unit
        self.total = max(total, 0)
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = _isatty(self.stream) and os.environ.get("TERM") != "dumb"
        self.enabled = enabled
        self._start = time.monotonic()
        self._last_draw = 0.0
        self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last_draw >= 0.1 or self.done >= self.total:
            self._last_draw = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        width = 30
        frac = min(self.done / self.total, 1.0) if self.total else 1.0
        filled = int(frac * width)
        bar = "#" * filled + "-" * (width - filled)
        elapsed = now - self._start
        eta = ""
        if 0 < self.done < self.total:
            eta = f" ~{elapsed / self.done * (self.total - self.done):.0f}s left"
        count = f"{short(self.done)}/{short(self.total)} {self.unit}" if self.unit else f"{self.done}/{self.total}"
        line = f"\r{self.label} [{bar}] {count} {elapsed:.0f}s{eta}"
        self.stream.write(line + "\x1b[K")  # clear what a longer previous line left behind
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Remove the bar, leaving the terminal line clean for whatever is printed next."""
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False


def short(n: int) -> str:
    """1234 -> '1.2k', 5_300_000 -> '5.3M': a count that fits in a bar's line."""
    for size, suffix in ((1_000_000_000, "G"), (1_000_000, "M"), (1_000, "k")):
        if n >= size:
            return f"{n / size:.1f}{suffix}"
    return str(n)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
