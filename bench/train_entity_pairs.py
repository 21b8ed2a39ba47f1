"""Fit the entity pair scorer (``storybrief/analyze/entity_pairs.json``) on ECB+ ``train`` topics.

Usage: .venv/bin/python bench/train_entity_pairs.py [../shared/data/ecbplus-dev]
       [--cache FILE] [--write]

Each story is read as ``bench/ecbplus.py`` reads it and its name mentions found
(``entities.mentions``). The examples are the pairs of names the rules leave in
different groups that share a word or spell an acronym (``entities.candidate_pairs``),
on the 50 ``train`` stories only; a pair is "same" when a gold mention written as
one and one written as the other share a chain, "different" when both are gold
forms and none do, and left out otherwise. A logistic regression is fitted; the
threshold is the one with the best pooled variant-pair F1 over 5 folds of train
*topics* (each fold's pairs scored by a model fitted on the other four). The
``dev`` topics are never read here: ``bench/ecbplus.py`` reports them.
``--write`` writes the weights fitted on all train stories.
"""

from __future__ import annotations

import argparse
import json
import pickle
from collections import defaultdict
from dataclasses import replace
from itertools import product
from pathlib import Path

import numpy as np
from ecbplus import DATA, Story, Tally, form, load, storybrief_answer
from sklearn.linear_model import LogisticRegression

from storybrief.analyze import StoryContext
from storybrief.analyze.entities import Mention, candidate_pairs, mentions, names_of
from storybrief.analyze.entity_pairs import FEATURE_NAMES, WEIGHTS, PairModel
from storybrief.settings import EntitySettings

FOLDS = 5
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)
FLOORS = (0.0, 0.2, 0.4)
C = 1.0  # the regression's inverse regularisation; the features are few and bounded

# A story as the scorer sees it: its id, topic, gold mentions and found mentions.
Found = tuple[Story, list[Mention], list[tuple[str, str]]]


def found_mentions(data: Path, cache: Path | None) -> list[Found]:
    """The train stories with their found mentions, from ``cache`` if it exists."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    found = []
    for story in load(data):
        if story.split != "train":
            continue
        ctx = StoryContext([a for a in story.articles if a.ok])
        found.append((replace(story, articles=[]), *mentions(ctx)))
    if cache is not None:
        cache.write_bytes(pickle.dumps(found))
    return found


def examples(story: Story, found: list[Mention], defined: list[tuple[str, str]]) -> tuple:
    """The story's candidate pairs with a gold label: features and labels."""
    chains: dict[str, set[str]] = defaultdict(set)
    for m in story.gold:
        chains[m.form].add(m.chain)
    of_key: dict[str, set[str]] = defaultdict(set)
    for m in found:
        of_key[m.key].update(c for f in {form(m.text), form(m.alias)} for c in chains.get(f, ()))
    xs, ys = [], []
    for a, b, x in candidate_pairs(found, defined, EntitySettings()):
        if of_key[a] and of_key[b]:
            xs.append(x)
            ys.append(bool(of_key[a] & of_key[b]))
    return xs, ys


def fit(stories: list[Found]) -> PairModel:
    xs, ys = [], []
    for story, found, defined in stories:
        x, y = examples(story, found, defined)
        xs += x
        ys += y
    model = LogisticRegression(C=C, max_iter=1000).fit(np.array(xs), np.array(ys))
    return PairModel(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]))


def topic(story: Story) -> int:
    return int(story.id.rstrip("ecbplus"))


def cross_validate(stories: list[Found]) -> tuple[dict[float, list[int]], dict[tuple, Tally]]:
    """Over the train folds, each scored by a model fitted on the others: per threshold,
    the candidate pairs' counts (true, predicted, gold "same") by the scorer alone; per
    threshold and floor, the tallies of the whole analysis (rules and scorer)."""
    counts: dict[float, list[int]] = defaultdict(lambda: [0, 0, 0])
    tallies: dict[tuple, Tally] = defaultdict(Tally)
    topics = sorted({topic(s) for s, _, _ in stories})
    for fold in range(FOLDS):
        held = set(topics[fold::FOLDS])
        model = fit([s for s in stories if topic(s[0]) not in held])
        for story, found, defined in (s for s in stories if topic(s[0]) in held):
            xs, ys = examples(story, found, defined)
            count_pairs([model.probability(x) for x in xs], ys, counts)
            for threshold, floor in product(THRESHOLDS, FLOORS):
                settings = EntitySettings(pair_threshold=threshold, pair_floor=floor)
                entities = names_of(found, defined, settings, model).entities
                tallies[threshold, floor].add(story, storybrief_answer(story, entities))
    return counts, tallies


def count_pairs(ps: list[float], ys: list[bool], counts: dict[float, list[int]]) -> None:
    """Add to each threshold's counts (true, predicted, gold "same") those of these pairs."""
    for threshold in THRESHOLDS:
        said = [p >= threshold for p in ps]
        tally = counts[threshold]
        tally[0] += sum(s and y for s, y in zip(said, ys, strict=True))
        tally[1] += sum(said)
        tally[2] += sum(ys)


def scorer_row(threshold: float, right: int, said: int, gold: int) -> str:
    p, r = right / said if said else 0.0, right / gold
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"| {threshold:.1f}, scorer alone | {p:.3f} | {r:.3f} | {f1:.3f} | | | |"


def rules_only(stories: list[Found]) -> Tally:
    tally = Tally()
    for story, found, defined in stories:
        entities = names_of(found, defined, EntitySettings(pair_threshold=2.0)).entities
        tally.add(story, storybrief_answer(story, entities))
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=DATA)
    parser.add_argument("--cache", type=Path, help="pickle of the train stories' mentions")
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS.name}")
    args = parser.parse_args()
    stories = found_mentions(args.data, args.cache)
    print(f"{FOLDS}-fold cross-validation by topic on {len(stories)} train stories")
    print("| scorer threshold, floor | pair P | pair R | pair F1 | B³ P | B³ R | B³ F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    print(rules_only(stories).row("rules only", coverage=False).replace("| – ", "", 1))
    counts, tallies = cross_validate(stories)
    for threshold in THRESHOLDS:
        print(scorer_row(threshold, *counts[threshold]))
        for floor in FLOORS:
            name = f"{threshold:.1f}, floor {floor:.1f}"
            print(tallies[threshold, floor].row(name, coverage=False).replace("| – ", "", 1))
    model = fit(stories)
    weights = dict(zip(FEATURE_NAMES, model.weights, strict=True))
    print("weights on all train:", {k: round(v, 2) for k, v in weights.items()}, model.bias)
    if args.write:
        data = {"features": FEATURE_NAMES, "weights": model.weights, "bias": model.bias}
        data["trained_on"] = "ECB+ train topics (bench/train_entity_pairs.py)"
        WEIGHTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
