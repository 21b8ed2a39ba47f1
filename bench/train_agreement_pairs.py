"""Fit the agreements' pair decision (``analyze.agreements._scores``) on the gold-dev tune half.

Usage: PYTHONPATH=. .venv/bin/python bench/train_agreement_pairs.py [--auc] [--cv P ...] [--write]
       PYTHONPATH=.:bench .venv/bin/python bench/train_agreement_pairs.py --unlabelled N [--skip K]

Every pair of units of two articles whose blended score falls in the band the decision
rules on (``AgreementSettings.pair_floor`` to ``Cosines.agreement_best``) is labelled by
the benchmark's matcher (``bench/agreements.py``): a unit tells a gold fact when its article
is one of the fact's sources and the mean of the MiniLM cosine and the rarity-weighted word
share reaches ``MATCH_SHARE``; a pair is positive when both units tell the same fact.
A logistic regression over ``PAIR_FEATURES`` is fitted on them.

``--auc``: how well the features separate the band pairs, before any briefing: leave-one-
story-out AUC and average precision, for the first six features and for all of them.
``--cv``: the tune half's recall and repeats by leave-one-story-out cross-validation (each
story briefed with weights fitted on the other four), beside the same run without the
decision. ``--write``: weights fitted on all five tune stories into
``storybrief/analyze/agreement_pairs.json``, in place of the shipped ones (fitted on Multi-News
summaries' silver labels by ``bench/silver_agreement_pairs.py`` since the seventeenth session).
The report half is never read here.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import tempfile
from pathlib import Path

import numpy as np
from agreements import DATA, MATCH_SHARE, _articles, _rarity, _share, story
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

from storybrief.analyze import StoryContext, run
from storybrief.analyze.agreements import PAIR_FEATURES, PAIR_WEIGHTS, story_pairs
from storybrief.models import Agreement, Article
from storybrief.nlp import minilm
from storybrief.pipeline import brief_of, prepare
from storybrief.settings import DEFAULT, Settings


def _tune(data: Path) -> list[Path]:
    """The tune half: the ten stories by file name, the 1st, 3rd, ... (as the benchmark)."""
    return sorted((data / "gold-dev").glob("*.json"))[::2]


def fact_scores(texts: list[tuple[str, str]], facts: list[dict], rarity: dict) -> np.ndarray:
    """How well each (article, text) tells each gold fact by the matcher: the mean of the
    MiniLM cosine and the rarity-weighted word share, 0 off the fact's sources."""
    cosines = minilm.embed([t for _, t in texts]) @ minilm.embed([f["fact"] for f in facts]).T
    scores = np.zeros((len(texts), len(facts)))
    for k, (article, text) in enumerate(texts):
        for i, fact in enumerate(facts):
            if article in {f"d{s}" for s in fact["sources"]}:
                share = _share(Agreement(text, [article], []), fact, rarity)
                scores[k, i] = (cosines[k, i] + share) / 2
    return scores


def facts_told(texts: list[tuple[str, str, str]], facts: list[dict], rarity: dict) -> np.ndarray:
    """Which gold facts each unit tells by the matcher, read on the unit or on its sentence
    (the text an agreement shows): (units, facts) booleans."""
    told = np.zeros((len(texts), len(facts)), dtype=bool)
    for column in (1, 2):
        told |= fact_scores([(t[0], t[column]) for t in texts], facts, rarity) >= MATCH_SHARE
    return told


# The silver labels' bars on the matcher's score against a summary sentence, chosen on the
# gold-dev tune half's four Multi-News stories labelled both ways (BENCHMARKS.md): 21 of the
# 37 pairs from 0.45 tell one gold fact, 12 of the 424 under 0.3 (band pairs: 69 of 703).
SILVER_ONE = 0.45
SILVER_APART = 0.3


