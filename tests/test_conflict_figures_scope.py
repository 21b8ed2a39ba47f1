"""A figure conflict needs one quantity of one event: the same period (no "last year", "so
far", "a total of ... in five raids" on one side only), no part of a larger count ("were
among", "part of", a list joined by "and"). Small stories
written for these tests (no dataset text)."""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.conflicts import figures as figures_detector
from storybrief.analyze.context import nlp
from storybrief.analyze.numbers import figures, long_period, parts, period
from storybrief.models import Conflict
from storybrief.settings import DEFAULT


def figure_conflicts(*texts: str) -> list[Conflict]:
    conflicts = run(StoryContext.from_texts(*texts), "conflicts")
    return [c for c in conflicts if c.kind == "figures"]


def story(title: str, *sentences: str) -> str:
    return f"{title}\n\n" + " ".join(sentences)


def periods(text: str) -> dict[str, set[str]]:
    doc = nlp()(text)
    return {f.text: set(period(doc, f)) for f in figures(doc)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The day of the story is no other period.
        ("Police arrested 23 people on Saturday.", {"23": set()}),
        ("Police arrested 23 people on Dec. 13.", {"23": set()}),
        ("Police arrested 23 people last month.", {"23": {"last month"}}),
        ("Police arrested 23 people in 2003.", {"23": {"2003"}}),
        # A date of another clause is not the figure's: "a decade ago" is the 55 million's.
        (
            "Ratings for last year's show fell, with 32 million people tuning in, "
            "compared with 55 million a decade ago.",
            {"32 million": {"last year"}, "55 million": {"last year", "a decade ago"}},
        ),
        ("Divers have recovered 30 bodies so far.", {"30": {"total"}}),
        ("The navy seized a total of 14 rifles.", {"14": {"total"}}),
        (
            "The navy seized 14 rifles during its five operations.",
            {"14": {"total"}, "five": {"total"}},
        ),
        ("The navy seized six rifles during the operation.", {"six": set()}),
    ],
)
def test_a_figure_tells_the_period_of_its_own_clause(
    text: str, expected: dict[str, set[str]]
) -> None:
    assert periods(text) == expected


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Four Americans were among 19 people killed in the attack.", ["Four"]),
        ("The firm paid $25 million, part of a larger $47 million settlement.", ["$25 million"]),
        ("Police said three people were shot and two killed.", ["three"]),
        ("Two people were fatally shot and one was injured.", ["Two"]),
        ("Commandos seized 12 Somali and 11 Yemeni nationals.", ["12", "11"]),
        # A count joined to one counted by its article: three people, not two.
        ("Police said two women and a man were killed.", ["two"]),
        ("A captain and two sailors were rescued.", ["two"]),
        ("Police arrested two suspects and seized a car.", []),
        # Things joined to one thing are no count of people: two rifles stay two rifles.
        ("Police seized two rifles and a car.", []),
        ("The company cut 500 jobs and a factory.", []),
        # Items each with its own noun are several quantities, no parts of one.
        ("The navy seized 14 rifles, 31 magazines and 923 rounds.", []),
        # No larger count in the complement, no bare count in the joined clause, no list.
        ("Four Americans were among the people killed in the attack.", []),
        ("Police arrested 12 people and charged them with arson.", []),
        ("Police arrested 23 people, and 12 of them were charged.", []),
    ],
)
def test_a_part_of_a_larger_count_or_a_list(text: str, part: list[str]) -> None:
    doc = nlp()(text)
    found = figures(doc)
    part_starts = parts(doc, found, DEFAULT.conflicts.list_item_gap)
    assert [f.text for f in found if f.start in part_starts] == part


def test_list_items_no_farther_apart_than_the_setting() -> None:
    doc = nlp()("Commandos seized 12 Somali and 11 Yemeni nationals.")
    found = figures(doc)
    assert len(parts(doc, found, item_gap=2)) == 2
    assert parts(doc, found, item_gap=1) == set()


def test_a_number_in_a_name_is_no_amount() -> None:
    (found,) = figures(nlp()("The navy seized 14 AK-47 rifles from the boat."))
    assert (found.low, found.high) == (14, 14)


