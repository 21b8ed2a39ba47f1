"""A count introduced by "including" or "among them" is a part of a group named before it,
never a rival of another outlet's count of the whole. Small stories written for these tests
(no dataset text)."""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.context import nlp
from storybrief.analyze.numbers import figures, included
from storybrief.models import Conflict


def figure_conflicts(*texts: str) -> list[Conflict]:
    conflicts = run(StoryContext.from_texts(*texts), "conflicts")
    return [c for c in conflicts if c.kind == "figures"]


def sanctions(count: int, whom: str = "U.S. politicians and heads of groups") -> str:
    return (
        f"Ministry sanctions\n\nThe ministry on Monday announced sanctions against {count} "
        f"{whom}, including two senators, over the port dispute."
    )


PARTS = (
    "Sanctions on Americans\n\nThe ministry said on Monday it has imposed sanctions on 11 "
    "Americans, including six US lawmakers, over the port dispute."
)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("The ministry imposed sanctions on 11 Americans, including six lawmakers.", ["six"]),
        ("Police said 20 people died, among them four children.", ["four"]),
        ("Peacekeepers including six Americans were killed in the crash.", ["six"]),
        # No group before the cue: "the bill" is one thing, its pages no part of a count.
        ("The bill, including 40 pages of amendments, passed.", []),
        # The figure after the cue is not the one it introduces.
        ("Police arrested four people and 20 others, including the mayor.", []),
    ],
)
def test_a_count_after_including_is_a_part_of_the_group_before(text: str, parts: list[str]) -> None:
    doc = nlp()(text)
    found = figures(doc)
    assert [f.text for f in found if f.start in included(doc, found)] == parts


def test_a_part_is_not_set_against_another_outlets_whole() -> None:
    # Before the rule: "six US lawmakers" (American owner) against 11 U.S. politicians.
    assert figure_conflicts(PARTS, sanctions(11)) == []


def test_the_wholes_still_dispute() -> None:
    found = figure_conflicts(PARTS, sanctions(15, "Americans"))
    assert len(found) == 1, [c.topic for c in found]
    assert {c.value for c in found[0].claims} == {11, 15}
