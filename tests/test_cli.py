"""The command line as a user runs it: exit codes, formats, bad input, no tracebacks."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, FIXTURES


def storybrief(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storybrief", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


def test_brief_of_the_example_story_as_json(gold: dict) -> None:
    run = storybrief("brief", *map(str, sorted(EXAMPLE.glob("*.txt"))), "--format", "json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    removed = {r["line"] for r in doc["removed"]}
    assert set(gold["boilerplate_lines"]) <= removed
    assert all(a["status"] == "ok" for a in doc["articles"])
    titles = {a["id"]: a["title"] for a in doc["articles"]}
    assert titles == {k: v.get("title") for k, v in gold["articles"].items()}
    ind = next(a for a in doc["articles"] if a["id"].startswith("002"))
    assert (ind["byline"], ind["published"]) == ("Jack Simpson", "2014-06-14")
    words = sum(len(s["text"].split()) for s in doc["summary"])
    assert 0 < words <= 120
    assert all(s["sources"] for s in doc["summary"])
    assert "read 5 inputs: 5 used, 0 skipped" in run.stderr


def test_brief_writes_markdown_and_html_files(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    run = storybrief("brief", str(EXAMPLE), "--format", "html", "-o", str(out), "--words", "60")
    assert run.returncode == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h2>Summary</h2>" in page
    md = storybrief("brief", str(EXAMPLE))
    assert md.stdout.startswith("# ") and "## Summary" in md.stdout


def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "nothing-here").mkdir()
    with (tmp_path / "huge.txt").open("wb") as f:  # sparse: 50 MB on paper, nothing on disk
        f.truncate(50 * 1024 * 1024)
    (tmp_path / "no-sentences.txt").write_text("Related\n\nShare\n", encoding="utf-8")
    good = sorted(EXAMPLE.glob("*.txt"))[0]
    bad = ["empty.txt", "image.txt", "nothing-here", "huge.txt", "missing.txt", "no-sentences.txt"]
    run = storybrief("brief", *bad, str(good), "--format", "json", cwd=tmp_path)
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    doc = json.loads(run.stdout)
    statuses = {a["id"]: a["status"] for a in doc["articles"]}
    assert statuses[good.stem] == "ok"
    assert sum(s == "skipped" for s in statuses.values()) == len(bad)
    skipped_lines = [line for line in run.stderr.splitlines() if "skipped" in line]
    for name in bad:
        assert any(name in line for line in skipped_lines), name
    assert all(a["reason"] for a in doc["articles"] if a["status"] == "skipped")
    assert doc["summary"] and all(s["sources"] == [good.stem] for s in doc["summary"])


@pytest.mark.parametrize(
    "args", [("brief",), ("brief", str(EXAMPLE), "--format", "pdf"), ("brief", "--words", "x")]
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    run = storybrief(*args)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr


def test_clean_prints_the_extracted_article() -> None:
    html = FIXTURES / "html" / "article.html"
    run = storybrief("clean", str(html))
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"== {html.stem} ")
    doc = json.loads(storybrief("clean", str(html), "--format", "json").stdout)
    assert doc[0]["status"] == "ok" and doc[0]["paragraphs"]
    assert doc[0]["title"]


def test_clean_shows_what_was_removed_from_plain_text() -> None:
    run = storybrief("clean", str(FIXTURES / "text" / "council-budget.txt"), "--format", "json")
    doc = json.loads(run.stdout)
    assert doc[0]["title"] == "City council approves new budget after six-hour debate"
    assert {"line": "Share this article", "why": "call to action"} in doc[0]["removed"]
    assert not any("Share this" in p for p in doc[0]["paragraphs"])


def test_summarize_batch_from_the_command_line(tmp_path: Path) -> None:
    docs = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))]
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "one", "docs": docs[:3]})
        + "\n"
        + json.dumps({"cluster_id": "two", "docs": docs[3:]})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    run = storybrief("summarize", "--jsonl", str(src), "--words", "50", "--out", str(out))
    assert run.returncode == 0, run.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["one", "two"]
    assert all(0 < len(r["summary"].split()) <= 50 for r in rows)


def test_summarize_reports_a_bad_line_and_goes_on(tmp_path: Path) -> None:
    doc = (sorted(EXAMPLE.glob("*.txt"))[0]).read_text(encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "broken", "docs": 3}\n' + json.dumps({"id": "ok", "docs": [doc]}) + "\n")
    out = tmp_path / "out.jsonl"
    run = storybrief("summarize", "--jsonl", str(src), "--out", str(out), "--workers", "1")
    assert run.returncode == 1
    assert "1 clusters could not be used" in run.stderr and "Traceback" not in run.stderr
    broken, ok = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert broken["error"] and not broken["summary"]
    assert ok["summary"] and "error" not in ok


def test_stderr_holds_storybrief_lines_only(tmp_path: Path) -> None:
    # A page with no article makes trafilatura and readability log their own workings.
    page = tmp_path / "empty.html"
    page.write_text("<html><body>x</body></html>", encoding="utf-8")
    done = storybrief("clean", str(page), str(FIXTURES / "html" / "no-article.html"))
    assert done.stderr and all(
        line.startswith("storybrief: ") for line in done.stderr.splitlines()
    ), done.stderr


def test_a_bad_jsonl_line_is_named_once_with_its_reason(tmp_path: Path) -> None:
    pile = tmp_path / "pile.jsonl"
    good = json.dumps({"id": "ok", "text": "The council met on Tuesday to vote on the budget."})
    pile.write_text(f"{good}\nnot json\n", encoding="utf-8")
    run = storybrief("clean", str(pile))
    assert run.returncode == 1
    skipped = [line for line in run.stderr.splitlines() if " skipped " in line]
    assert skipped == [f"storybrief: skipped {pile}:2: invalid JSON (Expecting value (column 1))"]


def test_dask_speaks_only_of_what_goes_wrong_under_the_command_line() -> None:
    # Dask's INFO lines (every worker started and stopped) would bury the closing counts.
    script = (
        "import logging; from storybrief.cli import quiet_libraries; quiet_libraries(); "
        "import distributed; print(logging.getLogger('distributed.scheduler').getEffectiveLevel())"
    )
    env = {k: v for k, v in os.environ.items() if k != "DASK_LOGGING__DISTRIBUTED"}
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) >= logging.WARNING


@pytest.mark.parametrize(
    "command",
    [
        ["brief", "missing.txt", "-o", "{nodir}/brief.md"],
        ["summarize", "--jsonl", "{src}", "--out", "{nodir}/out.jsonl"],
        ["stories", "--jsonl", "{src}", "--group-only", "--out", "{nodir}/out.jsonl"],
    ],
)
def test_an_output_in_a_missing_folder_is_a_usage_error_before_any_work(
    tmp_path: Path, command: list[str]
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "docs": ["x"]}\n', encoding="utf-8")
    args = [a.format(nodir=tmp_path / "nodir", src=src) for a in command]
    assert "no such folder" in _usage_error(*args)
    assert not (tmp_path / "nodir").exists()


def _usage_error(*args: str) -> str:
    """The message of a run that must stop on a usage error (exit 2), on one line."""
    run = storybrief(*args)
    assert run.returncode == 2, run.stderr
    return " ".join(run.stderr.replace("│", " ").split())


_A_FOLDER = "is a folder: give the file to write"
_A_FILE = "is a file: give the folder to write into"


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["brief", "missing.txt", "-o", "{folder}"], _A_FOLDER),
        (["summarize", "--jsonl", "{src}", "--out", "{folder}"], _A_FOLDER),
        (["stories", "--jsonl", "{src}", "--group-only", "--out", "{folder}"], _A_FOLDER),
        (["stories", "--jsonl", "{src}", "--out", "{folder}"], _A_FOLDER),
        (["stories", "{src}", "--out", "{file}"], _A_FILE),
        (["stories", "--jsonl", "{src}", "--out", "{tmp}/o.jsonl", "--briefs", "{file}"], _A_FILE),
        (["stories", "--jsonl", "{src}", "--out", "{tmp}/taken.jsonl"], _A_FILE),
    ],
)
def test_a_folder_for_a_file_or_a_file_for_a_folder_is_a_usage_error_before_any_work(
    tmp_path: Path, command: list[str], message: str
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "docs": ["x"], "text": "x"}\n', encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "taken-briefs").write_text("a file where the briefs would go", encoding="utf-8")
    names = {"src": src, "folder": tmp_path / "out", "file": tmp_path / "taken-briefs"}
    assert message in _usage_error(*[a.format(tmp=tmp_path, **names) for a in command])
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["in.jsonl", "out", "taken-briefs"]


def test_a_command_run_in_another_folder_imports_the_code_under_test(tmp_path: Path) -> None:
    import storybrief as here

    script = "import storybrief; print(storybrief.__file__)"
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert Path(run.stdout.strip()) == Path(here.__file__)
