"""The manifest of annotated sets (tests/data/sets/sets.yaml): roles, the mark of sets rules were written on,
and the refusal of a test set marked as tuned."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.gold import load_gold, load_sets


def _manifest(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sets.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_sets_keep_their_order_role_and_tuned_mark(tmp_path):
    path = _manifest(
        tmp_path,
        "a: {role: train, tuned: true, articles: x/a, gold: x/ag}\nb: {articles: x/b, gold: x/bg}\n"
        "c: {role: test, articles: x/c, gold: x/cg}\n",
    )
    sets = load_sets(path, root=tmp_path)
    got = [(s.name, s.role, s.tuned) for s in sets]
    assert got == [("a", "train", True), ("b", "train", False), ("c", "test", False)]
    assert sets[0].articles == tmp_path / "x" / "a"


def test_sets_of_one_fold_are_left_out_together_and_a_set_without_one_is_its_own(tmp_path):
    path = _manifest(
        tmp_path,
        "a: {articles: x/a, gold: x/ag, fold: f}\nb: {articles: x/b, gold: x/bg, fold: f}\n"
        "c: {articles: x/c, gold: x/cg}\n",
    )
    assert [s.fold_name for s in load_sets(path, root=tmp_path)] == ["f", "f", "c"]


def test_a_test_set_that_rules_were_written_on_is_refused(tmp_path):
    path = _manifest(tmp_path, "t: {role: test, tuned: true, articles: x, gold: y}\n")
    with pytest.raises(ValueError, match="a test set that rules were written on"):
        load_sets(path, root=tmp_path)


def test_an_unknown_role_is_refused(tmp_path):
    with pytest.raises(ValueError, match="role must be one of"):
        load_sets(_manifest(tmp_path, "t: {role: dev, articles: x, gold: y}\n"), root=tmp_path)


def test_the_repository_s_test_sets_are_never_marked_tuned():
    manifest = Path(__file__).parent / "data" / "sets" / "sets.yaml"
    sets = load_sets(manifest)
    assert [s.name for s in sets if s.role == "test"] and not any(s.tuned for s in sets if s.role == "test")
    assert all(load_gold(s.gold) for s in sets)  # every set has its annotation


def _check_gold():
    import importlib.util

    path = Path(__file__).parent.parent / "scripts" / "check_gold.py"
    spec = importlib.util.spec_from_file_location("check_gold", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_annotation_and_second_annotation_passes_the_gold_checks():
    check = _check_gold()
    sets = load_sets(Path(__file__).parent / "data" / "sets" / "sets.yaml")
    folders = [(s.gold, s.articles) for s in sets]
    folders += [(s.gold.parent / "gold-2", s.articles) for s in sets if (s.gold.parent / "gold-2").is_dir()]
    assert len(folders) > len(sets)  # the second annotations are there to be checked
    problems = [p for gold, arts in folders for f in sorted(gold.glob("*.yaml")) for p in check.check_file(f, arts)[0]]
    assert problems == []


def test_check_file_reports_an_answer_that_is_not_in_the_article(tmp_path):
    (tmp_path / "a.txt").write_text("The treaty was signed in 2010.", encoding="utf-8")
    gold = tmp_path / "a.yaml"
    gold.write_text(
        'article: a.txt\nfacts:\n  - {kind: date, subject: T, statement: s, answer: "2011", '
        'evidence: "The treaty was signed in 2010."}\n',
        encoding="utf-8",
    )
    problems, kinds = _check_gold().check_file(gold, tmp_path)
    assert kinds == {"date": 1} and len(problems) == 2  # not in the article, not in the evidence
