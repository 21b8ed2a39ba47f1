"""A different detail: names that only look like details are left out.

Small stories written for these tests (no dataset text): the same sentence with another
place is a detail conflict; title-case words that are no names, and the name of who obtained
the source of the story, are not.
"""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.models import Conflict

TOLD = "The hosting company told the app maker {} on Saturday that it would stop serving it{}."


def details(*texts: str) -> list[Conflict]:
    return [c for c in run(StoryContext.from_texts(*texts), "conflicts") if c.kind == "detail"]


def test_the_same_sentence_with_another_place_is_a_detail_conflict() -> None:
    found = details(
        "Cloud host drops app\n\n" + TOLD.format("in Harwick", " from Sunday"),
        "Cloud host cuts off app\n\n" + TOLD.format("in Dunmore", " from Sunday"),
    )
    assert len(found) == 1
    assert {c.source for c in found[0].claims} == {"t0", "t1"}


def test_who_obtained_the_source_is_no_detail() -> None:
    source = " from Sunday, according to an email obtained by {}"
    found = details(
        "Cloud host drops app\n\n" + TOLD.format("", source.format("Reuters")),
        "Cloud host cuts off app\n\n" + TOLD.format("", source.format("Bloomberg")),
    )
    assert found == []


def test_capitalised_words_of_a_title_case_headline_are_no_names() -> None:
    found = details(
        "WKBN Suspends Anchor Steve Rollins for Lying About Twitter Post.\n\n"
        "The network said Rollins had been placed on indefinite leave.",
        "WKBN Suspends Editor Steve Rollins for Lying About Hacked Twitter.\n\n"
        "The network announced the move on Thursday.",
    )
    assert found == []


def test_a_name_and_its_abbreviation_are_one_place() -> None:
    found = details(
        "Harbour official found dead\n\nThe former harbour official was found dead in a hotel "
        "room in Biloxi, Mississippi, on Tuesday, police said.",
        "Harbour official dies\n\nThe former harbour official was found dead in a hotel room "
        "in Biloxi, Miss., on Tuesday, police said.",
    )
    assert found == []
