"""``lexicon.entity_of``: a name or demonym as written, folded into its entity."""

from __future__ import annotations

from storybrief.analyze.entities import Names
from storybrief.analyze.lexicon import entity_of

NAMES = Names({"america": "United States", "us": "United States", "iran": "Iran"}, set())


def test_a_demonym_or_plural_stands_for_its_entity() -> None:
    assert entity_of("Americans", NAMES) == "united states"
    assert entity_of("Iranians", NAMES) == "iran"
    assert entity_of("Iran's", NAMES) == "iran"


def test_a_short_form_names_only_as_an_acronym() -> None:
    """ "US" is the country, "us" a pronoun; asked again, the answers stay (forms are kept)."""
    for _ in range(2):
        assert entity_of("US", NAMES) == "united states"
        assert entity_of("us", NAMES) is None
        assert entity_of("Us", NAMES) is None


def test_the_answer_follows_the_story_s_names() -> None:
    """The forms of a word are kept across stories; what they resolve to is each story's."""
    assert entity_of("Iranians", NAMES) == "iran"
    assert entity_of("Iranians", Names({"iran": "Islamic Republic"}, set())) == "islamic republic"
    assert entity_of("Iranians", Names.empty()) is None
