"""Fit the entity pair scorer (``storybrief/analyze/entity_pairs.json``) on the ECB+ dev data.

Usage: .venv/bin/python bench/train_entity_pairs.py [../shared/data/ecbplus-dev]
       [--cache FILE] [--write]

Each of the 66 stories (``train`` and ``dev`` splits, topics 1–35) is read as
``bench/ecbplus.py`` reads it and its name mentions found. The examples are the
pairs of names the rules group that share a word or spell an acronym
(``entities.candidate_pairs``); a pair is "same" when a gold mention written as
one and one written as the other share a chain, "different" when both are gold
forms and none do, and left out otherwise (``ecbplus.examples``). A logistic
regression is fitted (``ecbplus.fit``). Printed: the scorer alone on the candidate
pairs, cross-validated over the same 5 folds by topic as ``bench/ecbplus.py`` (each
fold scored by a model fitted on the other four), at each threshold that benchmark
chooses among; the whole analysis is cross-validated there. Then the weights fitted
on all 66 stories, which ship, and the threshold and floor chosen for them on all 66
as each fold chooses its own (``ecbplus.choose``, the lowest of a tie), which
``EntitySettings`` holds once its extra merges on unread Multi-News clusters are read
(a higher one of a tie may be kept for precision; see BENCHMARKS "Entity aliases").
``--write`` writes the weights. The held-out topics 36–45 are not here.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ecbplus import (
    DATA,
    FOLDS,
    THRESHOLDS,
    Found,
    Ruled,
    Story,
    choose,
    examples,
    fit,
    folds,
    found_names,
    load,
    rules_of,
)

from storybrief.analyze.entity_pairs import FEATURE_NAMES, WEIGHTS


def out_of_fold(
    stories: list[Story], found: dict[str, Found], rules: dict[str, Ruled]
) -> list[tuple[float, bool]]:
    """Every candidate pair's probability, by a model fitted on the other folds, and label."""
    fold = folds(stories)
    scored: list[tuple[float, bool]] = []
    for n in range(FOLDS):
        model = fit([s for s in stories if fold[s.id] != n], found, rules)
        for story in (s for s in stories if fold[s.id] == n):
            xs, ys = examples(story, found[story.id], rules[story.id])
            scored += [(model.probability(x), y) for x, y in zip(xs, ys, strict=True)]
    return scored


def scorer_row(threshold: float, scored: list[tuple[float, bool]]) -> str:
    """The scorer alone at ``threshold``: pair precision, recall and F1."""
    said = [p >= threshold for p, _ in scored]
    right = sum(s and y for s, (_, y) in zip(said, scored, strict=True))
    precision = right / sum(said) if right else 0.0
    recall = right / sum(y for _, y in scored)
    f1 = 2 * precision * recall / (precision + recall) if right else 0.0
    return f"| {threshold:.1f} | {precision:.3f} | {recall:.3f} | {f1:.3f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=DATA)
    parser.add_argument("--cache", type=Path, help="pickle of the stories' found names")
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS.name}")
    args = parser.parse_args()
    print(f"the scorer alone on candidate pairs, {FOLDS}-fold cross-validation by topic")
    print("| threshold | pair P | pair R | pair F1 |\n|---:|---:|---:|---:|")
    stories = load(args.data)
    found = found_names(stories, args.cache)
    rules = rules_of(found)
    scored = out_of_fold(stories, found, rules)
    print("\n".join(scorer_row(threshold, scored) for threshold in THRESHOLDS))
    model = fit(stories, found, rules)
    weights = dict(zip(FEATURE_NAMES, model.weights, strict=True))
    print("weights on all 66 stories:", {k: round(v, 2) for k, v in weights.items()}, model.bias)
    settings = choose(stories, found, rules, model)
    print(
        f"chosen on all 66 as each fold chooses: {settings.pair_threshold=} {settings.pair_floor=}"
    )
    if args.write:
        data = {"features": FEATURE_NAMES, "weights": model.weights, "bias": model.bias}
        data["trained_on"] = "ECB+ topics 1-35, train and dev splits (bench/train_entity_pairs.py)"
        WEIGHTS.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
