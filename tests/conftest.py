from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT / "seeds"


@pytest.fixture(autouse=True)
def _private_extract_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """`quizgen extract` caches its work; tests never read or fill the user's real cache."""
    monkeypatch.setenv("QUIZGEN_CACHE", str(tmp_path_factory.mktemp("extract-cache")))


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    """The spaCy pipeline extraction uses (loaded once per module that asks for it)."""
    from quizgen.extract.nlp import load_pipeline

    return load_pipeline(None)


@pytest.fixture(scope="module")
def articles():  # noqa: ANN201
    """The seed articles, read as `quizgen extract seeds/` reads them."""
    from quizgen.corpus import read_articles

    return read_articles([SEEDS], relative_to=SEEDS.parent)


@pytest.fixture
def sample_deck_path() -> Path:
    return DATA / "sample-deck.yaml"


def run_cli(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, input: str | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m quizgen` in a real subprocess, as a user would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "quizgen", *args],
        cwd=cwd or ROOT,
        env=full_env,
        input=input,
        capture_output=True,
        text=True,
        timeout=600,
    )


def rule_deck(texts: dict[str, str], **options):
    """The deck of what the rule extractors alone propose on `texts`, before the trained model decides: the
    tests of each rule extractor (and its near misses) use this, so they test the rule, not the model."""
    import quizgen

    return quizgen.extract_texts(texts, rules_only=True, **options)
