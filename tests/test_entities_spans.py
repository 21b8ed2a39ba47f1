"""The names the model tags, run on and cut (``entities._model_spans``)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from storybrief.analyze.entities import _model_spans


def tagged(words: list[str], start: int, end: int, label: str) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words)  # a vocabulary that lower-cases
    doc.ents = [Span(doc, start, end, label=label)]
    return doc


def test_a_name_ending_on_in_has_no_empty_place_after_it() -> None:
    # A title-case headline: the model runs "In" into the name, and no place follows.
    doc = tagged(["With", "Smith", "Out", ",", "and", "Jones", "In", ","], 5, 7, "PERSON")
    spans, _ = _model_spans(doc)
    assert spans == [(5, 7, "PERSON")]  # and no empty (7, 7) place
