"""The web app's briefs, made in a bounded pool of worker processes off the event loop.

A brief is CPU-bound Python: threads would take turns on one core under the
GIL, so each worker is a process of its own (``bench/load.py`` measures the
difference). A request waits for a free worker in a bounded queue; when the
queue is full it is told at once that the server is busy. A brief that runs
past its deadline, or whose client has gone away, is stopped by killing its
worker, which a fresh one replaces: a thread could not be stopped, and would
hold a core for a brief nobody reads.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import traceback
from collections.abc import Awaitable, Callable
from multiprocessing.connection import Connection
from typing import Any

from storybrief.processes import one_blas_thread
from storybrief.settings import Limits

_POLL = 0.2  # seconds between two looks at the client's connection while a brief is made


class Busy(Exception):
    """Every worker is busy and the queue of waiting requests is full."""


class Stopped(Exception):
    """A job stopped before it ended: past its deadline, or its client went away."""


class JobError(Exception):
    """A job raised in its worker; the message is the error, described there."""


def _serve(conn: Connection) -> None:
    """A worker's loop: run each ``(function, args, kwargs)`` received, send back its outcome."""
    one_blas_thread()
    while True:
        try:
            function, args, kwargs = conn.recv()
        except EOFError:
            return  # the pool has closed
        try:
            conn.send((True, function(*args, **kwargs)))
        except Exception as exc:  # an error boundary: the job's error goes back to its request
            message = f"{type(exc).__name__}: {exc}".splitlines()[0]
            conn.send((False, message or traceback.format_exc(limit=1)))


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, context: Any) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child,), daemon=True)
        self.process.start()
        child.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """Runs jobs in worker processes, at most ``limits.web_workers`` at once."""

    def __init__(self, limits: Limits, warm: Callable[[], None] | None = None) -> None:
        self.limits = limits
        self._warm = warm
        # Forked, not spawned: a worker starts with the models the server loaded (``warm``),
        # shared copy-on-write, so replacing a stopped one takes milliseconds, not seconds.
        # The server forks from its event loop's thread, before any thread of its own runs.
        self._context = multiprocessing.get_context("fork")
        self._idle: list[_Worker] = []
        self._waiting = 0
        self._slots: asyncio.Semaphore | None = None

    def start(self) -> None:
        if self._warm is not None:
            self._warm()
        self._idle = [_Worker(self._context) for _ in range(self.limits.web_workers)]
        self._slots = asyncio.Semaphore(self.limits.web_workers)

    def close(self) -> None:
        for worker in self._idle:
            worker.stop()
        self._idle = []

    async def run(
        self, function: Callable[..., Any], *args: Any, gone: Callable[[], Awaitable[bool]]
    ) -> Any:
        """``function(*args)`` in a worker; ``gone`` says whether the client has left.

        Raise ``Busy`` when the queue is full, ``Stopped`` when the job was
        stopped, ``JobError`` when it raised.
        """
        assert self._slots is not None, "the pool was not started"
        if self._waiting >= self.limits.web_queue:
            raise Busy
        self._waiting += 1
        try:
            await self._slots.acquire()
        finally:
            self._waiting -= 1
        try:
            return await self._on_worker(function, args, gone)
        finally:
            self._slots.release()

    async def _on_worker(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        gone: Callable[[], Awaitable[bool]],
    ) -> Any:
        worker = self._idle.pop()
        done = False
        try:
            worker.conn.send((function, args, {}))
            ok, value = await self._outcome(worker, gone)
            done = True
        finally:
            if done:
                self._idle.append(worker)
            else:  # stopped, or the request itself cancelled: the worker's job is abandoned
                worker.stop()
                self._idle.append(_Worker(self._context))
        if not ok:
            raise JobError(value)
        return value

    async def _outcome(
        self, worker: _Worker, gone: Callable[[], Awaitable[bool]]
    ) -> tuple[bool, Any]:
        """The worker's ``(ok, value)``; raise ``Stopped`` past the deadline or once ``gone``."""
        loop = asyncio.get_running_loop()
        ready = loop.create_future()
        loop.add_reader(worker.conn.fileno(), lambda: ready.done() or ready.set_result(None))
        try:
            deadline = loop.time() + self.limits.web_deadline
            while not ready.done():
                if loop.time() > deadline:
                    raise Stopped(f"took over the {self.limits.web_deadline:g} s limit for a brief")
                if await gone():
                    raise Stopped("the client went away")
                await asyncio.wait([ready], timeout=_POLL)
        finally:
            loop.remove_reader(worker.conn.fileno())
        try:
            outcome: tuple[bool, Any] = worker.conn.recv()
        except (EOFError, OSError) as exc:  # killed from outside, or out of memory
            raise JobError("the worker making it stopped; try again") from exc
        return outcome
