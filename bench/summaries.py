"""Benchmark storybrief's summaries against published systems and baselines.

    python bench/summaries.py [--cv] [DUC_JSONL] [MULTINEWS_JSONL]
    python bench/summaries.py --read duc:1,3 multinews:4,14   # summaries to read by hand
    python bench/summaries.py --read duc:1 --brief   # the same, as `storybrief brief` writes them
    python bench/summaries.py --shipped   # only the all-cluster rows at Weights(), no timing

* DUC 2004 Task 2: ROUGE-1/2 recall of the first 100 words, stemmed, averaged
  over the four references, then over clusters; rows are storybrief, sumy's
  LexRank and TextRank, and the 13 published systems of Hong et al. (2014).
* Multi-News: ROUGE-1/2/Lsum F1 of the first 250 words against the reference;
  rows are storybrief, sumy's LexRank/TextRank/LSA, a round-robin lead
  baseline and a greedy extractive oracle (an upper bound that reads the
  reference).

Every system is scored in the same run by Google's ``rouge-score`` with
stemming. All outputs are re-split into sentences the same way (one a line,
which is what ROUGE-Lsum reads) and cut at the word budget. storybrief always
stays within the budget, so unlike the others it never gains from a final
sentence cut mid-way.

Then (alone with ``--cv``) the summary weights (``storybrief.settings.Weights``) chosen by
5-fold cross-validation over the clusters of both sets together (fold k holds
every fifth DUC and every fifth Multi-News cluster, by sorted id): for each
fold, the grid point with the best mean of DUC R-1 recall + Multi-News R-1 F1
on the other four folds, or the best such mean over its one-step neighbourhood
(``RULES``), is scored on it, with the DUC R-1 each rule reaches by
cross-validation inside the training folds alone. Rows per fold: the held-out
storybrief scores, the shipped defaults (``Weights()``, not held out), and the
published DUC systems, sumy LexRank and the round-robin lead on the same clusters.

Timing: median seconds per cluster of each system, one cluster at a time on
one core; and the wall time of a whole ``storybrief.batch`` run over
Multi-News on two worker processes (including their start and the model
load) against sumy LexRank's total time for the same clusters.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import itertools
import json
import re
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import blingfire
import numpy as np
from rouge_score import rouge_scorer, tokenizers
from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from storybrief.batch import paragraph_keys, summarize_jsonl, summarize_record
from storybrief.clean.shared import paragraph_key, shared_paragraphs
from storybrief.distributed import summarize_jsonl_dask
from storybrief.models import Article
from storybrief.nlp.encoders import WordLlama
from storybrief.pipeline import brief_of, prepare
from storybrief.segment import split_sentences
from storybrief.settings import Weights
from storybrief.summarize import summarize

DUC_WORDS = 100
MULTINEWS_WORDS = 250

System = Callable[[dict[str, Any], int], str]  # (dataset row, words) -> summary text


def sentences_of(text: str) -> list[str]:
    """The sentences of a summary or document, paragraphs and lines kept apart."""
    return [s for paragraph in re.split(r"\n\s*\n", text) for s in split_sentences(paragraph)]


def cut(text: str, words: int) -> str:
    """The first ``words`` words of ``text``, one sentence a line."""
    out: list[str] = []
    left = words
    for sentence in (s for line in text.splitlines() for s in sentences_of(line)):
        if left <= 0:
            break
        tokens = sentence.split()[:left]
        out.append(" ".join(tokens))
        left -= len(tokens)
    return "\n".join(out)


# --- sumy, offline -------------------------------------------------------------


class OfflineTokenizer:
    """A sumy tokenizer that needs no NLTK data.

    Sentences come from blingfire (the splitter storybrief itself starts from)
    and words from the pattern sumy's own ``Tokenizer`` keeps words by, so sumy
    sees the same sentences and the same words it would with NLTK's punkt.
    """

    language = "english"
    _WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['-])*")

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in blingfire.text_to_sentences(paragraph).split("\n"))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(self._WORD.findall(sentence))


class _WordBudget:
    """A sumy sentence count that takes best-rated sentences up to a word budget.

    sumy hands it the sentences sorted by rating; the chosen ones are kept in
    that order, so a cut at the budget drops the least-rated words.
    """

    def __init__(self, words: int) -> None:
        self.words = words
        self.ranked: list[str] = []

    def __call__(self, infos: Sequence[Any]) -> list[Any]:
        chosen, total = [], 0
        for info in infos:
            if total >= self.words:
                break
            chosen.append(info)
            total += len(str(info.sentence).split())
        self.ranked = [str(info.sentence) for info in chosen]
        return chosen


def sumy_system(kind: type) -> System:
    summarizer = kind(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = OfflineTokenizer()

    def run(row: dict[str, Any], words: int) -> str:
        document = PlaintextParser.from_string("\n\n".join(row["docs"]), tokenizer).document
        budget = _WordBudget(words)
        summarizer(document, budget)
        return "\n".join(budget.ranked)

    return run


# --- baselines -------------------------------------------------------------------


def storybrief_system(rows: list[dict[str, Any]]) -> System:
    """storybrief as ``storybrief summarize`` runs it over ``rows``: furniture found across them."""
    furniture = shared_paragraphs(paragraph_keys(json.dumps(row)) for row in rows)

    def run(row: dict[str, Any], words: int) -> str:
        line = json.dumps({"id": "bench", "docs": row["docs"]})
        return summarize_record(line, words, furniture)["summary"]

    return run


def lead_system(row: dict[str, Any], words: int) -> str:
    """First sentence of each document, then the second of each, ... up to the budget."""
    per_doc = [sentences_of(doc) for doc in row["docs"]]
    out, total = [], 0
    for rank in range(max((len(s) for s in per_doc), default=0)):
        for sentences in per_doc:
            if rank < len(sentences) and total < words:
                out.append(sentences[rank])
                total += len(sentences[rank].split())
    return "\n".join(out)


_TOKENIZER = tokenizers.DefaultTokenizer(use_stemmer=True)


def _ngrams(tokens: list[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(candidate: Counter, reference: Counter) -> float:
    overlap = sum((candidate & reference).values())
    if not overlap:
        return 0.0
    precision = overlap / sum(candidate.values())
    recall = overlap / sum(reference.values())
    return 2 * precision * recall / (precision + recall)


def oracle_system(row: dict[str, Any], words: int) -> str:
    """Greedily add the sentence that most raises ROUGE-1 + ROUGE-2 F1, up to the budget."""
    pool = [s for doc in row["docs"] for s in sentences_of(doc)]
    refs = _unigrams_bigrams(row["summary"])
    grams = [_unigrams_bigrams(s) for s in pool]
    chosen: list[int] = []
    current = [Counter(), Counter()]
    score, total = 0.0, 0
    while total < words:
        best, best_score = _best_addition(current, grams, refs, chosen, score)
        if best is None:
            break
        chosen.append(best)
        current = [current[k] + grams[best][k] for k in range(2)]
        score, total = best_score, total + len(pool[best].split())
    return "\n".join(pool[i] for i in chosen)


def _unigrams_bigrams(text: str) -> list[Counter]:
    tokens = _TOKENIZER.tokenize(text)
    return [_ngrams(tokens, n) for n in (1, 2)]


def _best_addition(
    current: list[Counter],
    grams: list[list[Counter]],
    refs: list[Counter],
    chosen: list[int],
    score: float,
) -> tuple[int | None, float]:
    """The unchosen sentence whose n-grams most raise the summed F1 above ``score``, if any."""
    best, best_score = None, score
    for i, own in enumerate(grams):
        if i in chosen:
            continue
        s = sum(_f1(current[k] + own[k], refs[k]) for k in range(2))
        if s > best_score:
            best, best_score = i, s
    return best, best_score


# --- scoring ---------------------------------------------------------------------


def timed(system: System, rows: list[dict[str, Any]], words: int) -> tuple[list[str], list[float]]:
    """Each row's summary by ``system`` and the seconds it took."""
    outputs, seconds = [], []
    for row in rows:
        start = time.perf_counter()
        outputs.append(system(row, words))
        seconds.append(time.perf_counter() - start)
    return outputs, seconds


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def duc_table(path: Path) -> list[str]:
    rows = _rows(path)
    corpus = Corpus("DUC 2004", rows, DUC_WORDS)
    systems: dict[str, tuple[list[str], list[float] | None]] = {
        "storybrief": timed(storybrief_system(rows), rows, DUC_WORDS),
        "sumy LexRank": timed(sumy_system(LexRankSummarizer), rows, DUC_WORDS),
        "sumy TextRank": timed(sumy_system(TextRankSummarizer), rows, DUC_WORDS),
    }
    for name in sorted(rows[0]["peer_summaries"]):
        systems[f"published: {name}"] = ([row["peer_summaries"][name] for row in rows], None)

    table = []
    for name, (outputs, seconds) in systems.items():
        recall = np.array([corpus.score(i, output) for i, output in enumerate(outputs)])
        table.append((name, *recall.mean(0), seconds))
    lines = [
        f"DUC 2004 ({len(rows)} clusters): ROUGE recall of the first {DUC_WORDS} words",
        "",
        "| system | R-1 R | R-2 R | s/cluster |",
        "|---|---:|---:|---:|",
    ]
    for name, r1, r2, seconds in sorted(table, key=lambda t: -t[1]):
        speed = f"{statistics.median(seconds):.3f}" if seconds else "–"
        lines.append(f"| {name} | {r1:.2f} | {r2:.2f} | {speed} |")
    return lines


