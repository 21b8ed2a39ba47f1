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
from collections.abc import Callable
from typing import TYPE_CHECKING

from storybrief.models import Article

if TYPE_CHECKING:
    from datasketch import MinHash

    from storybrief.settings import ClusterSettings

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> set[bytes]:
    """The runs of ``size`` words of ``text``, lower case; a shorter text is one run."""
    found = _WORD.findall(text.casefold())
    runs = max(1, len(found) - size + 1) if found else 0
    return {" ".join(found[i : i + size]).encode() for i in range(runs)}


def _signer(settings: ClusterSettings) -> Callable[[set[bytes]], MinHash]:
    """A function from a set of runs to its MinHash; the permutations are drawn once."""
    from datasketch import MinHash

    # crc32: a stable hash (Python's own is salted per process), ten times faster than sha1.
    template = MinHash(num_perm=settings.minhash_permutations, hashfunc=zlib.crc32)

    def sign(runs: set[bytes]) -> MinHash:
        signature = template.copy()  # empty, sharing the template's permutations
        signature.update_batch(sorted(runs))
        return signature

    return sign


def _root(parent: list[int], item: int) -> int:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def originals(articles: list[Article], settings: ClusterSettings) -> dict[int, int]:
    """For each article of ``articles`` that copies another, the index of its set's original.

    Articles with no words in their body copy nothing.
    """
    from datasketch import MinHashLSH

    order = sorted(range(len(articles)), key=lambda i: (articles[i].id, articles[i].source))
    rank = {i: n for n, i in enumerate(order)}
    sign = _signer(settings)
    index = MinHashLSH(threshold=settings.duplicate_jaccard, num_perm=settings.minhash_permutations)
    signatures: dict[int, MinHash] = {}
    # Each article is compared with those before it in the canonical order, so
    # a set's smallest member is always the root it is joined under.
    parent = list(range(len(articles)))
    for i in order:
        runs = shingles(articles[i].body, settings.shingle_words)
        if not runs:
            continue
        signatures[i] = signature = sign(runs)
        for j in index.query(signature):
            if signature.jaccard(signatures[j]) >= settings.duplicate_jaccard:
                low, high = sorted((_root(parent, i), _root(parent, j)), key=rank.__getitem__)
                parent[high] = low
        index.insert(i, signature)
    copies = {i: _root(parent, i) for i in range(len(articles))}
    return {i: root for i, root in copies.items() if root != i}
