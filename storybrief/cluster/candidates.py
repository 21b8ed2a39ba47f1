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

    uncommon = rows @ diags((frequency <= settings.common_df).astype(rows.dtype))
    found = [
        _block(rows, uncommon, start, vectors, settings) for start in range(0, rows.shape[0], BLOCK)
    ]
    first = np.concatenate([f[0] for f in found])
    second = np.concatenate([f[1] for f in found])
    similarity = np.concatenate([f[2] for f in found])
    low, high = np.minimum(first, second), np.maximum(first, second)
    # One entry per pair: a pair found from both of its ends scores the same both times.
    _, where = np.unique(low * rows.shape[0] + high, return_index=True)
    return Pairs(low[where], high[where], similarity[where])


def _block(
    rows: csr_matrix,
    uncommon: csr_matrix,
    start: int,
    vectors: np.ndarray,
    settings: ClusterSettings,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The scored candidates of rows ``start`` to ``start + BLOCK``."""
    product = (uncommon[start : start + BLOCK] @ uncommon.T).tocsr()
    first, second = [], []
    for offset in range(product.shape[0]):
        row = start + offset
        lo, hi = product.indptr[offset], product.indptr[offset + 1]
        columns, values = product.indices[lo:hi], product.data[lo:hi]
        keep = columns != row
        columns, values = columns[keep], values[keep]
        columns = _best(columns, values, settings)
        first.append(np.full(len(columns), row))
        second.append(columns)
    first_all, second_all = np.concatenate(first), np.concatenate(second)
    return first_all, second_all, _similarity(rows, vectors, first_all, second_all, settings)


def _best(columns: np.ndarray, values: np.ndarray, settings: ClusterSettings) -> np.ndarray:
    """The ``candidates`` best columns, and any others nearly as good as the best, up to a cap.

    In a story of many articles, each one's nearest are all of the story: keeping
    only a fixed number would leave most of the story's pairs uncompared, and
    average linkage would count them against it.
    """
    if len(columns) <= settings.candidates:
        return columns
    wanted = max(settings.candidates, int((values >= settings.circle * values.max()).sum()))
    wanted = min(wanted, settings.max_candidates)
    if wanted >= len(columns):
        return columns
    return columns[np.argpartition(-values, wanted)[:wanted]]


def _similarity(
    rows: csr_matrix,
    vectors: np.ndarray,
    first: np.ndarray,
    second: np.ndarray,
    settings: ClusterSettings,
) -> np.ndarray:
    """Blended cosine of each pair: full TF-IDF rows and wordllama vectors."""
    words = np.asarray(rows[first].multiply(rows[second]).sum(axis=1)).ravel()
    meaning = np.einsum("ij,ij->i", vectors[first], vectors[second], dtype=np.float64)
    share = settings.embedding_share
    return (1.0 - share) * words + share * meaning
