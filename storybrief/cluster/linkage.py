"""Average linkage over candidate pairs, each pair judged against its articles' surroundings.

How similar two articles of one story are depends on where they sit: in a
pile thick with one storyline (weekly jobless claims, an impeachment), the
articles of different days share most of their words, while two accounts of
a lone story may share few. So a pair's score is its similarity less its
articles' *density*: how similar each article is to its ``neighbours``
closest candidates (``near``), and to its closest candidates outside its own
group (``outside``), its group being the candidates it holds among its
``mutual`` closest and that hold it among theirs, or that are nearly as
similar to it as its closest (``circle``). A story of ten articles is then
judged against what lies around it, not against itself. A pair of short
texts also loses a doubt (``Judge.doubt``): two excerpts that share a few
rare words are less sure to be one story than two pages that share many;
less so when each is among the other's ``close_ranks`` closest candidates; and
two short texts whose openings name different weekdays lose more, naming the
same one less (``Judge.days``): a lead names its event's day; and so do two whose
openings each name figures and none in common (``Judge.figured``): a recurring
report's week is told by its number.

Groups merge while the mean score of all their pairs is at least
``threshold`` (average linkage: a group stays together only while most of
its pairs are close, so one strong link cannot chain two stories). Two
groups are ordered by the pairs that were compared, and judged on every
pair, computed when they come up. A story of many articles would still
look crowded from inside; so two groups also merge when they are, on
average, at least ``cohesion`` times as alike across as the looser of them
is within (counted once it has ``cohesive`` articles: the mean of a pair or
two is no measure of a story), with a bar of its own (``cohesion_threshold``);
that likeness is counted less ``cohesion_doubt`` times the pairs' doubt, so
excerpts (whose big groups are mostly a storyline's several days) need more.

An article still alone after linking gets a second look (``joined``): if its
best pair is a near miss of one story (within ``lone_margin`` of the
threshold, and either it is the closest article outside that story to its
partner or clearly closer to that story than to any other), it joins it:
on stories-dev's tune half two of three such joins are right, where a lone
article's best pair alone is right for fewer than half. Two articles both
left alone join each other only on both signs: no story stands behind either.

A pair less similar than ``min_similarity`` is no evidence and scores
``unrelated``; nor does a pair score more than its similarity less ``floor``:
in a pile of unrelated articles (a feed's window, whose stories are mostly
told once) every article's surroundings are sparse, and a score relative to
them alone would let the closest of unrelated articles pass. Groups only
grow along pairs that score at least the threshold, so each connected
component of those pairs is linked on its own, and only its pairs are held
at once.

With ``pair_judge``, a pair's score is what the learned judge makes of it and of the pile
(``learned``): never more than the score above, less in a pile whose articles mostly have
no story-mate in it (``Judge.raw``).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from storybrief.cluster.candidates import BLOCK, Pairs, blend
from storybrief.cluster.learned import PairModel, Surroundings, pair_features

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from storybrief.settings import ClusterSettings

# Up to this many pairs, two groups' similarities are computed pair by pair.
_FEW_PAIRS = 16
# Pairs scored at once (``scores``).
_JUDGED = 1 << 17


def densities(pairs: Pairs, count: int, settings: ClusterSettings) -> np.ndarray:
    """Each article's density: its near and outside densities, weighted."""
    near = _mean_closest(pairs, count, settings.neighbours)
    apart = _outside(pairs, count, settings)
    outside = Pairs(pairs.first[apart], pairs.second[apart], pairs.similarity[apart])
    return settings.near_weight * near + settings.outside_weight * _mean_closest(
        outside, count, settings.neighbours
    )


