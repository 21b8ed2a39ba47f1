"""Cluster: split a pile of articles (a feed, a day's crawl) into stories.

Articles are compared by the words of their headline and opening (TF-IDF
with the pile's own document frequencies, against its size up to a bound:
``vectors``) blended with their
wordllama vectors. No n×n matrix is built: each article is compared with
candidates that share its uncommon words, found a block of rows at a time
(``candidates``), so memory grows with the pile, not its square. A pair is
judged against how close its articles' other neighbours are (and, if they
are short, with a doubt: a few words two excerpts share are weak evidence), and groups
are formed by average linkage over the candidate pairs (``linkage``; an
article left alone that is a near miss of one story then joins it);
two articles whose dates are more than ``window_days`` apart, or whose
openings name different months as dates ("in March", "June 12": the jobs
report of one month and of the next), are never one story (undated articles
are near every date); two short texts whose openings name different weekdays
need more in common, naming the same one less (a lead names its event's day).
That is the *event* grain, a day's news (``ClusterSettings.grain``); at the
*topic* grain, a storyline over days or weeks (a topic's archive), the
weekday and window rules are off and the bar is lower (``ClusterSettings.grained``).
The
numbers are in ``ClusterSettings`` (``storybrief.settings``), measured by
``bench/clustering.py`` (BENCHMARKS.md).

The result does not depend on the order of the input: articles are put in
one canonical order before anything is compared. What is read of each article
(``features``: its words' counts, vector, dates, MinHash signature) depends on
that article alone, so it can be computed a block of articles at a time, on
Dask workers too (``distributed.DaskPile``); the pile is then grouped from
the features alone (``story_rows``).

Near-exact copies (a wire story several outlets run) are found first
(``duplicates``, MinHash LSH) and set aside: only their originals are
grouped, and each copy joins its original's story (``stories``). The
analysis stage then counts it as a copy, not a second witness.
"""

from __future__ import annotations

from storybrief.cluster.candidates import Pairs, candidate_pairs
from storybrief.cluster.duplicates import copies_of
from storybrief.cluster.features import Features, features
from storybrief.cluster.learned import PairModel, load_model, surroundings
from storybrief.cluster.linkage import (
    Judge,
    When,
    closest,
    densities,
    in_window,
    labels,
    shortness,
)
from storybrief.cluster.vectors import weigh
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
    grouped = [
        [usable[i] for i in rows] for rows in grouped_rows(features(usable, settings), settings)
    ]
    return sorted(grouped, key=lambda s: (-len(s), min((a.id, a.source) for a in s)))


def grouped_rows(found: Features, settings: ClusterSettings) -> list[list[int]]:
    """The rows of ``found`` grouped into stories, each in row order; stories in no order."""
    canonical = sorted(range(len(found)), key=found.keys.__getitem__)
    return _grouped(found.take(canonical), canonical, settings)


def _grouped(
    ordered: Features, rows: list[int], settings: ClusterSettings, model: PairModel | None = None
) -> list[list[int]]:
    """Group ``ordered``, the features of ``rows`` in canonical order; stories of ``rows``."""
    if len(rows) < 2:
        return [list(rows)] if rows else []
    pairs, judge = judged_pairs(ordered, settings.grained(), model)
    stories: dict[int, list[int]] = {}
    for label, row in zip(labels(pairs, judge).tolist(), rows, strict=True):
        stories.setdefault(label, []).append(row)
    return [sorted(story) for story in stories.values()]


def judged_pairs(
    ordered: Features, settings: ClusterSettings, model: PairModel | None = None
) -> tuple[Pairs, Judge]:
    """The candidate pairs of ``ordered`` (in canonical order) and what judges them: with
    ``settings.pair_judge``, by ``model`` (the shipped one if None) if it ``covers`` the pile."""
    weighted, frequency = weigh(ordered.counts, settings.idf_reference)
    when = When(ordered.days, ordered.months, ordered.weekdays, ordered.figures)
    pairs = in_window(
        candidate_pairs(weighted, frequency, ordered.vectors, settings), when, settings
    )
    model = (model or load_model()) if settings.pair_judge else None
    # The pile's surroundings are read only for a judge (a sort of every pair's two ends).
    around = surroundings(pairs, len(ordered)) if model else None
    if model is not None and around is not None and not model.covers(around):
        model = None  # a pile unlike those it was fitted on: the linkage alone
    judge = Judge(
        weighted,
        ordered.vectors,
        densities(pairs, len(ordered), settings),
        settings,
        when,
        shortness(ordered.words, settings),
        closest(pairs, len(ordered), settings),
        around,
        model,
    )
    return pairs, judge


