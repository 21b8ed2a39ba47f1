"""Conflicts on FNC-1 claim stories: outlets that report a claim against outlets that debunk it.

Usage: .venv/bin/python bench/fnc1.py [STORIES_JSON] [--show tune|report|all]

Each story of ``fnc1_dev_stories.json`` (``../shared/data/fnc1-dev/``) is
briefed as the evaluator briefs it: its bodies written to a folder as
``body<ID>.txt`` (no titles) and read by ``storybrief.brief``; a conflict's
claim is mapped to its body by the claim's ``source`` article. Scores, as
the data's README defines them:

* disputed: cross-stance: share of disputed stories with a conflict that
  has a claim from an agreeing body and one from a disagreeing body;
* disputed: any: share of disputed stories with a conflict;
* undisputed: any (lower is better): share of undisputed stories with one.

The baseline, computed in the same run, is the README's debunk-word
detector: a body debunks when it matches one of ``DEBUNK``; a story has a
conflict when some bodies debunk and some do not, cross-stance when an
agreeing and a disagreeing body fall on different sides.

The split is fixed before any tuning: within each kind (disputed,
undisputed), stories sorted by id, the 1st, 3rd, 5th ... are the tune half
and the 2nd, 4th, ... the report half (so both halves hold both kinds).
Thresholds are chosen on the tune half only; the report half is the number
that counts. ``--show`` prints every conflict of one half, to be read.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import storybrief
from storybrief.models import Brief

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT.parent / "shared" / "data" / "fnc1-dev" / "fnc1_dev_stories.json"
DEBUNK = re.compile(
    r"\b(?:hoax\w*|fake\w*|false|falsely|falsehood|untrue|not true|isn't true|denied|denies"
    r"|denial|deny\w*|debunk\w*|fabricat\w*|no evidence|satir\w*|prank\w*|made[ -]up)\b",
    re.IGNORECASE,
)
Story = dict[str, Any]
Sides = list[set[str]]  # per conflict, the stances of the bodies its claims come from
System = Callable[[Story], list[Sides]]


def split(stories: list[Story]) -> dict[str, list[Story]]:
    """The tune and report halves: per kind, stories by id, alternately; and all."""
    halves: dict[str, list[Story]] = {"tune": [], "report": []}
    for kind in ("disputed", "undisputed"):
        ranked = sorted((s for s in stories if s["kind"] == kind), key=lambda s: s["id"])
        halves["tune"] += ranked[::2]
        halves["report"] += ranked[1::2]
    return {**halves, "all": sorted(stories, key=lambda s: s["id"])}


def brief(story: Story) -> Brief:
    """The brief of a story's bodies, written as ``body<ID>.txt`` files, as the evaluator does."""
    with tempfile.TemporaryDirectory() as folder:
        for body in story["bodies"]:
            path = Path(folder) / f"body{body['body_id']}.txt"
            path.write_text(body["text"], encoding="utf-8")
        return storybrief.brief([folder])


def storybrief_sides(story: Story, found: Brief) -> list[Sides]:
    """Per conflict of the brief, the stances of its claims' bodies (one side each)."""
    stance = {f"body{b['body_id']}": b["stance"] for b in story["bodies"]}
    return [[{stance[c.source]} for c in conflict.claims] for conflict in found.conflicts]


def baseline_sides(story: Story) -> list[Sides]:
    """The debunk-word baseline: one conflict, the debunking bodies against the rest, if both."""
    debunking = {True: set(), False: set()}
    for body in story["bodies"]:
        debunking[bool(DEBUNK.search(body["text"]))].add(body["stance"])
    return [[debunking[True], debunking[False]]] if all(debunking.values()) else []


def cross_stance(sides: Sides) -> bool:
    """Whether an agreeing and a disagreeing body are on two different sides of one conflict."""
    return any(
        "agree" in one and "disagree" in other
        for i, one in enumerate(sides)
        for j, other in enumerate(sides)
        if i != j
    )


def scores(stories: list[Story], found: dict[str, list[Sides]]) -> dict[str, float]:
    """The README's three shares over ``stories``, from each story's conflicts."""
    disputed = [s["id"] for s in stories if s["kind"] == "disputed"]
    undisputed = [s["id"] for s in stories if s["kind"] == "undisputed"]
    return {
        "disputed: cross-stance": _share(disputed, lambda i: any(map(cross_stance, found[i]))),
        "disputed: any": _share(disputed, lambda i: bool(found[i])),
        "undisputed: any": _share(undisputed, lambda i: bool(found[i])),
    }


def _share(ids: list[str], hit: Callable[[str], bool]) -> float:
    return sum(map(hit, ids)) / len(ids) if ids else float("nan")


def show(stories: list[Story], briefs: dict[str, Brief]) -> None:
    """Every conflict storybrief reports on ``stories``, each claim with its body's stance."""
    for story in stories:
        stance = {f"body{b['body_id']}": b["stance"] for b in story["bodies"]}
        for conflict in briefs[story["id"]].conflicts:
            print(f"\n{story['id']} ({story['kind']}) [{conflict.kind}] {conflict.topic}")
            for c in conflict.claims:
                print(f"  [{c.source} {stance[c.source]}] {c.text}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", type=Path, nargs="?", default=STORIES)
    parser.add_argument("--show", choices=("tune", "report", "all"))
    args = parser.parse_args()
    stories = json.loads(args.stories.read_text(encoding="utf-8"))["stories"]
    halves = split(stories)
    briefs = {s["id"]: brief(s) for s in stories}
    systems = {
        "storybrief": {s["id"]: storybrief_sides(s, briefs[s["id"]]) for s in stories},
        "debunk-word baseline": {s["id"]: baseline_sides(s) for s in stories},
    }
    columns = list(scores(stories, systems["storybrief"]))
    print("| system | half (disputed/undisputed) | " + " | ".join(columns) + " |")
    print("|---|---|" + "---:|" * len(columns))
    for system, found in systems.items():
        for name, half in halves.items():
            counts = [sum(s["kind"] == k for s in half) for k in ("disputed", "undisputed")]
            cells = " | ".join(f"{v:.3f}" for v in scores(half, found).values())
            print(f"| {system} | {name} ({counts[0]}/{counts[1]}) | {cells} |")
    if args.show:
        show(halves[args.show], briefs)


if __name__ == "__main__":
    main()
