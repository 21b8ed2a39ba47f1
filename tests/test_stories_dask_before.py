"""``bench/stories_dask.py --before``: a folder, or a commit of this repository exported."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import stories_dask

ROOT = Path(__file__).resolve().parent.parent


def test_a_folder_is_the_tree_itself(tmp_path: Path) -> None:
    assert stories_dask.before_tree(str(tmp_path), tmp_path / "unused") == tmp_path
    assert not (tmp_path / "unused").exists()
    assert stories_dask.before_tree(None, tmp_path / "unused") is None


def test_a_commit_is_exported_whole(tmp_path: Path) -> None:
    found = shutil.which("git")
    if found is None or subprocess.run([found, "-C", str(ROOT), "rev-parse", "HEAD"]).returncode:
        pytest.skip("not a git checkout")
    tree = stories_dask.before_tree("HEAD", tmp_path / "tree")
    assert tree == tmp_path / "tree"
    assert (tree / "storybrief" / "pipeline.py").is_file()
    assert (tree / "bench" / "stories_dask.py").is_file()


def test_neither_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="--before no-such-rev: no such folder or commit"):
        stories_dask.before_tree("no-such-rev", tmp_path / "tree")


def test_a_commit_without_git_installed_is_refused_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no git on it
    with pytest.raises(SystemExit, match="--before HEAD: no such folder or commit"):
        stories_dask.before_tree("HEAD", tmp_path / "tree")


def test_each_round_reverses_the_one_before() -> None:
    order = stories_dask.in_order(4, 3)
    assert order[:4] == [(0, 0), (0, 1), (0, 2), (0, 3)]
    assert order[4:8] == [(1, 3), (1, 2), (1, 1), (1, 0)]
    assert [n for _, n in order[8:]] == [0, 1, 2, 3]
    # Over two rounds every run is made once early and once late: its places sum alike.
    places = {n: sum(p for p, (_, m) in enumerate(order[:8]) if m == n) for n in range(4)}
    assert len(set(places.values())) == 1


def test_a_tree_is_compiled_before_it_is_timed(tmp_path: Path) -> None:
    package = tmp_path / "storybrief"
    package.mkdir()
    (package / "mod.py").write_text("VALUE = 1\n")
    stories_dask.compiled(tmp_path)
    assert list((package / "__pycache__").glob("mod.*.pyc"))


def test_no_rounds_is_refused_before_any_run() -> None:
    assert stories_dask.rounds("3") == 3
    with pytest.raises(argparse.ArgumentTypeError, match="at least once"):
        stories_dask.rounds("0")
