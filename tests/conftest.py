"""Shared fixtures: the bundled example story and its hand-made reference."""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = ROOT / "examples" / "iran-iraq-2014"
GOLD = ROOT.parent / "shared" / "data" / "seeds" / "gold.json"
BENCH = ROOT / "bench"

# A command the tests start in another folder (``cwd=tmp_path``) must import the code under
# test: a relative PYTHONPATH (``PYTHONPATH=.`` in a worktree) would there fall through to the
# installed package, and test another tree.
if os.environ.get("PYTHONPATH"):
    os.environ["PYTHONPATH"] = os.pathsep.join(
        str(Path(entry).resolve()) for entry in os.environ["PYTHONPATH"].split(os.pathsep)
    )


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} not found: the seed reference lives in ../shared/data/seeds")
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def example_brief():
    """The brief of the bundled example story, computed once for the session."""
    from storybrief.pipeline import run

    return run([EXAMPLE])


@pytest.fixture(scope="session")
def bench_modules() -> Callable[..., tuple[ModuleType, ...]]:
    """Imports bench scripts by name: they import each other as top-level modules, so the
    bench folder is on the path while they load, and off it after."""

    def load(*names: str) -> tuple[ModuleType, ...]:
        sys.path.insert(0, str(BENCH))
        try:
            return tuple(importlib.import_module(name) for name in names)
        finally:
            sys.path.remove(str(BENCH))

    return load
