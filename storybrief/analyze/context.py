"""The story context every analysis reads: the story's sentences, their parses and
vectors, its copy index, its settings and encoder, and what earlier analyses found.

Parsing is the slow part of the analysis, so it is done once per story and
shared; the spaCy model is loaded once per process. Within ``parsing`` each
text is parsed once however many parts of the brief read it (titles and leads
are read by several), and many stories' texts can be parsed ahead in one batch,
as spaCy parses a batch faster than its texts one at a time. Vectors and the
copy index are built on first use, as some stories' analyses never need them.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import InitVar, dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token
from thinc.api import NumpyOps

from storybrief.errors import describe
from storybrief.models import Article, Sentence, StageWarning, Syndication
from storybrief.nlp import apostrophes, rules, tokenizer
from storybrief.nlp.encoders import Cosines
from storybrief.nlp.overlap import CopyIndex
from storybrief.nlp.quotation import (
    Paragraph,
    marks_in,
    paragraph_spans,
)
from storybrief.nlp.speech import SPACY_MODEL
from storybrief.settings import DEFAULT, Settings

if TYPE_CHECKING:
    from storybrief.analyze.entities import Names

T = TypeVar("T")


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The process-wide spaCy pipeline (tagger, parser, NER), loaded on first use."""
    # The sentence recognizer ships disabled (the parser sets sentence starts): not loaded.
    # The tokenizer splits a closing mark stuck to the next word (``nlp.tokenizer``).
    config = {"nlp": {"tokenizer": {"@tokenizers": tokenizer.NAME}}}
    pipeline = spacy.load(SPACY_MODEL, exclude=["senter"], config=config)
    _numpy_products(pipeline)
    # The same attributes, found by a lookup of what the rules do (``nlp.rules``).
    patterns = pipeline.get_pipe("attribute_ruler").patterns
    pipeline.replace_pipe("attribute_ruler", rules.FACTORY, config={"patterns": patterns})
    if "lemmatizer" in pipeline.pipe_names and pipeline.get_pipe("lemmatizer").mode == "rule":
        _remember_lemmas(pipeline.get_pipe("lemmatizer"))
        _index_lemmas(pipeline.get_pipe("lemmatizer"))
    return pipeline


def _numpy_products(pipeline: Language) -> None:
    """Have the layers of ``pipeline``'s models multiply their matrices with NumPy's BLAS.

    thinc multiplies them with the BLIS it ships, which on this machine (AMD EPYC,
    AVX-512) takes three times NumPy's OpenBLAS for the same product (one thread
    each): a third of the parse's CPU time. thinc's own option (``use_blis=False``).
    Not the same floats bit for bit, but the same parse: every token's tag, POS,
    morphology, dependency, head, lemma, entity and sentence start was the same on the
    texts of stories-dev (see BENCHMARKS.md); the parser's own steps keep BLIS.
    """
    ops = NumpyOps(use_blis=False)
    for _, component in pipeline.pipeline:
        model = getattr(component, "model", None)
        for layer in model.walk() if model is not None else ():
            layer.ops = ops


def _remember_lemmas(lemmatizer: Any) -> None:
    """Make ``lemmatizer`` keep every word's lemmas once found, not only some.

    spaCy's rule lemmatizer keeps what it found by word, part of speech and
    morphology, which is all it reads, but not a word already in its base form
    ("said" is kept, "say" and "government" are worked out again each time, with
    a dictionary of the word's morphology): a tenth of a brief's time went to it.
    The same lemmas, kept by the same key.
    """
    find = lemmatizer.lemmatize
    kept: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        if key not in kept:
            kept[key] = find(token)
        return kept[key]

    lemmatizer.lemmatize = lemmatize


def _index_lemmas(lemmatizer: Any) -> None:
    """Make the words of ``lemmatizer``'s index, by part of speech, sets rather than lists.

    The rule lemmatizer asks whether each form its suffix rules make of a word is
    in the index (``form in index``): of a list of 57,528 nouns that is a scan, and a
    word first met took about 80 microseconds, most of the lemmatizer's time. Whether
    a form is in it is all the lemmatizer asks of the index, so the lemmas are the same.
    """
    index = lemmatizer.lookups.get_table("lemma_index")
    for pos, words in list(index.items()):
        index[pos] = frozenset(words)


def pipe(texts: Iterable[str], disable: Iterable[str] = ()) -> Iterator[Doc]:
    """Each of ``texts`` run through the pipeline (bar ``disable``), typographic
    apostrophes read as straight ones, in one batch (``nlp.apostrophes``): spaCy's
    ``Language.pipe`` as the package calls it, so every parse reads them alike."""
    texts = list(texts)
    plain = [apostrophes.plain(t) for t in texts]
    return apostrophes.parsed(nlp().pipe(plain, disable=list(disable)), texts)


# The Docs kept by ``parsing`` in this thread (None outside it): a web server's threads
# each brief their own story.
_kept = threading.local()


