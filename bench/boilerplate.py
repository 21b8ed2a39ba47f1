"""Boilerplate recall of the plain-text cleaner on every labelled story.

Usage: .venv/bin/python bench/boilerplate.py [--data DIR] [--baseline-rev REV] [--misses]
       .venv/bin/python bench/boilerplate.py --broad [--sample N] [--data DIR]

Stories: the 10 of ``gold-dev/`` (article ids are indexes into the docs of
the cluster of ``multinews-dev.jsonl`` or ``duc2004-dev.jsonl`` the file is
named after), the seed (``seeds/``) and the fixtures of
``tests/fixtures/analysis/`` (read as ``bench/analysis.py`` reads them; their
gold has no boilerplate labels yet, so they count only if it gets some).

Per story and cleaner: *recall*, the share of the gold ``boilerplate_lines``
no longer in the cleaned body (the articles' paragraphs), and *cut*, the
``body_lines_that_must_survive`` not in it (must be 0). A boilerplate line is
in the body when a paragraph is that line, or holds it and it has five words
or more (a shorter label inside a paragraph is the paragraph's own words). A
must-survive line is in the body when a paragraph holds it: DUC lines are
fragments of hard-wrapped paragraphs. Both sides are compared after the
cleaner's own ``normalize`` and with runs of spaces collapsed. *header*
counts boilerplate lines read as an article's title, dek or byline: out of
the body, but shown to a reader.

Cleaners, all in the same run: *no cleaning* (every line kept),
*trafilatura* (the lines as ``<p>`` of a page through ``trafilatura.extract``,
a general-purpose boilerplate remover), *storybrief at REV* (the commit this
cleaner's round started from, run from a ``git archive`` of it in a
subprocess), *storybrief, rules only* (this tree with the learned line judge
off) and *storybrief* (this tree). The judge was trained on labelled lines of
other clusters (``bench/train_line_judge.py``): every labelled story here is
a test story for it.

The split: the rules and limits of ``storybrief.clean.furniture`` were
tuned on the seed and the five gold-dev stories not in ``HELD_OUT``; those
five were only scored. Totals are given for each part and for all.
``--misses`` lists the lines this tree gets wrong on the tuning stories only.

``--broad`` cleans every cluster of the two raw sets, and every PolNeAR
article (full texts of seven US outlets) on its own, with this tree and
with ``--baseline-rev``; counts the lines each removes, and prints a fixed
random sample of the lines only this tree removes and of those only the
baseline removes, to be read by hand: with no gold, each is a possible
loss of news (or a furniture line let back in).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from pathlib import Path
from typing import Any

from analysis import DATA, FIXTURES, ROOT, load

from storybrief.clean import clean, text
from storybrief.clean.text import normalize
from storybrief.models import Article

BASELINE_REV = "58738eb"  # the start of the round that extended the cleaner to any outlet
# Chosen before any rule was tuned: alternate gold-dev files in name order, one DUC story
# on each side. The seed and any labelled fixture are tuning stories.
HELD_OUT = ("2ae7b72208", "5021490f86", "9bf2345cf3", "d30044t", "e9aca7cfa8")
RAW_SETS = ("multinews-dev.jsonl", "duc2004-dev.jsonl")
# Full texts of seven US outlets (PolNeAR train and dev), each article cleaned on its own.
POLNEAR = ("polnear-dev/polnear_train.json", "polnear-dev/polnear_dev.json")
MIN_INNER_WORDS = 5

Cleaned = list[dict[str, Any]]  # per article: id, paragraphs, header, removed


def _clusters(path: Path) -> Iterator[tuple[str, list[str]]]:
    with path.open(encoding="utf-8") as lines:
        for cluster in map(json.loads, lines):
            yield cluster.get("id") or cluster["cluster_id"], cluster["docs"]


def labelled(data: Path) -> dict[str, tuple[list[Article], dict[str, Any]]]:
    """Every labelled story by name: its articles (uncleaned) and its gold."""
    stories = {"seeds": load(data / "seeds", data)}
    for directory in sorted(p for p in FIXTURES.glob("*") if p.is_dir()):
        stories[directory.name] = load(directory, data)
    return stories | dict(sorted(_gold_dev(data).items()))


def _gold_dev(data: Path) -> dict[str, tuple[list[Article], dict[str, Any]]]:
    """The gold-dev stories, each with the documents of the cluster it is named after."""
    wanted = {p.stem: p for p in (data / "gold-dev").glob("*.json")}
    stories = {}
    for name in RAW_SETS:
        for key, docs in _clusters(data / name):
            stem = next((s for s in wanted if key.startswith(s)), None)
            if stem is None:
                continue
            gold = json.loads(wanted[stem].read_text(encoding="utf-8"))
            articles = [
                Article(id=str(n), source=f"{name}#{key}", raw=text) for n, text in enumerate(docs)
            ]
            stories[stem] = (articles, gold)
    return stories


def broad(data: Path) -> dict[str, list[Article]]:
    """Every cluster of the raw sets and every PolNeAR article by name, uncleaned."""
    stories = {
        f"{name}#{key}": [
            Article(id=str(n), source=f"{name}#{key}", raw=text) for n, text in enumerate(docs)
        ]
        for name in RAW_SETS
        for key, docs in _clusters(data / name)
    }
    for name in POLNEAR:
        for doc in json.loads((data / name).read_text(encoding="utf-8"))["articles"]:
            key = f"{name}#{doc['name']}"
            stories[key] = [Article(id=doc["publisher"], source=key, raw=doc["text"])]
    return stories


def _storybrief(articles: list[Article]) -> Cleaned:
    return [
        {
            "id": a.id,
            "paragraphs": a.paragraphs,
            "header": [v for v in (a.title, a.dek, a.byline) if v],
            "removed": [[r.line, r.why] for r in a.removed],
        }
        for a in clean(articles)
    ]


def _uncleaned(articles: list[Article]) -> Cleaned:
    return [
        {"id": a.id, "paragraphs": a.raw.splitlines(), "header": [], "removed": []}
        for a in articles
    ]


def _trafilatura(articles: list[Article]) -> Cleaned:
    import trafilatura

    out = []
    for a in articles:
        paragraphs = "".join(f"<p>{escape(line)}</p>" for line in a.raw.splitlines())
        page = f"<html><body><article>{paragraphs}</article></body></html>"
        text = trafilatura.extract(page, include_comments=False) or ""
        out.append({"id": a.id, "paragraphs": text.splitlines(), "header": [], "removed": []})
    return out


def _norm(text: str) -> str:
    return " ".join(normalize(text).split())


def _in_body(line: str, paragraphs: list[str]) -> bool:
    key = _norm(line)
    if len(key.split()) < MIN_INNER_WORDS:
        return bool(key) and key in paragraphs
    return any(key in p for p in paragraphs)


def score(cleaned: Cleaned, gold: dict[str, Any]) -> dict[str, Any]:
    """Counts of one story's gold lines removed and kept by one cleaner's output."""
    paragraphs = [_norm(p) for a in cleaned for p in a["paragraphs"]]
    header = {_norm(h) for a in cleaned for h in a["header"]}
    furniture = gold.get("boilerplate_lines", [])
    survive = gold.get("body_lines_that_must_survive", [])
    kept = [line for line in furniture if _in_body(line, paragraphs)]
    return {
        "boilerplate": len(furniture),
        "removed": len(furniture) - len(kept),
        "kept": kept,
        "header": len({_norm(line) for line in furniture} & header),
        "survive": len(survive),
        "cut": [line for line in survive if not _held(line, paragraphs)],
    }


def _held(line: str, paragraphs: list[str]) -> bool:
    key = _norm(line)
    return any(key in p for p in paragraphs)


@contextmanager
def rules_only() -> Iterator[None]:
    """This tree's cleaner with its learned line judge off: the rules alone."""
    # Imported here: the script also runs (``--dump``) on older trees that have no judge.
    from storybrief.clean.judge import FEATURE_NAMES, LineJudge

    judge = text.load_judge
    # A probability never reaches the threshold; the weights are not read, so a judge
    # being retrained on what the rules keep (bench/train_line_judge.py) can use this too.
    off = LineJudge(weights=(0.0,) * len(FEATURE_NAMES), bias=0.0, threshold=2.0)
    text.load_judge = lambda: off
    try:
        yield
    finally:
        text.load_judge = judge


