"""Debunk conflicts on AllSides leads: each gold story briefed alone, printed to read.

The AllSides roundups (``../shared/data/stories-dev/``) carry no conflict labels, so precision
is counted by reading what this prints: every ``debunk`` conflict of the stories whose sorted
gold-story positions fall in ``[FIRST, LAST)``, with the path that found it ("untrue": an
outlet calls something untrue; "denial": an opening denial) and its claims. The sets read so
far are named in BENCHMARKS.md ("Conflicts on labelled stories"): 0-599 were written on,
600-899 checked once; 900-1199 read at each debunk threshold tried since the ninth session;
1200-2129 read in the tenth session and, before and after the refusal rule, in the eleventh
(the rule was designed on its denials: in sample for it) (BENCHMARKS.md, "Conflicts on FNC-1
claim stories").

    PYTHONPATH=. .venv/bin/python bench/allsides_debunk.py 600 900
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from storybrief.analyze import run
from storybrief.analyze.conflicts.debunk import calls_untrue
from storybrief.analyze.context import StoryContext

ROOT = Path(__file__).resolve().parent.parent
PILE = ROOT.parent / "shared" / "data" / "stories-dev" / "allsides-neus-dev.jsonl"


def _stories(path: Path) -> dict[str, list[dict]]:
    stories: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            stories[article["story"]].append(article)
    return stories


def _show(story: str, articles: list[dict]) -> int:
    """Print the story's debunk conflicts; return how many."""
    articles = sorted(articles, key=lambda a: a["id"])
    ctx = StoryContext.from_texts(*(f"{a['title'] or ''}\n\n{a['text']}" for a in articles))
    found = [c for c in run(ctx, "conflicts") if c.kind == "debunk"]
    for conflict in found:
        path = "untrue" if calls_untrue(ctx.docs[conflict.claims[0].sentence_id]) else "denial"
        print(f"=== {story} {path} ({[a['id'] for a in articles]})")
        for claim in conflict.claims:
            print(f"  [{claim.source}] {claim.text[:300]}")
    return len(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=int, help="first story position (sorted gold ids)")
    parser.add_argument("last", type=int, help="position after the last story")
    parser.add_argument("--pile", type=Path, default=PILE)
    args = parser.parse_args()
    stories = _stories(args.pile)
    chosen = sorted(stories)[args.first : args.last]
    total = sum(_show(story, stories[story]) for story in chosen)
    print(f"debunk conflicts: {total} in {len(chosen)} stories")


if __name__ == "__main__":
    main()
