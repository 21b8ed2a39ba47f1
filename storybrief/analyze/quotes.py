"""Quotes: who said what, grouped across the outlets that quote the same statement.

Quoted passages are found per paragraph, because a quote often spans
sentences ("..." Rouhani said. "..."), and one left open at a paragraph's end
runs on into the next, as news style has it. The speaker is found in the
sentences around the quote (``speakers.speaker_of``); an unattributed quote
continues the previous quote of its paragraph, or of the paragraph before.

Outlets translate and trim the same remark differently ("We can think about
it if we see America starts confronting..." / "Any time the Americans start
to take action..."), so quotes of one speaker are grouped when any sentence of
one is close in meaning to a sentence of the other: their vectors are close,
or they share most content words once names are resolved to their entity.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import numpy as np

from storybrief.analyze.entities import Names
from storybrief.analyze.lexicon import content
from storybrief.analyze.speakers import speaker_of
from storybrief.analyze.story import Story
from storybrief.models import Article, Quote, Sentence
from storybrief.nlp.embeddings import embed
from storybrief.segment import split_sentences

MIN_WORDS = 4  # shorter quoted runs are scare quotes ("infidels") or phrases
SAME_VECTOR = 0.78
SAME_WORDS = 0.5  # shared content words over the shorter sentence's
MIN_SHARED_WORDS = 4
_MARKS = '"“”„'


@dataclass
class Passage:
    """One quoted passage in one article."""

    text: str
    article: str
    sentence_ids: list[str]
    paragraph: int
    at_paragraph_start: bool
    open_end: bool  # left open at the paragraph's end, so it runs on
    speaker: str | None = None
    pieces: list[str] = field(default_factory=list)  # its sentences


def _paragraph_passages(sentences: list[Sentence]) -> list[tuple[Passage, set[int], Sentence]]:
    """Quoted passages of one paragraph, each with the char offsets it covers."""
    text, starts = "", []
    for s in sentences:
        starts.append(len(text))
        text += s.text + " "
    out: list[tuple[Passage, set[int], Sentence]] = []
    marks = [i for i, ch in enumerate(text) if ch in _MARKS]
    for open_at, close_at in zip(marks[::2], [*marks[1::2], len(text)], strict=False):
        inner = text[open_at + 1 : close_at].strip()
        if len(inner.split()) < MIN_WORDS:
            continue
        covered = [
            s
            for s, start in zip(sentences, starts, strict=True)
            if start < close_at and start + len(s.text) > open_at
        ]
        passage = Passage(
            text=inner,
            article=sentences[0].article,
            sentence_ids=[s.id for s in covered],
            paragraph=sentences[0].paragraph,
            at_paragraph_start=not text[:open_at].strip(),
            open_end=close_at == len(text),
        )
        out.append((passage, set(range(open_at, close_at + 1)), covered[-1]))
    return out


def _outside(story: Story, sentence: Sentence, text_offset: int, quoted: set[int]) -> set[int]:
    """Token indexes of ``sentence`` that lie outside every quote of its paragraph."""
    doc = story.docs[sentence.id]
    return {t.i for t in doc if text_offset + t.idx not in quoted}


def article_passages(story: Story, article: Article, names: Names) -> list[Passage]:
    """The quoted passages of one article with their speakers resolved."""
    by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
    for s in article.sentences:
        by_paragraph[s.paragraph].append(s)
    passages: list[Passage] = []
    for paragraph in sorted(by_paragraph):
        sentences = by_paragraph[paragraph]
        offsets, position = {}, 0
        for s in sentences:
            offsets[s.id] = position
            position += len(s.text) + 1
        found = _paragraph_passages(sentences)
        quoted = set().union(*(covered for _, covered, _ in found)) if found else set()
        for passage, _, last in found:
            for sid in dict.fromkeys([last.id, *passage.sentence_ids]):
                sentence = story.by_id[sid]
                outside = _outside(story, sentence, offsets[sid], quoted)
                passage.speaker = speaker_of(story, sentence, outside, names)
                if passage.speaker:
                    break
            if passage.speaker is None and passages:
                previous = passages[-1]
                runs_on = previous.paragraph == paragraph or (
                    passage.at_paragraph_start and previous.paragraph >= paragraph - 1
                )
                if runs_on or previous.open_end:
                    passage.speaker = previous.speaker
            passage.pieces = split_sentences(passage.text)
            passages.append(passage)
    return passages


def _same_statement(a: Passage, b: Passage, vectors: dict[str, np.ndarray], names: Names) -> bool:
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    for x in a.pieces:
        for y in b.pieces:
            if float(vectors[x] @ vectors[y]) >= SAME_VECTOR:
                return True
            cx, cy = content(x, names), content(y, names)
            if (
                cx
                and cy
                and len(cx & cy) / min(len(cx), len(cy)) >= SAME_WORDS
                and len(cx & cy) >= MIN_SHARED_WORDS
            ):
                return True
    return False


def find_quotes(story: Story, names: Names) -> list[Quote]:
    """Quote groups, the most widely carried first; each lists every wording and source."""
    passages = [p for a in story.articles for p in article_passages(story, a, names)]
    pieces = sorted({piece for p in passages for piece in p.pieces})
    vectors = dict(zip(pieces, embed(pieces), strict=True))
    parent = list(range(len(passages)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in combinations(range(len(passages)), 2):
        if root(i) != root(j) and _same_statement(passages[i], passages[j], vectors, names):
            parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[Passage]] = defaultdict(list)
    for i, passage in enumerate(passages):
        groups[root(i)].append(passage)
    quotes = []
    for members in groups.values():
        speakers = [p.speaker for p in members if p.speaker]
        variants = list(dict.fromkeys(p.text for p in members))
        quotes.append(
            Quote(
                speaker=max(speakers, key=speakers.count) if speakers else None,
                text=max(variants, key=lambda v: (sum(p.text == v for p in members), -len(v))),
                variants=variants,
                sources=sorted({p.article for p in members}),
                sentence_ids=[sid for p in members for sid in p.sentence_ids],
            )
        )
    quotes.sort(key=lambda q: (-len(q.sources), q.sentence_ids[0]))
    return quotes
