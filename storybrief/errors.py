"""How a failure is told to a user: one line, its kind and its message."""

from __future__ import annotations


def describe(exc: BaseException) -> str:
    """An exception as one line a user can report: its type and the first line of its message."""
    message = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__
