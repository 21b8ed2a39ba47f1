"""Where the briefs of many stories are written: in this process, or on a Dask cluster.

The pipeline (``storybrief.pipeline``) writes the brief of one story and
knows nothing of executors; this module chooses the one that writes many
(``storybrief.distributed`` for Dask), for the Python API
(``storybrief.stories``) and ``storybrief stories``. Each story is its own
error boundary: a story whose brief cannot be written still gets a brief,
of its articles and a warning saying why, and every other story is written;
and each has a time budget (``Limits.brief_seconds`` by default), so one huge
story cannot hold up the run: past it, the brief is written with what was done.

Most stories of a pile are two or three short articles, and spaCy parses one
batch of many texts in about half the time it takes for them a story at a time
(measured on stories-dev), so the stories are briefed in chunks whose texts
are parsed ahead in one batch (``analyze.context.parsing``); the parse, and so
the brief, does not depend on the batch. In this process or on a pool of
worker processes (``workers``), a chunk a task.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import TypeVar

from storybrief import pipeline
from storybrief.errors import describe
from storybrief.models import Article, Brief, StageWarning, Text
from storybrief.processes import (
    blas_on_one_thread,
    even_runs,
    one_blas_thread,
    spared_by_collector,
    worker_context,
)
from storybrief.settings import DEFAULT, LIMITS, ClusterSettings, Settings

T = TypeVar("T")


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


# Texts parsed ahead at a time: spaCy's CPU time per text falls by a quarter from
# batches of 10 to 200 and little after (measured on stories-dev sentences), and a
# pile of a thousand articles still makes several chunks to share out among workers.
AHEAD_TEXTS = 500
# Characters of one story's texts parsed ahead at most: the longest article of the dev
# sets is under 100 KB, and spaCy parses this much in seconds (a chunk of 500 texts too).
AHEAD_CHARS = 100_000


def chunks(
    stories: list[list[Article]], texts: int, workers: int = 1
) -> Iterator[list[list[Article]]]:
    """``stories`` in order, in runs of at most about ``texts`` texts to parse
    (``parsed_ahead``) each, as many as makes their number a multiple of ``workers``.

    Runs of equal size, not runs of ``texts`` and a short last one: a pool's
    workers take as many each and end together. Cut so, a 1,002-article draw's
    seven chunks (six of ~500 texts and one of 150, about 3 s of CPU against
    0.6 s) left one of two workers idle 0.3 s at the end, 3% of the run. A pile
    of fewer than ``texts`` texts stays one chunk: briefed here, no pool started.
    """
    sizes = [len(parsed_ahead(story)) for story in stories]
    count = -(-sum(sizes) // texts)
    return even_runs(stories, sizes, -(-count // workers) * workers if count > 1 else 1)


def parsed_ahead(story: list[Article]) -> list[str]:
    """The texts of ``story`` its brief will parse: its usable articles' sentences and titles,
    with and without a topic prefix (the headline conflict reads the latter).

    None of a story over ``Limits.story_sentences`` (its analysis reads its leads
    only), nor of one over ``AHEAD_CHARS``: the parse ahead has no time budget,
    so a story that might need one (``Limits.brief_seconds``) parses its own.
    """
    usable = [a for a in story if a.ok]
    texts = [s.text for a in usable for s in a.sentences] + _titles(usable)
    too_long = sum(map(len, texts)) > AHEAD_CHARS
    return (
        [] if too_long or sum(len(a.sentences) for a in usable) > LIMITS.story_sentences else texts
    )


def _titles(articles: list[Article]) -> list[str]:
    """The titles of ``articles``, then those that differ without their topic prefix."""
    from storybrief.analyze.conflicts.headline import bare_title  # spaCy: a second to import

    titles = [a.title for a in articles if a.title]
    return titles + [b for t in titles if (b := bare_title(t)) != t]


def brief_chunk(write: Callable[[list[Article]], Brief], chunk: list[list[Article]]) -> list[Brief]:
    """``write`` of each story of ``chunk``, their texts parsed ahead in one batch.

    On one BLAS thread (``processes.blas_on_one_thread``), in this process too; the
    models and the chunk's parses spared the garbage collector's passes
    (``processes.spared_by_collector``).

    The texts are made again here, not handed over by ``chunks``, which sized the chunk
    by them: a pool's worker and a Dask task (whose chunks ``chunks`` never cut) receive
    the stories alone, and the texts sent beside them would pickle every sentence twice.
    Remade, they cost one pass over the sentences and titles, nothing beside their parse.
    """
    from storybrief.analyze.context import parsing  # spaCy: a second to import

    texts = (text for story in chunk for text in parsed_ahead(story))
    with blas_on_one_thread(), parsing(texts), spared_by_collector():
        return [write(story) for story in chunk]


def writer(
    words: int = pipeline.DEFAULT_WORDS,
    settings: Settings = DEFAULT,
    budget: float | None = LIMITS.brief_seconds,
) -> Callable[[list[Article]], Brief]:
    """What writes one story's brief: ``brief_or_warning`` with these options."""
    return partial(brief_or_warning, words=words, settings=settings, budget=budget)


