"""Shared fixtures: the bundled example story and its hand-made reference."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = ROOT / "examples" / "iran-iraq-2014"
GOLD = ROOT.parent / "shared" / "data" / "seeds" / "gold.json"


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
