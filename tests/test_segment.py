"""Sentence splitting on the shapes news copy takes."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import blingfire
import pytest

from storybrief.models import Article
from storybrief.segment import segment, split_sentences
from storybrief.segment.sentences import _blingfire_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith flew to the U.S. on Saturday. He met officials there.",
            ["Mr. Smith flew to the U.S. on Saturday.", "He met officials there."],
        ),
        (
            "Gen. Kirby spoke first. Rear Adm. John Kirby said more.",
            ["Gen. Kirby spoke first.", "Rear Adm. John Kirby said more."],
        ),
        (
            'He said: "We will fight." Then he left the room.',
            ['He said: "We will fight."', "Then he left the room."],
        ),
        (
            '"Those defeated have resorted to bullets. This is a grave blunder," he said. '
            '"We all should confront them."',
            [
                '"Those defeated have resorted to bullets.',
                'This is a grave blunder," he said.',
                '"We all should confront them."',
            ],
        ),
        (
            "“If we see action, then one can think about it,” Rouhani said. No more.",
            ["“If we see action, then one can think about it,” Rouhani said.", "No more."],
        ),
        (
            "• ISIS has 3,000 to 5,000 fighters\n"
            "• Joined by other groups. Some are tribal\n"
            "- Led by Baghdadi",
            [
                "ISIS has 3,000 to 5,000 fighters",
                "Joined by other groups.",
                "Some are tribal",
                "Led by Baghdadi",
            ],
        ),
        (
            "The carrier U.S.S. Bush moved on Saturday.",
            ["The carrier U.S.S. Bush moved on Saturday."],
        ),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_sentence_never_spans_paragraphs() -> None:
    article = Article(id="a", source="<a>", paragraphs=["First part without a stop", "Second one."])
    segment(article)
    assert [s.text for s in article.sentences] == ["First part without a stop", "Second one."]
    assert [s.paragraph for s in article.sentences] == [0, 1]
    assert [s.id for s in article.sentences] == ["a:0", "a:1"]


def test_an_article_with_no_sentences_is_skipped_with_a_reason() -> None:
    article = Article(id="a", source="<a>", paragraphs=["— …", "***"])
    segment(article)
    assert article.status == "skipped"
    assert "no sentences" in (article.reason or "")


# Short and long (the reused buffer must grow), non-ASCII, empty, and a NUL
# character (where blingfire's wrapper ends the text).
BLINGFIRE_INPUTS = [
    "Mr. Smith flew to the U.S. on Saturday. He met officials there.",
    "Le président a parlé. Ça suffit ! Отлично. 東京で会議。 Emoji 🌊 too.",
    "",
    "First.\0Second. Third.",
    "A short sentence. " * 5000,
    "One more after the long one. And another.",
]


def test_reused_buffer_gives_blingfires_own_output() -> None:
    expected = [blingfire.text_to_sentences(text) for text in BLINGFIRE_INPUTS]
    assert [_blingfire_sentences(text) for text in BLINGFIRE_INPUTS] == expected
    assert expected[4].count("\n") == 4999


def test_threads_do_not_share_the_output_buffer() -> None:
    texts = [f"Sentence {i} of thread. It has {i * 'word '}words." for i in range(200)]
    with ThreadPoolExecutor(4) as pool:
        assert list(pool.map(_blingfire_sentences, texts)) == [
            blingfire.text_to_sentences(t) for t in texts
        ]
