"""One fact per claim across articles: evidence pooled, aliases resolved, disagreements kept apart."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from ..model import KINDS, Article, Deck, Entity, Evidence, Fact
from ..text import normalize, slug
from .context import Candidate
from .entities import country_aliases
from .treaties import TreatyNames


def fact_id(kind: str, subject: str, key: str) -> str:
    """Stable across rebuilds: made from what the claim is, not where or how it was written."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    return f"{kind}-{slug(subject, 24)}-{digest}"


def _group(cands: list[Candidate]) -> list[list[Candidate]]:
    groups: dict[str, list[Candidate]] = {}
    for c in cands:
        groups.setdefault(c.key, []).append(c)
    return list(groups.values())


def _split_dates(group: list[Candidate]) -> list[list[Candidate]]:
    """Dates of one claim that agree (2010 and April 2010) stay together; others become conflicts."""
    ordered = sorted(group, key=lambda c: (-_precision(c), c.source, c.sentence))
    clusters: list[list[Candidate]] = []
    for c in ordered:
        assert c.date is not None
        for cl in clusters:
            assert cl[0].date is not None
            if cl[0].date.refines(c.date):
                cl.append(c)
                break
        else:
            clusters.append([c])
    return clusters


def _precision(c: Candidate) -> int:
    d = c.date
    assert d is not None
    return sum(x is not None for x in (d.year, d.month, d.day))


def _claim_key(c: Candidate) -> tuple[str, str]:
    return c.kind, c.entity


def _fold(groups: list[list[Candidate]], same) -> list[list[Candidate]]:
    """Fold each group into the first earlier group `same(earlier, group)` says is the same claim. `same` only
    ever joins claims of one kind and entity, so a group is compared with the earlier groups of its own
    (kind, entity), not with all of them: linear in the number of articles where comparing with every earlier
    group was quadratic (#14). The result is the same, in the same order."""
    out: list[list[Candidate]] = []
    homes: dict[tuple[str, str], list[list[Candidate]]] = {}
    for g in groups:
        mine = homes.setdefault(_claim_key(g[0]), [])
        home = next((h for h in mine if same(h[0], g[0])), None)
        if home is None:
            out.append(g)
            mine.append(g)
        else:
            home.extend(g)
    return out


def _merge_contained(groups: list[list[Candidate]], kind: str, text_of) -> list[list[Candidate]]:
    """Quotes (or events) of one speaker where one's words contain the other's are one claim."""
    ordered = sorted(groups, key=lambda g: -max(len(normalize(text_of(c))) for c in g))

    def same(home: Candidate, c: Candidate) -> bool:
        words = normalize(text_of(c))
        return (
            c.kind == home.kind == kind
            and home.entity == c.entity
            and bool(words)
            and words in normalize(text_of(home))
        )

    return _fold(ordered, same)


def _merge_similar_positions(groups: list[list[Candidate]], threshold: float = 0.5) -> list[list[Candidate]]:
    """One actor's stance restated with other words ("Putin's proposal" twice) is one claim."""

    def same(o: Candidate, c: Candidate) -> bool:
        if not (c.kind == o.kind == "position" and c.topic and o.topic):
            return False
        return (
            o.entity == c.entity
            and o.stance == c.stance
            and len(c.topic & o.topic) / len(c.topic | o.topic) >= threshold
        )

    return _fold(groups, same)


def _with_subject(c: Candidate, titles: dict[str, str]) -> Candidate:
    """A deck requires every fact's subject. A claim of an article that never names its treaty ("one side gives
    notice one year in advance") is about its actor, else what its short title names, else "the treaty"."""
    if c.subject.strip():
        return c
    title = titles.get(c.source, "").strip()
    fallback = c.entity or (title if 0 < len(title.split()) <= 6 else "") or "the treaty"
    return replace(c, subject=fallback)


