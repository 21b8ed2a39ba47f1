"""Blame: a party's denial of being behind an act against another outlet laying it on the party.

Small stories written for these tests (no dataset text): a denial of
responsibility against an accusation of the same party by another outlet is a
conflict; an accusation of another party, a negated one, a question, or two
outlets that both only accuse are none.
"""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.analyze.conflicts import blame
from storybrief.analyze.context import nlp

DENIAL = (
    "Ruritania rejects blame for ferry sinking\n\n"
    "Ruritania denied any responsibility for the sinking of the ferry Aurora off Port Vale. "
    "Its foreign ministry said the ship went down in a storm. "
    "Rescue teams were still searching the coast on Tuesday."
)
ACCUSATION = (
    "Investigators name culprits of ferry sinking\n\n"
    "Investigators in Port Vale said Ruritanian agents sank the ferry Aurora with a mine. "
    "The ferry went down on Sunday night with 40 people on board. "
    "Rescue teams were still searching the coast on Tuesday."
)
OTHER_PARTY = (
    "Investigators name culprits of ferry sinking\n\n"
    "Investigators in Port Vale said Borduvian agents sank the ferry Aurora with a mine. "
    "The ferry went down on Sunday night with 40 people on board."
)
NOT_ACCUSED = (
    "Ferry sinking inquiry\n\n"
    "Investigators in Port Vale said Ruritania was not responsible for the sinking of the "
    "ferry Aurora. The ferry went down on Sunday night with 40 people on board."
)


def test_a_denial_of_blame_names_its_party() -> None:
    doc = nlp()("So far the judge says he has no evidence of Karl Brandt's involvement.")
    assert blame.denied_party(doc) == ("karl", "brandt")
    assert blame.denied_party(nlp()("Police said there was no evidence of foul play.")) == ()
    assert blame.denied_party(nlp()("Did Ruritania deny any responsibility?")) == ()


def test_an_accusation_names_the_party_or_its_demonym_and_is_not_negated() -> None:
    party = ("ruritania",)
    assert blame.accuses(nlp()("Officials said Ruritanian agents sank the ferry."), party)
    assert blame.accuses(nlp()("Ruritania was behind the attack, officials said."), party)
    assert not blame.accuses(nlp()("Ruritania was not responsible, officials said."), party)
    assert not blame.accuses(nlp()("Was Ruritania behind the attack?"), party)
    assert not blame.accuses(nlp()("Ruritania denied it was behind the attack."), party)


def test_a_denial_against_an_accusation_of_the_same_party_is_a_conflict() -> None:
    ctx = StoryContext.from_texts(DENIAL, ACCUSATION)
    run(ctx, "conflicts")
    found = blame.detect(ctx)
    assert len(found) == 1
    sides = {c.source: c.text for c in found[0].claims}
    assert "denied" in sides["t0"] and "agents" in sides["t1"]
    assert found[0].topic.startswith("whether Ruritania is to blame")


def test_another_party_or_a_negated_blame_is_no_conflict() -> None:
    for other in (OTHER_PARTY, NOT_ACCUSED):
        ctx = StoryContext.from_texts(DENIAL, other)
        run(ctx, "conflicts")
        assert blame.detect(ctx) == []


def test_accusations_alone_are_no_conflict() -> None:
    ctx = StoryContext.from_texts(ACCUSATION, OTHER_PARTY)
    run(ctx, "conflicts")
    assert blame.detect(ctx) == []


def test_the_same_story_in_any_order_gives_the_same_sides() -> None:
    sides = []
    for texts in ((DENIAL, ACCUSATION), (ACCUSATION, DENIAL)):
        ctx = StoryContext.from_texts(*texts)
        run(ctx, "conflicts")
        sides.append({c.text for conflict in blame.detect(ctx) for c in conflict.claims})
    assert sides[0] == sides[1] and sides[0]


def test_agents_blame_whose_agents_they_are_not_a_member_listed() -> None:
    # "career agents including Felt" are the bureau's agents: no blame laid on Felt.
    listed = nlp()("Nixon passed over career agents including Felt when he chose a new chief.")
    assert not blame.accuses(listed, ("felt",))
    assert blame.accuses(
        nlp()("Police said Pyongyang's agents carried out the attack."), ("pyongyang",)
    )
    assert blame.accuses(
        nlp()("It was an attack by agents of Ruritania, police said."), ("ruritania",)
    )
