"""`quizgen merge`: shards extracted apart (`extract --shard`) give, byte for byte, the deck of one `extract` over
all their articles; bad input is one error line and exit status 2."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SEEDS, run_cli

from quizgen.cli import main

ONE, TWO, THREE = sorted(SEEDS.glob("*.txt"))
DEV = DATA / "sets"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The command run in this process (the spaCy pipeline is loaded once for all the tests here)."""
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def extract(capsys: pytest.CaptureFixture[str], *args: str) -> None:
    status, _, err = cli(capsys, "extract", *args)
    assert status == 0, err


def test_shards_of_the_seeds_merge_into_the_deck_of_one_extract(capsys, tmp_path: Path) -> None:  # noqa: ANN001
    extract(capsys, str(SEEDS), "-o", str(tmp_path / "one.yaml"), "--title", "Seeds")
    one = (tmp_path / "one.yaml").read_bytes()
    extract(capsys, str(ONE), "--shard", str(tmp_path / "a.qzshard"))
    extract(capsys, str(TWO), str(THREE), "--shard", str(tmp_path / "bc.qzshard"))
    for n, path in enumerate((ONE, TWO, THREE)):
        extract(capsys, str(path), "--shard", str(tmp_path / f"{n}.qzshard"))

    status, out, err = cli(capsys, "merge", str(tmp_path / "a.qzshard"), str(tmp_path / "bc.qzshard"),
                           "-o", str(tmp_path / "m.yaml"), "--title", "Seeds")  # fmt: skip
    assert status == 0, err
    assert out == f"{tmp_path / 'm.yaml'}: 83 facts from 3 articles\n"
    assert (tmp_path / "m.yaml").read_bytes() == one
    singles = [str(tmp_path / f"{n}.qzshard") for n in range(3)]
    assert cli(capsys, "merge", *singles, "-o", str(tmp_path / "s.yaml"), "--title", "Seeds")[0] == 0
    assert (tmp_path / "s.yaml").read_bytes() == one

    # Another order of shards: the deck of one extract reading the articles in that order (the title, from the
    # output's name, as extract's).
    extract(capsys, str(THREE), str(ONE), str(TWO), "-o", str(tmp_path / "other.yaml"))
    expected = (tmp_path / "other.yaml").read_bytes()
    assert expected != one
    status, _, err = cli(capsys, "merge", singles[2], singles[0], singles[1], "-o", str(tmp_path / "other.yaml"))
    assert status == 0, err
    assert (tmp_path / "other.yaml").read_bytes() == expected


def test_a_shard_is_the_same_bytes_each_time_and_a_deck_beside_it_is_extract_s(capsys, tmp_path: Path) -> None:  # noqa: ANN001
    extract(capsys, str(SEEDS), "-o", str(tmp_path / "plain.yaml"), "--no-cache")
    extract(capsys, str(SEEDS), "-o", str(tmp_path / "both.yaml"), "--shard", str(tmp_path / "1.qzshard"))
    extract(capsys, str(SEEDS), "--shard", str(tmp_path / "2.qzshard"), "--no-cache")
    extract(capsys, str(SEEDS), "--shard", str(tmp_path / "3.qzshard"))  # from the cache the first filled
    assert (tmp_path / "both.yaml").read_bytes().replace(b"title: both", b"title: plain") == (
        tmp_path / "plain.yaml"
    ).read_bytes()
    assert (tmp_path / "1.qzshard").read_bytes() == (tmp_path / "2.qzshard").read_bytes()
    assert (tmp_path / "3.qzshard").read_bytes() == (tmp_path / "2.qzshard").read_bytes()
    doc = json.loads(gzip.decompress((tmp_path / "1.qzshard").read_bytes()))
    assert [a["id"] for a in doc["articles"]] == [p.stem for p in (ONE, TWO, THREE)]
    assert doc["articles"][0]["path"] == str(ONE)  # absolute: the merged deck writes it relative to itself


