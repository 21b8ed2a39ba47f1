"""A different place: outlets say the same thing was found in two places, and neither outlet
puts anything in the other's place.

"A dark ... object with blood on it" found "below the desk", "a dark-colored
pipe with Jones' blood on it" found "near her body".
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Doc, Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.independence import written_independently
from storybrief.analyze.lexicon import stated
from storybrief.models import Conflict, ConflictKind

from .base import Merged
from .shared import EVENT_DEPS

kind: ConflictKind = "place"
takes_side = True

_FINDING = {"find", "discover", "recover", "locate"}  # what says where a thing was
# Prepositions of where a thing lies; "in", "on" and "at" are left out, as they as
# often say when ("in the morning") or how ("on video").
_WHERE = {"below", "under", "underneath", "beneath", "near", "beside", "behind", "inside",
          "outside", "atop"}  # fmt: skip


def detect(ctx: StoryContext) -> list[Conflict]:
    """One thing found in two places: "found below the desk" / "found near her body".

    The things must be described alike (``same_thing`` words: "dark",
    "blood"), by articles written independently (``independence``), and
    neither outlet may put anything in the other's place: then both may hold.
    """
    found = [(s, t, place) for s in ctx.sentences for t, place in _found_at(ctx.docs[s.id])]
    places = _places_by_article(ctx)
    merged: Merged[frozenset[str]] = Merged(ctx, kind)  # by the two places
    for (s1, thing1, place1), (s2, thing2, place2) in combinations(found, 2):
        if not written_independently(s1.article, s2.article, ctx.syndication):
            continue
        if place1.lemma_ in places[s2.article] or place2.lemma_ in places[s1.article]:
            continue
        shared = _description(thing1, place1) & _description(thing2, place2)
        if len(shared) >= ctx.settings.conflicts.same_thing:
            key = frozenset((place1.lemma_, place2.lemma_))
            merged.add(key, f"where the {thing1.lower_} was found", (s1, s2))
    return merged.conflicts()


def _places_by_article(ctx: StoryContext) -> dict[str, set[str]]:
    """The lemmas of every place each article puts anything in, by article id."""
    return {
        article.id: {p.lemma_ for s in article.sentences for p in _places(*ctx.docs[s.id])}
        for article in ctx.articles
    }


def _found_at(doc: Doc) -> list[tuple[Token, Token]]:
    """Each (thing, place) a sentence says was found: "a pipe was found near her body"."""
    found = []
    for verb in doc:
        if verb.lemma_ not in _FINDING or verb.pos_ != "VERB" or not stated(verb):
            continue
        for thing in (c for c in verb.children if c.dep_ in EVENT_DEPS and c.pos_ == "NOUN"):
            found += [(thing, place) for place in _places(verb, thing)]
    return found


def _places(*heads: Token) -> list[Token]:
    """The common nouns the heads are said to lie below, near, behind ...: "the desk"."""
    return [
        obj
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in _WHERE
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ == "NOUN"
    ]


def _description(thing: Token, place: Token) -> set[str]:
    """The content words that describe a found thing, its place left out."""
    out = set(place.subtree)
    return {
        t.lemma_.casefold() for t in thing.subtree if t not in out and t.is_alpha and not t.is_stop
    }
