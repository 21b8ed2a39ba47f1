"""Benchmark ``storybrief stories --jsonl`` end to end, in one process, on a pool and on Dask.

    python bench/stories_dask.py [--stories JSONL] [--size N] [--briefs] [--before TREE|REV]
                                 [--rounds N]

Runs the command as a user does (a fresh process each, imports and model
loads included) on the stories-dev pile (or whole gold stories of it drawn to
``--size`` articles, seed 0, as ``bench/clustering.py`` draws, or its
``--synthetic`` pile of N articles, ``clustering.synthetic``): in one process
(``--workers 1``), on two worker processes (``--workers 2``), then with
``--dask local`` (a LocalCluster of this machine's cores: its start included),
and checks that all write the same output file (and, with ``--briefs``, the
same briefs). ``--before TREE`` first runs another source tree (an older
commit, ``git archive`` d into TREE, or REV, a commit this runs ``git archive`` on into a
temporary folder) on the same pile, in one process and on two
workers, and checks whether it writes the same (it does unless the code changed
what it writes). ``--no-dask`` leaves the Dask run out. Prints wall and CPU
seconds (of the command and its children: on a loaded machine the steadier
figure), articles/s and the ratio to the baseline of the same run: the
one-process run (of TREE if given). ``--rounds N`` makes every run N times, each
round in the reverse order of the one before (a run's place in the sequence
moves its cost), and prints medians; each tree is byte-compiled before the first.

``--trace`` runs each command (not on Dask) through this script's ``traced``,
which stamps the phases of every process (the parent, the grouping child, each
pool worker: CPU, system CPU, minor page faults, wall time) and prints where
each run's CPU and wall time went: the serial part before the pool, each
worker's chunks (its first, cold, against the others), its idle time at the
end, and the parent's part after the pool.
"""

from __future__ import annotations

import argparse
import filecmp
import importlib.util
import inspect
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import product
from pathlib import Path
from typing import Any

# The runs of this tree: a name, and the options that make it.
RUNS = (
    ("one process", ["--workers", "1"]),
    ("--workers 2", ["--workers", "2"]),
    ("--dask local", ["--dask", "local"]),
)


# The phases ``--trace`` stamps, as (label, one line of JSON each), in this file.
TRACE = "STORIES_DASK_TRACE"


def run(
    src: Path, out: Path, briefs: bool, options: list[str], tree: Path | None, trace: bool = False
) -> tuple[float, float]:
    """Wall and CPU seconds ``storybrief stories --jsonl`` takes over ``src``, into ``out``;
    run with ``tree`` first on the import path if given; its phases stamped into
    ``out``/trace.jsonl if ``trace`` (``traced``)."""
    start = [__file__, "--traced"] if trace else ["-m", "storybrief"]
    command = [sys.executable, *start, "stories", "--jsonl", str(src)]
    command += ["--out", str(out / "out.jsonl"), "-f", "json", *options]
    command += ["--briefs", str(out / "briefs")] if briefs else ["--group-only"]
    # Run in ``tree``: ``python -m`` puts the working directory first on the import path.
    env = os.environ | ({"PYTHONPATH": str(tree)} if tree else {})
    env |= {TRACE: str(out / "trace.jsonl")} if trace else {}
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
    from clustering import draw, synthetic  # here: a ``--traced`` run must import storybrief itself

    rows = [json.loads(line) for line in args.stories.open(encoding="utf-8")]
    if args.synthetic:
        return synthetic(rows, args.synthetic)
    return draw(rows, args.size) if args.size else rows


def runs_asked(
    args: argparse.Namespace, before: Path | None
) -> list[tuple[str, list[str], Path | None]]:
    """The runs to make: each one's name, options and source tree (None: this one)."""
    ours = RUNS[:2] if args.no_dask else RUNS
    # Both ways, options given: an older tree's default may differ from this one's.
    runs = [(f"{args.before} {n}", o, before) for n, o in RUNS[:2]] if before else []
    return runs + [(name, options, None) for name, options in ours]


def in_order(runs: int, rounds: int) -> list[tuple[int, int]]:
    """(round, run) in the order they are made: each round reverses the one before it, so
    over each two rounds every run is made as often at place p as at place n + 1 - p (an odd
    number of rounds leaves the last one unpaired). A run's place in the
    sequence moved its CPU by 7-20% in A/A runs (BENCHMARKS.md, twentieth session), more
    than the changes measured."""
    order = list(range(runs))
    return [(turn, n) for turn in range(rounds) for n in (order[:: -1 if turn % 2 else 1])]


