"""Whether a cleaned article is in English, the one language storybrief reads.

Cleaning and extraction work in any language (``storybrief clean`` prints a
French page as well as an English one); from sentence splitting on, the
pipeline is English, so ``segment`` skips an article in another language
with its reason.

The sentence splitter's repairs, the named-entity model, the function-word lists and
the embeddings are all English: a French or Korean article would go through
them and come out as a brief of nonsense. Function words tell the language
cheaply: they are a quarter to a half of the words of any English prose,
and a few percent of another language's (loan words, names, "a", "in"). On
the 613 usable development articles (Multi-News, DUC 2004, the seed and the
extraction pages), every English one has at least 21% and every other one
(Korean, Japanese, Russian, Portuguese, Italian, German, Indonesian) at most
8%.
"""

from __future__ import annotations

from storybrief.nlp.english import function_word_share
from storybrief.nlp.overlap import words

MIN_SHARE = 0.15  # of a text's words that are English function words
MIN_WORDS = 30  # fewer words tell too little to judge by


def english_share(text: str) -> float | None:
    """The share of ``text``'s words that are English function words; None if too short."""
    tokens = words(text)
    if len(tokens) < MIN_WORDS:
        return None
    return function_word_share(tokens)


def not_english_reason(text: str) -> str | None:
    """Why ``text`` is taken for another language than English, or None if it is not."""
    share = english_share(text)
    if share is None or share >= MIN_SHARE:
        return None
    return (
        f"not in English (only {share:.0%} of its words are English function words,"
        " against 20% or more in English prose): storybrief reads English articles"
    )
