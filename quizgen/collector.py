"""The garbage collector paused while a command builds objects by the hundred thousand and no cyclic garbage
(a big deck, and the items a quiz lists and makes): its passes over them would be pure cost."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, then as it was (after an error too)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
