"""The pipeline: ingest → clean → segment → (cluster) → summarize → analyze.

The CLI, the web app and the Python API all go through ``run``; each stage is
a plain function over the dataclasses in ``storybrief.models``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from storybrief.clean import clean
from storybrief.clean.shared import drop_shared, shared_paragraphs, story_keys
from storybrief.cluster import group
from storybrief.errors import describe
from storybrief.ingest import read_inputs
from storybrief.models import Article, Brief, StageWarning
from storybrief.segment import segment
from storybrief.settings import DEFAULT, Settings
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


def brief_of(
    articles: list[Article], *, words: int = DEFAULT_WORDS, settings: Settings = DEFAULT
) -> Brief:
    """The brief of the story that prepared ``articles`` tell.

    The story is analyzed, then summarized from what the analysis found. A
    part that fails is left out of the brief and named in its ``warnings``.
    """
    usable = [a for a in articles if a.ok]
    if not usable:
        return Brief(articles=articles)
    # Imported here: the analysis needs spaCy, a second to import, which the
    # extraction and batch-summary paths never use.
    from storybrief.analyze import Findings, StoryContext, analyze

    index, warnings = None, []
    try:
        ctx = StoryContext(usable, settings)
        findings = analyze(ctx)
        index = ctx.copies
    except Exception as exc:  # the story could not be parsed: the summary may still be
        findings, warnings = Findings(), [StageWarning("analyze", describe(exc))]
    summary = []
    try:
        summary = summarize(
            usable, words, copy_index=index, disputed=findings.disputed, weights=settings.summary
        )
    except Exception as exc:  # an error boundary: the analysis stands without a summary
        warnings.append(StageWarning("summarize", describe(exc)))
    return Brief(
        articles=articles,
        summary=summary,
        syndication=findings.syndication,
        entities=findings.entities,
        quotes=findings.quotes,
        agreements=findings.agreements,
        conflicts=findings.conflicts,
        timeline=findings.timeline,
        warnings=findings.warnings + warnings,
    )


def run(
    inputs: Iterable[str | Path],
    *,
    words: int = DEFAULT_WORDS,
    on_read: Callable[[Article], None] | None = None,
    allow_private: bool = False,
) -> Brief:
    """Read ``inputs`` (see ``read``) and write the brief of their one story."""
    return brief_of(read(inputs, on_read=on_read, allow_private=allow_private), words=words)


def stories_of(articles: list[Article]) -> list[list[Article]]:
    """Prepared ``articles`` grouped into stories (``cluster.group``), cross-story furniture out.

    A paragraph that articles of several stories carry is no story's
    (``clean.shared``): it is removed from them, recorded with its reason,
    and those articles are segmented again.
    """
    stories = group(articles)
    furniture = shared_paragraphs(
        story_keys(p for article in story for p in article.paragraphs) for story in stories
    )
    for story in stories:
        for article in story:
            if drop_shared(article, furniture):
                segment(article)
    return stories


def brief_stories(
    stories: list[list[Article]],
    *,
    words: int = DEFAULT_WORDS,
    on_done: Callable[[], None] | None = None,
    scheduler: str | None = None,
) -> list[Brief]:
    """The brief of each story (prepared articles), in order.

    With a ``scheduler`` (a Dask scheduler's address, or "local" for a
    cluster of this machine's cores) the briefs are written on Dask workers;
    they are the same briefs. ``on_done`` is called once per brief.
    """
    if scheduler is not None:
        from storybrief.distributed import brief_stories_dask

        return brief_stories_dask(stories, words, scheduler, on_done)
    briefs = []
    for story in stories:
        briefs.append(brief_of(story, words=words))
        if on_done is not None:
            on_done()
    return briefs


def run_stories(
    inputs: Iterable[str | Path],
    *,
    words: int = DEFAULT_WORDS,
    on_read: Callable[[Article], None] | None = None,
    allow_private: bool = False,
    scheduler: str | None = None,
) -> tuple[list[Brief], list[Article]]:
    """Read a pile of ``inputs`` (see ``read``), group it into stories (``stories_of``), brief each.

    Returns the briefs, biggest story first, and the inputs that could not be
    used. ``scheduler`` as for ``brief_stories``.
    """
    articles = read(inputs, on_read=on_read, allow_private=allow_private)
    briefs = brief_stories(stories_of(articles), words=words, scheduler=scheduler)
    return briefs, [a for a in articles if not a.ok]
