"""Sentences that lean on one the summary may leave out, found reading clusters never read
before (issue 15, twelfth round): a time or place reckoned from an event told earlier, an
opening that takes what came before as its object ("Prior to that,", "Among them"),
"Others", a transcript's turn, and the rest of a sentence a hard-wrapped line broke off;
and a name written family name first ("Geng Shuang": "said Geng"), given in full."""

from __future__ import annotations

import pytest

from storybrief.models import Article
from storybrief.nlp.overlap import words
from storybrief.segment import segment
from storybrief.summarize import summarize
from storybrief.summarize.candidates import collect_candidates, in_quotation, leans_on_context
from storybrief.summarize.names import Names


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        # A time or place reckoned from an event the sentence before told.
        ("The ferry captain was arrested at the harbour the very next day.", True),
        ("Six minutes later, the crew of the ferry lowered the first lifeboat.", True),
        ("Four days and several moves later they ended up in the county jail.", True),
        ("About 500 yards farther up, a guard by a stone hut waved them over.", True),
        # What came before as the opening's object.
        ("Prior to that, he served 13 years as a pilot in the coast guard.", True),
        ("Three days before that, the harbour had flooded in a storm surge.", True),
        ("Among them were two ferry pilots and the harbour master's deputy.", True),
        ("Of that, the city is to pay roughly $96 million over ten years.", True),
        ("Others wanted the money spent on the old sea wall and the quay.", True),
        ("Next they had to account for the chance the beacons had failed.", True),
        ("At that point, the ferry captain stopped and laughed at the crowd.", True),
        ("For that procedural breakthrough, the board lifted the ban on ferries.", True),
        # ...but not a time, people a clause names, or "that" inside the sentence.
        ("Next week the harbour authority will vote on the new sea wall.", False),
        ("Among those identified as owners was the harbour master's son.", False),
        ("For those living near the quay, the flood came without warning.", False),
        ("The ferry sailed at noon and docked at the island two hours late.", False),
        ("The repairs will start in the spring and end a year later than planned.", False),
    ],
)
def test_sentences_that_reckon_from_what_came_before(text: str, leans: bool) -> None:
    assert leans_on_context(text, words(text)) is leans


def _article(paragraphs: list[str]) -> Article:
    return segment(Article(id="memo", source="memo", paragraphs=paragraphs))


def test_a_transcript_turn_is_its_speakers_words_to_the_paragraphs_end() -> None:
    article = _article(
        [
            "Jane Moss: That was a smart decision by the harbour board. Ridley has a ship due.",
            "The harbour reopened on Monday after eight months of repairs.",
            "JM: Women have been saying it for years. They were told not to complain.",
        ]
    )
    assert in_quotation(article.sentences) == [False, True, False, False, True]


def test_a_turn_only_initials_name_and_a_broken_off_line_are_no_candidates() -> None:
    article = _article(
        [
            "The harbour board released the inspectors' report on the eastern quay.",
            "MD: A lot of people said the quay had been failing for years.",
            "Based on this report and the public interest in the quay, the",
            "Board has authorized the closure of the eastern quay for the winter.",
            "The repairs will take at least eight months and cost twelve million euros.",
        ]
    )
    texts = [c.text for c in collect_candidates([article])]
    assert texts == [
        "The harbour board released the inspectors' report on the eastern quay.",
        "The repairs will take at least eight months and cost twelve million euros.",
    ]


def test_a_sentence_reckoned_from_an_earlier_one_enters_only_after_it() -> None:
    article = _article(
        [
            "Police arrested a ferry captain in Portsmere on a charge of smuggling "
            "after a search of his boat.",
            "The captain, 35, had worked for the harbour authority for ten years.",
            "Prior to that, he served 13 years as a pilot in the coast guard.",
        ]
    )
    for budget in (14, 25, 40):
        told = [s.text for s in summarize([article], budget)]
        if told and told[-1].startswith("Prior to that"):
            assert len(told) >= 2 and told[-2].startswith("The captain, 35")


def test_a_name_written_family_name_first_is_given_in_full() -> None:
    story = [
        "A foreign ministry spokesman, Geng Shuang, said Beijing was ready for talks.",
        '"China will fight back if it must," said Geng.',
        "Geng gave no indication whether the two sides would resume negotiations.",
    ]
    names = Names(story)
    assert names.introduce([story[2]]) == [
        "Geng Shuang gave no indication whether the two sides would resume negotiations."
    ]


@pytest.mark.parametrize(
    "story",
    [
        # The last word stands alone too: the story calls him by it, not the first.
        [
            "A foreign ministry spokesman, Geng Shuang, spoke on Monday.",
            "Shuang said the talks would go on, said Geng.",
        ],
        # The first word opens two people's names.
        [
            "Spokesman Geng Shuang spoke first.",
            "Spokesman Geng Wei spoke next.",
            "The talks will go on, said Geng.",
        ],
        # A word that stands alone but never speaks is no person's ("China Sports Daily").
        ["The China Sports Daily said the team was ready.", "China won the final on Sunday."],
    ],
)
def test_no_family_name_first_where_it_would_not_be_exact(story: list[str]) -> None:
    first = story[-1].split()[0] if "China" in story[-1] else "Geng"
    assert first not in Names(story).full


def test_a_speaker_ending_the_sentence_speaks_alone() -> None:
    story = [
        "Earl Conlon, a Georgia trucker who is handling logistics, drove all night.",
        "The convoy will leave at dawn, said Conlon.",
    ]
    assert Names(story).full.get("Conlon") == "Earl Conlon"
