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
from functools import cached_property
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

    def ends(self) -> tuple[np.ndarray, np.ndarray]:
        """Every pair seen from both of its articles: the article, and the pair's similarity."""
        return (
            np.concatenate([self.first, self.second]),
            np.concatenate([self.similarity, self.similarity]),
        )

    @cached_property
    def ranks(self) -> np.ndarray:
        """Each of ``ends``' entries' rank, best first, among the entries of the same article
        (ties: in ``ends``' order). Sorted once: the densities, the closest candidates and the
        pile's surroundings all read it (each sorting them was ~0.1 s of CPU at 10,000)."""
        ends, similarity = self.ends()
        order = np.lexsort((-similarity, ends))
        ordered = ends[order]
        # int32 throughout: these arrays hold two entries per pair (millions at 100,000).
        position = np.arange(len(ends), dtype=np.int32)
        new = np.flatnonzero(np.diff(ordered, prepend=-1)).astype(np.int32)
        starts = np.repeat(new, np.diff(np.append(new, len(ends))))
        rank = np.empty(len(ends), dtype=np.int32)
        rank[order] = position - starts
        return rank


def candidate_pairs(
    rows: csr_matrix, frequency: np.ndarray, vectors: np.ndarray, settings: ClusterSettings
) -> Pairs:
    """Every article's best candidates, scored; pairs found from both ends are kept once."""
    from scipy.sparse import diags

    uncommon = (rows @ diags((frequency <= settings.common_df).astype(rows.dtype))).tocsr()
    uncommon.eliminate_zeros()
    across = uncommon.T.tocsr()  # transposed once, not once per block
    found = [
        _block((uncommon, across), start, settings) for start in range(0, rows.shape[0], BLOCK)
    ]
    first, second = (np.concatenate([f[n] for f in found]) for n in (0, 1))
    del found  # each step's arrays let go once used: tens of MB each at 100,000 articles
    # One entry per pair, found from either end or both, then scored: a pair is scored once.
    pair = np.unique(
        np.minimum(first, second).astype(np.int64) * rows.shape[0] + np.maximum(first, second)
    )
    del first, second
    low, high = (pair // rows.shape[0]).astype(np.int32), (pair % rows.shape[0]).astype(np.int32)
    del pair
    step = BLOCK * settings.candidates
    similarity = [
        _similarity(rows, vectors, low[k : k + step], high[k : k + step], settings)
        for k in range(0, len(low), step)
    ]
    return Pairs(low, high, np.concatenate([np.zeros(0), *similarity]))


def _block(
    uncommon: tuple[csr_matrix, csr_matrix], start: int, settings: ClusterSettings
) -> tuple[np.ndarray, np.ndarray]:
    """The candidates of rows ``start`` to ``start + BLOCK``: the pairs' two rows.

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
    return np.concatenate(first), np.concatenate(second)


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
