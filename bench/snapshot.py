"""JSON briefs of every story we can read, to check a refactor changed no output.

Usage: .venv/bin/python bench/snapshot.py OUT_DIR [--data DIR]
       .venv/bin/python bench/snapshot.py --compare BEFORE_DIR AFTER_DIR [--ignore KEY,...]

Writes one JSON brief per story to OUT_DIR: the seed (``seeds``), every
labelled fixture of ``tests/fixtures/analysis`` and every cluster of
``multinews-dev.jsonl`` and ``duc2004-dev.jsonl``. ``--compare`` prints the
stories whose briefs differ once the ``--ignore``d keys are dropped at any
depth (by default the keys added since JSON v1: ``kind``, ``attribution``,
``warnings``), and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from analysis import DATA, FIXTURES, load

from storybrief.models import Article
from storybrief.pipeline import brief_of, prepare
from storybrief.render import render

CLUSTERS = ("multinews-dev.jsonl", "duc2004-dev.jsonl")
NEW_KEYS = "kind,attribution,warnings"


def stories(data: Path) -> Iterator[tuple[str, list[Article]]]:
    """(name, articles) of the seed, the labelled fixtures and every dev cluster."""
    for directory in [data / "seeds", *sorted(p for p in FIXTURES.glob("*") if p.is_dir())]:
        yield directory.name, load(directory, data)[0]
    for name in CLUSTERS:
        with (data / name).open(encoding="utf-8") as lines:
            for cluster in map(json.loads, lines):
                key = cluster.get("id") or cluster["cluster_id"]
                yield (
                    f"{Path(name).stem}-{key[:16]}",
                    [
                        Article(id=f"d{n}", source=f"{name}#{key}", raw=text)
                        for n, text in enumerate(cluster["docs"])
                    ],
                )


def _drop(value: Any, keys: set[str]) -> Any:
    if isinstance(value, dict):
        return {k: _drop(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_drop(v, keys) for v in value]
    return value


def compare(before: Path, after: Path, ignore: set[str]) -> int:
    """Print the stories whose briefs differ; the number of them."""
    names = sorted({p.name for p in before.glob("*.json")} | {p.name for p in after.glob("*.json")})
    differ = 0
    for name in names:
        one, other = before / name, after / name
        if not (one.exists() and other.exists()):
            print(f"{name}: only in {before if one.exists() else after}")
            differ += 1
            continue
        a, b = (_drop(json.loads(p.read_text(encoding="utf-8")), ignore) for p in (one, other))
        if a != b:
            print(f"{name}: differs")
            differ += 1
    print(f"{differ} of {len(names)} briefs differ")
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--compare", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--ignore", default=NEW_KEYS)
    args = parser.parse_args()
    if args.compare:
        sys.exit(1 if compare(*args.compare, set(filter(None, args.ignore.split(",")))) else 0)
    if args.out is None:
        parser.error("OUT_DIR is required")
    args.out.mkdir(parents=True, exist_ok=True)
    for name, articles in stories(args.data):
        text = render(brief_of(prepare(articles)), "json")
        (args.out / f"{name}.json").write_text(text, encoding="utf-8")
        print(name, flush=True)


if __name__ == "__main__":
    main()
