"""Parsed decks in the cache folder: what comes back is what parsing gives, and a bad entry costs nothing."""

from __future__ import annotations

from contextlib import nullcontext

import pytest
from conftest import ROOT

from quizgen.cache import Cache
from quizgen.deck import load_deck
from quizgen.deck_cache import KIND, load_deck_cached
from quizgen.errors import QuizgenError

DECK = ROOT / "decks" / "new-start.yaml"


def entries(cache: Cache) -> list:
    return sorted(p for p in (cache.root / KIND).rglob("*") if p.is_file())


def test_a_cached_deck_is_the_parsed_deck(tmp_path):
    cache = Cache(tmp_path / "cache")
    first = load_deck_cached(DECK, cache, min_bytes=0)  # parsed, then stored
    assert cache.misses == 1 and len(entries(cache)) == 1
    second = load_deck_cached(DECK, cache, min_bytes=0)  # from the cache
    assert cache.hits == 1
    assert first == second == load_deck(DECK)


def test_small_decks_are_not_cached(tmp_path):
    cache = Cache(tmp_path / "cache")
    assert load_deck_cached(DECK, cache) == load_deck(DECK)  # under MIN_BYTES
    assert entries(cache) == []


def test_an_edited_deck_is_parsed_again(tmp_path):
    cache = Cache(tmp_path / "cache")
    deck = tmp_path / "deck.yaml"
    deck.write_text(DECK.read_text(encoding="utf-8"), encoding="utf-8")
    load_deck_cached(deck, cache, min_bytes=0)
    deck.write_text(deck.read_text(encoding="utf-8").replace("title: New START", "title: Edited"), encoding="utf-8")
    assert load_deck_cached(deck, cache, min_bytes=0).title == "Edited"
    assert len(entries(cache)) == 2


def test_a_corrupt_entry_is_parsed_again_and_replaced(tmp_path):
    cache = Cache(tmp_path / "cache")
    load_deck_cached(DECK, cache, min_bytes=0)
    (entry,) = entries(cache)
    entry.write_bytes(entry.read_bytes()[:100])  # truncated: its checksum fails
    assert load_deck_cached(DECK, cache, min_bytes=0) == load_deck(DECK)
    # A well-formed entry whose content is not a deck (say, written by another version): also parsed again.
    key = entry.name
    cache.put(KIND, key, b"\x00not marshal")
    assert load_deck_cached(DECK, cache, min_bytes=0) == load_deck(DECK)
    assert load_deck_cached(DECK, cache, min_bytes=0) == load_deck(DECK)
    assert cache.hits >= 1


def test_an_invalid_deck_gives_its_error_and_is_not_cached(tmp_path):
    cache = Cache(tmp_path / "cache")
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nfacts: [1, 2\n", encoding="utf-8")
    with pytest.raises(QuizgenError, match=r"bad.yaml:\d+"):
        load_deck_cached(bad, cache, min_bytes=0)
    with pytest.raises(QuizgenError, match="no such file"):
        load_deck_cached(tmp_path / "missing.yaml", cache, min_bytes=0)
    assert entries(cache) == []


def test_a_deck_extract_wrote_is_read_from_the_cache_the_first_time(tmp_path):
    """extract stores the deck it writes (remember), so the first quiz on a large deck does not parse it."""
    from quizgen.deck_cache import remember

    cache = Cache(tmp_path / "cache")
    written = tmp_path / "deck.yaml"
    written.write_bytes(DECK.read_bytes())
    remember(written.read_bytes(), str(written), cache, min_bytes=0)
    assert len(entries(cache)) == 1
    reader = Cache(tmp_path / "cache")
    assert load_deck_cached(written, reader, min_bytes=0) == load_deck(DECK)
    assert reader.hits == 1 and reader.misses == 0


def test_a_small_deck_extract_wrote_is_not_stored(tmp_path):
    from quizgen.deck_cache import remember

    cache = Cache(tmp_path / "cache")
    remember(DECK.read_bytes(), str(DECK), cache)  # 53 KB, under MIN_BYTES
    assert entries(cache) == []


@pytest.mark.parametrize("collecting", [True, False])
def test_the_collector_is_as_it_was_after_a_load(tmp_path, collecting):
    """Loading pauses the garbage collector (a big deck's objects are no garbage) and gives it back as it
    was: after a parse, a cache hit and an error alike."""
    import gc

    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nfacts: [\n", encoding="utf-8")
    cache = Cache(tmp_path / "cache")
    was = gc.isenabled()
    try:
        (gc.enable if collecting else gc.disable)()
        for path in (DECK, DECK, bad):
            with pytest.raises(QuizgenError) if path == bad else nullcontext():
                load_deck_cached(path, cache, min_bytes=0)
            assert gc.isenabled() is collecting
        assert cache.hits == 1
    finally:
        (gc.enable if was else gc.disable)()
