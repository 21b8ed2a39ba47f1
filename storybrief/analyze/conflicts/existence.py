"""Existence: one outlet says there is no such thing, another that there is or may well be.

"There were no contacts" against "if there are contacts", between the same
two parties and of the same matter ("evidence of a facility" is not
"evidence of pouring cement"); one conflict per thing and parties.
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Doc, Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.entities import Names
from storybrief.analyze.independence import told_independently
from storybrief.analyze.lexicon import content, entity_of
from storybrief.models import Conflict, ConflictKind, Sentence

from .base import Merged
from .shared import thing

kind: ConflictKind = "existence"
takes_side = True

_ABOUT_DEPS = {"acl", "relcl", "advcl"}  # "evidence that ...", "information to estimate ..."
_ABOUT_PREPS = {"of", "about", "on", "for", "over"}  # "evidence of ...", "talks over ..."


def detect(ctx: StoryContext) -> list[Conflict]:
    """One outlet says there is no such thing, another that there is (or may well be).

    Both must name the same thing ("contacts") in an existential ("there
    were no contacts" / "if there are contacts") and the same two parties,
    in sentences told independently (``independence``).
    """
    names = ctx.names
    found = [(s, t, yes) for s in ctx.sentences for t, yes in _existence(ctx.docs[s.id])]
    merged: Merged[str] = Merged(ctx, kind)  # by topic: one conflict per thing and parties
    for (s1, t1, yes1), (s2, t2, yes2) in combinations(found, 2):
        if yes1 == yes2 or thing(t1) != thing(t2) or not told_independently(ctx, s1, s2):
            continue
        if not _same_about(_about(t1, names), _about(t2, names)):
            continue
        shared = _parties(ctx, s1) & _parties(ctx, s2)
        if len(shared) >= 2:
            topic = f"{t1.lower_} between {' and '.join(sorted(shared))}"
            merged.add(topic, topic, (s1, s2))
    return merged.conflicts()


def _existence(doc: Doc) -> list[tuple[Token, bool]]:
    """What a sentence says exists or not: "there were no contacts" → (contacts, False)."""
    found = []
    for t in doc:
        be = t.head
        if t.dep_ == "attr" and t.pos_ == "NOUN" and any(c.dep_ == "expl" for c in be.children):
            negative = any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) or any(
                c.dep_ == "neg" for c in be.children
            )
            found.append((t, not negative))
    return found


def _parties(ctx: StoryContext, sentence: Sentence) -> set[str]:
    """The entities a sentence and the one before it talk about, places of "in X" left out.

    The sentence before is read too because the second mention is often a
    reference: "contacts between the two sides" after "Iran ... with the US".
    """
    names = ctx.names
    article = ctx.article[sentence.article].sentences
    window = article[max(sentence.index - 1, 0) : sentence.index + 1]
    parties = {
        entity_of(e.text, names)
        for s in window
        for e in ctx.docs[s.id].ents
        if e.label_ in {"GPE", "ORG", "NORP", "PERSON"} and e.root.head.lower_ != "in"
    }
    return {names.resolve(p) or p for p in parties if p}


def _about(noun: Token, names: Names) -> set[str]:
    """What a thing said to exist is of, its parties left out: "evidence [that X is building]".

    "Between" and "with" name the parties, compared on their own (``_parties``).
    """
    clauses = [
        c
        for c in noun.children
        if c.dep_ in _ABOUT_DEPS or (c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS)
    ]
    said = {w for c in clauses for w in content(" ".join(t.text for t in c.subtree), names)}
    return {w for w in said if not names.resolve(w)}


def _same_about(one: set[str], other: set[str]) -> bool:
    """Whether two things are of the same matter: alike in most words, or one not told.

    "No evidence that North Korea has begun pouring cement" does not deny
    "evidence of an underground nuclear facility": they are of two claims.
    """
    if not one or not other:
        return True
    return len(one & other) * 2 >= min(len(one), len(other))
