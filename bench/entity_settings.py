"""The entity merges another operating point of the pair scorer makes or undoes, to read.

Usage: PYTHONPATH=. .venv/bin/python bench/entity_settings.py [--threshold 0.8]
       [--floor 0.0] [--multinews 81-95] [--allsides 2000-2099] [--data ../shared/data]

``EntitySettings.pair_threshold`` and ``pair_floor`` change only when the extra merges
of the point ``bench/train_entity_pairs.py`` chooses read right on news clusters never
read for entities (BENCHMARKS "Entity aliases"). Each cluster's names are found once and
grouped under the shipped settings and under ``--threshold`` / ``--floor``; printed, per
cluster, every group of the new point made of several shipped ones (MERGE) and every
shipped group it parts (SPLIT), each name with its count of mentions. Clusters: Multi-News
dev by file position (2+ articles, gold-dev's left out), AllSides roundups of
``stories-dev`` by the number of their story id. No labels: the reader judges.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from analysis import DATA, _allsides_stories

from storybrief.analyze.context import StoryContext
from storybrief.analyze.entities import mentions, names_of, ruled
from storybrief.settings import EntitySettings

Groups = set[frozenset[str]]


def read_groups(names: dict[str, str], counts: Counter[str]) -> Groups:
    """The mention keys by the entity they name; a key naming none (a group of nationality
    adjectives, left out of the brief) stands alone, as a reader sees it."""
    by_entity: dict[str, set[str]] = defaultdict(set)
    for key in counts:
        by_entity[names.get(key, f"\0{key}")].add(key)
    return {frozenset(keys) for keys in by_entity.values()}


def changes(shipped: Groups, other: Groups) -> Iterator[tuple[str, list[list[str]]]]:
    """Every group of one side made of several of the other's: MERGE (made by ``other``)
    or SPLIT (undone by it), as the parts, each sorted."""
    for kind, made, parts in (("MERGE", other, shipped), ("SPLIT", shipped, other)):
        for group in sorted(made - parts, key=sorted):
            pieces = sorted(sorted(p) for p in parts if p <= group)
            if len(pieces) > 1:
                yield kind, pieces


def _compare(name: str, texts: list[str], other: EntitySettings) -> None:
    """Print the changes ``other`` makes on one cluster's entities."""
    found, defined = mentions(StoryContext.from_texts(*texts))
    counts = Counter(m.key for m in found)
    rules = ruled(found, defined, EntitySettings())
    sides = [names_of(found, defined, s, rules=rules).canonical for s in (EntitySettings(), other)]
    shipped, changed = (read_groups(names, counts) for names in sides)
    print(f"== {name}: {len(shipped)} groups" + ("" if shipped != changed else ", unchanged"))
    for kind, pieces in changes(shipped, changed):
        written = (", ".join(f"{k} ({counts[k]})" for k in piece) for piece in pieces)
        print(f"  {kind}: " + " | ".join(f"{{{w}}}" for w in written))


def multinews(data: Path, first: int, last: int) -> Iterator[tuple[str, list[str]]]:
    """Multi-News dev clusters ``first``-``last`` by file position, 2+ articles, not gold-dev's."""
    gold = {p.stem for p in (data / "gold-dev").glob("*.json")}
    with (data / "multinews-dev.jsonl").open(encoding="utf-8") as lines:
        for n, cluster in enumerate(map(json.loads, lines)):
            if first <= n <= last and len(cluster["docs"]) > 1 and cluster["id"][:10] not in gold:
                yield f"MN {n}", cluster["docs"]


def allsides(data: Path, first: int, last: int) -> Iterator[tuple[str, list[str]]]:
    """The AllSides roundups numbered ``first``-``last``, as ``bench/analysis.py`` reads them
    (their articles' title and text, in id order), by number."""
    numbered = ((int(story.rsplit("-", 1)[1]), texts) for story, texts in _allsides_stories(data))
    for number, texts in sorted((n, t) for n, t in numbered if first <= n <= last):
        yield f"AS {number}", texts


def _span(text: str) -> tuple[int, int]:
    first, _, last = text.partition("-")
    return int(first), int(last or first)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--threshold", type=float, default=0.8)
    parser.add_argument("--floor", type=float, default=0.0)
    parser.add_argument("--multinews", type=_span, help="first-last file position")
    parser.add_argument("--allsides", type=_span, help="first-last story number")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    other = EntitySettings(pair_threshold=args.threshold, pair_floor=args.floor)
    clusters = [
        *(multinews(args.data, *args.multinews) if args.multinews else []),
        *(allsides(args.data, *args.allsides) if args.allsides else []),
    ]
    for name, texts in clusters:
        _compare(name, texts, other)


if __name__ == "__main__":
    main()
