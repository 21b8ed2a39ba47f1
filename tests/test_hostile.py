"""The hostile corpus (``tests/hostile.py``) through every command: no crash, no hang, no loss.

Every command runs as a user runs it, in a subprocess with a time limit;
each must end with its documented exit status, no traceback, and every
input accounted for: read, or listed with the reason it was not.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from fastapi.testclient import TestClient
from hostile import Corpus, build

import storybrief
from storybrief.ingest.decode import NotText, decode
from storybrief.models import Text
from storybrief.web import create_app

LIMIT = 240  # seconds a command may take over the whole corpus on a loaded 2-core machine


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return build(tmp_path_factory.mktemp("hostile"))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "storybrief", *args],
        capture_output=True,
        text=True,
        timeout=LIMIT,
        cwd=ROOT,
    )
    assert "Traceback" not in done.stderr and "storybrief: error:" not in done.stderr, done.stderr
    return done


def _strict(text: str) -> object:
    """JSON as any reader parses it: Infinity and NaN are not JSON."""

    def refuse(name: str) -> object:
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _accounted(corpus: Corpus, sources: list[str], left_out: tuple[str, ...] = ()) -> None:
    """Every input of the corpus (but ``left_out``) is the source of something written."""
    for item in (i for i in corpus.inputs if not i.endswith(left_out) or not left_out):
        head = item[:200]
        assert any(s.startswith(head) or head.startswith(s) for s in sources), item


def test_brief_accounts_for_every_input(corpus: Corpus) -> None:
    done = _run("brief", *corpus.inputs, "--format", "json")
    assert done.returncode == 1  # some inputs cannot be used, and say why
    doc = _strict(done.stdout)
    assert isinstance(doc, dict)
    _accounted(corpus, [a["source"] for a in doc["articles"]])
    skipped = [a for a in doc["articles"] if a["status"] == "skipped"]
    assert skipped and all(a["reason"] for a in skipped)
    assert len(done.stderr.splitlines()) >= len(skipped)


def test_markdown_of_the_corpus_carries_no_live_html(corpus: Corpus) -> None:
    md = _run("brief", *map(str, corpus.files), "--format", "md").stdout
    prose = re.sub(r"(`+).*?\1", "", md)  # code spans show HTML as it is
    assert "\\<svg onload" in prose
    assert not re.search(r"(?<!\\)<[a-zA-Z/]", prose) and not re.search(r"(?<!\\)\]\(", prose)


def test_clean_accounts_for_every_input(corpus: Corpus) -> None:
    done = _run("clean", *corpus.inputs, "--format", "json")
    assert done.returncode == 1
    docs = _strict(done.stdout)
    assert isinstance(docs, list)
    _accounted(corpus, [d["source"] for d in docs])


# Texts whose analysis takes minutes (agreements cluster units in cubic time); ``brief``
# cuts them at its time budget, ``stories`` has none yet.
UNBUDGETED = ("one-line.txt", "repeated.txt")


def test_stories_accounts_for_every_input(corpus: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "stories"
    inputs = [i for i in corpus.inputs if not i.endswith(UNBUDGETED)]
    done = _run("stories", *inputs, "--out", str(out), "--format", "json")
    assert done.returncode == 1
    index = _strict((out / "index.json").read_text(encoding="utf-8"))
    assert isinstance(index, dict)
    briefs = [_strict((out / s["file"]).read_text(encoding="utf-8")) for s in index["stories"]]
    sources = [a["source"] for b in briefs for a in b["articles"]]  # type: ignore[index]
    _accounted(corpus, sources + [s["source"] for s in index["skipped"]], UNBUDGETED)


def test_summarize_writes_a_json_line_for_every_input_line(corpus: Corpus, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    done = _run("summarize", "--jsonl", str(corpus.clusters), "--out", str(out), "-w", "40")
    assert done.returncode == 1
    lines = corpus.clusters.read_text(encoding="utf-8").splitlines()
    records = [_strict(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == len(lines)
    by_id = {str(r["id"]): r for r in records if isinstance(r, dict)}
    assert by_id["good"]["summary"] and "error" not in by_id["good"]
    for name in ("empty", "german", "blank"):
        assert by_id[name]["summary"] == "" and by_id[name]["error"], name


def test_brief_of_a_hostile_jsonl_file_lists_every_line(corpus: Corpus) -> None:
    done = _run("brief", str(corpus.jsonl), "--format", "json")
    doc = _strict(done.stdout)
    assert isinstance(doc, dict)
    assert {a["id"]: a["status"] for a in doc["articles"]}["good"] == "ok"  # listed by id
    lines = [line for line in corpus.jsonl.read_text(encoding="utf-8").splitlines() if line]
    assert len(doc["articles"]) == len(lines)


def _texts(corpus: Corpus) -> list[str]:
    """The corpus' texts under 20 KB: the API has no time budget, and the CLI runs the rest."""
    texts = []
    for path in corpus.files:
        try:
            texts.append(decode(path.read_bytes()[:20_000]))
        except NotText:
            continue
    return texts


def test_the_python_api_briefs_every_text(corpus: Corpus) -> None:
    texts = _texts(corpus)
    brief = storybrief.brief([Text(t) for t in texts])
    assert len(brief.articles) == len(texts)
    assert all(a.ok or a.reason for a in brief.articles)


def test_the_web_app_answers_every_text_with_a_brief(corpus: Corpus) -> None:
    texts = [t for t in _texts(corpus) if t.strip()][:50]
    with TestClient(create_app(), base_url="http://localhost") as client:
        answer = client.post("/api/brief", json={"texts": texts})
        form = client.post("/brief", data={"text": texts[:10], "urls": "\n".join(texts[:3])})
    assert answer.status_code == 200, answer.text
    assert len(answer.json()["articles"]) == len(texts)
    assert form.status_code == 422 and "Not a web address" in form.text  # the form kept
