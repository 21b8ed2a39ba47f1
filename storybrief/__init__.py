"""storybrief: many articles about one story in, one cited brief out.

>>> import storybrief
>>> b = storybrief.brief(["examples/iran-iraq-2014/"])
>>> print(storybrief.render(b, "md"))
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

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
    SummarySentence,
    Syndication,
)
from storybrief.pipeline import DEFAULT_WORDS, run, run_stories
from storybrief.render import render

__version__ = "0.1.0"


def brief(
    paths_or_texts: Iterable[str | Path],
    *,
    words: int = DEFAULT_WORDS,
    allow_private: bool = False,
) -> Brief:
    """The brief of one story from files, directories, globs, URLs or article texts.

    A string with a line break is taken as the text of an article; an
    ``http(s)://`` string as a page or feed to fetch (refused on a private or
    loopback address unless ``allow_private``); any other string, and every
    ``Path``, as a path or glob pattern to read.
    """
    return run(paths_or_texts, words=words, allow_private=allow_private)


def stories(
    paths_or_texts: Iterable[str | Path],
    *,
    words: int = DEFAULT_WORDS,
    allow_private: bool = False,
    scheduler: str | None = None,
) -> tuple[list[Brief], list[Article]]:
    """Group a pile of articles into stories: a brief of each, biggest first, and the skipped.

    Inputs are read as by ``brief``. With a ``scheduler`` (a Dask scheduler's
    address, or "local"), the briefs are written on a Dask cluster.
    """
    return run_stories(
        paths_or_texts, words=words, allow_private=allow_private, scheduler=scheduler
    )


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
    "SummarySentence",
    "Syndication",
    "brief",
    "render",
    "stories",
]
