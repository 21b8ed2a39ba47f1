"""The web app's worker pool: briefs in parallel, stopped past their deadline or when abandoned."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

from storybrief.settings import Limits
from storybrief.web.workers import Busy, JobError, Stopped, WorkerPool


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _span(seconds: float) -> tuple[int, float, float]:
    """This worker's pid, and when its job started and ended (one clock for all processes)."""
    started = time.monotonic()
    time.sleep(seconds)
    return os.getpid(), started, time.monotonic()


def _fail() -> None:
    raise ValueError("bad input\nsecond line")


async def _stays() -> bool:
    return False


def _pool(**limits: float) -> WorkerPool:
    pool = WorkerPool(Limits(**limits))  # type: ignore[arg-type]
    pool.start()
    return pool


def test_jobs_run_at_once_in_separate_processes() -> None:
    async def main() -> list[tuple[int, float, float]]:
        pool = _pool(web_workers=2)
        try:
            return await asyncio.gather(*(pool.run(_span, 2.0, gone=_stays) for _ in range(2)))
        finally:
            pool.close()

    spans = asyncio.run(main())
    assert len({pid for pid, _, _ in spans}) == 2 and os.getpid() not in {p for p, _, _ in spans}
    # Side by side, not one after the other: each job starts before the other ends (a loaded
    # machine may start one late, but not two seconds late).
    assert max(start for _, start, _ in spans) < min(end for _, _, end in spans)


def test_a_job_past_its_deadline_is_stopped_and_its_worker_replaced() -> None:
    async def main() -> int:
        pool = _pool(web_workers=1, web_deadline=0.5)
        try:
            with pytest.raises(Stopped, match=r"0\.5 s limit"):
                await pool.run(_pid_after, 30, gone=_stays)
            return await pool.run(_pid_after, 0, gone=_stays)  # a fresh worker takes the next
        finally:
            pool.close()

    started = time.monotonic()
    assert asyncio.run(main()) > 0
    # Far inside the 30 s job, with room for a loaded machine.
    assert time.monotonic() - started < 20


def test_an_abandoned_job_stops_long_before_it_would_end() -> None:
    left_at: list[float] = []

    async def gone() -> bool:
        if not left_at:
            left_at.append(time.monotonic() + 0.3)
        return time.monotonic() > left_at[0]

    async def main() -> None:
        pool = _pool(web_workers=1)
        try:
            await pool.run(_pid_after, 30, gone=gone)
        finally:
            pool.close()

    with pytest.raises(Stopped, match="went away"):
        asyncio.run(main())
    # Within a second on a quiet machine; the bound leaves room for a loaded one and is still
    # far inside the job's 30 s.
    assert time.monotonic() - left_at[0] < 10


def test_a_full_queue_is_busy_at_once() -> None:
    async def main() -> list[object]:
        pool = _pool(web_workers=1, web_queue=1)
        try:
            jobs = [pool.run(_pid_after, 0.5, gone=_stays) for _ in range(3)]
            return await asyncio.gather(*jobs, return_exceptions=True)
        finally:
            pool.close()

    outcomes = asyncio.run(main())
    assert [type(o) for o in outcomes].count(Busy) == 1
    assert sum(isinstance(o, int) for o in outcomes) == 2


def test_a_failing_job_is_its_error_in_one_line() -> None:
    async def main() -> None:
        pool = _pool(web_workers=1)
        try:
            await pool.run(_fail, gone=_stays)
        finally:
            pool.close()

    with pytest.raises(JobError, match=r"^ValueError: bad input$"):
        asyncio.run(main())
