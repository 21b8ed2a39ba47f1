"""A sentence of several clause units is also a unit whole (``agreements._sentence_unit``),
so a fact whose words fall across its clauses can still be matched."""

from __future__ import annotations

import dataclasses

from storybrief.analyze import StoryContext, run
from storybrief.analyze.agreements import _units
from storybrief.settings import DEFAULT

STORY = """Iraq crisis

Barack Obama ruled out sending combat troops to Iraq on Friday, while Hassan Rouhani denied \
that Iran had sent forces across the border. Police arrested the driver of the truck and seized \
his cargo near the border, officials said.
"""
ARREST = (
    "Police arrested the driver of the truck and seized his cargo near the border, officials said."
)


def units_of(sentence_units: bool) -> dict[str, list[tuple[str, str | None]]]:
    agreements = dataclasses.replace(DEFAULT.agreements, sentence_units=sentence_units)
    settings = dataclasses.replace(DEFAULT, agreements=agreements)
    story = StoryContext.from_texts(STORY, settings=settings)
    run(story, "entities")
    found: dict[str, list[tuple[str, str | None]]] = {}
    for unit in _units(story, story.names):
        found.setdefault(unit.sentence.id, []).append((unit.text, unit.actor))
    return found


def test_a_sentence_of_two_clauses_is_a_unit_whole_too() -> None:
    found = units_of(sentence_units=True)
    assert (ARREST, None) in found["t0:1"]
    assert len(found["t0:1"]) == 3  # its two clauses and itself
    assert ARREST not in [text for text, _ in units_of(sentence_units=False)["t0:1"]]


def test_a_sentence_of_two_actors_doings_is_no_unit_whole() -> None:
    # Obama ruling out troops and Rouhani denying them are two facts: a whole-sentence
    # unit, with no single actor to keep it from either, would join both.
    found = units_of(sentence_units=True)["t0:0"]
    assert [actor for _, actor in found] == ["barack obama", "hassan rouhani"]


def test_each_unit_knows_the_clauses_it_is_told_with() -> None:
    # "arrested ... and seized ..., officials said": "arrested" is reported, so in the unit of
    # "said"; "seized" is told with that unit, and the sentence whole with both
    # (``agreements._one_telling`` reads these).
    agreements = dataclasses.replace(DEFAULT.agreements, sentence_units=True)
    settings = dataclasses.replace(DEFAULT, agreements=agreements)
    story = StoryContext.from_texts(STORY, settings=settings)
    run(story, "entities")
    found = [u for u in _units(story, story.names) if u.sentence.id == "t0:1"]
    whole = next(u for u in found if u.text == ARREST)
    seized = next(u for u in found if u.text.startswith("Police seized"))
    said = next(u for u in found if u is not whole and u is not seized)
    assert whole.head == -1 and whole.joins == {seized.head, said.head}
    assert seized.joins == {seized.head, said.head}
    # Obama's and Rouhani's clauses are subordinated ("while"), not coordinated.
    obama, rouhani = (u for u in _units(story, story.names) if u.sentence.id == "t0:0")
    assert obama.joins == {obama.head} and rouhani.joins == {rouhani.head}


ASIDES = """Probe renamed

NASA named the probe after Eugene Parker, who discovered the solar wind in the 1950s. \
Iran said it may provide any assistance the Iraqi government would like to receive from it.
"""


def test_a_whole_keeps_its_aside_apart_and_its_restrictive_clause_in() -> None:
    # "who discovered the solar wind", set off on a name, asserts a fact of its own beside the
    # naming; "the Iraqi government would like to receive" says which assistance.
    story = StoryContext.from_texts(ASIDES)
    run(story, "entities")
    wholes = {u.sentence.id: u for u in _units(story, story.names) if u.head == -1}
    named, helped = wholes["t0:0"], wholes["t0:1"]
    assert len(named.asides) == 1 and not named.asides & named.joins
    assert not helped.asides and len(helped.joins) == 2
