"""Bad input never loses a brief or a run: through the CLI, the Python API and the web app.

Each case is a story a user could feed storybrief. Whatever part of the
analysis it trips, the brief is written, every failure is named in its
``warnings`` (and on stderr), and the exit status is 1 only when an input
could not be used. What a case trips is being fixed at its root elsewhere, so
these tests hold the contract, not a particular warning, except for the
failures they inject themselves.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import EXAMPLE, FIXTURES
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import storybrief
from storybrief import analyze, pipeline
from storybrief.cli import app
from storybrief.models import Article, Brief
from storybrief.render import render
from storybrief.web import app as web_app
from storybrief.web import create_app

PILE = FIXTURES / "pile"
BRIDGE = (PILE / "bridge-courier.txt").read_text(encoding="utf-8")
TWEET = (
    '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">The harbour bridge closes on '
    'Monday for six weeks. Plan your journey now. <a href="https://t.co/x">pic.twitter.com/x</a>'
    '</p>&mdash; Lakeside Council (@lakeside) <a href="https://twitter.com/lakeside/status/1">'
    'March 2, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js">'
    "</script>\n"
)
CASES: dict[str, dict[str, str]] = {  # a story: its files, by name
    "one sentence": {
        "one.txt": "Bridge to close\n\nThe Harbour Bridge will close on Monday, the council said."
    },
    "one word": {"word.txt": "Bridge\n\nClosed."},
    "every sentence a quote": {
        "quotes.txt": "Council speaks\n\n"
        "“The bridge will close on Monday.”\n\n“It will reopen in April.”\n\n"
        '"Nobody will be charged for the ferry."'
    },
    "twenty identical articles": {f"copy-{n:02d}.txt": BRIDGE for n in range(20)},
    "only a tweet embed": {"tweet.html": TWEET},
    "an inline tweet tag": {
        "inline.txt": "Bridge to close\n\nThe council will close the Harbour Bridge on Monday. "
        '<tweet>"Plan your journey now," the council wrote.</tweet> Ferries will run.\n\n'
        '"We had no choice," Reyes said. <tweet>Closed.</tweet>'
    },
    "no clause": {
        "fragments.txt": "Harbour Bridge\n\nCorrosion in three cables. Six weeks of repairs. "
        "Ferries every ten minutes."
    },
}


def _story(tmp_path: Path, case: str) -> Path:
    folder = tmp_path / "story"
    folder.mkdir()
    for name, text in CASES[case].items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _failed_quotes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the quotes analysis raise, as a bug on odd input would."""

    def fail(*_: object) -> None:
        raise IndexError("injected <b>failure</b>")

    analyses = tuple(replace(a, run=fail) if a.name == "quotes" else a for a in analyze.ANALYSES)
    monkeypatch.setattr(analyze, "ANALYSES", analyses)


def _written(brief: Brief) -> None:
    """The brief renders in every format, and each failure in it is named."""
    for fmt in ("md", "html"):
        assert render(brief, fmt)
    doc = json.loads(render(brief, "json"))
    assert len(doc["articles"]) == len(brief.articles)
    assert all(w["stage"] and w["message"] for w in doc["warnings"])


def _exit_status(doc: dict) -> int:
    """What the exit status must be: 1 only for an input that could not be used."""
    return int(any(a["status"] == "skipped" for a in doc["articles"]))


def _warning_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("storybrief: warning: ")]


@pytest.mark.parametrize("case", CASES)
def test_the_python_api_writes_a_brief_of_bad_input(tmp_path: Path, case: str) -> None:
    folder = _story(tmp_path, case)
    brief = storybrief.brief([folder])
    assert len(brief.articles) == len(CASES[case])
    _written(brief)
    briefs, skipped = storybrief.stories([folder])
    assert sum(len(b.articles) for b in briefs) + len(skipped) == len(CASES[case])
    for one in briefs:
        _written(one)


@pytest.mark.parametrize("case", CASES)
def test_the_cli_writes_a_brief_of_bad_input(tmp_path: Path, case: str) -> None:
    folder = _story(tmp_path, case)
    run = CliRunner().invoke(app, ["brief", str(folder), "--format", "json"])
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    doc = json.loads(run.stdout)
    assert run.exit_code == _exit_status(doc), run.stderr
    assert len(_warning_lines(run.stderr)) == len(doc["warnings"])
    out = tmp_path / "out"
    run = CliRunner().invoke(app, ["stories", str(folder), "--out", str(out), "-f", "json"])
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    docs = [json.loads((out / s["file"]).read_text(encoding="utf-8")) for s in index["stories"]]
    assert run.exit_code == int(bool(index["skipped"])) == max(map(_exit_status, docs), default=1)
    assert len(_warning_lines(run.stderr)) == sum(len(d["warnings"]) for d in docs)


