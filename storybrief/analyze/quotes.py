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
from itertools import combinations, pairwise

import numpy as np
from spacy.tokens import Doc

from storybrief.analyze.context import (
    StoryContext,
    outside_quotes,
    paragraph_text,
    quote_marks,
    sentence_quote_spans,
)
from storybrief.analyze.entities import Names
from storybrief.analyze.lexicon import content
from storybrief.analyze.speakers import acting_person, signature, signs, speaker_of
from storybrief.models import Article, Quote, Sentence
from storybrief.segment import split_sentences

# The words a title leaves lowercase ("All the Money in the World"); a quote with any
# other lowercase word is speech ('"I'm a big fan of Elizabeth Warren," Reid said').
_TITLE_SMALL_WORDS = {
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in",
    "of", "off", "on", "per", "to", "up", "via", "with", "from", "into", "over", "vs",
}  # fmt: skip


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
    signed: bool = False  # its speaker signs it (``speakers.Found``): the next does not run on
    pieces: list[str] = field(default_factory=list)  # its sentences


def _is_title(text: str) -> bool:
    """Whether a quoted run is a title ("Popcorn With Peter Travers"), not speech."""
    words = [w for w in text.split() if w[0].isalpha()]
    return bool(words) and all(
        w[0].isupper() or w.lower().strip(",.;:!?") in _TITLE_SMALL_WORDS for w in words
    )


def _passage_speaker(
    story: StoryContext, passage: Passage, chars: tuple[int, int], names: Names
) -> str | None:
    """The speaker of a passage (at ``chars`` of its paragraph) named next to it.

    Looked for in the sentences it covers, the last first ("... Rouhani said.
    \\"...\\""); then, for a whole statement, in the sentence right after it in
    its paragraph when that one is unquoted ("\\"...\\" Sarpong said."), and in
    the sentence before it when that one introduces it with a colon ("Driver
    told the Guardian:"), even from the paragraph before. A sentence after it
    with a quote of its own names that quote's speaker, not this one's.
    """
    covered = [story.by_id[sid] for sid in passage.sentence_ids]
    _, starts = paragraph_text(story, covered[0])
    # (sentence, the quote's first and last token in it, or the edge nearest the quote)
    candidates = [
        (s, _quote_tokens(story.docs[s.id], starts[s.id], chars))
        for s in [covered[-1], *covered[:-1]]
    ]
    if passage.starts_sentence:
        candidates += _beside(story, passage, covered)
    for sentence, span in candidates:
        found = speaker_of(story, sentence, span, names)
        if found:
            passage.signed = found.signed
            return found.speaker
    return None


def _quote_tokens(doc: Doc, start: int, chars: tuple[int, int]) -> tuple[int, int]:
    """The first and last token of a sentence (at ``start`` of its paragraph) that
    the quote at ``chars`` reaches into.

    A mark may sit inside a token (markup a plain text kept, ``id="123">We``),
    so a token counts when the quote reaches into it, not only when it starts
    inside the quote: a short quote may have no token start inside it.
    """
    inside = [t.i for t in doc if start + t.idx <= chars[1] and start + t.idx + len(t) > chars[0]]
    return inside[0], inside[-1]


def _beside(
    story: StoryContext, passage: Passage, covered: list[Sentence]
) -> list[tuple[Sentence, tuple[int, int]]]:
    """The sentences around a whole statement that may name its speaker: the one right
    after it in its paragraph, if unquoted, and the one before it ending in a colon."""
    sentences = story.article[passage.article].sentences
    found: list[tuple[Sentence, tuple[int, int]]] = []
    after = sentences[covered[-1].index + 1] if covered[-1].index + 1 < len(sentences) else None
    if (
        after is not None
        and after.paragraph == passage.paragraph
        and not _quotes_speech(story, after)
    ):
        found.append((after, (-1, -1)))
    before = sentences[covered[0].index - 1] if covered[0].index else None
    if before is not None and _introduces(story, before, passage):
        edge = len(story.docs[before.id])
        found.append((before, (edge, edge)))
    return found


def _quotes_speech(story: StoryContext, sentence: Sentence) -> bool:
    """Whether the writer's ``sentence`` quotes words of its own, not only a title
    ('Clinton remarked, alluding to the actor's turn in "The Revenant."' names the
    statement before it, where a quote of its own would be that quote's speaker's)."""
    text = sentence.text
    return any(
        (inner := text[start + 1 : end].strip()) and not _is_title(inner)
        for start, end in sentence_quote_spans(story, sentence)
    )