def parse(texts: Iterable[str]) -> list[Doc]:
    """The parse of each of ``texts``, those not yet parsed in one batch; a text given
    twice is parsed once, its Doc shared. Within ``parsing`` the Docs are kept for its block.

    The analyses only read the Docs, so one serves every reader: the parse does not
    depend on the batch (checked on the 1,002-article draw of stories-dev).
    """
    texts = list(texts)
    kept: dict[str, Doc] | None = getattr(_kept, "docs", None)
    missing = [t for t in dict.fromkeys(texts) if kept is None or t not in kept]
    # Not even an empty batch: spaCy's pipe costs milliseconds before its first text.
    parsed = dict(zip(missing, pipe(missing), strict=True)) if missing else {}
    if kept is None:
        return [parsed[t] for t in texts]
    kept.update(parsed)
    return [kept[t] for t in texts]


def parse_syntax(texts: list[str]) -> list[Doc]:
    """Each of ``texts`` tagged and parsed, for a reader of tags and dependencies only:
    ``parse``'s Doc where ``parsing`` kept one, else a parse without entities or lemmas.

    Without them the tags and dependencies are the same (300 Multi-News dev sentences) in
    under half the time: the summary reads its picks so (``summarize``). Such a Doc is not
    kept, as a later reader of the kept Docs may want its entities.
    """
    kept: dict[str, Doc] = getattr(_kept, "docs", None) or {}
    missing = [t for t in dict.fromkeys(texts) if t not in kept]
    # Not even an empty batch: spaCy's pipe costs milliseconds before its first text.
    docs = pipe(missing, disable=["ner", "lemmatizer"]) if missing else []
    parsed = dict(zip(missing, docs, strict=True))
    return [kept[t] if t in kept else parsed[t] for t in texts]


@contextmanager
def parsing(ahead: Iterable[str] = ()) -> Iterator[None]:
    """A block within which each text is parsed once; ``ahead`` is parsed first, in one batch.

    Nested, the outer block keeps the Docs. Outside any block nothing is kept:
    the Docs of a pile of stories would not fit in memory.
    """
    outer = getattr(_kept, "docs", None) is not None
    if not outer:
        _kept.docs = {}
    try:
        # Parsing ahead only saves time: if a text breaks it, each story parses its
        # own texts inside its own error boundary.
        with suppress(Exception):
            parse(ahead)
        yield
    finally:
        if not outer:
            _kept.docs = None


def parse_once(sentences: list[Sentence]) -> dict[str, Doc]:
    """The parse of each sentence by id; a text the story repeats is parsed once, its Doc shared.

    Parsing is most of a brief's time, and syndicated copies, repeated
    boilerplate or a hostile text of one sentence many times repeat texts:
    the analyses only read the Docs, so one serves every copy.
    """
    docs = parse(s.text for s in sentences)  # ``parse`` parses a repeated text once
    return {s.id: doc for s, doc in zip(sentences, docs, strict=True)}


def leads(articles: list[Article], cap: int) -> tuple[list[Article], int | None]:
    """The articles cut to their first ``k`` sentences each, ``k`` the most that keeps the
    story within ``cap`` sentences; and ``k`` (None if none is cut).

    The analysis compares sentences pairwise (agreements, conflicts) after
    parsing each: its time grows faster than the story, so a story past the
    cap (``Limits.story_sentences``) is analysed on its articles' leads, where
    news puts its facts; every article keeps the same share, so a long one
    cannot crowd the others out, and the input order does not matter.
    """
    if sum(len(a.sentences) for a in articles) <= cap:
        return articles, None
    longest = max(len(a.sentences) for a in articles)
    k = max(
        (k for k in range(longest + 1) if sum(min(len(a.sentences), k) for a in articles) <= cap),
        default=0,
    )
    return [dataclasses.replace(a, sentences=a.sentences[:k]) for a in articles], k


