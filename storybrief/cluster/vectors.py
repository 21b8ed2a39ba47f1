"""What the grouping compares: TF-IDF rows of each article's opening, and its wordllama vector.

The headline and the opening name who, where and what; later paragraphs
wander into background that several stories share. Words are weighted by
sublinear counts and an inverse document frequency: how many of the pile's
articles use the word, against the pile's size up to a bound
(``ClusterSettings.idf_reference``), so words every story of the pile uses
weigh little, and past the bound how many articles were piled with two
others changes nothing of theirs.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

import numpy as np

from storybrief.clean.dates import MONTH_NAMES, WEEKDAYS
from storybrief.models import Article
from storybrief.nlp.embeddings import embed
from storybrief.nlp.english import STOPWORDS
from storybrief.nlp.overlap import words

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from storybrief.settings import ClusterSettings

# Texts embedded per call: wordllama gathers every token's vector of a call at
# once (about 60 kB a text of 60 words), so one call over a pile of 100,000
# would need gigabytes.
_EMBED_BATCH = 500


def opening(article: Article, count: int) -> list[str]:
    """The first ``count`` words of the body (split at most ``count`` times: a long body's
    rest is not cut into words it would not use)."""
    return article.body.split(maxsplit=count)[:count]


def _lead(article: Article, body_words: int) -> str:
    """The headline and the first ``body_words`` words of the body."""
    return " ".join([article.title or "", *opening(article, body_words)])


def terms(article: Article, settings: ClusterSettings) -> Counter[str]:
    """Counts of the opening's content words, the headline's counted ``title_repeats`` times."""
    title = words(article.title or "") * settings.title_repeats
    body = words(" ".join(opening(article, settings.lead_words)))
    return Counter(w for w in title + body if len(w) > 1 and w not in STOPWORDS)


def counts(articles: list[Article], settings: ClusterSettings) -> tuple[np.ndarray, csr_matrix]:
    """The words of ``articles``' openings, sorted, and each article's sublinear count of
    each (1 + log of its count: a word said five times is not five times the evidence)."""
    from scipy.sparse import csr_matrix

    # Each article's words are numbered as met and let go: 100,000 articles' word
    # counts held at once would take a gigabyte. The numbers are then made alphabetical.
    met: dict[str, int] = {}
    indptr, indices, values = [0], array("q"), array("d")
    for article in articles:
        found = terms(article, settings)
        indices.extend([met.setdefault(word, len(met)) for word in found])
        values.extend(found.values())
        indptr.append(len(indices))
    vocabulary = np.array(list(met), dtype=object)
    order = np.argsort(vocabulary, kind="stable")
    rank = np.empty(len(order), dtype=np.int32)  # half of int64's memory: 2 billion words
    rank[order] = np.arange(len(order))
    columns = rank[np.frombuffer(indices, dtype=np.int64)]
    shape = (len(articles), len(vocabulary))
    matrix = csr_matrix((1.0 + np.log(np.frombuffer(values)), columns, indptr), shape)
    matrix.sort_indices()  # each row's columns in order: its sums then do not depend on the input
    return vocabulary[order], matrix


def weigh(matrix: csr_matrix, reference: int | None) -> tuple[csr_matrix, np.ndarray]:
    """Unit-length TF-IDF rows of a pile's ``counts``, and each column's document frequency.

    A word's weight is 1 + log((1 + n) / (1 + its document frequency)), at least 1, where n is
    the pile's size up to ``reference`` articles (``None``: no bound). Past it, a pile's size no
    longer counts: a thousand articles added that share no word with two others leave those
    two's weights, and so whether they are one story, as they were (with the size, every
    word's weight grew by the same log, which evened them out); only the articles that use
    their words count. Below it a small pile's words keep their share of the pile: in a pile
    of 8, a word 4 of them use is common, however rare among 3,000.
    """
    from scipy.sparse import csr_matrix

    frequency = np.bincount(matrix.indices, minlength=matrix.shape[1])
    size = matrix.shape[0] if reference is None else min(matrix.shape[0], reference)
    idf = np.maximum(np.log((1 + size) / (1 + frequency)), 0.0) + 1.0
    weighted = csr_matrix(
        (matrix.data * idf[matrix.indices], matrix.indices, matrix.indptr), matrix.shape
    )
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1))).ravel()
    norms[norms == 0] = 1.0
    return csr_matrix(weighted.multiply(1.0 / norms[:, None])), frequency


def tfidf(articles: list[Article], settings: ClusterSettings) -> tuple[csr_matrix, np.ndarray]:
    """Unit-length TF-IDF rows, one per article, and each column's document frequency."""
    return weigh(counts(articles, settings)[1], settings.idf_reference)


def days(articles: list[Article]) -> np.ndarray:
    """Each article's day of publication (days since 1 January of year 1), NaN if unknown."""
    out = np.full(len(articles), np.nan)
    for n, article in enumerate(articles):
        try:
            out[n] = date.fromisoformat((article.published or "")[:10]).toordinal()
        except ValueError:
            continue  # no date, or one that is not ISO 8601: the article is undated
    return out


