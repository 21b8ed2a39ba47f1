"""Ingest: every input kind, every encoding, and every bad input kept with a reason."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from storybrief import ingest
from storybrief.ingest import read_inputs
from storybrief.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
STORY = FIXTURES / "story"
TEXT = "Café owners said the “new rules” were naïve — and costly.\nThey meet again on Monday.\n"


def only(articles: list[Article]) -> Article:
    assert len(articles) == 1, articles
    return articles[0]


def test_text_file_is_read_with_stem_id_and_path_source() -> None:
    path = STORY / "001_alpha.txt"
    article = only(read_inputs([path]))
    assert article.ok
    assert (article.id, article.kind, article.source) == ("001_alpha", "text", str(path))
    assert article.raw == path.read_text(encoding="utf-8")


def test_html_file_is_read_as_markup() -> None:
    article = only(read_inputs([str(STORY / "002_beta.html")]))
    assert (article.id, article.kind) == ("002_beta", "html")
    assert article.raw.startswith("<!DOCTYPE html>")


def test_gzipped_html_is_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(b"<html><body><p>Hello</p></body></html>"))
    article = only(read_inputs([path]))
    assert (article.id, article.kind, article.ok) == ("page", "html", True)
    assert "<p>Hello</p>" in article.raw


def test_directory_is_walked_recursively_in_sorted_order_skipping_other_files() -> None:
    articles = read_inputs([STORY])
    assert [a.id for a in articles] == ["001_alpha", "002_beta", "003_gamma"]
    assert [a.kind for a in articles] == ["text", "html", "text"]
    assert all(a.ok for a in articles)


def test_glob_pattern_is_expanded_when_the_shell_did_not() -> None:
    articles = read_inputs([str(STORY / "**" / "*.md"), str(STORY / "00[12]_*")])
    assert [a.id for a in articles] == ["003_gamma", "001_alpha", "002_beta"]


def test_glob_with_no_match_is_skipped() -> None:
    article = only(read_inputs([str(STORY / "*.pdf")]))
    assert not article.ok
    assert "no file matches" in (article.reason or "")


def test_file_named_twice_is_read_once() -> None:
    articles = read_inputs([STORY / "001_alpha.txt", STORY])
    assert [a.id for a in articles] == ["001_alpha", "002_beta", "003_gamma"]


def test_same_stem_in_two_folders_gets_distinct_ids(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Text from {folder}.\n")
    assert [a.id for a in read_inputs([tmp_path])] == ["story", "story~2"]


def test_jsonl_gives_one_article_per_line_and_skips_bad_lines() -> None:
    path = FIXTURES / "batch.jsonl"
    articles = read_inputs([path])
    assert [a.id for a in articles] == ["courier-1", "batch:2", "batch:4", "batch:5"]
    first, second, broken, no_body = articles
    assert (first.kind, first.raw, first.source) == (
        "text",
        "The bridge closes on Monday.",
        f"{path}:1",
    )
    assert (first.title, first.url, first.outlet, first.published) == (
        "Bridge to close",
        "https://courier.example/bridge",
        "Lakeside Courier",
        "2024-03-05",
    )
    assert (second.kind, second.outlet, second.ok) == ("html", "Estuary Herald", True)
    assert not broken.ok
    # The source names the line; the reason, printed after it, does not repeat it.
    assert (broken.source, broken.reason.split(" (")[0]) == (f"{path}:4", "invalid JSON")
    assert not no_body.ok
    assert (no_body.source, no_body.reason) == (f"{path}:5", 'no "text" or "html" string field')


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8 with BOM"),
        (TEXT.encode("utf-16"), "utf-16 with BOM"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.replace("\n", "\r\n").encode("utf-8"), "CRLF newlines"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoded: bytes, name: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(encoded)
    article = only(read_inputs([path]))
    assert article.ok, name
    assert article.raw == TEXT, name


def test_html_under_a_text_suffix_is_still_html(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text("<!doctype html><html><body><p>Saved page</p></body></html>")
    assert only(read_inputs([path])).kind == "html"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file (only whitespace)"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01",
            "binary file (contains NUL bytes)",
        ),
    ],
)
def test_unusable_content_is_skipped_with_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    seen: list[Article] = []
    article = only(read_inputs([path], on_read=seen.append))
    assert (article.id, article.status, article.reason) == ("bad", "skipped", reason)
    assert seen == [article]


def test_missing_path_is_skipped_not_raised(tmp_path: Path) -> None:
    article = only(read_inputs([tmp_path / "gone.txt"]))
    assert (article.id, article.ok, article.reason) == (
        "gone.txt",
        False,
        "no such file or directory",
    )


def test_directory_without_articles_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\x00")
    article = only(read_inputs([tmp_path]))
    assert (article.id, article.ok) == (tmp_path.name, False)
    assert "directory holds no article files" in (article.reason or "")
    # The reason names every suffix a folder is read for, not a list of its own.
    assert all(f"{suffix}," in (article.reason or "") for suffix in (".text", ".htm", ".xml"))
    assert "gzipped .gz" in (article.reason or "")


def test_large_file_is_refused_from_its_size_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB long, no disk used
        handle.truncate(50 * 1024 * 1024)

    def no_read(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file over the limit must not be opened")

    monkeypatch.setattr(ingest, "open", no_read, raising=False)
    article = only(read_inputs([path]))
    assert article.reason == "file too large (50.0 MB > 10.0 MB limit)"


def test_size_limit_can_be_lowered(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("x" * 2048)
    assert only(read_inputs([path], max_bytes=1024)).reason.startswith("file too large")
    assert only(read_inputs([path], max_bytes=4096)).ok


def test_gzip_over_the_limit_once_decompressed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"word " * 1000))
    article = only(read_inputs([path], max_bytes=1024))
    assert article.reason == "file too large (over 1,024 bytes limit once decompressed)"


def test_unreadable_file_is_skipped_with_the_os_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # chmod does not stop root, who runs CI, so the refusal is simulated.
    monkeypatch.setattr(ingest, "open", denied, raising=False)
    article = only(read_inputs([path]))
    assert (article.ok, article.reason) == (False, "cannot read file (Permission denied)")


def test_on_read_is_called_once_per_article_in_order() -> None:
    seen: list[str] = []
    articles = read_inputs([STORY, FIXTURES / "batch.jsonl"], on_read=lambda a: seen.append(a.id))
    assert seen == [a.id for a in articles]
    assert len(seen) == 7


_TERMINAL = "\x1b[2J\x1b]0;owned\x07\x9b31m"  # clear the screen, retitle the window, CSI


def test_control_characters_a_terminal_obeys_are_read_out_of_text_and_jsonl(
    tmp_path: Path,
) -> None:
    body = "The bridge closed on Tuesday{}, officials said.\x0cRepairs take a month."
    (tmp_path / "a.txt").write_text(f"Bridge shut{_TERMINAL}\n\n" + body.format(_TERMINAL))
    line = {"id": "b", "title": f"Shut{_TERMINAL}", "outlet": f"Courier{_TERMINAL}"}
    line["text"] = body.format(_TERMINAL)
    (tmp_path / "b.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    text, jsonl = read_inputs([tmp_path / "a.txt", tmp_path / "b.jsonl"])
    fields = [text.raw, jsonl.raw, jsonl.title, jsonl.outlet]
    assert fields == [
        "Bridge shut[2J]0;owned31m\n\nThe bridge closed on Tuesday[2J]0;owned31m, officials"
        " said. Repairs take a month.",
        "The bridge closed on Tuesday[2J]0;owned31m, officials said. Repairs take a month.",
        "Shut[2J]0;owned31m",
        "Courier[2J]0;owned31m",
    ]
