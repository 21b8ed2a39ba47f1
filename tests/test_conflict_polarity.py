"""Polarity conflicts: an act told of someone against "no one besides X" did it.

Small stories written for these tests (no dataset text): an act of someone against a
universal negative that leaves out only another ("no one besides X") is one conflict with
both sides, across outlets or in one article (a correction). No conflict for a universal
negative that spares the one the other tells of, a bare "no one", a hedged act, an act on
another thing, or a named party's act against another outlet's "did not" (not kept).
"""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.models import Conflict
from storybrief.nlp.paraphrase import verb_lexfile

EARLIER = (
    "Factory leak\n\n"
    "Officials said no one besides the night guard had touched the valve at the plant. "
    "The plant will reopen next week."
)
WELDER = (
    "Welder questioned\n\n"
    "One of the two welders touched the valve at the plant on Sunday, doctors said. "
    "He is recovering in hospital."
)
HEDGED = (
    "Welder questioned\n\n"
    "One of the two welders may have touched the valve at the plant, doctors said."
)
SWITCH = (
    "Welder questioned\n\n"
    "One of the two welders touched the alarm switch at the plant, doctors said."
)
NOBODY = "Factory leak\n\nOfficials said no one had touched the valve at the plant."
CORRECTED = (
    "Factory leak\n\n"
    "Officials said one of the two welders was later poisoned by the fumes at the plant. "
    "Officials earlier said no one besides the night guard had been poisoned."
)
SPARED = (
    "Factory leak\n\n"
    "Officials said the night guard was poisoned by the fumes at the plant. "
    "They said no one besides the night guard had been poisoned."
)
RESIGNED = (
    "Senator quits\n\n"
    "Senator Mara Quillon resigned her seat in the Dunmore assembly on Sunday, aides said."
)
STAYS = (
    "Senator stays\n\n"
    "Senator Mara Quillon did not resign her seat in the Dunmore assembly, her office said."
)


def polarity(*texts: str) -> list[Conflict]:
    conflicts = run(StoryContext.from_texts(*texts), "conflicts")
    return [c for c in conflicts if c.kind == "polarity"]


def test_an_act_of_another_against_no_one_besides_x_is_one_conflict() -> None:
    found = polarity(EARLIER, WELDER)
    assert len(found) == 1, [c.topic for c in found]
    sides = {c.source: c.text for c in found[0].claims}
    assert "no one besides the night guard" in sides["t0"]
    assert sides["t1"].startswith("One of the two welders touched")
    assert "welders touched" in found[0].topic


def test_the_same_story_in_any_order_gives_the_same_conflict() -> None:
    one, other = polarity(EARLIER, WELDER), polarity(WELDER, EARLIER)
    assert [c.topic for c in one] == [c.topic for c in other]
    assert {c.text for c in one[0].claims} == {c.text for c in other[0].claims}


def test_a_hedged_act_an_act_on_another_thing_or_a_bare_no_one_is_no_conflict() -> None:
    assert polarity(EARLIER, HEDGED) == []
    assert polarity(EARLIER, SWITCH) == []
    # A bare "no one" is as often a turn of phrase ("no one has captured the dilemma").
    assert polarity(NOBODY, WELDER) == []


def test_one_article_correcting_itself_is_a_conflict() -> None:
    found = polarity(CORRECTED)
    assert len(found) == 1, [c.topic for c in found]
    texts = [c.text for c in found[0].claims]
    assert any("one of the two welders" in t for t in texts)
    assert any("no one besides" in t for t in texts)


def test_a_universal_negative_sparing_the_one_told_of_is_no_conflict() -> None:
    assert polarity(SPARED) == []


def test_a_named_partys_act_against_did_not_is_no_polarity_conflict() -> None:
    # Tried in the sixteenth session and not kept: two wrong conflicts, no right one.
    assert polarity(RESIGNED, STAYS) == []


def test_verbs_of_knowing_and_saying_are_read_from_wordnet() -> None:
    # verb.cognition (31) and verb.communication (32) tell no act; a made-up verb is unknown.
    assert verb_lexfile("know") == 31 and verb_lexfile("announce") == 32
    assert verb_lexfile("resign") not in {31, 32}
    assert verb_lexfile("blorptify") is None