def _introduces(story: StoryContext, before: Sentence, passage: Passage) -> bool:
    """Whether the sentence before a statement may name its speaker: it ends with a colon
    ("Driver told the Guardian:"), or it is the writer's, unquoted, in the statement's
    paragraph ('Clinton touted her credentials. "We need ..."'), where news style has the
    one just named go on speaking; or it ends the paragraph before a bare statement that
    opens its own ('Ash argued in his email, ... ¶ "In light of ..."'), unless it is a name
    alone, the signature of the statement above it (``_signed``)."""
    text = before.text.rstrip()
    if text.endswith(":"):
        return True
    if quote_marks(story, before):
        return False
    if before.paragraph == passage.paragraph:
        return True
    return (
        before.paragraph == passage.paragraph - 1
        and passage.at_paragraph_start
        and _bare(story, passage)
        and not signs(story, before)
    )


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
    own: news style names a speaker once for a run of quotes. A statement
    paragraph still without one takes the speaker the next paragraph names
    (``_named_next``). Quotes too short to report still carry their speaker
    on to the quote that follows.
    """
    by_paragraph: dict[int, list[Sentence]] = defaultdict(list)
    for s in article.sentences:
        by_paragraph[s.paragraph].append(s)
    found: list[tuple[Passage, bool]] = []  # each passage, and whether its own text names one
    previous: Passage | None = None
    for paragraph in sorted(by_paragraph):
        for passage, chars in _paragraph_passages(story, by_paragraph[paragraph]):
            passage.speaker = _passage_speaker(story, passage, chars, names)
            attributed = passage.speaker is not None
            if not attributed and previous is not None and _runs_on(story, passage, previous):
                passage.speaker = previous.speaker
            previous = passage
            found.append((passage, attributed))
    _speakers_nearby(story, article, found)
    passages = [p for p, attributed in found if _reported(story, p, attributed)]
    for passage in passages:
        passage.pieces = split_sentences(passage.text)
    return passages


def _speakers_nearby(
    story: StoryContext, article: Article, found: list[tuple[Passage, bool]]
) -> None:
    """Gives the statement paragraphs still without a speaker the one the paragraphs around
    them name: the next paragraph's (``_named_next``), a signature line's (``_signed``), the
    person the writer's paragraph before ends on (``_carried``)."""
    _named_next(story, found)
    passages = [p for p, _ in found]
    _signed(story, article, passages)
    _carried(story, article, passages)


def _named_next(story: StoryContext, found: list[tuple[Passage, bool]]) -> None:
    """Gives a statement paragraph with no speaker the one named in the next paragraph, when
    that opens with a statement of its own ('"Not only can Ted Cruz win ..." ¶ "He may be the
    only one ...," Viguerie notes.'): news style may name the speaker of a run in its second
    paragraph; not a signature's, which signs its own statement only."""
    for (passage, _), (after, attributed) in pairwise(found):
        if (
            passage.speaker is None
            and attributed
            and not after.signed
            and passage.at_paragraph_start
            and after.at_paragraph_start
            and after.paragraph == passage.paragraph + 1
            and _bare(story, passage)
        ):
            passage.speaker = after.speaker


def _signed(story: StoryContext, article: Article, passages: list[Passage]) -> None:
    """Gives a statement paragraph with no speaker the person a one-line paragraph after it
    names and nothing more ('"The whole idea of a 'Crooked Hillary' ..." ¶ -Michelle Marks,
    Philadelphia.'): a signature, as a notebook or a list of readers' words sets them."""
    for passage in filter(lambda p: _unattributed(story, p), passages):
        last = story.by_id[passage.sentence_ids[-1]]
        after = article.sentences[last.index + 1 : last.index + 3]
        if (
            after
            and after[0].paragraph == passage.paragraph + 1
            and (len(after) == 1 or after[1].paragraph > after[0].paragraph)
        ):
            passage.speaker = signature(story, after[0], story.names)


def _carried(story: StoryContext, article: Article, passages: list[Passage]) -> None:
    """Gives a statement paragraph with no speaker the person the writer's paragraph before it
    ends on ('Clinton spoke in Ohio. ... She then turned to the economy. ¶ "We need ..."'):
    a speech reported paragraph by paragraph, the narrative naming who goes on."""
    for passage in filter(lambda p: _unattributed(story, p), passages):
        first = story.by_id[passage.sentence_ids[0]]
        before = article.sentences[first.index - 1] if first.index else None
        if (
            before is not None
            and before.paragraph == passage.paragraph - 1
            and not quote_marks(story, before)
        ):
            passage.speaker = acting_person(story, before, story.names)


def _unattributed(story: StoryContext, passage: Passage) -> bool:
    """Whether a passage is a statement paragraph of its own with no speaker yet."""
    return passage.speaker is None and passage.at_paragraph_start and _bare(story, passage)


