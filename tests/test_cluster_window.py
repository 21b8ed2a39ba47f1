"""Time windows: an event's coverage runs for weeks (a rehab stay, then the check-out); a
look-alike event half a year or more later is another story: by dates of publication; and the
same storyline's report of another month is another, by the months the openings name as dates."""

from __future__ import annotations

import dataclasses

from conftest import FIXTURES
from test_cluster import WORDS_ONLY, _synthetic_pile

from storybrief.cluster import group
from storybrief.cluster.vectors import months
from storybrief.models import Article
from storybrief.pipeline import read
from storybrief.settings import ClusterSettings

PILE = FIXTURES / "pile"
MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _dated(dates: dict[str, str | None]) -> list[list[str]]:
    articles = read([PILE])
    for article in articles:
        article.published = dates.get(article.id)
    return sorted(sorted(a.id for a in story) for story in group(articles))


def test_two_dated_articles_a_week_apart_are_one_story() -> None:
    # Three days parted them before the eleventh session: ECB+'s events run for weeks.
    stories = _dated({"bridge-courier": "2024-03-01", "bridge-radio": "2024-03-08"})
    assert ["bridge-courier", "bridge-gazette", "bridge-radio"] in stories
    assert ClusterSettings().window_days >= 7


def test_articles_more_than_half_a_year_apart_are_two_stories() -> None:
    stories = _dated(
        {
            "bridge-courier": "2024-03-01",
            "bridge-gazette": "2024-03-03T23:00:00Z",
            "bridge-radio": "2024-10-08",
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
    narrow = dataclasses.replace(ClusterSettings(), window_days=3.0)
    bridge = {"bridge-courier", "bridge-gazette", "bridge-radio"}
    assert bridge in [{a.id for a in story} for story in group(articles)]
    assert bridge not in [{a.id for a in story} for story in group(articles, narrow)]


def test_a_look_alike_event_a_year_later_stays_two_stories_however_big() -> None:
    # Made-up words (``WORDS_ONLY``); without dates the pile is one story of 16.
    articles = _synthetic_pile(stories=1, size=16)
    assert [len(s) for s in group(articles, WORDS_ONLY)] == [16]
    for n, article in enumerate(articles):
        article.published = "2024-03-01" if n % 2 else "2025-03-01"
    assert sorted(len(s) for s in group(articles, WORDS_ONLY)) == [8, 8]


def test_articles_too_far_apart_are_not_joined_through_the_days_between() -> None:
    # Days 0, 100 and 200: each next day within the window, days 0 and 200 not. The cohesion
    # rule would join all 16 if a pair too far apart still counted as alike.
    first, last = "2024-01-01", "2024-07-19"
    articles = _synthetic_pile(stories=1, size=16)
    for n, article in enumerate(articles):
        article.published = first if n < 6 else "2024-04-10" if n < 10 else last
    for story in group(articles, WORDS_ONLY):
        assert not {first, last} <= {a.published for a in story}


def test_months_named_as_dates_in_the_opening() -> None:
    def named(title: str, body: str = "") -> list[str]:
        article = Article(id="a", source="a", title=title, paragraphs=[body] if body else [])
        bits = int(months([article], ClusterSettings())[0])
        return [m for n, m in enumerate(MONTHS) if bits >> n & 1]

    assert named("Economy added 4.8 million jobs in June") == ["June"]
    assert named("Claims fell", "Filed on 5 May and since mid-March, said June Smith.") == [
        "March",
        "May",
    ]
    assert named("Thousands March on Capitol as May warns", "August crowds.") == []
    assert named("Vote set for September 12") == ["September"]


def test_openings_naming_different_months_are_two_stories() -> None:
    articles = read([PILE])
    for article in articles:
        if article.id == "bridge-radio":
            article.title = "Harbour Bridge to close in September"
        elif article.id.startswith("bridge"):
            article.title = f"{article.title} in March"
    stories = sorted(sorted(a.id for a in story) for story in group(articles))
    assert ["bridge-courier", "bridge-gazette"] in stories and ["bridge-radio"] in stories
