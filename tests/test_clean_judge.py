"""The learned line judge: its weights load, it takes widget lines the rules keep, never facts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storybrief.clean.judge import (
    FEATURE_NAMES,
    WEIGHTS,
    Position,
    features,
    is_protected,
    judges,
    load_judge,
)
from storybrief.clean.lines import Line
from storybrief.clean.text import clean_texts
from storybrief.models import Article

LEAD = (
    "The city council of Port Alder voted on Monday to close the old ferry terminal by the end "
    "of the year, the mayor's office said."
)
MIDDLE = "The terminal has lost money every year since the bridge opened in 2009, the audit found."
CLOSE = "A public hearing on the plan is set for the first week of March at the town hall."


def _clean(*lines: str) -> Article:
    article = Article(id="t", source="<t>", raw="\n\n".join(lines))
    clean_texts([article])
    return article


def test_the_shipped_weights_load_and_name_every_feature() -> None:
    judge = load_judge()
    assert len(judge.weights) == len(FEATURE_NAMES) == len(features(Line("x"), Position(0, 1)))
    assert 0.5 <= judge.threshold < 1
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURE_NAMES)


def test_weights_fitted_on_other_features_are_refused(tmp_path: Path) -> None:
    stale = tmp_path / "judge.json"
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    stale.write_text(json.dumps(data | {"features": data["features"][:-1]}), encoding="utf-8")
    with pytest.raises(ValueError, match="retrain"):
        load_judge(stale)


@pytest.mark.parametrize(
    "widget",
    [
        "Loading…",
        "FACEBOOK.",
        '<tweet tweet-id="123456789012345678"><tweet/>.',
        "Marcus Lee via Getty Images.",
        "Harbour tolls to rise again next spring Read more",
    ],
)
def test_widget_lines_the_rules_keep_are_taken_with_the_judges_reason(widget: str) -> None:
    article = _clean(LEAD, MIDDLE, widget, CLOSE)
    assert widget not in article.paragraphs
    assert [r.why for r in article.removed if r.line == widget] == [
        "shaped like page furniture (learned line judge)"
    ]
    assert article.paragraphs == [LEAD, MIDDLE, CLOSE]


@pytest.mark.parametrize(
    "fact",
    [
        "Estimated net worth: $250,000",
        "Running time: 2 hours, 15 minutes",
        "Ferry passengers in 2019: 41,000",
    ],
)
def test_a_label_and_a_figure_is_a_fact_and_stays(fact: str) -> None:
    assert fact in _clean(LEAD, fact, MIDDLE, CLOSE).paragraphs


@pytest.mark.parametrize(
    "kept",
    [
        "Harbour tolls will rise by a fifth next spring, the mayor said. (Reuters)",
        "6:56 pm Council members are voting now.",  # a live blog's update
        "Ferries are the soul of this town. — Dana Lee (@danalee) May 2, 2019",  # a post
        "12. Harbour Street (14.)",  # a ranking's item
        "-Mayor Lee leads the race in Port Alder. [Courier, Herald]",  # a dash glued to its item
        "Pure spin.",  # prose's short sentence
        "Enter Mayor Lee.",
        "40,000.",  # a figures box
        "Undecided 9%.",
    ],
)
def test_the_judge_leaves_lines_the_rules_keep_on_purpose(kept: str) -> None:
    assert is_protected(Line(kept)) and not judges(Line(kept))
    assert kept in _clean(LEAD, MIDDLE, kept, CLOSE).paragraphs


@pytest.mark.parametrize(
    "label",
    [
        "Getty.",
        "Twitter.",
        "HARBOUR NEWS.",
        "Loading…",
        "Source: Port Authority.",
        "9 p.m.",
        "-webkit-border-radius: 50px;",  # a dash glued to a lower-case word is no bullet
    ],
)
def test_short_sentences_with_a_cue_word_or_a_label_shape_stay_judged(label: str) -> None:
    """A credit, a platform, a heading in capitals, a loading notice, a source or a clock."""
    assert not is_protected(Line(label))


def test_long_lines_are_out_of_the_judges_scope() -> None:
    caption = " ".join(["Ferry passengers wait at the old terminal in Port Alder"] * 2)
    assert not judges(Line(caption + " (Reuters)"))


def test_position_and_repeats_change_the_score_not_the_order_of_articles() -> None:
    line = Line("Loading…")
    judge = load_judge()
    first = judge.probability(line, Position(0, 10))
    middle = judge.probability(line, Position(5, 10))
    assert first != middle
    a, b = (_clean(LEAD, "FACEBOOK.", CLOSE) for _ in range(2))
    assert a.paragraphs == b.paragraphs and [r.line for r in a.removed] == ["FACEBOOK."]


def test_the_judge_never_leaves_an_article_without_text() -> None:
    alone = _clean("Breaking", "Wow.")
    assert alone.paragraphs == ["Wow."]
    assert not [r for r in alone.removed if "judge" in r.why]
    assert "FACEBOOK." not in _clean(LEAD, "FACEBOOK.").paragraphs  # with text beside it, it goes
