"""Word alignment of two texts (``nlp.alignment``), the pair decision's feature."""

from __future__ import annotations

import numpy as np

from storybrief.nlp.alignment import Alignment, aligned

# Static vectors standing for an encoder's: "arrested" and "detained" alike, the rest apart.
_VECTORS = {
    "police": [1, 0, 0, 0, 0],
    "arrested": [0, 1, 0, 0, 0],
    "detained": [0, 0.8, 0.6, 0, 0],
    "protesters": [0, 0, 0, 1, 0],
    "rain": [0, 0, 0, 0, 1],
}


def _embed(words: list[str]) -> np.ndarray:
    return np.array([_VECTORS[w] for w in words], dtype=np.float32)


def test_a_word_found_by_its_like_counts_by_its_cosine() -> None:
    texts = ["police arrested protesters", "police detained protesters", "rain", "rain"]
    found = aligned(texts, np.array([[0, 1], [1, 0], [0, 0]]), _embed)
    # "police" and "protesters" (in two texts of four: weight log 2) found whole, "arrested"
    # (in one: log 4, twice as much) by "detained" at 0.8, and so both ways: 3.6 / 4.
    assert np.allclose(found, [0.9, 0.9, 1.0])


def test_a_word_every_text_has_weighs_nothing() -> None:
    texts = ["police arrested", "police rain", "police protesters"]
    assert aligned(texts, np.array([[0, 1]]), _embed).tolist() == [0.0]


def test_a_text_without_words_aligns_with_nothing() -> None:
    texts = ["police arrested", "...", "rain"]
    assert aligned(texts, np.array([[0, 1], [1, 2]]), _embed).tolist() == [0.0, 0.0]


def test_one_pair_reads_as_among_all_pairs() -> None:
    # Read once for all texts, one pair scores as it does among all pairs (``aligned``).
    texts = ["police arrested protesters", "police detained protesters", "rain", "rain"]
    alignment = Alignment(texts, _embed)
    assert alignment.score(0, 1) == aligned(texts, np.array([[0, 1]]), _embed)[0]
    assert alignment.score(1, 2) == 0.0