def test_the_command_writes_every_story_of_a_pile_of_bad_input(tmp_path: Path) -> None:
    """All the cases in one pile, through the installed command and its last line of defence."""
    pile = tmp_path / "pile"
    pile.mkdir()
    for case, files in CASES.items():
        for name, text in files.items():
            (pile / f"{case.replace(' ', '-')}-{name}").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run = subprocess.run(
        [sys.executable, "-m", "storybrief", "stories", str(pile), "--out", str(out), "-f", "json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in run.stderr and "storybrief: error:" not in run.stderr, run.stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    docs = [json.loads((out / s["file"]).read_text(encoding="utf-8")) for s in index["stories"]]
    written = sum(len(d["articles"]) for d in docs) + len(index["skipped"])
    assert written == sum(map(len, CASES.values()))
    assert run.returncode == int(bool(index["skipped"]))
    assert len(_warning_lines(run.stderr)) == sum(len(d["warnings"]) for d in docs)


def test_a_failed_analysis_is_named_and_the_brief_written_exit_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _failed_quotes(monkeypatch)
    run = CliRunner().invoke(app, ["brief", str(EXAMPLE), "--format", "json"])
    assert run.exit_code == 0, run.stderr
    doc = json.loads(run.stdout)
    message = "IndexError: injected <b>failure</b>"
    assert doc["warnings"] == [{"stage": "quotes", "message": message, "article": None}]
    assert doc["quotes"] == [] and doc["summary"] and doc["conflicts"] and doc["entities"]
    assert _warning_lines(run.stderr) == [f"storybrief: warning: quotes left out: {message}"]
    md = CliRunner().invoke(app, ["brief", str(EXAMPLE)])
    assert md.exit_code == 0
    assert "- **quotes** left out: IndexError: injected \\<b\\>failure\\</b\\>" in md.stdout
    assert storybrief.brief([EXAMPLE]).warnings[0].stage == "quotes"


def _fail_one_story(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make writing the brief of the fire story raise."""
    brief_of = pipeline.brief_of

    def failing(articles: list[Article], **kwargs: object) -> Brief:
        if any(a.id.startswith("fire") for a in articles):
            raise MemoryError("injected")
        return brief_of(articles, **kwargs)

    monkeypatch.setattr(pipeline, "brief_of", failing)


def test_one_failing_story_costs_only_its_own_brief(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_one_story(monkeypatch)
    briefs, skipped = storybrief.stories([PILE])
    assert len(briefs) == 3 and not skipped
    (failed,) = [b for b in briefs if b.warnings]
    assert [a.id for a in failed.articles] == ["fire-herald", "fire-times"]
    assert [(w.stage, w.message) for w in failed.warnings] == [("brief", "MemoryError: injected")]
    assert all(b.summary for b in briefs if b is not failed)
    out = tmp_path / "out"
    run = CliRunner().invoke(app, ["stories", str(PILE), "--out", str(out), "-f", "md"])
    assert run.exit_code == 0, run.stderr
    files = sorted(p.name for p in out.glob("0*.md"))
    assert len(files) == 3
    (line,) = _warning_lines(run.stderr)
    assert line.endswith(": brief left out: MemoryError: injected") and "fire" in line
    page = next((out / f).read_text(encoding="utf-8") for f in files if "fire" in f)
    assert "_No summary could be made of these articles._" in page


def test_the_web_app_shows_a_failed_analysis_as_a_warning_on_the_brief(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _failed_quotes(monkeypatch)
    with TestClient(create_app(), base_url="http://localhost") as client:
        page = client.post("/brief", data={"text": [BRIDGE, BRIDGE.replace("Tuesday", "Monday")]})
        api = client.post("/api/brief", json={"texts": [BRIDGE]})
    assert page.status_code == 200
    assert "<h2>Warnings</h2>" in page.text and "<h2>Summary</h2>" in page.text
    assert "<strong>quotes</strong> left out: IndexError: injected &lt;b&gt;failure" in page.text
    assert api.status_code == 200 and api.json()["warnings"][0]["stage"] == "quotes"


def test_a_brief_that_cannot_be_made_keeps_the_form_as_typed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def fail(*_: object, **__: object) -> Brief:
        raise MemoryError("out of memory")

    monkeypatch.setattr(web_app, "read", fail)
    typed = "Bridge to close\n\nThe <b>council</b> will close the bridge."
    with TestClient(create_app(), base_url="http://localhost") as client:
        form = client.post("/brief", data={"text": [typed], "urls": "", "words": "60"})
        api = client.post("/api/brief", json={"texts": [typed]})
    assert form.status_code == 500
    assert "The brief could not be made: MemoryError: out of memory." in form.text
    assert "The &lt;b&gt;council&lt;/b&gt; will close the bridge.</textarea>" in form.text
    assert 'value="60"' in form.text
    assert api.status_code == 500
    assert api.json() == {"detail": "The brief could not be made: MemoryError: out of memory."}
