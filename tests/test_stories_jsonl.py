"""``storybrief stories --jsonl IN --out OUT``: one output line per input line, in order.

The pile is the hand-written fixture pile (three stories: a bridge, a fire,
a transfer) as JSON lines, with a reprint of one fire article, and hostile
and unusable lines in between.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from conftest import FIXTURES
from test_bad_input import _fail_one_story
from typer.testing import CliRunner

import storybrief
from storybrief.cli import app
from storybrief.pile import group_pile, prepare_lines, read_lines

PILE = FIXTURES / "pile"
BAD = {
    "surrogate": '{"id": "s", "text": "a lone \\ud800 half"}',
    "deep": "[" * 100_000,
    "digits": '{"id": ' + "9" * 5_000 + "}",
    "string": '"an article"',
    "blank": "",
    "no text": '{"id": "empty"}',
}


def _records() -> list[dict]:
    records = []
    for n, path in enumerate(sorted(PILE.iterdir())):
        text = path.read_text(encoding="utf-8")
        title, _, body = text.partition("\n\n")
        outlet = path.stem.split("-")[1]
        records.append(
            {"id": path.stem, "title": title, "text": body, "published": f"2024-03-0{n % 3 + 1}"}
            | {"outlet": outlet.title()}
        )
    # A reprint: the same body under another headline, from another outlet.
    fire = next(r for r in records if r["id"] == "fire-herald")
    records.append({**fire, "id": "a-reprint", "title": "Hill villages evacuated"})
    return records


def _lines() -> list[str]:
    lines = [json.dumps(r) for r in _records()]
    for n, bad in enumerate(BAD.values()):
        lines.insert(2 * n + 1, bad)
    return lines


def _run(tmp_path: Path, lines: list[str], *extra: str) -> tuple[int, list[dict], str]:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run = CliRunner().invoke(app, ["stories", "--jsonl", str(src), "--out", str(out), *extra])
    assert run.exception is None or isinstance(run.exception, SystemExit), run.exception
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return run.exit_code, records, run.stderr


@pytest.fixture(scope="module")
def grouped(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[dict], str]:
    return _run(tmp_path_factory.mktemp("jsonl"), _lines(), "--group-only")


def test_every_line_gets_its_record_in_input_order(grouped: tuple[int, list[dict], str]) -> None:
    status, records, _ = grouped
    lines = _lines()
    assert status == 1  # some lines could not be used
    assert len(records) == len(lines)
    for line, record in zip(lines, records, strict=True):
        if line in BAD.values():
            assert record["story"] is None and record["error"], record
        else:
            assert record["id"] == json.loads(line)["id"] and "error" not in record


def test_bad_lines_say_why_and_are_named_by_line_number(
    grouped: tuple[int, list[dict], str],
) -> None:
    errors = {r["id"]: r["error"].split(": ", 1)[1] for r in grouped[1] if "error" in r}
    assert errors == {
        "line-2": "invalid JSON (a string holds a lone surrogate, which is not text)",
        "line-4": "invalid JSON (nested too deeply)",
        "line-6": errors["line-6"],
        "line-8": "line is not a JSON object",
        "line-10": "empty line",
        "empty": 'no "text" or "html" string field',
    }
    assert errors["line-6"].startswith("invalid JSON (Exceeds the limit (4300 digits)")


def test_the_three_stories_biggest_first_and_the_reprint_marked(
    grouped: tuple[int, list[dict], str],
) -> None:
    stories: dict[int, set[str]] = {}
    for record in grouped[1]:
        if record["story"] is not None:
            stories.setdefault(record["story"], set()).add(record["id"])
    assert stories == {
        1: {"bridge-courier", "bridge-gazette", "bridge-radio"},
        2: {"fire-herald", "fire-times", "a-reprint"},
        3: {"transfer-daily", "transfer-sport"},
    }
    copies = {r["id"]: r["duplicate_of"] for r in grouped[1] if r.get("duplicate_of")}
    # The copy and its original: the one of the smaller id is the original, whichever came first.
    assert copies == {"fire-herald": "a-reprint"}


def test_the_closing_line_counts_read_skipped_copies_and_stories(
    grouped: tuple[int, list[dict], str],
) -> None:
    assert (
        "read 14 lines: 8 used, 6 skipped (1 empty line, 3 invalid JSON, 1 line is not a JSON"
        ' object, 1 no "text" or "html" string field); 1 near-exact copy; 3 stories'
    ) in grouped[2]


def test_the_python_api_gives_the_same_records_in_any_input_order() -> None:
    lines = _lines()
    records = storybrief.group(lines)
    shuffled = list(range(len(lines)))
    random.Random(3).shuffle(shuffled)
    # Good lines given as dicts and as strings, shuffled.
    mixed = [
        lines[i] if i % 2 or lines[i] in BAD.values() else json.loads(lines[i]) for i in shuffled
    ]
    again = storybrief.group(mixed)
    # Same ids, stories and originals; only the names of bad lines follow their line numbers.
    good = {(r["id"], r["story"], r["duplicate_of"]) for r in records if "error" not in r}
    assert {(r["id"], r["story"], r["duplicate_of"]) for r in again if "error" not in r} == good
    assert sum("error" in r for r in again) == len(BAD)


def test_the_python_api_gives_a_value_that_is_no_mapping_its_error_record() -> None:
    article = {"id": "kept", "text": "The Elm Street bridge closed on Monday after a crack."}
    records = storybrief.group([7, article, ["a", "list"], None])
    assert [r["id"] for r in records] == ["line-1", "kept", "line-3", "line-4"]
    assert [r["story"] for r in records] == [None, 1, None, None]
    assert all("not a JSON object" in records[i]["error"] for i in (0, 2, 3))


def test_a_story_whose_brief_fails_is_listed_with_its_reason_and_the_others_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fail_one_story(monkeypatch)  # the fire story's brief raises MemoryError
    lines = [json.dumps(r) for r in _records()]
    status, records, stderr = _run(tmp_path, lines, "-w", "40")
    assert status == 1 and "3 stories, 1 of them without a brief" in stderr
    failed = {r["id"]: r["error"] for r in records if "error" in r}
    reason = "no brief of story 2: MemoryError: injected"
    assert failed == dict.fromkeys(["fire-herald", "fire-times", "a-reprint"], reason)
    assert all(r["story"] for r in records if "error" not in r)
    _failed_story_in_the_index(tmp_path / "out-briefs")


def _failed_story_in_the_index(briefs: Path) -> None:
    index = json.loads((briefs / "index.json").read_text(encoding="utf-8"))
    errors = {s["story"]: s.get("error") for s in index["stories"]}
    assert errors == {1: None, 2: "MemoryError: injected", 3: None}
    written = sorted(p.name for p in briefs.glob("0*.html"))
    assert len(written) == 3
    page = (briefs / "index.html").read_text(encoding="utf-8")
    assert "No brief: MemoryError: injected" in page
    first = (briefs / written[0]).read_text(encoding="utf-8")
    assert '<a href="index.html">← All stories</a>' in first


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("{}\n")
    out = str(tmp_path / "out.jsonl")
    wrong = (["x.txt", "--jsonl", str(src)], ["x.txt", "--group-only"], [])
    for args in wrong:  # both inputs; --group-only without --jsonl; no input at all
        assert CliRunner().invoke(app, ["stories", *args, "--out", out]).exit_code == 2


@pytest.mark.parametrize("option", [["--group-only"], ["--briefs", "briefs"]])
def test_a_jsonl_option_with_inputs_says_it_needs_jsonl(tmp_path: Path, option: list[str]) -> None:
    run = CliRunner().invoke(app, ["stories", "x.txt", *option, "--out", str(tmp_path / "o")])
    assert run.exit_code == 2
    # Not "give INPUTS or --jsonl FILE, not both": no --jsonl was given.
    said = " ".join(run.output.replace("│", " ").split())  # the box rich wraps it in, undone
    assert "go with --jsonl FILE" in said and "not both" not in said


ABOUT = (
    "Copies of web pages are kept by our archive crawler so that readers can still find them "
    "after the original site changes or removes them."
)


def _furnished_lines() -> list[str]:
    """The good lines, the site's "about" paragraph added to one article of each story."""
    furnished = {"bridge-radio", "fire-times", "transfer-sport"}
    return [
        json.dumps({**r, "text": f"{r['text']}\n\n{ABOUT}"} if r["id"] in furnished else r)
        for r in _records()
    ]


