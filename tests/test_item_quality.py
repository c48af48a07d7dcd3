"""The item quality model: shipped as what scripts/train_quality.py makes from the reviews, read from an
item's text alone, and used to put the best items first."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from conftest import ROOT
from quiz_items import sample_items

from quizgen.questions.quality import MODEL_FILE, QualityModel, features, load_quality_model, rank, select
from quizgen.quiz.session import NEW_POOL, choose_items


def test_the_shipped_model_is_a_fresh_training_run():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "train_quality.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    shipped = json.loads((ROOT / "quizgen" / "data" / MODEL_FILE).read_text(encoding="utf-8"))
    reviews = sorted(p.stem for p in (ROOT / "tests" / "data" / "reviews").glob("*.json") if p.stem != "open-rejects")
    assert shipped["trained_on"]["reviews"] == reviews  # every review is learnt from


def test_scores_are_probabilities_and_depend_on_the_item():
    model = load_quality_model()
    items = sample_items()
    scores = [model.score(i) for i in items]
    assert all(0 < s < 1 for s in scores) and len(set(scores)) > 1
    assert features(items[0]) == features(items[0])  # deterministic


def test_rank_select_and_the_quiz_put_the_best_first():
    items = sample_items()
    # a model that likes typed answers and dislikes true/false
    model = QualityModel(0.0, {"type=typed": 2.0, "type=true_false": -2.0})
    ranked = rank(items, model)
    assert [i.type for i in ranked[:4]] == ["typed"] * 4 and ranked[-1].type == "true_false"
    assert rank(items, model) == ranked  # ties keep the input order
    kept = select(items, model, min_quality=0.5)
    assert kept and all(model.score(i) >= 0.5 for i in kept) and len(kept) < len(items)
    assert len(select(items, model, per_fact=1)) < len(items)
    # The quiz: with room for two, it makes 2 × NEW_POOL new items and asks the best two of them.
    made: list[str] = []
    by_id = {i.id: i for i in items}
    now = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    chosen = choose_items(
        [i.id for i in items], lambda i: made.append(i) or by_id[i], {}, now, count=2, score=model.score
    )
    assert len(made) <= 2 * NEW_POOL and len(chosen) == 2
    best = sorted((by_id[i] for i in made), key=lambda i: -model.score(i))
    assert [model.score(i) for i in chosen] == [model.score(i) for i in best[:2]]
