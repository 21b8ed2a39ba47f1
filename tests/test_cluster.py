"""Cluster: a pile of articles split into stories, and a brief written for each."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES

from storybrief import pipeline
from storybrief.cluster import group
from storybrief.models import Article, Brief
from storybrief.pipeline import read
from storybrief.render.index import to_index

PILE = FIXTURES / "pile"


def stories_of(articles: list) -> list[list[str]]:
    return [[a.id for a in story] for story in group(articles)]


def test_a_pile_of_three_stories_is_split_into_them() -> None:
    articles = read([PILE])
    assert stories_of(articles) == [
        ["bridge-courier", "bridge-gazette", "bridge-radio"],
        ["fire-herald", "fire-times"],
        ["transfer-daily", "transfer-sport"],
    ]


def test_grouping_does_not_depend_on_input_order() -> None:
    articles = read([PILE])
    forward = {frozenset(s) for s in stories_of(articles)}
    assert {frozenset(s) for s in stories_of(articles[::-1])} == forward


def test_a_reprint_joins_its_original_and_skipped_inputs_join_no_story(tmp_path: Path) -> None:
    reprint = tmp_path / "reprint.txt"
    reprint.write_text((PILE / "fire-herald.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    articles = read([PILE, tmp_path])
    assert ["fire-herald", "fire-times", "reprint"] in stories_of(articles)
    assert all("empty" not in story for story in stories_of(articles))


def test_one_or_no_usable_article() -> None:
    one = read([PILE / "fire-times.txt"])
    assert stories_of(one) == [["fire-times"]]
    assert group([]) == []


def test_stories_command_writes_a_brief_per_story_and_an_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    missing = tmp_path / "missing.txt"
    args = ["stories", str(PILE), str(missing), "--out", str(out), "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-m", "storybrief", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr  # one input could not be used
    assert "3 stories" in done.stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [len(s["articles"]) for s in index["stories"]] == [3, 2, 2]
    assert index["stories"][0]["headline"].startswith("Harbour Bridge")
    assert [a["source"] for a in index["skipped"]] == [str(missing)]
    for story in index["stories"]:
        brief = json.loads((out / story["file"]).read_text(encoding="utf-8"))
        assert [a["id"] for a in brief["articles"]] == story["articles"]
        assert brief["summary"], story["file"]


def test_html_index_escapes_headlines_and_reasons() -> None:
    article = Article(id="a", source="a.txt", title="<script>alert(1)</script>", paragraphs=["x"])
    bad = Article(id="b", source="<b>.txt")
    bad.skip("<img src=x onerror=alert(1)>")
    page = to_index([("01-a.html", Brief(articles=[article], summary=[]))], [bad], "html")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_brief_warns_when_its_inputs_tell_several_stories() -> None:
    def warned(*inputs: Path) -> bool:
        done = subprocess.run(
            [sys.executable, "-m", "storybrief", "brief", *map(str, inputs)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return "seem to tell 3 different stories; `storybrief stories`" in done.stderr

    assert warned(PILE)
    assert not warned(*sorted(PILE.glob("bridge-*.txt")))


ABOUT = (
    "Copies of web pages are kept by our archive crawler so that readers can still find them "
    "after the original site changes or removes them."
)


def _pile_with(tmp_path: Path, furnished: list[str]) -> list[Article]:
    """The fixture pile, the site's "about" paragraph added to the ``furnished`` articles."""
    for path in PILE.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        if path.stem in furnished:
            text += f"\n\n{ABOUT}\n"
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    return read([tmp_path])


def test_a_paragraph_in_three_stories_is_furniture_and_removed(tmp_path: Path) -> None:
    articles = _pile_with(tmp_path, ["bridge-radio", "fire-times", "transfer-sport"])
    stories = pipeline.stories_of(articles)
    assert [len(s) for s in stories] == [3, 2, 2]
    for article in (a for story in stories for a in story):
        assert ABOUT not in article.paragraphs
        assert all(ABOUT not in s.text for s in article.sentences)
    radio = next(a for a in articles if a.id == "bridge-radio")
    assert radio.removed[-1].line == ABOUT
    assert "3 or more stories" in radio.removed[-1].why


def test_a_paragraph_in_two_stories_is_kept(tmp_path: Path) -> None:
    articles = _pile_with(tmp_path, ["bridge-radio", "fire-times"])
    stories = pipeline.stories_of(articles)
    kept = [a.id for story in stories for a in story if ABOUT in a.paragraphs]
    assert kept == ["bridge-radio", "fire-times"]
