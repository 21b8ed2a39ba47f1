"""A summary sentence with a definite description of people only a sentence left out
introduced ("The two men ...", "the victim's mother", "the suspect"): it enters only after
that sentence (issue 15, eighteenth session)."""

from __future__ import annotations

import pytest

from storybrief.analyze.context import parse_syntax
from storybrief.models import Article
from storybrief.segment import segment
from storybrief.summarize import _relate
from storybrief.summarize.candidates import collect_candidates, read_parses
from storybrief.summarize.relational import GROUP, PERSON, described_people, introducer


def _people(text: str, lexfiles: frozenset[int] = frozenset({PERSON})) -> list[str]:
    return described_people(parse_syntax([text])[0], lexfiles)


@pytest.mark.parametrize(
    ("text", "nouns"),
    [
        ("The two men went to find out what had happened in the ravine.", ["man"]),
        ("Police said the suspect fled on foot after the robbery.", ["suspect"]),
        ("The victim's mother said she had forgiven him.", ["victim"]),
    ],
)
def test_a_definite_description_of_people_is_read_from_the_parse(
    text: str, nouns: list[str]
) -> None:
    assert _people(text) == nouns


@pytest.mark.parametrize(
    "text",
    [
        # An apposition, a clause or an "of" phrase says which one.
        "The suspect, John Smith, fled on foot after the robbery.",
        "The woman who called the police said she heard two shots.",
        "The chief of police said the investigation was continuing.",
        # A name before it in the sentence.
        "Officers in Dallas said the suspect fled on foot.",
        # The sentence introduces the noun itself.
        "A suspect was arrested, and detectives said the suspect had confessed.",
        # In a quotation: the speaker's words.
        "“The suspect fled on foot,” a spokesman for the department said.",
        # "a", not "the"; and a thing, not a person.
        "A witness said the car had been parked there for hours.",
    ],
)
def test_a_description_that_needs_no_sentence_before_it(text: str) -> None:
    assert _people(text) == []


def test_a_group_noun_counts_only_when_groups_are_asked_for() -> None:
    text = "The couple's daughter told reporters she had been asleep."
    assert _people(text) == []
    assert _people(text, frozenset({PERSON, GROUP})) == ["couple"]


SENTENCES = [
    "Two hikers from Ohio were reported missing on Saturday.",
    "Rangers searched the canyon and the river banks through the night.",
    "The hikers were found alive near a trailhead on Monday morning.",
]


def test_the_earliest_sentence_naming_the_noun_introduces_it() -> None:
    assert introducer(SENTENCES, 2, ["hiker"]) == 0


def test_with_no_sentence_naming_it_the_one_before_is_needed() -> None:
    assert introducer(SENTENCES, 2, ["suspect"]) == 1
    assert introducer(SENTENCES, 0, ["hiker"]) is None
    assert introducer(SENTENCES, 2, []) is None


def test_a_pick_describing_people_needs_the_sentence_introducing_them() -> None:
    article = segment(Article(id="wire", source="wire", paragraphs=[" ".join(SENTENCES)]))
    pool = collect_candidates([article])
    texts = [[s.text for s in article.sentences]]
    _relate(pool, read_parses(pool), texts)
    assert [c.antecedent for c in pool] == [None, None, 0]
