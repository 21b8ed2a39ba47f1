"""Fit the learned pair judge (``storybrief/cluster/learned.py``) on the tune halves.

    python bench/train_pair_judge.py [--write]

Tune piles, each of both kinds a pile can be (``bench/clustering.py``'s functions and
seeds): stories-dev's tune half drawn by article (500, 1,000 and 2,000 articles, each by
seeds 0, 1 and 2: ``DRAWN``, ``DRAW_SEEDS``, ``sample``), by whole story (1,000
and all, ``draw``) and mixed (300 articles of whole stories, then 700 lines of the other
stories one by one, ``mixed``; its 700 drawn by seed 1, not 0: ``tune_mixed``), the pooled
Multi-News + DUC tune half (``pooled_half``), the same cut to 40-word leads, and ECB+'s tune
half (``ecb_half``). Every candidate pair
the linkage scores within ``NEAR`` of its bar is a row, one story or not. Folds by story
(a BLAKE2b byte of the story, ECB+'s topic or the pooled cluster, mod ``FOLDS``: the same
story is in the same fold in every pile): each fold's pairs are judged by a regression
fitted on pairs of the other folds' stories only, and each bar of ``BARS`` is scored by B³
F1 over the fold's articles, the pile grouped whole; and by the judge fitted on every
fold, each pile grouped and scored whole, as ``bench/clustering.py --tune`` scores it. The
bar kept is the one whose by-article piles score best on the folds (their mean) with no
other pile more than ``GUARD`` below the linkage alone either way; ``--write`` writes the
judge fitted on every fold at that bar to ``pair_judge.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))

from clustering import (
    DATA,
    DRAWN,
    bcubed,
    draw,
    ecb_half,
    ecb_pile,
    halves,
    mixed,
    pile,
    pooled_half,
    sample,
    stories_pile,
)

from storybrief.cluster import judged_pairs, originals, story_rows
from storybrief.cluster.features import features
from storybrief.cluster.learned import (
    FEATURE_NAMES,
    WEIGHTS,
    PairModel,
    pair_features,
    surroundings,
)
from storybrief.models import Article
from storybrief.settings import ClusterSettings

FOLDS = 3
NEAR = -0.1  # pairs the linkage scores at least this: the ones a bar can part
BARS = (0.3, 0.33, 0.36, 0.4, 0.5)
BOUND = 0.3  # of the linkage's score either side of its threshold
STRENGTH = 0.1  # scikit-learn's C: the regression's inverse L2 strength
GUARD = 0.003
BY_ARTICLE = "stories-dev by article"
# Piles drawn by article: of the sizes ``DRAWN``, each by these seeds (``sample``), so that
# piles whose stories are mostly told once (a ``far`` under 0.4 at 500) are inside what is
# fitted.
DRAW_SEEDS = (0, 1, 2)
OFF = ClusterSettings(pair_judge=False)
ON = dataclasses.replace(OFF, pair_judge=True)


def tune_mixed(rows: list[dict]) -> list[dict]:
    """The bench's ``mixed`` pile (300 articles of whole stories, then 700 lines of the others
    one by one), its 700 drawn by seed 1 and then shuffled by seed 2: the pile the shipped
    judge was fitted on, not the draw ``bench/clustering.py --tune`` reports (seed 0)."""
    made = mixed(rows, 300, 700, seed=1)
    random.Random(2).shuffle(made)
    return made


def tune_piles() -> dict[str, tuple[list[Article], dict[str, str], str]]:
    """Each tune pile: its articles, their stories, and the name its stories' folds go by."""
    with (DATA / "stories-dev/allsides-neus-dev.jsonl").open(encoding="utf-8") as lines:
        half = halves([json.loads(line) for line in lines])[0]
    pages = [pile(DATA / "multinews-dev.jsonl"), pile(DATA / "duc2004-dev.jsonl")]
    leads = [pile(DATA / "multinews-dev.jsonl", 40), pile(DATA / "duc2004-dev.jsonl", 40)]
    made = {
        f"{BY_ARTICLE} {size} s{seed}": (stories_pile(sample(half, size, seed)), "sd")
        for size in DRAWN
        for seed in DRAW_SEEDS
    }
    made |= {
        "stories-dev whole stories, 1,000": (stories_pile(draw(half, 1000)), "sd"),
        "stories-dev whole stories, all": (stories_pile(draw(half, None)), "sd"),
        "stories-dev mixed": (stories_pile(tune_mixed(half)), "sd"),
        "Multi-News + DUC pooled": (pooled_half(pages, True), "pool"),
        "ECB+": (ecb_half(ecb_pile(DATA / "ecbplus-dev/ecbplus_dev.json"), True), "ecb"),
        "pooled, 40-word leads": (pooled_half(leads, True), "pool"),
    }
    return {name: (*found, kind) for name, (found, kind) in made.items()}


