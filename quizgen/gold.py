"""Reading annotated sets: the gold facts of articles (tests/data/sets/GOLD-FORMAT.md) and the manifest
that names each set and says whether it trains the extractor's model or only tests it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .evaluate import GoldFact

ROLES = ("train", "test")


@dataclass(frozen=True)
class AnnotatedSet:
    name: str
    role: str  # "train" or "test"
    articles: Path
    gold: Path
    tuned: bool = False  # rules were written against this set's misses: its cross-validated figure flatters
    fold: str = ""  # sets of one fold are left out of training together by --cv; "" is a fold of its own

    @property
    def fold_name(self) -> str:
        return self.fold or self.name

    def article_paths(self) -> list[Path]:
        """The annotated articles: those with a gold file (a folder may hold others)."""
        stems = {p.stem for p in self.gold.glob("*.yaml")}
        return sorted(p for p in self.articles.glob("*.txt") if p.stem in stems)


def load_gold(folder: Path) -> list[GoldFact]:
    out = []
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        article = Path(data["article"]).stem
        for f in data.get("facts") or []:
            out.append(
                GoldFact(
                    article,
                    f["kind"],
                    str(f["answer"]),
                    str(f["evidence"]),
                    str(f.get("statement", "")),
                    bool(f.get("relative", False)),
                )
            )
    return out


def load_sets(manifest: Path, root: Path | None = None) -> list[AnnotatedSet]:
    """The sets a manifest names, in its order; paths are relative to `root` (default: the repository, two
    folders above tests/data/sets)."""
    data = yaml.safe_load(manifest.read_text(encoding="utf-8")) or {}
    base = root if root is not None else manifest.resolve().parents[3]
    out = []
    for name, entry in data.items():
        role = entry.get("role", "train")
        if role not in ROLES:
            raise ValueError(f"{manifest}: set {name}: role must be one of {ROLES}, not {role!r}")
        tuned = bool(entry.get("tuned", False))
        if tuned and role == "test":
            raise ValueError(f"{manifest}: set {name}: a test set that rules were written on is a training set")
        fold = str(entry.get("fold", ""))
        out.append(AnnotatedSet(str(name), role, base / entry["articles"], base / entry["gold"], tuned, fold))
    return out
