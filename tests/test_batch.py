"""The batch-mode contract: one output line per input line, in order, deterministic."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from storybrief.batch import summarize_jsonl

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
    assert by_id["empty"] == {"id": "empty", "summary": ""}


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
