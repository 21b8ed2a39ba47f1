"""Debunk cues read as word classes, not words (twelfth session).

Sentences and stories written for these tests (no dataset text): a report disowning what
it is told to hold ("the first report ... says nothing about the singer", "the photos were
not meant to show real meals") calls that thing untrue, and names it; a report that shows
it, a report that leaves out a number, and a person who said nothing are no such call. The
WordNet untruth class is what ``bench/untruth_words.py`` derives, and the scorer reads an
article's untruth words and its sentences calling a report untrue anywhere in it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from storybrief.analyze import StoryContext
from storybrief.analyze.conflicts import debunk, debunk_model
from storybrief.analyze.context import nlp
from storybrief.analyze.lexicon import UNTRUTHS

DISOWNING = [
    (
        "The first report of the attack was published in a local paper on Monday, and it "
        "says nothing about the pop singer.",
        "the pop singer",
    ),
    ("The photos were not meant to show school meals from those countries.", "school meals"),
    ("The video does not show the explosion at the depot.", "the explosion"),
]
NOT_DISOWNING = [
    "The report did not say how many people were hurt.",
    "The photo shows a giant crab on the beach.",
    "The mayor said nothing about the budget.",
    "Does the story say nothing about the singer?",
]


@pytest.mark.parametrize(("text", "named"), DISOWNING)
def test_a_report_disowning_what_it_is_told_to_hold_calls_it_untrue(text: str, named: str) -> None:
    doc = nlp()(text)
    assert debunk.calls_untrue(doc)
    assert debunk.called_untrue(doc).startswith(named)


@pytest.mark.parametrize("text", NOT_DISOWNING)
def test_a_report_showing_or_leaving_out_a_detail_calls_nothing_untrue(text: str) -> None:
    assert not debunk.calls_untrue(nlp()(text))


def test_the_untruth_class_is_what_the_script_derives_from_wordnet() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from untruth_words import untruths

    assert untruths() == set(UNTRUTHS)
    # A word whose first sense is another is left out: "dry" wit, "wild" rumours.
    assert {"spurious", "unfounded", "myth"} <= UNTRUTHS
    assert not {"dry", "wild", "idle"} & UNTRUTHS


REPORT = (
    "Singer's song scares off bear\n\n"
    "A fisherman in the hills escaped a bear when his phone played a pop song. "
    "The bear ran into the forest."
)
MYTH = (
    "Bear story spreads\n\n"
    "The bear story is spreading online. "
    "One reader called it a spurious myth. "
    "The first report says nothing about the pop song."
)


def test_the_scorer_reads_untruth_words_and_untrue_sentences_anywhere() -> None:
    ctx = StoryContext.from_texts(REPORT, MYTH)
    found = debunk_model.readings(ctx, lambda s: debunk.calls_untrue(ctx.docs[s.id]))
    vectors = debunk_model.features(ctx, found)
    untrue = debunk_model.FEATURES_INDEX["untrue_sentences"]
    words = debunk_model.FEATURES_INDEX["untruth_words"]
    assert vectors["t0"][untrue] == vectors["t0"][words] == 0.0
    assert vectors["t1"][untrue] > 0.0
    assert vectors["t1"][words] > 0.0
