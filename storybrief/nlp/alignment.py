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


class Alignment:
    """The word alignment of pairs of ``texts``: each text's words, their vectors (from
    ``embed``) and their weights (inverse document frequency over ``texts``), read once."""

    def __init__(self, texts: Sequence[str], embed: Callable[[list[str]], np.ndarray]) -> None:
        bags = [sorted(set(words(text))) for text in texts]
        vocabulary = sorted(set().union(*bags))
        column = {word: n for n, word in enumerate(vocabulary)}
        self.indexes = [np.array([column[w] for w in bag], dtype=np.int64) for bag in bags]
        frequency = np.zeros(len(vocabulary))
        for index in self.indexes:
            frequency[index] += 1
        self.weight = np.log(len(texts) / np.maximum(frequency, 1))
        self.vectors = embed(vocabulary) if vocabulary else np.zeros((0, 1), dtype=np.float32)

    def score(self, i: int, j: int) -> float:
        """The alignment of texts ``i`` and ``j``: the share of each one's word weight its
        words' best cosines in the other carry, the harmonic mean of the two ways; 0 for a
        text with no word."""
        a, b = self.indexes[i], self.indexes[j]
        if not len(a) or not len(b):
            return 0.0
        cosines = self.vectors[a] @ self.vectors[b].T
        found = (
            _carried(cosines.max(axis=1), self.weight[a]),
            _carried(cosines.max(axis=0), self.weight[b]),
        )
        total = found[0] + found[1]
        return 2 * found[0] * found[1] / total if total > 0 else 0.0


def aligned(
    texts: Sequence[str], pairs: np.ndarray, embed: Callable[[list[str]], np.ndarray]
) -> np.ndarray:
    """Each pair's (rows of ``pairs``, indexes into ``texts``) word alignment
    (``Alignment.score``)."""
    alignment = Alignment(texts, embed)
    return np.array([alignment.score(int(i), int(j)) for i, j in pairs])


def _carried(best: np.ndarray, weight: np.ndarray) -> float:
    """The weighted mean of each word's best cosine (0 when no word weighs)."""
    mass = float(weight.sum())
    return float(best @ weight) / mass if mass > 0 else 0.0