def rounds(value: str) -> int:
    """``--rounds``' value: a count of one or more (none would leave no time to take a
    median of, a StatisticsError after the pile was prepared)."""
    count = int(value)
    if count < 1:
        raise argparse.ArgumentTypeError(f"{value}: a run is made at least once")
    return count


def compiled(tree: Path | None) -> None:
    """Byte-compile the ``storybrief`` a run imports (``tree``'s, else the working folder's,
    else the installed one), so that no timed run compiles it: an exported tree has no
    ``.pyc`` files, and its first run would pay for them (~0.3 s CPU)."""
    package = (tree or Path.cwd()) / "storybrief"
    if not package.is_dir():
        spec = importlib.util.find_spec("storybrief")
        package = Path(spec.origin).parent if spec and spec.origin else package
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], check=False)


def before_tree(before: str | None, folder: Path) -> Path | None:
    """The baseline's source tree: ``before`` itself when it is a folder, else the commit it
    names exported from this repository into ``folder`` (so a command in BENCHMARKS.md that
    names a commit runs on any clone)."""
    if before is None or Path(before).is_dir():
        return Path(before) if before else None
    repo = Path(__file__).resolve().parent.parent
    folder.mkdir()
    try:
        archive = subprocess.run(
            ["git", "-C", str(repo), "archive", before], capture_output=True, check=False
        )
        failed = archive.stderr.decode().strip() if archive.returncode else ""
    except OSError as exc:  # no git on this machine: said as plainly as an unknown commit
        failed = str(exc)
    if failed:
        sys.exit(f"--before {before}: no such folder or commit ({failed})")
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def main() -> None:
    from clustering import DATA

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--stories", type=Path, default=DATA / "stories-dev/allsides-neus-dev.jsonl"
    )
    parser.add_argument("--size", type=int, help="draw whole stories to this many articles")
    parser.add_argument("--synthetic", type=int, help="a synthetic pile of this many instead")
    parser.add_argument("--briefs", action="store_true", help="write every story's brief too")
    parser.add_argument(
        "--before", help="a source tree or a commit of this repository to run first, the baseline"
    )
    parser.add_argument("--no-dask", action="store_true", help="leave the Dask run out")
    parser.add_argument("--trace", action="store_true", help="where each process's time went")
    parser.add_argument(
        "--rounds", type=rounds, default=1, help="make every run this many times, in turn reversed"
    )
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
        runs = runs_asked(args, before_tree(args.before, folder / "before"))
        timed = made(runs, args, src, folder)
        # Every run is checked against this tree's one-process run.
        own = 2 if args.before else 0
        table([name for name, _, _ in runs], timed, len(rows), folder, own)
        for n, turn in product(range(len(runs)), range(args.rounds)):
            if (trace := folder / f"{n}-{turn}" / "trace.jsonl").exists():
                accounts(f"{runs[n][0]}, round {turn + 1}", trace)


def made(
    runs: list[tuple[str, list[str], Path | None]],
    args: argparse.Namespace,
    src: Path,
    folder: Path,
) -> dict[int, list[tuple[float, float]]]:
    """Make the ``runs`` ``args.rounds`` times in turn (``in_order``), each into its own
    folder ``{run}-{round}``; each run's wall and CPU seconds, by round."""
    for tree in {tree for _, _, tree in runs}:
        compiled(tree)
    timed: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for turn, n in in_order(len(runs), args.rounds):
        out = folder / f"{n}-{turn}"
        out.mkdir()
        trace = args.trace and "--dask" not in runs[n][1]
        timed[n].append(run(src, out, args.briefs, runs[n][1], runs[n][2], trace))
    return timed


def table(
    names: list[str],
    timed: dict[int, list[tuple[float, float]]],
    articles: int,
    folder: Path,
    own: int,
) -> None:
    """Print each run's median times over its rounds, speed, ratio to the first run and
    whether its first round wrote the same as run ``own``'s (this tree's one-process run)."""
    rounds = len(timed[0])
    print(f"\n{rounds} round(s), medians" if rounds > 1 else "")
    head = "| run | wall s | CPU s | each round's CPU s | articles/s | ratio (wall) | same as"
    print(f"{head} {names[own]} |")
    print("|---|---:|---:|---:|---:|---:|---|")
    base = statistics.median(wall for wall, _ in timed[0])
    for n, name in enumerate(names):
        wall = statistics.median(w for w, _ in timed[n])
        cpu = statistics.median(c for _, c in timed[n])
        label = f"{name} (baseline)" if n == 0 else name
        alike = "–" if n == own else same(folder / f"{own}-0", folder / f"{n}-0")
        each = " / ".join(f"{c:.1f}" for _, c in timed[n])
        speed, ratio = articles / wall, base / wall
        print(f"| {label} | {wall:.1f} | {cpu:.1f} | {each} ", end="")
        print(f"| {speed:,.1f} | {ratio:.2f}× | {alike} |")


