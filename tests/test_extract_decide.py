"""The trained decision: the model file's format and rules, and what the shipped model keeps of invented
articles written like the misses the issue lists (limits after a dash, signed-but-not-ratified lists, counts the
treaty sets, events of a treaty's life, a quotation whose speaker is named a paragraph before)."""

from __future__ import annotations

import json
import math

import pytest

import quizgen
from quizgen.extract.decide import (
    MODEL_FORMAT,
    KindModel,
    Model,
    Scored,
    choose,
    load_model,
    model_bytes,
    model_from_bytes,
)


def _model(**kinds: tuple[float, float, dict[str, float]]) -> Model:
    data = {
        "format": MODEL_FORMAT,
        "kinds": {k: {"bias": b, "threshold": t, "weights": w} for k, (b, t, w) in kinds.items()},
    }
    return model_from_bytes(json.dumps(data).encode())


def test_a_probability_is_the_logistic_of_bias_and_the_weights_of_the_features_present():
    m = KindModel(-1.0, 0.5, {"rule=a": 2.0, "t_lemma=sign": 0.5})
    assert m.probability(["rule=a", "t_lemma=sign", "unknown"]) == pytest.approx(1 / (1 + math.exp(-1.5)))
    assert m.probability([]) == pytest.approx(1 / (1 + math.exp(1.0)))


def test_kept_above_the_kind_s_threshold_and_only_the_best_of_a_group():
    model = _model(quote=(0.0, 0.5, {}), date=(0.0, 0.9, {}))
    scored = [
        Scored(0, "quote", 0.7, "quote|10"),
        Scored(1, "quote", 0.8, "quote|10"),  # the likelier speaker of the same quotation
        Scored(2, "quote", 0.6, "quote|99"),
        Scored(3, "date", 0.8, ""),  # below the date threshold
        Scored(4, "role", 0.99, ""),  # a kind the model does not know is never kept
        Scored(5, "quote", 0.8, "quote|10"),  # a tie goes to the first proposed
    ]
    assert choose(scored, model) == [1, 2]


def test_a_model_file_of_another_format_is_refused():
    with pytest.raises(ValueError, match="format"):
        model_from_bytes(json.dumps({"format": MODEL_FORMAT + 1, "kinds": {}}).encode())


def test_the_shipped_model_decides_every_kind_and_names_its_training():
    model = load_model()
    assert set(model.kinds) == set(quizgen.model.KINDS)
    assert all(0 < k.threshold < 1 and k.weights for k in model.kinds.values())
    raw = json.loads(model_bytes())
    assert "test" not in raw["trained_on"]["sets"] and "seeds" in raw["trained_on"]["sets"]


@pytest.fixture(scope="module")
def decided():
    texts = {
        "start": "New START, signed in 2010, sets central limits – 1,550 deployed nuclear warheads on deployed "
        "missiles and bombers, 700 total deployed missiles and bombers, and 800 deployed and non-deployed "
        "launchers. Each side may conduct eighteen on-site inspections per year. The Biden administration "
        "extended the treaty by five years in February 2021.",
        "ctbt": "The Comprehensive Nuclear-Test-Ban Treaty has been signed by 187 states. China, Egypt, Iran, "
        "Israel and the United States have signed but not ratified it.",
        "skies": "The Treaty on Open Skies entered into force in 2002. More than 1,500 observation flights have "
        "taken place under the treaty since then.",
        "uae": "The foreign minister of the United Arab Emirates, Abdullah bin Zayed, travelled to Washington for "
        "the signing on Tuesday.\n\nIsraeli Prime Minister Benjamin Netanyahu called the accords a turning "
        "point.\n\n“We thank the Israeli government for choosing peace and for halting the annexation,” the "
        "foreign minister said.\n",
    }
    deck = quizgen.extract_texts(texts, title="t")
    out: dict[tuple[str, str], list[quizgen.Fact]] = {}
    for f in deck.facts:
        out.setdefault((f.evidence[0].source, f.kind), []).append(f)
    return out


def test_limits_listed_after_a_dash_and_a_count_per_year(decided):
    limits = {f.answer for f in decided[("start", "limit")]}
    assert {"700", "800"} <= limits
    assert any("eighteen" in a for a in limits)  # the number, or the term that holds it


def test_states_that_signed_but_did_not_ratify(decided):
    parties = {f.answer for f in decided[("ctbt", "signatory")]}
    assert {"China", "Egypt", "Iran", "Israel", "the United States"} <= parties


def test_a_count_of_what_happened_and_a_treaty_extended(decided):
    assert any("1,500" in f.answer for f in decided[("skies", "event")])
    assert any("extended the treaty by five years" in f.statement for f in decided[("start", "event")])


def test_a_quotation_goes_to_its_speaker_not_to_the_last_name_before_it(decided):
    assert [f.answer for f in decided[("uae", "quote")]] == ["Abdullah bin Zayed"]
