"""Issue 12: hostile input. Each test reproduces one of the failures the 701-case attack found (its number in
the issue's table) and holds the promise: one line `quizgen: error: <where>: <what>`, exit status 2, nothing
half-written, nothing lost."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

ARTICLE = (
    "Harbour Accord signed\n\nThe Harbour Accord was signed on 8 June 2031 by Kelmar and Norvald. It caps each "
    "navy at 18 patrol ships.\n"
)


def one_error_line(result, *expected: str) -> str:
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("quizgen: error: "), result.stderr
    for text in expected:
        assert text in lines[0], lines[0]
    return lines[0]


# ---- 1: an output that is also an input ---------------------------------------------------------------------


@pytest.mark.parametrize("how", ["same name", "symbolic link", "hard link", "inside a folder read"])
def test_extract_never_writes_its_deck_over_an_article(tmp_path: Path, how: str) -> None:
    article = tmp_path / "x.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    given, out = str(article), article
    if how == "symbolic link":
        out = tmp_path / "link.txt"
        out.symlink_to(article)
    elif how == "hard link":
        out = tmp_path / "hard.yaml"
        os.link(article, out)
    elif how == "inside a folder read":
        given = str(tmp_path)
    result = run_cli("extract", given, "-o", str(out), "--no-cache")
    one_error_line(result, str(out), "is also an input")
    assert article.read_text(encoding="utf-8") == ARTICLE


def test_export_never_writes_its_package_over_a_deck(tmp_path: Path) -> None:
    deck = tmp_path / "deck.apkg"
    data = (ROOT / "decks" / "new-start.yaml").read_bytes()
    deck.write_bytes(data)
    one_error_line(run_cli("export", str(deck), "-o", str(deck)), "is also an input")
    assert deck.read_bytes() == data


# ---- 2: sentence splitting in linear time; a run with no sentence end is not parsed whole --------------------


# (The splitter's linear work is checked in test_sentence_splitter_fuzz.py, by characters read, not seconds.)


@pytest.mark.parametrize("run", ["words " * 40_000, "a" * 200_000])
def test_a_run_with_no_sentence_end_is_skipped_with_a_warning(tmp_path: Path, run: str) -> None:
    article = tmp_path / "long.txt"
    article.write_text(ARTICLE + "\nThe text reads: " + run + "\n\nKelmar ratified the Harbour Accord in 2032.\n")
    deck = tmp_path / "deck.yaml"
    result = run_cli("extract", str(article), "-o", str(deck), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert "a run of text with no sentence end" in result.stderr and "skipped" in result.stderr
    assert "Traceback" not in result.stderr
    text = deck.read_text(encoding="utf-8")
    assert "2032" in text and "words words" not in text and "aaaa" not in text


# ---- 5-11, 21: the deck reader: one `file:line` error for anything it cannot take ----------------------------

DECK = """\
quizgen: 1
title: T
sources:
  - id: s1
    path: s1.txt
    published: '2031-06-09'
facts:
  - id: f1
    kind: limit
    subject: Harbour Accord
    answer: '18'
    statement: The Harbour Accord caps each navy at 18 patrol ships.
    quantity: {value: 18, text: '18', measure: patrol ships, change: limit}
    evidence:
      - source: s1
        text: It caps each navy at 18 patrol ships.
  - id: f2
    kind: date
    subject: Harbour Accord
    answer: 8 June 2031
    statement: The Harbour Accord was signed on 8 June 2031.
    date: {value: '2031-06-08', precision: day}
    evidence:
      - source: s1
        text: The Harbour Accord was signed on 8 June 2031.
