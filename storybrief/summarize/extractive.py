"""Extractive multi-document summarization under a word budget.

The summary is the set of sentences that best covers the story, chosen
greedily for a monotone submodular objective (Lin and Bilmes 2011), the sum of:

* **concepts**: word bigrams weighted by how many articles use them, the
  signal behind the strongest DUC systems (Gillick and Favre's ICSISumm):
  what many outlets say in the same words is what the story is about; how
  often the story repeats a bigram adds a sublinear term-frequency factor;
* **coverage**: how well the chosen sentences represent every sentence of
  the story in the wordllama embedding space (facility location), which
  rewards central sentences and credits paraphrases that share no bigram.

Both terms have diminishing returns, so a sentence that repeats what is already
chosen gains little and redundancy control comes with the objective. A
sentence's gain is raised near the top of its article, where news writing puts
the facts that matter, and divided by a power of its length, so the budget
buys the most content.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import numpy as np

from storybrief.nlp.embeddings import embed
from storybrief.nlp.english import STOPWORDS
from storybrief.summarize.candidates import Candidate

# Bigrams of function words carry no concept. Attribution ("said", "Mr") is
# furniture in a summary too; the modals and "upon"/"yet" count as content, as
# they did when the weights below were tuned.
_STOPWORDS = (STOPWORDS - {"may", "might", "must", "upon", "yet"}) | {
    "said",
    "says",
    "mr",
    "mrs",
    "ms",
    "ourselves",
    "themselves",
    "yourself",
    "yourselves",
}


@dataclass(frozen=True)
class Weights:
    """The mix of the objective's terms and how the greedy choice trades them for length.

    Tuned on the DUC 2004 and Multi-News dev clusters (``bench/summaries.py``).
    """

    concepts: float = 1.0
    coverage: float = 1.0
    # Gains are multiplied by 1 + lead * 0.5 ** (index / lead_decay): an article's
    # opening sentence doubles its gain and the bonus fades within a few sentences.
    lead: float = 1.0
    lead_decay: float = 1.0
    # Squaring cosines lets only close paraphrases count as covering each other;
    # wordllama gives loosely related news sentences cosines of 0.3-0.5.
    similarity_power: float = 2.0
    # Gains are divided by words ** length_power: below 1, a long sentence is
    # not penalised for the words it needs to state a fact in full.
    length_power: float = 0.7


@lru_cache(maxsize=65_536)  # a story's vocabulary is small and each word recurs
def _stem(word: str) -> str:
    """A light stem that folds the plural and possessive forms news copy alternates."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def _concepts(tokens: list[str]) -> set[tuple[str, str]]:
    """The word bigrams of a sentence that are not made of stopwords alone."""
    stems = [_stem(w) for w in tokens]
    return {(a, b) for a, b in pairwise(stems) if not (a in _STOPWORDS and b in _STOPWORDS)}


def _concept_matrix(pool: list[Candidate]) -> tuple[np.ndarray, np.ndarray]:
    """A candidates × concepts incidence matrix and each concept's weight.

    A concept's weight is the number of articles that use it times
    1 + ln(the number of sentences that use it): agreement between outlets
    is the main evidence, and repetition within the story adds to it with
    diminishing returns, which also separates concepts when a story has only
    two or three articles. Concepts in a single sentence carry no evidence
    and are dropped.
    """
    rows: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, candidate in enumerate(pool):
        for concept in _concepts(candidate.tokens):
            rows[concept].append(i)
    kept = sorted(
        (concept, len({pool[i].article for i in found}) * (1.0 + math.log(len(found))))
        for concept, found in rows.items()
        if len(found) >= 2
    )
    matrix = np.zeros((len(pool), len(kept)), dtype=np.float32)
    for j, (concept, _) in enumerate(kept):
        matrix[rows[concept], j] = 1.0
    return matrix, np.array([weight for _, weight in kept], dtype=np.float32)


def select(pool: list[Candidate], budget: int, weights: Weights | None = None) -> list[Candidate]:
    """The candidates that best cover the story within ``budget`` words, in pick order.

    Deterministic: ties go to the earlier candidate.
    """
    weights = weights or Weights()
    if not pool or budget <= 0:
        return []
    incidence, concept_weight = _concept_matrix(pool)
    vectors = embed([c.text for c in pool])
    similarity = np.clip(vectors @ vectors.T, 0.0, None) ** weights.similarity_power
    lengths = np.array([c.words for c in pool], dtype=np.float64)
    position = np.array([c.sentence.index for c in pool], dtype=np.float64)
    boost = 1.0 + weights.lead * 0.5 ** (position / weights.lead_decay)
    # Each term is scaled so that covering the whole story is worth its weight.
    concept_scale = weights.concepts / max(float(concept_weight.sum()), 1.0)
    coverage_scale = weights.coverage / len(pool)
    cost = lengths**weights.length_power

    uncovered = concept_weight.copy()
    best_cover = np.zeros(len(pool))
    available = lengths <= budget
    picked: list[int] = []
    remaining = budget
    while available.any():
        concept_gain = concept_scale * (incidence @ uncovered)
        coverage_gain = coverage_scale * np.clip(similarity - best_cover[:, None], 0.0, None).sum(0)
        gain = (concept_gain + coverage_gain) * boost / cost
        gain[~available] = -np.inf
        i = int(np.argmax(gain))
        picked.append(i)
        remaining -= int(lengths[i])
        uncovered *= 1.0 - incidence[i]
        best_cover = np.maximum(best_cover, similarity[:, i])
        available &= lengths <= remaining
        available[i] = False
    return [pool[i] for i in picked]
