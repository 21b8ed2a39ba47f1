"""``syntax.objects_of``: the objects of a word's preposition phrases, read one way by every
analysis that asks ("nine of the activists", "nothing about Bieber", "denial of having")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storybrief.analyze.context import nlp
from storybrief.analyze.syntax import objects_of


def word(doc: Doc, text: str) -> Token:
    return next(t for t in doc if t.text == text)


def test_the_noun_object_of_the_named_preposition_only() -> None:
    doc = nlp()("Nine of the activists from Oslo were arrested.")
    assert [t.text for t in objects_of([word(doc, "Nine")], "of")] == ["activists"]
    assert objects_of([word(doc, "Nine")], "about") == []


def test_several_words_phrases_in_order() -> None:
    doc = nlp()("The report says nothing about Bieber and little about his tour.")
    words = [word(doc, "nothing"), word(doc, "little")]
    assert [t.text for t in objects_of(words, "about")] == ["Bieber", "tour"]


def test_a_clause_object_only_when_every_word_counts() -> None:
    doc = nlp()("She issued a denial of having met him.")
    denial = word(doc, "denial")
    assert objects_of([denial], "of") == []
    assert [t.text for t in objects_of([denial], "of", dep=None)] == ["met"]
