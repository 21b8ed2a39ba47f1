"""Summarize: the few sentences of a story's articles that best tell it, with sources.

The summary is extractive, so every sentence is one an outlet published and
can be cited: each carries the ids of all the articles that contain it or a
near-identical copy (``storybrief.nlp.overlap``), and the ids of those
sentences. Sentences are chosen by ``extractive.select``. The summary opens
with the article of the first sentence chosen, the one that tells most of the
story, then follows story order: by article date when articles have one, then
by article and position.
"""

from __future__ import annotations

from collections.abc import Mapping

from storybrief.models import Article, SummarySentence
from storybrief.nlp.encoders import Encoder
from storybrief.nlp.overlap import CopyIndex
from storybrief.settings import Weights
from storybrief.summarize.candidates import Candidate, collect_candidates
from storybrief.summarize.extractive import select

__all__ = ["summarize"]


def _distinct(pool: list[Candidate], index: CopyIndex) -> list[Candidate]:
    """The pool without later copies of a sentence it already holds."""
    seen: set[str] = set()
    out: list[Candidate] = []
    for candidate in pool:
        if candidate.sentence.id not in seen:
            out.append(candidate)
            seen.update(s.id for s in index.copies(candidate.sentence))
    return out


def summarize(
    articles: list[Article],
    words: int,
    *,
    copy_index: CopyIndex | None = None,
    disputed: Mapping[str, list[str]] | None = None,
    weights: Weights | None = None,
    encoder: Encoder | None = None,
) -> list[SummarySentence]:
    """At most ``words`` words (whitespace-separated) of the articles' best sentences.

    Skipped articles are ignored. The same articles give the same summary.
    ``copy_index``, if given, must index exactly the usable articles'
    sentences in order: the analysis of the story builds it, and the summary
    reads it. ``disputed`` gives, by sentence id, the topics of the conflicts
    a sentence takes a side in (``analyze.conflicts.disputed_sentences``): a
    summary sentence is marked with those of it and its near-copies.
    ``encoder`` embeds the sentences compared (``WordLlama`` by default).
    """
    usable = [a for a in articles if a.ok]
    index = copy_index
    if index is None:
        index = CopyIndex(s for a in usable for s in a.sentences)
    chosen = select(_distinct(collect_candidates(usable), index), words, weights, encoder)
    return [_cited(c, index, disputed or {}) for c in _story_order(chosen, usable)]


def _story_order(chosen: list[Candidate], usable: list[Article]) -> list[Candidate]:
    """The chosen sentences in the order the summary tells them."""
    published = [a.published for a in usable]
    # The first pick is the sentence that tells most of the story: it opens the
    # summary, followed by what its article says next (so "He denied ..." stays
    # after the sentence naming him), then the other articles in story order.
    lede = chosen[0].article if chosen else None
    return sorted(
        chosen,
        key=lambda c: (
            c.article != lede,
            published[c.article] is None,
            published[c.article] or "",
            c.article,
            c.sentence.index,
        ),
    )


def _cited(
    candidate: Candidate, index: CopyIndex, disputed: Mapping[str, list[str]]
) -> SummarySentence:
    """A chosen sentence with every article that carries it or a near-copy, and its disputes."""
    copies = index.copies(candidate.sentence)
    ids = [candidate.sentence.id, *(s.id for s in copies)]
    return SummarySentence(
        text=candidate.text,
        sources=sorted({candidate.sentence.article, *(s.article for s in copies)}),
        sentence_ids=ids,
        disputed=list(dict.fromkeys(t for i in ids for t in disputed.get(i, []))),
    )
