"""``analyze.context.parse``: each text parsed once within ``parsing``, nothing kept outside it."""

from __future__ import annotations

import pytest

from storybrief.analyze import context
from storybrief.analyze.context import parse, parsing

TEXTS = ["The mayor opened the bridge on Monday.", "Police said the fire started at night."]


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts handed to spaCy, batch by batch flattened."""
    seen: list[str] = []
    real = context.nlp()

    class Counting:
        def pipe(self, texts: list[str], **options: object) -> object:
            seen.extend(texts)
            return real.pipe(texts, **options)

    monkeypatch.setattr(context, "nlp", lambda: Counting())
    return seen


def test_a_text_is_parsed_once_within_a_block_and_again_after_it(parsed: list[str]) -> None:
    with parsing(TEXTS):
        first = parse([TEXTS[1], TEXTS[0], TEXTS[1]])
        with parsing([TEXTS[0]]):  # nested: the outer block's Docs serve it
            again = parse(TEXTS)
    assert parsed == TEXTS
    assert first[0] is first[2] is again[1]
    assert [d.text for d in first] == [TEXTS[1], TEXTS[0], TEXTS[1]]
    parse(TEXTS)
    parse(TEXTS)
    assert parsed == TEXTS * 3  # outside a block nothing is kept


def test_a_parse_ahead_that_fails_only_leaves_the_texts_to_parse_later(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = context.nlp()

    class BreaksOnBatches:
        def pipe(self, texts: list[str], **options: object) -> object:
            if len(texts) > 1:
                raise ValueError("a text the model cannot read")
            return real.pipe(texts, **options)

    monkeypatch.setattr(context, "nlp", lambda: BreaksOnBatches())
    with parsing(TEXTS):
        assert parse(TEXTS[:1])[0].text == TEXTS[0]
