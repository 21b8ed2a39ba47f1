"""The analyses read their thresholds from the story's settings and embed with its encoder.

A settings block changes what an analysis finds; an encoder passed as
``Settings(encoder=...)`` is the only one the analyses use, with its own
``Cosines``: wordllama is made to fail, and they still run without a warning.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pytest
from conftest import EXAMPLE

from storybrief.analyze import StoryContext, analyze, run
from storybrief.models import Article, Quote
from storybrief.nlp import embeddings
from storybrief.nlp.encoders import Cosines
from storybrief.pipeline import read
from storybrief.segment import split_sentences
from storybrief.settings import AgreementSettings, QuoteSettings, Settings

# The analyses of the five modules that embed or read settings, all but conflicts.
OWN_ANALYSES = ("syndication", "entities", "quotes", "agreements", "timeline")


@dataclass(frozen=True)
class HashedWords:
    """A bag of words hashed into a few dimensions: texts that share words are close.

    Deterministic and model-free; it keeps every text it embeds, to show it was used.
    """

    name: str = "hashed-words"
    dimension: int = 64
    cosines: Cosines = field(default_factory=lambda: Cosines(same_quote=0.7, same_event=0.9))
    embedded: list[str] = field(default_factory=list)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded.extend(texts)
        vectors = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.casefold()):
                vectors[row, zlib.crc32(word.encode()) % self.dimension] += 1
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)


@pytest.fixture(scope="module")
def seed() -> list[Article]:
    return [a for a in read([EXAMPLE]) if a.ok]


@pytest.fixture
def no_wordllama(monkeypatch: pytest.MonkeyPatch) -> None:
    """wordllama fails however it is reached: its embed, or its model."""

    def fail(*_: object) -> None:
        raise AssertionError("wordllama was used")

    monkeypatch.setattr(embeddings, "embed", fail)
    monkeypatch.setattr(embeddings, "model", fail)


def test_max_agreements_limits_the_seeds_agreements(seed: list[Article]) -> None:
    every = run(StoryContext(seed), "agreements")
    settings = Settings(agreements=AgreementSettings(max_agreements=1, max_copy_only=0))
    one = run(StoryContext(seed, settings), "agreements")
    assert len(every) > 1
    assert one == every[:1]


STATEMENTS = (
    "Mayor vows to rebuild\n\nThe fire destroyed forty homes in Dayton on Friday. "
    '"We will rebuild," Mayor Jane Doe said on Saturday. '
    '"Nobody in this city will be left without a home this winter," she added.'
)


def quote_texts(text: str, settings: Settings) -> list[str]:
    quotes: list[Quote] = run(StoryContext.from_texts(text, settings=settings), "quotes")
    return [q.text for q in quotes]


def test_quote_settings_set_how_long_a_quote_is() -> None:
    assert quote_texts(STATEMENTS, Settings()) == [
        "Nobody in this city will be left without a home this winter,"
    ]
    assert quote_texts(STATEMENTS, Settings(quotes=QuoteSettings(min_words=2))) == [
        "We will rebuild,",
        "Nobody in this city will be left without a home this winter,",
    ]


def test_the_story_encoder_is_the_only_one_its_analyses_use(
    seed: list[Article], no_wordllama: None
) -> None:
    encoder = HashedWords()
    ctx = StoryContext(seed, Settings(encoder=encoder))
    for name in OWN_ANALYSES:
        run(ctx, name)
    assert ctx.warnings == []
    assert ctx.vectors.shape == (len(ctx.sentences), encoder.dimension)
    assert ctx.results["agreements"] and ctx.results["quotes"] and ctx.results["timeline"]
    # Quotes embed their sentences, agreements their clauses and lemmas: through it.
    assert all(set(split_sentences(q.text)) <= set(encoder.embedded) for q in ctx.results["quotes"])
    assert {"troop", "iraq"} <= set(encoder.embedded)


def test_every_analysis_runs_with_the_story_encoder(
    seed: list[Article], no_wordllama: None
) -> None:
    findings = analyze(StoryContext(seed, Settings(encoder=HashedWords())))
    assert findings.warnings == []


SAME_STATEMENT = (
    'Mayor vows to rebuild\n\n"We will rebuild the city and its homes," Mayor Jane Doe said.'
    " The fire destroyed forty homes in Dayton on Friday.",
    'Dayton fire\n\n"We will rebuild the city, its schools," Mayor Jane Doe said.'
    " Forty homes burned in Dayton on Friday night.",
)


@pytest.mark.parametrize(("same_quote", "groups"), [(0.7, 1), (0.9, 2)])
def test_the_encoders_cosines_decide_which_quotes_are_one(
    same_quote: float, groups: int, no_wordllama: None
) -> None:
    # Six of their words are alike: a hashed cosine of about 0.8, and too few
    # content words alike for the word rule.
    encoder = HashedWords(cosines=Cosines(same_quote=same_quote))
    ctx = StoryContext.from_texts(*SAME_STATEMENT, settings=Settings(encoder=encoder))
    assert len(run(ctx, "quotes")) == groups
    assert ctx.warnings == []
