"""Plain mode: the quiz run with answers piped in, line by line, as a script would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from quiz_items import sample_items

from quizgen.quiz.store import Store

APP = Path(__file__).resolve().parent / "quiz_app.py"


def run_app(store: Path, input: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(APP), str(store), "--plain", *args],
        input=input,
        capture_output=True,
        text=True,
        timeout=60,
    )


def plain_reply(item) -> str:
    """The line a person types to answer `item` right in plain mode."""
    if item.type == "true_false":
        return "t" if item.answer == "True" else "f"
    if item.type == "timeline":
        return " ".join(str(item.choices.index(e) + 1) for e in item.order)
    if item.choices:
        return str(item.choices.index(item.answer) + 1)
    return item.answer


def test_piped_answers_run_a_whole_quiz(tmp_path):
    items = {i.id: i for i in sample_items()}
    store = tmp_path / "s.sqlite3"
    # The order is the app's own (seeded); read it from a first run that ends at once.
    probe = run_app(store, "")
    assert probe.returncode == 0
    assert "Quiz finished: no questions answered." in probe.stdout
    order = _order_from_seed()
    # One item per fact: the warheads cloze and true/false, and the timeline and the typed dates, are siblings.
    facts = [f for i in order for f in items[i].facts or (items[i].fact,)]
    assert len(facts) == len(set(facts)) and len(order) < len(items)
    prompts = [line for line in probe.stdout.splitlines() if line.startswith("Question 1 of")]
    assert prompts == [f"Question 1 of {len(order)} · score 0/0 · new"]
    first_prompt = probe.stdout.splitlines()[2]
    assert items[order[0]].prompt == first_prompt
    answers = "\n".join(plain_reply(items[i]) for i in order) + "\n"
    result = run_app(store, answers)
    assert result.returncode == 0, result.stderr
    assert f"Quiz finished: {len(order)} of {len(order)} right (100%)" in result.stdout
    assert result.stdout.count("✓ Right.") == len(order)
    with Store(store) as s:
        assert len(s.reviews()) == len(order)


def _order_from_seed() -> list[str]:
    from quizgen.quiz.session import select_items

    return [i.id for i in select_items(sample_items(), {}, __import__("datetime").datetime.now(), count=None)]


def test_end_of_input_ends_cleanly_with_summary_and_saves(tmp_path):
    items = {i.id: i for i in sample_items()}
    order = _order_from_seed()
    store = tmp_path / "s.sqlite3"
    # Two right answers, then a wrong one, then the input runs out mid-quiz.
    lines = [plain_reply(items[order[0]]), plain_reply(items[order[1]])]
    third = items[order[2]]
    lines.append({"true_false": "t" if third.answer == "False" else "f"}.get(third.type, _wrong(third)))
    result = run_app(store, "\n".join(lines) + "\n", "--count", "5")
    assert result.returncode == 0, result.stderr
    assert "Quiz finished: 2 of 3 right (67%), 2 not asked" in result.stdout
    assert "Missed:" in result.stdout and f"    answer: {third.answer} (you said:" in result.stdout
    assert "Traceback" not in result.stderr
    with Store(store) as s:
        assert [r.correct for r in reversed(s.reviews())] == [True, True, False]


def _wrong(item) -> str:
    if item.type == "timeline":
        return " ".join(str(item.choices.index(e) + 1) for e in reversed(item.order))
    if item.choices:
        return str(next(n for n, c in enumerate(item.choices, 1) if c != item.answer))
    return "certainly not this"


def test_invalid_answers_are_asked_again(tmp_path):
    items = {i.id: i for i in sample_items()}
    order = _order_from_seed()
    first = items[order[0]]
    bad = {"true_false": "maybe", "timeline": "1 1"}.get(first.type, "99" if first.choices else "")
    result = run_app(tmp_path / "s.sqlite3", f"{bad}\n{plain_reply(first)}\n", "--count", "1")
    assert result.returncode == 0
    assert "Please" in result.stdout
    assert "Quiz finished: 1 of 1 right (100%)" in result.stdout
