"""A file name or id with control characters is shown, never obeyed, wherever it is printed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storybrief.terminal import json_text, shown

# ESC ] ... BEL retitles the window; CSI (C1, as a character and as a raw byte) clears it.
NAME = "a\x1b]0;retitled\x07b\x9b2Jc"
RAW_BYTE = b"d\x9b2J"
# What a terminal obeys: C0 but tab and newline, DEL, C1 (as UTF-8) and a raw C1 byte.
OBEYED = [bytes([c]) for c in (*range(9), *range(11, 32), 127, 0x9B)] + ["\x9b".encode()]


def test_control_characters_are_written_out_and_text_kept() -> None:
    assert shown(NAME) == "a\\x1b]0;retitled\\x07b\\x9b2Jc"
    assert shown(os.fsdecode(RAW_BYTE)) == "d\\x9b2J"
    assert shown("Zoë\tand\nJosé") == "Zoë\tand\nJosé"


@pytest.mark.parametrize("indent", [None, 2])
def test_json_reads_back_the_same_value_with_no_control_character_raw(indent: int | None) -> None:
    value = {"id": NAME + os.fsdecode(RAW_BYTE) + "\ud800", "title": "Zoë"}
    text = json_text(value, indent)
    assert json.loads(text) == value
    assert "Zoë" in text
    assert not any(b in text.encode("utf-8", "surrogateescape") for b in OBEYED)


def _run(*args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "storybrief", *args], capture_output=True, timeout=300
    )


def _printed_safely(run: subprocess.CompletedProcess[bytes]) -> None:
    """Every printed line is free of what a terminal obeys, and names each input."""
    for out in (run.stdout, run.stderr):
        assert not [b for b in OBEYED if b in out.replace(b"\r\n", b"\n")], out
    assert b"a\\x1b]0;retitled\\x07b\\x9b2Jc" in run.stdout + run.stderr
    assert b"d\\x9b2J" in run.stdout + run.stderr


@pytest.fixture
def named(tmp_path: Path) -> Path:
    """A folder of two empty files (skipped, so no model is loaded) with such names."""
    (tmp_path / f"{NAME}.txt").write_text("", encoding="utf-8")
    (Path(os.fsdecode(bytes(tmp_path) + b"/" + RAW_BYTE + b".txt"))).write_text("")
    return tmp_path


@pytest.mark.parametrize(
    "args", [("clean",), ("clean", "-f", "json"), ("brief",), ("brief", "-f", "json")]
)
def test_the_cli_prints_such_names_shown(named: Path, args: tuple[str, ...]) -> None:
    run = _run(*args, str(named))
    assert run.returncode == 1  # both skipped: empty
    _printed_safely(run)


def test_the_html_brief_shows_such_names(named: Path) -> None:
    run = _run("brief", "-f", "html", str(named))
    assert b"a\\x1b]0;retitled\\x07b\\x9b2Jc" in run.stdout
    assert not [b for b in OBEYED if b in run.stdout]