def stamp(what: str, **extra: Any) -> None:
    """Append this process's CPU, system CPU, minor faults and the time to the trace."""
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = used.ru_utime + used.ru_stime
    line = {"pid": os.getpid(), "what": what, "wall": time.time(), "cpu": cpu}
    line |= {"sys": used.ru_stime, "faults": used.ru_minflt, **extra}
    with open(os.environ[TRACE], "a", encoding="utf-8") as file:
        file.write(json.dumps(line) + "\n")


# What ``_Stamped`` wraps, by name: held here, as a stamped function must pickle by name alone
# (to the pool's forked workers and the grouping child, which have this module as it is).
_WRAPPED: dict[str, Callable[..., Any]] = {}


class _Stamped:
    """A wrapped callable (``_WRAPPED``), stamped on entry and exit."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, *args: Any) -> Any:
        stamp(f"{self.name} in")
        done = _WRAPPED[self.name](*args)
        if inspect.isgenerator(done):  # a pool giving its briefs as they come
            return self._through(done)
        stamp(f"{self.name} out")
        return done

    def _through(self, briefs: Iterator[Any]) -> Iterator[Any]:
        yield from briefs
        stamp(f"{self.name} out")


def traced() -> None:
    """``storybrief`` with its arguments after ``--traced``, its processes' phases stamped."""
    stamp("start")
    sys.path.insert(0, os.getcwd())  # as ``python -m`` would: the tree run is the cwd's
    from storybrief import cli, runners

    stamp("imported")
    for name in ("brief_chunk", "_load_models", "_on_pool"):
        _WRAPPED[name] = getattr(runners, name)
        setattr(runners, name, _Stamped(name))
    meanwhile = runners.grouped_meanwhile

    def grouped(group: Callable[[], Any], workers: int) -> Any:
        _WRAPPED["group"] = group
        return meanwhile(_Stamped("group"), workers)

    runners.grouped_meanwhile = grouped
    sys.argv = ["storybrief", *sys.argv[2:]]
    try:
        cli.app()
    finally:
        stamp("end")


def accounts(name: str, path: Path) -> None:
    """Print where one traced run's time went, process by process."""
    lines = [json.loads(line) for line in path.open(encoding="utf-8")]
    by_pid: dict[int, list[dict]] = defaultdict(list)
    for line in lines:
        by_pid[line["pid"]].append(line)
    parent = by_pid.pop(lines[0]["pid"])
    at = {line["what"]: line for line in parent}
    print(f"\n{name}: {_spent([parent[0], at['end']])}; the imports {_spent(parent[:2])}")
    if "_on_pool in" in at:
        before, after = [parent[1], at["_on_pool in"]], [at["_on_pool out"], at["end"]]
        print(f"  parent: before the pool {_spent(before)}; after it {_spent(after)}")
    else:
        print(f"  {_chunks(parent)}")
    pool_end = max((own[-1]["wall"] for own in by_pid.values()), default=0)
    for own in by_pid.values():
        if own[0]["what"] == "group in":
            print(f"  grouping child: {_spent(own)}")
        else:
            idle = pool_end - own[-1]["wall"]
            print(f"  worker: {_spent(own)}; {_chunks(own)}; idle at the end {idle:.2f} s")


def _spent(span: list[dict]) -> str:
    """Wall, CPU, system CPU and minor faults from the first stamp of ``span`` to its last."""
    a, b = span[0], span[-1]
    cpu, system, faults = (b[k] - a[k] for k in ("cpu", "sys", "faults"))
    wall = b["wall"] - a["wall"]
    return f"{wall:.2f} s wall, {cpu:.2f} s CPU ({system:.2f} system, {faults:,} faults)"


def _chunks(own: list[dict]) -> str:
    """The CPU of a process's chunks: its first (cold), the others on average."""
    ins = [line for line in own if line["what"] == "brief_chunk in"]
    outs = [line for line in own if line["what"] == "brief_chunk out"]
    cpu = [b["cpu"] - a["cpu"] for a, b in zip(ins, outs, strict=True)]
    if not cpu:  # ``--group-only``: no brief was written
        return "no chunks"
    rest = sum(cpu[1:]) / max(1, len(cpu) - 1)
    return f"{len(cpu)} chunks, {sum(cpu):.2f} s CPU: the first {cpu[0]:.2f}, the others {rest:.2f}"


if __name__ == "__main__":
    traced() if sys.argv[1:2] == ["--traced"] else main()
