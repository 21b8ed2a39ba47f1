"""The pipeline: one copy index per story, texts told from paths by type, settings passed down."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from conftest import EXAMPLE

import storybrief
from storybrief import distributed, pipeline
from storybrief.analyze import StoryContext, analyze, disputed_sentences
from storybrief.models import Article, Brief, Sentence, Text
from storybrief.nlp.overlap import CopyIndex
from storybrief.pipeline import DEFAULT_WORDS, brief_of, read
from storybrief.settings import QuoteSettings, Settings
from storybrief.summarize import summarize
from storybrief.summarize.headline import headline_of


def _separately(articles: list[Article]) -> Brief:
    """The brief as the stages give it when each builds its own copy index."""
    usable = [a for a in articles if a.ok]
    found = analyze(StoryContext(usable))
    summary = summarize(
        usable,
        words=DEFAULT_WORDS,
        disputed=disputed_sentences(found.conflicts),
        agreements=found.agreements,
    )
    brief = dataclasses.replace(found, articles=articles, summary=summary)
    return dataclasses.replace(brief, headline=headline_of(brief))


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> list[CopyIndex]:
    """Every copy index constructed while the test runs, however its module imported the class."""
    indexes: list[CopyIndex] = []
    init = CopyIndex.__init__

    def counted(self: CopyIndex, sentences: Iterable[Sentence]) -> None:
        indexes.append(self)
        init(self, sentences)

    monkeypatch.setattr(CopyIndex, "__init__", counted)
    return indexes


def test_brief_of_shares_one_copy_index_and_the_brief_is_unchanged(
    built: list[CopyIndex],
) -> None:
    articles = read([EXAMPLE])
    brief = brief_of(articles)
    assert len(built) == 1
    assert _separately(articles) == brief
    # The example's analysis does look copies up: on its own it builds a second index.
    assert len(built) == 3


def test_batch_summaries_import_no_analysis() -> None:
    """The batch path summarizes without spaCy, which takes a second to import."""
    code = "import sys, storybrief.batch; print(sorted(m for m in sys.modules if 'spacy' in m))"
    imported = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert imported.strip() == "[]"


def test_a_string_is_always_a_path_and_a_text_is_a_text(tmp_path: Path) -> None:
    body = "Bridge reopens\n\nThe harbour bridge reopened on Tuesday after three weeks of repairs."
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    # Read articles come by id (the missing file's is its name, "Bridge …"), texts after them.
    missing, on_disk, text = read([str(tmp_path / "a.txt"), body, Text(body, name="pasted")])
    assert (on_disk.id, on_disk.ok) == ("a", True)
    # A string with line breaks used to be taken for article text; it names a file like any.
    assert not missing.ok and missing.source == body
    assert (text.id, text.source, text.ok) == ("text-1", "pasted", True)
    assert [s.text for s in text.sentences] == [s.text for s in on_disk.sentences]
    assert read([Text(body.replace("\n", "\r\n"))])[0].paragraphs == on_disk.paragraphs


def test_settings_reach_brief_of_through_the_api_on_every_path(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings = Settings(quotes=QuoteSettings(min_words=2))
    seen: list[Settings] = []

    def spy(articles: list[Article], *, words: int, settings: Settings, **_: object) -> Brief:
        seen.append(settings)
        return Brief(articles)

    monkeypatch.setattr(pipeline, "brief_of", spy)
    storybrief.brief([EXAMPLE], settings=settings)
    storybrief.stories([EXAMPLE], settings=settings)

    # The Dask path hands its workers the same function the local path runs.
    def here(brief: Callable[[list[Article]], Brief], stories: list, *_: object) -> list[Brief]:
        return [brief(story) for story in stories]

    monkeypatch.setattr(distributed, "map_on_dask", here)
    storybrief.stories([EXAMPLE], settings=settings, scheduler="local")
    assert seen == [settings] * 3


_BRIDGE = {
    "coast.txt": "Harbor bridge closes\n\nThe Harbor Bridge in Port Alden was closed on Tuesday"
    " after inspectors found a crack in a steel girder, officials said. About 40,000 vehicles"
    " use the bridge every day.",
    "river.txt": "Port Alden shuts bridge\n\nPort Alden closed the Harbor Bridge on Tuesday after a"
    ' crack was found in a girder. "Nobody will cross that bridge until we know it is safe,"'
    " Mayor Helena Ostrova told reporters.",
    "bay.txt": "Bridge crack closes crossing\n\nOn Tuesday the city shut the Harbor Bridge when a"
    " crack turned up in a steel girder. Mayor Helena Ostrova said repairs could take a month.",
}


def test_the_same_files_in_any_order_give_the_same_brief_byte_for_byte(tmp_path: Path) -> None:
    paths = []
    for name, text in _BRIDGE.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    texts = [Text("Bridge note\n\nThe Harbor Bridge stays shut, the mayor said on Tuesday.")]
    one, other = (storybrief.brief([*p, *texts], budget=None) for p in (paths, paths[::-1]))
    assert [a.id for a in one.articles] == ["bay", "coast", "river", "text-1"]
    for fmt in ("md", "json"):
        assert storybrief.render(one, fmt) == storybrief.render(other, fmt)
