"""What extraction finds, measured against the annotated sets (tests/data/sets/sets.yaml) with the matching of
tests/data/sets/GOLD-FORMAT.md: the shipped model's levels as floors, the never-tuned test set's level, and the
shipped model file being exactly what scripts/train_model.py makes from the annotations.

Every article of every set is read and parsed once for the whole module (about a minute)."""

from __future__ import annotations

import sys
from statistics import mean

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import train_model  # noqa: E402
from score_gold import deck_for, per_article  # noqa: E402

from quizgen.evaluate import score  # noqa: E402
from quizgen.extract.decide import MODEL_FILE, load_model  # noqa: E402
from quizgen.gold import load_sets  # noqa: E402

# The shipped model's mean recall and precision over each set's articles, as measured when it was trained
# (python scripts/score_gold.py --all), less 0.02: raise them as extraction improves, never lower them for a
# change of code. The train sets' figures are tuned (the model learnt from them); the test set's are not.
# Measured again on 2026-12-01, when the question reviews' 108 articles joined the training data: a model
# fitted to twice the articles fits each of the older sets less closely (dev6's precision about 0.83 -> 0.74), while
# the figures that count rose (the test sets 0.686 / 0.779 -> 0.726 / 0.778), so the older sets' floors were
# set from the new model, lower where it is. On 2026-12-02 the development sets' real bylines were replaced by
# invented ones (training data, not code): the retrained model's policy-3 precision is 0.775 (0.78 before), so
# its floor is 0.77; no other set fell below its floor.
FLOORS = {
    "seeds": (0.98, 0.93),
    "dev1": (0.93, 0.88),
    "dev2": (0.90, 0.83),
    "dev3": (0.90, 0.84),
    "dev4": (0.84, 0.74),
    "dev5": (0.83, 0.74),
    "dev6": (0.87, 0.72),
    "dev7": (0.90, 0.76),
    "encyclopedia": (0.84, 0.90),
    "encyclopedia-2": (0.75, 0.87),
    "translated": (0.72, 0.76),
    "translated-2": (0.68, 0.78),
    "thinktank": (0.80, 0.79),
    "thinktank-2": (0.66, 0.82),
    "wire": (0.81, 0.86),
    "wire-2": (0.72, 0.83),
    "transcript": (0.72, 0.69),
    "transcript-2": (0.64, 0.72),
    "explainer": (0.75, 0.87),
    "explainer-2": (0.68, 0.82),
    "policy": (0.78, 0.85),
    "policy-2": (0.80, 0.85),
    "encyclopedia-3": (0.84, 0.87),
    "thinktank-3": (0.69, 0.81),
    "wire-3": (0.75, 0.85),
    "translated-3": (0.81, 0.82),
    "explainer-3": (0.77, 0.83),
    "transcript-3": (0.58, 0.74),
    "policy-3": (0.80, 0.77),
    "communique-3": (0.72, 0.87),
    "review-r3": (0.66, 0.82),
    "review-r4": (0.65, 0.78),
    "review-r5": (0.75, 0.84),
    "review-r6": (0.65, 0.84),
    "review-r7": (0.76, 0.87),
    "review-r8": (0.69, 0.76),
    "review-r9": (0.71, 0.77),
    "review-r10": (0.72, 0.82),
    "review-r11": (0.74, 0.85),
    "review-r12": (0.76, 0.85),
    "review-r13": (0.74, 0.85),
    "review-r14": (0.71, 0.86),
    "review-r15": (0.77, 0.85),
    "review-r16": (0.70, 0.78),
    "review-r17": (0.79, 0.84),
    "review-r18": (0.70, 0.86),
    "review-r19": (0.65, 0.83),
    "review-r20": (0.68, 0.84),
    "test": (0.71, 0.75),
    "test-2": (0.69, 0.76),
}
# The seeds by kind (the bundled deck): what the issue asks of them, at least.
SEED_KIND_RECALL = {"date": 1.0, "signatory": 1.0, "limit": 1.0, "position": 0.95, "role": 1.0, "quote": 1.0}


@pytest.fixture(scope="module")
def sets():
    """name → the set's articles read, parsed and proposed (as `quizgen extract` would), with their gold."""
    manifest = load_sets(train_model.MANIFEST)
    return {s.name: train_model.collect([s]) for s in manifest}


def test_every_set_of_the_manifest_has_a_floor(sets):
    assert set(FLOORS) == set(sets)
    assert [s.name for s in load_sets(train_model.MANIFEST) if s.role == "test"] == ["test", "test-2"]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_recall_and_precision_do_not_fall(sets, name):
    data = sets[name]
    gold = [g for d in data for g in d.gold]
    deck = deck_for(data, load_model())
    per = per_article(deck, gold)
    recall, precision = mean(r for r, _ in per), mean(p for _, p in per)
    floor_r, floor_p = FLOORS[name]
    assert recall >= floor_r and precision >= floor_p, (name, recall, precision)


def test_the_seeds_stay_as_good_as_the_issue_asks(sets):
    data = sets["seeds"]
    table = score(deck_for(data, load_model()), [g for d in data for g in d.gold])
    assert table["all"].recall >= 0.95 and table["all"].precision >= 0.90
    for kind, floor in SEED_KIND_RECALL.items():
        assert table[kind].recall >= floor, (kind, table[kind].recall)


def test_the_test_sets_train_nothing(sets):
    """The model learns from the train sets only: no article or gold of a test set is among its inputs."""
    manifest = load_sets(train_model.MANIFEST)
    train = [s for s in manifest if s.role == "train"]
    tests = [s.name for s in manifest if s.role == "test"]
    assert not {s.name for s in train} & set(tests)
    test_texts = {d.article.text for name in tests for d in sets[name]}
    assert test_texts and not any(d.article.text in test_texts for s in train for d in sets[s.name])


def test_the_shipped_model_is_what_training_makes(sets):
    """scripts/train_model.py, run afresh on the annotations in the repository, writes the shipped file byte
    for byte (a changed feature, rule or annotation without retraining fails here)."""
    train = [s.name for s in load_sets(train_model.MANIFEST) if s.role == "train"]
    data = [d for name in train for d in sets[name]]
    fresh = train_model.dumps(train_model.fit(train_model.all_examples(data), train_model.gold_counts(data)))
    shipped = (ROOT / "quizgen" / "data" / MODEL_FILE).read_text(encoding="utf-8")
    assert fresh == shipped, "quizgen/data/extract-model.json is stale: run python scripts/train_model.py"
