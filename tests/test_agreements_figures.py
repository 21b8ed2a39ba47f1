"""Two outlets stating one figure in unlike words agree (``agreements._same_figure``)."""

from __future__ import annotations

import dataclasses

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.agreements import _figures
from storybrief.models import Agreement
from storybrief.settings import DEFAULT

FOUND = """Wreckage found at sea

Search teams found the wreckage of the ferry on Tuesday. The largest of the pieces was around \
18 metres long. Relatives waited at the port in the rain.
"""


def _divers(piece: str) -> str:
    return (
        "Divers reach the ferry\n\nNavy divers reached the sunken ferry in the morning. "
        f"{piece} The company offered compensation to families.\n"
    )


def agreements_of(
    *texts: str, figure_pair: float = DEFAULT.agreements.figure_pair
) -> list[Agreement]:
    agreements = dataclasses.replace(DEFAULT.agreements, figure_pair=figure_pair)
    settings = dataclasses.replace(DEFAULT, agreements=agreements)
    return run(StoryContext.from_texts(*texts, settings=settings), "agreements")


def test_one_figure_in_unlike_words_is_one_fact() -> None:
    told = _divers("The biggest hull section, 18 metres, rests on the seabed.")
    found = agreements_of(FOUND, told)
    assert [(a.sources, a.text) for a in found] == [
        (["t0", "t1"], "The largest of the pieces was around 18 metres long.")
    ]
    # The words alone are too unlike: the figure is what joins them.
    assert agreements_of(FOUND, told, figure_pair=float("inf")) == []


def test_another_figure_in_those_words_is_no_agreement() -> None:
    assert (
        agreements_of(FOUND, _divers("The biggest hull section, 12 metres, rests on the seabed."))
        == []
    )


def test_one_figure_of_another_fact_is_no_agreement() -> None:
    assert agreements_of(FOUND, _divers("The company owns 18 ferries and a shipyard.")) == []


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("killed 213 people, 12 of them Americans", {"213", "12"}),
        ("46,000 notices and $1.75 an ounce", {"46000", "1.75"}),
        ("in 2014, 3 people", set()),  # a year and a single digit tell no fact apart
        # A scale is part of its figure: "$1 million" is no single digit, "$1.9T" the lead's
        # "$1.9 trillion", and "$1.75 billion" not the "$1.75" of another fact.
        ("a $1 million fund", {"1000000"}),
        ("the $1.9T bill, the $1.9 trillion bill", {"1900000000000"}),
        ("$1.75 billion", {"1750000000"}),
        ("£5m and 5 bn", {"5000000", "5000000000"}),
        ("an 18m hull", {"18"}),  # a scale letter only after a currency sign: metres
        ("$25 MİLLİON, 37 bıllıon", {"25", "37"}),  # no scale word spelt in other letters' i
        # A figure of more digits than int() reads (4,300) is left unscaled, not an error
        # that loses the story's agreements.
        ("$" + "9" * 5000 + " million", {"9" * 5000}),
    ],
)
def test_figures(text: str, figures: set[str]) -> None:
    assert _figures(text) == figures


def test_a_scaled_figure_joins_its_fact() -> None:
    # "$1 million" was once read as the single digit 1, which tells no fact apart.
    fund = (
        "Water fund\n\nThe water department announced a $1 million fund on Tuesday for "
        "residents struggling to pay their bills. Crews kept working through the week.\n"
    )
    plans = (
        "Help for customers\n\nA new $1 million program will help residents who cannot pay "
        "water bills. The mayor spoke at noon.\n"
    )
    found = agreements_of(fund, plans)
    assert [(a.sources, a.text) for a in found] == [
        (["t0", "t1"], "A new $1 million program will help residents who cannot pay water bills.")
    ]
    # The words alone are too unlike: the figure is what joins them.
    assert agreements_of(fund, plans, figure_pair=float("inf")) == []
    # Nor does another scale of the same digits ("$1 billion").
    assert agreements_of(fund, plans.replace("million", "billion")) == []


COST = (
    "Bridge shut\n\nThe Elm Street bridge was closed on Monday after engineers found a crack. "
    "The council said repairs to the bridge would cost about {} pounds. Drivers used the ring "
    "road.\n"
)
ESTIMATE = (
    "Bridge closed over crack\n\nShop owners worried about trade on Monday. The council said "
    "repairs to the bridge would cost {} pounds. The ring road is the only diversion.\n"
)


def test_two_sums_for_one_cost_are_no_agreement() -> None:
    # One sum in like words is one fact ...
    same = agreements_of(COST.format("2 million"), ESTIMATE.format("2 million"))
    assert any("repairs" in a.text for a in same)
    # ... and a rounding of it too ("about 2 million" / "2.1 million") ...
    rounded = agreements_of(COST.format("2 million"), ESTIMATE.format("2.1 million"))
    assert any("repairs" in a.text for a in rounded)
    # ... but two sums are a dispute: neither outlet can be cited for the other's figure.
    other = agreements_of(COST.format("2 million"), ESTIMATE.format("3 million"))
    assert not any("repairs" in a.text for a in other)