_MONTH_NAMES = [m.title() for m in MONTH_NAMES]
_NAMES = "|".join(_MONTH_NAMES)
# A month named as a date: after a preposition or a day ("in June", "on 5 May", "mid-March")
# or before a number ("June 12"); not the verb of "Thousands March" or a name ("May said").
_MONTH = re.compile(
    rf"(?:(?i:\b(?:in|on|since|by|until|last|this|next|early|late|mid|from|through|of|during"
    rf"|before|after)\s+)|\d\s+|(?i:mid-))({_NAMES})\b|\b({_NAMES})\s+\d"
)


def months(articles: list[Article], settings: ClusterSettings) -> np.ndarray:
    """The months each article's headline and first ``month_words`` words name as dates,
    a bit per month (0: none)."""
    return _named(
        articles,
        settings.month_words,
        _MONTH,
        lambda m: _MONTH_NAMES.index(m[1] or m[2]),
        _MONTH_NAMES,
    )


_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})\b", re.IGNORECASE)
# A matched name's day by its case-folded form. ``re.IGNORECASE`` also takes "İ" for "i",
# whose fold ("i̇") is no weekday's: such a match ("FRİDAY") names none rather than failing.
_WEEKDAY_INDEX = {name: n for n, name in enumerate(WEEKDAYS)}


def weekdays(articles: list[Article], settings: ClusterSettings) -> np.ndarray:
    """The weekdays each article's headline and first ``weekday_words`` words name, a bit per
    day (0: none)."""
    # Every weekday's name ends in "day", and the only letters ``re.IGNORECASE`` takes for
    # "d", "a" or "y" are their two cases (it takes "ı" and "İ" for "i", "ſ" for "s": not
    # the names themselves, then): a lead without "day", lower-cased, names no weekday.
    return _named(
        articles,
        settings.weekday_words,
        _WEEKDAY,
        lambda m: _WEEKDAY_INDEX.get(m[1].casefold()),
        ("day",),
        lowered=True,
    )


# A figure: a number with thousands grouped ("778,000"), or with a unit ("881K", "6 million",
# "4.1%"), or of four digits and more (not a year: "in 2020").
_FIGURE = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(%|percent\b|[kK]\b|million\b|billion\b"
    r"|trillion\b)?",
    re.IGNORECASE,
)
_TIMES = {"k": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_FIGURE_BITS = 62  # a figure's bit is a hash of it: an int64 holds them, the sign bit unused


def _figure_bit(match: re.Match) -> int | None:
    """The bit of a figure: its value to two significant digits ("778,000" and "nearly
    780,000" are one figure), a share to the unit; None for a year or a number under 1,000
    (a count of dead or of votes updated within a day)."""
    number, unit = match[1], (match[2] or "").casefold()
    value = float(number.replace(",", ""))
    if unit in ("%", "percent"):
        key = f"share {round(value)}"
    else:
        value *= _TIMES.get(unit, 1.0)
        if value < 1000 or ("," not in number and not unit and 1900 <= value <= 2100):
            return None
        key = f"{value:.2g}"
    digest = hashlib.blake2b(key.encode(), digest_size=4).digest()
    return int.from_bytes(digest) % _FIGURE_BITS


def figures(articles: list[Article], settings: ClusterSettings) -> np.ndarray:
    """The figures each article's headline and first ``figure_words`` words name, a bit per
    figure (0: none): a weekly count's reports each name their own week's number."""
    return _named(articles, settings.figure_words, _FIGURE, _figure_bit)


def _named(
    articles: list[Article],
    count: int,
    pattern: re.Pattern[str],
    bit: Callable[[re.Match], int | None],
    names: Sequence[str] | None = None,
    lowered: bool = False,
) -> np.ndarray:
    """For each article, a bit (``bit`` of the match, unless None) per name ``pattern`` finds
    in its headline and first ``count`` words (0: none). A lead that holds none of ``names``
    (as written, or in the lead lower-cased if ``lowered``), one of which every match of
    ``pattern`` holds, is not searched: most leads name no month, and a substring test
    costs a fraction of the pattern's search. With no ``names``, every lead is searched."""
    out = np.zeros(len(articles), dtype=np.int64)
    for n, article in enumerate(articles):
        lead = _lead(article, count)
        if names is not None and not _holds_any(lead.lower() if lowered else lead, names):
            continue
        for match in pattern.finditer(lead):
            found = bit(match)
            if found is not None:
                out[n] |= 1 << found
    return out


def _holds_any(text: str, names: Sequence[str]) -> bool:
    return any(name in text for name in names)


def lengths(articles: list[Article], settings: ClusterSettings) -> np.ndarray:
    """The words of each article's body, counted up to ``short_words`` (int32)."""
    return np.array([len(opening(a, settings.short_words)) for a in articles], dtype=np.int32)


def lead_vectors(articles: list[Article], settings: ClusterSettings) -> np.ndarray:
    """wordllama's unit vector of each article's headline and opening, float32."""
    texts = [_lead(a, settings.embedding_words) for a in articles]
    if not texts:
        return embed([])
    return np.concatenate(
        [embed(texts[i : i + _EMBED_BATCH]) for i in range(0, len(texts), _EMBED_BATCH)]
    )
