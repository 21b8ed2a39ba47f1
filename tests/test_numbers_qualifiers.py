"""A qualifier bounds its figure when a currency sign stands between them ("up to $60
billion" is 0 to 60 billion, not exactly 60 billion). Sentences written for these tests."""

from __future__ import annotations

import pytest

from storybrief.analyze.context import nlp
from storybrief.analyze.numbers import figures


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("The package includes up to $60 billion in tariffs.", 0, 60e9),
        ("They paid more than $5 million to the firm.", 5e6, 10e6),
        ("Fines of up to 300 dollars were set.", 0, 300),
        ("The plan costs $60 billion.", 60e9, 60e9),
    ],
)
def test_a_qualifier_before_a_currency_sign_bounds_the_figure(
    text: str, low: float, high: float
) -> None:
    assert [(f.low, f.high) for f in figures(nlp()(text))] == [(low, high)]
