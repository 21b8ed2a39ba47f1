"""The pipeline: ingest → clean → segment → (cluster) → summarize → analyze.

The CLI, the web app and the Python API all go through ``run``; each stage is
a plain function over the dataclasses in ``storybrief.models``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from storybrief.clean import clean
from storybrief.cluster import group
from storybrief.ingest import read_inputs
from storybrief.models import Article, Brief
from storybrief.segment import segment
from storybrief.summarize import summarize

DEFAULT_WORDS = 120


def prepare(articles: list[Article]) -> list[Article]:
    """Clean and segment a batch; unusable articles stay in it, skipped with a reason."""
    return [segment(article) for article in clean(articles)]


def _is_text(item: str | Path) -> bool:
    return isinstance(item, str) and "\n" in item


def read(
    inputs: Iterable[str | Path],
    *,
    on_read: Callable[[Article], None] | None = None,
    allow_private: bool = False,
) -> list[Article]:
    """Read, clean and segment ``inputs``; unusable ones stay in, skipped with a reason.

    An input is a path, directory or glob, a URL of a page or feed, or (a
    string with a line break) the text of an article itself. URLs on private
    or loopback addresses are refused unless ``allow_private``. ``on_read`` is
    called once per article read, for progress reporting.
    """
    items = list(inputs)
    texts = [
        Article(id=f"text-{n}", source=f"<text {n}>", raw=str(item))
        for n, item in enumerate((i for i in items if _is_text(i)), start=1)
    ]
    paths = [item for item in items if not _is_text(item)]
    return prepare(read_inputs(paths, on_read=on_read, allow_private=allow_private) + texts)


def brief_of(articles: list[Article], *, words: int = DEFAULT_WORDS) -> Brief:
    """The brief of the story that prepared ``articles`` tell."""
    usable = [a for a in articles if a.ok]
    brief = Brief(articles=articles, summary=summarize(usable, words=words))
    # Imported here: the analysis needs spaCy, a second to import, which the
    # extraction and batch-summary paths never use.
    from storybrief.analyze import analyze

    return analyze(brief)


def run(
    inputs: Iterable[str | Path],
    *,
    words: int = DEFAULT_WORDS,
    on_read: Callable[[Article], None] | None = None,
    allow_private: bool = False,
) -> Brief:
    """Read ``inputs`` (see ``read``) and write the brief of their one story."""
    return brief_of(read(inputs, on_read=on_read, allow_private=allow_private), words=words)


def run_stories(
    inputs: Iterable[str | Path],
    *,
    words: int = DEFAULT_WORDS,
    on_read: Callable[[Article], None] | None = None,
    allow_private: bool = False,
) -> tuple[list[Brief], list[Article]]:
    """Read a pile of ``inputs`` (see ``read``), group it into stories, brief each one.

    Returns the briefs, biggest story first, and the inputs that could not be used.
    """
    articles = read(inputs, on_read=on_read, allow_private=allow_private)
    briefs = [brief_of(story, words=words) for story in group(articles)]
    return briefs, [a for a in articles if not a.ok]
