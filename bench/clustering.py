"""Benchmark story clustering: pooled articles of known clusters, split back into stories.

    python bench/clustering.py [MULTINEWS_JSONL] [DUC_JSONL]

The articles of every cluster of a dataset are pooled into one pile (read and
cleaned as ``storybrief stories`` reads a pile), and each method splits the
pile into stories. Scored with B-cubed precision, recall and F1 (Bagga and
Baldwin 1998; Amigó et al. 2009), the usual measure for grouping news into
events: per article, the share of its predicted story that is truly its story
(precision) and the share of its true story that it was grouped with
(recall). Piles: Multi-News dev (100 clusters), DUC 2004 dev (25 topics of
10 articles each), and both together.

With ``--briefs``, it also times what ``storybrief stories`` does after the
grouping, a brief of every story of the Multi-News pile: in this process, one
story after another, against a Dask cluster of this machine's cores
(``--dask local``, the cluster's start and the workers' model loads
included), and checks that both give the same briefs.

Multi-News clusters are not clean: some hold an unrelated page (a video
player, an older story) or an Internet Archive crawl notice, which caps the
precision any method can reach against them.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from storybrief.cluster import THRESHOLD, average_linkage, group
from storybrief.models import Article
from storybrief.nlp.embeddings import embed
from storybrief.pipeline import prepare
from storybrief.render import render
from storybrief.runners import brief_stories

Method = Callable[[list[Article]], list[list[Article]]]


def pile(path: Path) -> tuple[list[Article], dict[str, str]]:
    """Every article of every cluster of a dataset, cleaned together, and its true cluster."""
    articles, truth = [], {}
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        cluster = str(row.get("id", row.get("cluster_id")))
        for i, doc in enumerate(row["docs"]):
            article_id = f"{cluster}:{i}"
            articles.append(Article(id=article_id, source=article_id, raw=doc))
            truth[article_id] = cluster
    return [a for a in prepare(articles) if a.ok], truth


def bcubed(stories: list[list[Article]], truth: dict[str, str]) -> tuple[float, float, float]:
    predicted = {a.id: i for i, story in enumerate(stories) for a in story}
    members: dict[object, set[str]] = defaultdict(set)
    for article_id, story in predicted.items():
        members["p", story].add(article_id)
        members["t", truth[article_id]].add(article_id)
    precision = recall = 0.0
    for article_id, story in predicted.items():
        mine, true = members["p", story], members["t", truth[article_id]]
        precision += len(mine & true) / len(mine)
        recall += len(mine & true) / len(true)
    precision, recall = precision / len(predicted), recall / len(predicted)
    return precision, recall, 2 * precision * recall / (precision + recall)


def lead_embeddings(articles: list[Article]) -> list[list[Article]]:
    """Baseline: wordllama vectors of headline and first three sentences, average linkage."""
    vectors = embed(
        [" ".join([a.title or "", *(s.text for s in a.sentences[:3])]) for a in articles]
    )
    # 0.4: this baseline's best on the Multi-News pile of 0.1-0.5 (DUC's best, 0.3, gives 0.84).
    return average_linkage(articles, vectors @ vectors.T, 0.4)


METHODS: dict[str, Method] = {
    f"storybrief (TF-IDF of the opening, names ×1.5, average linkage ≥ {THRESHOLD})": group,
    "wordllama embeddings of headline + 3 sentences, average linkage ≥ 0.4": lead_embeddings,
    "all in one story (what `storybrief brief` assumes)": lambda articles: [articles],
    "every article its own story": lambda articles: [[a] for a in articles],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "multinews", nargs="?", type=Path, default=Path("../shared/data/multinews-dev.jsonl")
    )
    parser.add_argument(
        "duc", nargs="?", type=Path, default=Path("../shared/data/duc2004-dev.jsonl")
    )
    parser.add_argument(
        "--briefs", action="store_true", help="also time the briefs of every story, with Dask"
    )
    args = parser.parse_args()
    multinews, duc = pile(args.multinews), pile(args.duc)
    piles = {
        "Multi-News dev": multinews,
        "DUC 2004 dev": duc,
        "both pooled": (multinews[0] + duc[0], {**multinews[1], **duc[1]}),
    }
    for name, (articles, truth) in piles.items():
        print(f"\n{name}: {len(articles)} articles, {len(set(truth.values()))} true stories\n")
        print("| method | stories | B³ precision | B³ recall | B³ F1 | seconds |")
        print("|---|---:|---:|---:|---:|---:|")
        for method_name, method in METHODS.items():
            start = time.perf_counter()
            stories = method(articles)
            seconds = time.perf_counter() - start
            p, r, f = bcubed(stories, truth)
            print(
                f"| {method_name} | {len(stories)} | {p:.3f} | {r:.3f} | {f:.3f} | {seconds:.2f} |"
            )
    if args.briefs:
        time_briefs(group(multinews[0]))


def time_briefs(stories: list[list[Article]]) -> None:
    """Seconds to brief every story in this process and on a local Dask cluster."""
    brief_stories(stories[:1])  # the models loaded, as a Dask worker loads them in its timing
    start = time.perf_counter()
    here = brief_stories(stories)
    one = time.perf_counter() - start
    start = time.perf_counter()
    on_dask = brief_stories(stories, scheduler="local")
    dask = time.perf_counter() - start
    same = [render(b, "json") for b in here] == [render(b, "json") for b in on_dask]
    print(
        f"\nBriefs of the {len(stories)} Multi-News stories: one process {one:.1f} s;"
        f" local Dask cluster ({os.cpu_count()} single-threaded workers, start and model"
        f" loads included) {dask:.1f} s; ratio {one / dask:.2f}×; same briefs: {same}"
    )


if __name__ == "__main__":
    main()
