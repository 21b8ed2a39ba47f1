"""Body-text extraction on the Zyte (Scrapinghub) article-extraction benchmark pages.

Scores storybrief's ``extract_html`` against trafilatura's and readability's
defaults, all in one run, with the benchmark's own metric (its evaluate.py):
``\\w+`` tokens, case kept; the multiset of 4-token shingles; per page
TP/FP/FN normalised to sum to 1; precision averaged over pages where something
was predicted, recall over pages with a true body, F1 = their harmonic mean.

    .venv/bin/python bench/extraction.py [../shared/data/extraction-dev]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.html
import trafilatura
from readability import Document as Readability

from storybrief.clean.html import extract_html
from storybrief.ingest import read_file

DEFAULT_DATA = Path("../shared/data/extraction-dev")
_TOKEN = re.compile(r"\w+")

Counts = tuple[float, float, float]
Row = tuple[str, float, float, float, float]


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


def storybrief_body(path: Path) -> str:
    """The body storybrief gets from a page, read the way the pipeline reads it."""
    return extract_html(read_file(path)[0]).body


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


def run(data: Path, truth: dict[str, dict[str, str]]) -> list[Row]:
    """Rows of (name, precision, recall, F1, median ms per page) for every extractor."""
    rows = []
    for name, extract in EXTRACTORS.items():
        counts, millis = [], []
        for page_id in sorted(truth):
            started = time.perf_counter()
            # Reading and decoding is timed too: it is part of every extractor's path.
            body = extract(data / "html" / f"{page_id}.html.gz")
            millis.append(1000 * (time.perf_counter() - started))
            counts.append(page_counts(truth[page_id].get("articleBody", ""), body))
        rows.append((name, *scores(counts), statistics.median(millis)))
    return rows


def table(rows: list[Row], pages: int) -> str:
    lines = [
        f"| extractor ({pages} pages) | precision | recall | F1 | median ms/page |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [f"| {n} | {p:.3f} | {r:.3f} | {f:.3f} | {ms:.0f} |" for n, p, r, f, ms in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    print(table(run(args.data, truth), len(truth)))


if __name__ == "__main__":
    main()
