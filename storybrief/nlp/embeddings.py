"""Sentence embeddings from the wordllama model that ships inside the package.

The model is loaded once per process and kept: a batch worker summarizes many
clusters with one load. It is loaded from the package directory with
downloads disabled, because wordllama's default loader reaches for the
network and storybrief must run offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
import wordllama
from wordllama import WordLlama

DIM = 256  # the width of the bundled model's vectors


@lru_cache(maxsize=1)
def model() -> wordllama.WordLlamaInference:
    """The process-wide wordllama model, loaded on first use."""
    return WordLlama.load(dim=DIM, cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (``(0, DIM)`` for no texts).

    Rows are normalised so a dot product is a cosine similarity; a text with no
    known token comes back as a zero row rather than NaNs.
    """
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    vectors = np.asarray(model().embed(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
