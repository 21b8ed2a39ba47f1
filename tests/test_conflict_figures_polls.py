"""A poll's figures are no rival counts: whom it asked, the share of people giving an answer,
its margin of error (``numbers.polled``). Two outlets' polls, or two questions of one poll,
were the only figure conflicts on PolNeAR's design half. Small stories written for these tests
(no dataset text)."""

from __future__ import annotations

import pytest
from test_conflict_figures_scope import figure_conflicts, story

from storybrief.analyze.context import nlp
from storybrief.analyze.numbers import figures, polled


def poll_figures(text: str) -> dict[str, bool]:
    doc = nlp()(text)
    return {f.text: polled(doc, f) for f in figures(doc)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom a poll asked, and its margin of error
        ("The survey has a margin of error of 3.5 percentage points.", {"3.5": True}),
        ("The poll surveyed 1,200 adults in March.", {"1,200": True}),
        ("A new poll of 1,005 adults was released on Monday.", {"1,005": True}),
        # the share of people giving an answer, or holding a view
        ("Sixty percent of registered voters say they back the plan.", {"Sixty percent": True}),
        ("In the state, 41 percent of Republicans approve of the governor.", {"41 percent": True}),
        ("A majority of likely voters, 58%, have a poor view of him.", {"58%": True}),
        # a share of things, or of people something was done to, is no answer
        ("About 65 percent of the oil passes through the strait.", {"About 65 percent": False}),
        ("The blast killed 30 percent of the residents of the village.", {"30 percent": False}),
        ("Thirty percent of the residents were killed.", {"Thirty percent": False}),
        # police interview witnesses: no poll
        ("Detectives interviewed 12 witnesses on Friday.", {"12": False}),
        ("Police arrested 23 people on Saturday.", {"23": False}),
    ],
)
def test_a_polls_figures(text: str, expected: dict[str, bool]) -> None:
    assert poll_figures(text) == expected


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (  # two polls' samples
            story(
                "Young voters poll",
                "The poll surveyed 2,400 people aged 18 to 29, its authors said.",
            ),
            story(
                "Millennials poll",
                "The poll surveyed 1,100 adults aged 18 to 29, its authors said.",
            ),
        ),
        (  # two questions of one poll: a view of the senator, knowing too little of him
            story(
                "Poll on the race",
                "Sixty-two percent of Democratic voters say they have a favorable view of the "
                "senator, the poll found.",
            ),
            story(
                "Voters undecided",
                "But 18 percent of Democratic voters say they still do not know enough about the "
                "senator, the poll found.",
            ),
        ),
    ],
)
def test_poll_figures_are_no_conflict(one: str, other: str) -> None:
    assert figure_conflicts(one, other) == []


def test_shares_of_a_thing_still_dispute() -> None:
    # The guard is silent for a poll's figures, not for every share.
    one = story(
        "Oil route",
        "About 65 percent of the nation's oil exports pass through the strait, officials said.",
    )
    other = story(
        "Shipping lane",
        "Some 30 percent of the nation's oil exports pass through the strait, the ministry said.",
    )
    (found,) = figure_conflicts(one, other)
    assert sorted(c.value for c in found.claims) == [30, 65]
