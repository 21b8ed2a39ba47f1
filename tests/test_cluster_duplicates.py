"""Near-exact copies (MinHash LSH): found, named by their original, whatever the input order."""

from __future__ import annotations

import random

import numpy as np
import pytest

from storybrief.cluster import stories
from storybrief.cluster.duplicates import originals, shingles
from storybrief.models import Article
from storybrief.nlp.minhash import many_signatures
from storybrief.settings import ClusterSettings

WIRE = (
    "The regional council voted on Tuesday to close the Harbour Bridge for six weeks of repairs "
    "after engineers found cracks in two of its supporting piers during a routine inspection. "
    "Traffic will be diverted over the Mill Street crossing, which the council said could add "
    "twenty minutes to journeys at peak hours. Ferry services will run every fifteen minutes."
)
OTHER = (
    "Rovers have signed the striker Tomas Varga from Eastfield for a club-record fee, the "
    "club said on Wednesday, ending a summer of speculation about his future. Varga scored "
    "nineteen league goals last season and agreed a four-year contract after a medical."
)


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, source=f"{article_id}.txt", paragraphs=[text])


def _pile() -> list[Article]:
    return [
        _article("wire-c", WIRE),
        _article("wire-a", WIRE + " (Reuters)"),
        _article("rewrite", WIRE.replace("voted on Tuesday to close", "will shut")[:150]),
        _article("wire-b", WIRE.upper()),  # case is no difference
        _article("sport", OTHER),
        _article("empty", ""),
    ]


def _named(articles: list[Article]) -> dict[str, str]:
    found = originals(articles, ClusterSettings())
    return {articles[i].id: articles[j].id for i, j in found.items()}


def test_copies_are_named_by_the_smallest_id_of_their_set_in_any_order() -> None:
    articles = _pile()
    assert _named(articles) == {"wire-b": "wire-a", "wire-c": "wire-a"}
    for seed in range(4):
        random.Random(seed).shuffle(articles)
        assert _named(articles) == {"wire-b": "wire-a", "wire-c": "wire-a"}


def test_runs_of_words_ignore_case_and_punctuation_and_a_short_text_is_one_run() -> None:
    assert len(shingles("The Bridge, closed!", 5)) == 1
    assert shingles("The Bridge, closed!", 5).tolist() == shingles("the bridge closed", 5).tolist()
    assert len(shingles("a b c d e f a b c d e", 5)) == 6  # "a b c d e" twice, counted once
    assert shingles("b a c d e", 5).tolist() != shingles("a b c d e", 5).tolist()  # order counts
    assert len(shingles("  ", 5)) == 0


def test_a_copy_joins_its_original_story_and_is_reported() -> None:
    articles = _pile()
    grouped, copies = stories(articles)
    story_of = {a.id: n for n, story in enumerate(grouped) for a in story}
    assert story_of["wire-b"] == story_of["wire-c"] == story_of["wire-a"]
    assert story_of["sport"] != story_of["wire-a"]
    assert len(copies) == 2
    assert sum(map(len, grouped)) == len(articles)


def test_signatures_are_datasketchs_own() -> None:
    from datasketch import MinHash

    from storybrief.cluster.duplicates import signatures

    settings = ClusterSettings()
    bodies = ["one two three four five six seven", "a b", "the same words again and again"]
    articles = [Article(id=str(n), source="s", paragraphs=[body]) for n, body in enumerate(bodies)]
    signed, found = signatures(articles, settings)
    assert signed.all()
    for body, row in zip(bodies, found, strict=True):
        expected = MinHash(num_perm=settings.minhash_permutations, hashfunc=int)
        expected.update_batch(shingles(body, settings.shingle_words).tolist())
        assert row.tolist() == expected.hashvalues.tolist()


def _lsh_copies(keys: list[tuple[str, str]], signed: np.ndarray, rows: np.ndarray) -> dict:
    """The copies as datasketch's LSH finds them: each signed article queried against those
    before it in canonical order, joined to those it agrees with on 0.8 of its values."""
    from datasketch import MinHashLSH
    from datasketch.lean_minhash import LeanMinHash

    index, signs = MinHashLSH(threshold=0.8, num_perm=128), {}
    parent = list(range(len(keys)))

    def root(i: int) -> int:
        return i if parent[i] == i else root(parent[i])

    for i in sorted((i for i in range(len(keys)) if signed[i]), key=keys.__getitem__):
        signs[i] = LeanMinHash(seed=1, hashvalues=rows[i], scheme="affine32")
        for j in index.query(signs[i]):
            if signs[i].jaccard(signs[j]) >= 0.8:
                low, high = sorted((root(i), root(j)), key=keys.__getitem__)
                parent[high] = low
        index.insert(i, signs[i])
    return {i: root(i) for i in range(len(keys)) if root(i) != i}


