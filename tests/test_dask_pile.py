"""``storybrief stories --jsonl --dask``: the whole job on Dask gives what one machine gives.

The pile of ``test_stories_jsonl`` (three stories, a reprint, bad lines), with
two articles that take ids already taken, read in blocks of a few lines so
that stories, copies, furniture and clashing ids all span blocks; on a
LocalCluster this test starts (in this process, so the small blocks are the
workers' too).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_stories_jsonl import BAD, _records
from typer.testing import CliRunner

import storybrief
from storybrief import distributed, pile
from storybrief.cli import app

BLOCK = 4
NOTICE = (
    "This notice is published with every article of the Harbour News Service network "
    "and carries no news of its own."
)


def _pile() -> list[str]:
    records = [{**r, "text": f"{r['text']}\n\n{NOTICE}"} for r in _records()]
    # Two articles whose ids earlier lines took.
    records += [{**r, "text": r["text"] + " Updated."} for r in (records[0], records[-2])]
    lines = [json.dumps(r) for r in records]
    for n, bad in enumerate(BAD.values()):
        lines.insert(2 * n + 1, bad)
    return lines


def _run(folder: Path, lines: list[str], *extra: str) -> tuple[str, dict[str, str]]:
    folder.mkdir()
    # One input file for both runs: its name is in the bad lines' errors.
    src, out, briefs = folder.parent / "in.jsonl", folder / "out.jsonl", folder / "briefs"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["stories", "--jsonl", str(src), "--out", str(out), "--briefs", str(briefs)]
    run = CliRunner().invoke(app, [*args, "-f", "json", "-w", "40", *extra])
    assert run.exit_code == 1, run.output  # the bad lines
    pages = {p.name: p.read_text(encoding="utf-8") for p in sorted(briefs.iterdir())}
    return out.read_text(encoding="utf-8"), pages


def test_the_dask_run_writes_what_the_local_run_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from distributed import LocalCluster

    monkeypatch.setattr(pile, "BLOCK_LINES", BLOCK)
    monkeypatch.setattr(distributed, "BLOCK_LINES", BLOCK)
    lines = _pile()
    local = _run(tmp_path / "local", lines)
    with LocalCluster(n_workers=2, processes=False, dashboard_address="127.0.0.1:0") as cluster:
        on_dask = _run(tmp_path / "dask", lines, "--dask", cluster.scheduler_address)
    assert on_dask[0] == local[0]
    assert on_dask[1] == local[1]
    records = [json.loads(line) for line in local[0].splitlines()]
    assert len({r["story"] for r in records if r["story"]}) == 3
    pages = "".join(local[1].values())
    # The articles whose ids were taken, renamed by their line (in the next block).
    assert '"bridge-courier~line-15"' in pages and '"transfer-sport~line-16"' in pages
    assert "found in articles of 3 or more stories" in pages  # the notice, across blocks


def test_the_python_api_groups_on_dask_as_here(monkeypatch: pytest.MonkeyPatch) -> None:
    from distributed import LocalCluster

    monkeypatch.setattr(pile, "BLOCK_LINES", BLOCK)
    monkeypatch.setattr(distributed, "BLOCK_LINES", BLOCK)
    lines = _pile()
    with LocalCluster(n_workers=1, processes=False, dashboard_address="127.0.0.1:0") as cluster:
        on_dask = storybrief.group(lines, scheduler=cluster.scheduler_address)
    assert on_dask == storybrief.group(lines)
    assert len({r["story"] for r in on_dask if r["story"]}) == 3
