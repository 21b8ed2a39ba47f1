"""What grouping needs of each article, computed a block of articles at a time, anywhere.

Grouping a pile compares every article with the others, but what it reads
of one article does not depend on the others: its words' counts, its
wordllama vector, its dates, its length, its MinHash signature. So those are computed
per block of articles (in this process or on Dask workers, each holding
only its block) and put together; only these, not the articles, are needed
to group the pile (``cluster.story_indices``). The pile's TF-IDF weights are
applied afterwards, from the whole pile's counts (``vectors.weigh``).

Words are columns in alphabetical order, in every block and once put
together: a pile's numbers then do not depend on how it was split, nor on
the order of its articles.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from storybrief.cluster.duplicates import signatures
from storybrief.cluster.vectors import (
    counts,
    days,
    figures,
    lead_vectors,
    lengths,
    months,
    weekdays,
)
from storybrief.models import Article

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from storybrief.settings import ClusterSettings


@dataclass(frozen=True)
class Features:
    """Per article (rows, in one order): its canonical key, the sublinear counts of its
    opening's words (columns: ``vocabulary``), vector, dates, length and MinHash signature."""

    keys: list[tuple[str, str, str, str]]  # id, source, title, digest of the body
    published: list[str]  # the publication day as given ("" if none), to order stories
    vocabulary: np.ndarray  # the words of the columns, sorted
    counts: csr_matrix
    vectors: np.ndarray
    days: np.ndarray
    months: np.ndarray
    weekdays: np.ndarray  # a bit per weekday the opening names (``vectors.weekdays``)
    figures: np.ndarray  # a bit per figure the opening names (``vectors.figures``)
    words: np.ndarray  # words of the body, counted up to ``short_words`` (``vectors.lengths``)
    signatures: np.ndarray  # one row per article; an article with no words has none (``signed``)
    signed: np.ndarray

    def __len__(self) -> int:
        return len(self.keys)

    def take(self, rows: np.ndarray | list[int]) -> Features:
        """These features of the articles ``rows``, in that order (the columns all kept: a
        word none of them uses is an empty column, which changes no sum)."""
        rows = np.asarray(rows, dtype=np.int64)
        return Features(
            keys=[self.keys[i] for i in rows],
            published=[self.published[i] for i in rows],
            vocabulary=self.vocabulary,
            counts=self.counts[rows],
            vectors=self.vectors[rows],
            days=self.days[rows],
            months=self.months[rows],
            weekdays=self.weekdays[rows],
            figures=self.figures[rows],
            words=self.words[rows],
            signatures=self.signatures[rows],
            signed=self.signed[rows],
        )


def features(articles: list[Article], settings: ClusterSettings) -> Features:
    """The features of prepared, usable ``articles``, in their order."""
    vocabulary, matrix = counts(articles, settings)
    signed, signature = signatures(articles, settings)
    return Features(
        keys=[(a.id, a.source, a.title or "", _digest(a.body)) for a in articles],
        published=[(a.published or "")[:10] for a in articles],
        vocabulary=vocabulary,
        counts=matrix,
        vectors=lead_vectors(articles, settings),
        days=days(articles),
        months=months(articles, settings),
        weekdays=weekdays(articles, settings),
        figures=figures(articles, settings),
        words=lengths(articles, settings),
        signatures=signature,
        signed=signed,
    )


def _digest(body: str) -> str:
    """A body's stand-in in the canonical order: two articles alike up to it are rare."""
    return hashlib.blake2b(body.encode(), digest_size=16).hexdigest()


def concat(parts: list[Features]) -> Features:
    """The features of every article of ``parts``, in turn, on one shared vocabulary."""
    vocabulary, matrix = _shared_columns(parts)
    arrays = ("vectors", "days", "months", "weekdays", "figures", "words", "signatures", "signed")
    return Features(
        keys=[k for p in parts for k in p.keys],
        published=[d for p in parts for d in p.published],
        vocabulary=vocabulary,
        counts=matrix,
        **{name: np.concatenate([getattr(p, name) for p in parts]) for name in arrays},
    )


def _shared_columns(parts: list[Features]) -> tuple[np.ndarray, csr_matrix]:
    """Every word of ``parts``, sorted, and their counts, one under the other, in those columns."""
    from scipy.sparse import csr_matrix, vstack

    vocabulary = np.array(sorted(set().union(*(p.vocabulary for p in parts))), dtype=object)
    blocks = []
    for part in parts:
        columns = np.searchsorted(vocabulary, part.vocabulary)[part.counts.indices]
        shape = (part.counts.shape[0], len(vocabulary))
        blocks.append(csr_matrix((part.counts.data, columns, part.counts.indptr), shape=shape))
    return vocabulary, vstack(blocks, format="csr")
