"""The pipeline on Dask: the same batch output file and the same briefs as on one machine."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from test_batch import NOTICE, STORIES

from storybrief.batch import summarize_jsonl
from storybrief.distributed import dask_client, map_on_dask, summarize_jsonl_dask
from storybrief.pipeline import read, stories_of
from storybrief.render import render
from storybrief.runners import brief_stories

FIXTURE = Path(__file__).parent / "fixtures" / "batch" / "clusters.jsonl"
PILE = Path(__file__).parent / "fixtures" / "pile"
WORDS = 60


def test_dask_writes_what_the_local_batch_writes(tmp_path: Path) -> None:
    # The fixture's clusters, and three more sharing a furniture paragraph the
    # batch must find across blocks.
    batch = tmp_path / "in.jsonl"
    extra = [json.dumps({"id": n, "docs": [f"{NOTICE}\n\n{s}"] * 2}) for n, s in enumerate(STORIES)]
    batch.write_text(FIXTURE.read_text(encoding="utf-8") + "\n".join(extra) + "\n")
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    expected = summarize_jsonl(batch, local, WORDS, workers=1)
    done: list[int] = []
    # Blocks of a few hundred bytes: several tasks, so the order across blocks is tested.
    counts = summarize_jsonl_dask(
        batch, dask, WORDS, block_bytes=400, on_done=lambda: done.append(1)
    )
    assert counts == expected == (8, 3)  # two bad lines, one cluster with no documents
    assert len(done) == 8
    assert dask.read_bytes() == local.read_bytes()
    assert NOTICE not in dask.read_text(encoding="utf-8")


def test_summarize_command_runs_on_a_local_dask_cluster(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    args = ["summarize", "--jsonl", str(FIXTURE), "--out", str(out), "-w", str(WORDS)]
    done = subprocess.run(
        [sys.executable, "-m", "storybrief", *args, "--dask", "local"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr  # two bad lines, one empty cluster
    assert "wrote 5 summaries" in done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 5


def test_stories_command_on_dask_writes_the_briefs_one_machine_writes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["stories", str(PILE), "--out", str(out), "-f", "json", "-w", str(WORDS)]
    done = subprocess.run(
        [sys.executable, "-m", "storybrief", *args, "--dask", "local"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    files = [s["file"] for s in json.loads((out / "index.json").read_text())["stories"]]
    local = brief_stories(stories_of(read([str(PILE)])), words=WORDS)
    assert len(files) == len(local) == 3
    for name, brief in zip(files, local, strict=True):
        assert (out / name).read_text(encoding="utf-8") == render(brief, "json"), name


def test_a_task_that_fails_on_dask_costs_only_its_own_item() -> None:
    done: list[int] = []
    results = map_on_dask(
        int,
        ["1", "two", "3"],
        lambda item, error: f"{item}: {error}",
        on_done=lambda: done.append(1),
    )
    assert results == [1, "two: invalid literal for int() with base 10: 'two'", 3]
    assert len(done) == 3


def test_a_local_cluster_claims_no_fixed_dashboard_port(monkeypatch: pytest.MonkeyPatch) -> None:
    # Another program on the dashboard's default port: the local cluster neither
    # warns nor serves there.
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    with socket.socket() as taken, warnings.catch_warnings(record=True) as caught:
        # Already taken by another program: the same situation.
        with contextlib.suppress(OSError):
            taken.bind(("127.0.0.1", 8787))
        # Before the cluster starts, so that a warning it gives while starting is recorded.
        warnings.simplefilter("always")
        with dask_client("local") as client:
            port = client.cluster.scheduler.http_server.port
    assert port != 8787
    assert not [w for w in caught if "already in use" in str(w.message)]
