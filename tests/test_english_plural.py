"""Counting a noun in words, as every report and page of storybrief does."""

from __future__ import annotations

import pytest

from storybrief.nlp.english import plural


@pytest.mark.parametrize(
    ("n", "word", "many", "expected"),
    [
        (1, "source", None, "1 source"),
        (0, "source", None, "0 sources"),
        (3, "boilerplate line", None, "3 boilerplate lines"),
        (1, "story", "stories", "1 story"),
        (2, "story", "stories", "2 stories"),
        (0, "near-exact copy", "near-exact copies", "0 near-exact copies"),
    ],
)
def test_a_noun_takes_the_number_of_its_count(
    n: int, word: str, many: str | None, expected: str
) -> None:
    assert plural(n, word, many) == expected
