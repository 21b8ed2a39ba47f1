"""Parts an analysis reads for each sentence of every pair are made once per sentence
(``StoryContext.per_sentence``): the different-detail detector's units and keys."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.tokens import Doc, Span

from storybrief.analyze import run
from storybrief.analyze.conflicts import detail
from storybrief.analyze.context import StoryContext

# Written for this test: one statement told by three outlets, one naming another district.
TOLD = (
    "Nine people died when a fire broke out at the warehouse in the {} district on Friday, "
    "officials said."
)


def _article(title: str, district: str, extra: str) -> str:
    return f"{title}\n\n{TOLD.format(district)}\n\n{extra}"


@pytest.fixture
def story() -> StoryContext:
    return StoryContext.from_texts(
        _article("Warehouse fire kills nine", "Fruitvale", "The building had no permits."),
        _article("Nine dead in warehouse fire", "Temescal", "Protests were held on Saturday."),
        _article("Fire at a party", "Fruitvale", "The owner flew in on Saturday night."),
    )


def test_each_sentence_is_cut_into_units_once_however_many_pairs_read_it(
    story: StoryContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: Counter[str] = Counter()
    units = detail._units

    def counted(doc: Doc, titled: bool) -> list[Span]:
        made[doc.text] += 1
        return units(doc, titled)

    monkeypatch.setattr(detail, "_units", counted)
    for name in ("entities", "syndication"):
        run(story, name)
    found = detail.detect(story)
    # Once per sentence (two sentences of one text share a parse, not their parts), not
    # once more for each pair of sentences alike enough to align.
    assert sum(made.values()) == len(story.sentences)
    assert [c.kind for c in found] == ["detail"]
    told = " ".join(c.text for c in found[0].claims)
    assert "Temescal" in told and "Fruitvale" in told


def test_whether_a_sentence_is_title_cased_is_read_once_not_once_per_word(
    story: StoryContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: Counter[str] = Counter()
    title_cased = detail._title_cased

    def counted(doc: Doc) -> bool:
        asked[doc.text] += 1
        return title_cased(doc)

    monkeypatch.setattr(detail, "_title_cased", counted)
    for name in ("entities", "syndication"):
        run(story, name)
    assert [c.kind for c in detail.detect(story)] == ["detail"]
    assert sum(asked.values()) == len(story.sentences)
