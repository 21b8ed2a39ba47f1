"""MinHash signatures and their banding by datasketch's own arithmetic, without importing it.

datasketch's default scheme ("affine32"): each 32-bit hash of a set's items is
mixed by the MurmurHash3 finalizer, then put through ``count`` affine maps
``a * h + b`` (modulo 2**32, ``a`` odd), and a signature keeps each map's least
value; its permutations are drawn from NumPy's ``RandomState(seed)``, whose
stream NumPy keeps fixed. Its LSH (``MinHashLSH``) files each signature under
``b`` bands of ``r`` values, ``b`` and ``r`` chosen by two integrals (``bands``).
The same values, bands and candidates as datasketch's (checked by
``tests/test_minhash.py``), computed here because importing datasketch imports
scipy's integrate module for those integrals (0.35 s of CPU in each process that
imports it): the briefs' syndication and the grouping's copies (``cluster.duplicates``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np

EMPTY = np.uint32(0xFFFFFFFF)  # a signature's value before any item: datasketch's too
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


def signature(hashes: np.ndarray, count: int, seed: int = 1) -> np.ndarray:
    """The signature (``count`` uint32 values) of a set given by its items' 32-bit hashes."""
    if not len(hashes):
        return np.full(count, EMPTY, dtype=np.uint32)
    a, b = permutations(count, seed)
    mixed = _mixed(hashes.astype(np.uint32).reshape(-1, 1))
    return (mixed * a + b).min(axis=0)


def sha1_hashes(items: Iterable[bytes]) -> np.ndarray:
    """The 32-bit hash datasketch gives each item by default: SHA-1's first four bytes."""
    return np.fromiter(
        (int.from_bytes(hashlib.sha1(item).digest()[:4], "little") for item in items), np.uint32
    )


def resemblance(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity of two sets estimated from their signatures (``MinHash.jaccard``)."""
    return float(np.count_nonzero(a == b)) / float(len(a))


@lru_cache(maxsize=8)
def bands(threshold: float, count: int) -> tuple[int, int]:
    """The bands and rows per band datasketch's ``MinHashLSH(threshold, count)`` chooses: of
    every ``b`` bands of ``r`` rows (``b * r <= count``), the first least even sum of the chance
    that a pair under ``threshold`` shares a band and that one over it shares none.

    datasketch integrates each chance with scipy's ``quad`` (its import is the slow part);
    here by Gauss-Legendre with enough nodes to be exact, as the chance is a polynomial of
    degree ``b * r``. The same choice (checked against datasketch by ``tests/test_minhash.py``).
    """
    pairs = [(b, r) for b in range(1, count + 1) for r in range(1, count // b + 1)]
    b, r = (np.array(column, dtype=float).reshape(-1, 1) for column in zip(*pairs, strict=True))
    nodes, weights = np.polynomial.legendre.leggauss(count // 2 + 1)

    def shares_a_band(low: float, high: float) -> np.ndarray:
        """Each pair's chance of sharing a band, integrated over similarity ``low`` to ``high``."""
        similarity = (high - low) / 2 * nodes + (high + low) / 2
        return (high - low) / 2 * ((1 - (1 - similarity**r) ** b) @ weights)

    false_positive = shares_a_band(0.0, threshold)
    false_negative = (1.0 - threshold) - shares_a_band(threshold, 1.0)
    error = false_positive * 0.5 + false_negative * 0.5
    # The first of pairs tied (to rounding): datasketch keeps a pair only if strictly better.
    return pairs[int(np.flatnonzero(error <= error.min() + 1e-12)[0])]


class BandIndex:
    """Signatures filed by band, as datasketch's ``MinHashLSH`` (dict storage) files them: a
    signature is a candidate for another if all the values of one band of theirs are equal."""

    def __init__(self, threshold: float, count: int) -> None:
        self.count, self.rows = bands(threshold, count)
        self.tables: list[dict[bytes, list[int]]] = [{} for _ in range(self.count)]

    def _keys(self, row: np.ndarray) -> list[bytes]:
        return [row[k * self.rows : (k + 1) * self.rows].tobytes() for k in range(self.count)]

    def query(self, row: np.ndarray) -> set[int]:
        """The keys filed under any of the bands of signature ``row``."""
        tables = zip(self.tables, self._keys(row), strict=True)
        return {key for table, band in tables for key in table.get(band, ())}

    def insert(self, key: int, row: np.ndarray) -> None:
        """File ``key`` under each band of signature ``row``."""
        for table, band in zip(self.tables, self._keys(row), strict=True):
            table.setdefault(band, []).append(key)
