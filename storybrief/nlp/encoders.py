"""Sentence encoders, and the cosine thresholds that only mean something for one of them.

A cosine of 0.5 is "the same subject" for wordllama and "unrelated" for a model
whose scores sit in a narrow band (multilingual-e5 gives 0.74-0.97 to
anything). So every threshold on a cosine lives in a ``Cosines`` block that
belongs to the encoder it was tuned for, and an analysis reads it from there
(``StoryContext.cosines``). Swapping the encoder is one class with ``name``,
``dimension``, ``cosines`` and ``embed``, and a ``Cosines`` block calibrated
for it, passed as ``Settings(encoder=...)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from storybrief.nlp import embeddings


@dataclass(frozen=True)
class Cosines:
    """Every threshold on the cosine of two vectors of one encoder.

    Defaults are wordllama's, tuned on the seed and the labelled fixtures
    (``bench/analysis.py``).
    """

    # Conflicts: how alike two sentences must be to count one quantity.
    same_subject: float = 0.5  # two figures of unknown owner, or two measures
    same_owner: float = 0.35  # figures of the same owner's people
    same_noun: float = 0.65  # figures of the same noun
    same_frame: float = 0.45  # counts of one act or state: gold-dev tune half, bench/analysis.py
    denial_joins: float = 0.3  # a denial or report joining a figure dispute
    headline_supported: float = 0.5  # a plain body sentence that supports its title
    same_statement: float = 0.5  # two sentences that may say one thing, a detail apart
    # A debunk and another outlet's sentence stating its claim: tuned on the FNC-1 dev
    # stories' tune half (``bench/fnc1.py``).
    denial_claim: float = 0.35
    debunk_report: float = 0.25  # a debunk in a lead and a report's lead sentence: FNC-1 tune half
    # Agreements: a unit pair's score blends this encoder's cosine (a share of
    # ``AgreementSettings.vector_weight``) with a lemma overlap, so its scale follows the encoder.
    agreement_best: float = 0.5  # score of the closest pair two clusters need to merge
    agreement_mean: float = 0.35  # and of their average pair
    synonym: float = 0.4  # word vectors of two lemmas that count as one
    central_slack: float = 0.05  # members this close to the most central compete on length
    # Quotes.
    same_quote: float = 0.78  # two quoted passages that are one statement
    # Timeline.
    same_event: float = 0.75  # two sentences dated alike that tell one event


class Encoder(Protocol):
    """What the analyses need of a sentence encoder."""

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> int: ...

    @property
    def cosines(self) -> Cosines: ...

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text (a dot product is a cosine)."""
        ...


@dataclass(frozen=True)
class WordLlama:
    """wordllama's 256-dimension vectors, from the model inside the package, offline."""

    name: str = "wordllama-l2-supercat-256"
    dimension: int = embeddings.DIM
    cosines: Cosines = field(default_factory=Cosines)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return embeddings.embed(texts)
