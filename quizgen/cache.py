"""quizgen's cache folder: content-addressed files that save work, never the only copy of anything.

Used by `extract` (parses and candidate facts, see quizgen/extract/cache.py) and by the commands that read
decks (parsed decks, see quizgen/deck_cache.py). Entries are written atomically and carry a checksum; an
unreadable, truncated or corrupt entry is treated as missing (and rewritten), never as an error. A cache
folder that cannot be written is simply not used.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .paths import read_regular, write_atomic

ENV_VAR = "QUIZGEN_CACHE"
_MAGIC = b"QGC1"
_DIGEST = 16  # bytes of sha256 kept as the checksum of an entry


def default_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("quizgen"))


def cache_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """Where the cache lives: the option, else $QUIZGEN_CACHE, else the user's cache folder."""
    if option:
        return Path(option)
    env = os.environ.get(ENV_VAR, "").strip()
    return Path(env) if env else default_dir()


MAX_ENTRY_BYTES = 1 << 30  # larger than any entry quizgen writes (a 50,000-fact deck is about 40 MB)


class Cache:
    """Content-addressed files under `root/<kind>/<key[:2]>/<key>`."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        self.hits = 0
        self.misses = 0

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        try:
            # (only a regular file: an entry replaced by a FIFO or /dev/zero would hang the reader or fill its
            # memory; such an entry is a miss, as a corrupt one is)
            data = read_regular(self._path(kind, key), MAX_ENTRY_BYTES)
        except OSError:
            self.misses += 1
            return None
        head = len(_MAGIC) + _DIGEST
        payload = data[head:]
        if data[: len(_MAGIC)] != _MAGIC or hashlib.sha256(payload).digest()[:_DIGEST] != data[len(_MAGIC) : head]:
            self.misses += 1
            return None
        self.hits += 1
        return payload

    def put(self, kind: str, key: str, payload: bytes) -> None:
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # (through a temporary file beside the entry: a killed run's is removed by the next write here)
            write_atomic(path, _MAGIC + hashlib.sha256(payload).digest()[:_DIGEST] + payload, sync=False)
        except OSError:
            pass  # a cache that cannot be written is not used