@dataclass(frozen=True)
class When:
    """When each article's story happened: its day of publication (NaN if undated), the
    months its headline and opening name as dates, the weekdays they name and the figures
    (a bit each, ``vectors.months``, ``vectors.weekdays``, ``vectors.figures``: a weekly
    count's figure dates its report as a weekday does)."""

    days: np.ndarray
    months: np.ndarray
    weekdays: np.ndarray
    figures: np.ndarray

    def apart(self, first: np.ndarray, second: np.ndarray, settings: ClusterSettings) -> np.ndarray:
        """Whether articles ``first`` and ``second`` (index arrays, broadcast) cannot be one
        story: published more than ``window_days`` apart, or each naming months the other does
        not (March's jobs report, then June's). Undated articles are near every date."""
        far = np.abs(self.days[first] - self.days[second]) > settings.window_days
        named_a, named_b = self.months[first], self.months[second]
        return far | ((named_a & named_b) == 0) & (named_a != 0) & (named_b != 0)


def in_window(pairs: Pairs, when: When, settings: ClusterSettings) -> Pairs:
    """The pairs whose articles are not ``When.apart``: the others are no evidence at all,
    neither for a story nor of how crowded an article's surroundings are."""
    near = ~when.apart(pairs.first, pairs.second, settings)
    return Pairs(pairs.first[near], pairs.second[near], pairs.similarity[near])


def scores(pairs: Pairs, judge: Judge) -> tuple[np.ndarray, np.ndarray]:
    """Each pair's score (``Judge.raw``) as ``judged``, and its ``Judge.likeness``.

    ``_JUDGED`` pairs at a time: the learned judge's features and the test of each other's
    closest candidates take a few hundred bytes a pair (370 MB at 100,000 articles, at once).
    """
    score, alike = [np.zeros(0)], [np.zeros(0)]
    for start in range(0, len(pairs.first), _JUDGED):
        part = slice(start, start + _JUDGED)
        similarity = pairs.similarity[part]
        raw, doubt = judge.raw(pairs.first[part], pairs.second[part], similarity)
        score.append(judged(similarity, raw, judge.settings))
        alike.append(judge.likeness(similarity, doubt))
    return np.concatenate(score), np.concatenate(alike)


def judged(similarity: np.ndarray, score: np.ndarray, settings: ClusterSettings) -> np.ndarray:
    """A pair's score as judged: at most its similarity less ``floor`` (in a pile of unrelated
    articles every density is low, so a density-relative score alone lets any pair pass), and
    ``unrelated`` if less similar than ``min_similarity``."""
    score = np.minimum(score, similarity - settings.floor)
    return np.where(similarity >= settings.min_similarity, score, settings.unrelated)


def shortness(words: np.ndarray, settings: ClusterSettings) -> np.ndarray:
    """How short each article is, from 0 (``short_words`` words or more) to 1 (none)."""
    return 1.0 - np.minimum(words / settings.short_words, 1.0)


def closest(pairs: Pairs, count: int, settings: ClusterSettings) -> np.ndarray:
    """Each article's ``close_ranks`` most similar candidates, best first (-1: none)."""
    ends, rank = pairs.ends()[0], pairs.ranks
    top = np.full((count, settings.close_ranks), -1, dtype=np.int64)
    kept = rank < settings.close_ranks
    top[ends[kept], rank[kept]] = np.concatenate([pairs.second, pairs.first])[kept]
    return top


def _mean_closest(pairs: Pairs, count: int, neighbours: int) -> np.ndarray:
    """Mean similarity of each article's ``neighbours`` most similar pairs (a missing one is 0)."""
    ends, similarity = pairs.ends()
    closest = pairs.ranks < neighbours
    return np.bincount(ends[closest], weights=similarity[closest], minlength=count) / neighbours


def _outside(pairs: Pairs, count: int, settings: ClusterSettings) -> np.ndarray:
    """Whether each pair lies outside its articles' groups (``mutual``, ``circle``)."""
    ends, similarity = pairs.ends()
    rank = pairs.ranks
    half = len(pairs.first)
    mutual = (rank[:half] < settings.mutual) & (rank[half:] < settings.mutual)
    closest = np.zeros(count)
    np.maximum.at(closest, ends, similarity)
    circle = np.maximum(closest[pairs.first], closest[pairs.second]) * settings.circle
    return ~mutual & (pairs.similarity < circle)