def test_a_pile_for_briefs_loses_the_furniture_of_three_stories_and_keeps_its_stories() -> None:
    alone = group_pile(read_lines(_furnished_lines()))
    for_briefs = group_pile(read_lines(_furnished_lines()), briefs=True)
    assert [line.record() for line in for_briefs.lines] == [line.record() for line in alone.lines]
    cleaned = prepare_lines(read_lines(_furnished_lines()))
    carrying = [line.article.id for line in cleaned if ABOUT in line.article.paragraphs]
    assert sorted(carrying) == ["bridge-radio", "fire-times", "transfer-sport"]
    articles = [a for story in for_briefs.stories for a in story]
    assert not any(
        ABOUT in a.paragraphs or any(ABOUT in s.text for s in a.sentences) for a in articles
    )
    assert next(a for a in articles if a.id == "fire-times").removed[-1].line == ABOUT


def test_grouping_alone_lets_go_of_the_articles_texts_and_numbers_the_same_stories() -> None:
    alone = group_pile(read_lines(_lines()))
    for_briefs = group_pile(read_lines(_lines()), briefs=True)
    assert [line.record() for line in alone.lines] == [line.record() for line in for_briefs.lines]
    assert [len(story) for story in alone.stories] == [3, 3, 2]
    lean, full = ([a for story in pile.stories for a in story] for pile in (alone, for_briefs))
    assert not any(a.raw or a.paragraphs or a.sentences for a in lean)
    assert all(a.raw and a.paragraphs and a.sentences for a in full)


def test_the_stories_command_writes_briefs_without_the_furniture(tmp_path: Path) -> None:
    status, _, _ = _run(tmp_path, _furnished_lines(), "--format", "md")
    assert status == 0
    briefs = list((tmp_path / "out-briefs").glob("0*.md"))  # not the index
    assert len(briefs) == 3
    assert not any("archive crawler" in path.read_text(encoding="utf-8") for path in briefs)


def test_a_repeated_id_is_named_by_its_line_and_its_copy_names_the_first() -> None:
    # The same article twice under one id (a crawler's retry): the second line is
    # the copy of the first, and says so by an id that is not its own.
    lines = [json.dumps(r) for r in _records()]
    again = next(line for line in lines if '"fire-times"' in line)
    records = storybrief.group([*lines, again])
    assert len(records) == len(lines) + 1
    assert [r["id"] for r in records[:-1]] == [json.loads(line)["id"] for line in lines]
    assert records[-1]["id"] == f"fire-times~line-{len(lines) + 1}"
    assert records[-1]["duplicate_of"] == "fire-times"
    assert records[-1]["story"] == next(r["story"] for r in records if r["id"] == "fire-times")
    assert all(r["duplicate_of"] != r["id"] for r in records)
