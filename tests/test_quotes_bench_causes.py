"""``bench/polnear.py --causes``: a wrong speaker counted by what was given, without its text."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import polnear


def _gold(source: str, content: str, silver: str | None = None) -> dict[str, Any]:
    return {"source_text": source, "content_text": content, "source_silver": silver}


def test_a_miss_is_told_by_shape_and_by_what_was_given() -> None:
    cause = polnear.miss_cause
    statement = _gold("Viguerie", '"He may be the only one," he said')
    embedded = _gold("Trump", 'called it a "disaster"', silver="Donald Trump")
    assert cause(statement, None) == "statement|none"
    assert cause(statement, "the poll") == "statement|common-noun"
    assert cause(embedded, "Hillary Clinton") == "embedded|other-name"
    assert cause(embedded, "Trump Tower") == "embedded|silver-form"
    headline = _gold("ROLL TIDE AGAIN", '"an instant classic"')
    assert cause(headline, None) == "statement|gold-headline"
    assert cause(statement, None, source_cut=True) == "statement|source-line-cleaned-away"


def test_a_source_on_a_line_cleaning_dropped_is_found_by_its_offset() -> None:
    text = "Stated Stone:\n\n\u201cThe stakes are high.\u201d"
    gold = {"source": [[7, 12]]}
    assert polnear._source_cut(text, gold, {"Stated Stone:"})
    assert not polnear._source_cut(text, gold, {"Watch the video below:"})


def test_causes_are_counted_by_publisher_and_by_article() -> None:
    tally = Counter(
        {
            "miss|named|huff-post|statement|none": 3,
            "miss|named|nyt|statement|none": 1,
            "in|named|statement|none|a1": 1,
            "in|named|statement|none|a2": 1,
        }
    )
    assert polnear.causes(tally) == ["named statement none: 4 in 2 articles (huff-post 3, nyt 1)"]
