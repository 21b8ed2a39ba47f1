"""The pipeline on a Dask cluster, for piles and archives too big for one machine.

* Batch summaries: the same per-cluster function as ``storybrief.batch``
  (``summarize_record``) runs on Dask workers: the input JSONL file is read by
  the workers in blocks of whole lines (``dask.bag.read_text``), so it must be
  at a path every worker can read (a shared file system, or any URL fsspec
  reads, such as ``s3://``); summaries come back to the calling process,
  which writes them in input order, so the output is the same file
  ``storybrief summarize`` writes on one machine.
* Briefs of many stories (``storybrief stories --dask``): the pile is read,
  cleaned and grouped by the calling process, which is cheap next to the
  analysis of each story (a spaCy parse of every sentence); each story's
  brief is then written on a worker by the function ``storybrief.runners``
  hands ``map_on_dask``, the briefs returned in story order, the same briefs
  as on one machine.

Each worker process loads the models once, on its first task.

Dask is an optional dependency: ``pip install 'storybrief[dask]'``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from storybrief.batch import BatchCounts, paragraph_keys, summarize_record, write_records
from storybrief.clean.shared import SHARED_STORIES

if TYPE_CHECKING:
    from distributed import Client

# Input read per task: at most this much (thousands of clusters, seconds of work
# each), and small enough that every worker gets several tasks of a small file.
MAX_BLOCK_BYTES = 64 * 2**20
TASKS_PER_WORKER = 4

T = TypeVar("T")
R = TypeVar("R")


def _summarize_line(line: str, words: int, furniture: frozenset[str]) -> dict[str, Any]:
    return summarize_record(line.rstrip("\r\n"), words, furniture)


def _keys(line: str) -> list[str]:
    return sorted(paragraph_keys(line.rstrip("\r\n")))


@contextmanager
def _client(scheduler: str) -> Iterator[Client]:
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
    with (
        LocalCluster(
            n_workers=os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
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
    with _client(scheduler) as client:
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
    with _client(scheduler) as client:
        # Not pure: hashing every item to name the tasks would cost more than it saves.
        futures = client.map(function, items, pure=False)
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
