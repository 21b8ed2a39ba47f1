"""Furniture found across stories: a paragraph that several different stories carry.

Outlets telling one story share paragraphs (wire copy, a statement quoted in
full); different stories do not, unless the paragraph belongs to no story:
a crawler's notice, a site's "about us" box, "Advertisement Continue reading
the main story". Cleaning one article, or one story, cannot see this; a batch
of clusters (``storybrief summarize``) or a pile split into stories
(``storybrief stories``) can.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from storybrief.models import Article, RemovedLine

SHARED_STORIES = 3  # stories a paragraph must appear in to be furniture
MIN_CHARS = 40  # a shorter line ("Advertisement") is the line cleaner's to judge


def paragraph_key(paragraph: str) -> str:
    """A paragraph as compared across stories: spaces and case ignored."""
    return " ".join(paragraph.split()).casefold()


def story_keys(paragraphs: Iterable[str]) -> set[str]:
    """The keys of one story's paragraphs long enough to judge."""
    return {key for p in paragraphs if len(key := paragraph_key(p)) >= MIN_CHARS}


def shared_paragraphs(stories: Iterable[set[str]]) -> frozenset[str]:
    """The keys (``story_keys``) found in ``SHARED_STORIES`` or more of ``stories``: furniture."""
    counts = Counter(key for keys in stories for key in keys)
    return frozenset(key for key, n in counts.items() if n >= SHARED_STORIES)


def drop_shared(article: Article, furniture: frozenset[str]) -> bool:
    """Remove ``furniture`` paragraphs from a cleaned article, recording why; whether any was."""
    kept = [p for p in article.paragraphs if paragraph_key(p) not in furniture]
    if len(kept) == len(article.paragraphs):
        return False
    article.removed += [
        RemovedLine(article.id, p, f"found in articles of {SHARED_STORIES} or more stories")
        for p in article.paragraphs
        if paragraph_key(p) in furniture
    ]
    article.paragraphs = kept
    return True
