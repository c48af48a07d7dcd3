"""Numbers as limits and terms state them: parsing a number as written, and the `limit` candidate both make."""

from __future__ import annotations

import re

from ..model import Quantity
from ..numbers import WRITTEN_FRACTIONS, words_to_number
from ..text import normalize
from .context import Candidate, Sentence
from .lexicon import UNIT_WORDS
from .statements import finish
from .syntax import Token

# The units a number may end in, as a regex alternation (longest first, as UNIT_WORDS lists them).
_UNITS = "|".join(UNIT_WORDS)
# A quantifier before a number: "no more than 300", "between 500 and 5,500".
QUANTIFIER = re.compile(
    r"^(?:no more than|not more than|up to|at most|at least|fewer than|less than|more than|"
    r"(?:well )?below|under|over|a maximum of|a total of|between)\s+",
    re.IGNORECASE,
)


def parse_number(text: str) -> float | None:
    t = text.lower().strip()
    t = re.sub(r"^(?:by|to|of|at)\s+", "", t)
    t = QUANTIFIER.sub("", t)
    t = re.sub(rf"(?:\s*(?:{_UNITS}))+$", "", t).strip()
    if " and " in t:  # a range: "500 and 5,500"
        t = t.rsplit(" and ", 1)[1].strip()
    if t in WRITTEN_FRACTIONS:
        return WRITTEN_FRACTIONS[t]
    # "3.6 million acre-feet": the number as written (a distractor rewrites those digits)
    m = re.match(r"^(\d[\d,]*(?:\.\d+)?)(?:$|\s+(?:thousand|million|billion)\b|\s+[a-z-]+$)", t)
    if m:
        return float(m.group(1).replace(",", ""))
    if re.fullmatch(r"[a-z -]+", t):
        return words_to_number(t.replace("-", " ").split())
    return None


def compounded(num: list[Token]) -> bool:
    """'four-page text', 'two-year deal': a number inside a hyphenated word is no quantity."""
    last = num[-1]
    doc = last.doc
    return last.i + 1 < len(doc) and doc[last.i + 1].text == "-" and not last.whitespace_


def limit_candidate(
    sent: Sentence, treaty: str, answer: str, statement: str, quantity: Quantity | None, rule: str
) -> Candidate:
    what = normalize(quantity.measure if quantity else answer)
    key = (treaty, what, str(quantity.value) if quantity else "")
    return sent.candidate(
        "limit",
        treaty,
        answer,
        finish(statement),
        key=key,
        rule=rule,
        quantity=quantity,
        entity=treaty,
        entity_type="treaty",
    )
