"""How the worker processes of a pool start: as cheaply as is safe, with one BLAS thread each;
and how work is cut into tasks for them.

Shared by the pools of ``storybrief.runners`` (briefs), ``storybrief.batch``
(summaries) and ``storybrief.web.workers`` (the web app's briefs), and by
``storybrief.distributed``'s tasks.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from typing import Any, TypeVar

from threadpoolctl import ThreadpoolController, threadpool_limits

T = TypeVar("T")


def one_blas_thread() -> None:
    """Limit this process's BLAS to one thread: for a worker process, one of a pool of
    one per core, whose threads would otherwise fight over the cores.

    Set in the worker itself: a forked worker keeps the thread count numpy read
    when the parent imported it, so an environment variable comes too late for
    it; two workers with two BLAS threads each on two cores nearly halved
    throughput (measured).
    """
    threadpool_limits(limits=1, user_api="blas")


def blas_on_one_thread() -> AbstractContextManager[Any]:
    """A block within which this process's BLAS runs on one thread.

    A brief's matrix products (the parse's layers, ``analyze.context.nlp``) are too
    small to share out: a second OpenBLAS thread only spins, and the seed brief took
    1.6 s of CPU time on two against 0.7 s on one (BENCHMARKS.md). The libraries are
    looked up once: ``threadpool_limits`` looks them up each time, milliseconds a brief.
    """
    return _controller().limit(limits=1, user_api="blas")


@contextmanager
def spared_by_collector() -> Iterator[None]:
    """A block within which the objects alive at its start are left out of the cyclic
    garbage collector's passes (``gc.freeze``); they are its again after it.

    Briefing a chunk of stories builds and drops many small objects, and each
    full pass of the collector walked the models' objects (155,000 of them,
    loaded once) and the chunk's parses too: 0.31 s of a 1,002-article pile's
    16.7 s of briefs, 0.06 s spared so (measured, one process). In a forked
    worker a pass also writes to every page of the parent's objects it walks,
    copying it. Only the collector's timing changes, never what is found.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@lru_cache(maxsize=1)
def _controller() -> ThreadpoolController:
    return ThreadpoolController()


def worker_context(preload: str) -> multiprocessing.context.BaseContext:
    """How to start workers: as cheaply as is safe in the calling process.

    Forking copies the already imported package (seconds of imports saved per
    worker) but is only safe from a single-threaded process: a lock another
    thread holds, a progress bar's say, stays locked in the child. Otherwise
    workers fork from a fresh single-threaded server that imports the module
    ``preload`` (the workers' functions') once. Where fork does not exist, they are spawned.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([preload])
        return context
    return multiprocessing.get_context("spawn")


def runs(items: list[T], at_least: int, size: Callable[[T], int]) -> Iterator[list[T]]:
    """``items`` in order, in runs whose ``size`` adds up to at least ``at_least``, the
    last maybe less."""
    run: list[T] = []
    total = 0
    for item in items:
        run.append(item)
        total += size(item)
        if total >= at_least:
            yield run
            run, total = [], 0
    if run:
        yield run


def even_runs(items: list[T], sizes: list[int], count: int) -> Iterator[list[T]]:
    """``items`` in order, in at most ``count`` runs of about equal ``sizes`` each: a run
    closes at the item whose size takes the total past its share (the k-th of ``count``)."""
    total = sum(sizes)
    run: list[T] = []
    done = 0
    share = 1  # the share of ``total`` the open run must reach
    for item, size in zip(items, sizes, strict=True):
        run.append(item)
        done += size
        if share < count and done * count >= share * total:
            yield run
            run = []
            share = done * count // total + 1 if total else share + 1
    if run:
        yield run