def originals(found: Features, settings: ClusterSettings) -> tuple[list[int], dict[int, int]]:
    """The rows of ``found`` that are no near-exact copy, in canonical order, and each copy's
    original row."""
    keys = found.keys
    copies = copies_of([k[:2] for k in keys], found.signed, found.signatures, settings)
    return sorted((i for i in range(len(keys)) if i not in copies), key=keys.__getitem__), copies


def story_rows(
    found: Features, settings: ClusterSettings, model: PairModel | None = None
) -> tuple[list[list[int]], dict[int, int]]:
    """The rows of ``found`` grouped into stories, near-exact copies first set aside.

    Returns the stories, biggest first, then newest, then by their smallest
    article id (whatever the input order), each its grouped rows and then its
    copies, by id, title and text (whatever the input order); and each copy's
    original row. ``found`` is let
    go once its originals are taken: a caller that keeps no other reference
    to it frees it (at 100,000 articles, hundreds of MB). ``model``: the pair judge to
    use (``judged_pairs``).
    """
    keys, published = found.keys, found.published
    canonical, copies = originals(found, settings)
    ordered = found.take(canonical)
    del found
    grouped = _grouped(ordered, canonical, settings, model)
    del ordered
    story_of = {row: n for n, rows in enumerate(grouped) for row in rows}
    for row, original in copies.items():
        grouped[story_of[original]].append(row)

    # The analyses break ties by article order, so a story's articles are put in an order
    # of their own (id, title, text; copies last), not their lines': same brief either way.
    def own_order(row: int) -> tuple[bool, str, str, str, str]:
        article_id, source, title, digest = keys[row]
        return row in copies, article_id, title, digest, source

    within = [sorted(rows, key=own_order) for rows in grouped]
    return _ordered(within, keys, published), copies


def _ordered(
    stories: list[list[int]], keys: list[tuple[str, ...]], published: list[str]
) -> list[list[int]]:
    """Biggest first, then newest first, then by smallest article id: whatever the input order."""
    by_id = sorted(stories, key=lambda rows: min(keys[i][:2] for i in rows))
    newest = [max(published[i] for i in rows) for rows in by_id]
    # ``reverse`` keeps a stable sort stable: ties stay in smallest-id order.
    order = sorted(range(len(by_id)), key=lambda n: (len(by_id[n]), newest[n]), reverse=True)
    return [by_id[n] for n in order]


def stories(
    articles: list[Article], settings: ClusterSettings | None = None
) -> tuple[list[list[Article]], dict[int, int]]:
    """The usable articles of ``articles`` grouped into stories, copies first set aside.

    Returns the stories (``story_rows``) and, for each usable article that
    is a near-exact copy (its index among the usable ones), its original's
    index; a copy is in its original's story, after the grouped articles.
    """
    settings = settings or ClusterSettings()
    usable = [a for a in articles if a.ok]
    rows, copies = story_rows(features(usable, settings), settings)
    return [[usable[i] for i in story] for story in rows], copies


def stories_told(articles: list[Article]) -> int:
    """How many stories ``articles`` tell: those of two or more articles, or, when no
    story holds more than half of the usable articles, every story, a lone article's too.

    More than one means that a single brief of them would mix stories up. A lone
    article beside a story most of them tell is an aside, not another story;
    four unrelated pages are four stories.
    """
    usable = sum(a.ok for a in articles)
    if usable < 4:  # two stories of two: grouping fewer is work for nothing
        return 0
    stories = group(articles)
    if max(map(len, stories), default=0) * 2 <= usable:
        return len(stories)
    return sum(1 for story in stories if len(story) > 1)
