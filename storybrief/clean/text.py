"""Clean plain-text articles: header fields, then boilerplate lines out.

A copy-paste or a naive scraper leaves photo credits, caption markers and
captions, sign-up and comment prompts, tag lists and reader call-outs among
the paragraphs. Each line is judged on its own features (``lines.Line``), on
its neighbours (a caption follows its marker), and on repetition within the
article and across the batch. Every dropped line is recorded with the reason.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from statistics import median

from storybrief.clean.dates import parse_date
from storybrief.clean.lines import Line
from storybrief.clean.outlet import infer_outlet
from storybrief.models import Article, RemovedLine
from storybrief.nlp.english import STOPWORDS

_MAX_HEADER_LINES = 8
_MAX_LABEL_WORDS = 8  # a line this short without sentence punctuation is not prose
_MAX_PROMPT_WORDS = 40  # sign-up boxes and call-outs are short
_MAX_CAPTION_WORDS = 30
_BYLINE = re.compile(
    r"^(?:by\s+)?(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin|and|&)){1,4})"
    r"(?:\s*[,|–—-]\s*.{0,60})?$"
)
_EXPLICIT_BYLINE = re.compile(r"^by\s+[A-Z]", re.IGNORECASE)
_PTB_OPEN, _PTB_CLOSE = re.compile(r"``\s?"), re.compile(r"\s?''")


def normalize(raw: str) -> str:
    """Unify newlines, spaces and Penn-Treebank quote marks (as in DUC copy)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    return _PTB_CLOSE.sub("”", _PTB_OPEN.sub("“", text))


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A block wrapped at a fixed width: long lines that stop mid-sentence."""
    if len(lines) < 3:
        return False
    inner = lines[:-1]
    open_ended = sum(not Line(line).is_sentence for line in inner) / len(inner)
    continued = sum(line[:1].islower() for line in lines[1:]) / (len(lines) - 1)
    return (
        open_ended >= 0.5
        and continued >= 0.25
        and median(len(line) for line in lines) >= 40
        and max(len(line) for line in lines) <= 120
    )


def split_lines(text: str) -> list[str]:
    """Logical lines: a hard-wrapped block is joined back into one paragraph."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _is_hard_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _furniture_why(line: Line) -> str | None:
    """Why a line is page furniture whatever its position, or None if it may be content."""
    if line.is_credit:
        return "photo credit"
    if line.is_copyright:
        return "copyright notice"
    if line.is_navigation:
        return "navigation or tag list"
    if line.is_dangling_label:
        return "caption or credit marker"
    # Prompts are short; a long paragraph that says "you" is an essay's style.
    if line.n <= _MAX_PROMPT_WORDS and (
        line.second_person >= 2 or (line.second_person and (line.web_terms or "?" in line.text))
    ):
        return "addresses the reader (call-out or sign-up prompt)"
    if (
        line.n <= _MAX_PROMPT_WORDS
        and line.starts_imperative
        and (not line.is_sentence or line.web_terms or line.second_person)
    ):
        return "call to action"
    if not line.is_sentence and line.n <= 15 and line.web_terms:
        return "site furniture"
    return None


def _is_byline(line: Line) -> bool:
    if _EXPLICIT_BYLINE.match(line.text):
        return line.n <= 12
    match = _BYLINE.match(line.text.strip())
    return bool(match) and not any(
        w.lower() in STOPWORDS for w in match.group("name").split() if w.lower() != "and"
    )


def _read_header(article: Article, lines: list[Line]) -> int:
    """Fill title, dek, byline and date from the top lines; return where the body starts.

    The header ends at the first line that reads as body prose: a sentence of
    some length. Lines in the header that are none of the fields are left for
    the body rules to judge.
    """
    title, dek, byline, published = article.title, article.dek, article.byline, article.published
    fields_at: set[int] = set()
    after_marker = False
    for i, line in enumerate(lines[:_MAX_HEADER_LINES]):
        if line.is_sentence and line.n >= 8:
            break
        follows_marker, after_marker = after_marker, line.is_dangling_label
        if follows_marker or _furniture_why(line):
            continue
        if (date := parse_date(line.text)) and line.n <= 12:
            published = published or date
        elif title is None and not fields_at and 2 <= line.n <= 30:
            title = line.text
        elif (
            title
            and dek is None
            and byline is None
            and line.n >= 6
            and (line.stopword_density >= 0.15)
        ):
            dek = line.text
        elif byline is None and _is_byline(line):
            byline = re.sub(r"^by\s+", "", line.text.strip(), flags=re.IGNORECASE)
        else:
            continue
        fields_at.add(i)
    article.title, article.dek, article.byline, article.published = title, dek, byline, published
    return max(fields_at, default=-1) + 1


def _body_why(line: Line, previous_why: str | None, repeats: int, shared: bool) -> str | None:
    if why := _furniture_why(line):
        return why
    if previous_why == "caption or credit marker" and line.n <= _MAX_CAPTION_WORDS:
        return "caption (follows a caption marker)"
    if repeats > 1 and not line.is_sentence:
        return "repeated line (caption or site furniture)"
    if line.is_sentence or (line.is_bullet and line.n > _MAX_LABEL_WORDS):
        return None
    if shared and line.n <= 12:
        return "repeated across articles (site furniture)"
    if line.n <= _MAX_LABEL_WORDS:
        return "heading, label or credit (not a sentence)"
    return None


def _clean_one(article: Article, lines: list[Line], shared_keys: set[str]) -> None:
    start = _read_header(article, lines)
    header_keys = {v.lower() for v in (article.title, article.dek) if v}
    counts = Counter(line.key for line in lines)
    kept_keys: set[str] = set()
    paragraphs: list[str] = []
    removed: list[RemovedLine] = []
    why: str | None = None
    for i, line in enumerate(lines):
        if i < start and line.text in (article.title, article.dek, article.byline):
            why = None
            continue
        if line.text.lower() in header_keys:
            why = "repeats the headline"
        elif line.key in kept_keys:
            why = "repeats an earlier paragraph"
        elif i < start and parse_date(line.text) and line.n <= 12:
            why = "dateline"
        else:
            why = _body_why(line, why, counts[line.key], line.key in shared_keys)
        if why:
            removed.append(RemovedLine(article.id, line.text, why))
        else:
            paragraphs.append(line.text)
            kept_keys.add(line.key)
    article.paragraphs, article.removed = paragraphs, removed


def _shared_short_lines(articles: Iterable[list[Line]]) -> set[str]:
    """Short lines that occur in two or more articles: the furniture of a shared site."""
    seen: Counter[str] = Counter()
    for lines in articles:
        seen.update({line.key for line in lines if len(line.text.split()) <= 12})
    return {key for key, n in seen.items() if n > 1 and key}


def clean_texts(articles: list[Article]) -> None:
    """Clean plain-text articles of one batch in place."""
    # Each article's lines are read once, for both the batch-wide count and its own cleaning.
    lines = [[Line(text) for text in split_lines(normalize(a.raw))] for a in articles]
    shared = _shared_short_lines(lines)
    for article, article_lines in zip(articles, lines, strict=True):
        _clean_one(article, article_lines, shared)
        # An outlet given with the input (a JSONL record's, a feed's) is the publisher's own word.
        if article.outlet is None:
            removed = [r.line for r in article.removed]
            article.outlet = infer_outlet(removed, article.paragraphs)
