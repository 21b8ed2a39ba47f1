"""``runners.warm_pool``: the pool of ``storybrief stories`` starts before the pile is read
and grouped, is started once, writes the same briefs, says why a worker could not start,
and is closed however the run ends."""

from __future__ import annotations

import json
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storybrief import cli, runners
from storybrief.cli import app
from storybrief.models import Article, Brief
from storybrief.pipeline import read, stories_of
from storybrief.render import render

PILE = Path(__file__).parent / "fixtures" / "pile"


@pytest.fixture(scope="module")
def stories() -> list[list[Article]]:
    return stories_of(read([str(PILE)]))


def _json(briefs: list[Brief]) -> list[str]:
    return [render(b, "json") for b in briefs]


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> None:
    # Forked workers see this test's patches of the module, whatever threads pytest runs.
    monkeypatch.setattr(runners, "worker_context", lambda _: multiprocessing.get_context("fork"))


def test_one_worker_has_no_pool() -> None:
    with runners.warm_pool(1) as pool:
        assert pool is None


def test_a_warm_pool_writes_the_briefs_written_here(stories: list[list[Article]]) -> None:
    here = _json(runners.brief_stories(stories, words=60, budget=None))
    done: list[int] = []
    with runners.warm_pool(2) as pool:
        assert pool is not None
        briefs = runners.brief_stories(
            stories, words=60, budget=None, pool=pool, on_done=lambda: done.append(1)
        )
    assert _json(briefs) == here
    assert len(done) == len(stories)


def test_a_worker_that_cannot_load_its_models_is_an_error_saying_why(
    stories: list[list[Article]], monkeypatch: pytest.MonkeyPatch, forked: None
) -> None:
    def missing() -> None:
        raise OSError("Can't find model 'en_core_web_sm'")

    monkeypatch.setattr(runners, "_load_models", missing)
    with runners.warm_pool(2) as pool, pytest.raises(RuntimeError) as error:
        runners.brief_stories(stories, pool=pool)
    assert str(error.value) == (
        "a worker process could not load its models: OSError: Can't find model 'en_core_web_sm'"
    )


def test_the_pool_is_shut_down_when_the_run_fails() -> None:
    pools: list[ProcessPoolExecutor] = []
    with pytest.raises(ValueError), runners.warm_pool(2) as pool:
        assert pool is not None
        pools.append(pool.executor)
        raise ValueError("grouping failed")
    with pytest.raises(RuntimeError, match="after shutdown"):
        pools[0].submit(int)


def test_the_stories_command_starts_one_pool_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    start, read_lines = runners.warm_pool, cli.read_lines

    def started(workers: int) -> AbstractContextManager[runners.WarmPool | None]:
        events.append(f"pool of {workers}")
        return start(workers)

    def read(*args: Any, **kwargs: Any) -> Any:
        events.append("read")
        return read_lines(*args, **kwargs)

    monkeypatch.setattr(runners, "warm_pool", started)
    monkeypatch.setattr(cli, "read_lines", read)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    texts = {p.stem: p.read_text(encoding="utf-8").partition("\n\n") for p in PILE.iterdir()}
    src.write_text(
        "".join(
            json.dumps({"id": k, "title": t, "text": b}) + "\n" for k, (t, _, b) in texts.items()
        )
    )
    run = CliRunner().invoke(app, ["stories", "--jsonl", str(src), "--out", str(out)])
    assert run.exit_code == 0, run.output
    assert events == ["pool of 2", "read"]
    assert len(list((tmp_path / "out-briefs").glob("0*.html"))) == 3