@dataclasses.dataclass
class Band:
    """One story's band pairs (``story_pairs``), their features and the story's word rarity."""

    texts: list[tuple[str, str, str]]
    pairs: np.ndarray
    features: np.ndarray
    rarity: dict

    def gold(self, facts: list[dict]) -> np.ndarray:
        """Labels by gold facts: a pair is positive when both units tell one fact."""
        told = facts_told(self.texts, facts, self.rarity)
        return (told[self.pairs[:, 0]] & told[self.pairs[:, 1]]).any(axis=1).astype(int)

    def summary_scores(self, summary: str) -> np.ndarray:
        """How well each unit (or its sentence) tells each sentence of a reference summary
        by the matcher, every article a source: (units, summary sentences)."""
        articles = sorted({int(article[1:]) for article, _, _ in self.texts})
        facts = _sentences(summary, articles)
        return np.maximum(
            *(fact_scores([(t[0], t[c]) for t in self.texts], facts, self.rarity) for c in (1, 2))
        )

    def silver(self, scores: np.ndarray) -> np.ndarray:
        """Labels by a reference summary (distant supervision) from ``summary_scores``: 1 when
        both units tell one summary sentence (the lower of their two scores on it) from
        ``SILVER_ONE``, 0 when they tell none together from ``SILVER_APART``, -1 (unlabelled)
        between."""
        if not scores.size:
            return np.full(len(self.pairs), -1)
        together = np.minimum(scores[self.pairs[:, 0]], scores[self.pairs[:, 1]]).max(axis=1)
        return np.where(together >= SILVER_ONE, 1, np.where(together < SILVER_APART, 0, -1))


def _sentences(summary: str, articles: list[int]) -> list[dict]:
    """A summary's sentences as facts every article is a source of (``fact_scores``)."""
    (text,) = prepare([Article(id="summary", source="summary", raw=summary)])
    return [{"fact": s.text, "sources": articles} for s in text.sentences]


def band(articles: list[Article]) -> Band:
    """A story's band pairs, read as the briefing reads them."""
    kept = [a for a in prepare(articles) if a.ok]
    context = StoryContext(kept, DEFAULT)
    for needed in ("syndication", "entities"):
        run(context, needed)
    texts, pairs, features = story_pairs(context)
    return Band(texts, pairs, features, _rarity([s.text for a in kept for s in a.sentences]))


