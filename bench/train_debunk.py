"""Fit the debunking-outlet model (``storybrief.analyze.conflicts.debunk``) on FNC-1's tune half.

Usage: PYTHONPATH=. .venv/bin/python bench/train_debunk.py [STORIES_JSON] [--write]

Data: ``../shared/data/fnc1-dev/fnc1_dev_stories.json``, the tune half only
(``fnc1.split``: per kind, stories by id, the 1st, 3rd, ...); the report
half is never read here. Each body is one example: 1 when it *disagrees*
with its story's claim (debunks or denies it), 0 when it agrees or
discusses. Its text is segmented as the pipeline segments it
(``pipeline.prepare``), so the features are read off what ``detect`` reads.

A logistic regression (L2, balanced classes), its strength ``C`` chosen by
leave-one-story-out cross-validation on the tune half. The script prints,
from the cross-validated probabilities, the story-level outcome of each
pair of thresholds (``ConflictSettings.debunk_above``/``report_below``):
disputed stories with a disagreeing body above and an agreeing one below,
and undisputed stories with a body above and another below (false alarms).
``--write`` saves the model fit on the whole tune half to the package.
"""

from __future__ import annotations

import argparse
import json
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np
from fnc1 import STORIES, split
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import LeaveOneGroupOut, cross_val_predict

from storybrief.analyze.conflicts import debunk
from storybrief.models import Article
from storybrief.pipeline import prepare
from storybrief.settings import DEFAULT

STRENGTHS = (0.03, 0.1, 0.3, 1.0, 3.0)
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
Pair = tuple[str, bool, bool]  # story id, the pair's stances differ, its story is disputed


def examples(stories: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, list[Pair]]:
    """Features and labels (1: one body agrees, the other disagrees) of every pair of bodies
    of one story that may dispute (``debunk.may_dispute``), and what each pair is."""
    rows, pairs = [], []
    for story in stories:
        bodies = story["bodies"]
        raw = [Article(id=b["body_id"], source="fnc1", raw=b["text"]) for b in bodies]
        found = [debunk.article_features(debunk.article_text(a)) for a in prepare(raw)]
        for i, j in combinations(range(len(bodies)), 2):
            if not debunk.may_dispute(found[i], found[j]):
                continue
            rows.append(debunk.pair_features(found[i], found[j]))
            stances = {bodies[i]["stance"], bodies[j]["stance"]}
            pairs.append(
                (story["id"], stances == {"agree", "disagree"}, story["kind"] == "disputed")
            )
    return np.array(rows), np.array([cross for _, cross, _ in pairs], dtype=int), pairs


def fit(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, class_weight="balanced", max_iter=1000)


def story_outcomes(
    pairs: list[Pair],
    p: np.ndarray,
    kinds: dict[str, set[str]],
    thresholds: tuple[float, ...] = THRESHOLDS,
) -> None:
    """Per threshold, disputed stories with a cross-stance pair above it, and undisputed
    stories with any pair above it."""
    print("| pair threshold | disputed: cross-stance | disputed: any | undisputed: any |")
    print("|---:|---:|---:|---:|")
    for threshold in thresholds:
        cross, any_, false = set(), set(), set()
        for (story, is_cross, disputed), prob in zip(pairs, p, strict=True):
            if prob >= threshold:
                (any_ if disputed else false).add(story)
                if is_cross:
                    cross.add(story)
        disputed, undisputed = kinds["disputed"], kinds["undisputed"]
        shares = [
            len(cross) / len(disputed),
            len(any_) / len(disputed),
            len(false) / len(undisputed),
        ]
        print(f"| {threshold} | " + " | ".join(f"{v:.3f}" for v in shares) + " |")


def choose_strength(x: np.ndarray, y: np.ndarray, groups: list[str]) -> float:
    """The ``C`` of the least leave-one-story-out log loss on the tune half."""
    losses = {}
    for c in STRENGTHS:
        p = cross_val_predict(
            fit(c), x, y, groups=groups, cv=LeaveOneGroupOut(), method="predict_proba"
        )[:, 1]
        losses[c] = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        print(f"C={c}: leave-one-story-out log loss {losses[c]:.3f}")
    return min(losses, key=lambda c: (losses[c], c))


def compare_on_report(stories: list[dict[str, Any]], model: LogisticRegression) -> None:
    """The model against a cue rule (one body has a cue in its lead, the other none, and not
    both have cues) on the report half, pair level, at the shipped threshold."""
    x, _, pairs = examples(stories)
    kinds = {k: {s["id"] for s in stories if s["kind"] == k} for k in ("disputed", "undisputed")}
    threshold = DEFAULT.conflicts.debunk_pair
    lead, both = list(debunk.FEATURES).index("cue_in_lead_gap"), debunk.FEATURES.index("cues_both")
    rule = ((x[:, lead] > 0) & (x[:, both] == 0)).astype(float)
    for name, p in (("model", model.predict_proba(x)[:, 1]), ("cue rule", rule)):
        print(f"report half, {name} (pairs at or above {threshold}):")
        story_outcomes(pairs, (p >= threshold).astype(float), kinds, thresholds=(1.0,))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", type=Path, nargs="?", default=STORIES)
    parser.add_argument("--write", action="store_true", help="save the weights to the package")
    parser.add_argument(
        "--compare", action="store_true", help="model against a cue rule on the report half"
    )
    args = parser.parse_args()
    halves = split(json.loads(args.stories.read_text(encoding="utf-8"))["stories"])
    tune = halves["tune"]
    x, y, pairs = examples(tune)
    groups = [story for story, _, _ in pairs]
    print(f"tune half: {len(tune)} stories, {len(y)} pairs of bodies, {y.sum()} cross-stance")
    best = choose_strength(x, y, groups)
    p = cross_val_predict(
        fit(best), x, y, groups=groups, cv=LeaveOneGroupOut(), method="predict_proba"
    )[:, 1]
    print(f"chosen C={best}; story outcomes from cross-validated probabilities:")
    kinds = {k: {s["id"] for s in tune if s["kind"] == k} for k in ("disputed", "undisputed")}
    story_outcomes(pairs, p, kinds)
    model = fit(best).fit(x, y)
    weights = dict(zip(debunk.FEATURES, map(float, model.coef_[0]), strict=True))
    print("weights:", json.dumps(weights), "intercept:", float(model.intercept_[0]))
    if args.compare:
        compare_on_report(halves["report"], model)
    if args.write:
        saved = {
            "trained_on": "FNC-1 dev tune half (bench/fnc1.py split), bench/train_debunk.py",
            "C": best,
            "features": weights,
            "intercept": float(model.intercept_[0]),
        }
        debunk.WEIGHTS.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
