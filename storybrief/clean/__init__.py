"""Clean: turn what was read into title, metadata and body paragraphs.

HTML goes through trafilatura's main-text extraction; plain text through a
line classifier that drops boilerplate. Plain text is cleaned as a batch
because a line repeated across articles of one story is a strong sign of
site furniture. An article whose text stops mid-sentence is kept, marked
``partial``.
"""

from __future__ import annotations

import re

from storybrief.clean.html import extract_html
from storybrief.clean.lines import Line
from storybrief.clean.text import LineCounts, clean_texts, text_lines
from storybrief.models import Article
from storybrief.nlp.english import STOPWORDS

# Words after a paragraph's last stop that make a cut-off sentence rather than
# a wire's sign-off ("(djp)", "AO/HJL/IS") or a grade ("C+").
_MIN_CUT_WORDS = 4
_MIN_PARAGRAPH_WORDS = 9  # a shorter last line without a stop is a label, not a cut text
_STOP = re.compile(r"[.!?…][\"'”’)\]]*\s")
# Tried from word starts only: from every letter of a long word, it took quadratic time.
_ELLIPSIS = re.compile(r"(?<!\w)(\w+)\W*(?:\.{3,}|…)\W*$")


def ends_mid_sentence(paragraphs: list[str]) -> bool:
    """Whether a body stops inside a sentence: no stop after its last words, or "and…".

    A feed's lead is cut at a length ("… in a campaign that"), a teaser at an
    ellipsis after a function word ("… debit-card accounts and..."); an
    ellipsis after a word of content ("So much for the polls...") is style.
    """
    if not paragraphs:
        return False
    last = Line(paragraphs[-1].strip())
    if last.is_sentence:
        ellipsis = _ELLIPSIS.search(last.text)
        return bool(ellipsis) and ellipsis.group(1).lower() in STOPWORDS
    # A cut falls after a word or a comma; a closing bracket, a colon or an emoji ends on purpose.
    if not (last.text[-1].isalnum() or last.text.endswith(",")) or last.is_bullet:
        return False
    # The words after the last stop; a greedy ".*<stop>" took time quadratic in a stopless line.
    stops = [m.end() for m in _STOP.finditer(last.text)]
    tail = Line(last.text[stops[-1] :] if stops else last.text)
    return last.n >= _MIN_PARAGRAPH_WORDS and tail.n >= _MIN_CUT_WORDS


def clean(articles: list[Article], shared: frozenset[int] | None = None) -> list[Article]:
    """Clean every usable article in place and return the batch, order kept.

    A short line two plain texts of the batch carry is furniture; or, given
    ``shared`` (``count_lines(…).shared`` of a pile cleaned a block at a
    time), one of those.
    """
    clean_texts(_plain_texts(articles), shared)
    for article in articles:
        if article.ok and article.kind == "html":
            extract_html(article)
    for article in articles:
        _judge_extent(article)
    return articles


def count_lines(articles: list[Article]) -> LineCounts:
    """In how many of the articles that ``clean`` reads as plain text each short line occurs."""
    return LineCounts.of(text_lines(a) for a in _plain_texts(articles))


def _plain_texts(articles: list[Article]) -> list[Article]:
    return [a for a in articles if a.ok and a.kind == "text"]


def _judge_extent(article: Article) -> None:
    """Skip an article left with no text; mark one whose text stops mid-sentence."""
    if article.ok and not article.paragraphs:
        article.skip("no article text found after removing boilerplate")
    article.partial = article.ok and ends_mid_sentence(article.paragraphs)