@dataclass
class StoryContext:
    """The usable articles of one story, parsed and embedded once, and the analyses' results.

    ``copy_index``, if given, must index exactly the articles' sentences in
    order. ``results`` holds each analysis' output by name, ``warnings`` what
    failed (``guard``). Tests build one with ``StoryContext.from_texts``.
    """

    articles: list[Article]
    settings: Settings = DEFAULT
    copy_index: InitVar[CopyIndex | None] = None
    sentences: list[Sentence] = field(init=False)
    docs: dict[str, Doc] = field(init=False)  # by sentence id
    results: dict[str, Any] = field(init=False, default_factory=dict)
    warnings: list[StageWarning] = field(init=False, default_factory=list)
    _kept: dict[tuple[str, str, int], Any] = field(init=False, default_factory=dict)

    def __post_init__(self, copy_index: CopyIndex | None) -> None:
        self.sentences = [s for a in self.articles for s in a.sentences]
        self._copy_index = copy_index
        self.docs = parse_once(self.sentences)
        self._row = {s.id: i for i, s in enumerate(self.sentences)}

    @classmethod
    def from_texts(cls, *texts: str, settings: Settings = DEFAULT) -> StoryContext:
        """The context of articles given as plain texts ("Title\\n\\nBody ..."), ids t0, t1, ..."""
        from storybrief.clean import clean
        from storybrief.segment import segment

        articles = [Article(id=f"t{n}", source=f"<t{n}>", raw=t) for n, t in enumerate(texts)]
        prepared = [segment(a) for a in clean(articles)]
        return cls([a for a in prepared if a.ok], settings)

    @cached_property
    def by_id(self) -> dict[str, Sentence]:
        return {s.id: s for s in self.sentences}

    @cached_property
    def article(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}

    @cached_property
    def paragraphs(self) -> dict[tuple[str, int], Paragraph]:
        """Each (article, paragraph)'s text, its sentences' starts in it and its quotes' spans.

        Built once: a text of one long paragraph would otherwise be joined and
        scanned again for each of its sentences, in time quadratic in its length.
        """
        return paragraph_spans(self.sentences)

    @property
    def cosines(self) -> Cosines:
        """The thresholds on cosines of ``vectors``: the encoder's own."""
        return self.settings.encoder.cosines

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of ``texts`` from the story's encoder."""
        return self.settings.encoder.embed(texts)

    @cached_property
    def vectors(self) -> np.ndarray:
        """Unit sentence vectors, one row per sentence in story order."""
        return self.embed([s.text for s in self.sentences])

    @cached_property
    def copies(self) -> CopyIndex:
        return CopyIndex(self.sentences) if self._copy_index is None else self._copy_index

    def similarity(self, a: Sentence, b: Sentence) -> float:
        """Cosine similarity of two sentences' vectors."""
        return float(self.vectors[self._row[a.id]] @ self.vectors[self._row[b.id]])

    def result(self, name: str) -> Any:
        """The output of the analysis ``name``, which must have run (``analyze.run_analysis``)."""
        if name not in self.results:
            raise LookupError(f"the analysis {name!r} has not run on this story")
        return self.results[name]

    @property
    def names(self) -> Names:
        """The story's entities and the resolver of their names (the "entities" analysis)."""
        return self.result("entities")

    @property
    def syndication(self) -> list[Syndication]:
        """Which articles reprint which (the "syndication" analysis)."""
        return self.result("syndication")

    def per_sentence(self, part: str, sentence: Sentence, key: object, make: Callable[[], T]) -> T:
        """``make()``, the ``part`` of an analysis for ``sentence`` (and ``key``), made once.

        A part an analysis reads again for each later sentence of the article
        (a name's gender) would make its time quadratic in the article's length.
        """
        return self._made((part, sentence.id, id(key)), make)

    def per_story(self, part: str, make: Callable[[], T]) -> T:
        """``make()``, a ``part`` of an analysis read off the whole story, made once: more
        than one of its steps reads it."""
        return self._made((part, "", 0), make)

    def _made(self, found: tuple[str, str, int], make: Callable[[], T]) -> T:
        if found not in self._kept:
            self._kept[found] = make()
        return self._kept[found]

    @contextmanager
    def guard(self, stage: str, article: str | None = None) -> Iterator[None]:
        """Run a part of an analysis; if it fails, record a warning and go on without it."""
        try:
            yield
        except Exception as exc:  # an error boundary: any failure of the part is reported
            self.warnings.append(StageWarning(stage, describe(exc), article))


def paragraph_text(story: StoryContext, sentence: Sentence) -> tuple[str, dict[str, int]]:
    """The text of ``sentence``'s paragraph and where each of its sentences starts in it."""
    text, starts, _ = story.paragraphs[(sentence.article, sentence.paragraph)]
    return text, starts


def quote_marks(story: StoryContext, sentence: Sentence) -> list[int]:
    """Where in ``sentence``'s text the quotations of its paragraph open or close.

    The paragraph's spans, not a search for double marks: in an article that quotes
    in curly single marks these are its quotation marks, where a ’ may be an
    apostrophe ("It’s"); elsewhere they are its double marks, every one of them.
    """
    return marks_in(story.paragraphs[(sentence.article, sentence.paragraph)], sentence)


def sentence_quote_spans(story: StoryContext, sentence: Sentence) -> list[tuple[int, int]]:
    """The quotations of ``sentence``'s text alone (``quote_spans`` of it), its marks
    read from its paragraph (``quote_marks``): a mark left open runs to its end."""
    marks = quote_marks(story, sentence)
    return list(zip(marks[::2], [*marks[1::2], len(sentence.text)], strict=False))


def outside_quotes(story: StoryContext, sentence: Sentence) -> set[int]:
    """Token indexes of ``sentence`` outside every quotation of its paragraph.

    Quotes span sentences ("... Rouhani said. \\"...\\""), so they are found
    over the whole paragraph, not the sentence alone.
    """
    _, starts, spans = story.paragraphs[(sentence.article, sentence.paragraph)]
    doc = story.docs[sentence.id]
    if not spans:  # most paragraphs quote no one: every token, without a Token made for each
        return set(range(len(doc)))
    offset = starts[sentence.id]
    return {t.i for t in doc if not any(a <= offset + t.idx <= b for a, b in spans)}