def fold(kind: str, story: str) -> int:
    """A story's fold: ECB+'s by topic (its two look-alike events together)."""
    topic = re.sub(r"\D.*", "", story) if kind == "ecb" else story
    name = f"{kind}:{topic}"
    return hashlib.blake2b(name.encode(), digest_size=4).digest()[0] % FOLDS


@dataclasses.dataclass
class Prepared:
    """A pile's usable articles' features, ids, stories and fold; its pairs' rows."""

    found: object
    ids: list[str]
    truth: dict[str, str]
    folds: dict[str, int]
    rows: np.ndarray
    same: np.ndarray
    pair_folds: np.ndarray  # the two folds of each pair's stories
    far: float  # the pile's ``Surroundings.far``


def prepare_pile(articles: list[Article], truth: dict[str, str], kind: str) -> Prepared:
    """The features of a pile and the rows of its pairs near the linkage's bar."""
    usable = [a for a in articles if a.ok]
    found = features(usable, OFF)
    canonical, _ = originals(found, OFF)
    pairs, judge = judged_pairs(found.take(canonical), OFF)
    raw = judge.raw(pairs.first, pairs.second, pairs.similarity)[0]
    near = (raw >= NEAR) & (pairs.similarity >= OFF.min_similarity)
    around = surroundings(pairs, len(canonical))
    story = np.array([truth[usable[i].id] for i in canonical], dtype=object)
    folds = {a: fold(kind, s) for a, s in truth.items()}
    pair_folds = np.array(
        [[folds[usable[canonical[i]].id] for i in p[near]] for p in (pairs.first, pairs.second)]
    )
    return Prepared(
        found=found,
        ids=[a.id for a in usable],
        truth=truth,
        folds=folds,
        rows=pair_features(around, pairs.similarity[near], raw[near]),
        same=story[pairs.first[near]] == story[pairs.second[near]],
        pair_folds=pair_folds,
        far=around.far,
    )


def fitted(piles: dict[str, Prepared], left_out: int | None, bar: float) -> PairModel:
    """The regression on the pairs of every fold's stories but ``left_out``'s (each pile
    weighing the same), standardised, at ``bar``."""
    from sklearn.linear_model import LogisticRegression

    rows, same, weight = [], [], []
    for prepared in piles.values():
        kept = (prepared.pair_folds != left_out).all(axis=0)
        rows.append(prepared.rows[kept])
        same.append(prepared.same[kept])
        weight.append(np.full(int(kept.sum()), 1.0 / max(int(kept.sum()), 1)))
    x, y, w = np.concatenate(rows), np.concatenate(same), np.concatenate(weight)
    centre, spread = x.mean(axis=0), x.std(axis=0) + 1e-9
    fit = LogisticRegression(C=STRENGTH, max_iter=2000)
    fit.fit((x - centre) / spread, y, sample_weight=w / w.mean())
    far = [p.far for p in piles.values()]
    weights, bias = fit.coef_[0], float(fit.intercept_[0])
    return PairModel(centre, spread, weights, bias, bar, BOUND, (min(far), max(far)))