"""


def deck_error(text: str) -> str:
    from quizgen import QuizgenError, parse_deck

    with pytest.raises(QuizgenError) as info:
        parse_deck(text, "d.yaml")
    message = str(info.value)
    assert "\n" not in message and message.startswith("d.yaml:"), message
    return message


def test_the_sample_of_this_file_is_a_good_deck() -> None:
    from quizgen import parse_deck

    assert len(parse_deck(DECK, "d.yaml").facts) == 2


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # 5: YAML's own date and number conversions
        ("title: T", "title: 2021-02-30", None),  # a title that looks like a date is text
        ("published: '2031-06-09'", "published: 2020-13-45", "d.yaml:6: sources[0].published: expected a date"),
        ("title: T", "title: !!int nope", "d.yaml:2: YAML syntax error: cannot read this value"),
        ("published: '2031-06-09'", "published: 2001-12-14t21:59:43.10+25:00", "d.yaml:6: sources[0].published"),
        ("title: T", "title: !!timestamp 2021-02-05", "d.yaml:2: YAML syntax error: a deck holds no timestamp"),
        ("title: T", "title: !!binary aGVsbG8=", "d.yaml:2: YAML syntax error: a deck holds no binary"),
        # 6: a key that is a list or a mapping
        ("title: T", "title: T\n[a, b]: 1", "d.yaml:3: YAML syntax error: a key must be a name, found a list"),
        ("title: T", "title: T\n{a: 1}: 1", "d.yaml:3: YAML syntax error: a key must be a name, found a mapping"),
        # 7: a number too large for a limit
        ("value: 18,", "value: " + "9" * 400 + ",", "d.yaml:13: facts[0].quantity.value: expected a number within"),
        ("value: 18,", "value: .inf,", "d.yaml:13: facts[0].quantity.value: expected a number within"),
        # 8: control characters
        ("title: T", "title: T\x00", "d.yaml:2: control character U+0000 is not allowed"),
        ("subject: Harbour Accord\n    answer: '18'", "subject: Harbour\x07 Accord\n    answer: '18'", "d.yaml:10:"),
        # 10: a date that is not in the calendar
        ("value: '2031-06-08'", "value: '2021-02-30'", "d.yaml:22: facts[1].date.value: no such day"),
        # 11: an answer in no evidence sentence, though an evidence has its own answer
        (
            "        text: It caps each navy at 18 patrol ships.",
            "        text: It caps each navy at 18 patrol ships.\n        answer: '18'\n    note: x",
            None,
        ),
        ("answer: 8 June 2031", "answer: 9 June 2031", "d.yaml:20: facts[1].answer: '9 June 2031' is not in"),
        # 21: the format version, and unknown keys with the nearest known one
        ("quizgen: 1\n", "", "d.yaml:1: deck.quizgen: missing: the format version"),
        ("quizgen: 1", "quizgen: 99", "d.yaml:1: deck.quizgen: format version 99 is not one this quizgen reads"),
        ("quizgen: 1", "quizgen: banana", "d.yaml:1: deck.quizgen: expected a format version, found str 'banana'"),
        (
            "    evidence:\n      - source: s1\n        text: The",
            "    conflict: [f1]\n    evidence:\n      - source: s1\n        text: The",
            "d.yaml:23: facts[1].conflict: unknown key; did you mean 'conflicts'?",
        ),
        ("title: T", "title: T\ntitel: U", "d.yaml:3: deck.titel: unknown key; did you mean 'title'?"),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 40 else None,
)  # fmt: skip
def test_a_bad_deck_is_one_error_with_its_line(old: str, new: str, expected: str | None) -> None:
    from quizgen import parse_deck

    assert old in DECK
    text = DECK.replace(old, new, 1)
    if expected is None:
        parse_deck(text, "d.yaml")  # read, not refused
    else:
        assert deck_error(text).startswith(expected)


def test_an_evidence_answer_does_not_excuse_a_fact_answer_found_nowhere() -> None:
    line = "        text: It caps each navy at 18 patrol ships."
    text = DECK.replace("    answer: '18'\n", "    answer: '19'\n", 1).replace(line, line + "\n        answer: '18'")
    assert "'19' is not in the fact's evidence" in deck_error(text)


# ---- 9: special files: a device or a pipe is refused, not read forever -----------------------------------------


@pytest.mark.parametrize("command", ["check", "questions", "stats", "quiz"])
def test_a_device_as_a_deck_is_refused(command: str, tmp_path: Path) -> None:
    extra = ["--store", str(tmp_path / "s")] if command in ("stats", "quiz") else []
    one_error_line(run_cli(command, "/dev/zero", *extra), "/dev/zero", "not a regular file")


def test_a_fifo_as_a_deck_or_as_a_source_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    one_error_line(run_cli("check", str(fifo)), "not a regular file")
    (tmp_path / "s1.txt").unlink(missing_ok=True)
    os.mkfifo(tmp_path / "s1.txt")  # the source `check` reads
    deck = tmp_path / "deck.yaml"
    deck.write_text(DECK, encoding="utf-8")
    one_error_line(run_cli("check", str(deck)), "s1.txt", "not a regular file")


def test_a_cache_entry_replaced_by_a_fifo_is_a_miss(tmp_path: Path) -> None:
    from quizgen.cache import Cache

    cache = Cache(tmp_path)
    cache.put("decks", "ab" * 32, b"payload")
    assert cache.get("decks", "ab" * 32) == b"payload"
    entry = next((tmp_path / "decks").rglob("abab*"))
    entry.unlink()
    os.mkfifo(entry)
    assert cache.get("decks", "ab" * 32) is None
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert cache.get("decks", "ab" * 32) is None


def test_a_deck_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    from quizgen import deck as deck_module
    from quizgen import load_deck
    from quizgen.errors import QuizgenError

    big = tmp_path / "big.yaml"
    big.write_text(DECK + "# padding\n" * 200, encoding="utf-8")
    monkeypatch.setattr(deck_module, "MAX_DECK_BYTES", 1024)
    with pytest.raises(QuizgenError, match=r"larger than the 0 MiB") as info:
        deck_module.load_deck(big)
    assert info.value.where == str(big)
    monkeypatch.undo()
    assert load_deck(big).title == "T"


# ---- 3: control characters never reach the terminal ------------------------------------------------------------

ESCAPES = "\x1b[31mRED\x1b[0m\x1b]0;owned\x07"


def test_a_deck_text_holding_escape_sequences_is_one_error_with_its_line(tmp_path: Path) -> None:
    # YAML's own "\e" and "\a" escapes turn into the real characters only after parsing.
    deck = tmp_path / "deck.yaml"
    deck.write_text(DECK.replace("title: T", 'title: "\\e[31mRED\\e[0m\\e]0;owned\\a"'), encoding="utf-8")
    for command in ("check", "questions"):
        line = one_error_line(run_cli(command, str(deck)), f"{deck}:2", "title", "control character U+001B")
        assert "\x1b" not in line and "\x07" not in line


def test_printable_leaves_no_control_character_but_tab_and_line_feed() -> None:
    from quizgen.controls import printable

    assert printable(ESCAPES) == "\\x1b[31mRED\\x1b[0m\\x1b]0;owned\\x07"
    assert printable("a\tb\nc\rd\x9be") == "a\tb\nc\\rd\\x9be"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_printable_text_holds_no_control_character(text: str) -> None:
    from quizgen.controls import first_control, printable, strip_controls

    assert first_control(printable(text), allowed="\t\n") is None
    cleaned, removed = strip_controls(text)
    assert first_control(cleaned) is None
    assert removed == 0 or cleaned != text or removed and len(cleaned) <= len(text)


def test_a_file_name_holding_an_escape_is_shown_escaped(tmp_path: Path) -> None:
    name = tmp_path / "deck\x1b]0;owned\x07.yaml"
    name.write_text(DECK, encoding="utf-8")
    result = run_cli("check", str(name))
    assert result.returncode == 0, result.stderr
    assert "deck\\x1b]0;owned\\x07.yaml: ok" in result.stdout
    assert "\x1b" not in result.stdout + result.stderr and "\x07" not in result.stdout + result.stderr
    missing = run_cli("check", str(tmp_path / "gone\x1b[2J.yaml"))
    assert "\x1b" not in one_error_line(missing, "gone\\x1b[2J.yaml")


def test_the_quiz_shows_a_library_built_deck_escaped() -> None:
    """Decks from files cannot hold control characters, but a deck built in code can: the quiz's plain
    interface escapes whatever it prints."""
    import io

    from quizgen.quiz.plain import PlainUI

    out = io.StringIO()
    ui = PlainUI(stdin=io.StringIO("x\n"), stdout=out)
    ui.say(f"Who signed {ESCAPES}?")
    ui.read(f"answer {ESCAPES}: ")
    assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue()
    assert "\\x1b[31mRED" in out.getvalue()


# ---- 3, 12, 19: articles: escapes removed, one encoding per file recorded for `check`, non-English refused ------

LATIN1 = "Harbour Accord signed\n\nThe Harbour Accord was signed on 8 June 2031 by Kelmar and Norvald in Malm\u00f6.\n"
UTF8_ONE_BAD = (
    "Harbour Accord signed\n\nThe Harbour Accord was signed on 8 June 2031 by Kelmar and Norvald, the minister\u2019s "
    "office said.\n"
)


def test_articles_are_read_once_in_one_encoding_cleaned_and_checked_the_same_way(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    good = UTF8_ONE_BAD.encode("utf-8")
    (folder / "onebad.txt").write_bytes(good.replace(b"Norvald", b"Norv\xe4ld"))  # one stray Latin-1 byte
    (folder / "escapes.txt").write_text(ARTICLE.replace("Kelmar", f"{ESCAPES}Kelmar", 1), encoding="utf-8")
    deck = tmp_path / "deck.yaml"
    result = run_cli("extract", str(folder), "-o", str(deck), "--no-cache")
    assert result.returncode == 0, result.stderr
    assert "latin1.txt: not UTF-8 (byte" in result.stderr and "read as Windows-1252" in result.stderr
    assert "onebad.txt: 1 byte(s) that are not UTF-8" in result.stderr  # one byte, not the whole file
    assert "escapes.txt: 3 control character(s) or terminal escape sequence(s) removed" in result.stderr
    text = deck.read_text(encoding="utf-8")
    assert "encoding: windows-1252" in text and text.count("encoding:") == 1  # the Latin-1 one only
    assert "in Malmö." in text  # Latin-1, read right
    assert "Norv\ufffdld, the minister’s office" in text  # the stray byte costs one character, not the file
    assert "â€" not in text and "\x1b" not in text and "\\e" not in text and "owned" not in text
    checked = run_cli("check", str(deck))  # rereads every source as extract read it
    assert checked.returncode == 0, checked.stderr
    assert "not found" not in checked.stderr


def test_check_reads_a_windows_1252_source_as_the_deck_records(tmp_path: Path) -> None:
    source = "The Harbour Accord was signed on 8 June 2031 in Malm\u00f6. It caps each navy at 18 patrol ships.\n"
    (tmp_path / "s1.txt").write_bytes(source.encode("cp1252"))
    body = DECK.replace("path: s1.txt", "path: s1.txt\n    encoding: windows-1252")
    signed = "text: The Harbour Accord was signed on 8 June 2031"
    body = body.replace(f"{signed}.", f"{signed} in Malmö.")
    assert "encoding: windows-1252" in body and "Malmö" in body
    deck = tmp_path / "deck.yaml"
    deck.write_text(body, encoding="utf-8")
    assert run_cli("check", str(deck)).returncode == 0
    deck.write_text(body.replace("    encoding: windows-1252\n", ""), encoding="utf-8")  # read as UTF-8, ö is lost
    one_error_line(run_cli("check", str(deck)), "text is not in source 's1'")
    deck.write_text(body.replace("windows-1252", "latin-2"), encoding="utf-8")
    one_error_line(run_cli("check", str(deck)), "encoding", "expected one of utf-8, windows-1252")


CHINESE = "该条约于1947年2月10日在巴黎由盟国和意大利的代表签署。它确定了该国的新边界，并规定向受害国支付大量赔偿。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "该条约于1947年2月10日在巴黎由盟国和意大利的代表签署。它确定了该国的新边界，并规定向受害国支付大量赔偿。"
            * 3,
            "CJK",
        ),
        (
            "Le traité a été signé à Paris le 10 février 1947 par les représentants des puissances alliées et de "
            "l'Italie. Il fixe les nouvelles frontières du pays et prévoit des réparations importantes. " * 2,
            "common English",
        ),
        (
            "Der Vertrag wurde am 10. Februar 1947 in Paris von den Vertretern der alliierten Mächte und Italiens "
            "unterzeichnet. Er legt die neuen Grenzen des Landes fest und sieht Reparationen vor. " * 2,
            "common English",
        ),
    ],
)
def test_an_article_not_in_english_is_named_so(tmp_path: Path, text: str, expected: str) -> None:
    article = tmp_path / "foreign.txt"
    article.write_text("Headline\n\n" + text + "\n", encoding="utf-8")
    line = one_error_line(run_cli("extract", str(article), "-o", str(tmp_path / "d.yaml")), "foreign.txt")
    assert "does not look like English" in line and expected in line


def test_every_article_in_the_repository_reads_as_english() -> None:
    from quizgen.corpus import not_english

    articles = [*ROOT.glob("seeds/*.txt"), *ROOT.glob("tests/data/**/*.txt")]
    assert len(articles) > 100
    assert [p for p in articles if not_english(p.read_text(encoding="utf-8", errors="replace"))] == []


# ---- 17, 18: a full or closed standard output, an ASCII-only one ------------------------------------------------

BUNDLED = str(ROOT / "decks" / "new-start.yaml")
STREAM_COMMANDS = {
    "check": ["check", BUNDLED],
    "questions": ["questions", BUNDLED],
    "stats": ["stats", "--store", "{store}"],
    "quiz": ["quiz", "--plain", "-n", "1", "--store", "{store}"],
    "export": ["export", BUNDLED, "-o", "{dir}/out.apkg"],
}


def _run_with_stdout(args: list[str], tmp_path: Path, stdout: str) -> subprocess.CompletedProcess[bytes]:
    import sys

    args = [a.format(store=tmp_path / "store.sqlite3", dir=tmp_path) for a in args]
    full = subprocess.DEVNULL if stdout == "closed" else open("/dev/full", "wb")  # noqa: SIM115
    try:
        return subprocess.run(
            [sys.executable, "-m", "quizgen", *args],
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=full,
            stderr=subprocess.PIPE,
            preexec_fn=(lambda: os.close(1)) if stdout == "closed" else None,  # noqa: PLW1509
            timeout=300,
        )
    finally:
        if full is not subprocess.DEVNULL:
            full.close()


@pytest.mark.parametrize("stdout", ["full", "closed"])
@pytest.mark.parametrize("command", sorted(STREAM_COMMANDS))
def test_output_that_cannot_be_written_is_one_error_line(tmp_path: Path, command: str, stdout: str) -> None:
    result = _run_with_stdout(STREAM_COMMANDS[command], tmp_path, stdout)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert "Traceback" not in err and "Exception ignored" not in err
    lines = err.strip().splitlines()
    assert lines[-1].startswith("quizgen: error: standard output: "), err
    assert ("No space left on device" if stdout == "full" else "is closed") in lines[-1]
    assert [line for line in lines if line.startswith("quizgen: error")] == [lines[-1]]


def test_extract_into_a_full_stdout_keeps_its_deck_and_says_so_in_one_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = _run_with_stdout(["extract", str(article), "-o", str(tmp_path / "d.yaml"), "--no-cache"], tmp_path, "full")
    assert result.returncode == 2 and result.stderr.decode().startswith("quizgen: error: standard output: ")
    assert "\nquizgen: 1\n" in (tmp_path / "d.yaml").read_text(encoding="utf-8")


def test_an_ascii_only_stream_gets_question_marks_in_text_and_escapes_in_data(tmp_path: Path) -> None:
    ascii_env = {"PYTHONIOENCODING": "ascii"}
    checked = run_cli("check", BUNDLED, env=ascii_env)
    assert checked.returncode == 0, checked.stderr
    assert ": ok ? 'New START" in checked.stdout  # the dash, replaced
    sheet = run_cli("questions", BUNDLED, "--kinds", "quote", env=ascii_env)
    assert sheet.returncode == 0 and "Traceback" not in sheet.stderr
    utf8 = run_cli("questions", BUNDLED, "--format", "json", env={"PYTHONIOENCODING": "utf-8"})
    escaped = run_cli("questions", BUNDLED, "--format", "json", env=ascii_env)
    assert escaped.returncode == 0 and escaped.stdout.isascii()
    assert json.loads(escaped.stdout) == json.loads(utf8.stdout)  # nothing lost
    as_yaml = run_cli("questions", BUNDLED, "--format", "yaml", env=ascii_env)
    assert as_yaml.stdout.isascii() and yaml.safe_load(as_yaml.stdout) == json.loads(utf8.stdout)
    quiz = run_cli("quiz", "--plain", "-n", "2", "--store", str(tmp_path / "s"), env=ascii_env, input="1\n1\n")
    assert quiz.returncode == 0 and "Traceback" not in quiz.stderr, quiz.stderr
