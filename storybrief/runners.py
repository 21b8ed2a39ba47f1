"""Where the briefs of many stories are written: in this process, or on a Dask cluster.

The pipeline (``storybrief.pipeline``) writes the brief of one story and
knows nothing of executors; this module chooses the one that writes many
(``storybrief.distributed`` for Dask), for the Python API
(``storybrief.stories``) and ``storybrief stories``. Each story is its own
error boundary: a story whose brief cannot be written still gets a brief,
of its articles and a warning saying why, and every other story is written;
and each has a time budget (``Limits.brief_seconds`` by default), so one huge
story cannot hold up the run: past it, the brief is written with what was done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from storybrief import pipeline
from storybrief.errors import describe
from storybrief.models import Article, Brief, StageWarning, Text
from storybrief.settings import DEFAULT, LIMITS, Settings


def failed_brief(story: list[Article], error: Exception) -> Brief:
    """The brief of a story whose brief could not be written: its articles, and why not."""
    return Brief(articles=story, warnings=[StageWarning("brief", describe(error))])


def brief_or_warning(
    story: list[Article], *, words: int, settings: Settings, budget: float | None
) -> Brief:
    """``pipeline.brief_within``, where a failure becomes the story's warning, not an error."""
    try:
        return pipeline.brief_within(story, words=words, settings=settings, budget=budget)
    except Exception as error:  # an error boundary: one story must not end a run of many
        return failed_brief(story, error)


def brief_stories(
    stories: list[list[Article]],
    *,
    words: int = pipeline.DEFAULT_WORDS,
    settings: Settings = DEFAULT,
    on_done: Callable[[], None] | None = None,
    scheduler: str | None = None,
    budget: float | None = LIMITS.brief_seconds,
) -> list[Brief]:
    """The brief of each story (prepared articles), in order.

    With a ``scheduler`` (a Dask scheduler's address, or "local" for a
    cluster of this machine's cores) the briefs are written on Dask workers;
    they are the same briefs. ``on_done`` is called once per brief. Each brief's
    analysis and summary stop at ``budget`` seconds (``pipeline.brief_within``).
    """
    write = partial(brief_or_warning, words=words, settings=settings, budget=budget)
    if scheduler is not None:
        # Imported here: Dask is an optional dependency, and slow to import.
        from storybrief.distributed import map_on_dask

        return map_on_dask(write, stories, failed_brief, scheduler, on_done)
    briefs = []
    for story in stories:
        briefs.append(write(story))
        if on_done is not None:
            on_done()
    return briefs


def run_stories(
    inputs: Iterable[str | Path | Text],
    *,
    words: int = pipeline.DEFAULT_WORDS,
    settings: Settings = DEFAULT,
    on_read: Callable[[Article], None] | None = None,
    allow_private: bool = False,
    scheduler: str | None = None,
    budget: float | None = LIMITS.brief_seconds,
) -> tuple[list[Brief], list[Article]]:
    """Read a pile of ``inputs`` (``pipeline.read``), group it into stories, brief each.

    Returns the briefs, biggest story first, and the inputs that could not be
    used. ``scheduler`` and ``budget`` as for ``brief_stories``.
    """
    articles = pipeline.read(inputs, on_read=on_read, allow_private=allow_private)
    stories = pipeline.stories_of(articles)
    briefs = brief_stories(
        stories, words=words, settings=settings, scheduler=scheduler, budget=budget
    )
    return briefs, [a for a in articles if not a.ok]
