"""Quotes: who said what, grouped across the outlets that quote the same statement.

Quoted passages are found per paragraph, because a quote often spans
sentences ("..." Rouhani said. "..."), and one left open at a paragraph's end
runs on into the next, as news style has it. The speaker is found in the
sentences around the quote (``speakers.speaker_of``): those it covers, an
attribution right after it ("Sarpong said.") or a colon before it; an
unattributed quote continues the previous quote of its paragraph, or of the
paragraph before, and is left without a speaker rather than given a guess.

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

from storybrief.analyze.context import (
    QUOTE_MARKS,
    StoryContext,
    outside_quotes,
    paragraph_text,
    quote_spans,
)
from storybrief.analyze.entities import Names
from storybrief.analyze.lexicon import content
from storybrief.analyze.speakers import speaker_of
from storybrief.models import Article, Quote, Sentence
from storybrief.nlp.embeddings import embed
from storybrief.segment import split_sentences

MIN_WORDS = 4  # shorter quoted runs are scare quotes ("infidels") or phrases
SAME_VECTOR = 0.78
SAME_WORDS = 0.5  # shared content words over the shorter sentence's
MIN_SHARED_WORDS = 4
_TITLE_SMALL_WORDS = 3  # a title's lowercase words are short: "All the Money in the World"


@dataclass
class Passage:
    """One quoted passage in one article."""

    text: str
    article: str
    sentence_ids: list[str]
    paragraph: int
    at_paragraph_start: bool
    starts_sentence: bool  # a whole statement, not a phrase inside the writer's sentence
    open_end: bool  # left open at the paragraph's end, so it runs on
    speaker: str | None = None
    pieces: list[str] = field(default_factory=list)  # its sentences


def _is_title(text: str) -> bool:
    """Whether a quoted run is a title ("Popcorn With Peter Travers"), not speech."""
    words = [w for w in text.split() if w[0].isalpha()]
    return bool(words) and all(w[0].isupper() or len(w) <= _TITLE_SMALL_WORDS for w in words)


def _passage_speaker(
    story: StoryContext, passage: Passage, chars: tuple[int, int], names: Names
) -> str | None:
    """The speaker of a passage (at ``chars`` of its paragraph) named next to it.

    Looked for in the sentences it covers, the last first ("... Rouhani said.
    \"...\""); then, for a whole statement, in the sentence right after it in
    its paragraph when that one is unquoted ("\"...\" Sarpong said."), and in
    the sentence before it when that one introduces it with a colon ("Driver
    told the Guardian:"), even from the paragraph before. A sentence after it
    with a quote of its own names that quote's speaker, not this one's.
    """
    sentences = story.article[passage.article].sentences
    covered = [story.by_id[sid] for sid in passage.sentence_ids]
    _, starts = paragraph_text(story, covered[0])
    # (sentence, the quote's first and last token in it, or the edge nearest the quote)
    candidates: list[tuple[Sentence, tuple[int, int]]] = []
    for sentence in [covered[-1], *covered[:-1]]:
        doc = story.docs[sentence.id]
        inside = [t.i for t in doc if chars[0] <= starts[sentence.id] + t.idx <= chars[1]]
        candidates.append((sentence, (inside[0], inside[-1])))
    if passage.starts_sentence:
        after = sentences[covered[-1].index + 1] if covered[-1].index + 1 < len(sentences) else None
        if (
            after is not None
            and after.paragraph == passage.paragraph
            and not any(ch in QUOTE_MARKS for ch in after.text)
        ):
            candidates.append((after, (-1, -1)))
        before = sentences[covered[0].index - 1] if covered[0].index else None
        if before is not None and before.text.rstrip().endswith(":"):
            edge = len(story.docs[before.id])
            candidates.append((before, (edge, edge)))
    for sentence, span in candidates:
        speaker = speaker_of(story, sentence, span, names)
        if speaker:
            return speaker
    return None


def _bare(story: StoryContext, passage: Passage) -> bool:
    """Whether a passage stands alone, its sentences all quote: a statement that runs
    on from the previous quote, where words of the writer's around it ("...", the
    article read) would tell of another source."""
    return all(
        story.docs[sid][i].is_punct or story.docs[sid][i].is_space
        for sid in passage.sentence_ids
        for i in outside_quotes(story, story.by_id[sid])
    )


def article_passages(story: StoryContext, article: Article, names: Names) -> list[Passage]:
    """The quoted passages of one article with their speakers resolved.

    An unattributed statement continues the quote before it in its
    paragraph, or the one that ends the paragraph before when it opens its
    own: news style names a speaker once for a run of quotes. Quotes too
    short to report still carry their speaker on to the quote that follows.
    """
    by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
    for s in article.sentences:
        by_paragraph[s.paragraph].append(s)
    passages: list[Passage] = []
    previous: Passage | None = None
    for paragraph in sorted(by_paragraph):
        sentences = by_paragraph[paragraph]
        text, starts = paragraph_text(story, sentences[0])
        for open_at, close_at in quote_spans(text):
            inner = text[open_at + 1 : close_at].strip()
            covered = [
                s
                for s in sentences
                if starts[s.id] < close_at and starts[s.id] + len(s.text) > open_at
            ]
            if not inner or not covered or _is_title(inner):
                continue
            passage = Passage(
                text=inner,
                article=article.id,
                sentence_ids=[s.id for s in covered],
                paragraph=paragraph,
                at_paragraph_start=not text[:open_at].strip(),
                starts_sentence=not text[starts[covered[0].id] : open_at].strip(),
                open_end=close_at == len(text),
            )
            passage.speaker = _passage_speaker(story, passage, (open_at, close_at), names)
            if passage.speaker is None and previous is not None and _bare(story, passage):
                runs_on = previous.paragraph == paragraph or (
                    passage.at_paragraph_start and previous.paragraph == paragraph - 1
                )
                if runs_on or previous.open_end:
                    passage.speaker = previous.speaker
            previous = passage
            if len(inner.split()) >= MIN_WORDS:
                passage.pieces = split_sentences(inner)
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


def find_quotes(story: StoryContext) -> list[Quote]:
    """Quote groups, the most widely carried first; each lists every wording and source."""
    names = story.names
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
