"""Grouping that does not drift with pile size: past ``ClusterSettings.idf_reference``
articles, whether two articles are one story depends on them and on the articles that use
their words, not on how many others were piled with them."""

from __future__ import annotations

import dataclasses
import random

import numpy as np
import pytest
from test_cluster import WORDS_ONLY, _article, _story_pile, _synthetic_pile

from storybrief.cluster import group
from storybrief.cluster.vectors import tfidf
from storybrief.models import Article
from storybrief.settings import ClusterSettings

# A small bound, so that small piles are past it: the default's 3,000 would need piles of
# thousands of articles to show the same.
BOUND = 50


def _unrelated(count: int) -> list[Article]:
    """``count`` articles of made-up words that no other article of these tests uses."""
    chance = random.Random(3)
    vocabulary = [f"zq{n}x" for n in range(3000)]
    return [
        _article(
            f"unrelated-{n}",
            " ".join(chance.sample(vocabulary, 6)),
            " ".join(chance.sample(vocabulary, 40)),
        )
        for n in range(count)
    ]


def _cosines(articles: list[Article], ids: list[str], reference: int | None) -> np.ndarray:
    """The TF-IDF cosine of every two of the articles ``ids``, as the pile weighs them."""
    settings = dataclasses.replace(ClusterSettings(), idf_reference=reference)
    rows, _ = tfidf(articles, settings)
    where = [next(n for n, a in enumerate(articles) if a.id == i) for i in ids]
    picked = rows[where]
    return (picked @ picked.T).toarray()


def _stories_of(articles: list[Article], settings: ClusterSettings, ids: set[str]) -> set:
    """The stories of ``articles``, each cut to its articles in ``ids``."""
    return {
        frozenset(a.id for a in story if a.id in ids) for story in group(articles, settings)
    } - {frozenset()}


def test_past_the_bound_unrelated_articles_leave_two_articles_weights_alone() -> None:
    small = _story_pile()
    ids = [a.id for a in small]
    some, more = small + _unrelated(BOUND), small + _unrelated(400)
    assert np.allclose(_cosines(some, ids, BOUND), _cosines(more, ids, BOUND))
    # Weighed against the pile's own size, they changed.
    assert not np.allclose(_cosines(some, ids, None), _cosines(more, ids, None))


# Bars where the pile's own size as the weights' reference gave this pile other stories with
# 60 and with 400 unrelated articles (0.22: a story of 3 cut in two with 60, whole with 400),
# and one where it did not.
@pytest.mark.parametrize("bar", [0.0, 0.22, 0.24])
def test_a_pairs_decision_does_not_change_when_unrelated_articles_are_added(bar: float) -> None:
    # Made-up stories whose articles share a few of their story's words.
    small = _synthetic_pile(stories=4, size=3)
    ids = {a.id for a in small}
    settings = dataclasses.replace(WORDS_ONLY, threshold=bar, lone_margin=0.0, idf_reference=BOUND)
    some = _stories_of(small + _unrelated(60), settings, ids)
    assert _stories_of(small + _unrelated(400), settings, ids) == some


def test_past_the_bound_words_in_more_articles_weigh_the_least() -> None:
    # A bound of 3: "gamma" (2 articles) weighs more than "alpha" (all 6), "delta" (4) and
    # "alpha" weigh alike (the least: 1 before the rows are made unit length).
    settings = dataclasses.replace(ClusterSettings(), idf_reference=3)
    articles = [_article(f"a{n}", "", "alpha " + ("gamma" if n < 2 else "delta")) for n in range(6)]
    rows, frequency = tfidf(articles, settings)
    columns = dict(zip(("alpha", "delta", "gamma"), range(3), strict=True))
    assert frequency.tolist() == [6, 4, 2]
    first, last = rows[0].toarray().ravel(), rows[5].toarray().ravel()
    assert first[columns["gamma"]] > first[columns["alpha"]]
    assert last[columns["delta"]] == pytest.approx(last[columns["alpha"]])


def test_below_the_bound_a_small_piles_common_words_weigh_less() -> None:
    # In a pile of 6, a word 4 of them use ("delta") is common: it weighs less than one that
    # only 1 uses ("beta"), more than one all 6 use ("alpha").
    words = ["alpha gamma"] * 2 + ["alpha delta"] * 3 + ["alpha delta beta"]
    articles = [_article(f"a{n}", "", text) for n, text in enumerate(words)]
    rows, _ = tfidf(articles, ClusterSettings())
    last = rows[5].toarray().ravel()  # words, sorted: alpha, beta, delta, gamma
    assert last[1] > last[2] > last[0]
    # Weighed against 3,000 articles, all three would be rare and weigh nearly alike.
    assert last[1] > 2 * last[0]
