"""Scoring a deck against hand-annotated gold facts (the format of shared/gold/README.md).

A deck fact matches a gold fact when the kind is the same, the normalized answer (or statement) equals
or contains the gold answer or the reverse, and one of its evidence texts is the same sentence as the
gold evidence: one contains the other after normalization (gold quote evidence is the bare quotation,
gold position evidence sometimes a clause of the sentence).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import KINDS, Deck, Fact
from .text import normalize


@dataclass(frozen=True)
class GoldFact:
    article: str  # source id (file stem)
    kind: str
    answer: str
    evidence: str
    statement: str = ""
    relative: bool = False


@dataclass
class KindScore:
    gold: int = 0
    found: int = 0  # gold facts matched
    facts: int = 0  # deck facts
    correct: int = 0  # deck facts that match some gold fact
    missed: list[GoldFact] = field(default_factory=list)
    wrong: list[tuple[Fact, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.facts if self.facts else 1.0


def _contains_either(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


def matches(fact: Fact, gold: GoldFact) -> bool:
    if fact.kind != gold.kind:
        return False
    g_answer = normalize(gold.answer)
    g_ev = normalize(gold.evidence)
    for ev in fact.evidence:
        if ev.source != gold.article or not _contains_either(normalize(ev.text), g_ev):
            continue
        answers = (fact.answer, fact.statement, ev.answer or "")
        if any(_contains_either(normalize(a), g_answer) for a in answers):
            return True
    return False


def score(deck: Deck, gold: list[GoldFact]) -> dict[str, KindScore]:
    """Recall and precision per kind, and "all". Relative gold dates are not scored: left out of recall, and a
    deck fact that matches only such a date is left out of precision (neither right nor wrong)."""
    counted = [g for g in gold if not g.relative]
    articles = {g.article for g in gold}
    facts = [f for f in deck.facts if any(ev.source in articles for ev in f.evidence)]
    table = {k: KindScore() for k in (*KINDS, "all")}
    for g in counted:
        hit = any(matches(f, g) for f in facts)
        for k in (g.kind, "all"):
            table[k].gold += 1
            table[k].found += hit
        if not hit:
            table[g.kind].missed.append(g)
    unscored = [g for g in gold if g.relative]
    for f in facts:
        ok = any(matches(f, g) for g in counted)
        if not ok and any(matches(f, g) for g in unscored):
            continue  # a relative date the gold leaves unscored (the article gave a publication date)
        for k in (f.kind, "all"):
            table[k].facts += 1
            table[k].correct += ok
        if not ok:
            table[f.kind].wrong.append((f, f.evidence[0].text))
    return table


def format_table(table: dict[str, KindScore]) -> str:
    lines = [f"{'kind':10} {'gold':>5} {'found':>6} {'recall':>7}   {'facts':>5} {'right':>6} {'precision':>9}"]
    for k, s in table.items():
        if k == "all":
            lines.append("-" * len(lines[0]))
        lines.append(
            f"{k:10} {s.gold:5d} {s.found:6d} {s.recall:7.0%}   {s.facts:5d} {s.correct:6d} {s.precision:9.0%}"
        )
    return "\n".join(lines)
