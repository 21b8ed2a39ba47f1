"""The pipeline: ingest → clean → segment → (cluster) → analyze → summarize.

The CLI, the web app and the Python API all go through ``read`` and
``brief_of``; each stage is a plain function over the dataclasses in
``storybrief.models``. Where the briefs of many stories are written (this
process, a Dask cluster) is ``storybrief.runners``' business: this module
knows one story at a time.
"""

from __future__ import annotations

import dataclasses
import operator
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from storybrief.clean import clean
from storybrief.clean.shared import drop_shared, shared_paragraphs, story_keys
from storybrief.cluster import stories as group_stories
from storybrief.errors import OverBudget, describe, time_budget
from storybrief.ingest import read_inputs
from storybrief.ingest.decode import normalise_newlines
from storybrief.models import Article, Brief, StageWarning, SummarySentence, Text
from storybrief.nlp.overlap import CopyIndex
from storybrief.processes import blas_on_one_thread
from storybrief.segment import segment
from storybrief.settings import DEFAULT, LIMITS, ClusterSettings, Settings
from storybrief.summarize import story_order, summarize
from storybrief.summarize.candidates import Candidate, collect_candidates
from storybrief.summarize.headline import headline_of

if TYPE_CHECKING:  # the language model is optional: imported only when one is asked for
    from storybrief.llm import LLMSpec

DEFAULT_WORDS = 120


def prepare(articles: list[Article], shared: frozenset[int] | None = None) -> list[Article]:
    """Clean and segment a batch; unusable articles stay in it, skipped with a reason.

    ``shared``: the short lines shared in the pile the batch is part of (``clean``).
    """
    return [segment(article) for article in clean(articles, shared)]


def _text_article(text: Text, n: int) -> Article:
    return Article(
        id=f"text-{n}", source=text.name or f"<text {n}>", raw=normalise_newlines(text.text)
    )


def read(
    inputs: Iterable[str | Path | Text],
    *,
    on_read: Callable[[Article], None] | None = None,
    allow_private: bool = False,
) -> list[Article]:
    """Read, clean and segment ``inputs``; unusable ones stay in, skipped with a reason.

    A ``Text`` is the text of an article itself (its articles come after those
    read from paths and URLs, ids ``text-1``, ``text-2``, …); a string or
    ``Path`` is always a path, directory or glob, or a URL of a page or feed.
    The articles of paths and URLs come by id (a file's name), whatever the
    order they were given in: the analyses break ties by article order, so the
    same files in any order give the same brief, byte for byte.
    URLs on private or loopback addresses are refused unless
    ``allow_private``. ``on_read`` is called once per article read from a
    path or URL, for progress reporting.
    """
    items = list(inputs)
    texts = [
        _text_article(item, n)
        for n, item in enumerate((i for i in items if isinstance(i, Text)), start=1)
    ]
    paths = [item for item in items if not isinstance(item, Text)]
    found = read_inputs(paths, on_read=on_read, allow_private=allow_private)
    return prepare(sorted(found, key=lambda a: (a.id, a.source)) + texts)


def brief_of(
    articles: list[Article],
    *,
    words: int = DEFAULT_WORDS,
    settings: Settings = DEFAULT,
    budget: float | None = None,
) -> Brief:
    """The brief of the story that prepared ``articles`` tell.

    The story is analyzed, then summarized from what the analysis found, then
    headed (``summarize.headline``). A part that fails is left out of the
    brief and named in its ``warnings``. ``budget``: seconds for it all (None:
    no limit); the analysis stops ``Limits.summary_seconds`` before it, what
    is unfinished left out, so that the summary is written from what it found;
    a summary past the budget is the articles' lead sentences.
    """
    usable = [a for a in articles if a.ok]
    if not usable:
        return Brief(articles=articles)
    # Imported here, as in ``_analysed``: spaCy is a second to import.
    from storybrief.analyze.context import parsing

    # A title or lead that several parts read is parsed once.
    with blas_on_one_thread(), parsing():
        return _brief(articles, usable, words, settings, budget)


