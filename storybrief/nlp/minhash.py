"""MinHash signatures by datasketch's own arithmetic, without importing datasketch.

datasketch's default scheme ("affine32"): each 32-bit hash of a set's items is
mixed by the MurmurHash3 finalizer, then put through ``count`` affine maps
``a * h + b`` (modulo 2**32, ``a`` odd), and a signature keeps each map's least
value; its permutations are drawn from NumPy's ``RandomState(seed)``, whose
stream NumPy keeps fixed. The same values as ``datasketch.MinHash`` (checked by
``tests/test_minhash.py``), computed here because importing datasketch imports
scipy's integrate module, for the LSH parameters (0.35 s of CPU in each process
that imports it), which grouping a pile's copies computes itself
(``cluster.duplicates.bands``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

EMPTY = np.uint32(0xFFFFFFFF)  # a signature's value before any item: datasketch's too
# datasketch's defaults, which a signature here is made by: its LSH reads them with it.
SEED, SCHEME = 1, "affine32"
# The MurmurHash3 finalizer's shifts and multipliers for 32 bits.
_FMIX = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))


@lru_cache(maxsize=4)
def permutations(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``count`` affine maps' multipliers (odd) and offsets, drawn as datasketch draws them."""
    draw = np.random.RandomState(seed)
    a = draw.randint(0, 1 << 31, count, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = draw.randint(0, 1 << 32, count, dtype=np.uint32)
    return a, b


def _mixed(hashes: np.ndarray) -> np.ndarray:
    """The MurmurHash3 finalizer of each 32-bit hash (an avalanching bijection)."""
    s1, m1, s2, m2, s3 = _FMIX
    mixed = hashes ^ (hashes >> s1)
    mixed = mixed * m1
    mixed = mixed ^ (mixed >> s2)
    mixed = mixed * m2
    return mixed ^ (mixed >> s3)


def signature(hashes: np.ndarray, count: int, seed: int = SEED) -> np.ndarray:
    """The signature (``count`` uint32 values) of a set given by its items' 32-bit hashes."""
    if not len(hashes):
        return np.full(count, EMPTY, dtype=np.uint32)
    # One set's least values by ``min``: ``reduceat`` costs ~1.45x as much on a brief's
    # sentence-sized sets.
    return _permuted(hashes, count, seed).min(axis=0)


def many_signatures(
    hashes: np.ndarray, sizes: np.ndarray, count: int, seed: int = SEED
) -> np.ndarray:
    """The signatures (a row each) of sets given one after the other by their items' hashes,
    ``sizes`` (each above 0) items each: each a least value, so the same as one at a time."""
    values = _permuted(hashes, count, seed)
    return np.minimum.reduceat(values, np.cumsum(sizes) - sizes, axis=0)


def _permuted(hashes: np.ndarray, count: int, seed: int) -> np.ndarray:
    """Each item's value under each of the ``count`` permutations (a row per item)."""
    a, b = permutations(count, seed)
    return _mixed(hashes.astype(np.uint32))[:, None] * a + b


def sha1_hashes(items: Iterable[bytes]) -> np.ndarray:
    """The 32-bit hash datasketch gives each item by default: SHA-1's first four bytes."""
    return np.fromiter(
        (int.from_bytes(hashlib.sha1(item).digest()[:4], "little") for item in items), np.uint32
    )


def resemblance(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity of two sets estimated from their signatures (``MinHash.jaccard``)."""
    return float(np.count_nonzero(a == b)) / float(len(a))
