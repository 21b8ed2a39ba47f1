"""Extractive multi-document summarization under a word budget.

The summary is the set of sentences that best covers the story, chosen
greedily for a monotone submodular objective (Lin and Bilmes 2011), the sum of:

* **concepts**: word bigrams weighted by how many articles use them, the
  signal behind the strongest DUC systems (Gillick and Favre's ICSISumm):
  what many outlets say in the same words is what the story is about; how
  often the story repeats a bigram adds a sublinear term-frequency factor;
* **coverage**: how well the chosen sentences represent every sentence of
  the story in the encoder's embedding space, wordllama's by default
  (facility location), which rewards central sentences and credits
  paraphrases that share no bigram.

Both terms have diminishing returns, so a sentence that repeats what is already
chosen gains little. A sentence stating a fact already chosen is out
altogether: one the analysis aligned with it (the same agreement) or whose
vector is as close to it as ``Weights.same_fact``. A
sentence's gain is raised near the top of its article, where news writing puts
the facts that matter, and divided by a power of its length, so the budget
buys the most content. A sentence that leans on the one before it ("He
denied ...") is ready once that one is picked, or enters with it in one step
when the two gain more per cost together than any sentence ready alone and fit
the budget together.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

import numpy as np

from storybrief.nlp.encoders import Encoder, WordLlama
from storybrief.nlp.english import STOPWORDS
from storybrief.settings import Weights
from storybrief.summarize.candidates import Candidate
from storybrief.summarize.names import Names

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


@lru_cache(maxsize=65_536)  # a story's vocabulary is small and each word recurs
def _stem(word: str) -> str:
    """A light stem that folds the plural and possessive forms news copy alternates."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word


def _concept_matrix(pool: list[Candidate]) -> tuple[np.ndarray, np.ndarray]:
    """A candidates × concepts incidence matrix and each concept's weight.

    A concept is a word bigram, of light stems, not made of stopwords alone;
    columns follow the concepts' sorted order. A concept's weight is the
    number of articles that use it times 1 + ln(the number of sentences that
    use it): agreement between outlets is the main evidence, and repetition
    within the story adds to it with diminishing returns, which also
    separates concepts when a story has only two or three articles. Concepts
    in a single sentence carry no evidence and are dropped.
    """
    # Index arrays rather than a set of bigrams per sentence: a story has
    # thousands of bigrams, and few of them are concepts worth a column.
    tokens = list(chain.from_iterable(candidate.tokens for candidate in pool))
    stem_of = {token: _stem(token) for token in set(tokens)}
    # Stems numbered in sorted order, so that bigram codes sort as the bigrams do.
    vocabulary = sorted(set(stem_of.values()))
    number = {stem: i for i, stem in enumerate(vocabulary)}
    token_number = {token: number[stem] for token, stem in stem_of.items()}
    ids = np.array(list(map(token_number.__getitem__, tokens)), dtype=np.int64)
    rows = np.repeat(np.arange(len(pool)), [len(candidate.tokens) for candidate in pool])
    stopword = np.array([stem in _STOPWORDS for stem in vocabulary], dtype=bool)
    first, second = ids[:-1], ids[1:]
    bigram = (rows[1:] == rows[:-1]) & ~(stopword[first] & stopword[second])
    codes = first[bigram] * len(vocabulary) + second[bigram]
    # One cell per sentence and concept, however often the sentence repeats it.
    span = max(len(vocabulary), 1) ** 2
    cell_rows, cell_codes = np.divmod(np.unique(rows[1:][bigram] * span + codes), span)
    _, concept, sentences = np.unique(cell_codes, return_inverse=True, return_counts=True)
    kept = sentences >= 2
    column = np.cumsum(kept) - 1  # a kept concept's column
    in_kept = kept[concept]
    cell_rows, cell_columns = cell_rows[in_kept], column[concept[in_kept]]
    matrix = np.zeros((len(pool), int(kept.sum())), dtype=np.float32)
    matrix[cell_rows, cell_columns] = 1.0
    # Articles per concept: its distinct (article, concept) cells.
    article = np.array([candidate.article for candidate in pool], dtype=np.int64)
    pairs = np.unique(article[cell_rows] * matrix.shape[1] + cell_columns)
    articles = np.bincount(pairs % max(matrix.shape[1], 1), minlength=matrix.shape[1])
    weight = [
        n * (1.0 + math.log(k))
        for n, k in zip(articles.tolist(), sentences[kept].tolist(), strict=True)
    ]
    return matrix, np.array(weight, dtype=np.float32)


