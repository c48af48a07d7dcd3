"""The questionary interface, driven for real through a pseudo-terminal with pexpect.

tests/quiz_app.py runs the quiz on the test items in a child process with a pty; these tests read
each question off the screen, find its item, and press the keys a person would (arrows and Enter in
a select list, y/n in a confirm, typing in a text box). The store is a real SQLite file, read back
afterwards.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pexpect
import pytest
from quiz_items import sample_items

from quizgen.model import Item
from quizgen.quiz.store import Store

APP = Path(__file__).resolve().parent / "quiz_app.py"
DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"


def spawn(store: Path, *args: str):
    # No cursor-position requests: pexpect is a terminal that never answers them.
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm"}
    child = pexpect.spawn(
        sys.executable, [str(APP), str(store), *args], env=env, encoding="utf-8", timeout=20, dimensions=(50, 220)
    )
    child.logfile_read = open(os.environ.get("QUIZ_PTY_LOG", os.devnull), "a")  # noqa: SIM115
    return child


def next_item(child, items: list[Item]) -> Item:
    """Wait for the next question and return the item it shows."""
    return next_question(child, items)[0]


def next_question(child, items: list[Item]) -> tuple[Item, str]:
    """Wait for the next question; return its item and its header line."""
    child.expect(r"Question \d+ of \d+[^\r\n\x1b]*")
    header = child.after
    idx = child.expect([re.escape(i.prompt) for i in items])
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before)
    assert not shown.rstrip().endswith("True or false?"), "the prompt's prefix was shown twice"
    return items[idx], header


def answer(child, item: Item, right: bool) -> None:
    """Press the keys that give the right (or a wrong) answer."""
    if item.type == "true_false":
        truth = item.answer == "True"
        child.send("y" if truth == right else "n")
    elif item.type in ("multiple_choice", "who_said"):
        index = item.choices.index(item.answer)
        if not right:
            index = (index + 1) % len(item.choices)
        child.send(DOWN * index + ENTER)
    elif item.type == "timeline":
        order = list(item.order) if right else list(reversed(item.order))
        remaining = list(item.choices)
        for event in order[:-1]:
            child.expect("Which came")
            child.send(DOWN * remaining.index(event) + ENTER)
            remaining.remove(event)
    else:
        child.send((item.answer if right else "zzz not it") + ENTER)


def test_answering_feedback_interrupt_and_second_run(tmp_path):
    items = sample_items()
    store_path = tmp_path / "reviews.sqlite3"

    child = spawn(store_path, "--count", "4")
    child.expect("4 questions: new, new, new, new")
    first = next_item(child, items)
    answer(child, first, right=True)
    child.expect("✓ Right")
    child.expect(re.escape(f"Answer: {first.answer}"))
    child.expect(re.escape(f"Source: “{first.evidence.text}” — {first.source_title}"))

    second = next_item(child, items)
    answer(child, second, right=False)
    child.expect("✗ (Wrong|Near miss)")
    child.expect(re.escape(f"Answer: {second.answer}"))

    child.expect(r"Question 3 of 4 · score 1/2 · new")
    child.send(CTRL_C)
    child.expect(r"Quiz interrupted: 1 of 2 right \(50%\), 2 not asked")
    child.expect("Missed:")
    child.expect(re.escape(second.prompt))
    child.expect("Next reviews:")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    # The answers given before Ctrl-C are in the store.
    with Store(store_path) as store:
        assert {r.item_id: r.correct for r in store.reviews()} == {first.id: True, second.id: False}
        assert set(store.cards()) == {first.id, second.id}

    # A second run: the reviewed items are not due yet, so they come last, marked as reviewed; one item of each
    # fact (a reviewed item whose fact a new item asks about waits for another session).
    child = spawn(store_path, "--all")
    child.expect(r"(\d+) questions: ([a-z, ]+)\r?\n")
    total, labels = int(child.match.group(1)), child.match.group(2).split(", ")
    reviewed = labels.count("reviewed")
    assert labels == ["new"] * (total - reviewed) + ["reviewed"] * reviewed and reviewed <= 2
    asked = []
    for n in range(1, total + 1):
        item, header = next_question(child, items)
        asked.append(item)
        if n > total - reviewed:
            assert item.id in (first.id, second.id)
            assert re.fullmatch(rf"Question {n} of {total} · score \d+/\d+ · reviewed 1 time, due .+", header)
        else:
            assert header.endswith(" · new")
        answer(child, item, right=True)
        child.expect("✓ Right")
    child.expect(rf"Quiz finished: {total} of {total} right \(100%\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    facts = [f for i in asked for f in i.facts or (i.fact,)]
    assert len(facts) == len(set(facts)) and total < len(items)
    with Store(store_path) as store:
        assert len(store.reviews()) == total + 2


def test_typo_is_forgiven_and_shown(tmp_path):
    items = [i for i in sample_items() if i.id == "signatory-new-start-medvedev:typed"]
    child = spawn(tmp_path / "s.sqlite3", "--types", "typed", "--count", "10")
    for _ in range(3):
        item = next_item(child, sample_items())
        if item.id == items[0].id:
            child.send("Medvedv" + ENTER)
            child.expect(re.escape("✓ Right (almost — you wrote 'Medvedv')."))
            break
        answer(child, item, right=True)
    child.send(CTRL_C)
    child.expect("Quiz interrupted")
    child.expect(pexpect.EOF)


def test_a_bare_enter_does_not_answer_a_true_false_question(tmp_path):
    """A bare Enter (#13, item 7) asks again; it used to answer "true" and be graded."""
    items = sample_items()
    child = spawn(tmp_path / "s.sqlite3", "--types", "true_false", "--count", "1")
    item = next_item(child, items)
    assert item.type == "true_false"
    child.send(ENTER)
    assert child.expect([re.escape("Please press y (true) or n (false)."), "✓ Right", "✗ Wrong"]) == 0
    child.expect(re.escape(item.prompt))  # the same question again
    answer(child, item, right=True)
    child.expect("✓ Right")
    child.expect(r"Quiz finished: 1 of 1 right")
    child.expect(pexpect.EOF)
    child.close()
    with Store(tmp_path / "s.sqlite3") as store:
        assert [r.correct for r in store.reviews()] == [True]


def screen_rows(output: str, width: int) -> list[str]:
    """The rows a terminal `width` columns wide shows after `output`: enough of a VT100 for what prompt_toolkit
    and print() send (text, CR, LF, cursor moves, erase below, auto-wrap on and off)."""
    rows: dict[int, list[str]] = {}
    row = col = 0
    autowrap, pending = True, False
    for m in re.finditer(r"\x1b\[(\??)([0-9;]*)([A-Za-z])|\x1b[()][A-Za-z0-9]|(.)", output, re.S):
        if m.group(4) is None:
            private, args, op = m.group(1), m.group(2), m.group(3)
            n = int(args.split(";")[0] or 1) if op in "ABCD" else 0
            if private and args == "7":
                autowrap = op == "h"
            elif op == "A":
                row = max(row - n, 0)
            elif op == "B":
                row += n
            elif op == "C":
                col = min(col + n, width - 1)
            elif op == "D":
                col = max(col - n, 0)
            elif op == "J":
                rows = {r: (cells[:col] if r == row else cells) for r, cells in rows.items() if r <= row}
            pending = pending and op not in "ABCD"
            continue
        ch = m.group(4)
        if ch == "\r":
            col, pending = 0, False
        elif ch == "\n":
            row, pending = row + 1, False
        elif ch >= " ":
            if pending and autowrap:
                row, col, pending = row + 1, 0, False
            cells = rows.setdefault(row, [])
            cells.extend(" " * (col + 1 - len(cells)))
            cells[col] = ch
            if col == width - 1:
                pending = True
            else:
                col += 1
    return ["".join(rows.get(r, [])).rstrip() for r in range(max(rows, default=-1) + 1)]


@pytest.mark.parametrize("plain", [False, True])
def test_long_prompts_wrap_between_words_at_the_terminal_width(tmp_path, plain):
    """#13, item 5: a prompt longer than the terminal was broken in the middle of a word ("d" / "eployed")."""
    width = 50
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm"}
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    args = [
        str(APP),
        str(tmp_path / "s.sqlite3"),
        "--types",
        "true_false",
        "--count",
        "1",
        *(["--plain"] if plain else []),
    ]
    child = pexpect.spawn(sys.executable, args, env=env, encoding="utf-8", timeout=20, dimensions=(40, width))
    item = next(i for i in sample_items() if i.type == "true_false")
    assert len(item.prompt) > 1.5 * width
    child.expect(r"\(y = true, n = false\)" if not plain else re.escape("[t/f]: "))
    rows = screen_rows(child.before + child.after, width)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    shown = [w for r in rows for w in r.split()]
    missing = [w for w in item.prompt.split() if w not in shown]
    assert not missing, rows
    assert all(len(r) <= width for r in rows)
