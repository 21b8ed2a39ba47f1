"""The batch-mode contract: one output line per input line, in order, deterministic."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from storybrief import batch
from storybrief.batch import paragraph_keys, summarize_jsonl
from storybrief.clean.shared import shared_paragraphs

FIXTURE = Path(__file__).parent / "fixtures" / "batch" / "clusters.jsonl"
WORDS = 60


def _run(tmp_path: Path, name: str, workers: int) -> tuple[int, list[dict], int]:
    out = tmp_path / name
    done = []
    count, _ = summarize_jsonl(FIXTURE, out, WORDS, workers=workers, on_done=lambda: done.append(1))
    return count, [json.loads(line) for line in out.read_text().splitlines()], len(done)


@pytest.fixture(scope="module")
def two_workers(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, list[dict], int]:
    return _run(tmp_path_factory.mktemp("batch"), "out.jsonl", workers=2)


def test_one_output_line_per_input_line_in_order(two_workers: tuple[int, list[dict], int]) -> None:
    count, records, done = two_workers
    assert count == done == len(records) == len(FIXTURE.read_text().splitlines())
    assert [r["id"] for r in records] == ["flood", None, "chip", "not-a-list", "empty"]


def test_summaries_are_plain_text_within_budget(two_workers: tuple[int, list[dict], int]) -> None:
    _, records, _ = two_workers
    by_id = {r["id"]: r for r in records}
    for cluster in ("flood", "chip"):
        summary = by_id[cluster]["summary"]
        assert summary and "error" not in by_id[cluster]
        assert len(summary.split()) <= WORDS
    assert "Riverton" in by_id["flood"]["summary"]
    assert "Solvane" in by_id["chip"]["summary"]
    assert by_id["empty"] == {
        "id": "empty",
        "summary": "",
        "error": 'no usable document: "docs" is empty',  # the reason, no exception name
    }


def test_malformed_lines_get_an_error_and_the_batch_goes_on(
    two_workers: tuple[int, list[dict], int],
) -> None:
    _, records, _ = two_workers
    broken, not_a_list = records[1], records[3]
    assert broken["summary"] == "" and broken["error"].startswith("invalid JSON")
    assert not_a_list["summary"] == "" and "docs" in not_a_list["error"]


def test_deterministic_across_runs_and_worker_counts(
    tmp_path: Path, two_workers: tuple[int, list[dict], int]
) -> None:
    _, first, _ = two_workers
    _, again, _ = _run(tmp_path, "again.jsonl", workers=2)
    _, serial, _ = _run(tmp_path, "serial.jsonl", workers=1)
    assert first == again == serial


def test_same_output_when_a_thread_rules_out_forking(
    tmp_path: Path, two_workers: tuple[int, list[dict], int]
) -> None:
    # A live second thread (a progress bar's, say) makes the workers start from
    # a fork server instead of a fork of this process; the output must not change.
    _, forked, _ = two_workers
    stop = threading.Event()
    waiter = threading.Thread(target=stop.wait)
    waiter.start()
    try:
        _, served, _ = _run(tmp_path, "served.jsonl", workers=2)
    finally:
        stop.set()
        waiter.join()
    assert served == forked


def test_bytes_that_are_not_utf8_spoil_only_their_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    good = json.dumps({"id": "ok", "docs": ["The council met on Tuesday and voted to approve it."]})
    src.write_bytes(b"garbage\x00\xff\n" + good.encode("utf-8") + b"\n")
    out = tmp_path / "out.jsonl"
    assert summarize_jsonl(src, out, words=50, workers=1) == (2, 1)
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert first["summary"] == "" and "invalid JSON" in first["error"]
    assert second["id"] == "ok" and "error" not in second


def test_a_line_ends_only_at_a_newline(tmp_path: Path) -> None:
    # JSON allows U+2028, U+0085 and form feeds raw inside a string: no line ends there.
    doc = "The council met on Tuesday\u2028and voted\x0c to approve\x85 the new budget plan."
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "docs": [doc]}, ensure_ascii=False)
        + "\r\n"
        + json.dumps({"id": "b", "docs": [doc]}, ensure_ascii=False),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert summarize_jsonl(src, out, words=50, workers=1) == (2, 0)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n")[:-1]]
    assert [r["id"] for r in records] == ["a", "b"]


NOTICE = (
    "Copies of web pages are saved by an automated archive crawler so that readers can still "
    "find them after the original site changes or removes them."
)
STORIES = [
    "The harbour bridge reopened after three weeks of repairs to its cables.",
    "Firefighters contained a grass fire near the airport before it reached any homes.",
    "The city football club signed a young striker from a rival team on a three-year deal.",
]


def _with_notice(tmp_path: Path, stories: list[str]) -> list[str]:
    """Summaries of clusters of two documents, each a story's sentence and the notice."""
    path, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    lines = [json.dumps({"id": n, "docs": [f"{NOTICE}\n\n{s}"] * 2}) for n, s in enumerate(stories)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summarize_jsonl(path, out, 40, workers=1)
    return [json.loads(line)["summary"] for line in out.read_text().splitlines()]


def test_a_paragraph_in_many_clusters_is_furniture_and_left_out(tmp_path: Path) -> None:
    # Alone, the notice is the cluster's most repeated text and leads its summary...
    assert NOTICE in _with_notice(tmp_path, STORIES[:1])[0]
    # ...in three clusters, it is the batch's furniture, and the story is told instead.
    summaries = _with_notice(tmp_path, STORIES)
    assert all(NOTICE not in s and story in s for s, story in zip(summaries, STORIES, strict=True))


def test_shared_paragraphs_counts_clusters_not_documents() -> None:
    line = json.dumps({"id": "a", "docs": [NOTICE, NOTICE, NOTICE]})
    assert shared_paragraphs([paragraph_keys(line)]) == frozenset()
    other = json.dumps({"id": "b", "docs": [f"Short line\n{NOTICE}"]})
    third = json.dumps({"id": "c", "docs": [NOTICE]})
    keys = [paragraph_keys(line), paragraph_keys(other), paragraph_keys(third)]
    assert shared_paragraphs(keys) == {" ".join(NOTICE.split()).casefold()}


def test_a_line_the_json_parser_chokes_on_spoils_only_itself(tmp_path: Path) -> None:
    # Not JSONDecodeError: a RecursionError for the nesting, a ValueError for the digits.
    good = json.dumps({"id": "ok", "docs": ["The council met on Tuesday and voted to approve it."]})
    src = tmp_path / "in.jsonl"
    src.write_text("[" * 100_000 + "\n" + '{"id": ' + "9" * 5_000 + "}\n" + good + "\n")
    out = tmp_path / "out.jsonl"
    assert summarize_jsonl(src, out, words=50, workers=1) == (3, 2)
    deep, digits, ok = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert deep == {"id": None, "summary": "", "error": "invalid JSON: nested too deeply"}
    assert digits["error"].startswith("invalid JSON: Exceeds the limit")
    assert ok["id"] == "ok" and ok["summary"]


def test_a_cluster_whose_summary_fails_gets_an_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_: object, **__: object) -> None:
        raise RuntimeError("injected")

    monkeypatch.setattr(batch, "prepare", fail)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "docs": ["Text."]}) + "\n")
    out = tmp_path / "out.jsonl"
    assert summarize_jsonl(src, out, words=50, workers=1) == (1, 1)
    assert json.loads(out.read_text()) == {
        "id": "a",
        "summary": "",
        "error": "RuntimeError: injected",
    }
