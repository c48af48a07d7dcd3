"""How good an item is: a score from a logistic model trained on blind-reviewed items (tests/data/reviews).

The features are named facts about the item's text and shape (its type, its fact's kind, how long its stem,
answer and source are, whether it quotes, numbers or names). scripts/train_quality.py fits the weights with
scikit-learn and writes them as plain JSON (quizgen/data/item-quality.json). `rank` puts the best items first
and `select` keeps those above a minimum and at most so many per fact. Pure: the model is data passed in.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import Item

MODEL_FILE = "item-quality.json"
MODEL_FORMAT = 1


_QUOTE_MARK = re.compile(r"[“\"]")


def _bin(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n <= e:
            return f"≤{e}"
    return f">{edges[-1]}"


def kind_of(item: Item) -> str:
    return item.kind or item.fact.split("-", 1)[0]


def features(item: Item) -> list[str]:
    """What the quality model reads of an item (its text only, so a reviewed item's record gives the same)."""
    kind = kind_of(item)
    prompt = re.sub(r"^True or false\?\s*", "", item.prompt)
    words = prompt.split()
    out = [
        "bias",
        f"type={item.type}",
        f"kind={kind}",
        f"type&kind={item.type}&{kind}",
        f"prompt_words={_bin(len(words), (6, 10, 16, 24, 36))}",
        f"answer_words={_bin(len(item.answer.split()), (1, 2, 4, 8))}",
        f"source_words={_bin(len(item.evidence.text.split()), (10, 20, 35, 50))}",
        f"question={prompt.rstrip().endswith('?')}",
        f"quotes={bool(_QUOTE_MARK.search(prompt))}",
        f"digits_in_answer={bool(re.search(r'[0-9]', item.answer))}",
        f"capital_answer={item.answer[:1].isupper()}",
        f"topic_prefix={bool(re.match(r'^[^:_]{2,60}: ', item.prompt)) and item.type == 'cloze'}",
        f"options={min(len(item.choices), 4)}",
        f"source_is_list_line={item.evidence.text.lstrip()[:1] in '-–—•*'}",
        f"colon_in_source={':' in item.evidence.text[:40]}",
    ]
    if item.type == "true_false":
        out.append(f"tf_answer={item.answer}")
        out.append(f"tf_answer&kind={item.answer}&{kind}")
    if item.choices:
        lengths = [len(c.split()) for c in item.choices]
        out.append(f"option_spread={_bin(max(lengths) - min(lengths), (0, 2, 5))}")
    return out


@dataclass(frozen=True)
class QualityModel:
    bias: float
    weights: dict[str, float]

    def score(self, item: Item) -> float:
        """The probability a strict reviewer accepts the item."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features(item))
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def model_from_text(text: str) -> QualityModel:
    raw = json.loads(text)
    if raw.get("format") != MODEL_FORMAT:
        raise ValueError(f"item quality model format {raw.get('format')!r}, expected {MODEL_FORMAT}")
    return QualityModel(float(raw["bias"]), {str(k): float(v) for k, v in raw["weights"].items()})


@lru_cache(maxsize=1)
def load_quality_model() -> QualityModel:
    return model_from_text(resources.files("quizgen").joinpath("data", MODEL_FILE).read_text(encoding="utf-8"))


def _ranked(items: Iterable[Item], model: QualityModel) -> list[tuple[float, Item]]:
    """(score, item), best first; items of equal score keep their order (the same input, the same output)."""
    scored = [(model.score(i), n, i) for n, i in enumerate(items)]
    scored.sort(key=lambda t: (-round(t[0], 6), t[1]))
    return [(score, i) for score, _, i in scored]


def rank(items: Iterable[Item], model: QualityModel) -> list[Item]:
    """Best first; items of equal score keep their order (so the same input gives the same output)."""
    return [i for _, i in _ranked(items, model)]


def select(items: Sequence[Item], model: QualityModel, min_quality: float = 0.0, per_fact: int = 0) -> list[Item]:
    """The items scoring at least `min_quality`, best first, at most `per_fact` of each fact (0: no cap; a
    timeline counts against each fact it orders). Each item is scored once."""
    out: list[Item] = []
    used: dict[str, int] = {}
    for score, item in _ranked(items, model):
        if score < min_quality:
            continue
        facts = item.facts or (item.fact,)
        if per_fact and any(used.get(f, 0) >= per_fact for f in facts):
            continue
        for f in facts:
            used[f] = used.get(f, 0) + 1
        out.append(item)
    return out
