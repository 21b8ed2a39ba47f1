"""``bench/entity_settings.py``: the merges another scorer point makes or undoes, as read."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from collections import Counter

import entity_settings


def test_merges_and_splits_are_told_apart() -> None:
    shipped = {frozenset({"press tv", "iranian press tv"}), frozenset({"palestinian"}),
               frozenset({"palestinian authority"})}  # fmt: skip
    other = {frozenset({"press tv"}), frozenset({"iranian press tv"}),
             frozenset({"palestinian", "palestinian authority"})}  # fmt: skip
    assert list(entity_settings.changes(shipped, other)) == [
        ("MERGE", [["palestinian"], ["palestinian authority"]]),
        ("SPLIT", [["iranian press tv"], ["press tv"]]),
    ]
    assert list(entity_settings.changes(shipped, shipped)) == []


def test_a_key_naming_no_entity_stands_alone() -> None:
    counts = Counter({"toure": 6, "president toure": 3, "american": 1, "african-american": 1})
    names = {"toure": "Amadou Toure", "president toure": "Amadou Toure"}
    assert entity_settings.read_groups(names, counts) == {
        frozenset({"toure", "president toure"}),
        frozenset({"american"}),
        frozenset({"african-american"}),
    }
