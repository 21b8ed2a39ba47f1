"""The learned pair judge: its weights load, a sparse pile's pairs need more, and it never
lets a pair score more than the linkage's own score of it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from storybrief.cluster.candidates import Pairs
from storybrief.cluster.learned import (
    FEATURE_NAMES,
    WEIGHTS,
    Surroundings,
    load_model,
    pair_features,
    surroundings,
)

THRESHOLD = -0.02


def test_the_shipped_weights_load_once_and_match_the_features() -> None:
    model = load_model()
    assert load_model() is model
    assert len(model.weights) == len(model.centre) == len(model.spread) == len(FEATURE_NAMES)
    assert 0.0 < model.bar < 1.0 and model.bound > 0.0


def test_weights_fitted_on_other_features_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "judge.json"
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "features": ["similarity"]}), encoding="utf-8")
    with pytest.raises(ValueError, match="other features"):
        load_model(path)


@pytest.mark.parametrize(
    "text",
    [
        None,  # no file
        '{"features": ["hand"',  # cut off
        json.dumps({"features": list(FEATURE_NAMES), "centre": [0.0], "bias": 0.0}),
    ],
)
def test_missing_or_damaged_weights_fail_on_loading_naming_the_file(
    tmp_path: Path, text: str | None
) -> None:
    path = tmp_path / "damaged.json"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"damaged\.json"):
        load_model(path)


def _score(far: float, hand: float, similarity: float = 0.4) -> float:
    around = Surroundings(far=far, typical_best=0.4)
    features = pair_features(around, np.array([similarity]), np.array([hand]))
    return float(load_model().score(features, THRESHOLD)[0])


def test_the_same_pair_scores_less_in_a_pile_whose_articles_mostly_have_no_mate() -> None:
    assert _score(far=0.5, hand=0.0) < _score(far=0.8, hand=0.0)
    assert _score(far=0.5, hand=0.0) < THRESHOLD  # a near miss in a sparse pile is parted


def test_the_judge_never_scores_a_pair_above_the_linkage() -> None:
    for far in (0.3, 0.6, 0.9):
        for hand in (-0.2, -0.02, 0.05, 0.3):
            assert _score(far, hand) <= hand + 1e-12


def test_surroundings_count_articles_whose_best_stands_out() -> None:
    # Article 0's best (0.7) stands 0.5 above its median candidate (0.2), article 3's (0.6)
    # 0.3 above its (0.3); articles 1 and 2 have a close runner-up: 2 of 4 stand out.
    pairs = Pairs(
        first=np.array([0, 0, 0, 1, 2]),
        second=np.array([1, 2, 3, 3, 3]),
        similarity=np.array([0.7, 0.2, 0.1, 0.6, 0.3]),
    )
    around = surroundings(pairs, 4)
    assert around.far == pytest.approx(0.5)
    assert around.typical_best == pytest.approx(np.median([0.7, 0.7, 0.3, 0.6]))
    assert surroundings(Pairs(*(np.array([], dtype=np.int64),) * 3), 0).far == 0.0


def test_the_judge_is_not_used_on_piles_unlike_those_it_was_fitted_on() -> None:
    # A pile of a few big, loosely alike stories reads as sparser than any pile fitted on.
    model = load_model()
    low, high = model.fitted_far
    assert low < high
    assert model.covers(Surroundings(far=(low + high) / 2, typical_best=0.4))
    assert not model.covers(Surroundings(far=low / 2, typical_best=0.4))
