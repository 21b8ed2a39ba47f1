"""The pile's own redundancy sets its bar: a pile whose articles mostly lack a story-mate (a
feed's window) needs more evidence to join two of them than a pile of whole stories."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
from scipy.sparse import csr_matrix

from storybrief.cluster.candidates import Pairs
from storybrief.cluster.linkage import Judge, When, closest, labels, prior_shifted, redundancy
from storybrief.settings import ClusterSettings

SETTINGS = ClusterSettings()


def test_redundancy_counts_articles_whose_best_pair_is_far_above_the_bar() -> None:
    # Articles 0-1 are clear mates; 2 and 3 are near each other only by chance; 4 has no pair.
    pairs = Pairs(np.array([0, 1, 2]), np.array([1, 2, 3]), np.array([0.6, 0.3, 0.2]))
    score = np.array([0.3, 0.0, -0.01])
    # Two articles of five over ``prior_above``, smoothed: (2 + 1) / (5 + 2).
    assert redundancy(pairs, score, 5, SETTINGS) == 3 / 7


def test_a_sparse_pile_raises_the_bar_by_the_prior_log_odds() -> None:
    share = 0.5
    shifted = prior_shifted(SETTINGS, share)
    drop = math.log(SETTINGS.prior_reference / (1 - SETTINGS.prior_reference))
    assert math.isclose(shifted.threshold, SETTINGS.threshold + drop / SETTINGS.prior_slope)
    assert prior_shifted(SETTINGS, 0.2).threshold > shifted.threshold


def test_a_redundant_pile_keeps_its_bar_and_the_topic_grain_has_no_shift() -> None:
    assert prior_shifted(SETTINGS, 0.95).threshold == SETTINGS.threshold
    assert prior_shifted(SETTINGS, SETTINGS.prior_reference).threshold == SETTINGS.threshold
    topic = dataclasses.replace(SETTINGS, grain="topic").grained()
    assert prior_shifted(topic, 0.1).threshold == topic.threshold


def _labels(pairs: Pairs, count: int) -> np.ndarray:
    """``labels`` of a made-up pile: no density, doubt, dates or weekdays."""
    nothing = np.zeros(count, dtype=np.int64)
    judge = Judge(
        rows=csr_matrix((count, 1)),
        vectors=np.zeros((count, 1)),
        density=np.zeros(count),
        settings=SETTINGS,
        when=When(np.full(count, np.nan), nothing, nothing),
        short=np.zeros(count),
        closest=closest(pairs, count, SETTINGS),
    )
    return labels(pairs, judge)


def test_a_pair_just_over_the_bar_joins_among_stories_not_among_articles_told_once() -> None:
    # Articles 0 and 1 are barely alike: their score (similarity less ``floor``) is just over
    # the threshold. Among ten clear pairs of one story each they join; among ten articles
    # with no mate, the same pair is more likely chance, and stays apart.
    near = SETTINGS.floor + SETTINGS.threshold + 0.01
    mates = np.arange(2, 22)
    among_stories = Pairs(
        np.concatenate([[0], mates[::2]]),
        np.concatenate([[1], mates[1::2]]),
        np.concatenate([[near], np.full(10, 0.6)]),
    )
    label = _labels(among_stories, 22)
    assert label[0] == label[1]
    assert len(set(label.tolist())) == 11
    alone = Pairs(np.array([0]), np.array([1]), np.array([near]))
    label = _labels(alone, 12)
    assert label[0] != label[1]
