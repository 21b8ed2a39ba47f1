"""``runners.grouped_meanwhile``: ``storybrief stories`` reads and groups its pile in a
forked child while it loads the models its pool will share; the same pile, the same
briefs, a clear error whichever side fails, and no thread left to stop the pool forking."""

from __future__ import annotations

import json
import multiprocessing
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storybrief import runners
from storybrief.cli import app
from storybrief.nlp import embeddings

PILE = Path(__file__).parent / "fixtures" / "pile"


def _where() -> int:
    return os.getpid()


_ENCODER_LOADS: list[int] = []  # the pids that loaded the sentence encoder, as a process sees it


def _encoder_loads() -> list[int]:
    return list(_ENCODER_LOADS)


def _fails() -> int:
    raise ValueError("line 3: not JSON")


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Forking allowed whatever threads pytest runs; the pids that loaded the models."""
    loaded: list[int] = []
    monkeypatch.setattr(runners, "worker_context", lambda _: multiprocessing.get_context("fork"))
    monkeypatch.setattr(runners, "_load_models", lambda: loaded.append(os.getpid()))
    return loaded


def test_grouped_in_a_child_while_the_models_load_here(forked: list[int]) -> None:
    threads = threading.active_count()
    assert runners.grouped_meanwhile(_where, 2) != os.getpid()
    assert forked == [os.getpid()]
    # The child's pool is shut down: no thread of it left to make the brief pool's fork unsafe.
    assert threading.active_count() == threads


def test_the_encoder_both_sides_use_is_loaded_once_before_the_child_forks(
    forked: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    loads = _ENCODER_LOADS
    loads.clear()
    monkeypatch.setattr(embeddings, "model", lambda: loads.append(os.getpid()))
    # The child sees the parent's load: it happened before the fork, and not again in the child.
    assert runners.grouped_meanwhile(_encoder_loads, 2) == [os.getpid()]
    assert loads == [os.getpid()]


def test_one_worker_or_no_safe_fork_groups_here_and_loads_nothing(
    forked: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert runners.grouped_meanwhile(_where, 1) == os.getpid()
    monkeypatch.setattr(runners, "worker_context", lambda _: multiprocessing.get_context("spawn"))
    assert runners.grouped_meanwhile(_where, 2) == os.getpid()
    assert forked == []


def test_a_grouping_error_is_raised_here(forked: list[int]) -> None:
    with pytest.raises(ValueError, match="line 3: not JSON"):
        runners.grouped_meanwhile(_fails, 2)


def test_models_that_cannot_load_are_an_error_saying_why(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> None:
        raise OSError("Can't find model 'en_core_web_sm'")

    monkeypatch.setattr(runners, "worker_context", lambda _: multiprocessing.get_context("fork"))
    monkeypatch.setattr(runners, "_load_models", missing)
    with pytest.raises(OSError, match="en_core_web_sm"):
        runners.grouped_meanwhile(_where, 2)


def _stories(tmp_path: Path, workers: str) -> tuple[str, str]:
    src, out = tmp_path / "in.jsonl", tmp_path / workers / "out.jsonl"
    out.parent.mkdir()
    texts = {p.stem: p.read_text(encoding="utf-8").partition("\n\n") for p in PILE.iterdir()}
    rows = [{"id": k, "title": t, "text": b} for k, (t, _, b) in sorted(texts.items())]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    command = ["stories", "--jsonl", str(src), "--out", str(out), "-f", "json", "-w", "40"]
    run = CliRunner().invoke(app, [*command, "--workers", workers])
    assert run.exit_code == 0, run.output
    index = (out.parent / "out-briefs" / "index.json").read_text(encoding="utf-8")
    return out.read_text(encoding="utf-8"), index


def test_the_stories_command_groups_and_briefs_alike_on_one_process_or_two(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    group = runners.grouped_meanwhile

    def counted(work: Callable[[], object], workers: int) -> object:
        calls.append(workers)
        return group(work, workers)

    monkeypatch.setattr(runners, "grouped_meanwhile", counted)
    monkeypatch.setattr(runners, "worker_context", lambda _: multiprocessing.get_context("fork"))
    assert _stories(tmp_path, "2") == _stories(tmp_path, "1")
    assert calls == [2, 1]