ONE_RAID = story(
    "Navy raid",
    "During the raid, six rifles were found and confiscated, the officer said.",
    "The boat was towed to port.",
)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (  # a running total of several raids against one raid's count
            ONE_RAID,
            story(
                "Navy haul",
                "So far, 14 rifles have been found and confiscated in the raids, a navy "
                "spokesman said.",
            ),
        ),
        (  # last year's audience against this year's
            story("Show ratings", "Only 6 million viewers tuned in to the show, its network said."),
            story(
                "Ratings fall",
                "Ratings for last year's show plunged, with 32 million viewers tuning in, the "
                "network said.",
            ),
        ),
        (  # "two women and a man" are the three people
            story(
                "Bank fire",
                "Three people were killed when rioters threw firebombs into a bank in Madrid on "
                "Tuesday, police said.",
            ),
            story(
                "Madrid riot",
                "Police said two women and a man were killed during protests by tens of "
                "thousands who marched through Madrid on Tuesday.",
            ),
        ),
        (  # a list of one group: the two killed are of the three shot
            story("Shooting", "Police said three people were shot and two killed."),
            story(
                "Shooting toll", "Two people were fatally shot and one was injured, police said."
            ),
        ),
    ],
)
def test_other_periods_and_parts_are_no_conflict(one: str, other: str) -> None:
    assert figure_conflicts(one, other) == []


def test_counts_of_one_raid_still_dispute() -> None:
    # The guards above are silent for their period or part, not for want of a match.
    other = story(
        "Navy raid report",
        "Marines found 14 rifles aboard the boat during the raid, a navy spokesman said.",
    )
    found = figure_conflicts(ONE_RAID, other)
    assert len(found) == 1
    assert sorted(c.value for c in found[0].claims) == [6, 14]


def test_one_agents_things_of_two_nouns_are_no_one_count() -> None:
    # Both are India's only as the subject of what it did: pirates are no boats.
    one = story(
        "India captures pirates",
        "India captured 23 pirates in the Gulf of Aden on Saturday, the ministry said.",
    )
    other = story(
        "Pirate boats seized",
        "India seized two small boats in the Gulf of Aden on Saturday, the military said.",
    )
    assert figure_conflicts(one, other) == []


def test_a_count_of_two_owners_is_no_one_owners() -> None:
    # "Somali and Yemeni pirates" are no one owner's, whatever else names them.
    ctx = StoryContext.from_texts(
        story("Pirates caught", "The navy arrested 23 Somali and Yemeni pirates in Somalia."),
        story("Navy catches pirates", "The navy arrested 12 Somali pirates near Yemen."),
    )
    run(ctx, "conflicts")
    owners = []
    for sentence in ctx.sentences:
        doc = ctx.docs[sentence.id]
        for figure in figures(doc):
            owners.append(
                figures_detector._owner(figures_detector._counted(doc[figure.start]), ctx.names)
            )
    # The one owner found for the 12 is the navy that arrested them (the agent).
    assert owners[0] is None
    assert owners[1] is not None


@pytest.mark.parametrize(
    ("markers", "long"),
    [({"total"}, True), ({"last year"}, True), ({"this season"}, True), ({"2003"}, True),
     ({"last week"}, False), ({"last month"}, False), (set(), False)],
)  # fmt: skip
def test_a_long_period_is_a_year_a_season_or_a_running_total(markers: set[str], long: bool) -> None:
    assert long_period(frozenset(markers)) is long


def test_a_week_on_one_side_only_is_the_events_own() -> None:
    one = story(
        "Rally arrests",
        "Police arrested 23 people at the rally last week, a police spokesman said.",
    )
    other = story(
        "Arrests at rally", "City police arrested 40 people at the rally, officials said."
    )
    assert len(figure_conflicts(one, other)) == 1


def test_a_strong_count_is_the_size_of_what_it_qualifies() -> None:
    """ "a 2,000-strong force": the force's size (the tokenizer splits "2,000", "-",
    "strong", so the number itself is the figure); a strong wind is no count."""
    doc = nlp()("The army sent a 2,000-strong force to the border on Monday.")
    assert [(f.value, f.unit) for f in figures(doc)] == [(2000.0, "force")]
    assert figures(nlp()("A strong wind hit the coast.")) == []