def test_sets_with_other_treaties_sharded_by_folder(capsys, tmp_path: Path) -> None:  # noqa: ANN001
    """Each folder a shard: its treaty table lacks the others' names. The articles that write a name the
    tables resolve differently are read again, the others kept; the deck is still one extract's."""
    folders = [SEEDS, DEV / "dev1" / "articles", DEV / "dev2" / "articles"]
    extract(capsys, *map(str, folders), "-o", str(tmp_path / "one.yaml"))
    shards = []
    for n, folder in enumerate(folders):
        shards.append(str(tmp_path / f"{n}.qzshard"))
        extract(capsys, str(folder), "--shard", shards[-1])
    status, out, err = cli(capsys, "merge", *shards, "-o", str(tmp_path / "one-m.yaml"), "--title", "one")
    assert status == 0, err
    assert (tmp_path / "one-m.yaml").read_bytes() == (tmp_path / "one.yaml").read_bytes()
    (line,) = err.splitlines()  # (the progress bar does not draw: stderr is no terminal)
    read_again = int(line.split()[2])
    assert line.startswith("quizgen: reading ") and " of 11 again: " in line
    assert 0 < read_again < 11  # read again where the names differ, not everywhere


def test_merge_without_articles_to_read_again_does_not_load_spacy(capsys, tmp_path: Path) -> None:  # noqa: ANN001
    extract(capsys, str(ONE), str(TWO), "--shard", str(tmp_path / "p.qzshard"))
    code = (
        "import sys, contextlib, io\n"
        "from quizgen.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['merge', {str(tmp_path / 'p.qzshard')!r}, '-o', {str(tmp_path / 'd.yaml')!r}]) == 0\n"
        "print('spacy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False"] and out.stderr == ""
    extract(capsys, str(ONE), str(TWO), "-o", str(tmp_path / "d2.yaml"), "--title", "d")
    assert (tmp_path / "d.yaml").read_bytes() == (tmp_path / "d2.yaml").read_bytes()


def test_candidates_depend_on_the_treaty_table_only_through_the_names_asked() -> None:
    """What merge relies on to keep a shard's candidates (scripts/check_treaty_view.py checks every set): where
    a shard's table answers as the whole corpus's for the names an article asked about, its candidates are
    those extracted under the whole corpus's table."""
    from quizgen.corpus import read_articles
    from quizgen.extract.cache import lookup, same_answers, treaty_table
    from quizgen.extract.nlp import load_pipeline
    from quizgen.extract.pipeline import _parser_texts, extract_article, treaty_names
    from quizgen.extract.treaties import AskedNames

    nlp = load_pipeline(None)
    shards = [read_articles([SEEDS]), read_articles([DEV / "dev1" / "articles"])]
    everything = treaty_names(shards[0] + shards[1])
    whole = lookup(json.loads(treaty_table(everything)))
    kept = read_again = 0
    for articles in shards:
        own = treaty_names(articles)
        for article in articles:
            docs = list(nlp.pipe(_parser_texts(article)))
            names = AskedNames(own)
            cands = extract_article(article, docs, names)
            assert names.asked, article.source.id
            if same_answers(lookup(json.loads(treaty_table(own))), whole, names.asked):
                kept += 1
                assert cands == extract_article(article, docs, everything), article.source.id
            else:
                read_again += 1
    assert kept and read_again  # (the tables differ: seeds and dev1 name other treaties)


# -- bad input ----------------------------------------------------------------------------------------


def _gz(doc: object) -> bytes:
    return gzip.compress(json.dumps(doc).encode(), mtime=0)


