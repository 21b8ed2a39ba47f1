"""Sentence vectors: the word-by-word pooling gives wordllama's own vectors."""

from __future__ import annotations

import numpy as np
import pytest

from storybrief.nlp import embeddings
from storybrief.nlp.embeddings import DIM, embed, model

# Text wordllama's tokenizer reads in many ways: merges, byte fallback for
# characters outside its vocabulary, digits one by one, and the special cases
# that embed hands to wordllama itself (spacing, "▁", special tokens).
TEXTS = [
    "Floodwaters forced the evacuation of about 2,000 residents on Tuesday.",
    "He said: \"We can think about it,\" adding that Iran's forces (IRGC) weren't there.",
    "Le président a déclaré à Genève — après 3½ heures — qu'il n'y avait «rien».",
    "Стоимость выросла на 12,5% в 2014 году; 東京で会議が開かれた。",
    "Emoji 🌊🚒 and symbols: €1.5bn, 40°C, x² + y² = r², ½ ≈ 0.5",
    "A line\nbroken in two\tand tabbed.",
    "antidisestablishmentarianism supercalifragilisticexpialidocious",
    "U.S.-led talks, e-mail, co-operation; 9/11 ... !?",
    "x",
    "  Leading and trailing spaces  ",
    "Two  spaces   between words.",
    "A literal ▁ mark and <s> special </s> <unk> tokens.",
    "",
]


def _wordllama(texts: list[str]) -> np.ndarray:
    vectors = np.asarray(model().embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


@pytest.fixture
def cold_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Word and vector caches as a fresh worker starts with, restored afterwards."""
    monkeypatch.setattr(embeddings, "_word_tokens", {})
    monkeypatch.setattr(embeddings, "_vectors", {})


@pytest.mark.usefixtures("cold_cache")
def test_vectors_equal_wordllamas_own() -> None:
    ours = embed(TEXTS)
    assert ours.shape == (len(TEXTS), DIM) and ours.dtype == np.float32
    np.testing.assert_allclose(ours, _wordllama(TEXTS), rtol=0, atol=1e-5)


@pytest.mark.usefixtures("cold_cache")
def test_pooling_follows_wordllamas_order_bit_for_bit() -> None:
    # Summing a text's tokens in another order moves the last bits, and with
    # them near-tied choices downstream.
    plain = TEXTS[:9]
    assert all(embeddings._wordwise_split(t) for t in plain)
    assert np.array_equal(embed(plain), _wordllama(plain))


@pytest.mark.usefixtures("cold_cache")
def test_vectors_do_not_depend_on_what_was_embedded_before() -> None:
    one_by_one = np.vstack([embed([t]) for t in TEXTS])
    embeddings._vectors.clear()  # computed again, not read from the cache
    assert np.array_equal(embed(list(reversed(TEXTS)))[::-1], one_by_one)


@pytest.mark.usefixtures("cold_cache")
def test_kept_vectors_are_the_computed_ones_and_callers_cannot_change_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    computed = embed(TEXTS)
    assert set(embeddings._vectors) == set(TEXTS)
    monkeypatch.setattr(embeddings, "_unit_vectors", None)  # any text computed again fails
    kept = embed(TEXTS + TEXTS[:2])
    assert np.array_equal(kept[: len(TEXTS)], computed)
    kept[:] = 0
    assert np.array_equal(embed(TEXTS), computed)


@pytest.mark.usefixtures("cold_cache")
def test_full_vector_cache_starts_over(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "_MAX_CACHED_VECTORS", 3)
    embed(["one", "two"])
    embed(["three", "four"])
    assert set(embeddings._vectors) == {"three", "four"}


@pytest.mark.usefixtures("cold_cache")
def test_full_word_cache_starts_over(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "_MAX_CACHED_WORDS", 4)
    first = embed(["one two three"])
    assert set(embeddings._word_tokens) == {"one", "two", "three"}
    second = embed(["four five"])
    assert set(embeddings._word_tokens) == {"four", "five"}
    assert np.array_equal(np.vstack([first, second]), _wordllama(["one two three", "four five"]))


def test_no_texts_and_unknown_text() -> None:
    assert embed([]).shape == (0, DIM)
    assert not np.isnan(embed(["", "\n"])).any()


@pytest.mark.usefixtures("cold_cache")
def test_a_pile_of_texts_of_every_length_pools_as_one_text_at_a_time() -> None:
    # Texts are pooled together, the k-th tokens of all at once: each must still be the
    # straightforward sum of its own token vectors, in order, and wordllama's own vector.
    vocabulary = " ".join(TEXTS[:9]).split()
    draw = np.random.default_rng(7)
    pile = [" ".join(draw.choice(vocabulary, size=n)) for n in draw.integers(1, 120, size=40)]
    by_hand = []
    for text in pile:
        ids = model().tokenizer.encode(text, add_special_tokens=False).ids
        tokens = model().embedding[ids]
        total = np.zeros(DIM, dtype=np.float32)
        for row in tokens:
            total += row
        by_hand.append(total / np.float32(len(ids)))
    expected = np.array(by_hand)
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)
    assert np.array_equal(embed(pile), expected)
    assert np.array_equal(embed(pile), _wordllama(pile))


def test_both_poolings_sum_alike_bit_for_bit() -> None:
    # ``embed`` pools a text at a time when texts are fewer than their longest's tokens (a
    # story's sentences), else the k-th tokens of all at once (a pile's leads): either way,
    # the same float32 sums.
    draw = np.random.default_rng(11)
    for texts, longest in ((5, 300), (400, 12), (60, 60)):
        counts = draw.integers(1, longest, size=texts)
        tokens = draw.integers(0, len(model().embedding), size=int(counts.sum()))
        at_once = embeddings._sums_in_order(model().embedding, tokens, counts)
        one_by_one = embeddings._sums_row_by_row(model().embedding, tokens, counts)
        assert np.array_equal(at_once, one_by_one)
