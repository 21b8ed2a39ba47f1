"""Timeline: date expressions resolved against the article's date, events in order, cited."""

from __future__ import annotations

from datetime import date

import pytest

from storybrief.analyze.timeline import resolve
from storybrief.models import Article, Brief, Event, Text
from storybrief.pipeline import brief_of, read
from storybrief.render import render
from storybrief.render.common import event_date

SATURDAY = date(2014, 6, 14)


@pytest.mark.parametrize(
    ("expression", "anchor", "expected"),
    [
        ("Saturday", SATURDAY, "2014-06-14"),  # the article's own day
        ("on Friday", SATURDAY, "2014-06-13"),
        ("last Monday", SATURDAY, "2014-06-09"),
        ("last Saturday", SATURDAY, "2014-06-07"),  # in a Saturday article: a week before
        ("Sunday", SATURDAY, "2014-06-08"),  # news reports the past: the latest Sunday
        ("next Tuesday", SATURDAY, "2014-06-17"),
        ("Friday night", SATURDAY, "2014-06-13"),
        ("yesterday", SATURDAY, "2014-06-13"),
        ("earlier today", SATURDAY, "2014-06-14"),
        ("this morning", SATURDAY, "2014-06-14"),
        ("tomorrow", SATURDAY, "2014-06-15"),
        ("June 10", SATURDAY, "2014-06-10"),
        ("10th June", SATURDAY, "2014-06-10"),
        ("on Tuesday, June 10", SATURDAY, "2014-06-10"),  # the weekday names the date given
        ("Tuesday 10 June", SATURDAY, "2014-06-10"),
        ("December 30", date(2015, 1, 3), "2014-12-30"),  # last year's, seen in January
        ("14 June 2014", None, "2014-06-14"),
        ("June 2014", None, "2014-06"),
        ("in 1931", None, "1931"),
        ("Saturday", None, None),  # relative, and nothing to read it against
        ("this week", SATURDAY, None),
        ("the past 10 years", SATURDAY, None),
        ("2003-2011", SATURDAY, None),
        ("decades", SATURDAY, None),
        ("a year", SATURDAY, None),
    ],
)
def test_date_expressions_are_resolved(
    expression: str, anchor: date | None, expected: str | None
) -> None:
    assert resolve(expression, anchor) == expected


CLOSED = """Harbour bridge shut for repairs

March 5, 2024

The city council closed the Harbour Bridge on Tuesday, March 5, after engineers found corroded \
cables under its main span.

The council will reopen the bridge on Tuesday, April 16, once the new cables are in place.
"""
FERRIES = """Ferries fill up as bridge stays shut

March 6, 2024

Ferry operators added extra boats on Wednesday, a day after the closure of the Harbour Bridge \
left thousands of commuters without a direct route.
"""


def test_a_weekday_is_read_against_its_own_article_s_date() -> None:
    brief = brief_of(read([Text(CLOSED), Text(FERRIES)]))
    dates = {e.sentence_ids[0]: (e.date, e.estimated) for e in brief.timeline}
    # Its own article is of Wednesday 6 March: "on Wednesday" is that day, not 28 February.
    assert dates["text-2:0"] == ("2024-03-06", False)
    # A weekday with a month and day is that date, the coming one too.
    assert dates["text-1:0"] == ("2024-03-05", False)
    assert dates["text-1:1"] == ("2024-04-16", False)


def test_seed_timeline_is_in_order_cited_and_marks_estimated_dates(example_brief: Brief) -> None:
    timeline = example_brief.timeline
    assert [e.date for e in timeline] == sorted(e.date for e in timeline)
    obama = [e for e in timeline if "Obama on Friday said" in e.text]
    assert len(obama) == 1
    # 000 and 003 have no date of their own: Friday is read against 002's (Sat 14 June).
    assert (obama[0].date, obama[0].estimated) == ("2014-06-13", True)
    assert set(obama[0].sources) >= {"000_287ada3d0cee12ca", "003_39e763c8ca576461"}
    own = [e for e in timeline if e.sources == ["002_37c62bbf03a28dc3"]]
    assert own and not any(e.estimated for e in own)  # 002 is dated: nothing estimated


def test_dates_of_side_clauses_are_not_events(example_brief: Brief) -> None:
    # "since the 2003 U.S.-led invasion", "dominant until 2003": background, not this story.
    assert not [e for e in example_brief.timeline if e.date == "2003"]
    # "Echoing comments made by Obama on Friday, Rouhani added ...": Friday is the comments'.
    assert not [e for e in example_brief.timeline if e.text.startswith("Echoing")]


def test_timeline_is_rendered_in_every_format() -> None:
    event = Event(
        date="2014-06-13",
        when="on Friday",
        text="Obama said <no> troops would go.",
        sources=["a"],
        estimated=True,
    )
    brief = Brief(articles=[Article(id="a", source="a.txt", paragraphs=["x"])], timeline=[event])
    assert event_date(event) == "≈ Fri 13 Jun 2014"
    md = render(brief, "md")  # article text escaped: a Markdown viewer shows it as text
    assert "- **≈ Fri 13 Jun 2014** — Obama said \\<no\\> troops would go. [1]" in md
    assert "Obama said &lt;no&gt; troops would go." in render(brief, "html")
    assert '"when": "on Friday"' in render(brief, "json")
