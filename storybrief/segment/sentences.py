"""Sentence splitting that survives news copy.

blingfire does the fast first cut, per paragraph, so a sentence never spans a
paragraph break or a bullet. Its cuts are then mended where news style fools
it: a title before a name ("Rear Adm. John Kirby"), a lone initial, and a
closing quote mark left at the start of the next sentence.
"""

from __future__ import annotations

import ctypes
import re
import threading

import blingfire

from storybrief.models import Article, RemovedLine, Sentence
from storybrief.nlp.english import BULLET
from storybrief.segment.language import not_english_reason
from storybrief.settings import LIMITS, Limits

# Abbreviations that end a blingfire piece but never end a sentence in news copy.
_NEVER_FINAL = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Rear Adm|Cmdr|Gov|Sen|Rep|"
    r"Rev|Sr|Jr|St|Mt|No|Vol|Fig|vs|etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|"
    r"Oct|Nov|Dec|Inc|Corp|Ltd|Co)\.|\b[A-Z]\.)$"
)
_LEADING_CLOSERS = re.compile(r"^([\"”’')\]]+)\s*")


_MIN_BUFFER = 1 << 16  # bytes: room for the output of any ordinary paragraph
_buffers = threading.local()  # blingfire writes into it while the GIL is released


def _blingfire_sentences(text: str) -> str:
    """``blingfire.text_to_sentences``, into a reused output buffer.

    blingfire's own wrapper allocates a fresh ctypes buffer for every call,
    which costs more than finding the sentences of a short paragraph. The
    arguments it passes, and so the output, are the same here.
    """
    data = text.encode("utf-8")
    capacity = 2 * len(data)
    buffer = getattr(_buffers, "output", None)
    if buffer is None or len(buffer) < capacity:
        buffer = _buffers.output = ctypes.create_string_buffer(max(capacity, _MIN_BUFFER))
    written = blingfire.blingfire.TextToSentences(
        ctypes.c_char_p(data), ctypes.c_int(len(data)), ctypes.byref(buffer), ctypes.c_int(capacity)
    )
    if written == -1 or written > capacity:
        return ""
    # ``written`` counts the terminating NUL; the text ends at the first NUL, as it does there.
    return ctypes.string_at(buffer, written).split(b"\0", 1)[0].decode("utf-8")


def _pieces(paragraph: str) -> list[str]:
    text = _blingfire_sentences(paragraph.strip())
    return [p.strip() for p in text.split("\n") if p.strip()]


def _closes_previous(before: list[str], mark: str) -> bool:
    """Whether a mark opening a piece closes a quote or bracket left open before it.

    A straight double quote closes only if the paragraph so far has an odd
    number of them; a straight single quote is too often an apostrophe to tell.
    """
    if mark.startswith('"'):
        return sum(piece.count('"') for piece in before) % 2 == 1
    return mark[0] in "”’)]"


def _mend(pieces: list[str]) -> list[str]:
    out: list[str] = []
    for piece in pieces:
        closer = _LEADING_CLOSERS.match(piece)
        if out and closer and _closes_previous(out, closer.group(1)):
            out[-1] += closer.group(1)
            piece = piece[closer.end() :]
            if not piece:
                continue
        if out and (_NEVER_FINAL.search(out[-1]) or piece[:1].islower()):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph into sentences; each bullet line is its own item."""
    lines = [line for line in paragraph.splitlines() if line.strip()]
    if any(BULLET.match(line) for line in lines):
        return [s for line in lines for s in _mend(_pieces(BULLET.sub("", line)))]
    return _mend(_pieces(" ".join(line.strip() for line in lines)))


def segment(article: Article, limits: Limits = LIMITS) -> Article:
    """Fill ``article.sentences`` from its paragraphs; skip it if it has none or is not English.

    An article of more than ``limits.max_sentences`` sentences is cut after
    them: the analysis compares sentences in pairs, so a book-length text
    would take hours. The cut is listed with the article's removed lines.
    """
    if not article.ok:
        return article
    # Every stage from here on reads English: another language would come out as nonsense.
    if reason := not_english_reason(article.body):
        article.skip(reason)
        return article
    sentences: list[Sentence] = []
    for p_index, paragraph in enumerate(article.paragraphs):
        for text in split_sentences(paragraph):
            if any(map(str.isalnum, text)):
                n = len(sentences)
                sentences.append(Sentence(f"{article.id}:{n}", article.id, text, n, p_index))
    article.sentences = _within(article, sentences, limits.max_sentences)
    if not sentences:
        article.skip("no sentences in the article body after cleaning")
    return article


def _within(article: Article, sentences: list[Sentence], most: int) -> list[Sentence]:
    """The first ``most`` sentences; the cut, if any, recorded as a removed line."""
    if len(sentences) <= most:
        return sentences
    cut = sentences[most]
    why = f"the article has {len(sentences):,} sentences, over the {most:,}-sentence limit"
    line = f"{len(sentences) - most:,} sentences from “{cut.text[:80]}” on"
    article.removed.append(RemovedLine(article.id, line, why))
    # Paragraphs past the cut go too: every later stage reads sentences and paragraphs alike.
    article.paragraphs = article.paragraphs[: sentences[most - 1].paragraph + 1]
    return sentences[:most]