def labelled(path: Path, data: Path) -> tuple[np.ndarray, np.ndarray]:
    """One gold-dev story's band pairs: features and labels by its gold facts."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    found = band(_articles(path, data))
    return found.features, found.gold([f for f in gold["agreements"] if len(f["sources"]) >= 2])


def _regression(sets: list[tuple[np.ndarray, np.ndarray]], c: float = 1.0) -> LogisticRegression:
    """A logistic regression (balanced classes, regularisation ``c``) over the pooled pairs."""
    x = np.vstack([f for f, _ in sets])
    y = np.concatenate([labels for _, labels in sets])
    return LogisticRegression(C=c, class_weight="balanced", max_iter=2000).fit(x, y)


def fit(
    sets: list[tuple[np.ndarray, np.ndarray]], c: float = 1.0, named: str = "gold-dev tune half"
) -> dict:
    """A logistic regression over the pooled pairs, as the weights file holds it."""
    model = _regression(sets, c)
    y = np.concatenate([labels for _, labels in sets])
    return {
        "features": list(PAIR_FEATURES),
        "weights": [float(w) for w in model.coef_[0]],
        "bias": float(model.intercept_[0]),
        "trained_on": f"{named}, {len(y)} band pairs, {int(y.sum())} positive, C {c}",
    }


def separation(sets: list[tuple[np.ndarray, np.ndarray]], features: int) -> str:
    """How well the first ``features`` columns separate the band pairs, each story's pairs
    scored by a regression fitted on the other stories': the pooled AUC and average
    precision, and the pairs (positive) admitted at 0.7 and 0.8."""
    cut = [(x[:, :features], y) for x, y in sets]
    scores = [
        _regression(cut[:k] + cut[k + 1 :]).predict_proba(x)[:, 1] for k, (x, _) in enumerate(cut)
    ]
    p, y = np.concatenate(scores), np.concatenate([labels for _, labels in cut])
    admitted = " | ".join(f"{(p >= at).sum()} ({(y[p >= at]).sum()})" for at in (0.7, 0.8))
    auc, ap = roc_auc_score(y, p), average_precision_score(y, p)
    return f"| {', '.join(PAIR_FEATURES[:features])} | {auc:.3f} | {ap:.3f} | {admitted} |"


def _recall(paths: list[Path], data: Path, settings: list[Settings]) -> str:
    """Recall / repeats over ``paths``, each story briefed with its own settings."""
    counts = [story(p, data, s).counts() for p, s in zip(paths, settings, strict=True)]
    facts, found, repeats = (sum(c[k] for c in counts) for k in range(3))
    return f"{found / facts:.2f} / {repeats / facts:.2f} ({found} of {facts} facts)"


def cross_validate(paths: list[Path], sets: list, data: Path, probability: float) -> None:
    """Leave-one-story-out recall beside the same stories without the decision."""
    folder = Path(tempfile.mkdtemp())
    settings = []
    for k in range(len(paths)):
        weights = folder / f"fold{k}.json"
        weights.write_text(json.dumps(fit(sets[:k] + sets[k + 1 :])), encoding="utf-8")
        agreements = dataclasses.replace(
            DEFAULT.agreements, pair_weights=str(weights), pair_probability=probability
        )
        settings.append(dataclasses.replace(DEFAULT, agreements=agreements))
    print(f"| CV by story, probability {probability} | {_recall(paths, data, settings)} |")


# The features the decision had before the fourteenth session (``PAIR_FEATURES``' first six),
# measured beside all of them by ``--auc``.
SHIPPED_BEFORE = 6

# The probability read on unlabelled clusters (BENCHMARKS.md); the default keeps the decision off.
READ_PROBABILITY = 0.7


def _at(probability: float) -> Settings:
    """The default settings with the pair decision at ``probability`` (over 1: off)."""
    return dataclasses.replace(
        DEFAULT, agreements=dataclasses.replace(DEFAULT.agreements, pair_probability=probability)
    )


def unlabelled(data: Path, most: int, skip: int = 0, probability: float = READ_PROBABILITY) -> None:
    """The agreements the decision (at ``probability``) adds on ``most`` Multi-News dev
    clusters no gold-dev story is drawn from, after the first ``skip`` (read before), each
    with its sentences."""
    gold = {p.stem for p in (data / "gold-dev").glob("*.json")}
    with (data / "multinews-dev.jsonl").open(encoding="utf-8") as lines:
        clusters = [
            c for c in map(json.loads, lines) if not any(c["id"].startswith(g) for g in gold)
        ]
    for cluster in clusters[skip : skip + most]:
        _show_new(cluster["id"][:10], cluster["docs"], probability)


def _show_new(key: str, docs: list[str], probability: float) -> None:
    """One cluster's agreements that are new with the decision, with their sentences."""
    raw = [Article(id=f"d{n}", source=key, raw=t) for n, t in enumerate(docs)]
    articles = [a for a in prepare(raw) if a.ok]
    before = {a.text for a in brief_of(articles, settings=_at(2.0)).agreements}
    sentences = {s.id: s.text for a in articles for s in a.sentences}
    for agreement in brief_of(articles, settings=_at(probability)).agreements:
        if agreement.text not in before:
            print(f"\n[{key}] NEW {agreement.sources}")
            for sid in agreement.sentence_ids:
                print(f"   {sid}: {sentences[sid][:200]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cv", type=float, nargs="*", help="probabilities to cross-validate")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--auc", action="store_true", help="leave-one-story-out AUC and AP")
    parser.add_argument("--unlabelled", type=int, default=0, help="read this many clusters")
    parser.add_argument("--skip", type=int, default=0, help="after this many (read before)")
    parser.add_argument("--at", type=float, default=READ_PROBABILITY, help="read at this")
    args = parser.parse_args()
    if args.unlabelled:
        unlabelled(args.data, args.unlabelled, args.skip, args.at)
        return
    paths = _tune(args.data)
    sets = [labelled(p, args.data) for p in paths]
    for p, (_, y) in zip(paths, sets, strict=True):
        print(f"{p.stem}: {len(y)} band pairs, {int(y.sum())} positive")
    if args.auc:
        for features in sorted({SHIPPED_BEFORE, len(PAIR_FEATURES)}):
            print(separation(sets, features))
    print(f"| without the decision | {_recall(paths, args.data, [_at(2.0)] * len(paths))} |")
    for probability in args.cv or []:
        cross_validate(paths, sets, args.data, probability)
    if args.write:
        PAIR_WEIGHTS.write_text(json.dumps(fit(sets), indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
