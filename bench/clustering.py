"""Benchmark story grouping: piles of articles of known stories, split back into stories.

    python bench/clustering.py [MULTINEWS_JSONL] [DUC_JSONL] [--stories JSONL] [--ecb JSON]
                               [--tune] [--leads N] [--scale N] [--grain G] [--window D]
                               [--briefs] [--drift]

Every pile is read and cleaned as ``storybrief stories`` reads a pile, and each
method splits it into stories. Scored with B-cubed precision, recall and F1
(Bagga and Baldwin 1998; Amigó et al. 2009) over every gold article, as the
evaluator scores (an article the method skips or loses counts as a story of
its own): per article, the share of its predicted story that is truly its
story (precision) and the share of its true story it was grouped with
(recall). Each row also gives articles per second (wordllama loaded before
the first row) and the peak memory the method allocated (tracemalloc, in a
second run: Python and NumPy allocations). The first row is what ``storybrief
stories`` does (near-exact copies set aside first, ``cluster.stories``, at the
default event grain), the second the same at the topic grain (``--grain
topic``, ``ClusterSettings.grain``), the third the grouping alone
(``cluster.group``), to show what the copies step changes. ``--window D ...`` adds
a row for each date window of D days (``ClusterSettings.window_days``; ``inf``:
none), as the eleventh session tuned it on the tune halves.

Piles:

* stories-dev (AllSides/NeuS roundups, 2-3 articles a story): its gold
  stories are split in two halves (sorted, shuffled with seed 12): the first
  half tuned ``ClusterSettings``, the second is reported here, drawn as whole
  stories (seed 0) to 1,000 articles and in full, and so is the whole file;
  drawn by article as a feed's window is (``sample``: most stories come with one
  article) to 1,000 and 2,000, and 300 by whole story with 700 by article (``mixed``).
  ``--tune`` prints the tune half instead.
* Multi-News dev (100 clusters) and DUC 2004 dev (25 topics of 10 articles),
  each pooled, and both together. Their clusters are split in two halves by a
  hash of their id (``pooled_half``): ``threshold`` and the short-text doubt
  were chosen on the tune half (71 clusters, 277 articles), the report half
  (54 clusters, 247 articles) is printed (``--tune``: the tune half);
  ``min_similarity`` was chosen on the whole pooled piles by an earlier session.
* ECB+ dev (66 stories of 3-22 articles, in pairs of look-alike events: two
  rehab stays, two earthquakes): split by topic (``ecb_half``: even first byte
  of the BLAKE2b of the topic number → tune, 34 stories / 409 articles; report
  half 32 stories / 363 articles). The ninth session chose ``cohesion`` and
  ``cohesion_doubt`` with its tune half in view, the eleventh ``window_days``
  (the only dated pile: the cleaner reads dates from the text); the report
  half is printed (``--tune``: the tune half), and the whole.
* ``--leads N``: the pooled Multi-News and DUC clusters cut to their first N
  words, whole and the half of ``pooled_half`` (the topic grain's settings
  were chosen on the tune halves of the pooled pages, of these leads at 40
  words and of ECB+, eleventh session).

Baselines of the same run: the single-pass TF-IDF clustering that the
stories-dev README names (scikit-learn, an article joins the most similar
story centroid at cosine ≥ 0.25, else starts a story, in input order), the
grouping storybrief had before (dense average linkage at ≥ 0.1), and
wordllama vectors with average linkage.

``--drift`` measures how grouping drifts with the size of the pile (twelfth
session): each half (``--tune``: the tune halves) is grouped alone and inside
its whole pile (the pooled pages, their 40-word leads, ECB+; stories-dev's
1,000-article draw inside the whole half), and scored over the half's
articles both ways: B³ of the predicted stories as they are, and restricted
to the half's articles (the decisions among them); with the pairs of the
half's articles that only the bigger pile joins or parts, right and wrong.

``--scale N ...`` groups a synthetic pile of N articles made from stories-dev
(see ``synthetic``) in a fresh process and prints its speed and the
process's peak memory (RSS, the pile itself included); then the single-pass
TF-IDF baseline on the same piles, the same way (each method's imports inside
its timing).

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
import dataclasses
import hashlib
import json
import math
import os
import random
import re
import subprocess
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from analysis import DATA

from storybrief.cluster import group, stories
from storybrief.ingest import parse_jsonl
from storybrief.models import Article
from storybrief.nlp.embeddings import embed
from storybrief.nlp.english import STOPWORDS
from storybrief.nlp.overlap import words
from storybrief.pipeline import prepare
from storybrief.render import render
from storybrief.runners import brief_stories
from storybrief.settings import GRAINS, ClusterSettings

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

Method = Callable[[list[Article]], list[list[Article]]]
Pile = tuple[list[Article], dict[str, str]]

SPLIT_SEED = 12  # shuffles stories-dev's gold stories into the tune and the report half
DRAW_SEED = 0  # draws whole stories into a pile, and shuffles the pile


def pile(path: Path, lead: int | None = None) -> Pile:
    """Every article of every cluster of a dataset, cleaned together, and its true cluster;
    with ``lead``, each article cut to its first ``lead`` words (a feed's leads)."""
    articles, truth = [], {}
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        cluster = str(row.get("id", row.get("cluster_id")))
        for i, doc in enumerate(row["docs"]):
            article_id = f"{cluster}:{i}"
            text = doc if lead is None else " ".join(doc.split()[:lead]) + "."
            articles.append(Article(id=article_id, source=article_id, raw=text))
            truth[article_id] = cluster
    return prepare(articles), truth


def ecb_pile(path: Path) -> Pile:
    """Every ECB+ dev article, one a line-broken text, and its sub-topic."""
    articles, truth = [], {}
    for story in json.loads(path.read_text(encoding="utf-8"))["subtopics"]:
        for doc in story["docs"]:
            text = "\n".join(sentence for _, sentence in doc["sentences"])
            articles.append(Article(id=doc["doc"], source=doc["doc"], raw=text))
            truth[doc["doc"]] = story["id"]
    return prepare(articles), truth


def pooled_half(piles: list[Pile], tune: bool) -> Pile:
    """The clusters of ``piles`` whose id hashes to the tune half (even first byte of its
    BLAKE2b digest), or those of the report half, pooled."""
    articles, truth = [], {}
    for found, clusters in piles:
        for article in found:
            cluster = clusters[article.id]
            if _even(cluster) == tune:
                articles.append(article)
                truth[article.id] = cluster
    return articles, truth


def ecb_half(found: Pile, tune: bool) -> Pile:
    """The ECB+ stories whose topic (the number their id starts with: a topic's two
    look-alike events stay together) hashes to the tune half, or those of the report half."""
    articles, stories = found
    kept = [a for a in articles if _even(re.sub(r"\D.*", "", stories[a.id])) == tune]
    return kept, {a.id: stories[a.id] for a in kept}


def _even(name: str) -> bool:
    """Whether ``name``'s BLAKE2b digest starts with an even byte: the tune half."""
    return hashlib.blake2b(name.encode(), digest_size=4).digest()[0] % 2 == 0


def halves(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """stories-dev's lines split by gold story: (tune half, report half)."""
    stories = sorted({row["story"] for row in rows})
    random.Random(SPLIT_SEED).shuffle(stories)
    tune = set(stories[: len(stories) // 2])
    return [r for r in rows if r["story"] in tune], [r for r in rows if r["story"] not in tune]


def draw(rows: list[dict], size: int | None) -> list[dict]:
    """Whole gold stories taken at random until ``size`` articles (all for None), shuffled."""
    by_story: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_story[row["story"]].append(row)
    stories = sorted(by_story)
    random.Random(DRAW_SEED).shuffle(stories)
    drawn: list[dict] = []
    for story in stories:
        if size is not None and len(drawn) >= size:
            break
        drawn.extend(by_story[story])
    random.Random(DRAW_SEED).shuffle(drawn)
    return drawn


def sample(rows: list[dict], size: int, seed: int = DRAW_SEED) -> list[dict]:
    """``size`` lines drawn at random whatever their story, as a window of a feed is: most of
    its stories come with one or two of their articles (``draw`` takes whole stories)."""
    return random.Random(seed).sample(rows, min(size, len(rows)))


def mixed(rows: list[dict], by_story: int, by_article: int, seed: int = DRAW_SEED) -> list[dict]:
    """A feed's window with a few whole stories in it: ``by_story`` articles drawn as whole
    stories (``draw``), then ``by_article`` drawn one by one from the other stories (as
    ``sample`` draws, by ``seed``: ``bench/train_pair_judge.py``'s tune pile draws by 1)."""
    whole = draw(rows, by_story)
    taken = {row["story"] for row in whole}
    return whole + sample([r for r in rows if r["story"] not in taken], by_article, seed)


def stories_pile(rows: list[dict]) -> Pile:
    """stories-dev lines read as a JSONL pile is read (the gold ``story`` unseen), and the truth."""
    text = "\n".join(json.dumps({k: v for k, v in r.items() if k != "story"}) for r in rows)
    articles = prepare(list(parse_jsonl(text, Path("pile.jsonl"))))
    return articles, {row["id"]: row["story"] for row in rows}


def synthetic(rows: list[dict], size: int) -> list[dict]:
    """A pile of ``size`` articles made from stories-dev, for speed and memory only.

    Copy k of the file renames every capitalised word by appending k (so each
    copy's stories are new stories about new people and places, while the
    common words are shared by all) and drops a tenth of each text's words at
    random (seeded); copies are added until ``size`` lines, then shuffled.
    """
    chance = random.Random(DRAW_SEED)
    made: list[dict] = []
    for copy in range(math.ceil(size / len(rows))):
        for row in rows[: size - len(made)]:
            fields = {}
            for name in ("title", "text"):
                kept = [w for w in row[name].split() if chance.random() >= 0.1]
                fields[name] = re.sub(r"\b([A-Z]\w+)", rf"\g<1>{copy}", " ".join(kept))
            made.append(
                {**row, **fields, "id": f"{row['id']}-{copy}", "story": f"{copy}:{row['story']}"}
            )
    chance.shuffle(made)
    return made


def bcubed(
    stories: list[list[Article]], truth: dict[str, str], over: set[str] | None = None
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over every gold article (or those ``over``); one not
    grouped is alone."""
    predicted: dict[str, object] = {a.id: i for i, story in enumerate(stories) for a in story}
    for article_id in truth:
        predicted.setdefault(article_id, ("alone", article_id))
    members: dict[object, set[str]] = defaultdict(set)
    for article_id, story in predicted.items():
        members["p", story].add(article_id)
        members["t", truth[article_id]].add(article_id)
    scored = predicted if over is None else over
    precision = recall = 0.0
    for article_id in scored:
        mine, true = members["p", predicted[article_id]], members["t", truth[article_id]]
        precision += len(mine & true) / len(mine)
        recall += len(mine & true) / len(true)
    precision, recall = precision / len(scored), recall / len(scored)
    return precision, recall, 2 * precision * recall / (precision + recall)


def single_pass(articles: list[Article]) -> list[list[Article]]:
    """The stories-dev README's baseline: single-pass TF-IDF clustering, centroid cosine ≥ 0.25.

    Headline and text of every article as read (a skipped one too), scikit-learn's
    ``TfidfVectorizer`` (sublinear tf, English stop words), in input order.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [f"{a.title or ''} {a.raw}" for a in articles]
    rows = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    columns = rows.T.tocsr()  # an article's dot product with every earlier one, row by row
    label = np.zeros(len(articles), dtype=np.int64)
    squared: list[float] = []  # squared norm of each story's sum of rows
    for i in range(len(articles)):
        dots = (rows[i] @ columns).toarray().ravel()[:i]
        with_story = np.bincount(label[:i], weights=dots, minlength=len(squared))
        cosine = with_story / np.sqrt(np.maximum(squared, 1e-12)) if squared else with_story
        best = int(np.argmax(cosine)) if len(cosine) else -1
        if best < 0 or cosine[best] < 0.25:
            best = len(squared)
            squared.append(0.0)
            with_story = np.append(with_story, 0.0)
        label[i] = best
        squared[best] += 2 * with_story[best] + rows[i].multiply(rows[i]).sum()
    stories: dict[int, list[Article]] = defaultdict(list)
    for article, story in zip(articles, label.tolist(), strict=True):
        stories[story].append(article)
    return list(stories.values())


def average_linkage(
    articles: list[Article], similarity: np.ndarray, threshold: float
) -> list[list[Article]]:
    """``articles`` grouped while their groups' mean pairwise ``similarity`` is ≥ ``threshold``."""
    from scipy.cluster.hierarchy import fcluster, linkage

    distance = np.clip(1.0 - similarity[np.triu_indices(len(articles), k=1)], 0.0, None)
    labels = fcluster(linkage(distance, method="average"), t=1.0 - threshold, criterion="distance")
    stories: dict[int, list[Article]] = defaultdict(list)
    for label, article in zip(labels, articles, strict=True):
        stories[int(label)].append(article)
    return list(stories.values())


_NAME = re.compile(r"\b[A-Z][a-z]+(?:['’-][A-Za-z]+)*")


def _previous_terms(article: Article) -> dict[str, float]:
    """The previous grouping's term weights: headline and 300 words, sublinear, names ×1.5."""
    text = " ".join([article.title or "", *article.body.split()[:300]])
    names = {w.casefold() for w in _NAME.findall(text)}
    counts = Counter(
        w for w in words(text) if len(w) > 2 and w not in STOPWORDS and not w.isdigit()
    )
    return {w: (1 + math.log(n)) * (1.5 if w in names else 1.0) for w, n in counts.items()}


def _previous_rows(articles: list[Article]) -> csr_matrix:
    """The previous grouping's unit TF-IDF rows (smoothed IDF from the pile)."""
    from scipy.sparse import csr_matrix

    terms = [_previous_terms(a) for a in articles]
    vocabulary = {w: i for i, w in enumerate(sorted({w for t in terms for w in t}))}
    entries = [(i, vocabulary[w], v) for i, weights in enumerate(terms) for w, v in weights.items()]
    rows, columns, values = zip(*entries, strict=True) if entries else ((), (), ())
    matrix = csr_matrix((values, (rows, columns)), shape=(len(articles), len(vocabulary)))
    frequency = np.bincount(matrix.indices, minlength=len(vocabulary))
    matrix.data *= (np.log((1 + len(articles)) / (1 + frequency)) + 1.0)[matrix.indices]
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1))).ravel()
    return csr_matrix(matrix.multiply(1.0 / np.maximum(norms, 1e-12)[:, None]))


def previous(articles: list[Article]) -> list[list[Article]]:
    """storybrief's grouping before this benchmark's: dense n×n, average linkage ≥ 0.1."""
    usable = [a for a in articles if a.ok]
    rows = _previous_rows(usable)
    return average_linkage(usable, (rows @ rows.T).toarray(), 0.1)


def lead_embeddings(articles: list[Article]) -> list[list[Article]]:
    """Baseline: wordllama vectors of headline and first three sentences, average linkage."""
    usable = [a for a in articles if a.ok]
    vectors = embed([" ".join([a.title or "", *(s.text for s in a.sentences[:3])]) for a in usable])
    # 0.4: this baseline's best on the Multi-News pile of 0.1-0.5 (DUC's best, 0.3, gives 0.84).
    return average_linkage(usable, vectors @ vectors.T, 0.4)


def storybrief(articles: list[Article]) -> list[list[Article]]:
    """What ``storybrief stories`` does: near-exact copies set aside, the rest grouped."""
    return stories(articles)[0]


TOPIC = ClusterSettings(grain="topic")


def by_topic(articles: list[Article]) -> list[list[Article]]:
    """What ``storybrief stories --grain topic`` does: a story is a storyline over days."""
    return stories(articles, TOPIC)[0]


# This session's start (447b5fa): a word's IDF against the pile's own size.
START = dataclasses.replace(ClusterSettings(), idf_reference=None)


def at_start(articles: list[Article]) -> list[list[Article]]:
    """``storybrief`` with the settings of this session's start, for a row of the same run."""
    return stories(articles, START)[0]


METHODS: dict[str, Method] = {
    "storybrief (copies first, then candidates, average linkage against densities)": storybrief,
    "storybrief --grain topic (no weekday or window rule, its own bar)": by_topic,
    "storybrief without the copies step (cluster.group alone)": group,
    "storybrief at the start (447b5fa: IDF against the pile's own size)": at_start,
    "single-pass TF-IDF ≥ 0.25 (README baseline)": single_pass,
    "storybrief before (dense TF-IDF, average linkage ≥ 0.1)": previous,
    "wordllama of headline + 3 sentences, average linkage ≥ 0.4": lead_embeddings,
    "every article its own story": lambda articles: [[a] for a in articles],
}
MEASURED = 6  # the first methods' peak memory is measured (the others are baselines of shape)
SCALE_METHODS = ("storybrief", "single-pass")  # the rows of --scale, each size of each


def windowed(days: float) -> Method:
    """``storybrief`` with a window of ``days`` (``ClusterSettings.window_days``), for a row."""
    settings = ClusterSettings(window_days=days)
    return lambda articles: stories(articles, settings)[0]


def measure(method: Method, articles: list[Article], memory: bool) -> tuple[list, float, float]:
    """The method's stories, its seconds, and (if ``memory``) its peak allocation in MB."""
    start = time.perf_counter()
    stories = method(articles)
    seconds = time.perf_counter() - start
    peak = math.nan
    if memory:
        tracemalloc.start()
        method(articles)
        peak = tracemalloc.get_traced_memory()[1] / 1e6
        tracemalloc.stop()
    return stories, seconds, peak


def table(name: str, articles: list[Article], truth: dict[str, str]) -> None:
    """One pile's rows: every method, in the same run."""
    print(
        f"\n{name}: {len(articles)} articles ({sum(not a.ok for a in articles)} skipped"
        f" when read), {len(set(truth.values()))} true stories\n"
    )
    print("| method | stories | B³ P | B³ R | B³ F1 | articles/s | peak MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for rank, (method_name, method) in enumerate(METHODS.items()):
        stories, seconds, peak = measure(method, articles, rank < MEASURED)
        p, r, f = bcubed(stories, truth)
        speed = f"{len(articles) / seconds:,.0f}" if seconds > 1e-3 else "–"
        memory = "–" if math.isnan(peak) else f"{peak:,.0f}"
        print(
            f"| {method_name} | {len(stories)} | {p:.3f} | {r:.3f} | {f:.3f} | {speed} | {memory} |"
        )


def restricted(
    stories: list[list[Article]], truth: dict[str, str], kept: set[str]
) -> tuple[float, float, float]:
    """B³ over the articles ``kept``, each predicted story cut to its articles in ``kept``."""
    cut = [[a for a in story if a.id in kept] for story in stories]
    return bcubed([story for story in cut if story], {a: truth[a] for a in kept})


def _together(stories: list[list[Article]], kept: set[str]) -> set[tuple[str, str]]:
    """The pairs of articles of ``kept`` that ``stories`` put in one story."""
    joined = set()
    for story in stories:
        ids = sorted(a.id for a in story if a.id in kept)
        joined.update((a, b) for n, a in enumerate(ids) for b in ids[n + 1 :])
    return joined


def drift(name: str, whole: Pile, part: Pile, method: Method = storybrief) -> None:
    """``part`` grouped alone and inside ``whole``, scored over ``part``'s articles (rows)."""
    (articles, truth), kept = whole, {a.id for a in part[0]}
    alone, inside = method(part[0]), method(articles)
    rows = {
        "alone": bcubed(alone, part[1]),
        "inside, as predicted": bcubed(inside, truth, kept),
        "inside, restricted to the part": restricted(inside, truth, kept),
    }
    for label, (p, r, f) in rows.items():
        print(f"| {name} | {label} | {p:.3f} | {r:.3f} | {f:.3f} |")
    before, after = _together(alone, kept), _together(inside, kept)
    right = {pair for pair in before | after if truth[pair[0]] == truth[pair[1]]}
    print(
        f"| {name} | pairs of the part only the whole pile joins: {len(after - before)}"
        f" ({len((after - before) & right)} right); parts: {len(before - after)}"
        f" ({len((before - after) - right)} right) | | | |"
    )


def drift_tables(args: argparse.Namespace) -> None:
    """The ``--drift`` table: each half grouped alone and inside its whole pile."""
    half = "tune" if args.tune else "report"
    multinews, duc, ecb = pile(args.multinews), pile(args.duc), ecb_pile(args.ecb)
    leads = [pile(args.multinews, 40), pile(args.duc, 40)]
    rows = [json.loads(line) for line in args.stories.open(encoding="utf-8")]
    stories_half = halves(rows)[0 if args.tune else 1]
    pairs = {
        f"pooled pages, {half} half in the whole (524)": (
            (multinews[0] + duc[0], {**multinews[1], **duc[1]}),
            pooled_half([multinews, duc], args.tune),
        ),
        f"40-word leads, {half} half in the whole (524)": (
            (leads[0][0] + leads[1][0], {**leads[0][1], **leads[1][1]}),
            pooled_half(leads, args.tune),
        ),
        f"ECB+, {half} half in the whole (772)": (ecb, ecb_half(ecb, args.tune)),
        f"stories-dev {half} half, 1,000 in all": (
            stories_pile(draw(stories_half, None)),
            stories_pile(draw(stories_half, 1000)),
        ),
    }
    embed(["wordllama loaded"])
    print("\n| pile | grouped | B³ P | B³ R | B³ F1 |\n|---|---|---:|---:|---:|")
    for name, (whole, part) in pairs.items():
        drift(name, whole, part)
        drift(f"{name}, at the start", whole, part, at_start)


# The sizes ``--draw-seeds`` draws the half at by article (``sample``): those the pair judge
# is fitted on (``bench/train_pair_judge.py``).
DRAWN = (500, 1000, 2000)


def stories_dev_piles(path: Path, tune: bool, seeds: Iterable[int] = ()) -> dict[str, Pile]:
    """The stories-dev piles: one half at 1,000 articles and in full, and the whole file;
    and the half drawn by article at each of ``DRAWN`` by each of ``seeds``."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    half = halves(rows)[0 if tune else 1]
    name = "tune half (tuned on)" if tune else "report half (not tuned on)"
    piles = {
        f"stories-dev {name}, 1,000": stories_pile(draw(half, 1000)),
        f"stories-dev {name}, all": stories_pile(draw(half, None)),
        f"stories-dev {name}, 1,000 drawn by article": stories_pile(sample(half, 1000)),
        f"stories-dev {name}, 2,000 drawn by article": stories_pile(sample(half, 2000)),
        f"stories-dev {name}, 300 by whole story + 700 by article": stories_pile(
            mixed(half, 300, 700)
        ),
        "stories-dev, whole file (half of it tuned on)": stories_pile(draw(rows, None)),
    }
    drawn = {
        f"stories-dev {name}, {size:,} drawn by article, seed {seed}": stories_pile(
            sample(half, size, seed)
        )
        for size in DRAWN
        for seed in seeds
    }
    return piles | drawn


def _memory_mb(field: str) -> float:
    """This process's ``VmRSS`` (now) or ``VmHWM`` (peak) from /proc, in MB.

    Not ``getrusage``: its peak survives into a child started by a bigger process.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1e3
    return math.nan


def scale(path: Path, size: int, grain: str, method: str) -> None:
    """Group a synthetic pile of ``size`` articles here with ``method`` (storybrief at
    ``grain``, or single-pass); print its speed and this process's memory.

    Its B³ means little (copies of one story share their common words), so it is not printed.
    """
    rows = synthetic([json.loads(line) for line in path.open(encoding="utf-8")], size)
    articles = stories_pile(rows)[0]
    before = _memory_mb("VmRSS")
    start = time.perf_counter()
    if method == "single-pass":
        grouped = single_pass(articles)
    else:
        grouped = stories(articles, ClusterSettings(grain=grain))[0]
    seconds = time.perf_counter() - start
    peak = _memory_mb("VmHWM")
    print(
        f"| {method} | {size:,} | {len(grouped):,} | {seconds:,.1f} | {size / seconds:,.0f}"
        f" | {before:,.0f} | {peak:,.0f} |",
        flush=True,
    )


def scale_rows(args: argparse.Namespace) -> None:
    """The synthetic piles' table: storybrief, then single-pass, each row a fresh process."""
    print(
        f"\nSynthetic piles (`synthetic`), storybrief at the {args.grain} grain and the"
        " single-pass TF-IDF baseline, each row in a fresh process:\n"
    )
    print("| method | articles | stories | seconds | articles/s | RSS before MB | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    command = [sys.executable, __file__, "--stories", str(args.stories), "--grain", args.grain]
    for method in SCALE_METHODS:
        for size in args.scale:
            subprocess.run(
                [*command, "--scale-method", method, "--only-scale", str(size)], check=True
            )


def _piles(args: argparse.Namespace) -> dict[str, Pile]:
    """The labelled piles the options ask for, by the name their table is printed under."""
    multinews, duc, ecb = pile(args.multinews), pile(args.duc), ecb_pile(args.ecb)
    half = "tune half (tuned on)" if args.tune else "report half (not tuned on)"
    piles = {
        **stories_dev_piles(args.stories, args.tune, args.draw_seeds),
        "Multi-News dev": multinews,
        "DUC 2004 dev": duc,
        "Multi-News and DUC pooled (half tuned on)": (
            multinews[0] + duc[0],
            {**multinews[1], **duc[1]},
        ),
        f"Multi-News and DUC pooled, {half}": pooled_half([multinews, duc], args.tune),
        "ECB+ dev (half tuned on)": ecb,
        f"ECB+ dev, {half}": ecb_half(ecb, args.tune),
    }
    for lead in args.leads:  # big stories of short texts, as a feed of leads gives
        cut = [pile(args.multinews, lead), pile(args.duc, lead)]
        piles[f"Multi-News and DUC pooled, leads of {lead} words (half tuned on)"] = (
            cut[0][0] + cut[1][0],
            {**cut[0][1], **cut[1][1]},
        )
        piles[f"Multi-News and DUC pooled, leads of {lead} words, {half}"] = pooled_half(
            cut, args.tune
        )
    return piles


def _arguments() -> argparse.Namespace:
    """The command line's options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("multinews", nargs="?", type=Path, default=DATA / "multinews-dev.jsonl")
    parser.add_argument("duc", nargs="?", type=Path, default=DATA / "duc2004-dev.jsonl")
    parser.add_argument(
        "--stories", type=Path, default=DATA / "stories-dev/allsides-neus-dev.jsonl"
    )
    parser.add_argument("--ecb", type=Path, default=DATA / "ecbplus-dev/ecbplus_dev.json")
    parser.add_argument("--tune", action="store_true", help="stories-dev's tune half instead")
    parser.add_argument("--scale", type=int, nargs="*", help="synthetic pile sizes to group")
    parser.add_argument(
        "--briefs", action="store_true", help="also time the briefs of every story, with Dask"
    )
    parser.add_argument(
        "--leads", type=int, nargs="*", default=[], help="also the pooled piles cut to N words"
    )
    parser.add_argument(
        "--grain",
        choices=GRAINS,
        default="event",
        help="the grain the synthetic piles are grouped at",
    )
    parser.add_argument(
        "--window", type=float, nargs="*", default=[], help="also a row for each window in days"
    )
    parser.add_argument(
        "--drift", action="store_true", help="each half grouped alone and in its whole pile"
    )
    parser.add_argument(
        "--draw-seeds",
        type=int,
        nargs="*",
        default=[],
        help="also the stories-dev half drawn by article at 500, 1,000, 2,000 by these seeds",
    )
    parser.add_argument("--only-scale", type=int, help=argparse.SUPPRESS)
    parser.add_argument(
        "--scale-method", choices=SCALE_METHODS, default="storybrief", help=argparse.SUPPRESS
    )
    return parser.parse_args()


def main() -> None:
    args = _arguments()
    if args.only_scale:
        return scale(args.stories, args.only_scale, args.grain, args.scale_method)
    if args.drift:
        return drift_tables(args)
    piles = _piles(args)
    for days in args.window:  # appended: no memory measured for them
        METHODS[f"storybrief, window {days:g} days"] = windowed(days)
    multinews = piles["Multi-News dev"]
    embed(["wordllama loaded before the timings"])
    stories([])  # and datasketch (two seconds of imports), which the copies step uses
    for name, (articles, truth) in piles.items():
        table(name, articles, truth)
    if args.scale:
        scale_rows(args)
    if args.briefs:
        time_briefs(storybrief(multinews[0]))
    return None


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