def _brief(
    articles: list[Article],
    usable: list[Article],
    words: int,
    settings: Settings,
    budget: float | None,
) -> Brief:
    """``brief_of`` the story of ``articles``, of which ``usable`` are the usable ones."""
    deadline = None if budget is None else time.monotonic() + budget
    brief, index = _analysed(usable, settings, budget)
    read = _summarized(usable)
    if read is not usable:
        index = None  # it indexes the sentences the summary no longer reads
    brief.summary = _summary(read, brief, index, words, settings, _left(deadline), budget)
    brief = dataclasses.replace(brief, articles=articles)
    try:  # last: the headline reads the summary and the headline conflicts
        with time_budget(_left(deadline), named=budget):
            brief.headline = headline_of(brief, settings.headline)
    except Exception as exc:  # an error boundary: the brief stands under a plainer headline
        brief.warnings.append(StageWarning("headline", describe(exc)))
    return brief


# Seconds a stage still gets when the budget is spent: a summary or headline cut at
# once would leave a brief of none, and each takes well under this on any story.
_LAST = 1.0


def _summarized(usable: list[Article]) -> list[Article]:
    """The articles the summary reads: those of a story past ``Limits.story_sentences``
    with each sentence an article repeats word for word at its first place only.

    A repeat tells nothing its first place does not, and a text of one
    sentence many times over would be compared with itself in every pair
    (minutes for 2,000 lines). Only past the limit: on the dev sets' stories
    (all within it) the summary stays exactly as it was.
    """
    if sum(len(a.sentences) for a in usable) <= LIMITS.story_sentences:
        return usable
    once = [_once(a) for a in usable]
    return usable if all(map(operator.is_, once, usable)) else once


def _once(article: Article) -> Article:
    """``article`` (itself, if it repeats none) with each sentence text at its first place only.

    The analysis reads the article whole, as it finds a sentence's neighbours
    by its place; the brief lists it whole.
    """
    first = {s.text: s for s in reversed(article.sentences)}
    if len(first) == len(article.sentences):
        return article
    kept = [s for s in article.sentences if first[s.text] is s]
    return dataclasses.replace(article, sentences=kept)


def _left(deadline: float | None) -> float | None:
    """Seconds until ``deadline`` (a ``time.monotonic`` time; None: none), at least ``_LAST``."""
    return None if deadline is None else max(deadline - time.monotonic(), _LAST)


def _analysed(
    usable: list[Article], settings: Settings, budget: float | None
) -> tuple[Brief, CopyIndex | None]:
    """The analysis of the story (no summary yet) and its copy index, if it indexes them all.

    Past its part of the brief's ``budget`` (all but the summary's, at least
    half) what is unfinished is left out, each part named in a warning;
    a story of over ``Limits.story_sentences`` is analysed on its articles' leads.
    """
    # Imported here: the analysis needs spaCy, a second to import, which the
    # extraction and batch-summary paths never use.
    from storybrief.analyze import StoryContext, analyze
    from storybrief.analyze.context import leads

    analysed, k = leads(usable, LIMITS.story_sentences)
    seconds = None if budget is None else max(budget - LIMITS.summary_seconds, budget / 2)
    try:
        with time_budget(seconds, named=budget):
            ctx = StoryContext(analysed, settings)
            brief = analyze(ctx)
            index = ctx.copies if analysed is usable else None
    except Exception as exc:  # the story could not be parsed: the summary may still be
        return Brief(articles=usable, warnings=[StageWarning("analyze", describe(exc))]), None
    if k is not None:
        brief.warnings.append(StageWarning("analyze", _cut(k, usable, analysed)))
    return brief, index


def _cut(k: int, usable: list[Article], analysed: list[Article]) -> str:
    """The warning of a story analysed on its articles' first ``k`` sentences."""
    total = sum(len(a.sentences) for a in usable)
    kept = sum(len(a.sentences) for a in analysed)
    return (
        f"the sentences after each article's first {k:,}: the story's {total:,} sentences are "
        f"over the {LIMITS.story_sentences:,}-sentence limit of one story's analysis, so "
        f"{kept:,} were analysed (each article's first {k:,}); the summary reads all {total:,}"
    )