def test_bad_input_is_one_line_exit_2_and_writes_nothing(capsys, tmp_path: Path) -> None:  # noqa: ANN001
    good = tmp_path / "good.qzshard"
    extract(capsys, str(ONE), "--shard", str(good))
    doc = json.loads(gzip.decompress(good.read_bytes()))
    raw = good.read_bytes()
    files = {
        "text.qzshard": b"just some text\n",
        "cut.qzshard": raw[: len(raw) // 2],
        "notjson.qzshard": gzip.compress(b"{not json", mtime=0),
        "other.qzshard": _gz({"format": "something else"}),
        "v9.qzshard": _gz({**doc, "version": 9}),
        "old.qzshard": _gz({**doc, "extractor": "0" * 64}),
        "empty.qzshard": _gz({**doc, "articles": []}),
        "pipe.qzshard": _gz({**doc, "pipeline": ["en_other", "9.9", "tagger", "3.0"], "articles": []}),
        "noid.qzshard": _gz({**doc, "articles": [{**doc["articles"][0], "id": None}]}),
        "badcands.qzshard": _gz({**doc, "articles": [{**doc["articles"][0], "candidates": [{"$": "Nope"}]}]}),
        "elsewhere.qzshard": _gz(
            {
                **doc,
                "articles": [
                    {**doc["articles"][0], "candidates": [{**doc["articles"][0]["candidates"][0], "source": "x"}]}
                ],
            }
        ),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "folder").mkdir()
    t, out = str(tmp_path), str(tmp_path / "d.yaml")
    cases = [
        ([f"{t}/missing.qzshard"], f"{t}/missing.qzshard: no such file"),
        (
            [f"{t}/text.qzshard"],
            f"{t}/text.qzshard: not a quizgen shard (make one with quizgen extract ARTICLES... --shard FILE)",
        ),  # fmt: skip
        ([f"{t}/cut.qzshard"], f"{t}/cut.qzshard: corrupt shard: cut short (not a whole gzip stream)"),
        ([f"{t}/notjson.qzshard"], f"{t}/notjson.qzshard: corrupt shard: its content is not JSON"),
        (
            [f"{t}/other.qzshard"],
            f"{t}/other.qzshard: not a quizgen shard (make one with quizgen extract ARTICLES... --shard FILE)",
        ),  # fmt: skip
        (
            [f"{t}/v9.qzshard"],
            f"{t}/v9.qzshard: shard format version 9; this quizgen reads version 1: extract its "
            "articles again with this quizgen",
        ),  # fmt: skip
        (
            [f"{t}/old.qzshard"],
            f"{t}/old.qzshard: made by another version of quizgen's extractor: extract its "
            "articles again with this quizgen (a shard's candidate facts are only as good as the extractor that made "
            "them)",
        ),  # fmt: skip
        ([f"{t}/noid.qzshard"], f"{t}/noid.qzshard: article 1: corrupt shard: a field is missing or of the wrong type"),
        (
            [f"{t}/badcands.qzshard"],
            f"{t}/badcands.qzshard: corrupt shard: its candidate facts are not what quizgen extract writes",
        ),  # fmt: skip
        (
            [f"{t}/elsewhere.qzshard"],
            f"{t}/elsewhere.qzshard: article 1: corrupt shard: its candidate facts are not what quizgen extract writes",
        ),
        ([f"{t}/empty.qzshard"], f"{t}/empty.qzshard: no articles in these shards"),
        (
            [str(good), f"{t}/pipe.qzshard"],
            f"{t}/pipe.qzshard: parsed with the spaCy pipeline en_other 9.9 (spaCy 3.0), and {good} with "
            f"{doc['pipeline'][0]} {doc['pipeline'][1]} (spaCy {doc['pipeline'][3]}): extract both with one pipeline",
        ),
        ([str(good), str(good)], f"{good}: the article '{ONE.stem}' is also in {good}; each goes in one shard"),
        ([f"{t}/folder"], f"{t}/folder: is a folder, not a shard"),
    ]
    for shards, message in cases:
        result = run_cli("merge", *shards, "-o", out)
        assert result.returncode == 2, (shards, result.stderr)
        assert result.stderr.splitlines() == [f"quizgen: error: {message}"], shards
        assert not (tmp_path / "d.yaml").exists()
    outputs = [
        (["merge", "-o", out], "the following arguments are required: SHARD"),
        (["merge", str(good), "-o", f"{t}/nope/d.yaml"], f"{t}/nope: folder does not exist"),
        (["merge", str(good), "-o", f"{t}/folder"], f"{t}/folder: is a folder"),
        (["merge", str(good), "-o", str(good)], f"{good}: is also an input; writing here would replace it"),
        (
            ["merge", str(good), "-o", f"{t}/{'n' * 300}.yaml"],
            f"{t}/{'n' * 300}.yaml: cannot write: File name too long",
        ),
        (["merge", str(good)], "the following arguments are required: -o/--output"),
    ]
    for args, message in outputs:
        result = run_cli(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.splitlines() == [f"quizgen: error: {message}"], args
    assert good.read_bytes() == raw


def test_extract_needs_a_deck_or_a_shard_and_a_title_only_with_a_deck(tmp_path: Path) -> None:
    for args, message in [
        ([str(ONE)], "the following arguments are required: -o/--output (or --shard)"),
        (
            [str(ONE), "--shard", str(tmp_path / "s"), "--title", "T"],
            "--title: names the deck, and no deck is written here (give it to quizgen merge)",
        ),  # fmt: skip
        ([str(ONE), "--shard", str(tmp_path / "nope" / "s")], f"{tmp_path / 'nope'}: folder does not exist"),
        ([str(ONE), "--shard", str(ONE)], f"{ONE}: is also an input; writing here would replace it"),
    ]:
        result = run_cli("extract", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert result.stderr.splitlines() == [f"quizgen: error: {message}"], args
