"""Cluster: split a pile of articles (a feed, a day's crawl) into stories.

An article's opening says which story it tells: the headline and first few
hundred words name who, where and what, while later paragraphs wander into
background that several stories share. Articles are compared as TF-IDF
vectors of those opening words, with the document frequencies taken from the
pile itself (so words every story uses weigh nothing) and capitalised words
(names, places) weighted up; groups are formed by average-linkage
agglomerative clustering, joining two groups while their articles are on
average at least ``threshold`` similar. Measured on pooled Multi-News and
DUC 2004 clusters in ``bench/clustering.py`` (BENCHMARKS.md).

A reprint is grouped with its original like any other article of the story;
the analysis stage then counts it as a copy, not a second witness.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING

import numpy as np

from storybrief.models import Article
from storybrief.nlp.english import STOPWORDS
from storybrief.nlp.overlap import words

THRESHOLD = 0.1  # average cosine two groups need to be one story
LEAD_WORDS = 300  # words of the body read after the headline
NAME_WEIGHT = 1.5  # weight of a capitalised word (a name) over a common one

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

_NAME = re.compile(r"\b[A-Z][a-z]+(?:['’-][A-Za-z]+)*")


def group(articles: list[Article], threshold: float = THRESHOLD) -> list[list[Article]]:
    """The usable articles of ``articles``, grouped into stories.

    Biggest story first (ties: the story of the earlier article); articles keep
    their input order within a story. Skipped articles belong to no story.
    """
    usable = [a for a in articles if a.ok]
    if len(usable) < 2:
        return [usable] if usable else []
    vectors = _vectors(usable)
    return average_linkage(usable, (vectors @ vectors.T).toarray(), threshold)


def average_linkage(
    articles: list[Article], similarity: np.ndarray, threshold: float
) -> list[list[Article]]:
    """``articles`` grouped while their groups' mean pairwise ``similarity`` is ≥ ``threshold``.

    Biggest group first (ties: the group of the earlier article), input order within a group.
    """
    # Imported here, not with the pipeline: batch workers import the pipeline and never cluster.
    from scipy.cluster.hierarchy import fcluster, linkage

    # scipy wants the condensed (upper-triangle) distances.
    distance = np.clip(1.0 - similarity[np.triu_indices(len(articles), k=1)], 0.0, None)
    labels = fcluster(linkage(distance, method="average"), t=1.0 - threshold, criterion="distance")
    stories: dict[int, list[Article]] = {}
    for label, article in zip(labels, articles, strict=True):
        stories.setdefault(int(label), []).append(article)
    position = {id(a): i for i, a in enumerate(articles)}
    return sorted(stories.values(), key=lambda s: (-len(s), position[id(s[0])]))


def stories_told(articles: list[Article]) -> int:
    """How many stories of two or more articles ``articles`` tell.

    More than one means that a single brief of them would mix stories up.
    """
    return sum(1 for story in group(articles) if len(story) > 1)


def _terms(article: Article) -> dict[str, float]:
    """Term weights of an article's headline and opening: sublinear counts, names weighted up."""
    text = " ".join([article.title or "", *article.body.split()[:LEAD_WORDS]])
    names = {w.casefold() for w in _NAME.findall(text)}
    counts = Counter(
        w for w in words(text) if len(w) > 2 and w not in STOPWORDS and not w.isdigit()
    )
    return {
        w: (1.0 + math.log(n)) * (NAME_WEIGHT if w in names else 1.0) for w, n in counts.items()
    }


def _vectors(articles: list[Article]) -> csr_matrix:
    """Unit-length TF-IDF rows (smoothed IDF from the pile), one per article."""
    from scipy.sparse import csr_matrix

    terms = [_terms(a) for a in articles]
    vocabulary = _vocabulary(terms)
    idf = _idf(terms, vocabulary)
    rows = [i for i, weights in enumerate(terms) for _ in weights]
    cols = [vocabulary[w] for weights in terms for w in weights]
    values = np.array([v for weights in terms for v in weights.values()]) * idf[cols]
    matrix = csr_matrix((values, (rows, cols)), shape=(len(articles), len(vocabulary)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return csr_matrix(matrix.multiply(1.0 / norms[:, None]))


def _vocabulary(terms: list[dict[str, float]]) -> dict[str, int]:
    """Every term's column: numbered as first used, each article's new terms in sorted order."""
    vocabulary: dict[str, int] = {}
    for weights in terms:
        for word in sorted(weights):
            vocabulary.setdefault(word, len(vocabulary))
    return vocabulary


def _idf(terms: list[dict[str, float]], vocabulary: dict[str, int]) -> np.ndarray:
    """Each column's smoothed inverse document frequency over the pile's articles."""
    frequency = np.zeros(len(vocabulary))
    for weights in terms:
        frequency[[vocabulary[w] for w in weights]] += 1
    return np.log((1 + len(terms)) / (1 + frequency)) + 1.0
