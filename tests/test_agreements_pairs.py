"""The learned pair decision admits a fact two outlets word apart (``agreements._scores``)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.agreements import PAIR_FEATURES, pair_model, story_pairs
from storybrief.models import Agreement
from storybrief.settings import DEFAULT

ARRESTS = """Water protest in the city

Police arrested several protesters outside the water department on Friday. The mayor promised \
a review of the shut-off policy.
"""
DETAINED = """Activists detained at water office

Officers detained a group of activists at the water office on Friday. Residents owe the utility \
millions of dollars.
"""


def _settings(**changes: object) -> object:
    return dataclasses.replace(
        DEFAULT, agreements=dataclasses.replace(DEFAULT.agreements, **changes)
    )


def agreements_of(*texts: str, **changes: object) -> list[Agreement]:
    changes.setdefault("pair_probability", 0.5)  # on, at the lowest probability cross-validated
    story = StoryContext.from_texts(*texts, settings=_settings(**changes))
    return run(story, "agreements")


def test_a_fact_worded_apart_is_admitted_by_the_pair_decision() -> None:
    found = agreements_of(ARRESTS, DETAINED)
    assert [(a.sources, a.sentence_ids) for a in found] == [(["t0", "t1"], ["t0:0", "t1:0"])]
    # The blend alone leaves the pair under the bar.
    assert agreements_of(ARRESTS, DETAINED, pair_probability=2.0) == []


def test_the_band_holds_only_pairs_of_two_articles_under_the_bar() -> None:
    story = StoryContext.from_texts(ARRESTS, DETAINED, settings=DEFAULT)
    for needed in ("syndication", "entities"):
        run(story, needed)
    texts, pairs, features = story_pairs(story)
    assert features.shape == (len(pairs), len(PAIR_FEATURES))
    assert all(texts[i][0] != texts[j][0] for i, j in pairs)
    blended = features[:, PAIR_FEATURES.index("blended")]
    assert np.all((blended >= DEFAULT.agreements.pair_floor) & (blended < 0.5))
    assert any("arrested" in texts[i][1] and "detained" in texts[j][1] for i, j in pairs)


def _features(*texts: str) -> list[dict[str, float]]:
    """The band pairs' features of a story, by name."""
    story = StoryContext.from_texts(*texts, settings=DEFAULT)
    for needed in ("syndication", "entities"):
        run(story, needed)
    _, _, features = story_pairs(story)
    return [dict(zip(PAIR_FEATURES, row, strict=True)) for row in features]


def test_a_pair_whose_neighbouring_sentences_agree_has_context() -> None:
    mayor = DETAINED.replace(
        "Residents owe the utility millions of dollars.",
        "The mayor promised to review the shut-off policy.",
    )
    [alone] = _features(ARRESTS, DETAINED)
    [beside] = _features(ARRESTS, mayor)
    assert alone["context"] == 0.0
    assert beside["context"] > 0.9  # the two mayor sentences, next to the arrests
    assert alone["blended"] == beside["blended"]
    assert 0 < beside["aligned"] < 1


def test_weights_that_refuse_every_pair_admit_none(tmp_path: Path) -> None:
    weights = tmp_path / "none.json"
    data = {"features": list(PAIR_FEATURES), "weights": [0.0] * len(PAIR_FEATURES), "bias": -30}
    weights.write_text(json.dumps(data), encoding="utf-8")
    assert agreements_of(ARRESTS, DETAINED, pair_weights=str(weights)) == []


def test_the_packaged_weights_load_and_rank_a_closer_pair_higher() -> None:
    model = pair_model("")
    assert model.weights.shape == (len(PAIR_FEATURES),)
    far = np.array([[0.3, 0.2, 0.0, 0.0, 0.0, 1.0, 0.2, 0.0]])
    close = np.array([[0.49, 0.8, 1.0, 0.7, 0.0, 1.0, 0.6, 0.5]])
    assert model.probability(close)[0] > model.probability(far)[0]


def test_weights_for_other_features_are_refused(tmp_path: Path) -> None:
    weights = tmp_path / "other.json"
    weights.write_text(json.dumps({"features": ["cosine"], "weights": [1.0], "bias": 0}), "utf-8")
    with pytest.raises(ValueError, match="features"):
        pair_model(str(weights))
