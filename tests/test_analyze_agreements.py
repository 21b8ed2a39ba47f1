"""Agreements on hand-written stories: one fact told as a clause and as the noun of its act.

Also the nouns of acts themselves (``verb_of``): which nouns a verb makes, and which not.
"""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.lexicon import verb_of
from storybrief.models import Agreement


def agreements_of(*texts: str) -> list[Agreement]:
    """The agreements of a story told by ``texts`` (title, blank line, body)."""
    return run(StoryContext.from_texts(*texts), "agreements")


@pytest.mark.parametrize(
    ("noun", "verb"),
    [
        ("seizure", "seize"),
        ("invasion", "invade"),
        ("withdrawal", "withdraw"),
        ("killing", "kill"),
        ("kidnapping", "kidnap"),
        ("takeover", "take"),
        ("deployment", "deploy"),
        ("election", "elect"),
    ],
)
def test_nouns_of_verbs(noun: str, verb: str) -> None:
    assert verb_of(noun) == verb


@pytest.mark.parametrize("noun", ["father", "million", "position", "copy", "rating", "city"])
def test_nouns_of_no_verb(noun: str) -> None:
    # Spelled as a verb, or a suffix that is no nominalisation here.
    assert verb_of(noun) is None


ALARMED = """Kenya worried by rebel gains

Kenya has been alarmed by the seizure this week of several border towns by the rebels \
and by their threats against aid workers, officials in Nairobi said. The Kenyan president \
will visit the region on Friday.
"""
SEIZED = """Rebels take towns

The rebels have seized several border towns and are moving closer to the capital. \
Aid agencies said thousands of families had left their homes.
"""
FATHER = """Farmers protest

Her father told reporters that the price of maize had doubled since the summer.
"""


def test_an_act_told_as_a_noun_agrees_with_its_clause() -> None:
    found = [a for a in agreements_of(ALARMED, SEIZED) if a.sources == ["t0", "t1"]]
    assert len(found) == 1
    assert [i.split(":")[0] for i in found[0].sentence_ids] == ["t0", "t1"]


def test_a_noun_of_no_act_agrees_with_nothing() -> None:
    assert agreements_of(FATHER, SEIZED) == []


FLOODS = """Floods in the east

Heavy rain flooded farms along the river for a third day. Rescuers used boats to reach stranded \
villages. Slovak Prime Minister Tomas Varga visited Kosice on Saturday, insisting: "This is the \
beginning." Schools in the region stayed closed.
"""
AID = """Aid for flood victims

Aid groups sent blankets and drinking water to the east. Both German and French leaders have \
separately pledged support for the government of Slovak Prime Minister Tomas Varga. Insurers \
expect record claims.
"""
RIVERS = """Rivers keep rising

Forecasters warned that the river would rise further on Sunday. Many influential Slovaks, \
including Prime Minister Tomas Varga, have spent time in Austria. Rescuers in boats reached the \
stranded villages on Friday.
"""


def test_units_that_share_only_names_state_no_fact_alike() -> None:
    # Three sentences name the prime minister, one as "the government of" him;
    # what they say of him differs. The rescue by boat is one fact.
    found = agreements_of(FLOODS, AID, RIVERS)
    assert [(a.sources, a.text) for a in found] == [
        (["t0", "t2"], "Rescuers used boats to reach stranded villages.")
    ]


SPOKEN = FLOODS.replace("Schools", "The government said schools")
PROTEST = """Anger at the capital

Forecasters warned that the river would rise further on Sunday. Hundreds protested against the \
government of Prime Minister Tomas Varga in Bratislava. Rescuers in boats reached the stranded \
villages on Friday.
"""


def test_a_noun_the_story_has_speak_names_no_act() -> None:
    # "The government said": a body, so "the government of" him, told twice, is
    # no act of governing that the outlets agree on.
    found = agreements_of(SPOKEN, AID, PROTEST)
    assert [a.sources for a in found] == [["t0", "t2"]]


SHERIFF = """Deputies open fire

According to Bexar County Sheriff Javier Salazar of the Texas county, four deputies fired \
shots outside the home. Neighbours heard a car speed away.
"""
DEPUTIES = """A night of gunfire

Four deputies fired shots outside a home, officials said. The school will stay open on Monday.
"""


def test_who_a_fact_is_according_to_is_not_part_of_it() -> None:
    found = agreements_of(SHERIFF, DEPUTIES)
    assert [a.sources for a in found] == [["t0", "t1"]]


WARRANT = """Manhunt in Barre

Vermont State Police Major Glenn Hall of the Major Crime Unit at the Barre barracks said police \
have an arrest warrant for Jayveon Caballero. Roads were closed for an hour.
"""
ISSUED = """Suspect sought

An arrest warrant was issued for Jayveon Caballero, officers said. The bar will reopen next week.
"""


def test_who_tells_a_fact_of_another_is_not_part_of_it() -> None:
    found = agreements_of(WARRANT, ISSUED)
    assert [a.sources for a in found] == [["t0", "t1"]]


FORCED = """Boy killed in shootout

She forced her way into the family's home on Elm Street, Bexar County Sheriff Javier Salazar \
said on Friday. Deputies fired when she came out.
"""
WOMAN = """Deputies open fire

The woman forced her way into the family's home. A school nearby was closed for the day.
"""


def test_who_is_credited_after_a_fact_is_not_part_of_it() -> None:
    # "She ..., the sheriff said": whoever "she" is, the sheriff only tells it.
    found = agreements_of(FORCED, WOMAN)
    assert [a.sources for a in found] == [["t0", "t1"]]


GUARD = """Guard hurt

The guard stopped a man who told him that he carried a weapon. The airport reopened later.
"""
PIPE = """Object found

Officers later found an object that may have been a weapon. The road was closed until noon.
"""


def test_a_clause_of_one_word_matches_nothing() -> None:
    # "who told him that he carried a weapon", "that may have been a weapon":
    # a single word alike, not one fact.
    assert agreements_of(GUARD, PIPE) == []


INVESTIGATING = """Daycare worker charged

The Department of Children and Family Services said it is investigating the incident. The \
daycare was closed on Tuesday.
"""
ABUSE = """Toddlers burned

The state Department of Children and Family Services is investigating allegations of abuse. \
Parents gathered outside the building.
"""


def test_who_tells_a_fact_of_itself_is_part_of_it() -> None:
    # "it is investigating": the department that speaks is the one that acts.
    found = agreements_of(INVESTIGATING, ABUSE)
    assert [a.sources for a in found] == [["t0", "t1"]]


DATELINED = """Man shot dead in state capital

MONTPELIER, Vt. (AP) \u2014 The Vermont State Police obtained an arrest warrant for a Barre man \
on a charge of second-degree murder. The suspect may have left the state on a bus.
"""
OBTAINED = """Police seek suspect

The Vermont State Police have obtained an arrest warrant for a Barre man on a second-degree \
murder charge. Neighbors described hearing two shots outside the building.
"""


def test_a_dateline_is_no_part_of_the_fact() -> None:
    # The parser takes "MONTPELIER" for the subject: the town would be the actor, and
    # the police of the other article another one.
    found = agreements_of(DATELINED, OBTAINED)
    assert [a.sources for a in found] == [["t0", "t1"]]