def select(
    pool: list[Candidate],
    budget: int,
    weights: Weights | None = None,
    encoder: Encoder | None = None,
    facts: Sequence[frozenset[int]] | None = None,
    names: Names | None = None,
) -> list[Candidate]:
    """The candidates that best cover the story within ``budget`` words, in pick order.

    Deterministic: ties go to the earlier candidate. Sentences are compared by
    ``encoder``'s vectors (``WordLlama``'s by default). ``facts`` gives, per
    candidate, the facts it states (agreement numbers): two that share one
    never both enter, nor two whose cosine reaches ``weights.same_fact``, nor
    two naming days of two undated articles (``Candidate.undated_day``).
    ``names``, if given, are the story's full names: a candidate's first bare
    name in the summary costs the words its full form adds (``Names.introduce``).
    A candidate that leans on the sentence before it enters after that one
    (``_step``: alone once it is picked, or the two together); one without a
    clause never does.
    """
    if not pool or budget <= 0:
        return []
    weights = weights or Weights()
    lengths = np.array([c.words for c in pool], dtype=np.float64)
    vectors = (encoder or WordLlama()).embed([c.text for c in pool])
    cover = _Cover(pool, lengths, vectors, weights)
    excluded = _excluded(pool, vectors, weights, facts)
    requires = _predecessors(pool)
    free = requires < 0
    # One slot more than the pool, never set: the slot of a predecessor that is no candidate.
    done = np.zeros(len(pool) + 1, dtype=bool)
    words = _Words(pool, lengths, budget, names)
    available = words.fits() & _clauses(pool)
    picked: list[int] = []
    while (ready := available & (free | done[requires])).any():
        for i in _step(cover, words, ready, available & ~ready, requires, excluded):
            picked.append(i)
            cover.add(i)
            done[i] = True
            words.take(i)
            available &= words.fits() & ~excluded[i]
            available[i] = False
    return [pool[i] for i in picked]


def _clauses(pool: list[Candidate]) -> np.ndarray:
    """Which candidates hold a clause: one whose parse found none (``Candidate.clause``) is
    no sentence, never picked."""
    return np.array([c.clause for c in pool], dtype=bool)


def _excluded(
    pool: list[Candidate],
    vectors: np.ndarray,
    weights: Weights,
    facts: Sequence[frozenset[int]] | None,
) -> np.ndarray:
    """Which pairs of candidates never both enter: one fact, or days of two calendars."""
    return (
        _same_fact(vectors, weights.same_fact, facts or [frozenset()] * len(pool))
        | _same_words(pool, vectors, weights)
        | _other_calendars(pool)
    )


def _step(
    cover: _Cover,
    words: _Words,
    ready: np.ndarray,
    waiting: np.ndarray,
    requires: np.ndarray,
    excluded: np.ndarray,
) -> list[int]:
    """The next pick: the ready candidate of best gain per cost, or a leaning one
    with the sentence it leans on, where the two gain more per cost together.

    "He denied Iran had sent troops" may tell more than any sentence ready,
    while the sentence naming him alone would not be picked: the pair enters
    when it fits the budget, both taken at once.
    """
    gain = cover.gains()
    gain[~ready] = -np.inf
    best = int(np.argmax(gain))
    before = requires[np.flatnonzero(waiting)]
    pairs = np.flatnonzero(waiting)[(before < len(ready))]
    pairs = pairs[ready[requires[pairs]] & ~excluded[requires[pairs], pairs]]
    pairs = pairs[words.fit_together(requires[pairs], pairs)]
    if not len(pairs):
        return [best]
    value = np.array([cover.pair_gain(int(requires[j]), int(j)) for j in pairs])
    j = int(pairs[int(np.argmax(value))])
    return [int(requires[j]), j] if value.max() > gain[best] else [best]


