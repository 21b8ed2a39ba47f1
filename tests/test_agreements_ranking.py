"""How the brief ranks its agreements (``agreements._ranked``): by independent witnesses, a
reprint being none, then by how central the fact is to the story, not by the order told."""

from __future__ import annotations

import dataclasses

import numpy as np

from storybrief.analyze import StoryContext, run
from storybrief.analyze.agreements import _centrality, _centre, _Unit
from storybrief.models import Agreement, Sentence
from storybrief.settings import DEFAULT

# Every article opens with a side fact (the parking plan); the fire is what the story is
# about. REPRINT is WIRE word for word, so the smoke damage, which only they tell, has one
# witness: it is more central than the parking plan, yet ranks after it.
WIRE = """Boy dies in Ohio house fire

The town council of Dayton approved a new parking plan for the downtown market on Thursday. \
A six-year-old boy died when fire swept through his family's home in Dayton on Friday, \
officials said. His mother and sister escaped through a bedroom window. \
Two neighbouring houses were damaged by thick smoke. \
Firefighters said the blaze started in the kitchen of the house.
"""
REPRINT = WIRE
LOCAL = """Dayton mourns a first-grader

On Thursday the Dayton council passed a plan for new parking near the downtown market. \
Fire tore through a family home in Dayton on Friday and killed a six-year-old boy, according \
to officials. The boy's mother and his sister got out through a window of a bedroom. \
The fire began in the kitchen, firefighters said.
"""
PARKING = "parking plan"
SMOKE = "damaged by thick smoke"


def agreements_of(*texts: str, **changes: object) -> list[Agreement]:
    agreements = dataclasses.replace(DEFAULT.agreements, **changes)
    story = StoryContext.from_texts(
        *texts, settings=dataclasses.replace(DEFAULT, agreements=agreements)
    )
    return run(story, "agreements")


def rank(found: list[Agreement], words: str) -> int:
    return next(n for n, a in enumerate(found) if words in a.text)


def test_a_fact_only_an_outlet_and_its_reprint_carry_ranks_after_every_confirmed_one() -> None:
    found = agreements_of(WIRE, REPRINT, LOCAL)
    witnesses = [len(a.independent_sources) for a in found]
    assert witnesses == sorted(witnesses, reverse=True)
    smoke = found[rank(found, SMOKE)]
    assert len(smoke.sources) == 2 and len(smoke.independent_sources) == 1
    assert rank(found, PARKING) < rank(found, SMOKE) == len(found) - 1


def test_each_cap_takes_its_own_facts() -> None:
    # The confirmed facts' cap drops the least central confirmed fact, never the reprinted
    # one, which has its own cap.
    everything = agreements_of(WIRE, REPRINT, LOCAL)
    confirmed = everything[:-1]
    capped = agreements_of(WIRE, REPRINT, LOCAL, max_agreements=len(confirmed) - 1)
    assert capped == confirmed[:-1] + everything[-1:]
    assert agreements_of(WIRE, REPRINT, LOCAL, max_copy_only=0) == confirmed


def test_the_story_s_own_fact_ranks_before_a_side_fact_told_first() -> None:
    # Told first in every article, the parking plan would lead in the order of discovery.
    for texts in ((WIRE, REPRINT, LOCAL), (LOCAL, REPRINT, WIRE)):
        found = agreements_of(*texts)
        confirmed = [a for a in found if len(a.independent_sources) == 2]
        assert "boy died" in confirmed[0].text
        assert PARKING in confirmed[-1].text


def _units(articles: list[str]) -> list[_Unit]:
    def unit(n: int, article: str) -> _Unit:
        sentence = Sentence(id=f"{article}:{n}", article=article, text="", index=n, paragraph=0)
        return _Unit(sentence, "", set(), None, False, set(), set())

    return [unit(n, article) for n, article in enumerate(articles)]


def test_a_long_article_weighs_as_much_as_a_short_one_in_what_the_story_is_about() -> None:
    # Three units of "a" about one thing, one of "b" about another: the centre lies
    # halfway, not three quarters of the way to "a".
    vectors = np.array([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0], [0.0, 1.0]])
    centre = _centre(_units(["a", "a", "a", "b"]), vectors)
    assert np.allclose(centre, [0.5, 0.5])
    assert _centrality([0, 3], vectors, centre) > _centrality([0, 1], vectors, centre)
    assert _centrality([0], vectors, np.zeros(2)) == 0.0
