"""Who does what: generated sentences whose words are in the evidence but whose roles are not."""

from __future__ import annotations

import dataclasses

import pytest

from storybrief.llm.prompt import Evidence
from storybrief.llm.roles import evidence_doers, swapped
from storybrief.llm.verify import verified_summary
from storybrief.models import SummarySentence
from storybrief.settings import LLMSettings

ASKED = "Norway has asked Chile to extradite the smuggler."
HELD = "The smuggler was detained by coastguards near Bergen on Monday."
LEAD = "The Borsk delegation will begin arriving in Kiru on March 3, officials said."


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        ("Chile has asked Norway to extradite the smuggler.", [ASKED]),
        ("The smuggler detained coastguards near Bergen on Monday.", [HELD]),
        ("Kiru will begin arriving in Borsk on March 3.", [LEAD]),
    ],
)
def test_an_act_given_to_another_doer_is_found(sentence: str, evidence: list[str]) -> None:
    assert swapped(sentence, evidence_doers(evidence))


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        ("Norway has asked Chile to extradite the smuggler.", [ASKED]),
        # Active for passive: the agent is the doer either way.
        ("Coastguards detained the smuggler near Bergen on Monday.", [HELD]),
        # No doer given, or a verb of saying: nothing to judge.
        ("The smuggler was detained near Bergen.", [HELD]),
        ("Chile said the smuggler was detained.", [HELD]),
        # A doer the evidence tells by a pronoun could be anyone.
        ("The minister resigned on Friday.", ["He resigned on Friday."]),
        # Another form of the doer's word; a dash a parse took for a subject.
        ("Truckers plan to block the road.", ["Truck drivers plan to block the road."]),
        (
            "After talks, Ames and her co-workers asked for a raise.",
            ["After talks, Ames and her co-workers asked for a raise."],
        ),
        # A doer that is a number is a doer too.
        ("At least 15 died when police fired.", ["At least 15 died when police fired."]),
        # A verb the evidence does not use is left to the word check.
        ("Chile praised the coastguards.", [HELD]),
    ],
)
def test_a_doer_the_evidence_gives_or_cannot_tell_is_kept(
    sentence: str, evidence: list[str]
) -> None:
    assert swapped(sentence, evidence_doers(evidence)) == []


def _items() -> list[Evidence]:
    extracted = SummarySentence(ASKED, ["a1"], ["a1:0"])
    return [Evidence("E1", ASKED, ("a1:0",), ("a1",), ASKED, extracted=extracted)]


def test_a_swapped_sentence_is_replaced_by_the_extracted_one() -> None:
    text = "Chile has asked Norway to extradite the smuggler. [E1]"
    checked = verified_summary(text, _items(), LLMSettings(), words=100)
    assert [(s.text, s.verified) for s in checked.sentences] == [(ASKED, False)]
    # The word check alone keeps it: every word and name is in the evidence.
    unchecked = verified_summary(
        text, _items(), dataclasses.replace(LLMSettings(), roles=False), words=100
    )
    assert [s.verified for s in unchecked.sentences] == [True]


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        ("The council closed the bridge.", "The council will close the bridge on Monday."),
        ("Residents sued the water authority.", "Residents plan to sue the water authority."),
        ("The plans were unveiled on Monday.", "The plans are expected to be unveiled on Monday."),
        ("The army evacuated the town.", "If the dam fails, the army evacuates the town."),
    ],
)
def test_a_fact_the_evidence_only_plans_or_expects_is_not_stated_as_done(
    sentence: str, evidence: str
) -> None:
    assert any(w.endswith("as done") for w in swapped(sentence, evidence_doers([evidence])))


@pytest.mark.parametrize(
    ("sentence", "evidence"),
    [
        ("The council will close the bridge.", ["The council will close the bridge on Monday."]),
        ("Residents plan to sue the authority.", ["Residents are planning to sue the authority."]),
        # Done somewhere in the evidence: stated as done is what it says.
        (
            "The council closed the bridge.",
            ["The council will close the road.", "The council closed the bridge."],
        ),
        # Another verb is hedged, not this one.
        ("The river flooded the town.", ["The river flooded the town, and more rain could come."]),
    ],
)
def test_a_fact_the_evidence_states_as_done_or_hedges_alike_is_kept(
    sentence: str, evidence: list[str]
) -> None:
    assert not [w for w in swapped(sentence, evidence_doers(evidence)) if w.endswith("as done")]
