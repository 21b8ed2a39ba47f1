"""The one JSONL line parser: a hostile line is that line's error, never the run's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storybrief.ingest import BadLine, jsonl_lines, parse_line, read_inputs

HOSTILE = {
    "lone surrogate": ('{"id": "a", "text": "half a pair \\ud83d here"}', "lone surrogate"),
    "surrogate in a key": ('{"\\udc00": 1}', "lone surrogate"),
    "5,000 digits": ('{"id": ' + "9" * 5_000 + "}", "Exceeds the limit"),
    "100,000 deep": ("[" * 100_000, "nested too deeply"),
    "not JSON": ("{'id': 1}", "column 2"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_line_raises_badline_saying_why(case: str) -> None:
    line, why = HOSTILE[case]
    with pytest.raises(BadLine, match=why):
        parse_line(line)


def test_a_surrogate_pair_is_text_and_parses() -> None:
    assert parse_line('{"t": "\\ud83d\\ude00"}') == {"t": "\U0001f600"}
    assert parse_line("[1, [2, [3]]]") == [1, [2, [3]]]


def test_lines_are_streamed_cut_at_newline_only_and_bad_bytes_replaced(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"a": "x\xe2\x80\xa8y"}\r\n\xff\n\n{"b": 1}')
    assert list(jsonl_lines(path)) == ['{"a": "x\u2028y"}', "\ufffd", "", '{"b": 1}']


def test_a_jsonl_input_bigger_than_the_file_limit_is_read_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "pile.jsonl"
    line = json.dumps({"id": "x", "text": "The council met on Tuesday. " * 40})
    path.write_text("\n".join([line] * 30) + "\n[[[\n")
    articles = read_inputs([path], max_bytes=2_000)  # each line fits, the file does not
    assert [a.ok for a in articles] == [True] * 30 + [False]
    assert articles[-1].source == f"{path}:31"
    assert articles[-1].reason == "invalid JSON (Expecting value (column 4))"