def _dump(data: Path, broad_sets: bool) -> dict[str, Cleaned]:
    stories = broad(data) if broad_sets else {k: v[0] for k, v in labelled(data).items()}
    return {name: _storybrief(articles) for name, articles in stories.items()}


def at_revision(rev: str, data: Path, broad_sets: bool) -> dict[str, Cleaned]:
    """Cleaner outputs of storybrief as it was at ``rev``, run in a subprocess from its tree."""
    args = [__file__, "--dump", "--data", str(data)] + ["--broad"] * broad_sets
    return json.loads(run_at_revision(rev, args))


def run_at_revision(rev: str, args: list[str]) -> str:
    """The output of a Python script run with ``args`` on storybrief as it was at ``rev``."""
    with tempfile.TemporaryDirectory() as tree:
        archive = subprocess.run(
            ["git", "archive", rev, "storybrief"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tree, filter="data")
        env = {**os.environ, "PYTHONPATH": tree}
        run = subprocess.run(
            [sys.executable, *args], env=env, capture_output=True, text=True, check=True
        )
    return run.stdout


def _rate(hit: int, total: int) -> str:
    return f"{hit / total:.2f} ({hit}/{total})" if total else "n/a"


def _cell(s: dict[str, Any]) -> str:
    if not s["boilerplate"] and not s["survive"]:
        return "no labels"
    header = f", header {s['header']}" if s["header"] else ""
    return f"{_rate(s['removed'], s['boilerplate'])}, cut {len(s['cut'])}/{s['survive']}{header}"


def _row(name: str, scores: dict[str, dict[str, Any]]) -> str:
    return f"| {name} | " + " | ".join(map(_cell, scores.values())) + " |"


def _total(rows: list[dict[str, dict[str, Any]]], cleaner: str) -> dict[str, Any]:
    picked = [r[cleaner] for r in rows]
    return {
        "boilerplate": sum(s["boilerplate"] for s in picked),
        "removed": sum(s["removed"] for s in picked),
        "header": sum(s["header"] for s in picked),
        "survive": sum(s["survive"] for s in picked),
        "cut": [line for s in picked for line in s["cut"]],
    }


def report(data: Path, rev: str, misses: bool) -> None:
    """Print the per-story table, with totals per part of the split, for every cleaner."""
    stories = labelled(data)
    outputs = {
        "no cleaning": {k: _uncleaned(a) for k, (a, _) in stories.items()},
        "trafilatura": {k: _trafilatura(a) for k, (a, _) in stories.items()},
        f"storybrief at {rev}": at_revision(rev, data, broad_sets=False),
    }
    with rules_only():
        outputs["storybrief, rules only"] = _dump(data, broad_sets=False)
    outputs["storybrief"] = _dump(data, broad_sets=False)
    rows = {
        name: {c: score(out[name], gold) for c, out in outputs.items()}
        for name, (_, gold) in stories.items()
    }
    _table(rows, list(outputs))
    if misses:
        _misses(rows)


def _table(rows: dict[str, dict[str, dict[str, Any]]], cleaners: list[str]) -> None:
    print("recall of boilerplate lines (removed/labelled), must-survive lines cut\n")
    print("| story | " + " | ".join(cleaners) + " |")
    print("|---" * (len(cleaners) + 1) + "|")
    for name, row in rows.items():
        print(_row(name + (" (held out)" if name in HELD_OUT else ""), row))
    parts = {
        "total, tuned on": [r for n, r in rows.items() if n not in HELD_OUT],
        "total, held out": [r for n, r in rows.items() if n in HELD_OUT],
        "total, all": list(rows.values()),
    }
    for part, picked in parts.items():
        print(_row(f"**{part}**", {c: _total(picked, c) for c in cleaners}))


def _misses(rows: dict[str, dict[str, dict[str, Any]]]) -> None:
    """The lines this tree gets wrong, on the tuning stories only: held-out ones are not studied."""
    for name, row in rows.items():
        if name in HELD_OUT:
            continue
        for line in row["storybrief"]["kept"]:
            print(f"kept  {name}: {line[:150]}")
        for line in row["storybrief"]["cut"]:
            print(f"CUT   {name}: {line[:150]}")


def _removed_lines(outputs: dict[str, Cleaned]) -> set[tuple[str, str, str]]:
    return {
        (name, a["id"], _norm(line))
        for name, cleaned in outputs.items()
        for a in cleaned
        for line, _ in a["removed"]
    }


def broad_check(data: Path, rev: str, sample: int) -> None:
    """Lines removed on the raw sets before and after, and a sample of the newly removed ones."""
    before = _removed_lines(at_revision(rev, data, broad_sets=True))
    now = _dump(data, broad_sets=True)
    after = _removed_lines(now)
    why = {
        (name, a["id"], _norm(line)): reason
        for name, cleaned in now.items()
        for a in cleaned
        for line, reason in a["removed"]
    }
    new, restored = sorted(after - before), sorted(before - after)
    print(f"| set | removed at {rev} | removed now | newly removed | no longer removed |")
    print("|---|---:|---:|---:|---:|")
    for name in (*RAW_SETS, "polnear"):
        keys = (before, after, new, restored)
        counts = (sum(k[0].startswith(name) for k in part) for part in keys)
        print(f"| {name} | " + " | ".join(map(str, counts)) + " |")
    for key in random.Random(0).sample(new, min(sample, len(new))):
        print(f"- [{why[key]}] {key[0].split('#')[0][:9]} {key[1]}: {key[2][:200]}")
    for key in random.Random(0).sample(restored, min(sample, len(restored))):
        print(f"+ kept now: {key[0].split('#')[0][:9]} {key[1]}: {key[2][:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--baseline-rev", default=BASELINE_REV)
    parser.add_argument("--misses", action="store_true", help="list lines storybrief gets wrong")
    parser.add_argument("--broad", action="store_true", help="check the raw sets instead")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--dump", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dump:
        json.dump(_dump(args.data, args.broad), sys.stdout)
    elif args.broad:
        broad_check(args.data, args.baseline_rev, args.sample)
    else:
        report(args.data, args.baseline_rev, args.misses)


if __name__ == "__main__":
    main()
