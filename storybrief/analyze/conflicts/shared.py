"""What several conflict detectors read off a parse: the thing a noun names, the entity a word
names, and the dependencies of what is done to a thing."""

from __future__ import annotations

from spacy.tokens import Token

from storybrief.analyze.entities import Names
from storybrief.analyze.lexicon import entity_of
from storybrief.analyze.numbers import part_of
from storybrief.analyze.syntax import entity_span

EVENT_DEPS = {"dobj", "nsubjpass"}  # what is sent, dispatched, deployed, found
_PARTS = {"member", "unit", "division"}  # "units of its Revolutionary Guard" are the Guard
LIGHT = {"be", "have", "do", "say", "tell", "get", "go", "make"}  # verbs that tell no act


def thing(noun: Token) -> str:
    """What a noun names, plural and parts folded: "units of its Revolutionary Guard" → guard."""
    return part_of(noun, _PARTS).lemma_.lower().removesuffix("s")


def entity_named(token: Token, names: Names) -> str | None:
    """The entity a token names, read from its whole name ("States" of "the United States")."""
    span = entity_span(token)
    return entity_of(span.text if span is not None else token.text, names)
