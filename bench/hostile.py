"""How long each hostile input takes to brief, alone; and 1 MB of ordinary news text.

Usage: PYTHONPATH=. .venv/bin/python bench/hostile.py [--data ../shared/data]
       [--baseline-rev 16dc7d6] [--timeout 120] [--only NAME,...]

Builds the hostile corpus (``tests/hostile.py``) and runs ``storybrief brief
INPUT --format json`` on each input on its own, in a subprocess killed after
``--timeout`` seconds; then on one article made of the first 1 MB of
Multi-News dev documents (``--data``, read only, nothing copied), and on a
folder of two repeated texts (``repeated-pair``). Prints per
input the seconds, the exit status and the stages cut by the time budget
(``Limits.brief_seconds``), and "leads" for a story analysed on its articles'
leads (``Limits.story_sentences``). Baseline, in the same run: the tree at
``--baseline-rev`` (the start of this round), exported with ``git archive``.
Target: every input finishes within 60 s on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hostile import build  # noqa: E402  (the corpus builder lives with the tests)

MB = 2**20


def _news(data: Path, size: int = MB) -> str:
    """The first ``size`` bytes of Multi-News dev documents, as one article."""
    docs: list[str] = []
    with (data / "multinews-dev.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            docs += json.loads(line)["docs"]
            if sum(len(d.encode()) for d in docs) > size:
                break
    return "\n\n".join(docs).encode()[:size].decode("utf-8", "ignore")


def _pair(repeated: Path, into: Path) -> Path:
    """A folder of two articles, each one sentence 2,000 times, worded a little apart:
    every pair of their sentences is compared (agreements, conflicts, the summary)."""
    into.mkdir()
    text = repeated.read_text(encoding="utf-8")
    (into / "a.txt").write_text(text, encoding="utf-8")
    (into / "b.txt").write_text(text.replace("council", "city council"), encoding="utf-8")
    return into


def _tree(rev: str, into: Path) -> Path:
    """The source tree at ``rev``, exported into ``into``."""
    into.mkdir()
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def _time(tree: Path, item: str, timeout: float) -> str:
    """ "seconds status cuts" of one brief of ``item`` by the code in ``tree``."""
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "storybrief", "brief", item, "--format", "json"],
            cwd=tree,
            env={**os.environ, "PYTHONPATH": str(tree)},
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return f"> {timeout:.0f} (killed)"
    took = time.monotonic() - started
    cuts = done.stderr.count("time budget")
    crash = " crash" if "Traceback" in done.stderr or "error:" in done.stderr else ""
    # A story over ``Limits.story_sentences`` is analysed on its articles' leads.
    leads = " · leads" if "limit of one story's analysis" in done.stderr else ""
    return (
        f"{took:.1f} · exit {done.returncode}{crash}" + (f" · {cuts} cut" if cuts else "") + leads
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--baseline-rev", default="16dc7d6")
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--only", help="comma-separated input names")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = build(Path(tmp, "corpus"))
        news = Path(tmp, "news-1mb.txt")
        news.write_text(_news(args.data), encoding="utf-8")
        repeated = next(f for f in corpus.files if f.name == "repeated.txt")
        inputs = [*corpus.inputs, str(news), str(_pair(repeated, Path(tmp, "repeated-pair")))]
        if args.only:
            inputs = [i for i in inputs if Path(i).name in args.only.split(",")]
        baseline = _tree(args.baseline_rev, Path(tmp, "baseline"))
        print(f"| input | this tree: s · exit | baseline {args.baseline_rev} |\n|---|---|---|")
        for item in inputs:
            name = Path(item).name[:40] if not item.startswith("http") else item
            now, before = _time(ROOT, item, args.timeout), _time(baseline, item, args.timeout)
            print(f"| {name} | {now} | {before} |", flush=True)


if __name__ == "__main__":
    main()
