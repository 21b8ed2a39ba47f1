"""When two tellings of a story are independent of each other, so may count as two.

A conflict needs two sides and an agreement two carriers; a copy is neither.
There are two kinds of copy, so there are two notions, each for its grain:

- Sentences told independently (``told_independently``): of two articles,
  and neither a near-copy of the other (the story's copy index), whoever
  carries it. A figure or a "there were no ..." repeated word for word is
  one claim, repeated.
- Articles written independently (``written_independently``,
  ``independent_articles``): two articles neither of which reprints the
  other (the syndication analysis). Two outlets may rewrite one police
  release into near-copies and still each tell it; but a reprint's changed
  detail is the reprinter's later correction, not a second account, and a
  fact carried by an original and its reprint is carried once.
"""

from __future__ import annotations

from storybrief.analyze.context import StoryContext
from storybrief.models import Sentence, Syndication


def told_independently(ctx: StoryContext, one: Sentence, other: Sentence) -> bool:
    """Whether two sentences are two tellings: of two articles, ``other`` no near-copy of ``one``.

    One article does not contradict (or confirm) itself.
    """
    return one.article != other.article and other.id not in {c.id for c in ctx.copies.copies(one)}


def written_independently(one: str, other: str, syndication: list[Syndication]) -> bool:
    """Whether two articles (by id) are two accounts: not one, neither reprinting the other."""
    return one != other and not any({s.copy, s.original} == {one, other} for s in syndication)


def independent_articles(sources: list[str], syndication: list[Syndication]) -> list[str]:
    """``sources`` without each reprint whose original is also among them."""
    originals = {s.copy: s.original for s in syndication}
    return [s for s in sources if originals.get(s) not in sources]
