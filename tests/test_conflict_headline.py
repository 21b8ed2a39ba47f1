"""Headline versus body: the body must hedge the title's own event.

Small stories written for these tests (no dataset text). A headline compresses its lead, so
a body sentence hedging another act of a party the title names, or a condition on a party
the title only mentions, does not gainsay it; the same act hedged does.
"""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.models import Conflict

PREPARES = "Dunmore makes preparations for 2024 run\n\n"


def headlines(*texts: str) -> list[Conflict]:
    return [c for c in run(StoryContext.from_texts(*texts), "conflicts") if c.kind == "headline"]


def test_the_title_act_negated_in_the_body_is_a_conflict() -> None:
    body = (
        "The move would be a first step toward a national campaign, though Dunmore has not "
        "made preparations for a run yet."
    )
    found = headlines(PREPARES + body)
    assert len(found) == 1
    assert found[0].claims[0].attributed_to == "headline"
    assert "has not made preparations" in found[0].claims[1].text


@pytest.mark.parametrize(
    "story",
    [
        # Another act of the title's subject hedged: deciding is not preparing.
        PREPARES + "The move would be a first step toward a national campaign, though Dunmore "
        "has not made a final decision to run.",
        # A party the title names acting in a clause below a hedge: Ottawa agreeing is not
        # Dunmore lifting the tariffs.
        "Dunmore lifts tariffs on Canada\n\nDunmore announced that he would lift tariffs on "
        "Canada after Ottawa agreed to cut its dairy subsidies.",
        # A condition on a party the title only mentions, not its subject.
        "Farmers clash with the governor over Canada tariffs\n\nFarm groups in Harwick "
        "criticised the governor's plan on Tuesday. Under the plan, the tariffs would rise "
        "every month if Canada did not act to cut its dairy subsidies.",
    ],
)
def test_a_hedge_on_another_event_is_no_headline_conflict(story: str) -> None:
    assert headlines(story) == []
