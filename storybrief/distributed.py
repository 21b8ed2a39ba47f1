"""The pipeline on a Dask cluster, for piles and archives too big for one machine.

* Batch summaries: the same per-cluster function as ``storybrief.batch``
  (``summarize_record``) runs on Dask workers: the input JSONL file is read by
  the workers in blocks of whole lines (``dask.bag.read_text``), so it must be
  at a path every worker can read (a shared file system, or any URL fsspec
  reads, such as ``s3://``); summaries come back to the calling process,
  which writes them in input order, so the output is the same file
  ``storybrief summarize`` writes on one machine.
* A JSON Lines pile (``storybrief stories --jsonl --dask``, ``DaskPile``):
  read, cleaned, grouped and briefed with the articles on the workers, a
  block of lines each; the calling process groups the pile from what each
  article's grouping needs (``cluster.features``), so it gives the same
  stories, and the same briefs, as on one machine.
* Briefs of many stories read from files or URLs (``storybrief stories
  INPUT… --dask``): the pile is read, cleaned and grouped by the calling
  process; each story's brief is then written on a worker by the function
  ``storybrief.runners`` hands ``map_on_dask``, the briefs returned in story
  order, the same briefs as on one machine.

Each worker process loads the models once, on its first task.

Dask is an optional dependency: ``pip install 'storybrief[dask]'``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from storybrief.batch import BatchCounts, paragraph_keys, summarize_record, write_records
from storybrief.clean import count_lines
from storybrief.clean.shared import (
    SHARED_STORIES,
    drop_shared,
    paragraph_key,
    shared_paragraphs,
    story_keys,
)
from storybrief.clean.text import LineCounts
from storybrief.cluster import story_rows
from storybrief.cluster.features import Features, concat, features
from storybrief.models import Article, Brief
from storybrief.pile import (
    BLOCK_LINES,
    Line,
    Pile,
    number_stories,
    parse_line,
    rename,
    unique_id,
)
from storybrief.pipeline import prepare
from storybrief.processes import runs
from storybrief.segment import segment
from storybrief.settings import ClusterSettings

if TYPE_CHECKING:
    from distributed import Client

# Input read per task: at most this much (thousands of clusters, seconds of work
# each), and small enough that every worker gets several tasks of a small file.
MAX_BLOCK_BYTES = 64 * 2**20
TASKS_PER_WORKER = 4
# Articles a brief task gets: stories-dev's run 3-4 texts to parse an article, so
# about ``runners.AHEAD_TEXTS`` texts, which ``runners.brief_chunk`` parses in one batch.
AHEAD_ARTICLES = 150

T = TypeVar("T")
R = TypeVar("R")


def _summarize_line(line: str, words: int, furniture: frozenset[str]) -> dict[str, Any]:
    return summarize_record(line.rstrip("\r\n"), words, furniture)


def _keys(line: str) -> list[str]:
    return sorted(paragraph_keys(line.rstrip("\r\n")))


@contextmanager
def dask_client(scheduler: str) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a new one on this machine for "local"."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise RuntimeError(
            "Dask is not installed: pip install 'storybrief[dask]' to use --dask"
        ) from exc
    if scheduler != "local":
        with Client(scheduler) as client:
            yield client
        return
    # One single-threaded worker per core: the summarizer is CPU-bound Python and numpy.
    # ``dashboard_address=None`` turns the dashboard pages off, but the scheduler still
    # serves HTTP, on port 8787 (and warns when that is taken): give it any free port
    # of the loopback address instead, so no fixed port is claimed and nothing listens
    # outside this machine.
    with (
        LocalCluster(
            n_workers=os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def summarize_jsonl_dask(
    in_path: str | Path,
    out_path: Path,
    words: int,
    scheduler: str = "local",
    block_bytes: int | None = None,
    on_done: Callable[[], None] | None = None,
) -> BatchCounts:
    """Summarize every cluster of ``in_path`` on Dask into ``out_path``, in input order.

    ``scheduler`` is a scheduler address (``tcp://host:8786``) or ``"local"``
    for a cluster of this machine's cores. Output lines and errors are those
    of ``storybrief.batch.summarize_jsonl``. ``block_bytes`` is the input read
    per task (by default, sized so that each worker gets several tasks).
    """
    with dask_client(scheduler) as client:
        import dask.bag
        from fsspec.core import url_to_fs

        if block_bytes is None:
            fs, path = url_to_fs(str(in_path))
            workers = sum(client.nthreads().values()) or 1
            block_bytes = min(
                MAX_BLOCK_BYTES, max(1, fs.size(path) // (workers * TASKS_PER_WORKER) + 1)
            )
        # Bytes that are not UTF-8 become U+FFFD, as in the one-machine batch.
        lines = dask.bag.read_text(
            str(in_path), blocksize=block_bytes, encoding="utf-8-sig", errors="replace"
        )
        # The batch's furniture (``storybrief.clean.shared.shared_paragraphs``), counted
        # by the workers in a first pass; only the shared keys come back here,
        # and the set then goes with each task.
        counts = lines.map(_keys).flatten().frequencies()
        furniture = frozenset(counts.filter(lambda kv: kv[1] >= SHARED_STORIES).pluck(0).compute())
        # One future per block of lines, collected in order: memory holds one block's summaries.
        blocks = client.compute(lines.map(_summarize_line, words, furniture).to_delayed())

        def records() -> Iterator[dict[str, Any]]:
            for block in blocks:
                yield from block.result()
                block.release()

        return write_records(records(), out_path, on_done)


def map_on_dask(
    function: Callable[[T], R],
    items: list[T],
    failed: Callable[[T, Exception], R],
    scheduler: str = "local",
    on_done: Callable[[], None] | None = None,
) -> list[R]:
    """``function`` of each of ``items``, computed on Dask, in the same order.

    A task that fails on the cluster (it raised, or its worker died) gives
    ``failed(item, error)`` for its item, and the others go on. ``scheduler``
    as for ``summarize_jsonl_dask``; ``on_done`` is called once per item.
    """
    with dask_client(scheduler) as client:
        # Not pure: hashing every item to name the tasks would cost more than it saves.
        futures = client.map(function, items, pure=False)
        return _results(futures, items, failed, on_done)


def _parse_block(texts: list[str], first: int, name: str) -> list[Line]:
    """Lines ``first``, ``first + 1``, … (from 1) of the pile, parsed; ids not yet unique."""
    return [parse_line(first + k, text, name) for k, text in enumerate(texts)]


def _names(lines: list[Line]) -> list[Article]:
    """What making ids unique reads of each line's article: its id, source and reason."""
    return [
        Article(id=line.article.id, source=line.article.source, reason=line.article.reason)
        for line in lines
    ]


def _count_block(lines: list[Line]) -> LineCounts:
    return count_lines([line.article for line in lines])


def _clean_block(lines: list[Line], renames: dict[int, str], shared: frozenset[int]) -> list[Line]:
    """The lines' articles, given their ids unique in the pile (by line), cleaned with the
    short lines the pile shares (``pile.prepare_lines``)."""
    for k, new_id in renames.items():
        rename(lines[k], new_id)
    prepare([line.article for line in lines], shared)
    return lines


def _stub(article: Article) -> Article:
    """An article without its text: what the calling process keeps of it."""
    return Article(
        id=article.id,
        source=article.source,
        kind=article.kind,
        title=article.title,
        published=article.published,
        outlet=article.outlet,
        url=article.url,
        status=article.status,
        reason=article.reason,
        partial=article.partial,
    )


@dataclass(frozen=True)
class _Summary:
    """What grouping needs of a block of lines, and what the output says of each line."""

    lines: list[Line]  # each with a ``_stub`` of its article
    features: Features  # of its usable articles, in order
    keys: list[frozenset[int]]  # the hashed paragraph keys of each usable article


def _key(paragraph_key: str) -> int:
    """A paragraph's key (``clean.shared``) as 8 bytes: the keys travel, not the text."""
    return int.from_bytes(hashlib.blake2b(paragraph_key.encode(), digest_size=8).digest())


def _summarize_block(lines: list[Line], settings: ClusterSettings) -> _Summary:
    usable = [line.article for line in lines if line.article.ok]
    return _Summary(
        [dataclasses.replace(line, article=_stub(line.article)) for line in lines],
        features(usable, settings),
        [frozenset(_key(k) for k in story_keys(a.paragraphs)) for a in usable],
    )


def _finish_block(lines: list[Line], first: int, furniture: frozenset[int]) -> dict[int, Article]:
    """The usable articles of the block by line number, the pile's furniture dropped from them
    (``pipeline.drop_furniture``, on keys hashed as ``_key``)."""
    found = frozenset(
        key
        for line in lines
        for p in line.article.paragraphs
        if _key(key := paragraph_key(p)) in furniture
    )
    out = {}
    for k, line in enumerate(lines):
        if line.article.ok:
            if found and drop_shared(line.article, found):
                segment(line.article)
            out[first + k] = line.article
    return out


def _pick(articles: dict[int, Article], numbers: list[int]) -> list[Article]:
    return [articles[n] for n in numbers]


def _briefs_of(
    write: Callable[[list[list[Article]]], list[Brief]],
    orders: list[list[int]],
    parts: list[list[Article]],
) -> list[Brief]:
    """``write`` of the stories of lines ``orders``, the articles gathered from ``parts``."""
    lines = sorted(n for order in orders for n in order)
    by_line = dict(zip(lines, (a for part in parts for a in part), strict=True))
    return write([[by_line[n] for n in order] for order in orders])


class DaskPile:
    """A pile (``storybrief.pile``) read, cleaned, grouped and briefed on a Dask cluster.

    The calling process streams the input's lines to the workers a block
    (``pile.BLOCK_LINES``) at a time and keeps no article text: the workers
    parse their blocks, count their short lines (summed here: the pile's
    furniture), then clean their blocks with the pile's count and keep them;
    what grouping needs of each article (``cluster.features``: word counts,
    a vector, dates, a MinHash signature, hashed paragraph keys) comes back,
    and the pile is grouped from that alone, as ``pile.group_pile`` groups it
    (the same functions on the same numbers: the same stories). Each story's
    brief is then written on a worker from the articles of the blocks it spans.
    """

    def __init__(self, client: Client, settings: ClusterSettings | None = None) -> None:
        self.client, self.settings = client, settings or ClusterSettings()
        self._blocks: list[Any] = []
        self._lines: list[int] = []  # the line (from 0) of each usable article
        self._keys: list[frozenset[int]] = []
        self._rows: list[list[int]] = []  # the usable articles of each story

    def group(
        self, texts: Iterable[str], name: str, on_read: Callable[..., None] | None = None
    ) -> Pile:
        """Group the pile of JSON lines ``texts``: every line, with its story and copy."""
        self._read(texts, name, on_read)
        summaries = [self.client.submit(_summarize_block, b, self.settings) for b in self._blocks]
        lines, parts = [], []
        for summary in (s.result() for s in summaries):
            lines += summary.lines
            parts.append(summary.features)
            self._keys += summary.keys
        self._lines = [n for n, line in enumerate(lines) if line.article.ok]
        usable = [lines[n] for n in self._lines]
        rows, copies = story_rows(_all_of(parts), self.settings)
        number_stories(usable, rows, copies)
        self._rows = rows
        return Pile(lines, [[usable[i].article for i in story] for story in rows])

    def _read(self, texts: Iterable[str], name: str, on_read: Callable[..., None] | None) -> None:
        """Send the lines to the workers a block at a time, to parse, count the short lines of
        (``clean.count_lines``: the caller sums the counts), and clean and keep."""
        parsed = [
            self.client.submit(_parse_block, block, first, name, pure=False)
            for first, block in _batches(texts, on_read)
        ]
        counts = [self.client.submit(_count_block, block, pure=False) for block in parsed]
        seen: set[str] = set()
        renames = [
            self._unique(self.client.submit(_names, block).result(), n, seen)
            for n, block in enumerate(parsed)
        ]
        shared = self._shared(counts)
        self._blocks = [
            self.client.submit(_clean_block, block, new_ids, shared, pure=False)
            for block, new_ids in zip(parsed, renames, strict=True)
        ]

    def _shared(self, counts: list[Any]) -> Any:
        """The short lines the pile shares, from its blocks' counts: a future that every
        worker holds (one copy sent to each, not one per task)."""
        total = LineCounts()
        for future in counts:
            total += future.result()
            future.release()
        return self.client.scatter([total.shared], broadcast=True)[0]

    @staticmethod
    def _unique(names: list[Article], block: int, seen: set[str]) -> dict[int, str]:
        """The new ids of a block's articles whose own is taken (``pile.unique_id``)."""
        first = block * BLOCK_LINES + 1
        found = {k: unique_id(article, first + k, seen) for k, article in enumerate(names)}
        return {k: new for k, new in found.items() if new is not None}

    def briefs(
        self,
        stories: list[list[Article]],
        write: Callable[[list[list[Article]]], list[Brief]],
        failed: Callable[[list[Article], Exception], Brief],
        on_done: Callable[[], None] | None = None,
    ) -> list[Brief]:
        """The briefs of the grouped pile's ``stories`` (``group``'s, in order), on the workers
        that hold their articles' blocks: ``write`` of a chunk of stories a task (``processes.runs``
        of ``AHEAD_ARTICLES``; ``runners.brief_chunk`` parses their texts in one batch);
        ``failed`` as for ``map_on_dask``, for each story of a chunk whose task failed."""
        furniture = shared_paragraphs(
            frozenset().union(*(self._keys[row] for row in story)) for story in self._rows
        )
        finished = [
            self.client.submit(_finish_block, block, n * BLOCK_LINES, furniture, pure=False)
            for n, block in enumerate(self._blocks)
        ]
        futures, chunks, done = [], [], 0
        # The calling process holds no text to count: stories are cut by their articles.
        for rows in runs(self._rows, AHEAD_ARTICLES, len):
            futures.append(self._brief_task(rows, finished, write))
            chunks.append(stories[done : done + len(rows)])
            done += len(rows)
        briefs = _results(futures, chunks, partial(_failed_chunk, failed), None)
        return [brief for chunk in briefs for brief in _counted(chunk, on_done)]

    def _brief_task(
        self,
        rows: list[list[int]],
        finished: list[Any],
        write: Callable[[list[list[Article]]], list[Brief]],
    ) -> Any:
        """The future of ``write`` of the stories of ``rows``, their articles picked from the
        ``finished`` blocks that hold them."""
        orders = [[self._lines[row] for row in story] for story in rows]
        spans: dict[int, list[int]] = {}
        for number in sorted(n for order in orders for n in order):
            spans.setdefault(number // BLOCK_LINES, []).append(number)
        parts = [self.client.submit(_pick, finished[b], spans[b], pure=False) for b in spans]
        return self.client.submit(_briefs_of, write, orders, parts, pure=False)


def _failed_chunk(
    failed: Callable[[list[Article], Exception], Brief],
    chunk: list[list[Article]],
    error: Exception,
) -> list[Brief]:
    """``failed`` of each story of a chunk whose task failed."""
    return [failed(story, error) for story in chunk]


def _counted(briefs: list[Brief], on_done: Callable[[], None] | None) -> list[Brief]:
    """``briefs``, ``on_done`` called once for each."""
    if on_done is not None:
        for _ in briefs:
            on_done()
    return briefs


def _all_of(parts: list[Features]) -> Features:
    """The blocks' features put together; ``parts`` emptied, so that they are not held twice."""
    found = concat(parts)
    parts.clear()
    return found


def _results(
    futures: list[Any],
    items: list[T],
    failed: Callable[[T, Exception], R],
    on_done: Callable[[], None] | None,
) -> list[R]:
    """The futures' results in order; ``failed(item, error)`` for one that failed."""
    results = []
    for item, future in zip(items, futures, strict=True):
        try:
            results.append(future.result())
        except Exception as error:  # an error boundary: one item must not end the run
            results.append(failed(item, error))
        future.release()
        if on_done is not None:
            on_done()
    return results


def _batches(
    texts: Iterable[str], on_read: Callable[..., None] | None
) -> Iterator[tuple[int, list[str]]]:
    """The lines of ``texts`` a block (``pile.BLOCK_LINES``) at a time, each with the number
    (from 1) of its first line."""
    block: list[str] = []
    first = 1
    for text in texts:
        block.append(text)
        if on_read is not None:
            on_read()
        if len(block) == BLOCK_LINES:
            yield first, block
            first, block = first + BLOCK_LINES, []
    if block:
        yield first, block
