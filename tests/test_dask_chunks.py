"""The Dask pile's brief tasks: stories in order, a chunk of at least so many articles a task."""

from __future__ import annotations

from storybrief.distributed import _counted
from storybrief.processes import runs


def test_chunks_keep_the_stories_in_order_and_close_at_the_article_count() -> None:
    rows = [[0, 1], [2], [3, 4, 5], [6]]
    assert list(runs(rows, 3, len)) == [[[0, 1], [2]], [[3, 4, 5]], [[6]]]
    assert list(runs(rows, 100, len)) == [rows]
    assert list(runs([], 3, len)) == []


def test_each_brief_of_a_chunk_is_counted_once() -> None:
    done: list[int] = []
    briefs = ["a", "b", "c"]
    assert _counted(briefs, lambda: done.append(1)) is briefs  # type: ignore[arg-type]
    assert len(done) == 3
