"""Body-text extraction on the Zyte (Scrapinghub) article-extraction benchmark pages.

Scores storybrief's ``extract_html`` against trafilatura's and readability's
defaults, all in one run, with the benchmark's own metric (its evaluate.py):
``\\w+`` tokens, case kept; the multiset of 4-token shingles; per page
TP/FP/FN normalised to sum to 1; precision averaged over pages where something
was predicted, recall over pages with a true body, F1 = their harmonic mean.

    .venv/bin/python bench/extraction.py [../shared/data/extraction-dev] [--pages N] [--cv]

``--pages N`` adds the N pages storybrief reads worst, with trafilatura's
default beside them. ``--cv`` chooses the extraction settings by 2-fold
cross-validation (pages in id order, even and odd halves): trafilatura's
options, then readability's length ratio; each half's choice is scored on the
other half, and the two held-out halves are pooled into one F1.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import lxml.html
import trafilatura
from readability import Document as Readability

from storybrief.clean.html import extract_html, readability_paragraphs, text_paragraphs, wider_ratio
from storybrief.ingest import read_file
from storybrief.settings import EXTRACTION, ExtractionSettings

DEFAULT_DATA = Path("../shared/data/extraction-dev")
_TOKEN = re.compile(r"\w+")

Counts = tuple[float, float, float]
Row = tuple[str, float, float, float, float]
Pages = dict[str, Counts]
Choice = TypeVar("Choice")
# The trafilatura options --cv chooses among (comments are left out in each).
OPTION_SETS = {
    "favor_precision": EXTRACTION,
    "neither": replace(EXTRACTION, favor_precision=False),
    "favor_recall": replace(EXTRACTION, favor_precision=False, favor_recall=True),
}
# The readability ratios --cv chooses among; of equally good ones, the median.
RATIO_GRID = [round(1 + 0.05 * n, 2) for n in range(61)]


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Token n-grams; a text shorter than ``n`` tokens is one short shingle, as upstream."""
    tokens = _TOKEN.findall(text)
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def page_counts(true: str, pred: str) -> Counts:
    """TP, FP, FN over shingles, normalised so that long pages weigh no more than short."""
    truth, guess = shingles(true), shingles(pred)
    tp = sum((truth & guess).values())
    fp = sum((guess - truth).values())
    fn = sum((truth - guess).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(hit: float, miss: float, other: float) -> float:
    if miss == other == 0:
        return 1.0
    if hit == miss == 0:
        return 0.0
    return hit / (hit + miss)


def scores(counts: list[Counts]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pages, as the benchmark averages them."""
    precision = statistics.mean(_ratio(tp, fp, fn) for tp, fp, fn in counts if tp + fp > 0)
    recall = statistics.mean(_ratio(tp, fn, fp) for tp, fp, fn in counts if tp + fn > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def storybrief_body(path: Path, settings: ExtractionSettings = EXTRACTION) -> str:
    """The body storybrief gets from a page, read the way the pipeline reads it."""
    return extract_html(read_file(path)[0], settings).body


def trafilatura_body(path: Path) -> str:
    return trafilatura.extract(read_file(path)[0].raw) or ""


def readability_body(path: Path) -> str:
    summary = Readability(read_file(path)[0].raw).summary()
    return " ".join(lxml.html.fromstring(summary).itertext())


EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "storybrief": storybrief_body,
    "trafilatura (default)": trafilatura_body,
    "readability-lxml": readability_body,
}


def page_file(data: Path, page_id: str) -> Path:
    return data / "html" / f"{page_id}.html.gz"


def run(data: Path, truth: dict[str, dict[str, str]]) -> tuple[list[Row], dict[str, Pages]]:
    """Rows of (name, precision, recall, F1, median ms per page), and each page's counts."""
    rows, pages = [], {}
    for name, extract in EXTRACTORS.items():
        counts, millis = {}, []
        for page_id in sorted(truth):
            started = time.perf_counter()
            # Reading and decoding is timed too: it is part of every extractor's path.
            body = extract(page_file(data, page_id))
            millis.append(1000 * (time.perf_counter() - started))
            counts[page_id] = page_counts(truth[page_id].get("articleBody", ""), body)
        rows.append((name, *scores(list(counts.values())), statistics.median(millis)))
        pages[name] = counts
    return rows, pages


def page_f1(counts: Counts) -> tuple[float, float, float]:
    """One page's precision, recall and F1."""
    tp, fp, fn = counts
    precision, recall = _ratio(tp, fp, fn), _ratio(tp, fn, fp)
    total = precision + recall
    return precision, recall, 2 * precision * recall / total if total else 0.0


def worst_pages(
    data: Path, truth: dict[str, dict[str, str]], pages: dict[str, Pages], n: int
) -> str:
    """The ``n`` pages storybrief reads worst: its P / R / F1, trafilatura's F1, lines removed."""
    ours, theirs = pages["storybrief"], pages["trafilatura (default)"]
    lines = [
        "| page | site | P | R | F1 | trafilatura F1 | lines in `removed` |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for page_id in sorted(ours, key=lambda p: (page_f1(ours[p])[2], p))[:n]:
        p, r, f = page_f1(ours[page_id])
        removed = len(extract_html(read_file(page_file(data, page_id))[0]).removed)
        site = truth[page_id].get("url", "").split("/")[2:3] or ["?"]
        lines.append(
            f"| {page_id[:8]} | {site[0]} | {p:.3f} | {r:.3f} | {f:.3f} "
            f"| {page_f1(theirs[page_id])[2]:.3f} | {removed} |"
        )
    return "\n".join(lines)


def table(rows: list[Row], pages: int) -> str:
    lines = [
        f"| extractor ({pages} pages) | precision | recall | F1 | median ms/page |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {n} | {p:.3f} | {r:.3f} | {f:.3f} | {ms:.0f} |" for n, p, r, f, ms in rows]
    return "\n".join(lines)


def halves(page_ids: Sequence[str]) -> list[list[str]]:
    """The two folds: pages in id order, alternately."""
    ordered = sorted(page_ids)
    return [ordered[0::2], ordered[1::2]]


def out_of_fold(
    choices: Sequence[Choice], pages_of: Callable[[Choice], Pages], folds: list[list[str]]
) -> tuple[list[Choice], float]:
    """Each fold's best choice on the other fold's pages (ties: the median), and the pooled F1."""
    picked, held_out = [], []
    for n, fold in enumerate(folds):
        train = folds[1 - n]
        f1s = [scores([pages_of(c)[p] for p in train])[2] for c in choices]
        tied = [c for c, f in zip(choices, f1s, strict=True) if round(f, 4) == round(max(f1s), 4)]
        choice = tied[(len(tied) - 1) // 2]
        picked.append(choice)
        held_out += [pages_of(choice)[p] for p in fold]
    return picked, scores(held_out)[2]


def settings_pages(
    data: Path, truth: dict[str, dict[str, str]], settings: ExtractionSettings
) -> Pages:
    return {
        p: page_counts(
            truth[p].get("articleBody", ""), storybrief_body(page_file(data, p), settings)
        )
        for p in sorted(truth)
    }


def cv_options(data: Path, truth: dict[str, dict[str, str]]) -> list[str]:
    """trafilatura's options chosen on one half, scored on the other."""
    folds = halves(list(truth))
    pages = {name: settings_pages(data, truth, s) for name, s in OPTION_SETS.items()}
    lines = [
        "| options | F1 even half | F1 odd half | F1 all (in-sample) |",
        "|---|---:|---:|---:|",
    ]
    for name, counts in pages.items():
        f1s = [scores([counts[p] for p in fold])[2] for fold in (*folds, sorted(truth))]
        lines.append(f"| {name} | " + " | ".join(f"{f:.4f}" for f in f1s) + " |")
    picked, pooled = out_of_fold(list(pages), pages.__getitem__, folds)
    lines.append(f"\neven half scored with {picked[0]} (chosen on odd), odd with {picked[1]}:")
    lines.append(f"pooled held-out F1 {pooled:.4f}")
    return lines


def page_ratio(path: Path, settings: ExtractionSettings) -> float:
    """readability's length over trafilatura's on a page, as ``clean.html`` compares them."""
    raw = read_file(path)[0].raw
    doc = trafilatura.bare_extraction(raw, with_metadata=True, **settings.trafilatura_options())
    paragraphs = text_paragraphs(doc.text if doc else None)
    return wider_ratio(readability_paragraphs(raw), paragraphs, settings.wider_coverage)


def cv_ratio(data: Path, truth: dict[str, dict[str, str]]) -> list[str]:
    """readability's ratio chosen on one half, scored on the other (coverage kept)."""
    never = settings_pages(data, truth, replace(EXTRACTION, wider_ratio=float("inf")))
    always = settings_pages(data, truth, replace(EXTRACTION, wider_ratio=1e-9))
    ratio = {p: page_ratio(page_file(data, p), EXTRACTION) for p in sorted(truth)}

    def pages_at(threshold: float) -> Pages:
        return {p: always[p] if ratio[p] >= threshold else never[p] for p in never}

    picked, pooled = out_of_fold(RATIO_GRID, pages_at, halves(list(truth)))
    fires = sorted(f"{r:.2f}" for r in ratio.values() if r >= min(picked))
    return [
        f"readability ratio: even half scored at {picked[0]} (chosen on odd), odd at {picked[1]};",
        f"pooled held-out F1 {pooled:.4f}; never {scores(list(never.values()))[2]:.4f};"
        f" pages at or above the lower choice: ratios {', '.join(fires)}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--pages", type=int, default=0, help="list the N worst pages")
    parser.add_argument("--cv", action="store_true", help="choose the settings by 2-fold CV")
    args = parser.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    rows, pages = run(args.data, truth)
    print(table(rows, len(truth)))
    if args.pages:
        print("\n" + worst_pages(args.data, truth, pages, args.pages))
    if args.cv:
        print("\n" + "\n".join(cv_options(args.data, truth) + cv_ratio(args.data, truth)))


if __name__ == "__main__":
    main()
