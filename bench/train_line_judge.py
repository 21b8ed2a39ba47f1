"""Fit the line judge (``storybrief/clean/line_judge.json``) on hand-labelled dev lines.

Usage: .venv/bin/python bench/train_line_judge.py [--data DIR] [--write]

The labels (``bench/line_labels.tsv``, see ``bench/line_labels.md``) name lines
of Multi-News and DUC 2004 dev clusters and of PolNeAR articles, none of them
a gold-dev story or its cluster, by document, index among the cleaner's
logical lines (``split_lines`` of the normalised text) and the SHA-1 of the
line, so that no dataset text sits in the repository. Each line's features
are read as the cleaner reads them (``judge.features``: its place in the
article, and whether another article of the cluster has it).

A logistic regression is fitted. Its threshold is chosen by cross-validation
by story (5 folds; a fold holds whole Multi-News/DUC clusters, PolNeAR by
outlet, so an outlet's house lines are never on both sides): the lowest
threshold whose pooled out-of-fold precision on the lines the rules keep
and the judge may remove (``judge.judges``: short, not kept on
purpose) reaches ``MIN_PRECISION``. ``--write`` writes the
weights fitted on all labels with that threshold.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from analysis import DATA
from boilerplate import POLNEAR, RAW_SETS, _clusters, rules_only
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from storybrief.clean import clean
from storybrief.clean.judge import FEATURE_NAMES, WEIGHTS, Position, features, judges
from storybrief.clean.lines import Line
from storybrief.clean.text import normalize, shared_short_lines, split_lines
from storybrief.models import Article

LABELS = Path(__file__).with_name("line_labels.tsv")
FOLDS = 5
MIN_PRECISION = (
    0.95  # of the lines it removes among those the rules keep (0.9 took news: see BENCHMARKS)
)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.5, 0.96, 0.05))
C = 1.0


@dataclass(frozen=True)
class Example:
    group: str  # the cluster, or the PolNeAR outlet
    features: list[float]
    furniture: bool
    acts: bool  # the rules keep the line and do not protect it: the judge decides


def _documents(data: Path) -> Iterator[tuple[str, str, list[str]]]:
    """(group, document name, raw texts of its cluster) for every labelled source."""
    for name in RAW_SETS:
        for key, docs in _clusters(data / name):
            yield key, f"{name}\t{key}", docs
    for name in POLNEAR:
        for doc in json.loads((data / name).read_text(encoding="utf-8"))["articles"]:
            yield doc["publisher"], f"{name}\t{doc['name']}", [doc["text"]]


def _labels() -> dict[tuple[str, str], dict[int, tuple[str, bool]]]:
    """Labels by (dataset, cluster or article), then by (document, line): (sha1, furniture)."""
    out: dict[tuple[str, str], dict[int, tuple[str, bool]]] = {}
    rows = LABELS.read_text(encoding="utf-8").splitlines()[1:]
    for dataset, document, line, sha1, label in (r.split("\t") for r in rows):
        key, _, doc = document.partition("#")
        lines = out.setdefault((dataset, key), {})
        lines[(int(doc or 0), int(line))] = (sha1, label == "furniture")
    return out


def examples(data: Path) -> list[Example]:
    """Every labelled line with its features, as the cleaner sees it in its cluster."""
    labels = _labels()
    found = []
    for group, name, docs in _documents(data):
        wanted = labels.get(tuple(name.split("\t")))
        if wanted:
            found.extend(_cluster_examples(group, docs, wanted))
    if len(found) != sum(map(len, labels.values())):
        raise SystemExit(f"{len(found)} of the labelled lines found: the data changed?")
    return found


def _cluster_examples(group: str, docs: list[str], wanted: dict) -> Iterator[Example]:
    lines = [split_lines(normalize(text)) for text in docs]
    shared = shared_short_lines([Line(t) for t in doc] for doc in lines)
    with rules_only():
        articles = clean([Article(id=str(n), source=group, raw=t) for n, t in enumerate(docs)])
    removed = [{r.line for r in a.removed} for a in articles]
    for (doc, index), (sha1, furniture) in wanted.items():
        text = lines[doc][index]
        if hashlib.sha1(text.encode()).hexdigest()[:10] != sha1:
            raise SystemExit(f"line {doc}/{index} of {group} is not the labelled one")
        line = Line(text)
        position = Position(index, len(lines[doc]), shared=line.key in shared)
        acts = text not in removed[doc] and judges(line)
        yield Example(group, features(line, position), furniture, acts)


def _fit(x: np.ndarray, y: np.ndarray) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=2000).fit(x, y)


def out_of_fold(found: list[Example]) -> np.ndarray:
    """Each example's probability from a model fitted on the folds without its story."""
    x = np.array([e.features for e in found])
    y = np.array([e.furniture for e in found])
    groups = [e.group for e in found]
    probability = np.zeros(len(found))
    for train, test in GroupKFold(n_splits=FOLDS).split(x, y, groups):
        probability[test] = _fit(x[train], y[train]).predict_proba(x[test])[:, 1]
    return probability


def _scores(found: list[Example], probability: np.ndarray, t: float) -> tuple[int, int, int]:
    """Furniture lines the rules keep, those the judge then removes, and body lines it removes."""
    kept = [(e, p) for e, p in zip(found, probability, strict=True) if e.acts]
    furniture = sum(e.furniture for e, _ in kept)
    caught = sum(e.furniture and p >= t for e, p in kept)
    wrong = sum(not e.furniture and p >= t for e, p in kept)
    return furniture, caught, wrong


def choose_threshold(found: list[Example], probability: np.ndarray) -> float:
    """The lowest threshold whose out-of-fold precision on rule-kept lines is high enough."""
    print("| threshold | rule-kept furniture caught | body lines removed | precision |")
    print("|---:|---:|---:|---:|")
    chosen = None
    for t in THRESHOLDS:
        furniture, caught, wrong = _scores(found, probability, t)
        precision = caught / (caught + wrong) if caught + wrong else 1.0
        print(f"| {t:.2f} | {caught}/{furniture} | {wrong} | {precision:.2f} |")
        if chosen is None and precision >= MIN_PRECISION and caught:
            chosen = t
    return chosen if chosen is not None else 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    found = examples(args.data)
    print(f"{len(found)} labelled lines, {sum(e.furniture for e in found)} furniture,")
    print(f"{sum(e.acts for e in found)} kept by the rules and in the judge's scope")
    threshold = choose_threshold(found, out_of_fold(found))
    print(f"threshold {threshold}")
    if args.write:
        model = _fit(np.array([e.features for e in found]), np.array([e.furniture for e in found]))
        weights = {
            "features": list(FEATURE_NAMES),
            "weights": [round(float(w), 6) for w in model.coef_[0]],
            "bias": round(float(model.intercept_[0]), 6),
            "threshold": threshold,
            "trained_on": f"bench/line_labels.tsv ({len(found)} lines), by {Path(__file__).name}",
        }
        WEIGHTS.write_text(json.dumps(weights, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