def batch_seconds(rows: list[dict[str, Any]], words: int) -> float:
    """Wall time of one ``summarize_jsonl`` run over ``rows`` on two workers."""
    with tempfile.TemporaryDirectory() as tmp:
        in_path, out_path = Path(tmp, "in.jsonl"), Path(tmp, "out.jsonl")
        in_path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        start = time.perf_counter()
        summarize_jsonl(in_path, out_path, words, workers=2)
        return time.perf_counter() - start


def dask_seconds(rows: list[dict[str, Any]], words: int) -> float:
    """Wall time of the same batch on a Dask cluster of this machine (started in the timing)."""
    with tempfile.TemporaryDirectory() as tmp:
        in_path, out_path = Path(tmp, "in.jsonl"), Path(tmp, "out.jsonl")
        in_path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        start = time.perf_counter()
        summarize_jsonl_dask(in_path, out_path, words, scheduler="local")
        return time.perf_counter() - start


def multinews_table(path: Path) -> list[str]:
    rows = _rows(path)
    words = MULTINEWS_WORDS
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    systems = {
        "storybrief": timed(storybrief_system(rows), rows, words),
        "sumy LexRank": timed(sumy_system(LexRankSummarizer), rows, words),
        "sumy TextRank": timed(sumy_system(TextRankSummarizer), rows, words),
        "sumy LSA": timed(sumy_system(LsaSummarizer), rows, words),
        "lead (round-robin)": timed(lead_system, rows, words),
        "oracle (greedy R1+R2, reads the reference)": timed(oracle_system, rows, words),
    }
    lines = [
        f"Multi-News ({len(rows)} clusters): ROUGE F1 of the first {words} words",
        "",
        "| system | R-1 F | R-2 F | R-Lsum F | s/cluster |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, (outputs, seconds) in systems.items():
        f1 = {"rouge1": [], "rouge2": [], "rougeLsum": []}
        for row, output in zip(rows, outputs, strict=True):
            scores = scorer.score("\n".join(sentences_of(row["summary"])), cut(output, words))
            for key, values in f1.items():
                values.append(scores[key].fmeasure)
        means = " | ".join(f"{100 * statistics.mean(v):.2f}" for v in f1.values())
        lines.append(f"| {name} | {means} | {statistics.median(seconds):.3f} |")

    # The median of three runs: one run on a shared machine is easily off by a third.
    batch = statistics.median(batch_seconds(rows, words) for _ in range(3))
    on_dask = statistics.median(dask_seconds(rows, words) for _ in range(3))
    lexrank = sum(systems["sumy LexRank"][1])
    single = sum(systems["storybrief"][1])
    lines += [
        "",
        f"storybrief batch, 2 workers, wall (median of 3): {batch:.1f} s;"
        f" one cluster at a time, one core: {single:.1f} s;"
        f" sumy LexRank, one core: {lexrank:.1f} s;"
        f" LexRank / storybrief batch = {lexrank / batch:.1f}×",
        f"The same batch on a local Dask cluster (2 single-threaded workers, cluster start"
        f" and model loads included, median of 3): {on_dask:.1f} s",
    ]
    return lines


# --- cross-validated weights ---------------------------------------------------------

FOLDS = 5
# The grid the folds choose from: the defaults' neighbours on each weight the
# objective is most sensitive to (moved once more when a run with the undated-day and
# connective rules chose lead 1.5, lead_decay 3 and similarity_power 4, the old grid's
# edges). ``Weights.same_fact`` is no part of it: ROUGE does not count a repeat
# against a summary, so it is set by reading (BENCHMARKS.md).
GRID = {
    "lead": (1.0, 1.5, 2.0),
    "lead_decay": (3.0, 4.0),
    "length_power": (0.5, 0.6),
    "similarity_power": (3.0, 4.0, 5.0),
}


class MemoEncoder:
    """wordllama's vectors, each text embedded once for the whole grid."""

    def __init__(self) -> None:
        self.inner = WordLlama()
        self.name, self.dimension, self.cosines = (
            self.inner.name,
            self.inner.dimension,
            self.inner.cosines,
        )
        self.memo: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            self.memo.update(zip(missing, self.inner.embed(missing), strict=True))
        return np.array([self.memo[t] for t in texts], dtype=np.float32).reshape(
            len(texts), self.dimension
        )


def prepared(rows: list[dict[str, Any]]) -> list[list[Article]]:
    """Each row's usable articles, as ``storybrief summarize`` reads them (``batch._summary``)."""
    furniture = shared_paragraphs(paragraph_keys(json.dumps(row)) for row in rows)
    out = []
    for row in rows:
        docs = [
            "\n".join(p for p in doc.split("\n") if paragraph_key(p) not in furniture)
            for doc in row["docs"]
        ]
        articles = [Article(id=f"d{i}", source=f"d{i}", raw=doc) for i, doc in enumerate(docs)]
        out.append([a for a in prepare(articles) if a.ok])
    return out


class Corpus:
    """One data set's clusters, prepared once, and how a summary of one is scored."""

    def __init__(self, name: str, rows: list[dict[str, Any]], words: int) -> None:
        self.name, self.rows, self.words = name, rows, words
        self.duc = "references" in rows[0]
        self.scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
        self.scored: dict[tuple[int, str], tuple[float, float]] = {}

    @functools.cached_property
    def articles(self) -> list[list[Article]]:
        return prepared(self.rows)

    def score(self, i: int, output: str) -> tuple[float, float]:
        """R-1 and R-2 of one summary, each distinct summary scored once for the grid."""
        if (i, output) not in self.scored:
            self.scored[i, output] = self._score(i, output)
        return self.scored[i, output]

    def _score(self, i: int, output: str) -> tuple[float, float]:
        """R-1 and R-2 of one summary: DUC recall averaged over references, Multi-News F1."""
        summary = cut(output, self.words)
        row = self.rows[i]
        if self.duc:
            scores = [
                self.scorer.score("\n".join(sentences_of(ref)), summary)
                for ref in row["references"].values()
            ]
            return tuple(  # type: ignore[return-value]
                100 * statistics.mean(s[k].recall for s in scores) for k in ("rouge1", "rouge2")
            )
        scores = self.scorer.score("\n".join(sentences_of(row["summary"])), summary)
        return 100 * scores["rouge1"].fmeasure, 100 * scores["rouge2"].fmeasure

    def run(self, weights: Weights, encoder: MemoEncoder) -> np.ndarray:
        """clusters × (R-1, R-2) of storybrief's summaries under ``weights``."""
        return np.array(
            [
                self.score(
                    i,
                    "\n".join(
                        s.text for s in summarize(a, self.words, weights=weights, encoder=encoder)
                    ),
                )
                for i, a in enumerate(self.articles)
            ]
        )

    def baselines(self) -> dict[str, np.ndarray]:
        """clusters × (R-1, R-2) of the rows every fold compares against."""
        systems: dict[str, list[str]] = {
            "sumy LexRank": timed(sumy_system(LexRankSummarizer), self.rows, self.words)[0],
            "lead (round-robin)": timed(lead_system, self.rows, self.words)[0],
        }
        if self.duc:
            for name in sorted(self.rows[0]["peer_summaries"]):
                systems[f"published: {name}"] = [r["peer_summaries"][name] for r in self.rows]
        return {
            name: np.array([self.score(i, o) for i, o in enumerate(outputs)])
            for name, outputs in systems.items()
        }

    def folds(self) -> np.ndarray:
        """Each cluster's fold: every fifth cluster by sorted id."""
        ids = [str(r.get("cluster_id", r.get("id"))) for r in self.rows]
        rank = {cluster: n for n, cluster in enumerate(sorted(ids))}
        return np.array([rank[c] % FOLDS for c in ids])


def grid() -> list[Weights]:
    """Every combination of ``GRID``, the other weights at their defaults."""
    names = list(GRID)
    return [
        dataclasses.replace(Weights(), **dict(zip(names, values, strict=True)))
        for values in itertools.product(*GRID.values())
    ]


# What a fold's weights are chosen for: each set's mean over the training clusters of
# these multiples of, the sets with equal say. R-1 alone since the sixth round:
# R-2 stands 0.7 or more above every published DUC system while the R-1 target binds, and
# on training folds only (``_inner_cv``) the R-1 objective did as well or better (inner DUC
# R-1 38.75 against 38.63, R-2 11.00 against 10.88; BENCHMARKS.md).
R1 = np.array([1.0, 0.0])

# How the objective picks a point (tenth round, written down before its held-out run).
# The grid's values sample continuous weights, over which the objective is smooth; on
# 20 training DUC clusters the points' means differ by less than one cluster's summary
# flipping moves them (a plateau of +-0.5 R-1), so the best single point is often a
# spike of noise, and a point whose one-step neighbours score as well sits on the
# plateau itself. The tenth round's rule takes the point of best mean objective over
# itself and its neighbours (one step in one weight); the sixth round's best single
# point is kept beside it as a row (its held-out scores had been read before).
RULES = {
    "R-1, best neighbourhood (the tenth round's)": True,
    "R-1, best single point (the sixth round's)": False,
}


@functools.cache
def neighbourhood() -> np.ndarray:
    """points × points: 1 where the second is the first or one step from it in one weight."""
    steps = np.array(list(itertools.product(*(range(len(v)) for v in GRID.values()))))
    return (np.abs(steps[:, None, :] - steps[None, :, :]).sum(2) <= 1).astype(float)


def _choose(runs: list[np.ndarray], masks: list[np.ndarray], smooth: bool) -> int:
    """The grid point of best mean R-1 over the masked clusters, each set with equal say,
    or (``smooth``) of best such mean over its neighbourhood; ties to the first in grid order."""
    objective = sum((r[:, m] @ R1).mean(1) for r, m in zip(runs, masks, strict=True))
    if smooth:
        near = neighbourhood()
        objective = near @ objective / near.sum(1)
    return int(np.argmax(objective))


def _inner_cv(runs: list[np.ndarray], folds: list[np.ndarray], smooth: bool) -> list[float]:
    """Per outer fold, DUC R-1 of the choice scored by cross-validation inside its training
    folds alone (choose on three, score the fourth): no outer held-out cluster is read."""
    out = []
    for k in range(FOLDS):
        scores = []
        for j in (j for j in range(FOLDS) if j != k):
            point = _choose(runs, [(f != k) & (f != j) for f in folds], smooth)
            scores.append(float(runs[0][point, folds[0] == j, 0].mean()))
        out.append(float(np.mean(scores)))
    return out


def cv_tables(corpora: list[Corpus], save: Path | None = None) -> list[str]:
    """Per fold and overall: held-out scores of the weights the other folds chose."""
    encoder, points = MemoEncoder(), grid()
    runs = [np.stack([c.run(w, encoder) for w in points]) for c in corpora]  # points × clusters × 2
    folds = [c.folds() for c in corpora]
    if save:  # every grid point's per-cluster scores, to study the choice on training folds
        np.savez(save, **{f"run{n}": r for n, r in enumerate(runs)})
    chosen = _chosen(runs, folds)
    lines = [line for name in RULES for line in _choice_lines(name, runs, folds, chosen)]
    defaults = [c.run(Weights(), encoder) for c in corpora]
    for corpus, run, fold, default in zip(corpora, runs, folds, defaults, strict=True):
        lines += ["", *_fold_table(corpus, run, fold, chosen, default)]
    return lines


def shipped_tables(corpora: list[Corpus]) -> list[str]:
    """storybrief at the shipped ``Weights()`` on every cluster, with the baselines of the run.

    A quick before/after for a change to the candidates (not the weights): no grid, no
    folds, no timing; the published DUC systems' best two rows and the LexRank and lead
    baselines scored in the same run.
    """
    lines: list[str] = []
    for corpus in corpora:
        rows = {"storybrief, shipped Weights()": corpus.run(Weights(), MemoEncoder())}
        baselines = corpus.baselines()
        published = sorted(
            (n for n in baselines if n.startswith("published")),
            key=lambda n: -baselines[n][:, 0].mean(),
        )
        rows |= {
            name: baselines[name] for name in [*published[:2], "sumy LexRank", "lead (round-robin)"]
        }
        lines += [
            "",
            f"| {corpus.name}, all {len(corpus.rows)} clusters | R-1 | R-2 |",
            "|---|---:|---:|",
        ]
        lines += [
            f"| {name} | {r[:, 0].mean():.2f} | {r[:, 1].mean():.2f} |" for name, r in rows.items()
        ]
    return lines


def _chosen(runs: list[np.ndarray], folds: list[np.ndarray]) -> dict[str, list[int]]:
    """Each rule's grid point per fold, chosen on the other folds."""
    return {
        name: [_choose(runs, [f != k for f in folds], smooth) for k in range(FOLDS)]
        for name, smooth in RULES.items()
    }


def _choice_lines(
    name: str, runs: list[np.ndarray], folds: list[np.ndarray], chosen: dict[str, list[int]]
) -> list[str]:
    """The points one rule chose per fold and on all clusters (what ``Weights()`` should
    be), and its DUC R-1 inside the training folds."""
    points, inner = grid(), _inner_cv(runs, folds, RULES[name])
    everywhere = _choose(runs, [np.ones_like(f, dtype=bool) for f in folds], RULES[name])
    return [
        f"Rule {name}, chosen per fold (on the other four): "
        + "; ".join(f"{k}: {_weights_text(points[p])}" for k, p in enumerate(chosen[name])),
        f"  on all clusters: {_weights_text(points[everywhere])}",
        "  its DUC R-1 by inner cross-validation on each fold's training folds: "
        + ", ".join(f"{x:.2f}" for x in inner)
        + f" (mean {np.mean(inner):.2f})",
    ]


def _weights_text(weights: Weights) -> str:
    return ", ".join(f"{name}={getattr(weights, name)}" for name in GRID)


def _fold_table(
    corpus: Corpus,
    run: np.ndarray,
    fold: np.ndarray,
    chosen: dict[str, list[int]],
    default: np.ndarray,
) -> list[str]:
    """One set's rows: R-1 / R-2 per held-out fold and over all clusters held out."""
    rows = {}
    for name, points in chosen.items():
        held = np.zeros_like(default)
        for k in range(FOLDS):
            held[fold == k] = run[points[k], fold == k]
        rows[f"storybrief, weights chosen on the other folds for {name}"] = held
    rows["storybrief, shipped defaults (Weights(), not held out)"] = default
    rows.update(corpus.baselines())
    metric = "recall" if corpus.duc else "F1"
    head = " | ".join(f"fold {k}" for k in range(FOLDS))
    lines = [
        f"{corpus.name}: ROUGE-1 / ROUGE-2 {metric} of the first {corpus.words} words,"
        " each fold scored with the weights the other folds chose",
        "",
        f"| system | {head} | all held out |",
        "|---|" + "---:|" * (FOLDS + 1),
    ]
    for name, scores in sorted(rows.items(), key=lambda item: -item[1][:, 0].mean()):
        cells = [scores[fold == k].mean(0) for k in range(FOLDS)] + [scores.mean(0)]
        lines.append(f"| {name} | " + " | ".join(f"{a:.2f} / {b:.2f}" for a, b in cells) + " |")
    return lines


# --- reading ---------------------------------------------------------------------


def reading(
    corpora: dict[str, Corpus], picks: dict[str, list[int]], brief: bool = False
) -> list[str]:
    """The summaries of the picked clusters (positions in sorted id order), to read by hand.

    Each sentence comes with its id and the sentence before it in its article, so
    a reader can tell whether it leans on one the summary left out. ``brief``: the
    summary of ``storybrief brief`` (``pipeline.brief_of``: the cluster's documents
    read as the CLI reads them, analysed, the summary written with the analysis's
    agreements and conflicts), not the batch's.
    """
    lines: list[str] = []
    for name, positions in picks.items():
        rows = corpora[name].rows
        order = sorted(
            range(len(rows)), key=lambda i: str(rows[i].get("cluster_id", rows[i].get("id")))
        )
        lines += [
            line
            for p in positions
            for line in _read_one(corpora[name], order[p], f"{name} {p}", brief)
        ]
    return lines


def _read_one(corpus: Corpus, i: int, label: str, brief: bool) -> list[str]:
    if brief:  # no time budget: the summary, not the fallback to leads, is to be read
        docs = corpus.rows[i]["docs"]
        articles = prepare([Article(id=f"d{n}", source=f"d{n}", raw=d) for n, d in enumerate(docs)])
        summary = brief_of(articles, words=corpus.words).summary
    else:
        articles = corpus.articles[i]
        summary = summarize(articles, corpus.words)
    by_id = {s.id: (a, s) for a in articles for s in a.sentences}
    lines = [f"## {label}"]
    for n, told in enumerate(summary):
        article, sentence = by_id[told.sentence_ids[0]]
        before = article.sentences[sentence.index - 1].text if sentence.index else "<start>"
        lines += [f"[{n}] ({sentence.id}) {told.text}", f"      <before: {before[:160]}>"]
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "duc", nargs="?", type=Path, default=Path("../shared/data/duc2004-dev.jsonl")
    )
    parser.add_argument(
        "multinews", nargs="?", type=Path, default=Path("../shared/data/multinews-dev.jsonl")
    )
    parser.add_argument(
        "--cv", action="store_true", help="only the cross-validated tables (no timing)"
    )
    parser.add_argument("--save", type=Path, help="with --cv: the grid's scores to this .npz")
    parser.add_argument(
        "--shipped", action="store_true", help="only the all-cluster rows at Weights()"
    )
    parser.add_argument(
        "--read",
        nargs="+",
        metavar="SET:POSITIONS",
        help="only print the summaries to read: duc:1,3 multinews:4,14 (positions by sorted id)",
    )
    parser.add_argument(
        "--brief",
        action="store_true",
        help="with --read: the summaries `storybrief brief` writes, not the batch's",
    )
    args = parser.parse_args()
    corpora = {
        "duc": Corpus("DUC 2004", _rows(args.duc), DUC_WORDS),
        "multinews": Corpus("Multi-News", _rows(args.multinews), MULTINEWS_WORDS),
    }
    if args.read:
        picks = {k: [int(p) for p in v.split(",")] for k, v in (a.split(":") for a in args.read)}
        print("\n".join(reading(corpora, picks, args.brief)))
    elif args.shipped:
        print("\n".join(shipped_tables(list(corpora.values()))))
    else:
        if not args.cv:
            print("\n".join(duc_table(args.duc)))
            print()
            print("\n".join(multinews_table(args.multinews)))
            print()
        print("\n".join(cv_tables(list(corpora.values()), args.save)))


if __name__ == "__main__":
    main()
