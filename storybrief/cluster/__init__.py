"""Cluster: split a pile of articles (a feed, a day's crawl) into stories.

Articles are compared by the words of their headline and opening (TF-IDF
with the pile's own document frequencies, ``vectors``) blended with their
wordllama vectors. No n×n matrix is built: each article is compared with
candidates that share its uncommon words, found a block of rows at a time
(``candidates``), so memory grows with the pile, not its square. A pair is
judged against how close its articles' other neighbours are, and groups
are formed by average linkage over the candidate pairs (``linkage``). The
numbers are in ``ClusterSettings`` (``storybrief.settings``), measured by
``bench/clustering.py`` (BENCHMARKS.md).

The result does not depend on the order of the input: articles are put in
one canonical order before anything is computed.

A reprint is grouped with its original like any other article of the story;
the analysis stage then counts it as a copy, not a second witness.
"""

from __future__ import annotations

from storybrief.cluster.candidates import candidate_pairs
from storybrief.cluster.linkage import Judge, densities, labels
from storybrief.cluster.vectors import lead_vectors, tfidf
from storybrief.models import Article
from storybrief.settings import ClusterSettings


def group(articles: list[Article], settings: ClusterSettings | None = None) -> list[list[Article]]:
    """The usable articles of ``articles``, grouped into stories.

    Biggest story first (ties: the story of the earlier article); articles keep
    their input order within a story. Skipped articles belong to no story.
    """
    settings = settings or ClusterSettings()
    usable = [a for a in articles if a.ok]
    if len(usable) < 2:
        return [usable] if usable else []
    position = {id(a): i for i, a in enumerate(usable)}
    canonical = sorted(usable, key=lambda a: (a.id, a.source, a.title or "", a.body))
    rows, frequency = tfidf(canonical, settings)
    vectors = lead_vectors(canonical, settings)
    pairs = candidate_pairs(rows, frequency, vectors, settings)
    judge = Judge(rows, vectors, densities(pairs, len(canonical), settings), settings)
    stories: dict[int, list[Article]] = {}
    for label, article in zip(labels(pairs, judge).tolist(), canonical, strict=True):
        stories.setdefault(label, []).append(article)
    ordered = [sorted(story, key=lambda a: position[id(a)]) for story in stories.values()]
    return sorted(ordered, key=lambda s: (-len(s), position[id(s[0])]))


def stories_told(articles: list[Article]) -> int:
    """How many stories of two or more articles ``articles`` tell.

    More than one means that a single brief of them would mix stories up.
    """
    return sum(1 for story in group(articles) if len(story) > 1)
