"""Figure conflicts between counts of one act or state, and the traps that are none.

Small stories written for these tests (no dataset text). Two outlets' own
counts of who was arrested, or who is in custody, that cannot meet are a
conflict even unattributed; an update ("rose to"), an increment ("12 more
bodies"), rounding ("nearly 3,000" / 2,960), a lower bound ("more than 400"
/ 550) and different quantities (rockets / targets) are not.
"""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.conflicts import figures as figures_detector
from storybrief.analyze.context import nlp
from storybrief.analyze.numbers import figures
from storybrief.models import Conflict


def figure_conflicts(*texts: str) -> list[Conflict]:
    conflicts = run(StoryContext.from_texts(*texts), "conflicts")
    return [c for c in conflicts if c.kind == "figures"]


def story(title: str, *sentences: str) -> str:
    return f"{title}\n\n" + " ".join(sentences)


ARRESTS = story(
    "Protesters arrested at depot",
    "At least nine of the protesters were arrested by city police on Thursday at the depot gate.",
    "The group had blocked trucks leaving the depot for two hours.",
)
ARRESTS_ELSEWHERE = story(
    "Police arrest depot protesters",
    "City police arrested six people at the depot gate on Thursday, including two pastors.",
    "The protest against the depot's closure lasted two hours.",
)
CUSTODY = story(
    "Two held over poisoning",
    "Four people are in custody over the poisoning at the harbour market, police said.",
)
CUSTODY_ELSEWHERE = story(
    "Arrests after poisoning",
    "Officers have two people in custody over the poisoning at the harbour market.",
)


def test_a_part_of_a_group_counts_the_group() -> None:
    found = figures(nlp()("At least nine of the protesters were arrested."))
    assert [(f.unit, f.value) for f in found] == [("protester", 9)]


@pytest.mark.parametrize(
    ("one", "other", "values"),
    [(ARRESTS, ARRESTS_ELSEWHERE, {6, 9}), (CUSTODY, CUSTODY_ELSEWHERE, {2, 4})],
)
def test_counts_of_one_act_that_cannot_meet_are_a_conflict(
    one: str, other: str, values: set[int]
) -> None:
    found = figure_conflicts(one, other)
    assert len(found) == 1, [c.topic for c in found]
    assert {c.value for c in found[0].claims} == values
    assert {c.source for c in found[0].claims} == {"t0", "t1"}


TRAPS = [
    (  # an update: a later toll, not a rival one
        story("Flood toll", "The death toll from the flood rose to 30 on Friday, officials said."),
        story("Flood kills 12", "Twelve people were killed in the flood on Wednesday."),
    ),
    (  # an increment: more bodies, added to an earlier count
        story("Divers find bodies", "Divers recovered 12 more bodies from the wreck on Sunday."),
        story("Search goes on", "Divers have recovered 30 bodies from the wreck so far."),
    ),
    (  # rounding
        story("Town evacuated", "Nearly 3,000 people were evacuated from the valley town."),
        story("Valley evacuation", "Some 2,960 people were evacuated from the valley town."),
    ),
    (  # a lower bound
        story("Delegation", "More than 400 athletes were sent to the games by the north."),
        story("Games team", "The north sent 550 athletes to the games, its officials said."),
    ),
    (  # different quantities of one exchange
        story("Rockets fired", "Militants fired 97 rockets at the border towns overnight."),
        story("Air strikes", "The air force struck 250 targets in the strip overnight."),
    ),
]


@pytest.mark.parametrize(("one", "other"), TRAPS)
def test_updates_increments_rounding_bounds_and_other_quantities_are_no_conflict(
    one: str, other: str
) -> None:
    assert figure_conflicts(one, other) == []


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            story("Divers find bodies", "Divers recovered 12 bodies from the wreck on Sunday."),
            # Without "so far": a running total is no rival of one day's count either.
            story("Search goes on", "Divers have recovered 30 bodies from the wreck."),
        ),
        (
            story("Town evacuated", "Nearly 2,000 people were evacuated from the valley town."),
            story("Valley evacuation", "Some 2,960 people were evacuated from the valley town."),
        ),
    ],
)
def test_the_same_counts_without_the_trap_are_a_conflict(one: str, other: str) -> None:
    # The traps above are silent for their qualifier, not for want of a match.
    assert len(figure_conflicts(one, other)) == 1


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Forty-nine people were killed in the flood.", 49),
        ("Two hundred fifty people were evacuated.", 250),
        ("Two dozen people were evacuated.", 24),
        ("Police evacuated ninety-one people.", 91),
    ],
)
def test_spelled_numbers_add_tens_and_units_and_multiply_hundreds(text: str, value: int) -> None:
    assert [f.value for f in figures(nlp()(text))] == [value]


def test_a_count_spelled_out_is_the_same_count_in_digits() -> None:
    digits = story("Flood toll", "At least 49 people were killed in the flood at the river town.")
    spelled = story(
        "Flood deaths", "Forty-nine people have been killed in the flood at the river town."
    )
    assert figure_conflicts(digits, spelled) == []


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        (
            "The report finds the prince approved it, three U.S. officials familiar with it said.",
            True,
        ),
        ("Four officials told reporters that the report was finished.", True),
        ("Police said three people were arrested at the gate.", False),
        ("Three officials were arrested at the gate.", False),
    ],
)
def test_a_count_of_who_tells_the_story_is_no_figure_to_dispute(text: str, sources: bool) -> None:
    doc = nlp()(text)
    counted = [figures_detector._counted(doc[f.start]) for f in figures(doc)]
    assert [figures_detector._sources(t) for t in counted] == [sources]
