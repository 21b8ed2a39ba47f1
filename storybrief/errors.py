"""How a failure is told to a user (one line: its kind and message), and a brief's time budget."""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext


def describe(exc: BaseException) -> str:
    """An exception as one line a user can report: its type and the first line of its message."""
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__


class OverBudget(Exception):
    """Raised into the work of a brief that ran past its time budget (``Limits.brief_seconds``)."""


# After the budget, the cut is raised again this often (seconds), so that each stage
# still running after the first one cut (the summary after the analysis) is cut too.
_AGAIN = 0.5


def time_budget(seconds: float | None, named: float | None = None) -> AbstractContextManager[None]:
    """Cut the work in the block once it has run ``seconds``: ``OverBudget`` is raised into it.

    Each stage of a brief is an error boundary (``pipeline.brief_of``), so a
    cut stage is left out with a warning saying why, and the brief is written
    with what was done. In a process's main thread (the command line, a web
    app's worker) SIGALRM cuts; in any other thread (a Dask worker's task, a
    thread pool) the same cut is raised into that thread. ``seconds`` None:
    the block is not timed. ``named``: the budget the cut names, if the block
    has only a part of it (the analysis of a brief).
    """
    if seconds is None:
        return nullcontext()
    message = f"stopped: over the {named or seconds:g} s time budget of one brief"
    if threading.current_thread() is threading.main_thread():
        return _alarm(seconds, message)
    return _thread_budget(seconds, message)


@contextmanager
def _alarm(seconds: float, message: str) -> Iterator[None]:
    def cut(*_: object) -> None:
        raise OverBudget(message)

    previous = signal.signal(signal.SIGALRM, cut)
    signal.setitimer(signal.ITIMER_REAL, seconds, _AGAIN)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _thread_budget(seconds: float, message: str) -> Iterator[None]:
    """Cut the work of this thread after ``seconds``: ``OverBudget`` is raised into it.

    SIGALRM reaches only a main thread; CPython can raise an exception into
    another one (``PyThreadState_SetAsyncExc``), between two steps of its
    Python code, so a C call (a spaCy parse of one text) finishes first.
    """
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
            wait = _AGAIN

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
