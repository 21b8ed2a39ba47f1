"""Agreement recall and repeats on the gold-dev stories (``../shared/data/gold-dev``).

Usage: .venv/bin/python bench/agreements.py [--data DIR] [--show] [--half tune|report]

gold-dev facts carry no evidence snippets (the seed's do, ``bench/analysis.py``), so a
gold fact is found by an agreement that cites two or more of its sources and shares at
least ``MIN_SHARED`` of the fact's telling words (words cut to 6 letters; the story's
topic words, in a quarter of its facts, left out). A proxy for reading: ``--show``
prints each fact with the agreements found for it, to be checked by hand.
Repeats: agreements per fact beyond the first that find it (lower is better).

Split, fixed before tuning: the ten stories sorted by file name, the 1st, 3rd, ... tune,
the 2nd, 4th, ... report.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from storybrief.models import Agreement, Article
from storybrief.pipeline import brief_of, prepare

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
MIN_SHARED = 2
TOPIC_SHARE = 0.25
STOP = set(
    "the a an of to in on for and or with from by at as is are was were be been that this "
    "its their his her they he she it which who has have had will would said says after "
    "than more about into over".split()
)


def _words(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 2}


def _topic(facts: list[dict[str, Any]]) -> set[str]:
    """The story's topic words ("seattle", "tax"): in a quarter or more of its facts, they
    tell no fact from another."""
    counts = Counter(w for f in facts for w in _words(f["fact"]))
    return {w for w, n in counts.items() if n >= max(2, len(facts) * TOPIC_SHARE)}


def _finds(agreement: Agreement, fact: dict[str, Any], topic: set[str]) -> bool:
    """Whether an agreement states a gold fact: two of its sources, and its telling words
    (all of them when it has fewer than ``MIN_SHARED``)."""
    sources = {f"d{s}" for s in fact["sources"]}
    if len(sources & set(agreement.sources)) < 2:
        return False
    wanted = _words(fact["fact"]) - topic
    shared = wanted & _words(agreement.text)
    return len(shared) >= min(MIN_SHARED, len(wanted)) and bool(shared)


def _articles(path: Path, data: Path) -> list[Article]:
    key = path.stem
    for name, field in (("multinews-dev.jsonl", "id"), ("duc2004-dev.jsonl", "cluster_id")):
        with (data / name).open(encoding="utf-8") as lines:
            for cluster in map(json.loads, lines):
                if cluster[field].startswith(key):
                    docs = cluster["docs"]
                    return [
                        Article(id=f"d{n}", source=f"{name}#{key}", raw=t)
                        for n, t in enumerate(docs)
                    ]
    raise LookupError(key)


def _show(
    name: str, facts: list[dict[str, Any]], agreements: list[Agreement], topic: set[str]
) -> None:
    """Each fact with the agreements found for it, then the agreements no fact finds."""
    print(f"\n## {name}")
    for fact in facts:
        print(f"  FACT {fact['fact']}")
        for a in (a for a in agreements if _finds(a, fact, topic)):
            print(f"     {a.sources}: {a.text[:150]}")
    for a in agreements:
        if not any(_finds(a, f, topic) for f in facts):
            print(f"  (no fact) {a.sources}: {a.text[:150]}")


def score(path: Path, data: Path, show: bool) -> tuple[int, int, int]:
    """(facts found, facts, repeats) of one gold-dev story."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    facts = [f for f in gold["agreements"] if len(f["sources"]) >= 2]
    agreements = brief_of(prepare(_articles(path, data))).agreements
    topic = _topic(facts)
    found = [sum(_finds(a, f, topic) for a in agreements) for f in facts]
    if show:
        _show(path.stem, facts, agreements, topic)
    return sum(n > 0 for n in found), len(facts), sum(max(n - 1, 0) for n in found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--half", choices=("tune", "report"), help="only this half")
    args = parser.parse_args()
    stories = sorted((args.data / "gold-dev").glob("*.json"))
    halves = {"tune": stories[::2], "report": stories[1::2]}
    print("| half | stories | facts | agreement recall | repeats per fact |")
    print("|---|---|---:|---:|---:|")
    for half, paths in halves.items():
        if args.half and half != args.half:
            continue
        scores = [score(p, args.data, args.show) for p in paths]
        found, facts, repeats = [sum(s[k] for s in scores) for k in range(3)]
        names = ", ".join(p.stem for p in paths)
        print(f"| {half} | {names} | {facts} | {found / facts:.2f} | {repeats / facts:.2f} |")


if __name__ == "__main__":
    main()
