"""MinHash signatures and bands by datasketch's arithmetic (``nlp.minhash``): its values, not its
import."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from storybrief.nlp.minhash import (
    EMPTY,
    BandIndex,
    bands,
    resemblance,
    sha1_hashes,
    signature,
)

_SETS = [
    [b"the minister said", b"minister said on", b"said on tuesday"],
    [b"the minister said", b"a different run"],
    [b"one"],
    [],
]


@pytest.mark.parametrize("count", [16, 128])
@pytest.mark.parametrize("seed", [1, 7])
def test_signatures_and_resemblance_are_datasketchs(count: int, seed: int) -> None:
    from datasketch import MinHash

    expected = MinHash.bulk(_SETS, num_perm=count, seed=seed)
    found = [signature(sha1_hashes(items), count, seed) for items in _SETS]
    for mine, theirs in zip(found, expected, strict=True):
        assert mine.dtype == theirs.hashvalues.dtype
        assert mine.tolist() == theirs.hashvalues.tolist()
    assert resemblance(found[0], found[1]) == expected[0].jaccard(expected[1])


def test_an_empty_set_is_all_empty_and_repeats_do_not_count() -> None:
    assert (signature(sha1_hashes([]), 8) == EMPTY).all()
    once = signature(sha1_hashes([b"a", b"b"]), 8)
    assert np.array_equal(once, signature(sha1_hashes([b"b", b"a", b"a"]), 8))
    assert resemblance(once, once) == 1.0


@pytest.mark.parametrize(("threshold", "count"), [(0.3, 16), (0.5, 2), (0.8, 128), (0.9, 64)])
def test_the_bands_are_those_datasketch_chooses(threshold: float, count: int) -> None:
    from datasketch.lsh import _optimal_param  # what ``MinHashLSH`` calls

    # (0.5, 2): one band of one row and two of one are tied; datasketch keeps the first.
    assert bands(threshold, count) == _optimal_param(threshold, count, 0.5, 0.5)


def test_the_candidates_are_datasketchs() -> None:
    from datasketch import MinHash, MinHashLSH

    draw = np.random.RandomState(0)
    base = draw.randint(0, 1 << 32, 128, dtype=np.uint64).astype(np.uint32)
    rows = []
    for share in (1.0, 0.95, 0.9, 0.85, 0.8, 0.7, 0.5, 0.0) * 3:  # values kept from ``base``
        fresh = draw.randint(0, 1 << 32, 128, dtype=np.uint64).astype(np.uint32)
        rows.append(np.where(draw.random_sample(128) < share, base, fresh))
    index, theirs = BandIndex(0.8, 128), MinHashLSH(threshold=0.8, num_perm=128)
    found = []
    for key, row in enumerate(rows):
        sign = MinHash(num_perm=128, hashvalues=row, scheme="affine32")
        assert index.query(row) == set(theirs.query(sign))
        found.append(index.query(row))
        index.insert(key, row)
        theirs.insert(key, sign)
    assert found[1] == {0} and not found[-1]  # a near copy is a candidate; a stranger is not


def test_neither_the_briefs_nor_the_grouping_import_datasketch() -> None:
    # A fresh interpreter: this one's tests may have imported it already.
    code = (
        "import sys, storybrief.pipeline, storybrief.analyze, storybrief.pile;"
        "from storybrief.cluster import stories; from storybrief.models import Article;"
        "stories([Article(id='a', source='s', paragraphs=['one two three four five six'])]*2);"
        "print('datasketch' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
