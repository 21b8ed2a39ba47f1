"""How well the words of one text find their like in another: a word alignment.

Two outlets tell one fact in other words ("petitioned a U.N. panel" / "appealed to the
United Nations"): the words seldom match, and a sentence vector, the mean of all its
words, is pulled by the words the two do not share. Aligning word by word, as BERTScore
does with a transformer's token outputs, reads each word's closest word in the other text
instead (static word vectors here: the encoder's), weighs it by its rarity among the texts
compared (a story's topic words, in every text, say nothing of which fact) and averages
both ways.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from storybrief.nlp.overlap import words


def aligned(
    texts: Sequence[str], pairs: np.ndarray, embed: Callable[[list[str]], np.ndarray]
) -> np.ndarray:
    """Each pair's (rows of ``pairs``, indexes into ``texts``) word alignment: the share of
    each text's word weight (inverse document frequency over ``texts``) its words' best
    cosines in the other text carry, the harmonic mean of the two ways; 0 for a text with
    no word."""
    bags = [sorted(set(words(text))) for text in texts]
    vocabulary = sorted(set().union(*bags))
    column = {word: n for n, word in enumerate(vocabulary)}
    indexes = [np.array([column[w] for w in bag], dtype=np.int64) for bag in bags]
    frequency = np.zeros(len(vocabulary))
    for index in indexes:
        frequency[index] += 1
    weight = np.log(len(texts) / np.maximum(frequency, 1))
    vectors = embed(vocabulary) if vocabulary else np.zeros((0, 1), dtype=np.float32)
    return np.array([_both_ways(indexes[i], indexes[j], vectors, weight) for i, j in pairs])


def _both_ways(a: np.ndarray, b: np.ndarray, vectors: np.ndarray, weight: np.ndarray) -> float:
    """The harmonic mean of how well ``a``'s words are found in ``b`` and ``b``'s in ``a``."""
    if not len(a) or not len(b):
        return 0.0
    cosines = vectors[a] @ vectors[b].T
    found = _carried(cosines.max(axis=1), weight[a]), _carried(cosines.max(axis=0), weight[b])
    total = found[0] + found[1]
    return 2 * found[0] * found[1] / total if total > 0 else 0.0


def _carried(best: np.ndarray, weight: np.ndarray) -> float:
    """The weighted mean of each word's best cosine (0 when no word weighs)."""
    mass = float(weight.sum())
    return float(best @ weight) / mass if mass > 0 else 0.0
