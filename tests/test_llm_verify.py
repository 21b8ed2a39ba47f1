"""The check of a generated brief against its evidence, on hand-written sentences."""

from __future__ import annotations

import dataclasses

import pytest

from storybrief.llm.prompt import Evidence
from storybrief.llm.verify import parse, statement_of, support_of, unsupported, verified_summary
from storybrief.models import SummarySentence
from storybrief.settings import LLMSettings

SETTINGS = LLMSettings()

FLOOD = "The Ashby river burst its banks on Tuesday, forcing 340 residents from their homes."
MAYOR = "Mayor Helen Ortiz said the town had not asked the army for help."
DAMS = "Engineers blamed the flood on a failed sluice gate at the Corran dam."
DEATHS_A = "Police said two people died in the flood."
DEATHS_B = "Hospital staff said four people died."


def _extracted(text: str, n: int) -> SummarySentence:
    return SummarySentence(text, [f"a{n}"], [f"a{n}:0"])


def _evidence() -> list[Evidence]:
    summary = [FLOOD, MAYOR, DAMS]
    items = [
        Evidence(f"E{n}", t, (f"a{n}:0",), (f"a{n}",), t, extracted=_extracted(t, n))
        for n, t in enumerate(summary, start=1)
    ]
    for n, text in ((4, DEATHS_A), (5, DEATHS_B)):
        items.append(
            Evidence(
                f"E{n}",
                text,
                (f"a{n}:3",),
                (f"a{n}",),
                text,
                disputed=("deaths in the flood",),
                section="disputed",
            )
        )
    return items


def _check(text: str, words: int = 120):
    return verified_summary(text, _evidence(), SETTINGS, words=words)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Floods hit Ashby [E1]. The mayor spoke. [E2][E3]", [("E1",), ("E2", "E3")]),
        ("Floods hit Ashby. [E1, E3] More later.", [("E1", "E3"), ()]),
        ("Floods hit Ashby. [E1] Cut by the token lim", [("E1",)]),
        ("**Brief:** Floods hit Ashby [E1]", [("E1",)]),
        ("One thing. Another thing [E2]", [(), ("E2",)]),
    ],
)
def test_parse_reads_each_sentence_and_its_markers(text: str, expected: list[tuple]) -> None:
    parsed = parse(text)
    assert [labels for _, labels in parsed] == expected
    assert all("[" not in s and "*" not in s for s, _ in parsed)


def test_a_faithful_paraphrase_is_kept_with_its_evidence() -> None:
    checked = _check(
        "On Tuesday the Ashby river burst its banks and 340 residents were forced"
        " from their homes [E1]."
    )
    (kept,) = checked.sentences
    assert kept.verified is True
    assert kept.evidence == ["a1:0"] and kept.sources == ["a1"]
    assert "[E1]" not in kept.text and not kept.disputed


@pytest.mark.parametrize(
    "wrong",
    [
        "The Ashby river burst its banks on Tuesday, forcing 430 residents from their homes. [E1]",
        "The Ashby river burst its banks on Tuesday, forcing 340 residents of Dunmore out. [E1]",
        "Engineers blamed the flood on sabotage by protesters at the Corran dam. [E3]",
    ],
    ids=["number", "name", "words"],
)
def test_a_sentence_its_evidence_does_not_carry_is_not_kept_as_written(wrong: str) -> None:
    checked = _check(wrong)
    assert all(s.text != wrong.removesuffix(" [E1]") for s in checked.sentences)
    assert checked.replaced + checked.dropped == 1


def test_an_unsupported_sentence_is_replaced_by_the_extracted_one_it_paraphrases() -> None:
    checked = _check("The Ashby river burst its banks on Tuesday, forcing 430 residents out. [E1]")
    (stand_in,) = checked.sentences
    assert stand_in.text == FLOOD and stand_in.verified is False
    assert stand_in.evidence == ["a1:0"] and checked.replaced == 1


