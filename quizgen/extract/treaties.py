"""Treaty names across a corpus: 'Strategic Arms Reduction Treaty (START)' and 'START' are one treaty."""

from __future__ import annotations

import re


def _plain(name: str) -> str:
    t = re.sub(r"\s+", " ", name.strip()).lower()
    t = re.sub(r"^the ", "", t)
    t = re.sub(r"^new ", "", t)  # "the new treaty (START)" and "New START" are written of as one
    # "INF Treaty", "SALT II arms treaty" and "INF", "SALT II" (as in "the INF pact") are one
    m = re.fullmatch(
        r"([a-z0-9-]+(?: [ivx]+| [0-9]+)?)(?: arms| nuclear| peace| trade)? (?:treaty|agreement|accord|pact)", t
    )
    return m.group(1) if m else t


# The head words of an organisation's name, not a treaty's: "World Trade Organization (WTO)".
_ORG_HEAD = (
    r"(?:Organi[sz]ation|Union|Community|Agency|Office|Bank|Fund|Council|Commission|Committee|Court|Forum"
    r"|Group|Front|Movement|Party|Army|Forces|Force|Secretariat|Institute|Association|Alliance|Assembly)"
)
_ORG_NAME = re.compile(
    r"\b((?:[A-Z][\w’'-]*\s+(?:(?:of|for|on|and|the)\s+)*){1,7}" + _ORG_HEAD + r"\b"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)?)"
)


def organisation_acronyms(text: str) -> set[str]:
    """Acronyms of the organisations a text names: "WTO" for "World Trade Organization", "ECOWAS" for
    "Economic Community of West African States" (its small words' letters may count or not), so that
    "the WTO agreement" does not make WTO a treaty."""
    out = set()
    for m in _ORG_NAME.finditer(text):
        words = m.group(1).split()
        for start in range(len(words)):
            big = "".join(w[0] for w in words[start:] if w[0].isupper())
            every = "".join(w[0].upper() for w in words[start:] if w != "the")
            out |= {big, every} if len(big) >= 2 else set()
    return out


class TreatyNames:
    """Union of names that denote one treaty; the canonical one is the most often written."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}
        self.counts: dict[str, int] = {}
        self.organisations: set[str] = set()  # acronyms of organisations the corpus names

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

    def knows(self, name: str) -> bool:
        """Whether `name` has been written as a treaty's name (or introduced as one's acronym) and is no
        organisation's acronym."""
        return (name in self._parent or _plain(name) in self._parent) and name not in self.organisations

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
