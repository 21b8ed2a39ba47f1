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


def _fail() -> None:
    raise ValueError("bad input\nsecond line")


async def _stays() -> bool:
    return False


def _pool(**limits: float) -> WorkerPool:
    pool = WorkerPool(Limits(**limits))  # type: ignore[arg-type]
    pool.start()
    return pool


def test_jobs_run_at_once_in_separate_processes() -> None:
    async def main() -> tuple[list[int], float]:
        pool = _pool(web_workers=2)
        started = time.monotonic()
        try:
            pids = await asyncio.gather(*(pool.run(_pid_after, 1.0, gone=_stays) for _ in range(2)))
        finally:
            pool.close()
        return pids, time.monotonic() - started

    pids, took = asyncio.run(main())
    assert len(set(pids)) == 2 and os.getpid() not in pids
    assert took < 1.9  # two one-second jobs side by side, not one after the other


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
    assert time.monotonic() - started < 5


def test_an_abandoned_job_stops_within_a_second() -> None:
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
    assert time.monotonic() - left_at[0] < 1


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
