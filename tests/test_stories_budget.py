"""Each story's brief in ``stories`` has a time budget: one endless story cannot hang the run.

The budget is cut by SIGALRM in a main thread and by an exception raised into
the thread otherwise (a Dask worker runs its tasks in threads), so both are
tested, and a Dask cluster's worker thread too.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import FIXTURES

import storybrief
from storybrief import errors, pipeline
from storybrief.analyze import agreements
from storybrief.errors import OverBudget
from storybrief.runners import brief_stories

PILE = FIXTURES / "pile"
BUDGET = 0.5


@pytest.fixture
def endless(monkeypatch: pytest.MonkeyPatch) -> None:
    """The agreements stage of every brief never ends (a story too big to analyse)."""

    def forever(*_: object, **__: object) -> None:
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(agreements, "_units", forever)


def _cut(briefs: list[storybrief.Brief]) -> None:
    """Every brief was written, each with the budget's warning and all its articles."""
    assert len(briefs) == 3
    for brief in briefs:
        messages = [w.message for w in brief.warnings]
        assert any(m.startswith("OverBudget: stopped: over the 0.5 s") for m in messages), messages
        assert brief.articles and all(a.ok for a in brief.articles)


def test_the_api_stops_each_story_at_its_budget(endless: None) -> None:
    started = time.monotonic()
    briefs, skipped = storybrief.stories([str(PILE)], budget=BUDGET)
    assert time.monotonic() - started < 30
    assert not skipped
    _cut(briefs)


def test_the_budget_holds_in_a_thread_that_is_not_the_main_one(endless: None) -> None:
    stories = pipeline.stories_of(pipeline.read([str(PILE)]))
    with ThreadPoolExecutor(1) as pool:
        briefs = pool.submit(brief_stories, stories, budget=BUDGET).result(timeout=60)
    _cut(briefs)


def test_the_budget_holds_on_a_dask_worker(endless: None) -> None:
    from distributed import LocalCluster

    stories = pipeline.stories_of(pipeline.read([str(PILE)]))
    # In this process (processes=False): the endless stage patched above is the workers' too.
    with LocalCluster(n_workers=1, processes=False, dashboard_address="127.0.0.1:0") as cluster:
        briefs = brief_stories(stories, budget=BUDGET, scheduler=cluster.scheduler_address)
    _cut(briefs)


def _cut_then_wait() -> str:
    """In a thread that is not the main one: a block cut by its budget, then twice the
    budget's time of work in the same thread."""
    with pytest.raises(OverBudget), errors.time_budget(0.2):
        while True:
            time.sleep(0.01)
    with errors.time_budget(BUDGET):
        pass  # a budget not spent
    time.sleep(2 * BUDGET)
    return "not cut again"


def test_a_thread_budget_is_over_with_its_block() -> None:
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(_cut_then_wait).result(timeout=30) == "not cut again"
