"""Cluster: split a pile of articles (a feed, a day's crawl) into stories.

Articles are compared by the words of their headline and opening (TF-IDF
with the pile's own document frequencies, ``vectors``) blended with their
wordllama vectors. No n×n matrix is built: each article is compared with
candidates that share its uncommon words, found a block of rows at a time
(``candidates``), so memory grows with the pile, not its square. A pair is
judged against how close its articles' other neighbours are, and groups
are formed by average linkage over the candidate pairs (``linkage``);
two articles whose dates are more than ``window_days`` apart, or whose
openings name different months as dates ("in March", "June 12": the jobs
report of one month and of the next), are never one story (undated articles
are near every date). The
numbers are in ``ClusterSettings`` (``storybrief.settings``), measured by
``bench/clustering.py`` (BENCHMARKS.md).

The result does not depend on the order of the input: articles are put in
one canonical order before anything is computed.

Near-exact copies (a wire story several outlets run) are found first
(``duplicates``, MinHash LSH) and set aside: only their originals are
grouped, and each copy joins its original's story (``stories``). The
analysis stage then counts it as a copy, not a second witness.
"""

from __future__ import annotations

from storybrief.cluster.candidates import candidate_pairs
from storybrief.cluster.duplicates import originals
from storybrief.cluster.linkage import Judge, When, densities, in_window, labels
from storybrief.cluster.vectors import days, lead_vectors, months, tfidf
from storybrief.models import Article
from storybrief.settings import ClusterSettings


def group(articles: list[Article], settings: ClusterSettings | None = None) -> list[list[Article]]:
    """The usable articles of ``articles``, grouped into stories.

    Biggest story first (ties: the story of the smallest article id, so that
    the order does not depend on the input's); articles keep their input order
    within a story. Skipped articles belong to no story.
    """
    settings = settings or ClusterSettings()
    usable = [a for a in articles if a.ok]
    if len(usable) < 2:
        return [usable] if usable else []
    position = {id(a): i for i, a in enumerate(usable)}
    canonical = sorted(usable, key=lambda a: (a.id, a.source, a.title or "", a.body))
    rows, frequency = tfidf(canonical, settings)
    vectors = lead_vectors(canonical, settings)
    when = When(days(canonical), months(canonical, settings))
    pairs = in_window(candidate_pairs(rows, frequency, vectors, settings), when, settings)
    judge = Judge(rows, vectors, densities(pairs, len(canonical), settings), settings, when)
    stories: dict[int, list[Article]] = {}
    for label, article in zip(labels(pairs, judge).tolist(), canonical, strict=True):
        stories.setdefault(label, []).append(article)
    ordered = [sorted(story, key=lambda a: position[id(a)]) for story in stories.values()]
    return sorted(ordered, key=lambda s: (-len(s), _smallest(s)))


def _smallest(story: list[Article]) -> tuple[str, str]:
    """The story's smallest article id (then source): what names it whatever the input order."""
    return min((a.id, a.source) for a in story)


def _newest(story: list[Article]) -> str:
    """The story's latest publication date ("" if none is known), for ordering."""
    return max((a.published or "")[:10] for a in story)


def order_stories(stories: list[list[Article]]) -> list[list[Article]]:
    """Biggest first, then newest first, then by smallest article id: whatever the input order."""
    by_id = sorted(stories, key=_smallest)
    # ``reverse`` keeps a stable sort stable: ties stay in smallest-id order.
    return sorted(by_id, key=lambda s: (len(s), _newest(s)), reverse=True)


def stories(
    articles: list[Article], settings: ClusterSettings | None = None
) -> tuple[list[list[Article]], dict[int, int]]:
    """The usable articles of ``articles`` grouped into stories, copies first set aside.

    Returns the stories (``order_stories``) and, for each usable article that
    is a near-exact copy (its index among the usable ones), its original's
    index; a copy is in its original's story, after the grouped articles.
    """
    settings = settings or ClusterSettings()
    usable = [a for a in articles if a.ok]
    copies = originals(usable, settings)
    grouped = group([a for i, a in enumerate(usable) if i not in copies], settings)
    story_of = {id(a): n for n, story in enumerate(grouped) for a in story}
    for i, original in copies.items():
        grouped[story_of[id(usable[original])]].append(usable[i])
    return order_stories(grouped), copies


def stories_told(articles: list[Article]) -> int:
    """How many stories of two or more articles ``articles`` tell.

    More than one means that a single brief of them would mix stories up.
    """
    return sum(1 for story in group(articles) if len(story) > 1)
