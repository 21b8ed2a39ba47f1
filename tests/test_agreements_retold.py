"""A cluster retelling a listed fact is taken into it, not listed again
(``agreements._retold``, ``_Listed.grow``)."""

from __future__ import annotations

import dataclasses

import numpy as np

from storybrief.analyze.agreements import _Listed, _retold, _Unit
from storybrief.models import Agreement, Sentence, Syndication
from storybrief.settings import DEFAULT

SETTINGS = DEFAULT.agreements
BAR = SETTINGS.retold


def unit(sentence_id: str) -> _Unit:
    article, index = sentence_id.split(":")
    sentence = Sentence(sentence_id, article, f"Sentence {sentence_id}.", int(index), 0)
    return _Unit(sentence, sentence.text, {"word", "other"}, None, False, set(), {"word"})


# Units 0 and 1 are two units (a clause and the whole) of one long sentence of t2; 2 is
# t1's sentence of the fact, 3 and 5 two units of t0's; 4 is t0's sentence of another fact.
UNITS = [unit("t2:1"), unit("t2:1"), unit("t1:1"), unit("t0:1"), unit("t0:4"), unit("t0:1")]


def scores(t0_t1: float, t0_t1_other: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Pair scores: t0's sentence of the fact against t1's ``t0_t1``; t0's other
    sentence against t1's ``t0_t1_other``; and no pair stating a figure alike."""
    found = np.zeros((len(UNITS), len(UNITS)))
    found[2, 3] = found[3, 2] = t0_t1
    found[2, 4] = found[4, 2] = t0_t1_other
    return found, np.zeros_like(found, dtype=bool)


def one_figure(alike: tuple[np.ndarray, np.ndarray], *pairs: tuple[int, int]) -> tuple:
    """``alike`` with ``pairs`` stating a figure alike."""
    found, figure = alike[0], alike[1].copy()
    for i, j in pairs:
        figure[i, j] = figure[j, i] = True
    return found, figure


def listed() -> _Listed:
    agreement = Agreement("Sentence t1:1.", ["t1", "t2"], ["t1", "t2"], ["t1:1", "t2:1"])
    return _Listed(agreement, [0, 2])


def test_a_cluster_sharing_a_sentence_and_alike_elsewhere_retells_the_fact() -> None:
    kept = [listed()]
    found = _retold([1, 3], kept, UNITS, scores(BAR + 0.05), SETTINGS)
    assert found is kept[0]
    found.grow([1, 3], UNITS, [])
    assert found.agreement.sources == ["t0", "t1", "t2"]
    assert found.agreement.independent_sources == ["t0", "t1", "t2"]
    assert found.agreement.sentence_ids == ["t0:1", "t1:1", "t2:1"]
    assert found.members == [0, 1, 2, 3]


def test_a_second_fact_of_the_shared_sentence_is_no_retelling() -> None:
    # t2's sentence tells two facts; t0's sentence of the second is unlike t1's of the first.
    assert _retold([1, 4], [listed()], UNITS, scores(BAR + 0.05, BAR - 0.2), SETTINGS) is None


def test_a_cluster_sharing_no_sentence_retells_nothing() -> None:
    assert _retold([3, 4], [listed()], UNITS, scores(0.9, 0.9), SETTINGS) is None


def test_a_denial_never_retells_an_assertion() -> None:
    denied = scores(0.9)
    denied[0][2, 3] = denied[0][3, 2] = -np.inf
    assert _retold([1, 3], [listed()], UNITS, denied, SETTINGS) is None


def test_a_cluster_holding_every_listed_sentence_retells_it() -> None:
    # Its other members are more outlets on the fact: nothing of the listed one is left over.
    agreement = Agreement("Sentence t2:1.", ["t0", "t2"], ["t0", "t2"], ["t0:1", "t2:1"])
    kept = [_Listed(agreement, [0, 5])]
    assert _retold([1, 3, 2], kept, UNITS, scores(0.0), SETTINGS) is kept[0]


def test_a_grown_fact_counts_a_reprint_as_no_witness() -> None:
    kept = listed()
    kept.grow([1, 3], UNITS, [Syndication(copy="t0", original="t1", shared_fraction=0.9)])
    assert kept.agreement.independent_sources == ["t1", "t2"]


def test_a_cluster_stating_the_listed_facts_figure_retells_it() -> None:
    # t0's sentence is unlike t1's in words ("$5 billion FTC fine" / "a roughly $5 billion
    # settlement") but states its figure.
    kept = [listed()]
    assert _retold([1, 3], kept, UNITS, scores(BAR - 0.2), SETTINGS) is None
    assert _retold([1, 3], kept, UNITS, one_figure(scores(BAR - 0.2), (2, 3)), SETTINGS) is kept[0]


def test_a_figure_stated_by_another_sentence_is_no_retelling() -> None:
    # t0's sentence of another fact states the figure, not t0's sentence in the cluster.
    alike = one_figure(scores(BAR - 0.2, BAR - 0.2), (2, 4))
    assert _retold([1, 3], [listed()], UNITS, alike, SETTINGS) is None
    # Nor does a figure join a denial to an assertion.
    denied = one_figure(scores(BAR - 0.2), (2, 3))
    denied[0][2, 3] = denied[0][3, 2] = -np.inf
    assert _retold([1, 3], [listed()], UNITS, denied, SETTINGS) is None


def told_with(sentence_id: str, head: int, joins: set[int]) -> _Unit:
    """A unit of ``sentence_id`` headed at token ``head``, told as one with ``joins``."""
    found = unit(sentence_id)
    found.head, found.joins = head, frozenset(joins)
    return found


def told(second: tuple[int, set[int]] = (7, {2, 7})) -> list[_Unit]:
    """The listed fact: "have seized Mosul" (clause 2) in t1's and t2's sentences, and t3's
    own sentence (units 0-2). The cluster (3-5): "are moving closer to Baghdad" (clause 7,
    coordinated with 2) in t1's sentence, in t2's at ``second`` (head, clauses told with),
    and t0's own sentence of it."""
    return [
        told_with("t1:1", 2, {2, 7}),
        told_with("t2:1", 2, {2, 7}),
        unit("t3:1"),
        told_with("t1:1", 7, {2, 7}),
        told_with("t2:1", *second),
        unit("t0:1"),
    ]


def seized() -> _Listed:
    agreement = Agreement("Sentence t1:1.", ["t1", "t2", "t3"], [], ["t1:1", "t2:1", "t3:1"])
    return _Listed(agreement, [0, 1, 2])


def unlike(n: int = 6) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of ``n`` units below the retelling bar: only the shared sentences join."""
    found = np.full((n, n), BAR - 0.2)
    return found, np.zeros_like(found, dtype=bool)


def test_two_coordinated_clauses_of_two_outlets_sentences_are_one_telling() -> None:
    kept = [seized()]
    assert _retold([3, 4, 5], kept, told(), unlike(), SETTINGS) is kept[0]
    off = dataclasses.replace(SETTINGS, one_telling=3)  # three articles asked: two tell it
    assert _retold([3, 4, 5], [seized()], told(), unlike(), off) is None


def test_one_outlet_coordinating_two_clauses_is_no_retelling() -> None:
    # Only t1's sentence tells both as one: t2's tells the second fact in a clause (9) of its own.
    assert _retold([3, 4, 5], [seized()], told((9, {9})), unlike(), SETTINGS) is None


def test_an_act_inside_a_clause_is_no_part_of_its_telling() -> None:
    # "the bombings" (an act unit at 4: no clause it is told with) inside "the bombings
    # killed 224" (clause 2): the clause tells more than the act.
    units = [*told()[:3], told_with("t1:1", 4, set()), told_with("t2:1", 4, set()), unit("t0:1")]
    assert _retold([3, 4, 5], [seized()], units, unlike(), SETTINGS) is None


def test_a_cluster_retelling_the_fact_before_it_grew_still_retells_it() -> None:
    # t1's sentence is listed with t3's (part 0); a cluster of t3's and t4's sentences was
    # taken in (part 1). A cluster sharing t1's sentence and alike t3's retells the fact,
    # though unlike t4's: the parts are not averaged together.
    units = [unit("t1:1"), unit("t3:1"), unit("t3:1"), unit("t4:1"), unit("t1:1"), unit("t0:1")]
    agreement = Agreement("Sentence t1:1.", ["t1", "t3"], [], ["t1:1", "t3:1"])
    kept = _Listed(agreement, [0, 1])
    kept.grow([2, 3], units, [])
    found = np.zeros((6, 6))
    found[5, 1] = found[1, 5] = BAR + 0.1
    alike = (found, np.zeros_like(found, dtype=bool))
    assert kept.parts == [[0, 1], [2, 3]]
    assert _retold([4, 5], [kept], units, alike, SETTINGS) is kept
    merged = _Listed(agreement, kept.members)  # the same units as one part average lower
    assert _retold([4, 5], [merged], units, alike, SETTINGS) is None


def aside_of(own: list[str]) -> list[_Unit]:
    """The listed fact: t1's and t2's sentences whole, their clause 2 the naming and clause 7
    an aside ("Eugene Parker, who discovered the solar wind"), and t3's sentence (units
    0-2). The cluster: the asides of t1's and t2's sentences, and sentences ``own`` of it."""
    listed = [told_with("t1:1", -1, {2}), told_with("t2:1", -1, {2}), unit("t3:1")]
    for whole in listed[:2]:
        whole.asides = frozenset({7})
    return [*listed, told_with("t1:1", 7, {7}), told_with("t2:1", 7, {7}), *map(unit, own)]


def test_an_aside_two_outlets_tell_on_their_own_is_a_fact_of_its_own() -> None:
    # One outlet's own sentence: the aside is a part of the listed telling.
    kept = [seized()]
    assert _retold([3, 4, 5], kept, aside_of(["t0:1"]), unlike(), SETTINGS) is kept[0]
    # Two outlets tell it in sentences of their own ("Parker discovered solar wind in the
    # 1950s"): listed apart.
    units = aside_of(["t0:1", "t4:1"])
    assert _retold([3, 4, 5, 6], [seized()], units, unlike(7), SETTINGS) is None
