"""Two outlets stating one figure in unlike words agree (``agreements._same_figure``)."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.agreements import _approximations, _figures, _same_figure
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
    ],
)
def test_figures(text: str, figures: set[str]) -> None:
    assert _figures(text) == figures


def _units(*texts: str) -> list[SimpleNamespace]:
    return [SimpleNamespace(text=t) for t in texts]


def test_a_round_figure_stands_for_the_exact_one() -> None:
    # "about $437,000" is written for $437,714 (cut), "some 46,000" for 46,213; two round
    # figures, or an exact figure far from the round one, are no such pair.
    same = _same_figure(
        _units(
            "a golf course that owes $437,000",
            "a delinquent account balance of $437,714",
            "some 46,000 notices went out",
            "46,213 notices were delivered",
            "the state owes $431,000",
            "the club owes $452,714",
        )
    )
    assert same[0, 1] and same[1, 0] and same[2, 3]
    assert not same[0, 4] and not same[0, 5] and not same[1, 4] and not same[4, 5]


@pytest.mark.parametrize(
    ("figure", "approximations"),
    [
        ("437714", {"430000", "437000", "438000", "440000"}),
        ("46213", {"46000", "46200"}),
        ("437000", set()),  # round already
        ("213", set()),  # too short to be written round
        ("1.75", set()),
    ],
)
def test_approximations(figure: str, approximations: set[str]) -> None:
    assert _approximations(figure) == approximations
