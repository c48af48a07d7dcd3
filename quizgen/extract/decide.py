"""The trained decision: which proposals become facts.

One logistic model per kind, trained by scripts/train_model.py on every annotated training article and
shipped as plain JSON (quizgen/data/extract-model.json): a bias, a weight per named feature and a threshold.
A proposal is kept when its probability reaches its kind's threshold and, among proposals of one group
(the speakers proposed for one quotation, say), it is the most probable.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import repeat
from pathlib import Path

MODEL_FORMAT = 1
MODEL_FILE = "extract-model.json"


@dataclass(frozen=True)
class KindModel:
    bias: float
    threshold: float
    weights: dict[str, float]

    def probability(self, features: Sequence[str]) -> float:
        z = self.bias + sum(map(self.weights.get, features, repeat(0.0)))  # (map: no Python frame per feature)
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


@dataclass(frozen=True)
class Model:
    kinds: dict[str, KindModel]

    def probability(self, kind: str, features: Sequence[str]) -> float:
        m = self.kinds.get(kind)
        return m.probability(features) if m is not None else 0.0

    def keeps(self, kind: str, p: float) -> bool:
        m = self.kinds.get(kind)
        return m is not None and p >= m.threshold


def model_from_bytes(data: bytes) -> Model:
    raw = json.loads(data.decode("utf-8"))
    if raw.get("format") != MODEL_FORMAT:
        raise ValueError(f"extraction model format {raw.get('format')!r}, expected {MODEL_FORMAT}")
    kinds = {
        kind: KindModel(float(k["bias"]), float(k["threshold"]), {f: float(w) for f, w in k["weights"].items()})
        for kind, k in raw["kinds"].items()
    }
    return Model(kinds)


def model_bytes(path: Path | None = None) -> bytes:
    if path is not None:
        return path.read_bytes()
    return resources.files("quizgen").joinpath("data", MODEL_FILE).read_bytes()


@lru_cache(maxsize=2)
def load_model(path: Path | None = None) -> Model:
    """The shipped model (or the one at `path`); read once per process."""
    return model_from_bytes(model_bytes(path))


@dataclass
class Scored:
    """A proposal's probability, and the group it competes in."""

    index: int  # position in the article's proposals
    kind: str
    p: float
    group: str


def choose(scored: Sequence[Scored], model: Model) -> list[int]:
    """Indices of the proposals kept, in their order: above threshold, and best of their group (ties go to the
    one proposed first, so the choice is deterministic)."""
    best: dict[str, Scored] = {}
    for s in scored:
        if s.group and (s.group not in best or s.p > best[s.group].p):
            best[s.group] = s
    return [s.index for s in scored if model.keeps(s.kind, s.p) and (not s.group or best[s.group] is s)]
