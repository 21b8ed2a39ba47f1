"""Figures a lead names: two short reports that each name their own figures are a recurring
report's different weeks (jobless claims of 778,000, then of 684,000); pages are not judged."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from storybrief.cluster.linkage import Judge, When
from storybrief.cluster.vectors import figures
from storybrief.models import Article
from storybrief.settings import ClusterSettings

SETTINGS = dataclasses.replace(ClusterSettings(), figure_words=8, figure_penalty=0.1)


def _article(title: str, body: str) -> Article:
    return Article(id=title, source=title, raw=body, title=title, paragraphs=[body])


def _figures(*titles: str, body: str = "Nothing counted here.") -> list[int]:
    return figures([_article(title, body) for title in titles], SETTINGS).tolist()


def test_one_figure_however_it_is_written_has_one_bit() -> None:
    found = _figures(
        "Claims rose to 778,000",
        "Claims rose to nearly 780,000",
        "Workers filed 778K claims",
        "Claims fell to 684,000",
    )
    assert found[0] == found[1] == found[2] != 0
    assert found[3] != 0 and found[3] & found[0] == 0


def test_units_scale_a_figure_and_shares_are_their_own() -> None:
    million, thousands, share = _figures(
        "Cases pass 25 million", "Cases pass 25,000,000", "Rate rose 4.1%"
    )
    assert million == thousands != 0
    assert share not in (0, million)


def test_years_small_counts_and_later_words_name_no_figure() -> None:
    assert _figures("Storm kills 12 in 2020", "Vote held in 1999") == [0, 0]
    # The figure is the ninth word of the body: past ``figure_words``.
    far = _figures("Claims report", body="The count for the week was reported at 778,000 people")
    assert far == [0]


def _judge(found: list[int], short: list[float]) -> Judge:
    count = len(found)
    none = np.zeros(count, dtype=np.int64)
    return Judge(
        rows=csr_matrix((count, 1)),
        vectors=np.zeros((count, 1)),
        density=np.zeros(count),
        settings=SETTINGS,
        when=When(np.full(count, np.nan), none, none, np.array(found)),
        short=np.array(short),
        closest=np.full((count, SETTINGS.close_ranks), -1),
    )


def test_short_texts_naming_only_other_figures_lose_and_pages_do_not() -> None:
    judge = _judge([0b01, 0b10, 0b11, 0], [0.5, 0.6, 0.5, 0.5])
    first, second = np.array([0, 0, 1, 0]), np.array([1, 2, 2, 3])
    # Apart; sharing a figure; sharing one of two; one naming none.
    assert judge.figured(first, second) == pytest.approx([0.1 * 0.6, 0, 0, 0])
    pages = _judge([0b01, 0b10], [0.0, 0.0])
    assert pages.figured(np.array([0]), np.array([1])) == pytest.approx([0.0])


def test_the_topic_grain_reads_no_figures() -> None:
    topic = dataclasses.replace(SETTINGS, grain="topic").grained()
    assert topic.figure_penalty == 0.0
