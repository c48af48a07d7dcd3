"""What the model reads about a proposal: named binary features of the parse around it, the lexicon's classes
of its words and the rules that proposed it. Pure functions of a proposal, its sentence and article counts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import normalize
from . import lexicon
from .clauses import hypothetical, modal, negated
from .context import Candidate, Sentence, find_treaty_names
from .lexicon import QUANTIFIERS
from .syntax import Token, conjuncts, ents, tokens


@dataclass
class Proposal:
    """A candidate, every rule that proposed it, and what the model reads of it."""

    cand: Candidate
    rules: list[str]
    features: list[str] = field(default_factory=list)

    def pool(self, other: Candidate) -> None:
        """The same claim proposed again by another rule: one proposal, both rules, the first one's words."""
        if other.rule not in self.rules:
            self.rules.append(other.rule)
        c = self.cand
        if c.anchor < 0:
            c.anchor = other.anchor
        if c.trigger < 0:
            c.trigger = other.trigger
        c.group = c.group or other.group
        for k, v in other.hints.items():
            c.hints.setdefault(k, v)


@dataclass
class ArticleStats:
    """Counts over a whole article that a proposal's features refer to."""

    mentions: Counter[str] = field(default_factory=Counter)  # entity → proposals naming it
    para_of: dict[int, int] = field(default_factory=dict)  # sentence index → paragraph index
    by_sentence: dict[int, list[str]] = field(default_factory=dict)  # sentence features, made once each

    @classmethod
    def of(cls, plan: Sequence[tuple[int, int, int]], cands: Sequence[Candidate]) -> ArticleStats:
        mentions = Counter(c.entity for c in cands if c.entity)
        return cls(mentions, {i: p for i, (_, _, p) in enumerate(plan)})


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, tuple[str, ...]]:
    """word → the names of the lexicon's word lists it is in (a verb's class: SAYING, WITHDRAW, …)."""
    out: dict[str, list[str]] = {}
    for name in sorted(dir(lexicon)):
        words = getattr(lexicon, name)
        if name.isupper() and isinstance(words, frozenset | set | dict):
            for w in words:
                if isinstance(w, str):
                    out.setdefault(w, []).append(name)
    return {w: tuple(names) for w, names in out.items()}