def grouped_f1(prepared: Prepared, settings: ClusterSettings, model: PairModel | None) -> float:
    """B³ F1 of the pile grouped whole by ``model``, over every article (as the bench scores)."""
    rows = story_rows(prepared.found, settings, model)[0]
    grouped = [[Article(id=prepared.ids[i], source="", raw="") for i in r] for r in rows]
    return bcubed(grouped, prepared.truth)[2]


def fold_f1(prepared: Prepared, models: list[PairModel] | None) -> float:
    """B³ F1 over each fold's articles (weighted by their number), the pile grouped whole by
    that fold's judge (``None``: the linkage alone)."""
    total = 0.0
    for k in range(FOLDS):
        settings, model = (OFF, None) if models is None else (ON, models[k])
        rows = story_rows(prepared.found, settings, model)[0]
        grouped = [[Article(id=prepared.ids[i], source="", raw="") for i in r] for r in rows]
        over = {a for a, f in prepared.folds.items() if f == k}
        total += bcubed(grouped, prepared.truth, over)[2] * len(over)
    return total / len(prepared.folds)


def _row(label: str, scores: dict[str, float]) -> bool:
    """Print a row of the table."""
    print(f"| {label} | " + " | ".join(f"{f:.4f}" for f in scores.values()) + " |")


def _held(scores: dict[str, float], alone: dict[str, float]) -> bool:
    """Whether no pile but those drawn by article falls more than ``GUARD`` below ``alone``."""
    return all(scores[n] >= alone[n] - GUARD for n in scores if not n.startswith(BY_ARTICLE))


def _by_article(scores: dict[str, float]) -> float:
    """The mean F1 of the piles drawn by article."""
    return float(np.mean([f for n, f in scores.items() if n.startswith(BY_ARTICLE)]))


def chosen(piles: dict[str, Prepared]) -> float:
    """Print each bar's F1 per pile, on the folds and grouped whole by the judge fitted on
    every fold; the bar kept: the by-article piles' best mean on the folds, no other pile more
    than ``GUARD`` below the linkage alone either way."""
    folds_alone = {name: fold_f1(p, None) for name, p in piles.items()}
    whole_alone = {name: grouped_f1(p, OFF, None) for name, p in piles.items()}
    print("| bar | " + " | ".join(piles) + " |\n|---|" + "---:|" * len(piles))
    _row("linkage alone, folds", folds_alone)
    _row("linkage alone, whole", whole_alone)
    best, kept = -1.0, BARS[0]
    for bar in BARS:
        folds = {
            name: fold_f1(p, [fitted(piles, k, bar) for k in range(FOLDS)])
            for name, p in piles.items()
        }
        model = fitted(piles, None, bar)
        whole = {name: grouped_f1(p, ON, model) for name, p in piles.items()}
        _row(f"{bar}, folds", folds)
        _row(f"{bar}, whole", whole)
        held = _held(folds, folds_alone) and _held(whole, whole_alone)
        if held and _by_article(folds) > best:
            best, kept = _by_article(folds), bar
    return kept


def write(model: PairModel, piles: Iterable[str], path: Path = WEIGHTS) -> None:
    """Write ``model``, the judge fitted on every fold of the piles named ``piles``, to
    ``path``."""
    data = {
        "features": FEATURE_NAMES,
        "centre": model.centre.tolist(),
        "spread": model.spread.tolist(),
        "weights": model.weights.tolist(),
        "bias": model.bias,
        "bar": model.bar,
        "bound": model.bound,
        "fitted_far": list(model.fitted_far),
        "fitted_on": f"bench/train_pair_judge.py: {', '.join(piles)} (tune halves)",
    }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS.name}")
    args = parser.parse_args()
    piles = {name: prepare_pile(*made) for name, made in tune_piles().items()}
    bar = chosen(piles)
    model = fitted(piles, None, bar)
    print(f"\nbar {bar}; weights", dict(zip(FEATURE_NAMES, model.weights.round(3), strict=True)))
    if args.write:
        write(model, piles)


if __name__ == "__main__":
    main()
