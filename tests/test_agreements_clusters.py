"""The agreements' clustering (``agreements._clusters``): the merges an argmax over the
whole matrix takes, found by keeping each row's best merge instead."""

from __future__ import annotations

import numpy as np
import pytest

from storybrief.analyze.agreements import _clusters, _join
from storybrief.nlp.encoders import Cosines

COSINES = Cosines()


def whole_matrix(scores: np.ndarray) -> list[list[int]]:
    """The reference: each step merges the pair an argmax over every pair gives."""
    members = [[i] for i in range(len(scores))]
    mean = scores.astype(np.float64)
    np.fill_diagonal(mean, -np.inf)
    best = mean.copy()
    while True:
        ready = np.where(mean >= COSINES.agreement_mean, best, -np.inf)
        a, b = np.unravel_index(int(np.argmax(ready)), ready.shape)
        if ready[a, b] < COSINES.agreement_best:
            return [m for m in members if len(m) > 1]
        _join(members, mean, best, (int(a), int(b)))


@pytest.mark.parametrize("seed", range(40))
def test_clusters_are_those_of_the_whole_matrix_argmax(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    scores = rng.random((n, n))
    scores = np.round((scores + scores.T) / 2, 1)  # rounded: many ties to break alike
    never = rng.random((n, n)) < 0.1
    scores[never | never.T] = -np.inf
    assert _clusters(scores, COSINES) == whole_matrix(scores)


def test_a_never_pair_keeps_two_clusters_apart() -> None:
    scores = np.array([[0, 0.9, -np.inf], [0.9, 0, 0.9], [-np.inf, 0.9, 0]])
    assert _clusters(scores, COSINES) == [[0, 1]]
