"""Fit the debunk scorer (``analyze/conflicts/debunk_model.py``) on the FNC-1 dev stories.

Usage: PYTHONPATH=. .venv/bin/python bench/train_debunk.py [STORIES_JSON]

Each of the 41 stories of ``../shared/data/fnc1-dev/fnc1_dev_stories.json``
is read as the evaluator reads it (bodies as ``body<ID>.txt``) and each body's
features computed. Labels come from the article-level stances: in a disputed
story, the camp (agreeing or disagreeing bodies) with more debunk cues per body
is the debunking one (label 1), the other camp 0 (FNC-1 stances are toward a
headline that may itself debunk, and the score counts either direction); in an
undisputed story every body is 0. A logistic regression (standardised
features, C = 0.1, classes unweighted) is fitted on every body, and the
probability threshold is the one whose stories score best on cross-stance
less 3x undisputed false alarms (ties: the higher). Writes
``storybrief/analyze/debunk_weights.json`` and prints the threshold to set as
``ConflictSettings.debunk_probability``. ``bench/fnc1.py`` scores the same
procedure by cross-validation by story.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from storybrief.analyze.conflicts import debunk, debunk_model
from storybrief.analyze.context import StoryContext
from storybrief.pipeline import read

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT.parent / "shared" / "data" / "fnc1-dev" / "fnc1_dev_stories.json"
THRESHOLDS = [round(0.3 + 0.025 * i, 3) for i in range(28)]  # 0.300 ... 0.975
FALSE_ALARM_COST = 3.0  # an undisputed false alarm costs three cross-stance finds


@dataclass
class Body:
    """One body of a story: its stance, whether it has a cue sentence, and its features."""

    story: str
    kind: str
    stance: str
    cued: bool
    features: list[float]
    label: int = 0


def story_bodies(story: dict[str, Any]) -> list[Body]:
    """A story's bodies, read and featured as ``storybrief brief`` reads the folder."""
    with tempfile.TemporaryDirectory() as folder:
        for body in story["bodies"]:
            path = Path(folder) / f"body{body['body_id']}.txt"
            path.write_text(body["text"], encoding="utf-8")
        articles = [a for a in read([folder]) if a.ok]
    ctx = StoryContext(articles)
    found = debunk_model.readings(ctx, lambda s: debunk.calls_untrue(ctx.docs[s.id]))
    vectors = debunk_model.features(ctx, found)
    stance = {f"body{b['body_id']}": b["stance"] for b in story["bodies"]}
    bodies = [
        Body(story["id"], story["kind"], stance[r.article.id], bool(r.cued), vectors[r.article.id])
        for r in found
    ]
    _label(bodies)
    return bodies


def _label(bodies: list[Body]) -> None:
    """Label the debunking camp of a disputed story 1 (its bodies with a cue): the camp with
    more cues per body."""
    if not bodies or bodies[0].kind != "disputed":
        return
    cues = debunk_model.FEATURES_INDEX["cue_sentences"]

    def mean_cues(stance: str) -> float:
        camp = [b.features[cues] for b in bodies if b.stance == stance]
        return float(np.mean(camp)) if camp else -1.0

    debunking = "agree" if mean_cues("agree") > mean_cues("disagree") else "disagree"
    for body in bodies:
        # A body of the camp with no cue at all is no example of what a debunk reads like.
        body.label = int(body.stance == debunking and body.cued)


def fit(bodies: list[Body]) -> dict[str, Any]:
    """The model's JSON: a logistic regression fitted on ``bodies``."""
    x = np.array([b.features for b in bodies])
    y = np.array([b.label for b in bodies])
    scaler = StandardScaler().fit(x)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    # Strongly regularised (C = 0.1, classes unweighted): 183 bodies, about 25 debunking ones.
    model = LogisticRegression(C=0.1).fit((x - scaler.mean_) / scale, y)
    return {
        "features": list(debunk_model.FEATURES),
        "mean": scaler.mean_.tolist(),
        "scale": scale.tolist(),
        "weights": model.coef_[0].tolist(),
        "bias": float(model.intercept_[0]),
    }


def sides(bodies: list[Body], model: debunk_model.Model, threshold: float) -> list[list[set[str]]]:
    """A story's conflicts as the detector would make them: per debunking body with a cue,
    its stance against the reporting bodies' stances (``bench/fnc1.py``'s ``Sides``). An
    approximation: the detector also needs a sentence calling a report untrue, and a report
    on the same matter; ``bench/fnc1.py`` scores the detector itself."""
    rated = [(b, model.probability(b.features) >= threshold) for b in bodies]
    reporting = {b.stance for b, debunks in rated if not debunks}
    if not reporting:
        return []
    return [[{b.stance}, reporting] for b, debunks in rated if debunks and b.cued]


def choose_threshold(stories: dict[str, list[Body]], model: debunk_model.Model) -> float:
    """The threshold whose stories score best: cross-stance less 3x undisputed false alarms."""
    from fnc1 import cross_stance  # bench/ is the script's folder

    def score(threshold: float) -> tuple[float, float]:
        found = {s: sides(b, model, threshold) for s, b in stories.items()}
        disputed = [s for s, b in stories.items() if b and b[0].kind == "disputed"]
        undisputed = [s for s in stories if s not in disputed]
        hits = sum(any(map(cross_stance, found[s])) for s in disputed) / max(1, len(disputed))
        alarms = sum(bool(found[s]) for s in undisputed) / max(1, len(undisputed))
        return hits - FALSE_ALARM_COST * alarms, threshold

    return max(THRESHOLDS, key=score)


def train_model(stories: dict[str, list[Body]]) -> tuple[dict[str, Any], float]:
    """Weights fitted on every body of ``stories`` and the threshold chosen on them."""
    weights = fit([b for bodies in stories.values() for b in bodies])
    return weights, choose_threshold(stories, debunk_model.checked(weights))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stories", type=Path, nargs="?", default=STORIES)
    args = parser.parse_args()
    stories = json.loads(args.stories.read_text(encoding="utf-8"))["stories"]
    bodies = {s["id"]: story_bodies(s) for s in stories}
    weights, threshold = train_model(bodies)
    weights["trained_on"] = f"{args.stories.name}: {len(stories)} stories, bench/train_debunk.py"
    debunk_model.WEIGHTS.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")
    for name, w in zip(weights["features"], weights["weights"], strict=True):
        print(f"{name:16s} {w:+.3f}")
    print(f"threshold (ConflictSettings.debunk_probability): {threshold}")


if __name__ == "__main__":
    main()
