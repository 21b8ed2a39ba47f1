"""A learned pair judge: how likely two articles are one story, knowing what pile they are in.

The same pair of articles means less in a sparse pile: in a feed's window most stories are
told once, so an article's closest candidate is often another story, while in a pile of
whole stories it is usually a story-mate. The linkage's own score of a pair (``hand``: its
similarity against its articles' densities, less doubt, weekdays and figures) and its
similarity say how the pair stands; the pile's ``Surroundings`` (the share of its articles
whose best candidate is far above their own run of candidates, and how alike its articles'
best pairs typically are) say what such a standing is worth there. A logistic regression over both
and their products, fitted by ``bench/train_pair_judge.py`` on the tune halves of piles of
both kinds (piles drawn by article at 500, 1,000 and 2,000 articles, by whole story, a mix,
pooled pages, ECB+, 40-word leads; weights in ``pair_judge.json``), gives the pair's
chance of being one story, read back on the linkage's scale (``PairModel.score``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from storybrief.cluster.candidates import Pairs
from storybrief.weights import read_weights

WEIGHTS = Path(__file__).with_name("pair_judge.json")

# An article's best candidate is far above its own run of candidates by at least this much of
# similarity (its median candidate's): the story-mate of a pile of whole stories is.
FAR = 0.2

FEATURE_NAMES = (
    "hand",
    "hand_far",
    "similarity",
    "similarity_far",
    "pile_far",
    "pile_best",
)


@dataclass(frozen=True)
class Surroundings:
    """What a pile is like: the share of its articles whose best candidate is ``FAR`` above
    their median candidate (about the share whose story-mates are in the pile), and the
    median of its articles' best similarities."""

    far: float
    typical_best: float


def surroundings(pairs: Pairs, count: int) -> Surroundings:
    """The ``Surroundings`` of a pile of ``count`` articles from its candidate ``pairs``."""
    if count == 0:
        return Surroundings(0.0, 0.0)
    ends, similarity = pairs.ends()
    rank = pairs.ranks  # sorted once for the linkage's densities too
    held = np.bincount(ends, minlength=count)
    best, middle = np.zeros(count), np.zeros(count)  # an article with no candidate: 0
    top, median = rank == 0, rank == held[ends] // 2
    best[ends[top]] = similarity[top]
    middle[ends[median]] = similarity[median]
    return Surroundings(float(np.mean(best - middle >= FAR)), float(np.median(best)))


def pair_features(around: Surroundings, similarity: np.ndarray, hand: np.ndarray) -> np.ndarray:
    """The ``FEATURE_NAMES`` of pairs of ``similarity`` that the linkage scores ``hand`` (its
    similarity less the articles' densities, doubt, weekdays' and figures' cost), in a pile
    ``around``: one row per pair, along a last axis."""
    far = np.full(np.shape(similarity), around.far)
    columns = (
        hand,
        hand * far,
        similarity,
        similarity * far,
        far,
        np.full(np.shape(similarity), around.typical_best),
    )
    return np.stack(np.broadcast_arrays(*columns), axis=-1).astype(np.float64)


@dataclass(frozen=True)
class PairModel:
    """A logistic regression over standardised ``pair_features``, read on the linkage's scale.

    Its log-odds grow with the linkage's own score of a pair (``hand``, and ``hand`` times
    the pile's ``far``) at a slope that depends on the pile; divided by that slope, they are
    a score in the linkage's units, at the threshold where the chance is ``bar``. A pair of
    whole stories' pile then scores much as the linkage scores it, and a sparse pile's pairs
    need more (the same pair means less there). Bounded by ``bound`` either side of the
    threshold: one sure pair in a group's mean must not outweigh all the others."""

    centre: np.ndarray
    spread: np.ndarray
    weights: np.ndarray
    bias: float
    bar: float
    bound: float
    # The least and most ``Surroundings.far`` of the piles it was fitted on: outside them it
    # would guess (a pile of a few big, loosely alike stories reads as sparse: its articles'
    # best candidates stand no higher than their others, all story-mates), so it is not used.
    fitted_far: tuple[float, float]

    def covers(self, around: Surroundings) -> bool:
        """Whether a pile ``around`` is like the piles the judge was fitted on."""
        return self.fitted_far[0] <= around.far <= self.fitted_far[1]

    def log_odds(self, features: np.ndarray) -> np.ndarray:
        """The log-odds that each pair (rows of ``features``) is one story."""
        return ((features - self.centre) / self.spread) @ self.weights + self.bias

    def score(self, features: np.ndarray, threshold: float) -> np.ndarray:
        """Each pair's score on the linkage's scale: the ``threshold`` at chance ``bar``, and
        never more than the linkage's own (``hand``): fitted where whole stories are piled as
        much as where they are not, the judge is let make a pile's bar stricter, not looser
        (on the tune folds, looser cost ECB+ and the 40-word leads)."""
        far = features[..., _FAR]
        slope = self.weights[_HAND] / self.spread[_HAND]
        slope = slope + self.weights[_HAND_FAR] / self.spread[_HAND_FAR] * far
        odds = self.log_odds(features) - np.log(self.bar / (1.0 - self.bar))
        learned = threshold + np.clip(odds / np.maximum(slope, 1.0), -self.bound, self.bound)
        return np.minimum(learned, features[..., _HAND])


_HAND, _HAND_FAR, _FAR = (FEATURE_NAMES.index(n) for n in ("hand", "hand_far", "pile_far"))


@cache
def load_model(path: Path = WEIGHTS) -> PairModel:
    """The judge ``bench/train_pair_judge.py`` wrote, read once; its feature names must be
    these (``read_weights``)."""
    data = read_weights(
        path, FEATURE_NAMES, ("centre", "spread", "weights"), ("bias", "bar", "bound", "fitted_far")
    )
    return PairModel(
        centre=np.array(data["centre"]),
        spread=np.array(data["spread"]),
        weights=np.array(data["weights"]),
        bias=float(data["bias"]),
        bar=float(data["bar"]),
        bound=float(data["bound"]),
        fitted_far=(float(data["fitted_far"][0]), float(data["fitted_far"][1])),
    )
