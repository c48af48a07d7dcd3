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


# Asked when an answer depends on more than one name: then only an equal table gives the same candidates.
EVERY_NAME = "\0every name"


class _Noted:
    """A set's membership test, noting each name asked about."""

    def __init__(self, items: set[str], asked: set[str]) -> None:
        self.items = items
        self.asked = asked

    def __contains__(self, name: object) -> bool:
        self.asked.add(str(name))
        return name in self.items


class AskedNames(TreatyNames):
    """The treaty names of a corpus, noting every name one article's extraction asks about (`asked`): whether
    it is known, its canonical name, whether it is an organisation's acronym. Extraction reads the table only
    through these, so its candidates are the same under any table that answers the same for the names asked:
    `quizgen merge` keeps the candidates a shard extracted under its own names where the whole corpus's
    answer the same (cache.same_answers)."""

    def __init__(self, base: TreatyNames) -> None:
        super().__init__()
        self._parent = base._parent  # (shared, not copied: only read, and the names asked are all in it or not)
        self.counts = base.counts
        self.asked: set[str] = set()
        self.organisations = _Noted(base.organisations, self.asked)  # type: ignore[assignment]

    def knows(self, name: str) -> bool:
        self.asked.add(name)
        return super().knows(name)

    def canonical(self, name: str) -> str:
        self.asked.add(name)
        return super().canonical(name)

    def aliases(self, canonical: str) -> list[str]:
        # (not read by extraction today; its answer depends on a whole group, so it asks for every name)
        self.asked.add(EVERY_NAME)
        return super().aliases(canonical)