def _reported(story: StoryContext, passage: Passage, attributed: bool) -> bool:
    """Whether a passage is a quote to report: a statement of ``min_words``, or a few words
    inside the writer's sentence that it attributes to a speaker ('Trump called her
    "disgusting"'), where a scare quote ("infidels") has no speaker."""
    settings, words = story.settings.quotes, passage.text.split()
    if len(words) >= settings.min_words:
        return True
    # Words, not numbers: markup a plain text kept ('<tweet id="1">') quotes a number.
    said = sum(any(ch.isalpha() for ch in w) for w in words)
    return attributed and not passage.starts_sentence and said >= settings.min_embedded_words


def _paragraph_passages(
    story: StoryContext, sentences: list[Sentence]
) -> list[tuple[Passage, tuple[int, int]]]:
    """The quoted passages of one paragraph's ``sentences``, each with the characters
    of the paragraph from its opening mark to its closing one; no speaker yet."""
    text, starts, spans = story.paragraphs[(sentences[0].article, sentences[0].paragraph)]
    found = []
    for open_at, close_at in spans:
        inner = text[open_at + 1 : close_at].strip()
        covered = [
            s for s in sentences if starts[s.id] < close_at and starts[s.id] + len(s.text) > open_at
        ]
        if not inner or not covered or _is_title(inner):
            continue
        passage = Passage(
            text=inner,
            article=sentences[0].article,
            sentence_ids=[s.id for s in covered],
            paragraph=sentences[0].paragraph,
            at_paragraph_start=not text[:open_at].strip(),
            starts_sentence=not text[starts[covered[0].id] : open_at].strip(),
            open_end=close_at == len(text),
        )
        found.append((passage, (open_at, close_at)))
    return found


def _runs_on(story: StoryContext, passage: Passage, previous: Passage) -> bool:
    """Whether an unattributed passage continues the ``previous`` one: it stands alone
    (``_bare``), in the same paragraph, or opening the next one, or after a quote
    left open; not after a signed one, whose signature closes it (a list of remarks)."""
    return (
        _bare(story, passage)
        and not previous.signed
        and (
            previous.paragraph == passage.paragraph
            or (passage.at_paragraph_start and previous.paragraph == passage.paragraph - 1)
            or previous.open_end
        )
    )


def _same_statement(
    story: StoryContext, a: Passage, b: Passage, vectors: dict[str, np.ndarray]
) -> bool:
    """Whether two passages are one statement: no two speakers, and a sentence of each
    close in meaning (``vectors``) or in content words."""
    if a.speaker and b.speaker and a.speaker != b.speaker:
        return False
    same_quote = story.cosines.same_quote
    for x in a.pieces:
        for y in b.pieces:
            if float(vectors[x] @ vectors[y]) >= same_quote or _same_words(story, x, y):
                return True
    return False


def _same_words(story: StoryContext, x: str, y: str) -> bool:
    """Whether two sentences share most of their content words, names resolved."""
    settings = story.settings.quotes
    cx, cy = content(x, story.names), content(y, story.names)
    return bool(
        cx
        and cy
        and len(cx & cy) / min(len(cx), len(cy)) >= settings.same_words
        and len(cx & cy) >= settings.min_shared_words
    )


def find_quotes(story: StoryContext) -> list[Quote]:
    """Quote groups, the most widely carried first; each lists every wording and source."""
    passages = [p for a in story.articles for p in article_passages(story, a, story.names)]
    quotes = [_quote(members) for members in _statements(story, passages)]
    quotes.sort(key=lambda q: (-len(q.sources), q.sentence_ids[0]))
    return quotes


def _statements(story: StoryContext, passages: list[Passage]) -> list[list[Passage]]:
    """The passages grouped by statement (``_same_statement``), in story order."""
    pieces = sorted({piece for p in passages for piece in p.pieces})
    vectors = dict(zip(pieces, story.embed(pieces), strict=True))
    parent = list(range(len(passages)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in combinations(range(len(passages)), 2):
        if root(i) != root(j) and _same_statement(story, passages[i], passages[j], vectors):
            parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, list[Passage]] = defaultdict(list)
    for i, passage in enumerate(passages):
        groups[root(i)].append(passage)
    return list(groups.values())


def _quote(members: list[Passage]) -> Quote:
    """The quote of one statement: its most common speaker and wording, all its wordings."""
    speakers = [p.speaker for p in members if p.speaker]
    variants = list(dict.fromkeys(p.text for p in members))
    return Quote(
        speaker=max(speakers, key=speakers.count) if speakers else None,
        text=max(variants, key=lambda v: (sum(p.text == v for p in members), -len(v))),
        variants=variants,
        sources=sorted({p.article for p in members}),
        sentence_ids=[sid for p in members for sid in p.sentence_ids],
    )
