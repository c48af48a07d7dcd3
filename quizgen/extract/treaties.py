"""Treaty names across a corpus: 'Strategic Arms Reduction Treaty (START)' and 'START' are one treaty."""

from __future__ import annotations

import re


def _plain(name: str) -> str:
    t = re.sub(r"\s+", " ", name.strip()).lower()
    t = re.sub(r"^the ", "", t)
    t = re.sub(r"^new ", "", t)  # "the new treaty (START)" and "New START" are written of as one
    if re.fullmatch(r"[a-z0-9-]+ (?:treaty|agreement|accord|pact)", t):
        t = t.rsplit(" ", 1)[0]  # "INF Treaty" and "INF" (as in "the INF pact") are one
    return t


class TreatyNames:
    """Union of names that denote one treaty; the canonical one is the most often written."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self.counts: dict[str, int] = {}

    def _find(self, key: str) -> str:
        while self._parent.setdefault(key, key) != key:
            key = self._parent[key]
        return key

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)

    def add(self, name: str, alias: str | None = None) -> None:
        self.counts[name] = self.counts.get(name, 0) + 1
        self._union(name, _plain(name))
        if alias:
            self.counts.setdefault(alias, 0)
            self._union(name, alias)
            self._union(alias, _plain(alias))

    def canonical(self, name: str) -> str:
        """The most written name of the treaty `name` belongs to (or `name` itself if unknown)."""
        if name not in self._parent and _plain(name) not in self._parent:
            return name
        root = self._find(name if name in self._parent else _plain(name))
        group = [n for n in self.counts if self._find(n) == root]
        if not group:
            return name
        # The short name people use: most written, then shortest.
        return max(group, key=lambda n: (self.counts[n], -len(n), n))

    def aliases(self, canonical: str) -> list[str]:
        root = self._find(canonical)
        return sorted(n for n in self.counts if n != canonical and self._find(n) == root)
