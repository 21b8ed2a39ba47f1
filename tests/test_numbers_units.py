"""A figure's unit: money is counted in its currency (its scale in its value), never in the
noun after it ("$75 a household", "$15 million this year"); a duration ("about 40 minutes",
"a two-hour flight") is a figure in minutes, a clock time none; and the figures detector
compares only figures of one unit. Sentences and stories written for these tests."""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.context import nlp
from storybrief.analyze.numbers import figures


def read(text: str) -> list[tuple[str, float, float]]:
    return [(f.unit, f.low, f.high) for f in figures(nlp()(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Water bills now average $75 a household.", [("$/household", 75, 75)]),
        ("Canvassers are paid $15 an hour.", [("$/hour", 15, 15)]),
        ("The hike raised the average bill from $65 to $70.", [("$", 65, 70)]),
        ("Seattle will make $15 million this year.", [("$", 15e6, 15e6)]),
        ("The company paid $2.9 billion for the firm.", [("$", 2.9e9, 2.9e9)]),
        ("The deal cost £2 billion.", [("£", 2e9, 2e9)]),
        ("He paid 500 euros to the firm.", [("€", 500, 500)]),
    ],
)
def test_money_is_counted_in_its_currency(
    text: str, expected: list[tuple[str, float, float]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plane crashed 40 minutes after it took off.", [("min", 40, 40)]),
        ("Halfway into a two-hour flight, the plane turned back.", [("min", 120, 120)]),
        ("He was held for 48 hours.", [("min", 2880, 2880)]),
        # Clock times, and a time counted back from the writing, are no durations.
        ("The plane took off at 10:40 a.m. and landed at 3 p.m.", []),
        ("The plane landed at 3 o'clock.", []),
    ],
)
def test_a_duration_is_a_figure_in_minutes_and_a_clock_time_none(
    text: str, expected: list[tuple[str, float, float]]
) -> None:
    assert read(text) == expected


def figure_conflicts(*texts: str) -> list[list[float | None]]:
    conflicts = run(StoryContext.from_texts(*texts), "conflicts")
    return [[c.value for c in x.claims] for x in conflicts if x.kind == "figures"]


def test_money_is_no_count_of_the_noun_after_it() -> None:
    # Read with the noun after it as its unit, "$70 a household" was 70 households.
    assert not figure_conflicts(
        "Storm hits town\n\nThe storm cut power to 90 households in the town, officials said.",
        "Storm hits town\n\nThe storm cut power costing $70 a household in the town, "
        "officials said.",
    )


def test_two_outlets_durations_of_one_flight_conflict() -> None:
    found = figure_conflicts(
        "Plane crash\n\nThe plane crashed about 40 minutes after it took off from the city, "
        "officials said.",
        "Plane crash\n\nThe plane crashed two hours after it took off from the city, "
        "officials said.",
    )
    assert found == [[40.0, 120.0]]


def test_a_rate_is_no_rival_of_a_sum() -> None:
    assert not figure_conflicts(
        "Campaign money\n\nThe campaign says it raised more than $21 million in January for "
        "its canvassers.",
        "Campaign money\n\nThe campaign is paying its canvassers $15 an hour in January, "
        "the campaign says.",
    )
