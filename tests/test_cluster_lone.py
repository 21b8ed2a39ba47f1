"""A second look after linking: an article left alone that is a near miss of one story joins it."""

from __future__ import annotations

import dataclasses

import numpy as np

from storybrief.cluster.candidates import Pairs
from storybrief.cluster.linkage import joined
from storybrief.settings import ClusterSettings

SETTINGS = ClusterSettings()


def _pairs(*edges: tuple[int, int, float, float]) -> tuple[Pairs, np.ndarray]:
    """Pairs (first, second, similarity) and their scores."""
    first, second, similarity, score = (np.array(c) for c in zip(*edges, strict=True))
    return Pairs(first, second, similarity), score


def test_a_lone_near_miss_joins_the_story_it_is_closest_to() -> None:
    # Articles 0 and 1 are a story; 2 was left alone, its best pair (with 1) just under the
    # threshold, and 2 is the article most similar to 1 outside 1's story.
    label = np.array([0, 0, 2, 3])
    below = SETTINGS.threshold - SETTINGS.lone_margin / 2
    pairs, score = _pairs((0, 1, 0.6, 0.2), (1, 2, 0.4, below), (2, 3, 0.2, -0.2))
    joined_label = joined(label, pairs, score, SETTINGS)
    assert joined_label[2] == joined_label[1] == joined_label[0] != joined_label[3]


def test_a_lone_article_far_under_the_threshold_stays_alone() -> None:
    label = np.array([0, 0, 2, 3])
    far = SETTINGS.threshold - 2 * SETTINGS.lone_margin
    pairs, score = _pairs((0, 1, 0.6, 0.2), (1, 2, 0.4, far), (2, 3, 0.2, -0.2))
    assert len(set(joined(label, pairs, score, SETTINGS).tolist())) == 3


def test_a_lone_article_torn_between_two_stories_stays_alone() -> None:
    # 4's best pair is with 1, but 1 has a closer article outside its story (3), and 4's pair
    # with the other story (2, 3) scores nearly as well: no sure near miss.
    label = np.array([0, 0, 2, 2, 4])
    near = SETTINGS.threshold - SETTINGS.lone_margin / 2
    pairs, score = _pairs(
        (0, 1, 0.6, 0.2),
        (2, 3, 0.6, 0.2),
        (1, 3, 0.5, -0.3),
        (1, 4, 0.4, near),
        (3, 4, 0.39, near - SETTINGS.lone_gap / 2),
    )
    assert (
        joined(label, pairs, score, SETTINGS)[4]
        not in (joined(label, pairs, score, SETTINGS)[[0, 2]])
    )
    # Clearly better than any other story, it joins.
    wide = dataclasses.replace(SETTINGS, lone_gap=SETTINGS.lone_gap / 4)
    out = joined(label, pairs, score, wide)
    assert out[4] == out[1]


def test_two_lone_articles_join_each_other_only_on_both_signs() -> None:
    # 0 and 1 were both left alone, each the other's closest, their pair a near miss; but each
    # pairs with 2 (alone too) nearly as well: with no story behind either, one sign is not
    # enough. When their pair also stands clear of their other pairs, they join.
    label = np.array([0, 1, 2])
    near = SETTINGS.threshold - SETTINGS.lone_margin / 2

    def pile(other: float) -> np.ndarray:
        return joined(
            label, *_pairs((0, 1, 0.4, near), (0, 2, 0.3, other), (1, 2, 0.3, other)), SETTINGS
        )

    assert len(set(pile(near - SETTINGS.lone_gap / 2).tolist())) == 3
    out = pile(near - 2 * SETTINGS.lone_gap)
    assert out[0] == out[1] != out[2]


def test_a_lone_article_does_not_join_one_that_joins_a_story() -> None:
    # 0 joins the story of 1 and 2; 3's best pair is with 0, alone when judged, on both signs.
    # Joined at once, 3 would follow 0 into a story it is near none of.
    label = np.array([0, 1, 1, 3])
    near = SETTINGS.threshold - SETTINGS.lone_margin / 2
    pairs, score = _pairs((0, 1, 0.4, near), (1, 2, 0.6, 0.2), (0, 3, 0.45, near - 0.01))
    out = joined(label, pairs, score, SETTINGS)
    assert out[0] == out[1] == out[2] != out[3]
