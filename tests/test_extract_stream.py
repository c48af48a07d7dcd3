"""Issue 14, item 5: the sentences of many articles go through one `nlp.pipe` stream (its batches run across
articles' ends), and the deck is the same as when each article was parsed on its own, with a cache entry
that proves unusable in the middle of the corpus, and whatever the progress reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quizgen.deck import dump_deck
from quizgen.extract.pipeline import extract_article, extract_articles, parsed, text_size, treaty_names


class Counting:
    """The real pipeline, counting the calls of `pipe` and the texts they parse."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.calls, self.texts = nlp, 0, 0

    def pipe(self, texts: Any, **kw: Any) -> Any:
        self.calls += 1
        yield from self.nlp.pipe(self._counted(texts), **kw)

    def _counted(self, texts: Any) -> Any:
        for t in texts:
            self.texts += 1
            yield t

    def __getattr__(self, name: str) -> Any:
        return getattr(self.nlp, name)


@pytest.fixture(scope="module")
def one_by_one(nlp, articles) -> str:  # noqa: ANN001
    """The deck as made when every article was parsed in a call of its own (the code before the stream)."""
    from quizgen.extract.merge import merge

    treaties = treaty_names(articles)
    cands = []
    for a in articles:
        docs, _ = parsed(a, nlp, None)
        cands += extract_article(a, docs, treaties)
    return dump_deck(merge(cands, articles, treaties, "Seeds"))


def test_the_articles_are_parsed_in_one_stream_and_give_the_same_deck(nlp, articles, one_by_one) -> None:  # noqa: ANN001
    counting = Counting(nlp)
    deck = dump_deck(extract_articles(articles, counting, "Seeds"))
    assert len(articles) == 3
    assert counting.calls == 1, "one nlp.pipe call for all the articles"
    assert counting.texts > 30
    assert deck == one_by_one


def test_a_bad_cached_parse_in_the_middle_is_parsed_on_its_own(nlp, articles, one_by_one, tmp_path: Path) -> None:  # noqa: ANN001
    from quizgen.extract import cache as _cache
    from quizgen.extract.pipeline import _parser_texts

    cache = _cache.Cache(tmp_path)
    extract_articles(articles, nlp, "Seeds", cache=cache)  # fills the cache
    pid = _cache.pipeline_id(nlp)
    table = _cache.treaty_table(treaty_names(articles))
    middle = articles[1]
    pkey = _cache.parse_key(pid, _parser_texts(middle))
    cache.put("parse", pkey, b"not a DocBin")  # a parse entry spaCy cannot read
    for a in articles:  # and no candidates: every article is read from its parse again
        cache.put("cands", _cache.candidates_key(_cache.parse_key(pid, _parser_texts(a)), a, table), b"[")
    counting = Counting(nlp)
    done: list[int] = []
    deck = dump_deck(extract_articles(articles, counting, "Seeds", cache=cache, progress=done.append))
    assert deck == one_by_one
    assert counting.calls == 2, "the stream (empty: the others are cached) and the bad one on its own"
    assert counting.texts == len(_parser_texts(middle))
    assert sum(done) == text_size(articles)


def test_progress_of_a_streamed_corpus_adds_up_and_never_goes_back(nlp, articles) -> None:  # noqa: ANN001
    done: list[int] = []
    extract_articles(articles, nlp, "Seeds", progress=done.append)
    assert all(n > 0 for n in done)
    assert sum(done) == text_size(articles)
    assert len(done) > len(articles), "progress within articles, not only at their ends"
