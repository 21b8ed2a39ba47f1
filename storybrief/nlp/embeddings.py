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

# A word's token ids as the bytes of int32s: a text's are then its words' joined, and bytes
# are no work for the garbage collector, where a list per word is (~50,000 at 10,000 leads).
_TOKEN = np.dtype(np.int32)
_word_tokens: dict[str, bytes] = {}
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


def _word_token_ids(words: list[str]) -> dict[str, bytes]:
    """The token ids of every word of ``words`` (``_TOKEN``s): cached, or tokenized now in
    one call."""
    distinct = list(dict.fromkeys(words))  # in C: a pile's texts repeat most of their words
    # Read from the cache once: another thread may empty it while this one works.
    known = dict(zip(distinct, map(_word_tokens.get, distinct), strict=True))
    new = [word for word, ids in known.items() if ids is None]
    if not new:
        return known
    # One call over all new words costs a fraction of one call per word.
    ids = model().tokenizer.encode(" ".join(new), add_special_tokens=False).ids
    starts = (np.flatnonzero(_opens_word()[ids]) * _TOKEN.itemsize).tolist()
    if len(starts) != len(new):
        raise RuntimeError("wordllama's tokenizer no longer keeps words apart")
    if len(_word_tokens) + len(new) > _MAX_CACHED_WORDS:
        _word_tokens.clear()
    packed = np.asarray(ids, dtype=_TOKEN).tobytes()
    for word, start, end in zip(new, starts, [*starts[1:], len(packed)], strict=True):
        known[word] = _word_tokens[word] = packed[start:end]
    return known


def _mean_token_vectors(texts: list[list[str]]) -> np.ndarray:
    """wordllama's pooled vectors of texts given as their words (``_wordwise_split``)."""
    words = list(chain.from_iterable(texts))
    word_ids = _word_token_ids(words)
    per_word = list(map(word_ids.__getitem__, words))
    tokens = np.frombuffer(b"".join(per_word), dtype=_TOKEN)
    # Every word has a token (its first starts with the space mark), every text a word.
    word_starts = np.cumsum([0, *map(len, texts[:-1])])
    sizes = np.fromiter(map(len, per_word), np.intp, len(words))
    counts = np.add.reduceat(sizes, word_starts) // _TOKEN.itemsize
    # Both sum alike, bit for bit; a loop per text or per token position, whichever is shorter:
    # a pile's leads are many texts, a story's sentences a few.
    pooled = _sums_row_by_row if len(counts) <= counts.max() else _sums_in_order
    sums = pooled(model().embedding, tokens, counts)
    return sums / counts[:, None].astype(np.float32)


def _sums_row_by_row(embedding: np.ndarray, tokens: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The sum of each text's token vectors (``counts`` tokens each, in turn in ``tokens``),
    a text at a time: wordllama's own pooling, ``np.sum`` down the text's rows."""
    vectors = embedding[tokens]
    ends = np.cumsum(counts)
    sums = np.empty((len(counts), embedding.shape[1]), dtype=np.float32)
    for row, (start, end) in enumerate(zip((ends - counts).tolist(), ends.tolist(), strict=True)):
        vectors[start:end].sum(axis=0, out=sums[row])
    return sums


def _sums_in_order(embedding: np.ndarray, tokens: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The sum of each text's token vectors (``counts`` tokens each, in turn in ``tokens``),
    added one token after the other from zero, as wordllama's pooling (``np.sum`` down a
    text's rows) adds them: the same float32 values, bit for bit, as the k-th tokens of
    all texts are added at once. Longest texts first, so that those with a k-th token are
    the first rows."""
    order = np.argsort(-counts, kind="stable")
    starts = (np.cumsum(counts) - counts)[order]
    longer = len(counts) - np.cumsum(np.bincount(counts))  # texts of more than k tokens
    sums = np.zeros((len(counts), embedding.shape[1]), dtype=np.float32)
    for k, rows in enumerate(longer[:-1].tolist()):
        sums[:rows] += embedding[tokens[starts[:rows] + k]]
    out = np.empty_like(sums)
    out[order] = sums
    return out


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
