"""A cluster retelling a listed fact is taken into it, not listed again
(``agreements._retold``, ``_Listed.grow``)."""

from __future__ import annotations

import numpy as np

from storybrief.analyze.agreements import _Listed, _retold, _Unit
from storybrief.models import Agreement, Sentence, Syndication
from storybrief.settings import DEFAULT

BAR = DEFAULT.agreements.retold


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
    found = _retold([1, 3], kept, UNITS, scores(BAR + 0.05), BAR)
    assert found is kept[0]
    found.grow([1, 3], UNITS, [])
    assert found.agreement.sources == ["t0", "t1", "t2"]
    assert found.agreement.independent_sources == ["t0", "t1", "t2"]
    assert found.agreement.sentence_ids == ["t0:1", "t1:1", "t2:1"]
    assert found.members == [0, 1, 2, 3]


def test_a_second_fact_of_the_shared_sentence_is_no_retelling() -> None:
    # t2's sentence tells two facts; t0's sentence of the second is unlike t1's of the first.
    assert _retold([1, 4], [listed()], UNITS, scores(BAR + 0.05, BAR - 0.2), BAR) is None


def test_a_cluster_sharing_no_sentence_retells_nothing() -> None:
    assert _retold([3, 4], [listed()], UNITS, scores(0.9, 0.9), BAR) is None


def test_a_denial_never_retells_an_assertion() -> None:
    denied = scores(0.9)
    denied[0][2, 3] = denied[0][3, 2] = -np.inf
    assert _retold([1, 3], [listed()], UNITS, denied, BAR) is None


def test_a_cluster_holding_every_listed_sentence_retells_it() -> None:
    # Its other members are more outlets on the fact: nothing of the listed one is left over.
    agreement = Agreement("Sentence t2:1.", ["t0", "t2"], ["t0", "t2"], ["t0:1", "t2:1"])
    kept = [_Listed(agreement, [0, 5])]
    assert _retold([1, 3, 2], kept, UNITS, scores(0.0), BAR) is kept[0]


def test_a_grown_fact_counts_a_reprint_as_no_witness() -> None:
    kept = listed()
    kept.grow([1, 3], UNITS, [Syndication(copy="t0", original="t1", shared_fraction=0.9)])
    assert kept.agreement.independent_sources == ["t1", "t2"]


def test_a_cluster_stating_the_listed_facts_figure_retells_it() -> None:
    # t0's sentence is unlike t1's in words ("$5 billion FTC fine" / "a roughly $5 billion
    # settlement") but states its figure.
    kept = [listed()]
    assert _retold([1, 3], kept, UNITS, scores(BAR - 0.2), BAR) is None
    assert _retold([1, 3], kept, UNITS, one_figure(scores(BAR - 0.2), (2, 3)), BAR) is kept[0]


def test_a_figure_stated_by_another_sentence_is_no_retelling() -> None:
    # t0's sentence of another fact states the figure, not t0's sentence in the cluster.
    alike = one_figure(scores(BAR - 0.2, BAR - 0.2), (2, 4))
    assert _retold([1, 3], [listed()], UNITS, alike, BAR) is None
    # Nor does a figure join a denial to an assertion.
    denied = one_figure(scores(BAR - 0.2), (2, 3))
    denied[0][2, 3] = denied[0][3, 2] = -np.inf
    assert _retold([1, 3], [listed()], UNITS, denied, BAR) is None
