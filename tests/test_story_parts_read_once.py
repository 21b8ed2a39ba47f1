"""Parts read more than once are made once (twentieth session): a story's speaking nouns
(``StoryContext.per_story``), a sentence's token reads for its agreement units, a name's
person words."""

from __future__ import annotations

from storybrief.analyze import agreements as agr
from storybrief.analyze import run
from storybrief.analyze.context import StoryContext, nlp
from storybrief.analyze.entities import Names, person_words

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


def test_a_token_read_in_one_unit_still_takes_an_acts_verb_in_another() -> None:
    doc = nlp()("The seizure of several towns alarmed the capital.")
    noun = doc[1]
    reads: list[agr._Read | None] = [None] * len(doc)
    plain, _ = agr._lemmas(list(doc), reads, Names.empty(), {})
    assert reads[noun.i] is not None  # read once, kept for the sentence's other units
    acted, _ = agr._lemmas(list(doc), reads, Names.empty(), {noun: "seize"})
    assert "seizure" in plain and "seize" not in plain
    assert "seize" in acted and "seizure" not in acted


def test_kept_reads_give_the_unit_the_same_polarity_and_lemmas() -> None:
    doc = nlp()("The army did not retake the towns.")
    fresh = agr._lemmas(list(doc), [None] * len(doc), Names.empty(), {})
    reads: list[agr._Read | None] = [None] * len(doc)
    agr._lemmas(list(doc)[2:], reads, Names.empty(), {})  # another unit read some first
    assert agr._lemmas(list(doc), reads, Names.empty(), {}) == fresh
    assert "not" in fresh[0]


def test_person_words_are_a_new_list_each_time() -> None:
    words = person_words("arcade joseph comeaux jr")
    assert words == ["arcade", "joseph", "comeaux"]
    words.pop()
    assert person_words("arcade joseph comeaux jr") == ["arcade", "joseph", "comeaux"]
