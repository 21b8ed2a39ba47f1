"""The dates a tree gives the days its summary candidates and timeline read, to compare two trees.

    PYTHONPATH=. python bench/day_dates.py dump OUT.json          # run once in each tree
    python bench/day_dates.py compare START.json NEW.json         # every change, to read

Read: the Multi-News and DUC 2004 dev clusters (``/work/shared/data``), and PolNeAR's
dev and train articles, each briefed alone with its own date. Per sentence naming a
day from its article's date: the summary candidate's text (None: kept out) and each
timeline date expression with the date it resolves to (None: not an event date).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from analysis import DATA

from storybrief.analyze import timeline
from storybrief.analyze.context import parse
from storybrief.models import Article
from storybrief.pipeline import prepare
from storybrief.summarize import story_order
from storybrief.summarize.candidates import collect_candidates, names_relative_day


def _stories() -> list[tuple[str, list[Article]]]:
    """Each story as (name, raw articles), dev clusters and PolNeAR articles alike."""
    out = []
    for name in ("multinews-dev.jsonl", "duc2004-dev.jsonl"):
        for line in (DATA / name).open(encoding="utf-8"):
            row = json.loads(line)
            docs = [Article(id=f"d{n}", source=f"d{n}", raw=d) for n, d in enumerate(row["docs"])]
            out.append((str(row.get("cluster_id", row.get("id"))), docs))
    for split in ("dev", "train"):
        path = DATA / "polnear-dev" / f"polnear_{split}.json"
        for n, a in enumerate(json.loads(path.read_text(encoding="utf-8"))["articles"]):
            out.append(
                (
                    f"polnear-{split}-{n}",
                    [Article(id="p", source="p", raw=a["text"], published=a["date"])],
                )
            )
    return out


def _timeline_dates(text: str, anchor: Any) -> list[list[str | None]]:
    """Each date expression the timeline reads in ``text`` and the date it gives (none
    without an ``anchor``).

    A tree without ``timeline._looks_back`` (the start tree) dates every weekday back."""
    looks_back = getattr(timeline, "_looks_back", lambda _entity, _anchor: True)
    found: list[list[str | None]] = []
    if anchor is None:
        return found
    for entity in parse([text])[0].ents:
        if entity.label_ == "DATE" and timeline._dates_the_sentence(entity.root):
            kept = looks_back(entity, anchor)
            found.append([entity.text, timeline.resolve(entity.text, anchor) if kept else None])
    return found


def _sentences(name: str, raw: list[Article]) -> dict[str, list[Any]]:
    """The story's day-naming sentences as this tree shows and dates them."""
    usable = story_order([a for a in prepare(raw) if a.ok])
    shown = {c.sentence.id: c.text for c in collect_candidates(usable)}
    dated = [d for d in map(timeline._anchor, (a.published for a in usable)) if d]
    found: dict[str, list[Any]] = {}
    for article in usable:
        anchor = timeline._anchor(article.published) or max(dated, default=None)
        for s in filter(lambda s: names_relative_day(s.text), article.sentences):
            found[f"{name}/{s.id}"] = [s.text, shown.get(s.id), _timeline_dates(s.text, anchor)]
    return found


def dump(out: Path) -> None:
    """Write every story's day-naming sentences as this tree shows and dates them."""
    found: dict[str, list[Any]] = {}
    for name, raw in _stories():
        found.update(_sentences(name, raw))
    out.write_text(json.dumps(found, indent=0), encoding="utf-8")


def _count(rows: Any) -> int:
    return sum(1 for row in rows if row)


def compare(before: Path, after: Path) -> None:
    """Print each sentence whose summary text or timeline dates differ, and the counts."""
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (before, after))
    changed = [k for k in old if old[k][1:] != new[k][1:]]
    for key in changed:
        print(key, "|", old[key][0], "|", old[key][1:], "->", new[key][1:])
    summary = _count(old[k][1] != new[k][1] for k in changed)
    shown = _count(v[1] and v[1] != v[0] for v in old.values())
    events = _count(old[k][2] != new[k][2] for k in changed)
    print(f"summary candidates changed: {summary} of {shown} dated before")
    print(f"timeline sentences changed: {events} of {_count(v[2] for v in old.values())}")


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(Path(sys.argv[2]))
    else:
        compare(Path(sys.argv[2]), Path(sys.argv[3]))
