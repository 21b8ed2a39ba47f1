"""Syndication: which articles reprint another's text, and which one is the original.

Two signals of copying are combined. MinHash (``nlp.minhash``) estimates how
much of two articles' word shingles coincide, cheaply, for every pair; the
sentence alignment of ``storybrief.nlp.overlap`` then says which sentences of
one article are near-copies of the other's. A pair is syndication when the
copy takes a good share of its own sentences (those not in quotation marks)
from the original: two outlets quote one statement each on its own, so shared
quotes are no sign of copying.

Which side is the original: the article that credits the other's outlet
("..., BBC reported") is the copy; failing that, the one that takes the larger
share of its own sentences (the shorter, subset text); failing that, the later
one.
"""

from __future__ import annotations

import re
from itertools import combinations

import numpy as np

from storybrief.analyze.context import StoryContext, outside_quotes
from storybrief.models import Article, Sentence, Syndication
from storybrief.nlp.minhash import resemblance, sha1_hashes, signature
from storybrief.nlp.overlap import shingles

_PERMUTATIONS = 128
_CREDIT = re.compile(
    r"\b(?P<outlet>[A-Z][\w&.]*(?: [A-Z][\w&.]*)*) (?:reported|reports|said in a report)\b"
    r"|\baccording to (?:the )?(?P<outlet2>[A-Z][\w&.]*(?: [A-Z][\w&.]*)*)"
)


def _minhashes(articles: list[Article]) -> dict[str, np.ndarray]:
    """Each article's MinHash signature of its sentences' shingles, by id: datasketch's
    ``MinHash(num_perm=_PERMUTATIONS, seed=1)`` updated with each shingle's words joined."""
    return {
        a.id: signature(
            sha1_hashes(
                " ".join(shingle).encode() for s in a.sentences for shingle in shingles(s.text)
            ),
            _PERMUTATIONS,
        )
        for a in articles
    }


Carriers = dict[str, frozenset[str]]  # sentence id → the articles holding it or a near-copy


def _carriers(story: StoryContext) -> Carriers:
    """For each sentence, the articles that carry it: its own and those with a near-copy.

    Whether two sentences are copies depends on their shingles alone, so the
    index is asked once per distinct shingle set: a text that repeats a
    sentence a thousand times costs one lookup for it, not a thousand, each
    as long as the list of its repeats.
    """
    by_shingles: dict[frozenset[tuple[str, ...]], frozenset[str]] = {}
    carriers: Carriers = {}
    for s in story.sentences:
        key = shingles(s.text)
        if key not in by_shingles:
            copies = story.copies.copies(s)
            by_shingles[key] = frozenset({s.article, *(c.article for c in copies)})
        carriers[s.id] = by_shingles[key]
    return carriers


def _shared(carriers: Carriers, copy: Article, original: Article) -> list[Sentence]:
    """``copy``'s sentences that have a near-copy in ``original``."""
    return [s for s in copy.sentences if original.id in carriers[s.id]]


def _quoted(story: StoryContext, sentence: Sentence) -> bool:
    """Whether most of ``sentence``'s words are inside quotation marks."""
    words = [t for t in story.docs[sentence.id] if t.is_alpha]
    outside = outside_quotes(story, sentence)
    return sum(t.i not in outside for t in words) > len(words) / 2


def _taken(
    story: StoryContext, carriers: Carriers, copy: Article, original: Article
) -> tuple[int, float]:
    """How many of ``copy``'s own sentences ``original`` has, and their share of them.

    A sentence mostly in quotation marks is the speaker's text, not the
    outlet's: two outlets quoting one statement (a school's, a hearing's)
    share it without either copying the other.
    """
    own = [s for s in copy.sentences if not _quoted(story, s)]
    own_ids = {s.id for s in own}
    taken = sum(s.id in own_ids for s in _shared(carriers, copy, original))
    return taken, taken / len(own) if own else 0.0


def _credits(article: Article, other: Article) -> bool:
    """Whether ``article`` credits an outlet that ``other`` names as itself.

    An outlet names itself in its own copy ("told the BBC", "the BBC's
    correspondent"), so a credited name that the other article uses is the sign.
    """
    credited = {
        m.group("outlet") or m.group("outlet2")
        for s in article.sentences
        for m in _CREDIT.finditer(s.text)
    }
    names = {other.outlet} if other.outlet else set()
    names |= {c for c in credited if re.search(rf"\b{re.escape(c)}\b", other.body)}
    return bool(credited & names)


def _ordered(
    story: StoryContext, carriers: Carriers, a: Article, b: Article
) -> tuple[Article, Article]:
    """(copy, original) for a pair known to share text."""
    if _credits(a, b) != _credits(b, a):
        return (a, b) if _credits(a, b) else (b, a)
    fa, fb = _taken(story, carriers, a, b)[1], _taken(story, carriers, b, a)[1]
    if (
        abs(fa - fb) > story.settings.syndication.share_margin
        or not (a.published and b.published)
        or a.published == b.published
    ):
        return (a, b) if (fa, b.id) > (fb, a.id) else (b, a)
    return (a, b) if a.published > b.published else (b, a)


def find_syndication(story: StoryContext) -> list[Syndication]:
    """Every (copy, original) pair of the story, the most copied first."""
    settings = story.settings.syndication
    hashes = _minhashes(story.articles)
    carriers = _carriers(story)
    found: list[Syndication] = []
    for a, b in combinations(story.articles, 2):
        if resemblance(hashes[a.id], hashes[b.id]) < settings.min_resemblance:
            continue
        copy, original = _ordered(story, carriers, a, b)
        taken, share = _taken(story, carriers, copy, original)
        if taken >= settings.min_shared and share >= settings.min_fraction:
            fraction = len(_shared(carriers, copy, original)) / len(copy.sentences)
            found.append(Syndication(copy.id, original.id, round(fraction, 3)))
    found.sort(key=lambda s: (-s.shared_fraction, s.copy, s.original))
    return found