def components(pairs: Pairs, linked: np.ndarray, count: int) -> np.ndarray:
    """The component of each article in the graph of the ``linked`` pairs."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix(
        (np.ones(int(linked.sum())), (pairs.first[linked], pairs.second[linked])),
        shape=(count, count),
    )
    return connected_components(graph, directed=False)[1]


@dataclass(frozen=True)
class Judge:
    """What scoring any pair of articles needs: their rows, vectors, densities, dates and
    ``shortness``."""

    rows: csr_matrix
    vectors: np.ndarray
    density: np.ndarray
    settings: ClusterSettings
    when: When
    short: np.ndarray
    closest: np.ndarray  # each article's ``close_ranks`` most similar candidates (``closest``)
    # With both, a pair is scored by the learned judge (``learned``), which knows the pile.
    around: Surroundings | None = None
    model: PairModel | None = None

    def raw(
        self, first: np.ndarray, second: np.ndarray, similarity: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """The score of pairs of articles ``first`` and ``second`` (index arrays, broadcast) of
        ``similarity``, before ``judged``, and their ``doubt``: the similarity less the
        articles' mean density, the doubt and what the weekdays and figures cost (``days``,
        ``figured``), or, with a ``model``, what it makes of these and the pile's ``around``
        (its weights were fitted before ``figured`` was: its ``hand`` then had no figures)."""
        doubt = self.doubt(first, second)
        density = (self.density[first] + self.density[second]) / 2
        hand = similarity - density - doubt - self.days(first, second)
        hand = hand - self.figured(first, second)
        if self.model is None or self.around is None:
            return hand, doubt
        features = pair_features(self.around, similarity, hand)
        return self.model.score(features, self.settings.threshold), doubt

    def close(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Whether each of two articles is among the other's ``close_ranks`` most similar
        candidates (index arrays, broadcast)."""
        holds = (self.closest[first] == second[..., None]).any(axis=-1)
        held = (self.closest[second] == first[..., None]).any(axis=-1)
        return holds & held

    def doubt(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """What a pair's score loses for the shortness of its shorter article (index arrays,
        broadcast): a few rare words two excerpts share weigh as much as a page's worth.

        Less (``close_waiver``) when each is among the other's closest: then the words they
        share are less likely chance (stories-dev's tune half: 70% of such pairs scored just
        under the threshold are one story, against 10-30% of the others)."""
        first, second = np.asarray(first), np.asarray(second)
        waived = 1.0 - self.settings.close_waiver * self.close(first, second)
        return (
            self.settings.short_penalty * np.maximum(self.short[first], self.short[second]) * waived
        )

    def days(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """What a pair's score loses (gains, if negative) for the weekdays its openings name
        (index arrays, broadcast): ``weekday_penalty`` if each names days the other does not,
        minus ``weekday_bonus`` if they name one day; times the shortness of the shorter.

        A lead of 60 words names the day of its event ("on Friday"); a storyline's next day
        names the next (the INF treaty suspended on Friday, ended on Saturday). A page names
        many days of a story that runs over a week, so the longer a pair, the less it counts."""
        settings = self.settings
        days_a, days_b = self.when.weekdays[first], self.when.weekdays[second]
        same = (days_a & days_b) != 0
        differ = ~same & (days_a != 0) & (days_b != 0)
        days = settings.weekday_penalty * differ - settings.weekday_bonus * same
        return np.maximum(self.short[first], self.short[second]) * days

    def figured(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """What a pair's score loses when each opening names figures and none is the other's
        (index arrays, broadcast): ``figure_penalty`` times the shortness of the shorter.

        A storyline's recurring report (weekly jobless claims, a death toll's milestones) tells
        its week by its number: "claims rose to 778,000", a week on "fell to 684,000"."""
        figures_a, figures_b = self.when.figures[first], self.when.figures[second]
        differ = ((figures_a & figures_b) == 0) & (figures_a != 0) & (figures_b != 0)
        return (
            self.settings.figure_penalty
            * differ
            * np.maximum(self.short[first], self.short[second])
        )

    def likeness(self, alike: np.ndarray, doubt: np.ndarray) -> np.ndarray:
        """What the ``cohesion`` rule counts of pairs of similarity ``alike`` and ``doubt``: less
        ``cohesion_doubt`` times the doubt (a relative likeness of excerpts is weak evidence)."""
        return alike - self.settings.cohesion_doubt * doubt

    def means(self, first: list[int], second: list[int]) -> tuple[float, float]:
        """Mean score and mean similarity of every pair of one of ``first`` and one of ``second``.

        ``BLOCK`` articles of ``first`` at a time, so two big groups need no big matrix.
        """
        score = similarity = 0.0
        for start in range(0, len(first), BLOCK):
            some = first[start : start + BLOCK]
            alike = self._similarity(some, second)
            rows, columns = np.array(some)[:, None], np.array(second)
            raw, doubt = self.raw(rows, columns, alike)
            apart = self.when.apart(rows, columns, self.settings)
            judged_pairs = judged(alike, raw, self.settings)
            score += float(np.where(apart, self.settings.unrelated, judged_pairs).sum())
            # Nor does a pair too far apart count as alike for the ``cohesion`` rule.
            similarity += float(np.where(apart, 0.0, self.likeness(alike, doubt)).sum())
        pairs = len(first) * len(second)
        return score / pairs, similarity / pairs

    def _similarity(self, first: list[int], second: list[int]) -> np.ndarray:
        """The similarity of each article of ``first`` (rows) to each of ``second``."""
        if len(first) * len(second) > _FEW_PAIRS:
            words = (self.rows[first] @ self.rows[second].T).toarray()
        else:
            # Indexing a sparse matrix costs more than these few dot products.
            words = np.array([[self._dot(a, b) for b in second] for a in first])
        meaning = self.vectors[first] @ self.vectors[second].T
        return blend(words, meaning, self.settings.embedding_share)

    def _dot(self, a: int, b: int) -> float:
        """The dot product of two TF-IDF rows."""
        indptr, indices, data = self.rows.indptr, self.rows.indices, self.rows.data
        row_a, row_b = slice(indptr[a], indptr[a + 1]), slice(indptr[b], indptr[b + 1])
        _, in_a, in_b = np.intersect1d(
            indices[row_a], indices[row_b], assume_unique=True, return_indices=True
        )
        return float(data[row_a][in_a] @ data[row_b][in_b])


class _Groups:
    """Groups being merged: members, similarity summed over each group's own pairs, and per
    two linked groups the score and similarity summed over their compared pairs."""

    def __init__(self, members: list[int], settings: ClusterSettings) -> None:
        self.cohesion, self.cohesive = settings.cohesion, settings.cohesive
        self.threshold, self.bar = settings.threshold, settings.cohesion_threshold
        self.members = {m: [m] for m in members}
        self.version = dict.fromkeys(members, 0)
        self.inner = dict.fromkeys(members, 0.0)
        self.links: dict[int, dict[int, list[float]]] = {m: {} for m in members}
        self.merged: dict[int, int] = {}

    def link(self, a: int, b: int, score: float, similarity: float) -> None:
        self.links[a][b] = self.links[b][a] = [score, 1.0, similarity]

    def _cohesion(self, group: int) -> float | None:
        """Mean similarity of the group's own pairs, once it has ``cohesive`` articles."""
        size = len(self.members[group])
        return self.inner[group] / (size * (size - 1) / 2) if size >= self.cohesive else None

    def value(self, a: int, b: int) -> float:
        """By how much the two groups are one story (two merge at 0 or more): the mean score
        of the compared pairs less ``threshold``, or, if higher, their mean similarity less
        ``cohesion`` times the looser group's own, less ``cohesion_threshold``.

        The cohesion rule has its own bar: when it moved with ``threshold``, a lower threshold
        let a big, loose group take in every neighbour (at -0.02, a story of 887 of
        stories-dev's tune half)."""
        score, compared, similarity = self.links[a][b]
        margin = score / compared - self.threshold
        own = [c for c in (self._cohesion(a), self._cohesion(b)) if c is not None]
        if not own:
            return margin
        return max(margin, similarity / compared - self.cohesion * min(own) - self.bar)

    def entry(self, a: int, b: int) -> tuple[float, int, int, int, int]:
        """A heap entry: minus the pair's value, the pair, and the versions it was valued at."""
        a, b = min(a, b), max(a, b)
        return -self.value(a, b), a, b, self.version[a], self.version[b]

    def current(self, group: int, version: int) -> bool:
        """Whether ``group`` is as it was at ``version``."""
        return self.version.get(group) == version

    def compared_all(self, a: int, b: int) -> bool:
        return self.links[a][b][1] == len(self.members[a]) * len(self.members[b])

    def set_means(self, a: int, b: int, score: float, similarity: float) -> None:
        """Record the means over every pair of the two groups, computed in full."""
        pairs = len(self.members[a]) * len(self.members[b])
        self.links[a][b][:] = [score * pairs, float(pairs), similarity * pairs]

    def merge(self, keep: int, gone: int) -> None:
        """Fold group ``gone`` into ``keep``, adding up their links to every other group."""
        self.inner[keep] += self.inner.pop(gone) + self.links[keep][gone][2]
        self.members[keep] += self.members.pop(gone)
        self.version[keep] += 1
        del self.version[gone]
        self.merged[gone] = keep
        del self.links[keep][gone]
        for other, sums in self.links.pop(gone).items():
            if other == keep:
                continue
            del self.links[other][gone]
            link = self.links[keep].setdefault(other, [0.0, 0.0, 0.0])
            link[:] = [mine + theirs for mine, theirs in zip(link, sums, strict=True)]
            self.links[other][keep] = link


def _root(merged: dict[int, int], member: int) -> int:
    while member in merged:
        member = merged[member]
    return member


def _link(
    members: list[int], edges: list[tuple[int, int, float, float]], judge: Judge
) -> dict[int, int]:
    """Average linkage of one component: each member's group, named by one of its members."""
    groups = _Groups(members, judge.settings)
    for a, b, score, similarity in edges:
        groups.link(a, b, score, similarity)
    # An entry below 0 would never be taken: a change to either group makes new ones.
    heap = [e for e in (groups.entry(a, b) for a, b, _, _ in edges) if -e[0] >= 0]
    heapq.heapify(heap)
    while heap:
        for entry in _step(groups, heapq.heappop(heap), judge):
            if -entry[0] >= 0:
                heapq.heappush(heap, entry)
    return {m: _root(groups.merged, m) for m in members}


def _step(
    groups: _Groups, entry: tuple[float, int, int, int, int], judge: Judge
) -> list[tuple[float, int, int, int, int]]:
    """Act on the best entry of the heap; the entries it makes."""
    _, a, b, version_a, version_b = entry
    if not groups.current(a, version_a) or not groups.current(b, version_b):
        return []  # the group has merged since
    if not groups.compared_all(a, b):
        # Ordered by their compared pairs, judged on all of them.
        groups.set_means(a, b, *judge.means(groups.members[a], groups.members[b]))
        return [groups.entry(a, b)]
    keep, gone = (a, b) if len(groups.links[a]) >= len(groups.links[b]) else (b, a)
    groups.merge(keep, gone)
    return [groups.entry(keep, other) for other in groups.links[keep]]


def labels(pairs: Pairs, judge: Judge) -> np.ndarray:
    """The group of each article, named by one of its members."""
    count = len(judge.density)
    score, alike = scores(pairs, judge)
    component = components(pairs, score >= judge.settings.threshold, count)
    label = np.arange(count)
    inside = component[pairs.first] == component[pairs.second]
    order = np.argsort(component[pairs.first[inside]], kind="stable")
    columns = [c[inside][order] for c in (pairs.first, pairs.second, score, alike)]
    bounds = np.flatnonzero(np.diff(component[columns[0]])) + 1
    for first, second, *values in zip(*(np.split(c, bounds) for c in columns), strict=True):
        members = sorted(set(first.tolist()) | set(second.tolist()))
        edges = list(
            zip(first.tolist(), second.tolist(), *(v.tolist() for v in values), strict=True)
        )
        for member, root in _link(members, edges, judge).items():
            label[member] = root
    return joined(label, pairs, score, judge.settings)


def joined(
    label: np.ndarray, pairs: Pairs, score: np.ndarray, settings: ClusterSettings
) -> np.ndarray:
    """``label`` with each article left alone joined to the story of its best-scoring
    candidate when that is a near miss: the pair scores within ``lone_margin`` of the
    threshold, and either the article is the candidate's most similar outside the candidate's
    own story, or the pair scores ``lone_gap`` above the article's best pair with any other
    story. Every lone article is judged on the groups as linked, at once."""
    count = len(label)
    alone = np.bincount(label, minlength=count)[label] == 1
    outside = label[pairs.first] != label[pairs.second]
    closest = np.zeros(count)  # each article's most similar candidate outside its story
    for end in (pairs.first, pairs.second):
        np.maximum.at(closest, end[outside], pairs.similarity[outside])
    # Every pair seen from its lone end (from both, if both are alone).
    keep = np.concatenate([alone[pairs.first], alone[pairs.second]])
    ends = np.concatenate([pairs.first, pairs.second])[keep]
    others = np.concatenate([pairs.second, pairs.first])[keep]
    values = np.concatenate([score, score])[keep]
    similarity = np.concatenate([pairs.similarity, pairs.similarity])[keep]
    best, gap = _best_pairs(ends, others, values, label)
    nearest = similarity[best] >= closest[others[best]]
    apart = gap >= settings.lone_gap
    # Two lone articles have no story behind them: they join on both signs, not either.
    sure = np.where(alone[others[best]], nearest & apart, nearest | apart)
    take = _unchained(
        best[(values[best] >= settings.threshold - settings.lone_margin) & sure],
        ends,
        others,
        alone,
    )
    linked = Pairs(
        np.concatenate([np.arange(count), ends[take]]),
        np.concatenate([label, others[take]]),
        np.zeros(count + len(take)),
    )
    return components(linked, np.ones(count + len(take), dtype=bool), count)


def _unchained(
    take: np.ndarray, ends: np.ndarray, others: np.ndarray, alone: np.ndarray
) -> np.ndarray:
    """The joins of ``take`` less those into a lone article that itself joins another:
    joined at once, a chain of lone articles would make one story of articles each only
    near the next (days 1, 3 and 6 of a storyline, though 1 and 6 are never one story)."""
    target = np.full(len(alone), -1)
    target[ends[take]] = others[take]
    partner = others[take]
    kept = ~alone[partner] | (target[partner] < 0) | (target[partner] == ends[take])
    return take[kept]


def _best_pairs(
    ends: np.ndarray, others: np.ndarray, values: np.ndarray, label: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each article of ``ends``: the entry of its best-scoring pair (ties: the lower row of
    ``others``), and by how much it beats the article's best pair with another story."""
    order = np.lexsort((others, -values, ends))
    best = order[np.unique(ends[order], return_index=True)[1]]
    story = np.full(len(label), -1)
    story[ends[best]] = label[others[best]]
    second = np.full(len(label), -np.inf)
    other_story = label[others] != story[ends]
    np.maximum.at(second, ends[other_story], values[other_story])
    return best, values[best] - second[ends[best]]
