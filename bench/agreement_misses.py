"""Why the agreements miss the gold-dev facts they miss (tune half only).

Usage: PYTHONPATH=.:bench .venv/bin/python bench/agreement_misses.py [--pairs P] [--show]

Each fact no agreement is credited with (``bench/agreements.py``'s matcher) is put in the
first of these that holds, reading which units tell which fact as the pair decision's
training does (``train_agreement_pairs.facts_told``: the matcher on the unit or on its
sentence):

* unread: fewer than two of its sources have a unit or sentence the matcher reads as the fact
  (the labeller's words, or a fact spread over sentences; the matcher's recall is a lower
  bound, BENCHMARKS.md);
* clustered: units of two of its sources telling it share a cluster, but the agreement is
  shown by a sentence credited to another fact, or cut by the cap;
* apart, sentence only: never clustered, and in one of the closest pair only the sentence
  tells the fact, not the clause unit (a fact cut across clauses, or in another clause);
* apart, units: never clustered though both units tell it (worded too unlike), with how
  many of those pairs have a quote mark in a sentence (a quote against a paraphrase).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
from collections import Counter
from pathlib import Path

import numpy as np
from agreements import DATA, MATCH_SHARE, _articles, _credits, _rarity
from train_agreement_pairs import facts_told

from storybrief.analyze import StoryContext, run
from storybrief.analyze import agreements as found_by
from storybrief.models import Article
from storybrief.pipeline import brief_of, prepare
from storybrief.settings import DEFAULT, Settings

_QUOTE = re.compile(r"[\"“”]")


@dataclasses.dataclass
class _Told:
    """A story's units (article, clause text, sentence text), their clusters, scores, and
    which facts each unit tells by itself (``unit``) or by its sentence (``sentence``)."""

    texts: list[tuple[str, str, str]]
    clusters: list[list[int]]
    scores: np.ndarray
    unit: np.ndarray
    sentence: np.ndarray


def _told(context: StoryContext, facts: list[dict], rarity: dict[str, float]) -> _Told:
    units = found_by._units(context, context.names)
    scores = found_by._scores(context, units, context.names).scores
    texts = [(u.sentence.article, u.text, u.sentence.text) for u in units]
    unit = facts_told([(a, t, t) for a, t, _ in texts], facts, rarity)
    sentence = facts_told([(a, s, s) for a, _, s in texts], facts, rarity)
    return _Told(texts, found_by._clusters(scores, context.cosines), scores, unit, sentence)


def _cause(told: _Told, fact: int, sources: set[str]) -> str:
    """Why one missed fact is missed (the module's list)."""
    telling = set(np.flatnonzero((told.unit | told.sentence)[:, fact]).tolist())
    article = [t[0] for t in told.texts]
    if len({article[k] for k in telling} & sources) < 2:
        return "unread"
    if any(_sources(article, set(c) & telling) >= 2 for c in told.clusters):
        return "clustered"
    pairs = [(i, j) for i in telling for j in telling if article[i] < article[j]]
    return _apart(told, fact, max(pairs, key=lambda p: told.scores[p])) if pairs else "unread"


def _sources(article: list[str], units: set[int]) -> int:
    return len({article[k] for k in units})


def _apart(told: _Told, fact: int, closest: tuple[int, int]) -> str:
    """Why a fact two sources tell never clustered, read on its closest pair of units."""
    if not all(told.unit[k, fact] for k in closest):
        return "apart, sentence only"
    quoted = any(_QUOTE.search(told.texts[k][2]) for k in closest)
    return "apart, units, a quote" if quoted else "apart, units, no quote"


def _story(path: Path, data: Path) -> tuple[list[dict], list[Article], dict[str, float]]:
    """A gold-dev story's facts (two sources or more), its usable articles, its rarity."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    facts = [f for f in gold["agreements"] if len(f["sources"]) >= 2]
    articles = [a for a in prepare(_articles(path, data)) if a.ok]
    return facts, articles, _rarity([s.text for a in articles for s in a.sentences])


def story_misses(path: Path, data: Path, settings: Settings) -> list[tuple[str, str]]:
    """One story's missed facts, each with its cause."""
    facts, articles, rarity = _story(path, data)
    agreements = brief_of(articles, settings=settings).agreements
    credits = _credits(agreements, facts, rarity)
    credited = {i for i, value in credits if value >= MATCH_SHARE}
    context = StoryContext(articles, settings)
    for needed in ("syndication", "entities"):
        run(context, needed)
    told = _told(context, facts, rarity)
    missed = [n for n in range(len(facts)) if n not in credited]
    return [
        (facts[n]["fact"], _cause(told, n, {f"d{s}" for s in facts[n]["sources"]})) for n in missed
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--pairs", type=float, default=DEFAULT.agreements.pair_probability)
    parser.add_argument("--show", action="store_true", help="print each missed fact")
    args = parser.parse_args()
    agreements = dataclasses.replace(DEFAULT.agreements, pair_probability=args.pairs)
    settings = dataclasses.replace(DEFAULT, agreements=agreements)
    causes: Counter[str] = Counter()
    for path in sorted((args.data / "gold-dev").glob("*.json"))[::2]:  # the tune half
        for fact, cause in story_misses(path, args.data, settings):
            causes[cause] += 1
            if args.show:
                print(f"{path.stem} [{cause}] {fact}")
    print("| cause | missed facts |\n|---|---:|")
    for cause, n in causes.most_common():
        print(f"| {cause} | {n} |")


if __name__ == "__main__":
    main()