def _bin(n: float, edges: tuple[float, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"≤{e:g}"
    return f">{edges[-1]:g}"


def _path(tok: Token, top: Token) -> str:
    """Dependency labels from tok up to top (at most four steps; '…' when top is further or not above)."""
    labels = []
    t = tok
    for _ in range(4):
        if t.i == top.i or t.head.i == t.i:
            break
        labels.append(t.dep_)
        t = t.head
    return ">".join(labels) if t.i == top.i else ">".join(labels) + ">…"


def _list_head(t: Token) -> Token:
    """The first item of the list the token is in ('Russia' in 'the United States, Russia and China')."""
    for _ in range(20):
        if t.dep_ != "conj" or t.head.i == t.i:
            break
        t = t.head
    return t


def _in_parens(t: Token) -> bool:
    depth = t.doc.user_data.get("quizgen.parens")
    if depth is None:  # bracket depth before each token, once per sentence
        depth, d = [], 0
        for x in t.doc:
            depth.append(d)
            d += (x.text == "(") - (x.text == ")")
        t.doc.user_data["quizgen.parens"] = depth
    return depth[t.i] > 0


def features(p: Proposal, sent: Sentence, stats: ArticleStats) -> list[str]:
    c = p.cand
    doc = sent.doc
    classes = _word_classes()
    out = ["bias"]
    out += [f"rule={r}" for r in sorted(set(p.rules))]
    out.append(f"rules={min(len(set(p.rules)), 3)}")
    out += [f"{k}={v}" for k, v in sorted(c.hints.items())]
    out.append(f"grouped={bool(c.group)}")
    if sent.index not in stats.by_sentence:
        stats.by_sentence[sent.index] = _sentence_features(sent, stats)
    out += stats.by_sentence[sent.index]
    out.append(f"answer_words={_bin(len(c.answer.split()), (1, 2, 4, 8))}")
    out.append(f"answer_in_sentence={c.answer in sent.text}")
    out.append(f"entity_type={c.entity_type or '-'}")
    if c.entity:
        out.append(f"mentions={_bin(stats.mentions.get(c.entity, 0), (1, 2, 4, 8))}")
    if 0 <= c.anchor < len(doc):
        t = doc[c.anchor]
        out += [
            f"a_ent={t.ent_type_ or '-'}",
            f"a_pos={t.pos_}",
            f"a_dep={t.dep_}",
            f"a_head={t.head.lemma_.lower()}",
            f"a_head_dep={t.head.dep_}",
            f"a_prev={doc[t.left_edge.i - 1].lower_ if t.left_edge.i > 0 else '<s>'}",
            f"a_next={doc[t.right_edge.i + 1].lower_ if t.right_edge.i + 1 < len(doc) else '</s>'}",
            f"a_quoted={sent.token_quoted(t)}",
            f"a_in_parens={_in_parens(t)}",
        ]
        out += [f"a_head_class={k}" for k in classes.get(t.head.lemma_.lower(), ())]
        top = _list_head(t)
        if top.i != t.i:
            out += ["a_in_list", f"a_list_dep={top.dep_}", f"a_list_head={top.head.lemma_.lower()}"]
        out.append(f"a_list_size={_bin(len(conjuncts(top)), (1, 2, 4))}")
        before = sent.text[: t.left_edge.idx].lower()
        out += [f"quantifier={q}" for q in QUANTIFIERS if before.endswith(q + " ")]
    else:
        out.append("a_none")
    if 0 <= c.trigger < len(doc):
        v = doc[c.trigger]
        lemma = v.lemma_.lower()
        aux = modal(v, lexicon.MODALS | lexicon.FUTURE_MODALS | {"can"}, passive=True)
        out += [
            f"t_lemma={lemma}",
            f"t_pos={v.pos_}",
            f"t_dep={v.dep_}",
            f"t_tag={v.tag_}",
            f"t_neg={negated(v)}",
            f"t_hypothetical={hypothetical(v)}",
            f"t_modal={aux.lower_ if aux is not None else '-'}",
            f"t_quoted={sent.token_quoted(v)}",
        ]
        out += [f"t_class={k}" for k in classes.get(lemma, ())]
        if 0 <= c.anchor < len(doc):
            a = doc[c.anchor]
            out.append(f"path={_path(a, v)}")
            out.append(f"path_list={_path(_list_head(a), v)}")
            out.append(f"t_rel={'above' if v in a.ancestors else 'below' if a in v.ancestors else 'apart'}")
            out.append(f"t_dist={_bin(abs(c.anchor - c.trigger), (1, 3, 6, 12))}")
    out += _kind_features(c)
    if c.kind in ("limit", "signatory"):
        out += _words(sent)
    # the rule that proposed it, crossed with the word that triggered it: a linear model's interactions
    first = c.rule
    out += [f"{first}&{f}" for f in out if f.startswith(("t_lemma=", "t_class=", "a_dep=", "a_ent=", "path="))]
    return out


def _sentence_features(sent: Sentence, stats: ArticleStats) -> list[str]:
    """Where the sentence is and what it holds: how much of a fact-bearing sentence it is."""
    doc = sent.doc
    labels = Counter(e.label_ for e in ents(doc))
    people = labels["PERSON"]
    places = labels["GPE"] + labels["NORP"] + labels["LOC"]
    numbers = sum(labels[k] for k in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"))
    return [
        f"sent_at={_bin(sent.index, (0, 1, 3, 7, 15))}",
        f"para_at={_bin(stats.para_of.get(sent.index, 0), (0, 1, 3, 7))}",
        f"sent_len={_bin(len(doc), (8, 15, 25, 40))}",
        f"quotes_in_sent={min(len(sent.quoted), 2)}",
        f"list_line={sent.text.lstrip()[:1] in '-–—•*·('}",
        f"s_people={min(people, 3)}",
        f"s_places={min(places, 3)}",
        f"s_numbers={min(numbers, 3)}",
        f"s_dates={min(labels['DATE'], 2)}",
        f"s_orgs={min(labels['ORG'], 3)}",
        f"s_treaty={bool(find_treaty_names(sent.text))}",
        f"s_first_person={any(t.lower_ in ('i', 'we', 'our', 'my') for t in tokens(doc))}",
        f"s_question={sent.text.rstrip().endswith('?')}",
    ]


_CONTENT = ("NOUN", "VERB", "ADJ", "ADV")


def _words(sent: Sentence) -> list[str]:
    """The content words of the sentence (lemmas): what it is about, a text classifier's bag of words. Proper
    names are left out (they name this article's world, not a kind of fact). Made once per sentence."""
    words = sent.doc.user_data.get("quizgen.words")
    if words is None:
        lemmas = {t.lemma_.lower() for t in sent.tokens if t.pos_ in _CONTENT and t.is_alpha and len(t.text) > 2}
        words = sent.doc.user_data["quizgen.words"] = [f"w={w}" for w in sorted(lemmas)]
    return words


def _kind_features(c: Candidate) -> list[str]:
    out = []
    if c.kind == "date" and c.date is not None:
        out.append(f"precision={c.date.precision}")
        out.append(f"relative={c.relative is not None}")
    if c.kind in ("limit", "event") and c.hints.get("label"):
        out.append(f"has_digits={bool(re.search(r'[0-9]', c.answer))}")
        out.append(f"percent={'%' in c.answer or 'percent' in c.answer.lower()}")
        out.append(f"money={bool(re.search(r'[$€£¥]|dollar|euro|pound', c.answer.lower()))}")
        out.append(f"measure={bool(c.quantity and c.quantity.measure)}")
        if c.quantity:
            out += [f"measure_word={w}" for w in normalize(c.quantity.measure).split()[-1:]]
    if c.kind == "quote" and c.quote:
        out.append(f"quote_words={_bin(len(c.quote.split()), (1, 3, 6, 12))}")
    return out
