"""A weekday is dated as the past one only when its clause is clearly past (issue 15).

"The bridge closes Monday" in an article of Friday 5 June 2026 may be the coming
Monday: the summary and the timeline both leave it undated (``nlp.tense``).
"""

from __future__ import annotations

from datetime import date

import pytest

from storybrief.analyze.context import StoryContext, parse
from storybrief.analyze.timeline import find_timeline
from storybrief.models import Article
from storybrief.nlp.tense import dates_back
from storybrief.pipeline import prepare
from storybrief.summarize.candidates import dated

FRIDAY = date(2026, 6, 5)

CASES = [
    ("The old bridge closed on Monday for repairs.", True),
    ("The old bridge has been shut since Monday for repairs.", True),
    ("The old bridge closed last Monday for repairs.", True),
    ("The old bridge will close on Monday for repairs.", False),
    ("The old bridge closes on Monday for repairs.", False),
    ("The old bridge is closing on Monday for repairs.", False),
    ("The old bridge is set to close on Monday for repairs.", False),
    ("The old bridge closes next Monday for repairs.", False),
    ("Old bridge closes Monday", False),
]


@pytest.mark.parametrize(("text", "past"), CASES)
def test_a_weekday_dates_back_only_in_a_past_clause(text: str, past: bool) -> None:
    monday = next(t for t in parse([text])[0] if t.text == "Monday")
    assert dates_back(monday, FRIDAY) is past


@pytest.mark.parametrize(("text", "past"), CASES)
def test_the_summary_dates_a_weekday_only_in_a_past_clause(text: str, past: bool) -> None:
    shown = dated(text, FRIDAY)
    assert shown == (text.replace("Monday", "Monday (June 1, 2026)") if past else None)


def test_each_weekday_of_a_sentence_is_read_in_its_own_clause() -> None:
    text = "Officials said Tuesday that the old bridge closes on Monday."
    assert dated(text, FRIDAY) is None  # Monday may be ahead: the sentence keeps out
    assert dated("Officials said Tuesday that the old bridge closed.", FRIDAY) == (
        "Officials said Tuesday (June 2, 2026) that the old bridge closed."
    )


def _timeline(body: str) -> dict[str, str]:
    raw = f"Bridge works\n\n{body}"
    articles = prepare([Article(id="a", source="a", raw=raw, published="2026-06-05")])
    return {e.text: e.date for e in find_timeline(StoryContext(articles))}


def test_the_timeline_reads_a_weekday_as_the_summary_does() -> None:
    timeline = _timeline(
        "The city council closed the old river bridge on Monday after engineers found cracks.\n\n"
        "The new ferry service across the river opens on Tuesday for commuters and cyclists.\n\n"
        "The mayor will visit the ferry landing on Thursday with the council members.\n\n"
        "A second ferry joins the service next Wednesday, the transport office said."
    )
    assert timeline == {
        "The city council closed the old river bridge on Monday after engineers found cracks.": (
            "2026-06-01"
        ),
        "A second ferry joins the service next Wednesday, the transport office said.": (
            "2026-06-10"
        ),
    }


def test_the_articles_own_weekday_is_its_date_whatever_the_tense() -> None:
    assert dated("The mayor will speak later Friday at the ferry landing.", FRIDAY) is None
    assert dated("The mayor speaks later Friday at the ferry landing.", FRIDAY) == (
        "The mayor speaks later Friday (June 5, 2026) at the ferry landing."
    )


@pytest.mark.parametrize(
    ("text", "past"),
    [
        ("The council had the chance to inspect the old bridge on Monday.", True),
        ("The council planned to inspect the old bridge on Monday.", False),
        ("A report released Monday found cracks in the old bridge.", True),
        ("Inspecting the old bridge on Monday, engineers found cracks.", True),
        ("Inspecting the old bridge on Monday, engineers hope to find no cracks.", False),
    ],
)
def test_an_infinitive_or_participle_takes_the_tense_of_its_clause(text: str, past: bool) -> None:
    monday = next(t for t in parse([text])[0] if t.text == "Monday")
    assert dates_back(monday, FRIDAY) is past


def test_a_full_date_with_its_weekday_stays_in_the_timeline() -> None:
    timeline = _timeline("The ferry service across the river opens on Friday, June 12, 2026.")
    assert list(timeline.values()) == ["2026-06-12"]


def test_last_and_the_articles_own_weekday_is_a_week_before() -> None:
    # FRIDAY is the article's date: "last Friday" is the Friday before, not that day.
    assert dated("The old bridge closed last Friday for repairs.", FRIDAY) == (
        "The old bridge closed last Friday (May 29, 2026) for repairs."
    )
