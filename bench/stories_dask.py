"""Benchmark ``storybrief stories --jsonl`` end to end, in one process, on a pool and on Dask.

    python bench/stories_dask.py [--stories JSONL] [--size N] [--briefs] [--before TREE]

Runs the command as a user does (a fresh process each, imports and model
loads included) on the stories-dev pile (or whole gold stories of it drawn to
``--size`` articles, seed 0, as ``bench/clustering.py`` draws, or its
``--synthetic`` pile of N articles, ``clustering.synthetic``): in one process
(``--workers 1``), on two worker processes (``--workers 2``), then with
``--dask local`` (a LocalCluster of this machine's cores: its start included),
and checks that all write the same output file (and, with ``--briefs``, the
same briefs). ``--before TREE`` first runs another source tree (an older
commit, ``git archive`` d into TREE) on the same pile, in one process and on two
workers, and checks whether it writes the same (it does unless the code changed
what it writes). ``--no-dask`` leaves the Dask run out. Prints wall and CPU
seconds (of the command and its children: on a loaded machine the steadier
figure), articles/s and the ratio to the baseline of the same run: the
one-process run (of TREE if given).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clustering import DATA, draw, synthetic

# The runs of this tree: a name, and the options that make it.
RUNS = (
    ("one process", ["--workers", "1"]),
    ("--workers 2", ["--workers", "2"]),
    ("--dask local", ["--dask", "local"]),
)


def run(
    src: Path, out: Path, briefs: bool, options: list[str], tree: Path | None
) -> tuple[float, float]:
    """Wall and CPU seconds ``storybrief stories --jsonl`` takes over ``src``, into ``out``;
    run with ``tree`` first on the import path if given."""
    command = [sys.executable, "-m", "storybrief", "stories", "--jsonl", str(src)]
    command += ["--out", str(out / "out.jsonl"), "-f", "json", *options]
    command += ["--briefs", str(out / "briefs")] if briefs else ["--group-only"]
    # Run in ``tree``: ``python -m`` puts the working directory first on the import path.
    env = os.environ | ({"PYTHONPATH": str(tree)} if tree else {})
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, env=env, cwd=tree)
    seconds = time.perf_counter() - start
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    print(f"  {out.name}: {done.stderr.strip().splitlines()[-1]}")
    return seconds, now.ru_utime + now.ru_stime - used.ru_utime - used.ru_stime


def same(a: Path, b: Path) -> bool:
    """Whether two runs wrote the same output file and the same briefs."""
    if not filecmp.cmp(a / "out.jsonl", b / "out.jsonl", shallow=False):
        return False
    if not (a / "briefs").exists():
        return True
    names = sorted(p.name for p in (a / "briefs").iterdir())
    if names != sorted(p.name for p in (b / "briefs").iterdir()):
        return False
    return all(filecmp.cmp(a / "briefs" / n, b / "briefs" / n, shallow=False) for n in names)


def pile_rows(args: argparse.Namespace) -> list[dict]:
    """The pile the options ask for: stories-dev whole, drawn to a size, or synthetic."""
    rows = [json.loads(line) for line in args.stories.open(encoding="utf-8")]
    if args.synthetic:
        return synthetic(rows, args.synthetic)
    return draw(rows, args.size) if args.size else rows


def runs_asked(args: argparse.Namespace) -> list[tuple[str, list[str], Path | None]]:
    """The runs to make: each one's name, options and source tree (None: this one)."""
    ours = RUNS[:2] if args.no_dask else RUNS
    # Both ways, options given: an older tree's default may differ from this one's.
    runs = [(f"{args.before} {n}", o, args.before) for n, o in RUNS[:2]] if args.before else []
    return runs + [(name, options, None) for name, options in ours]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--stories", type=Path, default=DATA / "stories-dev/allsides-neus-dev.jsonl"
    )
    parser.add_argument("--size", type=int, help="draw whole stories to this many articles")
    parser.add_argument("--synthetic", type=int, help="a synthetic pile of this many instead")
    parser.add_argument("--briefs", action="store_true", help="write every story's brief too")
    parser.add_argument("--before", type=Path, help="a source tree to run first, the baseline")
    parser.add_argument("--no-dask", action="store_true", help="leave the Dask run out")
    args = parser.parse_args()
    rows = pile_rows(args)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = folder / "pile.jsonl"
        # The gold story stays out of the input: the system never sees it.
        src.write_text(
            "".join(json.dumps({k: v for k, v in r.items() if k != "story"}) + "\n" for r in rows)
        )
        print(f"{len(rows):,} articles, briefs: {args.briefs}")
        runs = runs_asked(args)
        timed = []
        for n, (_, options, tree) in enumerate(runs):
            (folder / str(n)).mkdir()
            timed.append(run(src, folder / str(n), args.briefs, options, tree))
        # Every run is checked against this tree's one-process run.
        own = 2 if args.before else 0
        table([name for name, _, _ in runs], timed, len(rows), folder, own)


def table(
    names: list[str], timed: list[tuple[float, float]], articles: int, folder: Path, own: int
) -> None:
    """Print each run's times, speed, ratio to the first run and whether it wrote the same
    as run ``own`` (this tree's one-process run)."""
    print(f"\n| run | wall s | CPU s | articles/s | ratio (wall) | same as {names[own]} |")
    print("|---|---:|---:|---:|---:|---|")
    base = timed[0][0]
    for n, (name, (wall, cpu)) in enumerate(zip(names, timed, strict=True)):
        label = f"{name} (baseline)" if n == 0 else name
        alike = "–" if n == own else same(folder / str(own), folder / str(n))
        speed = articles / wall
        print(f"| {label} | {wall:.1f} | {cpu:.1f} | {speed:,.1f} | {base / wall:.2f}× | {alike} |")


if __name__ == "__main__":
    main()