def _summary(
    usable: list[Article],
    brief: Brief,
    index: CopyIndex | None,
    words: int,
    settings: Settings,
    seconds: float | None,
    budget: float | None,
) -> list[SummarySentence]:
    """The summary of ``usable`` from what the analysis found; past ``seconds`` (what is
    left of the brief's ``budget``), their leads."""
    from storybrief.analyze import disputed_sentences

    try:
        with time_budget(seconds, named=budget):
            return summarize(
                usable,
                words,
                copy_index=index,
                disputed=disputed_sentences(brief.conflicts),
                weights=settings.summary,
                encoder=settings.encoder,
                agreements=brief.agreements,
            )
    except OverBudget as exc:  # caught outside the budget: the leads take no time
        brief.warnings.append(StageWarning("summarize", f"{describe(exc)}; the leads instead"))
        return lead_summary(usable, words)
    except Exception as exc:  # an error boundary: the analysis stands without a summary
        brief.warnings.append(StageWarning("summarize", describe(exc)))
        return []


def lead_summary(usable: list[Article], words: int) -> list[SummarySentence]:
    """The articles' first sentences in turn (each article's first, then its second, ...),
    within ``words`` words, told in story order: the summary of a brief out of time.

    A sentence that another article already gave word for word is passed over.
    """
    order = story_order(usable)
    turns = sorted(collect_candidates(order), key=lambda c: (c.sentence.index, c.article))
    chosen: list[Candidate] = []
    seen: set[str] = set()
    left = words
    for candidate in turns:
        if candidate.words <= left and candidate.text not in seen:
            chosen.append(candidate)
            seen.add(candidate.text)
            left -= candidate.words
    chosen.sort(key=lambda c: (c.article, c.sentence.index))
    return [SummarySentence(c.text, [c.sentence.article], [c.sentence.id]) for c in chosen]


def run(
    inputs: Iterable[str | Path | Text],
    *,
    words: int = DEFAULT_WORDS,
    settings: Settings = DEFAULT,
    on_read: Callable[[Article], None] | None = None,
    allow_private: bool = False,
    llm: LLMSpec | None = None,
    budget: float | None = None,
) -> Brief:
    """Read ``inputs`` (see ``read``) and write the brief of their one story.

    With ``llm``, its summary is then written in prose by that model and
    checked against its sources (``storybrief.llm``); on failure it stays as
    extracted, with a warning. ``budget``: see ``brief_within``.
    """
    articles = read(inputs, on_read=on_read, allow_private=allow_private)
    return brief_within(articles, words=words, settings=settings, llm=llm, budget=budget)


def brief_within(
    articles: list[Article],
    *,
    words: int = DEFAULT_WORDS,
    settings: Settings = DEFAULT,
    llm: LLMSpec | None = None,
    budget: float | None = None,
) -> Brief:
    """The brief of read ``articles``, its analysis and summary within ``budget`` seconds.

    Past the budget the unfinished stages are left out with a warning
    (``brief_of``; None: no limit). The language model's prose comes
    after, outside the budget: it has its own (``settings.llm.seconds``).
    """
    brief = brief_of(articles, words=words, settings=settings, budget=budget)
    if llm is None:
        return brief
    from storybrief.llm import rewrite  # imported only here: the optional extra

    return rewrite(brief, llm, settings.llm, words=words)


def stories_of(articles: list[Article]) -> list[list[Article]]:
    """Prepared ``articles`` grouped into stories (``cluster.stories``), cross-story furniture out.

    Near-exact copies join their original's story. A paragraph that articles
    of several stories carry is no story's (``clean.shared``): it is removed
    from them, recorded with its reason, and those articles are segmented again.
    """
    return stories_and_copies(articles)[0]


def stories_and_copies(
    articles: list[Article], settings: ClusterSettings | None = None
) -> tuple[list[list[Article]], dict[int, int]]:
    """``stories_of``, and each near-exact copy's original (``cluster.stories``' indices);
    grouped by ``settings`` (its ``grain``: a day's events or a storyline's topics)."""
    stories, copies = group_stories(articles, settings)
    drop_furniture(stories)
    return stories, copies


def drop_furniture(stories: list[list[Article]]) -> None:
    """Remove from the articles of ``stories`` the paragraphs several stories carry."""
    furniture = shared_paragraphs(
        story_keys(p for article in story for p in article.paragraphs) for story in stories
    )
    for story in stories:
        for article in story:
            if drop_shared(article, furniture):
                segment(article)
