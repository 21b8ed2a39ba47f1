"""Benchmark the optional language-model brief (``--llm``): faithfulness, quality, cost.

    python bench/llm.py run --data ../shared/data --multinews 50 --duc 5 --out /tmp/llm.jsonl
    python bench/llm.py table /tmp/llm.jsonl
    # stories no earlier run briefed: leave out those of earlier runs' --out files or lists
    python bench/llm.py run --exclude out/bench-llm-s6.jsonl bench/llm_briefed_s5.txt ...

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
import dataclasses
import json
import resource
import statistics
import time
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from rouge_score import rouge_scorer
from summaries import cut, sentences_of

from storybrief.llm import LLMSpec, rewritten
from storybrief.llm.packaged import QWEN_0_5B, packaged_model
from storybrief.llm.prompt import evidence_of
from storybrief.llm.verify import Checked, verified_summary
from storybrief.models import Article, Brief
from storybrief.pipeline import brief_of, prepare
from storybrief.settings import DEFAULT, LLMSettings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
WORDS = {"seed": 120, "multinews": 250, "duc": 100}
# The stories whose model texts were read while the verification's rules were set: the
# faithfulness reported is that of the others.
TUNED = ("seed", "5021490f86", "cef9105b35")

# The checks ``reverify`` can apply, from the baseline (words) to all of them (unit).
CHECKS = {
    "words": {"roles": False, "unit": False},
    "roles": {"roles": True, "unit": False},
    "unit": {"roles": True, "unit": True},
}

Story = tuple[str, str, list[Article], dict[str, Any]]  # dataset, id, articles, references


def _cluster(dataset: str, cid: str, docs: list[str]) -> list[Article]:
    return [Article(id=f"d{n}", source=f"{dataset}#{cid}", raw=t) for n, t in enumerate(docs)]


Row = tuple[str, str, list[str], dict[str, str]]  # dataset, id, docs, references


def _rows(data: Path) -> list[Row]:
    """(dataset, id, docs, references) of every Multi-News and DUC dev cluster."""
    with (data / "multinews-dev.jsonl").open(encoding="utf-8") as lines:
        rows = [
            ("multinews", r["id"], r["docs"], {"summary": r["summary"]})
            for r in map(json.loads, lines)
        ]
    with (data / "duc2004-dev.jsonl").open(encoding="utf-8") as lines:
        rows += [
            ("duc", r["cluster_id"], r["docs"], r["references"]) for r in map(json.loads, lines)
        ]
    return rows


def _seed(data: Path) -> Story:
    paths = sorted((data / "seeds").glob("*.txt"))
    return "seed", "seed", [Article(id=p.stem, source=str(p), raw=p.read_text()) for p in paths], {}


def _split(data: Path, multinews: int, duc: int) -> tuple[list[Row], list[Row]]:
    """The gold-dev clusters, and the first others up to ``multinews`` and ``duc`` in all."""
    gold = tuple(p.stem for p in sorted((data / "gold-dev").glob("*.json")))
    rows = _rows(data)
    golden = [r for r in rows if r[1].startswith(gold)]
    wanted = Counter({"multinews": multinews - sum(r[0] == "multinews" for r in golden)})
    wanted["duc"] = duc
    chosen = []
    for row in rows:
        if row not in golden and wanted[row[0]] > 0:
            wanted[row[0]] -= 1
            chosen.append(row)
    return golden, chosen


def stories(data: Path, multinews: int, duc: int) -> Iterator[tuple[str, Story]]:
    """(set, story): the seed, the gold-dev stories, then more Multi-News and DUC clusters."""
    yield "seed", _seed(data)
    golden, chosen = _split(data, multinews, duc)
    for dataset, cid, docs, refs in golden:
        yield "gold-dev", (dataset, cid, _cluster(dataset, cid, docs), refs)
    for dataset, cid, docs, refs in chosen:
        yield dataset, (dataset, cid, _cluster(dataset, cid, docs), refs)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _counts(done: Checked) -> list[int]:
    """Sentences written; kept as written, replaced by an extracted one, left out, unused."""
    kept = sum(s.verified is True for s in done.sentences)
    return [done.written, kept, len(done.sentences) - kept, done.dropped, done.unused]


def _outcome(extractive: Brief, checked: Checked | None) -> dict[str, Any]:
    """The prose brief's text, its sentences with their evidence's text, and the counts."""
    done = checked or Checked()
    summary = done.sentences or extractive.summary
    texts = {s.id: s.text for a in extractive.articles for s in a.sentences}
    return {
        "llm": "\n".join(s.text for s in summary),
        "fell_back": not done.sentences,
        "model_text": None if checked is None else checked.text,
        "counts": _counts(done),
        "sentences": [
            {
                "text": s.text,
                "verified": s.verified,
                "evidence": [texts.get(i, i) for i in s.evidence],
            }
            for s in summary
        ],
    }


def one(group: str, story: Story, spec: LLMSpec, settings: LLMSettings) -> dict[str, Any]:
    """Both briefs of a story, their timings and what the verification kept."""
    dataset, cid, articles, refs = story
    words = WORDS[dataset]
    start = time.perf_counter()
    extractive = brief_of(prepare(articles), words=words)
    middle, before = time.perf_counter(), _peak_mb()
    prose, checked = rewritten(extractive, spec, settings, words=words)
    end = time.perf_counter()
    return {
        "set": group,
        "dataset": dataset,
        "id": cid,
        "words": words,
        "extractive": "\n".join(s.text for s in extractive.summary),
        **_outcome(extractive, checked),
        "warnings": [w.message for w in prose.warnings if w.stage == "llm"],
        "seconds_extractive": middle - start,
        "seconds_llm": end - middle,
        "peak_mb_before": before,
        "peak_mb_after": _peak_mb(),
        "references": refs,
    }


def reverify(path: Path, data: Path, settings: LLMSettings) -> None:
    """Check the model texts a run kept again, with the verification as it is now (no model)."""
    stories_by_id = {}
    for group, story in stories(data, 100, 25):
        stories_by_id[(story[0], story[1])] = (group, story)
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            if row["model_text"] is not None:
                articles = stories_by_id[(row["dataset"], row["id"])][1][2]
                extractive = brief_of(prepare(articles), words=row["words"])
                evidence = evidence_of(extractive, settings)
                checked = verified_summary(
                    row["model_text"], evidence, settings, words=row["words"]
                )
                row.update(_outcome(extractive, checked))
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _briefed(paths: list[Path]) -> set[tuple[str, str]]:
    """(dataset, id) of the stories earlier runs briefed: lines of their ``--out`` files, or
    "dataset id" lines of a plain list (a run whose file was not kept; "#" starts a comment)."""
    briefed = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("{"):
                row = json.loads(line)
                briefed.add((row["dataset"], row["id"]))
            elif line.strip() and not line.startswith("#"):
                dataset, cid = line.split()
                briefed.add((dataset, cid))
    return briefed


def run(args: argparse.Namespace) -> None:
    small = args.model == "0.5b"  # the packaged parts of Qwen2.5-Coder-0.5B, if installed
    spec = LLMSpec(model=str(packaged_model(QWEN_0_5B)) if small else args.model)
    # A longer budget than a reader's: the bench measures the time, and what the model keeps.
    settings = dataclasses.replace(DEFAULT.llm, seconds=args.seconds)
    with args.out.open("w", encoding="utf-8") as out:
        chosen = stories(args.data, args.multinews, args.duc)
        briefed = _briefed(args.exclude)
        chosen = (c for c in chosen if (c[1][0], c[1][1]) not in briefed)
        stop = None if args.limit is None else args.skip + args.limit
        for group, story in islice(chosen, args.skip, stop):
            row = one(group, story, spec, settings)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
            print(f"{group} {row['id']}: {row['seconds_llm']:.0f} s, {row['warnings']}", flush=True)
    print("\n".join(table(args.out)))


def _part(rows: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    if name == "not tuned on":
        return [r for r in rows if not r["id"].startswith(TUNED)]
    return [r for r in rows if name in ("all", r["set"])]


def _faithfulness(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| stories | fell back | sentences | kept as written | replaced | dropped | unused |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in ("seed", "gold-dev", "multinews", "duc", "all", "not tuned on"):
        part = _part(rows, name)
        if not part:
            continue
        written, *counts = (sum(c) for c in zip(*(r["counts"] for r in part), strict=True))
        shares = " | ".join(f"{n} ({100 * n / max(written, 1):.0f}%)" for n in counts)
        fell = sum(r["fell_back"] for r in part)
        lines.append(f"| {name} ({len(part)}) | {fell} | {written} | {shares} |")
    return lines


_SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
_KEYS = ("rouge1", "rouge2", "rougeLsum")


def _scores(row: dict[str, Any], brief: str) -> list[float]:
    """ROUGE of one brief: F1 against Multi-News' summary, mean recall over DUC's references."""
    summary = cut(row[brief], row["words"])
    refs = row["references"].values()
    scores = [_SCORER.score("\n".join(sentences_of(ref)), summary) for ref in refs]
    field = "fmeasure" if row["dataset"] == "multinews" else "recall"
    return [statistics.mean(getattr(s[key], field) for s in scores) for key in _KEYS]


def _rouge(rows: list[dict[str, Any]]) -> list[str]:
    lines = ["| data | brief | R-1 | R-2 | R-Lsum |", "|---|---|---:|---:|---:|"]
    for dataset, measure in (("multinews", "F1"), ("duc", "recall")):
        part = [r for r in rows if r["dataset"] == dataset]
        for brief in ("extractive", "llm") if part else ():
            scores = [_scores(r, brief) for r in part]
            means = [100 * statistics.mean(col) for col in zip(*scores, strict=True)]
            shown = " | ".join(f"{m:.2f}" for m in means)
            lines.append(f"| {dataset} ({len(part)}, {measure}) | {brief} | {shown} |")
    return lines


def sample(path: Path, n: int) -> None:
    """Every k-th sentence kept as the model wrote it, outside the tuned stories, with its
    evidence: to be read by hand."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    kept = [
        (r["id"][:10], s)
        for r in rows
        if not r["id"].startswith(TUNED)
        for s in r["sentences"]
        if s["verified"] is True
    ]
    for number, (story, sentence) in enumerate(kept[:: max(len(kept) // n, 1)][:n], start=1):
        print(f"{number}. [{story}] {sentence['text']}")
        print("\n".join(f"     > {e}" for e in sentence["evidence"]))


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
    go.add_argument(
        "--model", help="a GGUF file, or 0.5b; the packaged Qwen2.5-Coder-1.5B by default"
    )
    go.add_argument("--out", type=Path, required=True)
    go.add_argument("--limit", type=int, help="the first N stories only (seed first)")
    go.add_argument(
        "--skip", type=int, default=0, help="leave out the first N stories (a run read before)"
    )
    go.add_argument(
        "--exclude",
        type=Path,
        nargs="*",
        default=[],
        help="leave out the stories these earlier runs briefed (their --out, or a list)",
    )
    go.add_argument("--seconds", type=float, default=900, help="time budget of one story")
    show = commands.add_parser("table")
    show.add_argument("out", type=Path)
    read = commands.add_parser("sample", help="print kept sentences and their evidence")
    read.add_argument("out", type=Path)
    read.add_argument("-n", type=int, default=50)
    again = commands.add_parser("reverify", help="check a run's model texts again, in place")
    again.add_argument("out", type=Path)
    again.add_argument("--data", type=Path, default=DATA)
    again.add_argument(
        "--checks",
        choices=CHECKS,
        default="unit",
        help="words: words, names, numbers; roles: and who does what (session 6's);"
        " unit: and one item carrying each sentence whole (now)",
    )
    args = parser.parse_args()
    if args.command == "run":
        run(args)
    elif args.command == "reverify":
        reverify(args.out, args.data, dataclasses.replace(DEFAULT.llm, **CHECKS[args.checks]))
    elif args.command == "sample":
        sample(args.out, args.n)
    else:
        print("\n".join(table(args.out)))


if __name__ == "__main__":
    main()
