"""The process-wide spaCy pipeline multiplies its matrices with NumPy's BLAS, not BLIS
(``context.nlp``), and parses as spaCy does."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from storybrief.analyze.context import SPACY_MODEL, nlp

TEXTS = [
    "Iran's president, Hassan Rouhani, said on Friday that Tehran would not send troops to Iraq.",
    "Militants seized Mosul in June; 500,000 people fled the city, the U.N. said.",
    "\u201cWe will fight,\u201d he told reporters in Baghdad.",
]


def _parse(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_)
        for t in doc
    ] + [(t.is_sent_start,) for t in doc]


def test_every_layer_multiplies_with_numpy() -> None:
    layers = [
        layer
        for _, component in nlp().pipeline
        if getattr(component, "model", None) is not None
        for layer in component.model.walk()
    ]
    assert layers
    assert all(not getattr(layer.ops, "use_blis", False) for layer in layers)


def test_the_parse_is_spacys_own() -> None:
    shipped = spacy.load(SPACY_MODEL)
    assert any(
        getattr(layer.ops, "use_blis", False) for layer in shipped.get_pipe("ner").model.walk()
    )
    assert [_parse(d) for d in nlp().pipe(TEXTS)] == [_parse(d) for d in shipped.pipe(TEXTS)]
    assert [_parse(nlp()(t)) for t in TEXTS] == [_parse(d) for d in shipped.pipe(TEXTS)]
