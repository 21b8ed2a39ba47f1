"""Which pairs of articles are worth comparing, and how alike each pair is.

Comparing every pair needs an n×n matrix: 80 GB of float64 at 100,000
articles. Instead, each article's candidates are the articles that share its
least common words: the pile's TF-IDF rows, with the columns of words found in
more than ``common_df`` articles left out, are multiplied a block of rows at a
time, and each row keeps its ``candidates`` best. A story's articles share
its names and its particular words, so they find each other this way; the
common words left out are what make the product dense.

Each candidate pair is then scored on everything: the cosine of the full
TF-IDF rows blended with the cosine of the articles' wordllama vectors, which
catch a story told in other words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from storybrief.settings import ClusterSettings

# Rows multiplied at once: the block's product holds at most this many rows
# times the candidates their uncommon words find (tens of MB at 100,000 articles).
BLOCK = 256


@dataclass(frozen=True)
class Pairs:
    """Candidate pairs ``first[k] < second[k]``, each once, and their ``similarity``."""

    first: np.ndarray
    second: np.ndarray
    similarity: np.ndarray


def candidate_pairs(
    rows: csr_matrix, frequency: np.ndarray, vectors: np.ndarray, settings: ClusterSettings
) -> Pairs:
    """Every article's best candidates, scored; pairs found from both ends are kept once."""
    from scipy.sparse import diags

    uncommon = (rows @ diags((frequency <= settings.common_df).astype(rows.dtype))).tocsr()
    uncommon.eliminate_zeros()
    across = uncommon.T.tocsr()  # transposed once, not once per block
    found = [
        _block(rows, (uncommon, across), start, vectors, settings)
        for start in range(0, rows.shape[0], BLOCK)
    ]
    first = np.concatenate([f[0] for f in found])
    second = np.concatenate([f[1] for f in found])
    similarity = np.concatenate([f[2] for f in found])
    low, high = np.minimum(first, second), np.maximum(first, second)
    # One entry per pair: a pair found from both of its ends scores the same both times.
    _, where = np.unique(low.astype(np.int64) * rows.shape[0] + high, return_index=True)
    return Pairs(low[where], high[where], similarity[where])


def _block(
    rows: csr_matrix,
    uncommon: tuple[csr_matrix, csr_matrix],
    start: int,
    vectors: np.ndarray,
    settings: ClusterSettings,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The scored candidates of rows ``start`` to ``start + BLOCK``.

    ``uncommon`` is the rows without their common words, and its transpose.
    """
    product = (uncommon[0][start : start + BLOCK] @ uncommon[1]).tocsr()
    first, second = [], []
    for offset in range(product.shape[0]):
        row = start + offset
        lo, hi = product.indptr[offset], product.indptr[offset + 1]
        columns, values = product.indices[lo:hi], product.data[lo:hi]
        keep = columns != row
        columns, values = columns[keep], values[keep]
        if len(columns) > settings.candidates:
            columns = columns[np.argpartition(-values, settings.candidates)[: settings.candidates]]
        first.append(np.full(len(columns), row, dtype=columns.dtype))  # int32: half the memory
        second.append(columns)
    first_all, second_all = np.concatenate(first), np.concatenate(second)
    return first_all, second_all, _similarity(rows, vectors, first_all, second_all, settings)


def blend(words: np.ndarray, meaning: np.ndarray, share: float) -> np.ndarray:
    """A pair's similarity: its TF-IDF cosine, with ``share`` of its wordllama cosine."""
    return (1.0 - share) * words + share * meaning


def _similarity(
    rows: csr_matrix,
    vectors: np.ndarray,
    first: np.ndarray,
    second: np.ndarray,
    settings: ClusterSettings,
) -> np.ndarray:
    """The similarity of each pair ``first[k]``, ``second[k]``."""
    words = np.asarray(rows[first].multiply(rows[second]).sum(axis=1)).ravel()
    meaning = np.einsum("ij,ij->i", vectors[first], vectors[second], dtype=np.float64)
    return blend(words, meaning, settings.embedding_share)