def brief_stories(
    stories: list[list[Article]],
    *,
    words: int = pipeline.DEFAULT_WORDS,
    settings: Settings = DEFAULT,
    on_done: Callable[[], None] | None = None,
    scheduler: str | None = None,
    budget: float | None = LIMITS.brief_seconds,
    workers: int = 1,
) -> list[Brief]:
    """The brief of each story (prepared articles), in order.

    With a ``scheduler`` (a Dask scheduler's address, or "local" for a
    cluster of this machine's cores) the briefs are written on Dask workers;
    else on ``workers`` processes (this one for 1). They are the same briefs.
    ``on_done`` is called once per brief. Each brief's analysis and summary
    stop at ``budget`` seconds (``pipeline.brief_within``).
    """
    write = writer(words, settings, budget)
    briefs = briefs_in_order(stories, write, on_done=on_done, scheduler=scheduler, workers=workers)
    return list(briefs)


def briefs_in_order(
    stories: list[list[Article]],
    write: Callable[[list[Article]], Brief],
    *,
    on_done: Callable[[], None] | None = None,
    scheduler: str | None = None,
    workers: int = 1,
) -> Iterator[Brief]:
    """``write`` of each story (``writer``), as ``brief_stories`` writes them, each brief
    given as soon as it and those before it are written.

    So a caller writes each story's page while a pool's workers write the next
    briefs: on a pool the parent process is otherwise idle until the last brief,
    and only then renders and writes every page (a few tenths of a second of a
    1,002-article pile's run, with both cores idle but one).
    """
    if scheduler is not None:
        # Imported here: Dask is an optional dependency, and slow to import.
        from storybrief.distributed import map_on_dask

        yield from map_on_dask(write, stories, failed_brief, scheduler, on_done)
        return
    parts = list(chunks(stories, AHEAD_TEXTS, workers))
    if workers > 1 and len(parts) > 1:
        yield from _on_pool(write, parts, workers, on_done)
        return
    for chunk in parts:
        for brief in brief_chunk(write, chunk):
            if on_done is not None:
                on_done()
            yield brief


def _on_pool(
    write: Callable[[list[Article]], Brief],
    parts: list[list[list[Article]]],
    workers: int,
    on_done: Callable[[], None] | None,
) -> Iterator[Brief]:
    """``brief_chunk`` of each of ``parts`` on a pool of ``workers`` processes, in order,
    each chunk's briefs given as soon as they and those before are written.

    A chunk whose task fails (its worker died) gives each of its stories a failed brief.
    """
    context = worker_context(__name__)
    if context.get_start_method() == "fork":
        _load_models()  # loaded before forking, they are shared by the workers, not loaded twice
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker) as pool:
        futures = [pool.submit(brief_chunk, write, chunk) for chunk in parts]
        for chunk, future in zip(parts, futures, strict=True):
            yield from _done(chunk, future, on_done)


def grouped_meanwhile(group: Callable[[], T], workers: int) -> T:
    """``group()`` (reading, cleaning and grouping a pile), in a forked child process while
    this one loads the models a pool of ``workers`` will share (``_on_pool``).

    The parent of a pool forks its workers once it has loaded the models (a
    second and a half: spaCy's import and both models), and before that had one
    core idle while it grouped (seconds). Each worker loading its own instead
    would double that work (1.45 s of CPU each, measured: on two cores, no wall gained).
    For one worker, or where forking is not safe (``processes.worker_context``),
    ``group()`` runs here. ``group`` and what it returns must pickle.
    """
    context = worker_context(__name__)
    if workers < 2 or context.get_start_method() != "fork":
        return group()
    _load_shared()
    with ProcessPoolExecutor(1, mp_context=context) as child:  # shut down: no thread left
        grouped = child.submit(group)
        _load_models()
        return grouped.result()


def _load_shared() -> None:
    """Load what both the grouping child and the pool's workers use, once, before forking.

    Each of the two processes loaded the sentence encoder after the fork (0.16 s
    of CPU twice). Done here, it is done once.
    """
    from storybrief.nlp.embeddings import model

    model()


def _load_models() -> None:
    """Load the spaCy pipeline and the sentence encoder of this process."""
    from storybrief.analyze.context import nlp
    from storybrief.nlp.embeddings import model

    nlp()
    model()


def _start_worker() -> None:
    one_blas_thread()
    _load_models()


def _done(
    chunk: list[list[Article]], future: Future[list[Brief]], on_done: Callable[[], None] | None
) -> Iterator[Brief]:
    """The briefs of ``chunk`` from its task's ``future``; failed briefs if it failed."""
    try:
        briefs = future.result()
    except Exception as error:  # an error boundary: one chunk must not end the run
        briefs = [failed_brief(story, error) for story in chunk]
    for brief in briefs:
        if on_done is not None:
            on_done()
        yield brief


def run_stories(
    inputs: Iterable[str | Path | Text],
    *,
    words: int = pipeline.DEFAULT_WORDS,
    settings: Settings = DEFAULT,
    on_read: Callable[[Article], None] | None = None,
    allow_private: bool = False,
    scheduler: str | None = None,
    budget: float | None = LIMITS.brief_seconds,
    grouping: ClusterSettings | None = None,
) -> tuple[list[Brief], list[Article]]:
    """Read a pile of ``inputs`` (``pipeline.read``), group it into stories by ``grouping``
    (its ``grain``; the default event grain when None), brief each.

    Returns the briefs, biggest story first, and the inputs that could not be
    used. ``scheduler`` and ``budget`` as for ``brief_stories``.
    """
    articles = pipeline.read(inputs, on_read=on_read, allow_private=allow_private)
    stories = pipeline.stories_and_copies(articles, grouping)[0]
    briefs = brief_stories(
        stories, words=words, settings=settings, scheduler=scheduler, budget=budget
    )
    return briefs, [a for a in articles if not a.ok]
