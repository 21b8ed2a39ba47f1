"""Average linkage over candidate pairs, each pair judged against its articles' neighbourhoods.

How similar two articles of one story are depends on where they sit: in a
pile thick with one storyline (weekly jobless claims, an impeachment),
articles of different days share most of their words, while two accounts of
a lone story may share few. So a pair's score is its similarity minus its
articles' *density*, the mean similarity of each article's ``density``
closest candidates (a missing candidate counts 0), and groups merge while
their pairs' mean score is at least ``threshold``. A pair that is no
candidate, or less similar than ``min_similarity``, counts ``absent``: a
group stays together only while most of its pairs are close, so one strong
link cannot chain two stories.

A merge needs one pair above the threshold, so groups never span two
connected components of the graph of such pairs: each component is linked
on its own, and only its pairs are held at once.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from storybrief.cluster.candidates import Pairs

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from storybrief.settings import ClusterSettings


def densities(
    pairs: Pairs, count: int, settings: ClusterSettings, label: np.ndarray | None = None
) -> np.ndarray:
    """Each article's density: of its closest candidates, and of the closest outside its group."""
    if label is not None:
        apart = label[pairs.first] != label[pairs.second]
        pairs = Pairs(pairs.first[apart], pairs.second[apart], pairs.similarity[apart])
    near = _density(pairs, count, settings.neighbours, 0)
    outside = _density(pairs, count, settings.neighbours, settings.mutual, settings.circle)
    return settings.near_weight * near + settings.outside_weight * outside


def scores(pairs: Pairs, judge: Judge) -> np.ndarray:
    """Each pair's similarity less its articles' mean density (``unrelated`` if barely similar)."""
    density, settings = judge.density, judge.settings
    score = pairs.similarity - (density[pairs.first] + density[pairs.second]) / 2
    return np.where(pairs.similarity >= settings.min_similarity, score, settings.unrelated)


def _ranks(ends: np.ndarray, similarity: np.ndarray, count: int) -> np.ndarray:
    """Each entry's rank, best first, among the entries of the same article (``ends``)."""
    order = np.lexsort((-similarity, ends))
    starts = np.searchsorted(ends[order], np.arange(count))
    rank = np.empty(len(ends), dtype=np.int64)
    rank[order] = np.arange(len(ends)) - starts[ends[order]]
    return rank


def _density(
    pairs: Pairs, count: int, neighbours: int, mutual: int, circle: float = 2.0
) -> np.ndarray:
    """Mean similarity of each article's ``neighbours`` closest candidates (a missing one is 0).

    With ``mutual``, candidates that are among each other's ``mutual`` closest
    are left out: they are the article's own group, and the density is that
    of the nearest articles outside it.
    """
    ends = np.concatenate([pairs.first, pairs.second])
    similarity = np.concatenate([pairs.similarity, pairs.similarity])
    if mutual:
        rank = _ranks(ends, similarity, count)
        half = len(pairs.first)
        top = np.zeros(count)
        np.maximum.at(top, ends, similarity)
        close = (pairs.similarity >= circle * top[pairs.first]) & (
            pairs.similarity >= circle * top[pairs.second]
        )
        apart = np.tile(((rank[:half] >= mutual) | (rank[half:] >= mutual)) & ~close, 2)
        ends, similarity = ends[apart], similarity[apart]
    closest = _ranks(ends, similarity, count) < neighbours
    return np.bincount(ends[closest], weights=similarity[closest], minlength=count) / neighbours