def merge(cands: Sequence[Candidate], articles: Sequence[Article], treaties: TreatyNames, title: str) -> Deck:
    order = {a.source.id: i for i, a in enumerate(articles)}
    titles = {a.source.id: a.lead or a.source.title or "" for a in articles}
    cands = sorted((_with_subject(c, titles) for c in cands), key=lambda c: (order[c.source], c.sentence))
    groups: list[list[Candidate]] = []
    for g in _group(list(cands)):
        groups.extend(_split_dates(g) if g[0].kind == "date" else [g])
    groups = _merge_contained(groups, "quote", lambda c: c.quote or c.evidence)
    groups = _merge_contained(groups, "event", lambda c: c.answer)
    groups = _merge_similar_positions(groups)

    facts: list[Fact] = []
    first_seen: dict[str, tuple[int, int]] = {}
    taken: set[str] = set()
    by_key: dict[str, list[Fact]] = {}
    for g in groups:
        rep = g[0]
        if rep.kind == "quote":
            rep = max(g, key=lambda c: len(c.quote or ""))
        base = fact_id(rep.kind, rep.subject, rep.key)
        fid = base
        if fid in taken:  # a conflicting value of the same claim
            fid = fact_id(rep.kind, rep.subject, rep.key + "|" + (rep.date.iso if rep.date else rep.answer))
        taken.add(fid)
        evidence: list[Evidence] = []
        # Each sentence of each source once: looked up in a set, as a claim many articles restate has as many
        # candidates (comparing each with the evidence kept was quadratic: 6.9 of 8.5 s merging 3,200 articles).
        cited: set[tuple[str, str]] = set()
        for c in [rep, *sorted(g, key=lambda c: (order[c.source], c.sentence))]:
            if (c.source, c.evidence) in cited:
                continue
            cited.add((c.source, c.evidence))
            surface = c.answer if c.answer != rep.answer and c.answer in c.evidence else None
            evidence.append(Evidence(c.source, c.evidence, surface))
        fact = Fact(
            id=fid,
            kind=rep.kind,
            subject=rep.subject,
            answer=rep.answer,
            statement=rep.statement[:1].upper() + rep.statement[1:],
            evidence=evidence,
            date=rep.date,
            quantity=rep.quantity,
            entity=rep.entity,
            event=rep.event,
            stance=rep.stance,
            quote=rep.quote,
            party=next((c.party for c in g if c.party), None),
            relative=rep.relative,
            confidence=max((c.confidence for c in g if c.confidence is not None), default=None),
        )
        facts.append(fact)
        first_seen[fid] = min((order[c.source], c.sentence) for c in g)
        by_key.setdefault(_claim(rep), []).append(fact)
    for same in by_key.values():
        if len(same) > 1:
            for f in same:
                f.conflicts = sorted(o.id for o in same if o is not f)
    facts.sort(key=lambda f: (KINDS.index(f.kind), first_seen[f.id], f.id))
    return Deck(
        title=title,
        sources=[a.source for a in articles],
        entities=_entities(cands, facts, treaties),
        facts=facts,
    )


def _claim(c: Candidate) -> str:
    """What two facts must share to contradict each other."""
    if c.kind == "date":
        return c.key
    if c.kind == "limit" and c.quantity is not None:
        return f"limit|{c.subject}|{normalize(c.quantity.measure)}|{c.quantity.change}"
    return f"{c.key}|unique"


def _entities(cands: Sequence[Candidate], facts: list[Fact], treaties: TreatyNames) -> list[Entity]:
    used = {f.entity for f in facts if f.entity} | {f.subject for f in facts} | {f.party for f in facts if f.party}
    seen: dict[str, Entity] = {}
    surfaces: dict[str, set[str]] = {}
    types: dict[str, str] = {}
    for c in cands:
        if c.entity and c.entity_type:
            types.setdefault(c.entity, c.entity_type)
            if c.answer != c.entity and c.kind not in ("role", "limit", "date", "event"):
                surfaces.setdefault(c.entity, set()).add(c.answer)
    for name in sorted(used):
        etype = types.get(name)
        if etype is None:
            if country_aliases(name):
                etype = "country"
            elif treaties.aliases(name) or name in treaties.counts:
                etype = "treaty"
            else:
                continue
        aliases: set[str] = set(surfaces.get(name, set()))
        if etype == "person" and len(name.split()) > 1:
            aliases.add(name.split()[-1])
        elif etype == "country":
            aliases.update(country_aliases(name))
        elif etype == "treaty":
            aliases.update(treaties.aliases(name))
        aliases.discard(name)
        seen[name] = Entity(name=name, type=etype, aliases=tuple(sorted(aliases)))
    return list(seen.values())
