"""Near-exact copies in a pile: a wire story run by several outlets, one page crawled twice.

Each article's body is cut into overlapping runs of ``shingle_words`` words
(case and punctuation ignored), and two articles whose sets of runs overlap
by at least ``duplicate_jaccard`` (Jaccard similarity) are copies. Sets are
compared by their MinHash signatures, candidates found by locality-sensitive
hashing (the bands of datasketch's LSH, matched by sorting): no pair of the pile
is compared unless their signatures agree on a whole band, so the cost grows
with the pile, not its square.

Copies of copies are one set, and every article of a set is a copy of the
set's *original*: its article of the smallest id (then source), so the
answer does not depend on the order of the input.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from functools import cache
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np

from storybrief.models import Article
from storybrief.nlp.minhash import many_signatures

if TYPE_CHECKING:
    from storybrief.settings import ClusterSettings

_WORD = re.compile(r"\w+")
_MULTIPLIER = np.uint64(1_000_003)  # a prime: a run's hash mixes its words in order
_LOW_32_BITS = np.uint64(0xFFFFFFFF)  # datasketch's default scheme takes 32-bit hashes
# Candidate pairs compared at once: both signatures of each are copied (1 KB a pair).
_CHUNK = 65_536
# Words signed at once: each run of them takes a row of values (512 bytes at 128 permutations).
_WORDS_AT_ONCE = 32_768


def shingles(text: str, size: int) -> np.ndarray:
    """A 32-bit hash of each distinct run of ``size`` words of ``text`` (case and punctuation
    ignored); a shorter text is one run, an empty one none.

    Each word is hashed once (crc32: stable, where Python's own hash is salted per process),
    and a run's hash is computed from its words' with NumPy (``_run_hashes``).
    """
    found = _WORD.findall(text.casefold())
    if not found:
        return np.zeros(0, dtype=np.uint64)
    return np.unique(_run_hashes(_word_hashes(found), np.array([len(found)]), size)[0])


def _word_hashes(words: list[str]) -> np.ndarray:
    """The crc32 of each word (UTF-8), as uint64."""
    return np.fromiter(map(zlib.crc32, map(str.encode, words)), np.uint64, len(words))


def _run_hashes(words: np.ndarray, lengths: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The hash of each run of ``size`` words of several texts, text after text, run after
    run, and how many runs each text has: the texts' words' hashes are ``words``, ``lengths``
    (each above 0) of them in turn.

    A run's hash is its words' hashes read as the digits of a number in base ``_MULTIPLIER``,
    modulo 2**32; a text shorter than ``size`` is one run of all its words.
    """
    runs = np.maximum(1, lengths - size + 1)
    first_run = np.repeat(np.cumsum(runs) - runs, runs)
    first = np.repeat(np.cumsum(lengths) - lengths, runs) + np.arange(len(first_run)) - first_run
    span = np.repeat(np.minimum(lengths, size), runs)
    hashes = np.zeros(len(first), dtype=np.uint64)
    for k in range(size):
        more = k < span  # a short text's run has no k-th word: its hash stays
        digit = words[np.where(more, first + k, 0)]
        hashes = np.where(more, (hashes * _MULTIPLIER + digit) & _LOW_32_BITS, hashes)
    return hashes, runs


def signatures(articles: list[Article], settings: ClusterSettings) -> tuple[np.ndarray, np.ndarray]:
    """Whether each article's body has words, and its MinHash signature (a row of hash values;
    zeros for one without words). The same for a pile or any block of it.

    The runs are hashed already (``shingles``): a signature takes them as they are, as
    datasketch's ``MinHash(hashfunc=int)`` would (``nlp.minhash``; its own import is slow).
    Articles are signed many at once (``_worded``): the same values as one at a time.
    """
    count = settings.minhash_permutations
    signed = np.zeros(len(articles), dtype=bool)
    out = np.zeros((len(articles), count), dtype=np.uint32)
    for rows, found in _worded(articles):
        lengths = np.fromiter(map(len, found), np.intp, len(found))
        words = _word_hashes(list(chain.from_iterable(found)))
        hashes, runs = _distinct(*_run_hashes(words, lengths, settings.shingle_words))
        signed[rows], out[rows] = True, many_signatures(hashes, runs, count)
    return signed, out


def _distinct(hashes: np.ndarray, runs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each text's distinct run hashes, text after text, and how many each has (as
    ``_run_hashes``), when the block holds more runs than a block is meant to: a signature
    takes a row of values per run it is given, and a long text that repeats itself ("the
    the the ...", a few MB under the size limit) would take GBs for the few runs
    ``shingles`` keeps of it. A block of a usual size is left (sorting it costs a third of
    its signing time, and the least values are the same)."""
    if len(hashes) <= 2 * _WORDS_AT_ONCE:
        return hashes, runs
    text = np.repeat(np.arange(len(runs), dtype=np.uint64), runs) << np.uint64(32)
    keyed = np.unique(text | hashes)  # a run's hash is below 2**32: the text is the high bits
    counts = np.bincount((keyed >> np.uint64(32)).astype(np.intp), minlength=len(runs))
    return keyed & _LOW_32_BITS, counts


def _worded(articles: list[Article]) -> Iterator[tuple[list[int], list[list[str]]]]:
    """The articles whose body has words, by their rows, with their words (case ignored), a
    few at a time: about ``_WORDS_AT_ONCE`` words, each run of which takes a row of values."""
    rows: list[int] = []
    found: list[list[str]] = []
    held = 0
    for n, article in enumerate(articles):
        words = _WORD.findall(article.body.casefold())
        if words:
            rows.append(n)
            found.append(words)
            held += len(words)
        if held >= _WORDS_AT_ONCE:
            yield rows, found
            rows, found, held = [], [], 0
    if rows:
        yield rows, found


def originals(articles: list[Article], settings: ClusterSettings) -> dict[int, int]:
    """For each article of ``articles`` that copies another, the index of its set's original.

    Articles with no words in their body copy nothing.
    """
    signed, signature = signatures(articles, settings)
    return copies_of([(a.id, a.source) for a in articles], signed, signature, settings)


def copies_of(
    keys: list[tuple[str, ...]],
    signed: np.ndarray,
    signature: np.ndarray,
    settings: ClusterSettings,
) -> dict[int, int]:
    """``originals``, from the articles' canonical ``keys`` and their ``signatures``.

    Two signed articles are compared when their signatures agree on a whole band of
    datasketch's LSH for ``duplicate_jaccard`` (``bands``), and are copies when they agree on
    at least that share of their values (``LeanMinHash.jaccard``). Bands are matched by sorting
    the signatures, not in datasketch's index: its dict entry and set per band and article
    took 600 MB at 100,000 articles. Articles of one signature are compared once, as one.
    """
    rows = np.flatnonzero(signed)
    if len(rows) < 2:
        return {}
    cuts = bands(settings.duplicate_jaccard, settings.minhash_permutations)
    # Each band's values (and those past the last band) numbered: two signatures are the
    # same when all their numbers are, found without sorting a copy of every signature.
    rest = [(cuts[-1][1], signature.shape[1])] if cuts[-1][1] < signature.shape[1] else []
    spans = [*cuts, *rest]
    numbered = np.stack([_numbered(signature[rows, start:end]) for start, end in spans], axis=1)
    _, first_of, same = np.unique(numbered, axis=0, return_index=True, return_inverse=True)
    # Each article stands for its signature: joined to the first of it, and the first of
    # each signature to the firsts of those alike.
    stand_in = rows[first_of]
    one, other = _alike(numbered[first_of, : len(cuts)], stand_in, signature, settings)
    ends = (
        np.concatenate([rows, stand_in[one]]),
        np.concatenate([stand_in[same.ravel()], stand_in[other]]),
    )
    return _originals(keys, ends)


def _numbered(values: np.ndarray) -> np.ndarray:
    """A number for each row of ``values``, the same for the same row."""
    return np.unique(values, axis=0, return_inverse=True)[1].ravel()


def _originals(keys: list[tuple[str, ...]], ends: tuple[np.ndarray, np.ndarray]) -> dict[int, int]:
    """Each article joined to another by ``ends`` (copies of copies too): its set's smallest
    member in the order of ``keys``, if that is not itself."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    count = len(keys)
    graph = coo_matrix((np.ones(len(ends[0])), ends), shape=(count, count))
    label = connected_components(graph, directed=False)[1]
    order = np.array(sorted(range(count), key=keys.__getitem__), dtype=np.int64)
    root = np.full(count, -1, dtype=np.int64)
    for row in order[::-1]:  # the last write is each set's first member in canonical order
        root[label[row]] = row
    return {i: int(root[label[i]]) for i in range(count) if root[label[i]] != i}


# Nodes of the Gauss-Legendre rule the bands' chances of error are integrated by.
_NODES = 96


@cache
def bands(threshold: float, permutations: int) -> list[tuple[int, int]]:
    """The ranges of signature values datasketch's ``MinHashLSH`` bands for ``threshold``: ``b``
    bands of ``r`` values, ``b * r`` at most ``permutations``, whose chances of a false positive
    (two sets less alike than ``threshold`` sharing a band, integrated over their likeness) and
    of a false negative, weighed half and half, are least (the first such in ``b``, then ``r``).

    Computed here by a Gauss-Legendre rule, not by datasketch (scipy's ``quad``): importing it
    and scipy's integrate module took 0.16-0.18 s of CPU in each process that groups. The same
    bands as datasketch's for thresholds 0.05 to 0.99 and 2 to 512 permutations (BENCHMARKS.md,
    twenty-first session, review; the tests check a grid of them)."""
    layouts = [(b, r) for b in range(1, permutations + 1) for r in range(1, permutations // b + 1)]
    b, r = np.hsplit(np.array(layouts, dtype=np.float64), 2)  # columns: a layout a row
    nodes, weights = np.polynomial.legendre.leggauss(_NODES)

    def integral(low: float, high: float, chance: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        half = (high - low) / 2
        return chance(half * nodes + (high + low) / 2) @ weights * half

    positive = integral(0.0, threshold, lambda s: 1 - (1 - s**r) ** b)
    negative = integral(threshold, 1.0, lambda s: (1 - s**r) ** b)
    best = int(np.argmin(positive * 0.5 + negative * 0.5))
    count, size = int(b[best, 0]), int(r[best, 0])
    if count < 2:
        raise ValueError(f"one band of {size} values: no LSH for {threshold}, as datasketch's")
    return [(n * size, (n + 1) * size) for n in range(count)]


def _alike(
    band: np.ndarray, stand_in: np.ndarray, signature: np.ndarray, settings: ClusterSettings
) -> tuple[np.ndarray, np.ndarray]:
    """The pairs of distinct signatures (rows ``stand_in`` of ``signature``; their bands
    numbered in ``band``) that agree on a whole band and on at least ``duplicate_jaccard`` of
    their values."""
    found = [pair for column in band.T for pair in _together(column)]
    if not found:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pair = np.unique(np.concatenate([a * len(band) + b for a, b in found]))
    one, other = pair // len(band), pair % len(band)
    agree = np.concatenate(
        [
            np.count_nonzero(
                signature[stand_in[one[k : k + _CHUNK]]]
                == signature[stand_in[other[k : k + _CHUNK]]],
                axis=1,
            )
            for k in range(0, len(one), _CHUNK)
        ]
    )
    alike = agree / np.float64(signature.shape[1]) >= settings.duplicate_jaccard
    return one[alike], other[alike]


def _together(label: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Every pair of positions of one ``label``, the lower position first."""
    order = np.argsort(label, kind="stable")
    starts = np.flatnonzero(np.diff(label[order], prepend=-1))
    sizes = np.diff(np.append(starts, len(order)))
    for size in np.unique(sizes[sizes > 1]).tolist():
        members = order[starts[sizes == size][:, None] + np.arange(size)]
        low, high = np.triu_indices(size, 1)
        yield members[:, low].ravel(), members[:, high].ravel()
