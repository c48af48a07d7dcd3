"""The extraction cache and --jobs: same deck, byte for byte, however it was made; corrupt entries are
misses; a changed article is re-extracted."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SEEDS, run_cli

from quizgen.deck import dump_deck
from quizgen.extract.cache import Cache, dump_candidates, load_candidates
from quizgen.extract.pipeline import extract_article, extract_articles, sentence_plan, treaty_names


@pytest.fixture(scope="module")
def plain_deck(nlp, articles) -> str:  # noqa: ANN001
    return dump_deck(extract_articles(articles, nlp, "Seeds"))


def entries(root: Path, kind: str) -> list[Path]:
    return sorted(p for p in (root / kind).rglob("*") if p.is_file() and not p.name.startswith("."))


def test_cache_entry_round_trip_and_corruption(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    assert cache.get("parse", "ab12") is None
    cache.put("parse", "ab12", b"payload")
    assert cache.get("parse", "ab12") == b"payload"
    (entry,) = entries(tmp_path, "parse")
    data = bytearray(entry.read_bytes())
    data[-1] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert cache.get("parse", "ab12") is None  # checksum mismatch: a miss, not an error
    entry.write_bytes(b"QG")  # truncated
    assert cache.get("parse", "ab12") is None
    cache.put("parse", "ab12", b"payload")
    assert cache.get("parse", "ab12") == b"payload"


def test_unwritable_cache_folder_is_not_fatal(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = Cache(blocker)
    cache.put("parse", "ab12", b"x")  # cannot create a folder under a file: silently not cached
    assert cache.get("parse", "ab12") is None


def test_candidates_survive_json_exactly(nlp, articles) -> None:  # noqa: ANN001
    treaties = treaty_names(articles)
    article = articles[0]
    docs = list(nlp.pipe(article.text[s:e] for s, e, _ in sentence_plan(article)))
    cands = extract_article(article, docs, treaties)
    assert cands, "the seed article yields candidates"
    data = dump_candidates(cands)
    assert data is not None
    assert load_candidates(data) == cands
    assert load_candidates(b"[{") is None
    assert load_candidates(b'[{"$": "NoSuchType"}]') is None


def test_cache_and_jobs_give_the_same_deck(tmp_path: Path, nlp, articles, plain_deck: str) -> None:  # noqa: ANN001
    cache = Cache(tmp_path)
    cold = dump_deck(extract_articles(articles, nlp, "Seeds", cache=cache))
    assert cold == plain_deck
    assert len(entries(tmp_path, "parse")) == len(articles) == len(entries(tmp_path, "cands"))

    warm_cache = Cache(tmp_path)
    assert dump_deck(extract_articles(articles, nlp, "Seeds", cache=warm_cache)) == plain_deck
    assert warm_cache.misses == 0 and warm_cache.hits == len(articles)  # candidates reused, nothing parsed

    shutil.rmtree(tmp_path / "cands")  # parses cached, candidates not: extracted again from cached docs
    assert dump_deck(extract_articles(articles, nlp, "Seeds", cache=Cache(tmp_path), jobs=2)) == plain_deck

    assert dump_deck(extract_articles(articles, nlp, "Seeds", jobs=2)) == plain_deck

    for entry in entries(tmp_path, "parse") + entries(tmp_path, "cands"):
        entry.write_bytes(entry.read_bytes()[:-3] + b"xyz")  # corrupt every entry
    again = Cache(tmp_path)
    assert dump_deck(extract_articles(articles, nlp, "Seeds", cache=again)) == plain_deck
    assert again.hits == 0
    assert Cache(tmp_path).get("cands", entries(tmp_path, "cands")[0].name) is not None  # rewritten whole


def test_progress_adds_up_to_the_text_however_it_is_made(nlp, articles, tmp_path: Path) -> None:  # noqa: ANN001
    """Characters of article text: read here, in worker processes, or from the cache."""
    size = sum(len(a.text) for a in articles)
    for options in ({}, {"jobs": 2}, {"cache": Cache(tmp_path)}, {"cache": Cache(tmp_path)}):
        calls: list[int] = []
        extract_articles(articles, nlp, "Seeds", progress=calls.append, **options)
        assert sum(calls) == size, options


def test_extract_command_rebuilds_from_cache_and_sees_changes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    cache = tmp_path / "cache"
    out = tmp_path / "deck.yaml"

    def extract(*extra: str) -> bytes:
        r = run_cli("extract", str(corpus), "-o", str(out), "--title", "Seeds", *extra)
        assert r.returncode == 0, r.stderr
        assert r.stderr == ""  # no progress bar when stderr is not a terminal
        return out.read_bytes()

    fresh = extract("--no-cache")
    assert not cache.exists()
    assert extract("--cache", str(cache)) == fresh
    assert len(entries(cache, "deck")) == 1
    assert extract("--cache", str(cache), "--jobs", "2") == fresh  # the whole deck from the cache

    article = sorted(corpus.glob("*.txt"))[1]
    article.write_text(
        article.read_text(encoding="utf-8") + "\nThe treaty was signed in Prague on 8 April 2010.\n", encoding="utf-8"
    )
    changed = extract("--cache", str(cache))
    assert changed != fresh
    assert changed == extract("--no-cache")
    assert len(entries(cache, "parse")) == 4  # three articles, and the changed one's new parse


def test_jobs_must_not_be_negative(tmp_path: Path) -> None:
    r = run_cli("extract", str(SEEDS), "-o", str(tmp_path / "d.yaml"), "--jobs", "-1")
    assert r.returncode == 2
    assert r.stderr.strip() == "quizgen: error: --jobs: must be 0 or more, not -1"
