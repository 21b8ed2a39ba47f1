"""The process-wide spaCy pipeline keeps every word's lemmas once found (``context.nlp``)."""

from __future__ import annotations

import spacy

from storybrief.analyze.context import SPACY_MODEL, _remember_lemmas, nlp

TEXT = (
    "The government says the ministers said nothing. The minister says the government "
    "was saying good things, and better ones: governments say such things."
)


def _tokens(doc: spacy.tokens.Doc) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_lemmas_are_spacys_own() -> None:
    plain = spacy.load(SPACY_MODEL)
    assert _tokens(nlp()(TEXT)) == _tokens(plain(TEXT))
    assert [t.lemma_ for t in nlp()("She was saying it.")][1:3] == ["be", "say"]


def test_a_base_form_is_worked_out_once() -> None:
    pipeline = spacy.load(SPACY_MODEL)
    lemmatizer = pipeline.get_pipe("lemmatizer")
    asked: list[str] = []
    find = lemmatizer.lemmatize
    lemmatizer.lemmatize = lambda token: asked.append(token.text) or find(token)
    _remember_lemmas(lemmatizer)
    pipeline("The government says. The government says.")
    # "government" (a singular noun: spaCy keeps no lemma of a base form) and "says"
    # are each worked out once, though each is read twice.
    assert asked.count("government") == 1
    assert asked.count("says") == 1
