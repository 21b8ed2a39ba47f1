"""Weekdays a lead names: two short reports of one storyline's different days are two
stories' evidence against each other, of the same day for each other; pages are not."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from storybrief.cluster.linkage import Judge, When
from storybrief.cluster.vectors import weekdays
from storybrief.models import Article
from storybrief.settings import ClusterSettings

SETTINGS = dataclasses.replace(
    ClusterSettings(), weekday_words=6, weekday_penalty=0.2, weekday_bonus=0.05
)
FRIDAY, SATURDAY = 1 << 4, 1 << 5


def _article(title: str, body: str) -> Article:
    return Article(id=title, source=title, raw=body, title=title, paragraphs=[body])


def test_the_weekdays_of_the_headline_and_opening_are_read_and_no_further() -> None:
    found = weekdays(
        [
            _article("Treaty suspended on Friday", "The administration said it would leave."),
            _article("Treaty ends", "On SATURDAY the president signed the order, and on Monday"),
            _article("Treaty ends", "No day is named here."),
        ],
        SETTINGS,
    )
    # Monday is the ninth word of the body: past ``weekday_words``.
    assert found.tolist() == [FRIDAY, SATURDAY, 0]


def test_a_dotted_capital_i_names_no_weekday_and_fails_nothing() -> None:
    # The pattern, case-blind, takes "İ" (Turkish) for "i"; the match is then no weekday's name.
    found = weekdays([_article("CUMA: FRİDAY prayers", "Crowds gathered on Saturday.")], SETTINGS)
    assert found.tolist() == [SATURDAY]


def test_leads_left_unsearched_name_no_weekday_in_any_case() -> None:
    # Only leads holding "day" lower-cased are searched; the pattern, which ignores case,
    # also reads "ſ" as "s": every lead still gets the pattern's own bits.
    from storybrief.clean.dates import WEEKDAYS
    from storybrief.cluster.vectors import _WEEKDAY, _lead

    titles = ["MONDAY vote", "tUeSdAy", "ſunday", "FRIDAY", "Fridays", "DAYS", "Sund", "Ø"]
    articles = [_article(title, "Talks go on WEDNESDAY.") for title in titles]
    articles += [_article(title, "Nothing.") for title in titles]
    by_pattern = [
        sum({1 << WEEKDAYS.index(m[1].casefold()) for m in _WEEKDAY.finditer(_lead(a, 6))})
        for a in articles
    ]
    assert weekdays(articles, SETTINGS).tolist() == by_pattern
    assert by_pattern[len(titles) + 2] == 1 << 6 and by_pattern[len(titles) + 3] == FRIDAY


def _judge(days: list[int], short: list[float]) -> Judge:
    count = len(days)
    return Judge(
        rows=csr_matrix((count, 1)),
        vectors=np.zeros((count, 1)),
        density=np.zeros(count),
        settings=SETTINGS,
        when=When(
            np.full(count, np.nan),
            np.zeros(count, dtype=np.int64),
            np.array(days),
            np.zeros(count, dtype=np.int64),
        ),
        short=np.array(short),
        closest=np.full((count, SETTINGS.close_ranks), -1),
    )


def test_different_days_cost_short_pairs_and_the_same_day_helps_them() -> None:
    judge = _judge([FRIDAY, SATURDAY, FRIDAY | SATURDAY, 0], [0.5, 0.6, 0.5, 0.5])
    first, second = np.array([0, 0, 1, 0]), np.array([1, 2, 2, 3])
    assert judge.days(first, second) == pytest.approx([0.2 * 0.6, -0.05 * 0.5, -0.05 * 0.6, 0])


def test_pages_are_not_judged_by_the_days_they_name() -> None:
    judge = _judge([FRIDAY, SATURDAY], [0.0, 0.0])
    assert judge.days(np.array([0]), np.array([1])) == pytest.approx([0.0])
