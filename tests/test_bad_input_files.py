"""Regressions of issue 13: inputs that lost the batch, crashed, hung or failed silently.

Each test names the input a hostile user fed storybrief and what it now does:
the input is its own item, with a reason when it cannot be used, and the rest
of the batch goes on.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storybrief
from storybrief import Text
from storybrief.analyze import StoryContext
from storybrief.analyze.syndication import find_syndication
from storybrief.cli import app
from storybrief.ingest import read_inputs
from storybrief.ingest.decode import NotText, decode
from storybrief.ingest.feeds import parse_feed
from storybrief.models import Article
from storybrief.segment import segment
from storybrief.settings import Limits

BRIDGE = (
    "Harbour bridge to close for six weeks\n\n"
    "The harbour bridge will close for six weeks from Monday, the city council said on "
    "Tuesday, after engineers found corrosion in two of its main cables.\n\n"
    "Ferries will run every ten minutes while the bridge is shut, the operator said, and "
    "season tickets will be honoured on every crossing."
)


def _reasons(articles: list[Article]) -> dict[str, str | None]:
    return {a.id: a.reason for a in articles}


def test_plain_text_with_inline_html_tags_is_briefed() -> None:
    tagged = BRIDGE.replace("harbour bridge", "<b>harbour</b> <a href='x'>bridge</a>")
    brief = storybrief.brief([Text(tagged + "\n\nA <br> break <span>and</span> <i>more</i>.")])
    assert brief.articles[0].ok and brief.summary
    assert not brief.warnings


@pytest.mark.parametrize("text", ["Hi.", "Bridge.", "The bridge closed.", "“”", "2014", "<b>x</b>"])
def test_a_tiny_article_is_briefed_or_skipped_with_its_reason(text: str) -> None:
    brief = storybrief.brief([Text(text), Text(BRIDGE)])
    tiny = brief.articles[0]
    assert tiny.ok or tiny.reason
    assert not brief.warnings, brief.warnings


def test_a_story_of_one_one_sentence_article() -> None:
    brief = storybrief.brief([Text("Bridge closed\n\nThe council closed the bridge on Monday.")])
    assert not brief.warnings


def test_a_string_is_one_path_not_a_sequence_of_characters(tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    brief = storybrief.brief(str(tmp_path))
    assert [a.id for a in brief.articles] == ["bridge"]
    assert [a.id for a in storybrief.brief(tmp_path / "bridge.txt").articles] == ["bridge"]
    assert [a.id for a in storybrief.brief(Text(BRIDGE)).articles] == ["text-1"]


@pytest.mark.parametrize("words", [0, -5, 9, 12.5, True])
def test_a_summary_length_under_ten_words_is_refused(words: object) -> None:
    with pytest.raises(ValueError, match="at least 10"):
        storybrief.brief([Text(BRIDGE)], words=words)  # type: ignore[arg-type]


def test_utf16_without_a_byte_order_mark_is_text() -> None:
    text = "Le pont ferme lundi — “déjà vu”.\nThe bridge closes on Monday."
    assert decode(text.encode("utf-16-le")) == text
    assert decode(text.encode("utf-16-be")) == text
    with pytest.raises(NotText):
        decode(b"\x00\x01" * 64)  # NULs in step, but no text
    with pytest.raises(NotText):
        decode(bytes(range(256)) * 4)


def test_a_file_just_over_the_limit_says_by_how_much(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2**20 + b"b")
    (article,) = read_inputs([path], max_bytes=2**20)
    assert article.reason == "file too large (1,048,577 bytes > 1,048,576-byte (1.0 MB) limit)"


def test_a_path_of_5000_characters_is_its_own_skip(tmp_path: Path) -> None:
    (tmp_path / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    articles = read_inputs(["x" * 5000 + ".txt", str(tmp_path / "bridge.txt")])
    assert len(articles) == 2 and articles[1].ok
    assert articles[0].reason == "cannot read (File name too long)"


@pytest.fixture
def looped(tmp_path: Path) -> Path:
    """A folder holding one article and two links back up to itself."""
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "d" / "up1").symlink_to("..")
    (tmp_path / "d" / "up2").symlink_to("..")
    (tmp_path / ".hidden.txt").write_text(BRIDGE, encoding="utf-8")
    return tmp_path


def test_a_folder_with_symlink_loops_is_read_once(looped: Path) -> None:
    started = time.monotonic()
    assert [a.id for a in read_inputs([looped])] == ["bridge"]
    assert [a.id for a in read_inputs([f"{looped}/**/*.txt"])] == ["bridge"]
    assert time.monotonic() - started < 10  # glob.glob followed the links for ever
    assert [a.id for a in read_inputs([f"{looped}/.*.txt"])] == [".hidden"]


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder whose subfolder cannot be listed (as if chmod 0; tests may run as root)."""
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "hidden-away.txt").write_text(BRIDGE, encoding="utf-8")
    (tmp_path / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    scandir = os.scandir

    def refusing(path: str = ".") -> Iterator[os.DirEntry[str]]:
        if os.fspath(path).endswith("inner"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    yield tmp_path


def test_an_unreadable_subfolder_is_listed_with_its_reason(locked: Path) -> None:
    assert _reasons(read_inputs([locked])) == {
        "bridge": None,
        "inner": "cannot list folder (Permission denied)",
    }


def test_a_feed_title_with_control_characters_or_markup_is_plain_text() -> None:
    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>'
        b"<item><title>Bridge \x01 <b>closed</b> &lt;script&gt;</title>"
        b"<author>Ann \x02Lee</author><description>Ferries \x03run.</description></item>"
        b"<item><title><![CDATA[<i>Ferry</i> &amp; bus]]></title></item></channel></rss>"
    )
    first, second = parse_feed(feed)
    assert first.title == "Bridge closed <script>" and first.text == "Ferries run."
    assert second.title == "Ferry & bus"


def test_an_article_over_the_sentence_limit_is_cut_and_says_so() -> None:
    body = "\n\n".join(
        f"Engineers found corrosion in cable number {n} on day {n}." for n in range(30)
    )
    article = Article(id="long", source="long", paragraphs=body.split("\n\n"))
    segment(article, Limits(max_sentences=10))
    assert len(article.sentences) == 10 and len(article.paragraphs) == 10
    (cut,) = article.removed
    assert cut.why == "the article has 30 sentences, over the 10-sentence limit"
    assert cut.line.startswith("20 sentences from “Engineers found corrosion in cable number 10")


def test_copy_detection_asks_once_per_distinct_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    repeated = "The council closed the harbour bridge after engineers found corroded cables."
    texts = [f"Title {n}\n\n" + " ".join([repeated] * 150) + f" Story {n} ends." for n in range(2)]
    story = StoryContext.from_texts(*texts)
    calls: list[str] = []
    copies = story.copies.copies

    def counted(sentence: object) -> object:
        calls.append(sentence.text)  # type: ignore[attr-defined]
        return copies(sentence)  # type: ignore[arg-type]

    monkeypatch.setattr(story.copies, "copies", counted)
    find_syndication(story)
    assert len(calls) == len(set(calls)) <= 4


def _summarize(tmp_path: Path, lines: list[object]) -> tuple[int, list[dict[str, object]]]:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    run = CliRunner().invoke(app, ["summarize", "--jsonl", str(src), "--out", str(out)])
    return run.exit_code, [json.loads(line) for line in out.read_text().splitlines()]


def test_summarize_gives_an_empty_or_non_english_cluster_an_error_and_exits_1(
    tmp_path: Path,
) -> None:
    german = (
        "Der Stadtrat hat am Montag die Brücke über den Fluss geschlossen, nachdem Ingenieure "
        "Korrosion an zwei Kabeln gefunden hatten. Die Fähre fährt nun alle zehn Minuten, "
        "sagte der Betreiber am Dienstag, und die Pendler müssen mit Verspätungen rechnen."
    )
    status, records = _summarize(
        tmp_path, [{"id": "empty", "docs": []}, {"id": "de", "docs": [german] * 2}]
    )
    assert status == 1
    assert records[0]["error"] == 'no usable document: "docs" is empty'
    assert "not in English" in str(records[1]["error"]) and records[1]["summary"] == ""
