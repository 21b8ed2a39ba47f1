"""Time windows: a story is told within days; the same storyline a week later is another."""

from __future__ import annotations

import dataclasses

from conftest import FIXTURES

from storybrief.cluster import group
from storybrief.pipeline import read
from storybrief.settings import ClusterSettings

PILE = FIXTURES / "pile"


def _dated(dates: dict[str, str | None]) -> list[list[str]]:
    articles = read([PILE])
    for article in articles:
        article.published = dates.get(article.id)
    return sorted(sorted(a.id for a in story) for story in group(articles))


def test_articles_a_week_apart_are_two_stories_and_days_apart_one() -> None:
    stories = _dated(
        {
            "bridge-courier": "2024-03-01",
            "bridge-gazette": "2024-03-03T23:00:00Z",
            "bridge-radio": "2024-03-08",
            "fire-herald": "2024-03-01",
            "fire-times": "2024-02-28",
        }
    )
    assert ["bridge-courier", "bridge-gazette"] in stories and ["bridge-radio"] in stories
    assert ["fire-herald", "fire-times"] in stories
    assert ["transfer-daily", "transfer-sport"] in stories  # undated: near every date


def test_an_undated_or_unreadable_date_never_splits_a_story() -> None:
    stories = _dated({"bridge-courier": "2024-03-01", "bridge-radio": "next Tuesday"})
    assert ["bridge-courier", "bridge-gazette", "bridge-radio"] in stories


def test_the_window_is_a_setting() -> None:
    articles = read([PILE])
    for article, day in zip(articles, ("2024-03-01", "2024-03-09", "2024-03-20"), strict=False):
        article.published = day
    wide = dataclasses.replace(ClusterSettings(), window_days=30.0)
    bridge = {"bridge-courier", "bridge-gazette", "bridge-radio"}
    assert bridge in [{a.id for a in story} for story in group(articles, wide)]
    assert bridge not in [{a.id for a in story} for story in group(articles)]
