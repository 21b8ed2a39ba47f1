"""storybrief: many articles about one story in, one cited brief out.

>>> import storybrief
>>> b = storybrief.brief(["examples/iran-iraq-2014/"])
>>> print(storybrief.render(b, "md"))
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from storybrief.models import (
    Agreement,
    Article,
    Brief,
    Claim,
    Conflict,
    Entity,
    Quote,
    RemovedLine,
    Sentence,
    StageWarning,
    SummarySentence,
    Syndication,
    Text,
)
from storybrief.pile import group_pile, read_lines
from storybrief.pipeline import DEFAULT_WORDS, run
from storybrief.render import render
from storybrief.runners import run_stories
from storybrief.settings import DEFAULT, LIMITS, ClusterSettings, Settings

__version__ = "0.1.0"
MIN_WORDS = 10  # the shortest summary asked for, as on the command line (--words)
Inputs = Iterable[str | Path | Text] | str | Path | Text


def _checked(paths_or_texts: Inputs, words: int) -> Iterable[str | Path | Text]:
    """The inputs as a sequence, after checking ``words``; raise ``ValueError`` if it is bad.

    One path, URL or ``Text`` given alone is one input: a string is a path,
    not a sequence of one-character paths.
    """
    if isinstance(words, bool) or not isinstance(words, int) or words < MIN_WORDS:
        raise ValueError(f"words is the summary's length: a whole number of at least {MIN_WORDS}")
    if isinstance(paths_or_texts, str | Path | Text):
        return [paths_or_texts]
    return paths_or_texts


def brief(
    paths_or_texts: Inputs,
    *,
    words: int = DEFAULT_WORDS,
    settings: Settings = DEFAULT,
    allow_private: bool = False,
    budget: float | None = LIMITS.brief_seconds,
) -> Brief:
    """The brief of one story from files, directories, globs, URLs or article texts.

    A ``Text`` is the text of an article itself; a string is always a path,
    directory, glob pattern or URL, never article text (one given alone is
    one input): an ``http(s)://``
    string is a page or feed to fetch (refused on a private or loopback
    address unless ``allow_private``), any other string, and every ``Path``,
    a path or glob pattern to read. ``words`` (at least 10) is the summary's
    length. ``settings`` holds the analysis'
    thresholds and the summary's weights (``storybrief.settings``). A part
    of the brief that fails is left out and named in its ``warnings``; so is
    what is unfinished after ``budget`` seconds of analysis and summary
    (``Limits.brief_seconds`` by default; None: no limit).
    """
    inputs = _checked(paths_or_texts, words)
    return run(inputs, words=words, settings=settings, allow_private=allow_private, budget=budget)


def stories(
    paths_or_texts: Inputs,
    *,
    words: int = DEFAULT_WORDS,
    settings: Settings = DEFAULT,
    allow_private: bool = False,
    scheduler: str | None = None,
    budget: float | None = LIMITS.brief_seconds,
    grouping: ClusterSettings | None = None,
) -> tuple[list[Brief], list[Article]]:
    """Group a pile of articles into stories: a brief of each, biggest first, and the skipped.

    ``paths_or_texts`` and ``settings`` are as for ``brief``; ``grouping`` as
    ``settings`` for ``group`` (``ClusterSettings(grain="topic")`` groups a
    storyline's days as one story, ``storybrief stories --grain topic``). With a
    ``scheduler`` (a Dask scheduler's address, or "local"), the briefs are
    written on a Dask cluster. A story whose brief cannot be written still
    gets one, of its articles and a warning saying why; the other stories
    are written. Each story's brief has ``budget`` seconds, as for ``brief``.
    """
    return run_stories(
        _checked(paths_or_texts, words),
        words=words,
        settings=settings,
        allow_private=allow_private,
        scheduler=scheduler,
        budget=budget,
        grouping=grouping,
    )


def _line(article: object) -> str:
    """An article given to ``group`` as the JSON line it stands for."""
    if isinstance(article, str):
        return article
    # A value JSON has no form for (a datetime) is given as its text, as a JSON line would; a
    # value that is no mapping (a number, a list) is a line that is no JSON object: an error
    # record of its own, as in a file, not a TypeError that loses the whole pile.
    return json.dumps(dict(article) if isinstance(article, Mapping) else article, default=str)


def group(
    articles: Iterable[str | Mapping[str, Any]],
    *,
    settings: ClusterSettings | None = None,
    scheduler: str | None = None,
) -> list[dict[str, Any]]:
    """Each article's story: ``storybrief stories --jsonl IN --out OUT --group-only`` in Python.

    ``articles`` are JSON lines (strings) or mappings, one per article, with
    the fields of an input line: ``{"id", "text" | "html", "title",
    "published", "outlet", "url"}``. Returns one record per article, in the
    same order: ``{"id", "story", "duplicate_of"}``, and ``"error"`` for an
    article that could not be used (its ``"story"`` is None); see
    ``storybrief.pile``. An item of any other type gets an error record too,
    not an exception that loses the pile. With a ``scheduler`` (a Dask
    scheduler's address, or "local"), the articles are cleaned and grouped on
    Dask (``distributed.DaskPile``): the same records.
    """
    lines = (_line(article) for article in articles)
    if scheduler is None:
        return [line.record() for line in group_pile(read_lines(lines), settings).lines]
    # Imported here: Dask is an optional dependency, and slow to import.
    from storybrief.distributed import DaskPile, dask_client

    with dask_client(scheduler) as client:
        pile = DaskPile(client, settings).group(lines, "<jsonl>")
    return [line.record() for line in pile.lines]


__all__ = [
    "Agreement",
    "Article",
    "Brief",
    "Claim",
    "Conflict",
    "Entity",
    "Quote",
    "RemovedLine",
    "Sentence",
    "Settings",
    "StageWarning",
    "SummarySentence",
    "Syndication",
    "Text",
    "brief",
    "group",
    "render",
    "stories",
]
