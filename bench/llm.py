"""Benchmark the optional language-model brief (``--llm``): faithfulness, quality, cost.

    python bench/llm.py run --data ../shared/data --multinews 50 --duc 5 --out /tmp/llm.jsonl
    python bench/llm.py table /tmp/llm.jsonl

``run`` briefs the seed story, the ``gold-dev`` stories and further Multi-News
and DUC 2004 dev clusters, each twice in the same run: the extractive brief
(the baseline) and the same brief rewritten by the model. One line a story is
written to ``--out`` as it is done (dataset text stays outside the repository),
so a run cut short still has its table. ``table`` prints:

* faithfulness: the share of the model's sentences kept as written after
  verification, replaced by the extracted sentence they paraphrase, dropped;
  and the stories that fell back to the extractive summary;
* quality: ROUGE of each brief against the datasets' references (Multi-News:
  F1 of the first 250 words against its summary; DUC: recall of the first 100
  words, mean over its four references), the extractive brief in the same run;
* cost: seconds per story of the extractive brief and of the model's step,
  and the process's peak memory before and after the model is loaded.

The model runs on one thread (``LLMSettings.threads``): the machine is shared.
Nothing in ``LLMSettings`` was tuned on these clusters.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer
from summaries import cut, sentences_of

from storybrief.llm import LLMSpec, rewritten
from storybrief.models import Article, Brief
from storybrief.pipeline import brief_of, prepare
from storybrief.settings import DEFAULT

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
WORDS = {"seed": 120, "multinews": 250, "duc": 100}

Story = tuple[str, str, list[Article], dict[str, Any]]  # dataset, id, articles, references


def _cluster(dataset: str, cid: str, docs: list[str]) -> list[Article]:
    return [Article(id=f"d{n}", source=f"{dataset}#{cid}", raw=t) for n, t in enumerate(docs)]


def stories(data: Path, multinews: int, duc: int) -> Iterator[tuple[str, Story]]:
    """(set, story): the seed, the gold-dev stories, then more Multi-News and DUC clusters."""
    seeds = sorted((data / "seeds").glob("*.txt"))
    yield (
        "seed",
        ("seed", "seed", [Article(id=p.stem, source=str(p), raw=p.read_text()) for p in seeds], {}),
    )
    mn = [json.loads(line) for line in (data / "multinews-dev.jsonl").open(encoding="utf-8")]
    dc = [json.loads(line) for line in (data / "duc2004-dev.jsonl").open(encoding="utf-8")]
    gold = sorted(p.stem for p in (data / "gold-dev").glob("*.json"))
    rows = [("multinews", r["id"], r["docs"], {"summary": r["summary"]}) for r in mn]
    rows += [("duc", r["cluster_id"], r["docs"], r["references"]) for r in dc]
    golden = [r for r in rows if any(r[1].startswith(g) for g in gold)]
    for dataset, cid, docs, refs in golden:
        yield "gold-dev", (dataset, cid, _cluster(dataset, cid, docs), refs)
    left = {"multinews": multinews - sum(r[0] == "multinews" for r in golden), "duc": duc}
    for dataset, cid, docs, refs in rows:
        if (dataset, cid, docs, refs) not in golden and left[dataset] > 0:
            left[dataset] -= 1
            yield dataset, (dataset, cid, _cluster(dataset, cid, docs), refs)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _text(brief: Brief) -> str:
    return "\n".join(s.text for s in brief.summary)


def one(group: str, story: Story, spec: LLMSpec) -> dict[str, Any]:
    """Both briefs of a story, their timings and what the verification kept."""
    dataset, cid, articles, refs = story
    words = WORDS[dataset]
    start = time.perf_counter()
    extractive = brief_of(prepare(articles), words=words)
    middle, before = time.perf_counter(), _peak_mb()
    prose, checked = rewritten(extractive, spec, DEFAULT.llm, words=words)
    end = time.perf_counter()
    warnings = [w.message for w in prose.warnings if w.stage == "llm"]
    texts = {s.id: s.text for a in extractive.articles for s in a.sentences}
    return {
        "set": group,
        "dataset": dataset,
        "id": cid,
        "words": words,
        "extractive": _text(extractive),
        "llm": _text(prose),
        "fell_back": checked is None,
        # Sentences written; kept as written, replaced by an extracted one, left out, unused.
        "counts": [0, 0, 0, 0, 0]
        if checked is None
        else [
            checked.written,
            sum(s.verified is True for s in prose.summary),
            sum(s.verified is False for s in prose.summary),
            checked.dropped,
            checked.unused,
        ],
        "warnings": warnings,
        "sentences": [
            {
                "text": s.text,
                "verified": s.verified,
                "evidence": [texts.get(i, i) for i in s.evidence],
            }
            for s in prose.summary
        ],
        "seconds_extractive": middle - start,
        "seconds_llm": end - middle,
        "peak_mb_before": before,
        "peak_mb_after": _peak_mb(),
        "references": refs,
    }


def run(args: argparse.Namespace) -> None:
    spec = LLMSpec(model=args.model)
    with args.out.open("w", encoding="utf-8") as out:
        for group, story in stories(args.data, args.multinews, args.duc):
            row = one(group, story, spec)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
            print(f"{group} {row['id']}: {row['seconds_llm']:.0f} s, {row['warnings']}", flush=True)
    print("\n".join(table(args.out)))


def _faithfulness(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| stories | fell back | sentences | kept as written | replaced | dropped | unused |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in ("seed", "gold-dev", "multinews", "duc", "all"):
        part = [r for r in rows if name in ("all", r["set"])]
        if not part:
            continue
        written, *counts = (sum(c) for c in zip(*(r["counts"] for r in part), strict=True))
        shares = " | ".join(f"{n} ({100 * n / max(written, 1):.0f}%)" for n in counts)
        fell = sum(r["fell_back"] for r in part)
        lines.append(f"| {name} ({len(part)}) | {fell} | {written} | {shares} |")
    return lines


def _rouge(rows: list[dict[str, Any]]) -> list[str]:
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    lines = ["| data | brief | R-1 | R-2 | R-Lsum |", "|---|---|---:|---:|---:|"]
    for dataset, measure in (("multinews", "F1"), ("duc", "recall")):
        part = [r for r in rows if r["dataset"] == dataset]
        for brief in ("extractive", "llm"):
            scores = {"rouge1": [], "rouge2": [], "rougeLsum": []}
            for row in part:
                summary = cut(row[brief], row["words"])
                per_ref = [
                    scorer.score("\n".join(sentences_of(ref)), summary)
                    for ref in row["references"].values()
                ]
                for key, values in scores.items():
                    got = [
                        getattr(s[key], "fmeasure" if measure == "F1" else "recall")
                        for s in per_ref
                    ]
                    values.append(statistics.mean(got))
            if part:
                means = " | ".join(f"{100 * statistics.mean(v):.2f}" for v in scores.values())
                lines.append(f"| {dataset} ({len(part)}, {measure}) | {brief} | {means} |")
    return lines


def table(path: Path) -> list[str]:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    seconds = [r["seconds_llm"] for r in rows]
    base = [r["seconds_extractive"] for r in rows]
    return [
        f"{len(rows)} stories: "
        + ", ".join(
            f"{s} {sum(r['set'] == s for r in rows)}"
            for s in ("seed", "gold-dev", "multinews", "duc")
        ),
        "",
        *_faithfulness(rows),
        "",
        *_rouge(rows),
        "",
        f"seconds per story: extractive brief median {statistics.median(base):.1f};"
        f" the model's step median {statistics.median(seconds):.1f} (max {max(seconds):.0f});"
        f" ratio {statistics.median(seconds) / statistics.median(base):.0f}x",
        f"peak memory: {rows[0]['peak_mb_before']:.0f} MB before the model,"
        f" {max(r['peak_mb_after'] for r in rows):.0f} MB with it",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    go = commands.add_parser("run")
    go.add_argument("--data", type=Path, default=DATA)
    go.add_argument(
        "--multinews", type=int, default=50, help="Multi-News clusters, gold-dev's included"
    )
    go.add_argument("--duc", type=int, default=3, help="DUC clusters besides gold-dev's two")
    go.add_argument("--model", help="a GGUF file; the packaged Qwen2.5-Coder-1.5B by default")
    go.add_argument("--out", type=Path, required=True)
    show = commands.add_parser("table")
    show.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "run":
        run(args)
    else:
        print("\n".join(table(args.out)))


if __name__ == "__main__":
    main()
