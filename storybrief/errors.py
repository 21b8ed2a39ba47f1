"""How a failure is told to a user (one line: its kind and message), and a brief's time budget."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


def describe(exc: BaseException) -> str:
    """An exception as one line a user can report: its type and the first line of its message."""
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__


class OverBudget(Exception):
    """Raised into the work of a brief that ran past its time budget (``Limits.brief_seconds``)."""


# After the budget, the cut is raised again this often (seconds), so that each stage
# still running after the first one cut (the summary after the analysis) is cut too.
_AGAIN = 0.5


@contextmanager
def time_budget(seconds: float | None, named: float | None = None) -> Iterator[None]:
    """Cut the work in the block once it has run ``seconds``: ``OverBudget`` is raised into it.

    Each stage of a brief is an error boundary (``pipeline.brief_of``), so a
    cut stage is left out with a warning saying why, and the brief is written
    with what was done. Only the main thread of a process can be interrupted
    so (the command line, a web app's worker); elsewhere, or with ``seconds``
    None, the block is not timed. ``named``: the budget the cut names, if
    the block has only a part of it (the analysis of a brief).
    """
    if seconds is None or threading.current_thread() is not threading.main_thread():
        yield
        return

    def cut(*_: object) -> None:
        raise OverBudget(f"stopped: over the {named or seconds:g} s time budget of one brief")

    previous = signal.signal(signal.SIGALRM, cut)
    signal.setitimer(signal.ITIMER_REAL, seconds, _AGAIN)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
