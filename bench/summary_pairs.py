"""What the agreement alignment's scorer says of each pair of a brief's summary sentences.

    PYTHONPATH=.:bench .venv/bin/python bench/summary_pairs.py multinews:0,3,5 [duc:18] [--same]

For the clusters picked (positions in sorted id order, as ``bench/summaries.py --read``), the
summary ``storybrief brief`` writes, each sentence with its article, then every pair of its
sentences from two articles (``--same``: from one article too) with what the agreements'
scorer reads of their clause units (``storybrief.analyze.agreements``): the best blended
score of a unit pair (the clustering joins a pair from ``Cosines.agreement_best``, 0.5; -inf:
a guard keeps every pair apart), the highest learned pair probability (``agreement_pairs.json``;
it was fitted on pairs scoring 0.3-0.5 that share a rare word, so elsewhere it only ranks),
whether one of the brief's agreements holds both, and the two sentences' word alignment
(``nlp.alignment``, word weights over the story's summary candidates, as the repeat test tried
and not kept in the fifteenth session read it). A reader marks which pairs repeat a fact:
that is what tells whether a bar on a score would keep repeats out of the summary
(BENCHMARKS.md, *Summaries*, thirteenth and fifteenth sessions).
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import numpy as np
from analysis import DATA
from summaries import DUC_WORDS, MULTINEWS_WORDS, _rows

from storybrief.analyze import StoryContext, run
from storybrief.analyze import agreements as found_by
from storybrief.analyze.context import parsing
from storybrief.models import Article, Brief
from storybrief.nlp.alignment import Alignment
from storybrief.pipeline import brief_of, prepare
from storybrief.settings import DEFAULT
from storybrief.summarize import story_order
from storybrief.summarize.candidates import Candidate, collect_candidates

Scores = tuple[
    dict[str, list[int]], np.ndarray, np.ndarray
]  # units by sentence, blend, probability
Aligned = tuple[Alignment, dict[str, int]]  # over the candidates, and each one's row by id
SETS = {
    "duc": ("duc2004-dev.jsonl", DUC_WORDS),
    "multinews": ("multinews-dev.jsonl", MULTINEWS_WORDS),
}


def unit_scores(articles: list[Article], told: set[str]) -> Scores:
    """The units of each sentence (by id), each unit pair's blended score, and the
    probability of each pair of units of the sentences ``told`` (ids: the summary's; the
    pair features align words, too slow for every pair of a story)."""
    with parsing():
        story = StoryContext(articles, DEFAULT)
        run(story, "agreements")
        units = found_by._units(story, story.names)
        scored = found_by._blended(story, units, story.names)
        rare = found_by._rare(story, scored.lexicon)
        summary = np.array([u.sentence.id in told for u in units])
        pairs = np.argwhere(np.triu(summary[:, None] & summary[None, :], k=1))
        probability = np.full((len(units), len(units)), np.nan)
        if len(pairs):
            features = found_by._pair_features(story, units, pairs, scored, rare)
            found = found_by.pair_model().probability(features)
            probability[pairs[:, 0], pairs[:, 1]] = probability[pairs[:, 1], pairs[:, 0]] = found
    held: dict[str, list[int]] = {}
    for n, unit in enumerate(units):
        held.setdefault(unit.sentence.id, []).append(n)
    return held, scored.scores, probability


def pair_line(brief: Brief, a: int, b: int, found: Scores, words: Aligned) -> str:
    """One pair of summary sentences: best blend, highest probability, a shared agreement,
    word alignment."""
    held, scores, probability = found
    ids = brief.summary[a].sentence_ids[0], brief.summary[b].sentence_ids[0]
    rows, columns = held.get(ids[0], []), held.get(ids[1], [])
    blend = scores[np.ix_(rows, columns)]
    finite = np.isfinite(blend)
    best = float(blend[finite].max()) if finite.any() else float("-inf")
    likely = float(probability[np.ix_(rows, columns)][finite].max()) if finite.any() else np.nan
    shared = any(set(ids) <= set(agreement.sentence_ids) for agreement in brief.agreements)
    alignment, row = words
    together = alignment.score(row[ids[0]], row[ids[1]])
    return (
        f"  {a}-{b}: blend {best:.2f}  probability {likely:.2f}  one agreement {shared}"
        f"  aligned {together:.2f}"
    )


def candidate_pool(articles: list[Article]) -> list[Candidate]:
    """The story's summary candidates: the pool the summary picks from."""
    return collect_candidates(story_order([a for a in articles if a.ok]))


def candidate_alignment(articles: list[Article], pool: list[Candidate] | None = None) -> Aligned:
    """The word alignment over the story's summary candidates (``pool`` when read already),
    and each candidate's row by sentence id."""
    pool = candidate_pool(articles) if pool is None else pool
    alignment = Alignment([c.text for c in pool], DEFAULT.encoder.embed)
    return alignment, {c.sentence.id: n for n, c in enumerate(pool)}


def cluster_lines(docs: list[str], words: int, label: str, same: bool) -> list[str]:
    """The cluster's summary and its pairs' scores."""
    articles = prepare([Article(id=f"d{n}", source=f"d{n}", raw=d) for n, d in enumerate(docs)])
    brief = brief_of(articles, words=words)
    found = unit_scores([a for a in articles if a.ok], {s.sentence_ids[0] for s in brief.summary})
    words_found = candidate_alignment(articles)
    lines = [f"## {label}"]
    lines += [f"[{n}] ({s.sentence_ids[0]}) {s.text}" for n, s in enumerate(brief.summary)]
    for a, b in itertools.combinations(range(len(brief.summary)), 2):
        apart = (
            brief.summary[a].sentence_ids[0].split(":")[0]
            != (brief.summary[b].sentence_ids[0].split(":")[0])
        )
        if apart or same:
            lines.append(pair_line(brief, a, b, found, words_found))
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("picks", nargs="+", metavar="SET:POSITIONS")
    parser.add_argument("--same", action="store_true", help="pairs from one article too")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    for name, positions in (p.split(":") for p in args.picks):
        file, words = SETS[name]
        rows = _rows(args.data / file)
        order = sorted(
            range(len(rows)), key=lambda i: str(rows[i].get("cluster_id", rows[i].get("id")))
        )
        for p in positions.split(","):
            docs = rows[order[int(p)]]["docs"]
            print("\n".join(cluster_lines(docs, words, f"{name} {p}", args.same)), flush=True)


if __name__ == "__main__":
    main()
