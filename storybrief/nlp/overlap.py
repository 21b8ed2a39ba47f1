"""Near-duplicate sentences: which other articles carry the same sentence.

Wire copy is republished with small edits (a dateline added, "on Tuesday"
dropped, a word changed), so an exact string match misses most copies. A
sentence is compared as the set of its word shingles (runs of ``SHINGLE``
normalised words): two sentences are copies when the sets mostly coincide
(Jaccard) or when one is nearly contained in the other (a trimmed or extended
copy). Shingles of three words keep two sentences that merely share their
words, in another order or another sense, apart.

The summarizer credits a summary sentence to every article carrying a copy;
the analysis stage counts copies per article pair to detect syndication.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain

from storybrief.models import Sentence

SHINGLE = 3
JACCARD = 0.5  # shared shingles over all shingles of the pair
CONTAINMENT = 0.8  # shared shingles over the shingles of the shorter sentence
MIN_CONTAINED = 5  # a shorter sentence needs this many shingles to count as contained

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")

Shingles = frozenset[tuple[str, ...]]


# Texts up to this long (a long sentence) are cached: whole bodies, read once
# by the language check and the clustering, would hold their words in memory
# and push out the sentences the cache is for.
_CACHED_CHARS = 1_000


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``, with punctuation and quote styles ignored."""
    return list(_words(text))


def _find_words(text: str) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", text)
    # Three replacements cost a tenth of one ``str.translate`` over a table.
    text = text.replace("’", "'").replace("‘", "'").replace("`", "'").casefold()
    return tuple(_WORD.findall(text))


# Copy detection and the summarizer read the same sentences.
_sentence_words = lru_cache(maxsize=16_384)(_find_words)


def _words(text: str) -> tuple[str, ...]:
    return _sentence_words(text) if len(text) <= _CACHED_CHARS else _find_words(text)


def shingles(text: str, size: int = SHINGLE) -> Shingles:
    """The set of ``size``-word runs of ``text``; a shorter text is one shingle."""
    tokens = _words(text)
    if len(tokens) <= size:
        return frozenset([tokens]) if tokens else frozenset()
    # The last run is the shortest: it ends the zip where the last shingle ends.
    return frozenset(zip(*(tokens[k:] for k in range(size)), strict=False))


def is_copy(shared: int, size_a: int, size_b: int) -> bool:
    """Whether two shingle sets sharing ``shared`` shingles are near-identical copies."""
    if not shared:
        return False
    smaller = min(size_a, size_b)
    if shared / (size_a + size_b - shared) >= JACCARD:
        return True
    return smaller >= MIN_CONTAINED and shared / smaller >= CONTAINMENT


def resemblance(a: str, b: str) -> bool:
    """Whether sentences ``a`` and ``b`` are exact or near-identical copies."""
    sa, sb = shingles(a), shingles(b)
    return is_copy(len(sa & sb), len(sa), len(sb))


class CopyIndex:
    """Finds, for any sentence of a batch, its near-identical copies in other articles.

    Built once over all sentences of a story; an inverted index from shingle to
    sentence keeps each lookup to the sentences that share at least a shingle.
    """

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self._sentences = list(sentences)
        self._shingles = [shingles(s.text) for s in self._sentences]
        self._position = {s.id: i for i, s in enumerate(self._sentences)}
        # A shingle of one sentence only can reveal no copy among them: most are,
        # so only the others are indexed.
        counts = Counter(chain.from_iterable(self._shingles))
        self._postings: dict[tuple[str, ...], list[int]] = {
            shingle: [] for shingle, n in counts.items() if n > 1
        }
        for i, sentence_shingles in enumerate(self._shingles):
            for shingle in self._postings.keys() & sentence_shingles:
                self._postings[shingle].append(i)

    def copies(self, sentence: Sentence) -> list[Sentence]:
        """Copies of ``sentence`` in other articles, in the order they were indexed.

        ``sentence`` need not be indexed itself; an indexed one is looked up by id.
        """
        i = self._position.get(sentence.id)
        if i is None:
            own = shingles(sentence.text)
            shared = {j: len(own & theirs) for j, theirs in enumerate(self._shingles)}
        else:
            own = self._shingles[i]
            postings = map(self._postings.__getitem__, self._postings.keys() & own)
            shared = Counter(chain.from_iterable(postings))
            # A sentence shares each of its indexed shingles with itself.
            del shared[i]
        return [
            self._sentences[j]
            for j in sorted(shared)
            if self._sentences[j].article != sentence.article
            and is_copy(shared[j], len(own), len(self._shingles[j]))
        ]

    def sources(self, sentence: Sentence) -> list[str]:
        """Sorted ids of the articles that carry ``sentence``: its own and its copies'."""
        return sorted({sentence.article, *(s.article for s in self.copies(sentence))})
