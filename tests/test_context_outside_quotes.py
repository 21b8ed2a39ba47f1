"""Which tokens of a sentence stand outside every quotation of its paragraph
(``context.outside_quotes``): all of them where the paragraph quotes no one."""

from __future__ import annotations

from storybrief.analyze.context import StoryContext, outside_quotes


def _outside(story: StoryContext, n: int) -> list[str]:
    sentence = story.sentences[n]
    doc = story.docs[sentence.id]
    return [doc[i].text for i in sorted(outside_quotes(story, sentence))]


def test_a_paragraph_without_quotes_leaves_every_token_outside() -> None:
    story = StoryContext.from_texts("Bridge shut\n\nThe bridge was shut on Monday. Cars waited.")
    assert _outside(story, 0) == ["The", "bridge", "was", "shut", "on", "Monday", "."]
    assert _outside(story, 1) == ["Cars", "waited", "."]


def test_a_quotation_over_two_sentences_leaves_its_words_inside() -> None:
    story = StoryContext.from_texts(
        'Bridge shut\n\n"It is closed. Nobody crosses," the mayor said on Monday.'
    )
    words = [w for n in range(len(story.sentences)) for w in _outside(story, n)]
    assert "closed" not in words and "Nobody" not in words
    assert {"the", "mayor", "said", "Monday"} <= set(words)