def components(pairs: Pairs, score: np.ndarray, count: int, threshold: float) -> np.ndarray:
    """The component of each article in the graph of pairs scoring at least ``threshold``."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    strong = score >= threshold
    graph = coo_matrix(
        (np.ones(int(strong.sum())), (pairs.first[strong], pairs.second[strong])),
        shape=(count, count),
    )
    return connected_components(graph, directed=False)[1]


class _Groups:
    """Groups being merged: their members and inner similarity, and per pair of linked groups
    the sums of their compared article pairs' scores and similarities."""

    def __init__(self, members: list[int], cohesion: float) -> None:
        self.cohesion = cohesion
        self.members = {m: [m] for m in members}
        self.version = dict.fromkeys(members, 0)
        self.inner = {m: [0.0, 0] for m in members}  # similarity summed over the group's pairs
        self.links: dict[int, dict[int, list[float]]] = {m: {} for m in members}
        self.merged: dict[int, int] = {}

    def link(self, a: int, b: int, score: float, similarity: float) -> None:
        self.links[a][b] = self.links[b][a] = [score, 1.0, similarity]

    def value(self, a: int, b: int) -> float:
        """The mean score of the groups' compared pairs, or their mean similarity less
        ``cohesion`` times the groups' own (if higher): fragments of one story as alike
        across as within are one story, however crowded its neighbourhood."""
        total, compared, similarity = self.links[a][b]
        # A pair's one similarity is no measure of a story's cohesion: three articles are.
        inner = [s / n for s, n in (self.inner[a], self.inner[b]) if n >= 3]
        if not inner:
            return total / compared
        return max(
            total / compared, similarity / compared - self.cohesion * sum(inner) / len(inner)
        )

    def entry(self, a: int, b: int) -> tuple[float, int, int, int, int]:
        """A heap entry for the pair: minus its value, the pair, and their versions."""
        a, b = min(a, b), max(a, b)
        return -self.value(a, b), a, b, self.version[a], self.version[b]

    def compared_all(self, a: int, b: int) -> bool:
        return self.links[a][b][1] == len(self.members[a]) * len(self.members[b])

    def set_means(self, a: int, b: int, score: float, similarity: float) -> None:
        """Record the means over every pair of the two groups, computed in full."""
        pairs = len(self.members[a]) * len(self.members[b])
        self.links[a][b][:] = [score * pairs, float(pairs), similarity * pairs]

    def merge(self, keep: int, gone: int) -> None:
        """Fold group ``gone`` into ``keep``, adding up their links to every other group."""
        pairs = len(self.members[keep]) * len(self.members[gone])
        across = self.links[keep][gone][2]
        gone_inner = self.inner.pop(gone)
        self.inner[keep] = [
            self.inner[keep][0] + gone_inner[0] + across,
            self.inner[keep][1] + gone_inner[1] + pairs,
        ]
        self.members[keep] += self.members.pop(gone)
        self.version[keep] += 1
        del self.version[gone]
        self.merged[gone] = keep
        gone_links = self.links.pop(gone)
        del self.links[keep][gone]
        for other, sums in gone_links.items():
            if other == keep:
                continue
            del self.links[other][gone]
            link = self.links[keep].setdefault(other, [0.0, 0.0, 0.0])
            for k in range(3):
                link[k] += sums[k]
            self.links[other][keep] = link


@dataclass(frozen=True)
class Judge:
    """What scoring any pair of articles needs: their rows and vectors, and their densities."""

    rows: csr_matrix
    vectors: np.ndarray
    density: np.ndarray
    settings: ClusterSettings

    def means(self, first: list[int], second: list[int]) -> tuple[float, float]:
        """Mean score and similarity of every pair of an article of ``first`` and one of ``second``."""
        share = self.settings.embedding_share
        words = (self.rows[first] @ self.rows[second].T).toarray()
        similarity = (1.0 - share) * words + share * (self.vectors[first] @ self.vectors[second].T)
        score = similarity - (self.density[first][:, None] + self.density[second][None, :]) / 2
        unrelated = similarity < self.settings.min_similarity
        return float(np.where(unrelated, self.settings.unrelated, score).mean()), float(
            similarity.mean()
        )


def _root(merged: dict[int, int], member: int) -> int:
    while member in merged:
        member = merged[member]
    return member


def _link(
    members: list[int], edges: list[tuple[int, int, float, float]], judge: Judge
) -> dict[int, int]:
    """Average linkage of one component: each member's group, named by one of its members."""
    groups = _Groups(members, judge.settings.cohesion)
    for a, b, score, similarity in edges:
        groups.link(a, b, score, similarity)
    heap = [groups.entry(a, b) for a, b, _, _ in edges]
    heapq.heapify(heap)
    threshold = judge.settings.threshold
    while heap and -heap[0][0] >= threshold:
        _, a, b, version_a, version_b = heapq.heappop(heap)
        if groups.version.get(a) != version_a or groups.version.get(b) != version_b:
            continue  # either group has merged since
        if not groups.compared_all(a, b):
            # Ordered by their compared pairs; judged on all of them.
            groups.set_means(a, b, *judge.means(groups.members[a], groups.members[b]))
            heapq.heappush(heap, groups.entry(a, b))
            continue
        keep, gone = (a, b) if len(groups.links[a]) >= len(groups.links[b]) else (b, a)
        groups.merge(keep, gone)
        for other in groups.links[keep]:
            heapq.heappush(heap, groups.entry(keep, other))
    return {m: _root(groups.merged, m) for m in members}


def labels(pairs: Pairs, judge: Judge) -> np.ndarray:
    """The group of each article, named by one of its members."""
    count = len(judge.density)
    score = scores(pairs, judge)
    component = components(pairs, score, count, judge.settings.threshold)
    label = np.arange(count)
    inside = component[pairs.first] == component[pairs.second]
    order = np.argsort(component[pairs.first[inside]], kind="stable")
    columns = [c[inside][order] for c in (pairs.first, pairs.second, score, pairs.similarity)]
    bounds = np.flatnonzero(np.diff(component[columns[0]])) + 1
    for first, second, score_part, similarity in zip(
        *(np.split(c, bounds) for c in columns), strict=True
    ):
        if not len(first):
            continue
        members = sorted(set(first.tolist()) | set(second.tolist()))
        edges = list(
            zip(
                first.tolist(),
                second.tolist(),
                score_part.tolist(),
                similarity.tolist(),
                strict=True,
            )
        )
        for member, root in _link(members, edges, judge).items():
            label[member] = root
    return label
