"""Short texts are kept: a cut-off lead, a live blog's updates, each flagged partial if cut."""

from __future__ import annotations

import json

import pytest

from storybrief.clean import clean, ends_mid_sentence
from storybrief.models import Article, Text
from storybrief.pipeline import brief_of, read
from storybrief.render import render

CUT_LEAD = (
    "The council approved a plan on Tuesday to close the Harbour Bridge for six weeks of "
    "repairs, a decision that will send about 40,000 commuters onto the ring road while"
)


def _clean(raw: str, title: str | None = None) -> Article:
    (article,) = clean([Article(id="t", source="<t>", raw=raw, title=title)])
    return article


def test_a_titled_lead_without_its_stop_is_the_body_not_a_dek() -> None:
    a = _clean(CUT_LEAD, title="Harbour Bridge to close for repairs")
    assert a.ok and a.paragraphs == [CUT_LEAD] and a.dek is None
    assert a.partial


def test_an_untitled_lead_without_its_stop_is_the_body_not_a_title() -> None:
    a = _clean(CUT_LEAD)
    assert a.ok and a.paragraphs == [CUT_LEAD] and a.title is None


def test_a_short_headline_alone_is_still_no_article() -> None:
    a = _clean("Harbour Bridge to close for repairs")
    assert not a.ok and a.title == "Harbour Bridge to close for repairs"


def test_a_dek_with_a_body_after_it_stays_a_dek() -> None:
    a = _clean(
        "Harbour Bridge to close\n\nCommuters face longer journeys this spring\n\n"
        "The council approved the closure on Tuesday after engineers found corroded cables."
    )
    assert a.dek == "Commuters face longer journeys this spring"
    assert not a.partial


@pytest.mark.parametrize("stamp", ["6:56 pm", "6:56 pm:", "7.02pm ET:", "Updated 9:15 a.m."])
def test_a_live_blogs_updates_are_kept_and_its_time_stamps_removed(stamp: str) -> None:
    raw = (
        f"Live: Senate debates the budget\n\n{stamp}\n\n"
        "Senate leaders said they would hold a vote on the bill later tonight.\n\n"
        "7:30 pm\n\n"
        "The House adjourned without taking up the measure, aides said."
    )
    a = _clean(raw)
    assert a.ok and a.title == "Live: Senate debates the budget"
    assert a.paragraphs == [
        "Senate leaders said they would hold a vote on the bill later tonight.",
        "The House adjourned without taking up the measure, aides said.",
    ]
    assert {r.line: r.why for r in a.removed} == {
        stamp: "time stamp of a live update",
        "7:30 pm": "time stamp of a live update",
    }


def test_an_update_opening_on_its_time_is_no_title() -> None:
    a = _clean(
        "6:56 pm Senate leaders said they would hold a vote on the bill later tonight\n\n"
        "7:02 pm The House adjourned without taking up the measure, aides said"
    )
    assert a.ok and a.title is None and len(a.paragraphs) == 2


@pytest.mark.parametrize(
    ("last", "partial"),
    [
        ("The council will vote again next week.", False),
        ("The council will vote again next week, the mayor said, and the", True),
        ("It compromised 40 million credit- and debit-card accounts and...", True),
        ("So much for the promises of the campaign trail...", False),  # style, not a cut
        ("The council approved the plan. (Editing by Tom Hale and Ann Lee)", False),
        ("The council approved the plan on Tuesday. (djp)", False),  # a wire's sign-off
        ("Donations can be sent to the council offices by mail to:", False),
        ("Related stories", False),  # a label, too short to be a cut sentence
    ],
)
def test_a_text_that_stops_mid_sentence_is_partial(last: str, partial: bool) -> None:
    assert ends_mid_sentence(["The council met on Tuesday.", last]) is partial


def test_partial_is_shown_in_the_brief_and_its_json() -> None:
    articles = read([Text(f"Harbour Bridge to close for repairs\n\n{CUT_LEAD}")])
    brief = brief_of(articles)
    assert json.loads(render(brief, "json"))["articles"][0]["partial"] is True
    assert "cut off mid-sentence" in render(brief, "md")
    assert "cut off mid-sentence" in render(brief, "html")
