"""MinHash signatures by datasketch's arithmetic (``nlp.minhash``): its values, not its import."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from storybrief.nlp.minhash import EMPTY, resemblance, sha1_hashes, signature

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


def test_the_briefs_side_does_not_import_datasketch() -> None:
    # A fresh interpreter: this one's tests may have imported it already.
    code = "import sys, storybrief.pipeline, storybrief.analyze; print('datasketch' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
