"""Parts read more than once are made once (twentieth session): a story's speaking nouns
(``StoryContext.per_story``), a name's person words."""

from __future__ import annotations

from storybrief.analyze import agreements as agr
from storybrief.analyze import run
from storybrief.analyze.context import StoryContext
from storybrief.analyze.entities import person_words

# Written for these tests.
TEXT = (
    "Rebels seize towns\n\n"
    "The government said the seizure of several towns alarmed the capital. "
    "The army did not retake them."
)


def test_a_story_part_is_made_once_and_kept_by_its_name() -> None:
    story = StoryContext.from_texts(TEXT)
    made: list[str] = []

    def make(part: str) -> str:
        made.append(part)
        return part.upper()

    assert story.per_story("a", lambda: make("a")) == "A"
    assert story.per_story("a", lambda: make("again")) == "A"  # kept: not made again
    assert story.per_story("b", lambda: make("b")) == "B"
    assert made == ["a", "b"]


def test_the_speaking_nouns_are_found_once_a_story() -> None:
    story = StoryContext.from_texts(TEXT)
    run(story, "entities")
    first = agr._speaking_nouns(story)
    assert "government" in first
    assert agr._speaking_nouns(story) is first


def test_person_words_are_a_new_list_each_time() -> None:
    words = person_words("arcade joseph comeaux jr")
    assert words == ["arcade", "joseph", "comeaux"]
    words.pop()
    assert person_words("arcade joseph comeaux jr") == ["arcade", "joseph", "comeaux"]
