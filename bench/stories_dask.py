"""Benchmark ``storybrief stories --jsonl`` end to end, in one process and on Dask.

    python bench/stories_dask.py [--stories JSONL] [--size N] [--briefs] [--workers N]

Runs the command as a user does (a fresh process each, imports and model
loads included) on the stories-dev pile (or whole gold stories of it drawn to
``--size`` articles, seed 0, as ``bench/clustering.py`` draws, or its
``--synthetic`` pile of N articles, ``clustering.synthetic``), first in one
process, then with ``--dask local`` (a LocalCluster of this machine's cores:
its start included), and checks that both write the same output file (and,
with ``--briefs``, the same briefs). Prints wall seconds, articles/s and the
ratio; the baseline of the same run is the one-process run.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from clustering import DATA, draw, synthetic


def run(src: Path, out: Path, briefs: bool, dask: bool) -> float:
    """Seconds ``storybrief stories --jsonl`` takes over ``src``, writing into ``out``."""
    command = [sys.executable, "-m", "storybrief", "stories", "--jsonl", str(src)]
    command += ["--out", str(out / "out.jsonl"), "-f", "json"]
    command += ["--briefs", str(out / "briefs")] if briefs else ["--group-only"]
    command += ["--dask", "local"] if dask else []
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)
    print(f"  {'dask' if dask else 'one process'}: {done.stderr.strip().splitlines()[-1]}")
    return seconds


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--stories", type=Path, default=DATA / "stories-dev/allsides-neus-dev.jsonl"
    )
    parser.add_argument("--size", type=int, help="draw whole stories to this many articles")
    parser.add_argument("--synthetic", type=int, help="a synthetic pile of this many instead")
    parser.add_argument("--briefs", action="store_true", help="write every story's brief too")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.stories.open(encoding="utf-8")]
    if args.synthetic:
        rows = synthetic(rows, args.synthetic)
    elif args.size:
        rows = draw(rows, args.size)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        src = folder / "pile.jsonl"
        # The gold story stays out of the input: the system never sees it.
        src.write_text(
            "".join(json.dumps({k: v for k, v in r.items() if k != "story"}) + "\n" for r in rows)
        )
        (folder / "one").mkdir()
        (folder / "dask").mkdir()
        print(f"{len(rows):,} articles, briefs: {args.briefs}")
        one = run(src, folder / "one", args.briefs, dask=False)
        dask = run(src, folder / "dask", args.briefs, dask=True)
        print("\n| run | seconds | articles/s |\n|---|---:|---:|")
        print(f"| one process (baseline) | {one:.1f} | {len(rows) / one:,.0f} |")
        print(f"| --dask local | {dask:.1f} | {len(rows) / dask:,.0f} |")
        alike = same(folder / "one", folder / "dask")
        print(f"\nratio one/dask {one / dask:.2f}×; same output: {alike}")


if __name__ == "__main__":
    main()
