"""One agreement per article pair and fact: one article's headline and lead, each paired with
one sentence of another article, make one agreement, not two (``agreements._told_twice``)."""

from __future__ import annotations

import numpy as np

from storybrief.analyze.agreements import _Listed, _told_twice, _Unit
from storybrief.models import Agreement, Sentence

BAR = 0.3


def unit(sentence_id: str) -> _Unit:
    article, index = sentence_id.split(":")
    sentence = Sentence(sentence_id, article, f"Sentence {sentence_id}.", int(index), 0)
    return _Unit(sentence, sentence.text, {"word"}, None, False, set(), {"word"})


# 0 and 1: t0's headline and lead; 2 and 3: the whole and a clause of one sentence of t1
# (a unit is in one cluster only, so the second pairing takes the sentence's other unit);
# 4: a sentence of a third outlet, t2.
UNITS = [unit("t0:0"), unit("t0:1"), unit("t1:3"), unit("t1:3"), unit("t2:5")]


def headline_fact() -> _Listed:
    """The fact listed first: t0's headline with t1's sentence."""
    agreement = Agreement("Sentence t1:3.", ["t0", "t1"], ["t0", "t1"], ["t0:0", "t1:3"])
    return _Listed(agreement, [0, 2])


def scores(headline_lead: float) -> np.ndarray:
    """Pair scores: t0's headline against its lead ``headline_lead``, the rest 0; units of
    one sentence never pair."""
    found = np.zeros((len(UNITS), len(UNITS)))
    found[0, 1] = found[1, 0] = headline_lead
    found[2, 3] = found[3, 2] = -np.inf
    return found


def test_the_lead_pairing_with_the_same_sentence_joins_the_headline_fact() -> None:
    kept = [headline_fact()]
    found = _told_twice([1, 3], kept, UNITS, scores(BAR + 0.05), BAR)
    assert found is kept[0]
    found.grow([1, 3], UNITS, [])
    assert found.agreement.sources == ["t0", "t1"]
    assert found.agreement.sentence_ids == ["t0:0", "t0:1", "t1:3"]


def test_a_lead_unlike_the_headline_tells_another_fact() -> None:
    # One long sentence of t1 tells two facts, t0's headline one and its lead the other.
    assert _told_twice([1, 3], [headline_fact()], UNITS, scores(BAR - 0.05), BAR) is None


def test_a_cluster_bringing_another_outlet_or_no_shared_sentence_is_no_second_telling() -> None:
    kept, alike = [headline_fact()], scores(BAR + 0.05)
    assert _told_twice([1, 3, 4], kept, UNITS, alike, BAR) is None
    assert _told_twice([3, 4], kept, UNITS, alike, BAR) is None
    assert _told_twice([1, 4], kept, UNITS, alike, BAR) is None
    assert _told_twice([1, 3], [], UNITS, alike, BAR) is None
