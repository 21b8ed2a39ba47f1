"""Near-exact copies in a pile: a wire story run by several outlets, one page crawled twice.

Each article's body is cut into overlapping runs of ``shingle_words`` words
(case and punctuation ignored), and two articles whose sets of runs overlap
by at least ``duplicate_jaccard`` (Jaccard similarity) are copies. Sets are
compared by their MinHash signatures, candidates found by locality-sensitive
hashing (datasketch): no pair of the pile is compared unless their signatures
agree on a whole band, so the cost grows with the pile, not its square.

Copies of copies are one set, and every article of a set is a copy of the
set's *original*: its article of the smallest id (then source), so the
answer does not depend on the order of the input.
"""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING

import numpy as np

from storybrief.models import Article
from storybrief.nlp.minhash import SCHEME, SEED, signature

if TYPE_CHECKING:
    from storybrief.settings import ClusterSettings

_WORD = re.compile(r"\w+")
_MULTIPLIER = np.uint64(1_000_003)  # a prime: a run's hash mixes its words in order
_LOW_32_BITS = np.uint64(0xFFFFFFFF)  # datasketch's default scheme takes 32-bit hashes


def shingles(text: str, size: int) -> np.ndarray:
    """A 32-bit hash of each distinct run of ``size`` words of ``text`` (case and punctuation
    ignored); a shorter text is one run, an empty one none.

    Each word is hashed once (crc32: stable, where Python's own hash is salted per process),
    and a run's hash is computed from its words' with NumPy, a whole text at a time.
    """
    found = _WORD.findall(text.casefold())
    if not found:
        return np.zeros(0, dtype=np.uint64)
    words = np.fromiter((zlib.crc32(w.encode()) for w in found), np.uint64, len(found))
    runs = max(1, len(found) - size + 1)
    hashes = np.zeros(runs, dtype=np.uint64)
    for k in range(min(size, len(found))):
        hashes = (hashes * _MULTIPLIER + words[k : k + runs]) & _LOW_32_BITS
    return np.unique(hashes)


def signatures(articles: list[Article], settings: ClusterSettings) -> tuple[np.ndarray, np.ndarray]:
    """Whether each article's body has words, and its MinHash signature (a row of hash values;
    zeros for one without words). The same for a pile or any block of it.

    The runs are hashed already (``shingles``): a signature takes them as they are, as
    datasketch's ``MinHash(hashfunc=int)`` would (``nlp.minhash``; its own import is slow).
    """
    count = settings.minhash_permutations
    signed = np.zeros(len(articles), dtype=bool)
    out = np.zeros((len(articles), count), dtype=np.uint32)
    for n, article in enumerate(articles):
        runs = shingles(article.body, settings.shingle_words)
        if len(runs):
            signed[n], out[n] = True, signature(runs, count)
    return signed, out


def _root(parent: list[int], item: int) -> int:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


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
    """``originals``, from the articles' canonical ``keys`` and their ``signatures``."""
    from datasketch import MinHashLSH
    from datasketch.lean_minhash import LeanMinHash

    order = sorted(range(len(keys)), key=keys.__getitem__)
    rank = {i: n for n, i in enumerate(order)}
    index = MinHashLSH(threshold=settings.duplicate_jaccard, num_perm=settings.minhash_permutations)
    signs: dict[int, LeanMinHash] = {}
    # Each article is compared with those before it in the canonical order, so
    # a set's smallest member is always the root it is joined under.
    parent = list(range(len(keys)))
    for i in (i for i in order if signed[i]):
        # Made by ``nlp.minhash.signature`` (``signatures``): its seed and scheme.
        signs[i] = sign = LeanMinHash(seed=SEED, hashvalues=signature[i], scheme=SCHEME)
        for j in index.query(sign):
            if sign.jaccard(signs[j]) >= settings.duplicate_jaccard:
                low, high = sorted((_root(parent, i), _root(parent, j)), key=rank.__getitem__)
                parent[high] = low
        index.insert(i, sign)
    copies = {i: _root(parent, i) for i in range(len(keys))}
    return {i: root for i, root in copies.items() if root != i}
