"""The synthetic articles of the annotated sets (every set of tests/data/sets/sets.yaml but the seeds, the only
real articles) borrow no real news outlet for their bylines, datelines and credits, and each folder of them
has a README saying the articles and their quotations are invented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT

from quizgen.gold import load_sets

REAL_SETS = {"seeds"}
# Real outlets a synthetic byline, dateline or credit must not name. Case matters: "AP" and "Guardian" are
# outlets, "guardian" is a word.
REAL_OUTLETS = re.compile(
    r"\b(?:Reuters|REUTERS|Associated Press|AP|AFP|Kyodo|New York Times|Washington Post|Bloomberg|BBC|CNN|"
    r"Guardian|Al Jazeera|TASS|Xinhua)\b"
)
# The same outlets as a file name's words ("000_tpnw_kyodo.txt").
OUTLET_WORDS = {
    "reuters",
    "ap",
    "afp",
    "kyodo",
    "nyt",
    "wapo",
    "bloomberg",
    "bbc",
    "cnn",
    "guardian",
    "aljazeera",
    "tass",
}
# Lines that credit an outlet or a writer: the byline, credit lines and the agency's own paragraphs.
CREDIT_START = re.compile(
    r"^(?:By |\(|Source:|Special to |Image source|Edited by|— With assistance|Photo|Image:)",
)
CREDIT_ANYWHERE = re.compile(r"contributed to this report|Reporting by|Photograph:|Photo:|\bWriter$|Foreign Service$")
# "GENEVA (Reuters) – ", "TOKYO, Jan. 22 (Kyodo) — ", "MOSCOW, November 7. /TASS/. ": a dateline's agency.
DATELINE = re.compile(r"^[A-Z][A-Z .,'/-]{2,}[^()/\n]{0,30}?(?:\(([^)]+)\)|/([^/]+)/)")

SETS = [s for s in load_sets(ROOT / "tests" / "data" / "sets" / "sets.yaml") if s.name not in REAL_SETS]


def credit_lines(text: str) -> list[str]:
    """The lines of an article that name who wrote it and for whom: bylines and the line under them, credit
    lines, captions' credits and the dateline's agency."""
    lines = text.splitlines()
    out = []
    for i, line in enumerate(lines):
        s = line.strip()
        if CREDIT_START.match(s) or CREDIT_ANYWHERE.search(s):
            out.append(s)
        if s.startswith("By ") and i + 1 < len(lines):
            out.append(lines[i + 1].strip())  # "Associated Press Writer", "BBC News, Minsk"
        dateline = DATELINE.match(s)
        if dateline:
            out.append(dateline.group(0))
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("annotated", SETS, ids=[s.name for s in SETS])
def test_synthetic_articles_credit_no_real_outlet(annotated):
    paths = sorted(annotated.articles.glob("*.txt"))
    assert paths, annotated.articles
    found = [
        f"{path.name}: {line}"
        for path in paths
        for line in credit_lines(path.read_text(encoding="utf-8"))
        if REAL_OUTLETS.search(line)
    ]
    found += [path.name for path in paths if OUTLET_WORDS & set(path.stem.lower().split("_"))]
    assert found == []


@pytest.mark.parametrize("annotated", SETS, ids=[s.name for s in SETS])
def test_synthetic_set_has_readme_saying_so(annotated):
    readme: Path = annotated.articles.parent / "README.md"
    assert readme.is_file(), readme
    text = readme.read_text(encoding="utf-8").lower()
    assert "synthetic" in text
    assert "invented" in text
    assert "quotation" in text


def test_credit_lines_find_the_outlets_of_real_wire_copy():
    """The line reader sees the places a wire story names its agency (so the test above can fail)."""
    text = (
        "Headline of a story\n\nBy JOHN DOE\nAssociated Press Writer\n\n"
        "GENEVA (Reuters) – The treaty was signed.\n\nMOSCOW, November 7. /TASS/. Russia left.\n\n"
        "(Reporting by Jane Roe; Editing by Joe Bloggs)\n\nSource: Al Jazeera and news agencies\n"
    )
    hits = [line for line in credit_lines(text) if REAL_OUTLETS.search(line)]
    assert hits == [
        "Associated Press Writer",
        "GENEVA (Reuters)",
        "MOSCOW, November 7. /TASS/",
        "Source: Al Jazeera and news agencies",
    ]
