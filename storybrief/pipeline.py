"""The pipeline: ingest → clean → segment → (cluster) → analyze → summarize.

The CLI, the web app and the Python API all go through ``read`` and
``brief_of``; each stage is a plain function over the dataclasses in
``storybrief.models``. Where the briefs of many stories are written (this
process, a Dask cluster) is ``storybrief.runners``' business: this module
knows one story at a time.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from storybrief.clean import clean
from storybrief.clean.shared import drop_shared, shared_paragraphs, story_keys
from storybrief.cluster import stories as group_stories
from storybrief.errors import OverBudget, describe, time_budget
from storybrief.ingest import read_inputs
from storybrief.ingest.decode import normalise_newlines
from storybrief.models import Article, Brief, StageWarning, Text
from storybrief.segment import segment
from storybrief.settings import DEFAULT, Settings
from storybrief.summarize import summarize
from storybrief.summarize.headline import headline_of

if TYPE_CHECKING:  # the language model is optional: imported only when one is asked for
    from storybrief.llm import LLMSpec

DEFAULT_WORDS = 120
# After the budget, a thread's cut is raised again this often (seconds), as
# ``errors.time_budget`` does: the stage after a cut one is cut too.
_CUT_AGAIN = 0.5


def prepare(articles: list[Article]) -> list[Article]:
    """Clean and segment a batch; unusable articles stay in it, skipped with a reason."""
    return [segment(article) for article in clean(articles)]


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
    return prepare(read_inputs(paths, on_read=on_read, allow_private=allow_private) + texts)


def brief_of(
    articles: list[Article], *, words: int = DEFAULT_WORDS, settings: Settings = DEFAULT
) -> Brief:
    """The brief of the story that prepared ``articles`` tell.

    The story is analyzed, then summarized from what the analysis found, then
    headed (``summarize.headline``). A part that fails is left out of the
    brief and named in its ``warnings``.
    """
    usable = [a for a in articles if a.ok]
    if not usable:
        return Brief(articles=articles)
    # Imported here: the analysis needs spaCy, a second to import, which the
    # extraction and batch-summary paths never use.
    from storybrief.analyze import StoryContext, analyze, disputed_sentences

    index = None
    try:
        ctx = StoryContext(usable, settings)
        brief = analyze(ctx)
        index = ctx.copies
    except Exception as exc:  # the story could not be parsed: the summary may still be
        brief = Brief(articles=usable, warnings=[StageWarning("analyze", describe(exc))])
    summary = []
    try:
        summary = summarize(
            usable,
            words,
            copy_index=index,
            disputed=disputed_sentences(brief.conflicts),
            weights=settings.summary,
            encoder=settings.encoder,
            agreements=brief.agreements,
        )
    except Exception as exc:  # an error boundary: the analysis stands without a summary
        brief.warnings.append(StageWarning("summarize", describe(exc)))
    brief = dataclasses.replace(brief, articles=articles, summary=summary)
    try:  # last: the headline reads the summary and the headline conflicts
        brief.headline = headline_of(brief, settings.headline)
    except Exception as exc:  # an error boundary: the brief stands under a plainer headline
        brief.warnings.append(StageWarning("headline", describe(exc)))
    return brief


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
    """The brief of read ``articles``, its analysis and summary cut at ``budget`` seconds.

    Past the budget the unfinished stages are left out with a warning
    (``errors.time_budget``; None: no limit). The language model's prose comes
    after, outside the budget: it has its own (``settings.llm.seconds``).
    """
    with within(budget) if budget else nullcontext():
        brief = brief_of(articles, words=words, settings=settings)
    if llm is None:
        return brief
    from storybrief.llm import rewrite  # imported only here: the optional extra

    return rewrite(brief, llm, settings.llm, words=words)


def within(seconds: float) -> contextlib.AbstractContextManager[None]:
    """``errors.time_budget`` in a process's main thread; in any other thread (a Dask
    worker's task, a thread pool) the same cut, raised into that thread (``_thread_budget``)."""
    if threading.current_thread() is threading.main_thread():
        return time_budget(seconds)
    return _thread_budget(seconds)


@contextmanager
def _thread_budget(seconds: float) -> Iterator[None]:
    """Cut the work of this thread after ``seconds``: ``OverBudget`` is raised into it.

    SIGALRM reaches only a main thread; CPython can raise an exception into
    another one (``PyThreadState_SetAsyncExc``), between two steps of its
    Python code, so a C call (a spaCy parse of one text) finishes first.
    """
    message = f"stopped: over the {seconds:g} s time budget of one brief"
    # Raised by class, not instance: this subclass carries the message.
    cut = type(
        "OverBudget", (OverBudget,), {"__init__": lambda self: OverBudget.__init__(self, message)}
    )
    target, done, lock = ctypes.c_ulong(threading.get_ident()), threading.Event(), threading.Lock()
    live = [True]  # the block runs: a cut may be raised

    def timer() -> None:
        wait = seconds
        while not done.wait(wait):
            with lock:
                if not live[0]:
                    return
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(cut))
            wait = _CUT_AGAIN

    threading.Thread(target=timer, daemon=True).start()
    try:
        yield
    finally:
        # First, and without a call (where a pending cut would be raised): no cut after this.
        # A cut already raised may still arrive here, once, and leave the block as its error.
        live[0] = False
        done.set()
        with lock:  # a cut raised but not yet delivered is withdrawn: the block is over
            ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)


def stories_of(articles: list[Article]) -> list[list[Article]]:
    """Prepared ``articles`` grouped into stories (``cluster.stories``), cross-story furniture out.

    Near-exact copies join their original's story. A paragraph that articles
    of several stories carry is no story's (``clean.shared``): it is removed
    from them, recorded with its reason, and those articles are segmented again.
    """
    stories = group_stories(articles)[0]
    drop_furniture(stories)
    return stories


def drop_furniture(stories: list[list[Article]]) -> None:
    """Remove from the articles of ``stories`` the paragraphs several stories carry."""
    furniture = shared_paragraphs(
        story_keys(p for article in story for p in article.paragraphs) for story in stories
    )
    for story in stories:
        for article in story:
            if drop_shared(article, furniture):
                segment(article)