def test_copies_are_those_datasketchs_lsh_finds() -> None:
    from storybrief.cluster.duplicates import copies_of

    draw = np.random.default_rng(7)
    for _ in range(5):
        count = int(draw.integers(50, 200))
        # Few distinct signatures, each copied with 0-40% of its values redrawn: pairs
        # either side of 0.8, pairs that share a band only, and identical signatures.
        base = draw.integers(0, 2**32, size=(count // 6, 128), dtype=np.uint64)
        rows = base[draw.integers(0, len(base), count)]
        for row in rows:
            redrawn = draw.choice(128, int(draw.integers(0, 50)), replace=False)
            row[redrawn] = draw.integers(0, 2**32, len(redrawn), dtype=np.uint64)
        rows = rows.astype(np.uint32)
        signed = draw.random(count) > 0.1
        keys = [(f"{draw.integers(0, 40):02d}", f"s{n}") for n in range(count)]
        expected = _lsh_copies(keys, signed, rows)
        assert len(expected) > count // 10  # the fixture has copies to find
        assert copies_of(keys, signed, rows, ClusterSettings()) == expected


def test_bands_are_datasketchs_lshs_own() -> None:
    from datasketch import MinHashLSH

    from storybrief.cluster.duplicates import bands

    for permutations in (16, 64, 128, 256):
        for threshold in np.round(np.arange(0.3, 0.86, 0.05), 2).tolist():
            lsh = MinHashLSH(threshold=threshold, num_perm=permutations)
            assert bands(threshold, permutations) == lsh.hashranges
    with pytest.raises(ValueError):  # one band: datasketch's LSH refuses it too
        bands(0.95, 16)


def test_piles_of_none_one_unsigned_or_identical_articles() -> None:
    assert _named([]) == {}
    assert _named([_article("wire-a", WIRE)]) == {}
    assert _named([_article("empty-a", ""), _article("empty-b", "")]) == {}  # unsigned: no copies
    same = [_article(f"wire-{n}", WIRE) for n in "dbca"]  # one signature, found in any order
    for seed in range(3):
        random.Random(seed).shuffle(same)
        found = _named([*same, _article("empty", "")])
        assert found == {"wire-b": "wire-a", "wire-c": "wire-a", "wire-d": "wire-a"}


def _runs_by_hand(body: str, size: int) -> list[int]:
    """Each run's hash, one run and one word at a time in Python integers."""
    import re
    import zlib

    found = [zlib.crc32(w.encode()) for w in re.findall(r"\w+", body.casefold())]
    runs = [found[i : i + size] for i in range(max(1, len(found) - size + 1))] if found else []
    hashes = []
    for run in runs:
        value = 0
        for word in run:
            value = (value * 1_000_003 + word) % 2**32
        hashes.append(value)
    return hashes


def test_signatures_of_a_pile_signed_in_blocks_are_each_article_signed_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from datasketch import MinHash

    from storybrief.cluster import duplicates
    from storybrief.cluster.duplicates import signatures

    monkeypatch.setattr(duplicates, "_WORDS_AT_ONCE", 9)  # blocks end inside and between texts
    settings = ClusterSettings()
    draw = random.Random(3)
    vocabulary = (WIRE + " " + OTHER + " Ünïcode naïve façade").split()
    bodies = ["", "one", "a b", "x y z w", "  ", WIRE, OTHER, "a b c d e a b c d e a b c d e"]
    bodies += [" ".join(draw.choices(vocabulary, k=draw.randint(1, 40))) for _ in range(20)]
    articles = [Article(id=str(n), source="s", paragraphs=[body]) for n, body in enumerate(bodies)]
    signed, found = signatures(articles, settings)
    for body, is_signed, row in zip(bodies, signed, found, strict=True):
        runs = _runs_by_hand(body, settings.shingle_words)
        assert is_signed == bool(runs)
        assert sorted(set(runs)) == shingles(body, settings.shingle_words).tolist()
        if runs:
            expected = MinHash(num_perm=settings.minhash_permutations, hashfunc=int)
            expected.update_batch(runs)
            assert row.tolist() == expected.hashvalues.tolist()
        else:
            assert not row.any()


def test_a_long_text_repeating_itself_is_signed_by_its_distinct_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A row of values per run signed: a few MB of "the the the ..." took GBs, where its
    # distinct runs are a handful. The signature is the same either way.
    from storybrief.cluster import duplicates
    from storybrief.cluster.duplicates import signatures

    settings = ClusterSettings()
    articles = [
        Article(id="short", source="s", paragraphs=["x y z"]),
        Article(id="loop", source="s", paragraphs=["a b " * 100]),
    ]
    _, alone = signatures(articles, settings)
    given: list[list[int]] = []

    def recorded(hashes: np.ndarray, sizes: np.ndarray, count: int) -> np.ndarray:
        given.append(sizes.tolist())
        return many_signatures(hashes, sizes, count)

    monkeypatch.setattr(duplicates, "_WORDS_AT_ONCE", 9)
    monkeypatch.setattr(duplicates, "many_signatures", recorded)
    signed, found = signatures(articles, settings)
    assert given == [[1, 2]]  # "a b a b a" and "b a b a b"
    assert signed.all() and np.array_equal(found, alone)
