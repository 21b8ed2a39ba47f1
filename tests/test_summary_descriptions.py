"""A summary sentence with a definite description of what only a sentence left out
introduced ("The law paves the way ..." after "... drug law amendments"): it enters only
after that sentence (issue 15, fourteenth session)."""

from __future__ import annotations

import pytest

from storybrief.models import Article
from storybrief.segment import segment
from storybrief.settings import DescriptionSettings
from storybrief.summarize import summarize
from storybrief.summarize.descriptions import described

LAW = [
    "Jamaica's lawmakers met late into the night on Tuesday.",
    "After hours of debate, legislators gave final passage to drug law amendments.",
    "The law paves the way for a licensing authority for medical marijuana.",
]
HIKE = [
    "Various Kurds suggested they visit Ahmed Awa, a spectacular mountain waterfall.",
    "The hikers had no idea it abutted Iran, Ms. Shourd said.",
    "The music and laughter around scores of campfires at the waterfall gave no sense of danger.",
]


def _told(article: list[str], index: int) -> list[tuple[int, int, str]]:
    return [(0, index, article[index])]


def test_a_description_of_what_the_sentence_before_introduced_needs_it() -> None:
    assert described([LAW], _told(LAW, 2)) == [1]


def test_the_introducing_sentence_may_be_two_before_but_no_further() -> None:
    assert described([HIKE], _told(HIKE, 2)) == [0]
    assert described([HIKE], _told(HIKE, 2), DescriptionSettings(window=1)) == [None]


@pytest.mark.parametrize(
    "text",
    [
        # The description says which one itself.
        "The law of the land paves the way for a licensing authority.",
        "The law, which passed by a wide margin, paves the way for a licensing authority.",
        # A name, not a description.
        "The Law Society welcomed the vote in parliament.",
        # In a quotation: the speaker's words, never altered or judged here.
        'Growers said "the law is a start" for a licensing authority.',
        # The sentence itself names the law first.
        "A new law on the books means the law paves the way for a licensing authority.",
    ],
)
def test_a_description_that_needs_nothing_before_it(text: str) -> None:
    article = [*LAW[:2], text]
    assert described([article], _told(article, 2)) == [None]


def test_a_name_holding_the_noun_introduces_it() -> None:
    article = [
        "Reporters waited outside on Tuesday.",
        "Defense Secretary William Cohen spoke during a visit to Riyadh.",
        "A Pentagon spokesman said the secretary had not retracted his remarks.",
    ]
    assert described([article], _told(article, 2)) == [1]


def test_a_noun_told_as_known_before_introduces_nothing() -> None:
    article = [
        "Reporters waited outside on Tuesday.",
        "Legislators said the law had support from both parties.",
        "The law paves the way for a licensing authority for medical marijuana.",
    ]
    assert described([article], _told(article, 2)) == [None]


def test_a_noun_another_article_of_the_story_names_is_the_story_s() -> None:
    other = ["The outlet said the law was passed."]
    unrelated = ["The outlet said the vote was close."]
    assert described([LAW, other], _told(LAW, 2)) == [None]
    assert described([LAW, unrelated], _told(LAW, 2)) == [1]


def _article(name: str, paragraphs: list[str]) -> Article:
    return segment(Article(id=name, source=name, paragraphs=paragraphs))


def test_a_described_thing_enters_only_after_the_sentence_introducing_it() -> None:
    wire = _article(
        "wire",
        [
            "After a debate that ran for hours past midnight and was interrupted twice by "
            "protests from opposition members in the gallery, legislators gave final passage "
            "to drug law amendments.",
            "Marijuana possession is decriminalized by the law, and medical marijuana "
            "licences are created.",
        ],
    )
    daily = _article(
        "daily",
        ["Police will stop arresting people for marijuana possession, the justice minister said."],
    )
    post = _article(
        "post",
        [
            "Farmers in the hills hope medical marijuana licences will let them sell "
            "to foreign buyers."
        ],
    )
    # Before, "Marijuana possession is decriminalized by the law, ..." opened every
    # summary of 15 to 60 words, the amendments left out.
    for budget in (15, 30, 60, 80):
        told = [s.text for s in summarize([wire, daily, post], budget)]
        law = [n for n, text in enumerate(told) if "by the law" in text]
        amendments = [n for n, text in enumerate(told) if text.startswith("After a debate")]
        assert not law or (amendments and amendments[0] < law[0])