def test_an_unsupported_sentence_like_no_extracted_one_is_dropped() -> None:
    checked = _check("Residents plan to sue the regional water authority in Brussels. [E2]")
    assert checked.sentences == [] and checked.dropped == 1


def test_a_negation_added_or_dropped_is_caught() -> None:
    added = statement_of("The Corran dam's sluice gate did not fail, engineers said.")
    dropped = statement_of("Mayor Helen Ortiz said the town had asked the army for help.")
    assert "a negation" in unsupported(added, support_of(DAMS), SETTINGS)
    assert unsupported(dropped, support_of(MAYOR), SETTINGS)
    kept = statement_of("The town has not asked the army for help, Mayor Helen Ortiz said.")
    assert not unsupported(kept, support_of(MAYOR), SETTINGS)


def test_number_words_and_digits_match() -> None:
    statement = statement_of("Police said 2 people died in the flood.")
    assert not unsupported(statement, support_of(DEATHS_A), SETTINGS)


FUSED = "The river burst its banks on Tuesday after a sluice gate failed, engineers said. [E1]"


def test_two_items_fused_into_one_sentence_are_not_kept_as_written() -> None:
    # Each fact is in the evidence; the "after" tying them is the model's own.
    (stand_in,) = _check(FUSED).sentences
    assert stand_in.text == FLOOD and stand_in.verified is False


def test_without_the_unit_rule_words_from_an_item_it_did_not_cite_widen_its_evidence() -> None:
    fused = verified_summary(
        FUSED, _evidence(), dataclasses.replace(SETTINGS, unit=False), words=99
    )
    (kept,) = fused.sentences
    assert kept.verified is True and kept.evidence == ["a1:0", "a3:0"]


def test_one_word_of_a_short_sentence_from_nowhere_is_too_many() -> None:
    # 6 of 7 content words: enough for the words-only check, not for one item to carry it.
    sentence = "Mayor Helen Ortiz said the town had not asked the soldiers for help."
    assert _check(f"{sentence} [E2]").sentences[0].verified is False
    loose = dataclasses.replace(SETTINGS, unit=False)
    assert verified_summary(sentence, _evidence(), loose, words=99).sentences[0].verified


BRIDGE = "The bridge was closed on Monday. Repairs to the Corran sluice gate began on Monday."


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("The bridge was closed on Monday because repairs to the Corran sluice gate began.", False),
        ("The bridge was closed on Monday, and repairs to the Corran sluice gate began.", True),
    ],
)
def test_a_connector_its_one_item_does_not_state_is_not_kept(sentence: str, kept: bool) -> None:
    item = Evidence("E1", BRIDGE, ("a1:0", "a1:1"), ("a1",), BRIDGE)
    checked = verified_summary(f"{sentence} [E1]", [item], SETTINGS, words=99)
    assert [s.text for s in checked.sentences] == ([sentence] if kept else [])


def test_a_planned_fact_stated_as_done_is_not_kept() -> None:
    plan = "The army plans to evacuate the Ashby residents on Friday, the mayor said."
    item = Evidence("E1", plan, ("a1:0",), ("a1",), plan)
    done = "The army evacuated the Ashby residents on Friday. [E1]"
    assert verified_summary(done, [item], SETTINGS, words=99).sentences == []
    # Its words are all there: only the lost "plans to" is wrong.
    unjudged = dataclasses.replace(SETTINGS, roles=False)
    assert verified_summary(done, [item], unjudged, words=99).sentences[0].verified is True
    hedged = "The army plans to evacuate the Ashby residents on Friday. [E1]"
    assert verified_summary(hedged, [item], SETTINGS, words=99).sentences[0].verified is True


def test_a_word_one_source_negates_and_another_states_may_be_repeated() -> None:
    both = "Iran denied it had sent troops to Iraq. Its troops would not be sent to Iraq."
    statement = statement_of("Iran denied it had sent troops to Iraq.")
    assert not unsupported(statement, support_of(both), SETTINGS)
    only = "Its troops would not be sent to Iraq."
    assert unsupported(statement_of("Iran sent troops to Iraq."), support_of(only), SETTINGS)
