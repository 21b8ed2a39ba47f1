"""The parse's tokenizer (``nlp.tokenizer``): spaCy's, with the stuck-mark infixes, loaded once."""

from __future__ import annotations

import spacy
from spacy.util import compile_infix_regex

from storybrief.analyze.context import SPACY_MODEL, nlp
from storybrief.nlp.tokenizer import STUCK_QUOTES


def _words(text: str) -> list[str]:
    return [t.text for t in nlp().tokenizer(text)]


def test_it_is_spacys_tokenizer_with_the_infixes_set_after_loading() -> None:
    plain = spacy.load(SPACY_MODEL, exclude=["senter"])
    infixes = compile_infix_regex([*plain.Defaults.infixes, *STUCK_QUOTES])
    plain.tokenizer.infix_finditer = infixes.finditer  # its special cases loaded again
    ours = nlp().tokenizer
    assert ours.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    text = 'He said "don\'t" in the U.S.A. :) at https://example.com/a?b, so do voters!”Former'
    assert _words(text) == [t.text for t in plain.tokenizer(text)]


def test_a_curly_closing_mark_stuck_to_the_next_word_is_split_off() -> None:
    assert _words("so do voters!”Former candidate") == [
        "so", "do", "voters", "!", "”", "Former", "candidate",
    ]  # fmt: skip
    assert _words("I can't go.") == ["I", "ca", "n't", "go", "."]  # a special case still applies
