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
    ],
)
def test_figures(text: str, figures: set[str]) -> None:
    assert _figures(text) == figures
