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


def test_where_the_source_of_a_statement_lies_is_counted_by_paragraph() -> None:
    text = "Stone said in a statement:\n\n\u201cFirst.\u201d\n\n\u201cSecond.\u201d\n\nHe left."
    first, second = text.index("\u201cFirst"), text.index("\u201cSecond")
    gold = {"source": [[0, 5]], "content": [[second, second + 9]]}
    assert polnear.source_place(text, gold) == "2-above-colon-run"
    gold["content"] = [[first, first + 8]]
    assert polnear.source_place(text, gold) == "1-above-colon-run"
    gold["source"] = [[text.index("He"), text.index("He") + 2]]
    assert polnear.source_place(text, gold) == "after"
    gold["source"] = None
    assert polnear.source_place(text, gold) == "no-source"


def test_a_source_in_the_statements_paragraph_is_told_by_side_distance_and_capitals() -> None:
    text = "OBAMA\u2019S LAST SPEECH \u201cWe will go on.\u201d Obama said it twice."
    quote = [[text.index("\u201c"), text.index("on.") + 4]]
    headline = {"source": [[0, 18]], "content": quote, "source_text": text[:18]}
    assert polnear.source_place(text, headline) == "same-paragraph-before-near-caps"
    at = text.index("Obama said")
    after = {"source": [[at, at + 5]], "content": quote, "source_text": "Obama"}
    assert polnear.source_place(text, after) == "same-paragraph-after-near"


def test_each_matched_quotes_speaker_is_written_one_line_each(tmp_path: Path) -> None:
    tally = Counter({"said|b|E2|named|True|Stone": 1, "said|a|E1|named|None|None": 1, "x": 1})
    polnear._write_speakers(tmp_path / "s.txt", tally)
    lines = (tmp_path / "s.txt").read_text(encoding="utf-8").splitlines()
    assert lines == ["a|E1|named|None|None", "b|E2|named|True|Stone"]
