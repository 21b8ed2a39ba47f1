"""How work is cut for a pool and how a chunk spares the garbage collector."""

from __future__ import annotations

import gc

from storybrief.processes import even_runs, spared_by_collector


def test_even_runs_cut_at_equal_shares_in_order() -> None:
    assert list(even_runs(list("abcdef"), [1] * 6, 3)) == [["a", "b"], ["c", "d"], ["e", "f"]]
    # A big item fills the shares it passes: no empty run, never more than asked.
    assert list(even_runs(list("abcde"), [1, 10, 1, 1, 1], 4)) == [["a", "b"], ["c", "d", "e"]]
    assert list(even_runs(list("abc"), [2, 2, 2], 1)) == [["a", "b", "c"]]
    assert list(even_runs([], [], 2)) == []


def test_even_runs_of_items_with_nothing_to_size_still_end() -> None:
    runs = list(even_runs(list("abcd"), [0, 0, 0, 0], 2))
    assert [x for run in runs for x in run] == list("abcd") and len(runs) == 2


def test_objects_alive_at_the_start_are_spared_then_given_back() -> None:
    kept = [[] for _ in range(100)]  # objects the collector tracks
    with spared_by_collector():
        assert gc.get_freeze_count() >= len(kept)
    assert gc.get_freeze_count() == 0


def test_the_collector_gets_the_objects_back_after_an_error() -> None:
    try:
        with spared_by_collector():
            raise ValueError("a brief failed")
    except ValueError:
        pass
    assert gc.get_freeze_count() == 0
