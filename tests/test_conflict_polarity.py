"""Polarity conflicts: one account tells an act, another that it did not happen.

Small stories written for these tests (no dataset text): a named party's act told by one
outlet and negated by another is one conflict with both sides; so is an act of someone
against a universal negative that leaves out only another ("no one besides X"), even in
one article. No conflict for a bare "no one", another party's act, another thing acted
on, a negation "so far" ("has not yet been found"), a hedged act, or a universal negative
that spares the one the other tells of.
"""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.models import Conflict
from storybrief.nlp.paraphrase import verb_lexfile

REPORT = (
    "Senator quits\n\n"
    "Senator Mara Quillon resigned her seat in the Dunmore assembly on Sunday, aides said. "
    "A vote on her successor will be held next month."
)
DENIAL = (
    "Senator stays\n\n"
    "Senator Mara Quillon did not resign her seat in the Dunmore assembly, her office said "
    "on Monday. She is travelling abroad this week."
)
OTHER_PARTY = (
    "Assembly news\n\n"
    "Governor Tomas Elbury did not resign his seat in the Dunmore assembly, officials said."
)
OTHER_THING = (
    "Senator's club\n\n"
    "Senator Mara Quillon did not resign her membership of the golf club, her office said."
)
SO_FAR = (
    "Senator under pressure\n\n"
    "Senator Mara Quillon has not yet resigned her seat in the Dunmore assembly, aides said."
)
HEDGED = (
    "Senator unclear\n\n"
    "Senator Mara Quillon may not have resigned her seat in the Dunmore assembly, aides said."
)
CORRECTED = (
    "Factory leak\n\n"
    "Officials said one of the two welders was later poisoned by the fumes at the plant. "
    "Officials earlier said no one besides the night guard had been poisoned."
)
NOBODY = (
    "Factory leak\n\nThe plant's owners said no one had been poisoned by the fumes at the plant."
)
WELDER = (
    "Welder in hospital\n\n"
    "One of the two welders was poisoned by the fumes at the plant, doctors said."
)
SPARED = (
    "Factory leak\n\n"
    "Officials said the night guard was poisoned by the fumes at the plant. "
    "They said no one besides the night guard had been poisoned."
)


def polarity(*texts: str) -> list[Conflict]:
    conflicts = run(StoryContext.from_texts(*texts), "conflicts")
    return [c for c in conflicts if c.kind == "polarity"]


def test_an_act_and_its_negation_by_another_outlet_are_one_conflict() -> None:
    found = polarity(REPORT, DENIAL)
    assert len(found) == 1, [c.topic for c in found]
    sides = {c.source: c.text for c in found[0].claims}
    assert sides["t0"].startswith("Senator Mara Quillon resigned her seat")
    assert "did not resign" in sides["t1"]
    assert "resigned" in found[0].topic


def test_the_same_story_in_any_order_gives_the_same_conflict() -> None:
    one, other = polarity(REPORT, DENIAL), polarity(DENIAL, REPORT)
    assert [c.topic for c in one] == [c.topic for c in other]
    assert {c.text for c in one[0].claims} == {c.text for c in other[0].claims}


def test_another_party_or_another_thing_acted_on_is_no_conflict() -> None:
    assert polarity(REPORT, OTHER_PARTY) == []
    assert polarity(REPORT, OTHER_THING) == []


def test_a_negation_so_far_or_hedged_is_no_conflict() -> None:
    assert polarity(REPORT, SO_FAR) == []
    assert polarity(REPORT, HEDGED) == []


def test_a_universal_negative_sparing_one_is_met_by_another_one_in_one_article() -> None:
    found = polarity(CORRECTED)
    assert len(found) == 1, [c.topic for c in found]
    texts = [c.text for c in found[0].claims]
    assert any("one of the two welders" in t for t in texts)
    assert any("no one besides" in t for t in texts)


def test_a_universal_negative_sparing_the_one_told_of_is_no_conflict() -> None:
    assert polarity(SPARED) == []


def test_a_universal_negative_sparing_no_one_is_no_conflict() -> None:
    # A bare "no one" is as often a turn of phrase ("no one has captured the dilemma").
    assert polarity(NOBODY, WELDER) == []


def test_verbs_of_knowing_and_saying_are_read_from_wordnet() -> None:
    # verb.cognition (31) and verb.communication (32) tell no act; a made-up verb is unknown.
    assert verb_lexfile("know") == 31 and verb_lexfile("announce") == 32
    assert verb_lexfile("resign") not in {31, 32}
    assert verb_lexfile("blorptify") is None
