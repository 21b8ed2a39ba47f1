"""A line without "By" is the byline only when it reads as a person's name or an outlet's."""

from __future__ import annotations

import pytest

from storybrief.clean import clean
from storybrief.models import Article
from storybrief.nlp.paraphrase import names_no_one

TITLE = "Harbourton levy approved"
OPENING = (
    "The mayor of Harbourton defended the new parking levy at a packed council meeting on "
    "Tuesday evening, saying the money would go to the ferry service."
)


def _cleaned(line: str) -> Article:
    (article,) = clean([Article(id="t", source="<t>", raw="\n\n".join([TITLE, line, OPENING]))])
    return article


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("Jane Doe", "Jane Doe"),  # "doe" is a deer: a natural kind, as surnames often are
        ("Jane Doe, Reuters", "Jane Doe, Reuters"),
        ("Mike Walsh", "Mike Walsh"),  # a given name that is a common noun too
        ("Anna K. Smith Jr.", "Anna K. Smith Jr."),
        ("NBC News", "NBC News"),  # an outlet's name, the byline of wire copy as before
    ],
)
def test_a_name_without_by_is_the_byline(line: str, byline: str) -> None:
    article = _cleaned(line)
    assert article.byline == byline
    assert article.paragraphs == [OPENING]


@pytest.mark.parametrize("line", ["Riverside County Courthouse", "Weekend Notebook."])
def test_a_place_or_a_column_name_is_no_byline_and_no_body(line: str) -> None:
    article = _cleaned(line)
    assert article.byline is None
    assert article.paragraphs == [OPENING]
    assert [(r.line, r.why) for r in article.removed] == [
        (line, "column or section name in the header")
    ]


def test_words_for_no_one_are_known_by_their_wordnet_senses() -> None:
    # A building, a scene and an adjective name no one; a smith, a fox and an unknown word may.
    assert [names_no_one(w) for w in ("Capitol", "Scene", "Economic")] == [True] * 3
    assert [names_no_one(w) for w in ("Smith", "Fox", "Okafor", "Sanders")] == [False] * 4
