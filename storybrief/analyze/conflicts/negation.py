"""Negation in the parse, shared by the detectors that read a debunking word: "not a hoax",
"was no hoax", "never a hoax" and "did not deny" call nothing untrue."""

from __future__ import annotations

from spacy.tokens import Token

from storybrief.analyze.lexicon import NEGATIONS


def negated(token: Token) -> bool:
    """Whether a word, or the verb it is said with, is negated: "not a hoax", "did not deny"."""
    heads = [token, token.head] if token.dep_ in {"attr", "acomp"} else [token]
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS for t in heads for c in t.children)