class _Words:
    """The words left in the budget, and what each candidate would spend of them.

    A candidate spends its own words and, for each name it gives bare that
    no sentence taken so far gave in any form, the words the name's full form
    adds: the summary shows each such name in full once (``Names.introduce``).
    """

    def __init__(
        self, pool: list[Candidate], lengths: np.ndarray, budget: int, names: Names | None
    ) -> None:
        self.lengths, self.remaining, self.names = lengths, budget, names
        self.bare = [names.bare(c.text) for c in pool] if names else []
        # What a candidate taken gives of each name: after it, no full form is shown.
        self.given = [names.given(c.text) for c in pool] if names else []
        self.charged: set[str] = set()
        self.extra = self._extra()

    def _extra(self) -> np.ndarray:
        if not self.names:
            return np.zeros_like(self.lengths)
        return np.array(
            [sum(self.names.extra_words(n) for n in bare - self.charged) for bare in self.bare],
            dtype=np.float64,
        )

    def fits(self) -> np.ndarray:
        return self.lengths + self.extra <= self.remaining

    def fit_together(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Whether each pair of candidates fits the budget together (the second's
        names charged as if the first did not give them: never less than it costs)."""
        spend = self.lengths + self.extra
        return spend[first] + spend[second] <= self.remaining

    def take(self, i: int) -> None:
        self.remaining -= int(self.lengths[i] + self.extra[i])
        if self.names and self.given[i] - self.charged:
            self.charged |= self.given[i]
            self.extra = self._extra()


def _same_fact(
    vectors: np.ndarray, threshold: float, facts: Sequence[frozenset[int]]
) -> np.ndarray:
    """Which pairs of candidates state one fact: a shared agreement, or vectors this close."""
    same = vectors @ vectors.T >= threshold
    holders: dict[int, list[int]] = {}
    for i, stated in enumerate(facts):
        for fact in stated:
            holders.setdefault(fact, []).append(i)
    for group in holders.values():
        same[np.ix_(group, group)] = True
    return same


def _same_words(pool: list[Candidate], vectors: np.ndarray, weights: Weights) -> np.ndarray:
    """Which pairs state one fact in other words: many content words shared, and near vectors.

    "Kim Dae-jung pledged to spare no effort in supporting the U.S. effort to
    resolve the nuclear question" and "Kim said his government would support
    U.S. efforts to resolve the nuclear question" share seven content words at
    a cosine of 0.60, under ``weights.same_fact``.
    """
    stems = [{_stem(w) for w in c.tokens if w not in _STOPWORDS} for c in pool]
    column = {s: n for n, s in enumerate(sorted(set().union(*stems)))}
    incidence = np.zeros((len(pool), len(column)), dtype=np.float32)
    for i, held in enumerate(stems):
        incidence[i, [column[s] for s in held]] = 1.0
    shared = incidence @ incidence.T
    return (shared >= weights.same_fact_shared) & (vectors @ vectors.T >= weights.same_fact_near)


def _other_calendars(pool: list[Candidate]) -> np.ndarray:
    """Which pairs name days of undated articles, no article carrying both.

    "Friday" in two articles may be two weeks apart; in one, it is one day.
    """
    undated = [i for i, c in enumerate(pool) if c.undated_day]
    clash = np.zeros((len(pool), len(pool)), dtype=bool)
    for i in undated:
        own = pool[i].carried_by or {pool[i].article}
        for j in undated:
            clash[i, j] = not own & (pool[j].carried_by or {pool[j].article})
    return clash


def _predecessors(pool: list[Candidate]) -> np.ndarray:
    """Each candidate's slot of the one it must follow: -1 for none, ``len(pool)`` for no candidate.

    "He denied ..." alone points at no one: a sentence that leans on the one
    before it (``Candidate.leans``) is ready only once that one is picked (the
    summary keeps article order, so it then follows it).
    """
    slot = {(c.article, c.sentence.index): i for i, c in enumerate(pool)}
    return np.array(
        [-1 if (k := _needed(c)) is None else slot.get((c.article, k), len(pool)) for c in pool]
    )


def _needed(candidate: Candidate) -> int | None:
    """The index of the sentence of its article ``candidate`` must follow, if any: the one
    before it when it leans on it, else the one introducing someone it names bare."""
    return candidate.sentence.index - 1 if candidate.leans else candidate.antecedent


class _Cover:
    """What the sentences picked so far cover of the story, and what each candidate would add."""

    def __init__(
        self, pool: list[Candidate], lengths: np.ndarray, vectors: np.ndarray, weights: Weights
    ) -> None:
        self.incidence, concept_weight = _concept_matrix(pool)
        self.similarity = np.clip(vectors @ vectors.T, 0.0, None) ** weights.similarity_power
        position = np.array([c.sentence.index for c in pool], dtype=np.float64)
        self.boost = 1.0 + weights.lead * 0.5 ** (position / weights.lead_decay)
        # Each term is scaled so that covering the whole story is worth its weight.
        self.concept_scale = weights.concepts / max(float(concept_weight.sum()), 1.0)
        self.coverage_scale = weights.coverage / len(pool)
        self.cost = lengths**weights.length_power
        self.uncovered = concept_weight
        self.best_cover = np.zeros(len(pool))

    def gains(self) -> np.ndarray:
        """Each candidate's gain in the objective, raised near its article's top, per cost."""
        concept_gain = self.concept_scale * (self.incidence @ self.uncovered)
        coverage_gain = self.coverage_scale * np.clip(
            self.similarity - self.best_cover[:, None], 0.0, None
        ).sum(0)
        return (concept_gain + coverage_gain) * self.boost / self.cost

    def pair_gain(self, first: int, second: int) -> float:
        """The gain of ``first`` and then ``second``, raised near their articles' tops,
        per their summed cost: a pair is worth what its sentences are on average."""
        concepts = self.incidence[first] @ self.uncovered
        after = self.uncovered * (1.0 - self.incidence[first])
        concepts_then = self.incidence[second] @ after
        covered = np.maximum(self.best_cover, self.similarity[:, first])
        coverage = np.clip(self.similarity[:, first] - self.best_cover, 0.0, None).sum()
        coverage_then = np.clip(self.similarity[:, second] - covered, 0.0, None).sum()
        raw = [
            self.concept_scale * c + self.coverage_scale * v
            for c, v in ((concepts, coverage), (concepts_then, coverage_then))
        ]
        total = raw[0] * self.boost[first] + raw[1] * self.boost[second]
        return float(total / (self.cost[first] + self.cost[second]))

    def add(self, i: int) -> None:
        """Count candidate ``i`` picked: its concepts covered, each sentence as near it as it is."""
        self.uncovered *= 1.0 - self.incidence[i]
        self.best_cover = np.maximum(self.best_cover, self.similarity[:, i])
