"""brief_of: the analysis builds one copy index, which the summary reads; it changes no brief."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable

import pytest
from conftest import EXAMPLE

from storybrief.analyze import StoryContext, analyze
from storybrief.models import Article, Brief, Sentence
from storybrief.nlp.overlap import CopyIndex
from storybrief.pipeline import DEFAULT_WORDS, brief_of, read
from storybrief.summarize import summarize


def _separately(articles: list[Article]) -> Brief:
    """The brief as the stages give it when each builds its own copy index."""
    usable = [a for a in articles if a.ok]
    found = analyze(StoryContext(usable))
    summary = summarize(usable, words=DEFAULT_WORDS, disputed=found.disputed)
    return Brief(
        articles,
        summary,
        found.syndication,
        found.entities,
        found.quotes,
        found.agreements,
        found.conflicts,
        found.timeline,
        found.warnings,
    )


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
