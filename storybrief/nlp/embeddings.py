"""Sentence embeddings from the wordllama model that ships inside the package.

The model is loaded once per process and kept: a batch worker summarizes many
clusters with one load. It is loaded from the package directory with
downloads disabled, because wordllama's default loader reaches for the
network and storybrief must run offline.

wordllama's vector of a text is the mean of its tokens' vectors. Its tokenizer
has no pre-tokenizer, so it runs BPE over the whole text with ``"▁"`` for every
space; but no token of its vocabulary joins the end of one word to the next
(only runs of ``"▁"`` do), so a text's tokens are its space-separated words'
tokens in turn. ``embed`` therefore tokenizes each distinct word once per
process and sums a text's token vectors in wordllama's own order, which gives
the same vectors, bit for bit, at a fraction of the tokenizer's time.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path

import numpy as np
import wordllama
from wordllama import WordLlama

DIM = 256  # the width of the bundled model's vectors

_WORD_START = "▁"  # the tokenizer's mark of a space, and so of a word's first token
# Text the tokenizer reads otherwise than word by word: ``"▁"`` itself and the
# special tokens ("<s>", "</s>", "<unk>"), which it matches before anything else.
_NOT_WORDWISE = (_WORD_START, "<")
_MAX_CACHED_WORDS = 200_000  # bounds a long-running worker's memory (≈ 30 MB)
_MAX_CACHED_VECTORS = 20_000  # rows of 1 KB: a pile of a thousand articles has ~11,500 texts

_word_tokens: dict[str, list[int]] = {}
_vectors: dict[str, np.ndarray] = {}


@lru_cache(maxsize=1)
def model() -> wordllama.WordLlamaInference:
    """The process-wide wordllama model, loaded on first use."""
    return WordLlama.load(dim=DIM, cache_dir=Path(wordllama.__file__).parent, disable_download=True)


@lru_cache(maxsize=1)
def _opens_word() -> np.ndarray:
    """Whether each token id starts with the space mark, that is, starts a word."""
    opens = np.zeros(model().embedding.shape[0], dtype=bool)
    for token, i in model().tokenizer.get_vocab().items():
        opens[i] = token.startswith(_WORD_START)
    return opens


def _wordwise_split(text: str) -> list[str] | None:
    """The words of ``text`` if it tokenizes as them one after another, else None.

    Empty words (a leading, trailing or double space) turn into runs of
    ``"▁"``, which the tokenizer merges across words.
    """
    words = text.split(" ")
    if "" in words or any(mark in text for mark in _NOT_WORDWISE):
        return None
    return words


def _word_token_ids(texts: list[list[str]]) -> dict[str, list[int]]:
    """The token ids of every word of ``texts``: cached, or tokenized now in one call."""
    # Read from the cache once: another thread may empty it while this one works.
    known = {word: _word_tokens.get(word) for word in chain.from_iterable(texts)}
    new = [word for word, ids in known.items() if ids is None]
    if not new:
        return known
    # One call over all new words costs a fraction of one call per word.
    ids = model().tokenizer.encode(" ".join(new), add_special_tokens=False).ids
    starts = np.flatnonzero(_opens_word()[ids]).tolist()
    if len(starts) != len(new):
        raise RuntimeError("wordllama's tokenizer no longer keeps words apart")
    if len(_word_tokens) + len(new) > _MAX_CACHED_WORDS:
        _word_tokens.clear()
    for word, start, end in zip(new, starts, [*starts[1:], len(ids)], strict=True):
        known[word] = _word_tokens[word] = ids[start:end]
    return known


def _mean_token_vectors(texts: list[list[str]]) -> np.ndarray:
    """wordllama's pooled vectors of texts given as their words (``_wordwise_split``)."""
    word_ids = _word_token_ids(texts)
    tokens = [list(chain.from_iterable(map(word_ids.__getitem__, t))) for t in texts]
    counts = np.array([len(t) for t in tokens])
    ends = np.cumsum(counts).tolist()
    vectors = model().embedding[list(chain.from_iterable(tokens))]
    sums = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
    for row, (start, end) in enumerate(zip([0, *ends[:-1]], ends, strict=True)):
        # Summed token by token down the rows, as wordllama's pooling does.
        vectors[start:end].sum(axis=0, out=sums[row])
    return sums / counts[:, None].astype(np.float32)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (``(0, DIM)`` for no texts).

    Rows are normalised so a dot product is a cosine similarity; a text with no
    known token comes back as a zero row rather than NaNs. A text's row does not
    depend on the others of its call (each is pooled and normalised on its own), so
    rows are kept by text, per process: the analyses embed the same lemmas story
    after story and a story's sentences more than once (a pile of 1,002 articles
    asked for 27,963 rows, 11,460 of them distinct).
    """
    # Read from the cache once: another thread may empty it while this one works.
    known = {text: _vectors.get(text) for text in texts}
    new = [text for text, row in known.items() if row is None]
    if new:
        if len(_vectors) + len(new) > _MAX_CACHED_VECTORS:
            _vectors.clear()
        for text, row in zip(new, _unit_vectors(new), strict=True):
            known[text] = _vectors[text] = row
    vectors = np.empty((len(texts), DIM), dtype=np.float32)
    for n, text in enumerate(texts):
        vectors[n] = known[text]
    return vectors


def _unit_vectors(texts: list[str]) -> np.ndarray:
    """``embed`` of ``texts``, computed."""
    vectors = np.empty((len(texts), DIM), dtype=np.float32)
    words = [_wordwise_split(t) for t in texts]
    wordwise = np.array([w is not None for w in words], dtype=bool)
    if wordwise.any():
        vectors[wordwise] = _mean_token_vectors([w for w in words if w is not None])
    if not wordwise.all():
        others = [text for text, w in zip(texts, words, strict=True) if w is None]
        vectors[~wordwise] = model().embed(others)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
