"""Quotation marks: where a text's quotations open and close.

Double marks everywhere; curly single ones in an article that quotes with them, as
British outlets do (``single_marked``), told from the apostrophes that share the
closing mark. Kept apart from the parse so the summary reads the same spans
without loading spaCy.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

from storybrief.models import Sentence

QUOTE_MARKS = '"“”„'
# A paragraph's text, where each of its sentences starts in it, and its quotes' spans.
Paragraph = tuple[str, dict[str, int], list[tuple[int, int]]]
# A double mark nested in a single-mark quotation, as the double-mark form nests it.
_NESTED = str.maketrans('"“”„', "'‘’‘")


def paragraph_spans(sentences: Iterable[Sentence]) -> dict[tuple[str, int], Paragraph]:
    """Each (article, paragraph)'s text (its sentences joined by spaces), where each of its
    sentences starts in it, and its quotations' spans (``quote_spans``)."""
    joined: dict[tuple[str, int], tuple[list[str], dict[str, int]]] = {}
    length: Counter[tuple[str, int]] = Counter()
    for s in sentences:
        key = (s.article, s.paragraph)
        parts, starts = joined.setdefault(key, ([], {}))
        starts[s.id] = length[key]
        parts.append(s.text + " ")
        length[key] += len(s.text) + 1
    texts = {key: "".join(parts) for key, (parts, _) in joined.items()}
    single = single_marked(texts)
    return {
        key: (texts[key], starts, quote_spans(texts[key], singles=key[0] in single))
        for key, (_, starts) in joined.items()
    }


def marks_in(paragraph: Paragraph, sentence: Sentence) -> list[int]:
    """Where in ``sentence``'s text the quotations of its ``paragraph`` open or close."""
    _, starts, spans = paragraph
    start = starts[sentence.id]
    return sorted(i - start for span in spans for i in span if 0 <= i - start < len(sentence.text))


def double_form(sentences: list[Sentence]) -> list[Sentence]:
    """``sentences`` as their article would read quoting in double marks: a quotation in
    single marks (``single_marked``) in double ones, a double one nested in it in single
    ones, so checks of the text alone read both forms alike; apostrophes as they are."""
    if not any("‘" in s.text for s in sentences):  # most articles: nothing to rewrite
        return sentences
    length = {s.id: len(s.text) for s in sentences}
    texts: dict[str, str] = {}
    for text, starts, spans in paragraph_spans(sentences).values():
        swapped = _swapped(text, spans)
        if swapped != text:
            texts.update((sid, swapped[at : at + length[sid]]) for sid, at in starts.items())
    return [dataclasses.replace(s, text=texts[s.id]) if s.id in texts else s for s in sentences]


def _swapped(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with its single-mark quotations (``spans`` opening on ‘) in double marks."""
    chars = list(text)
    for start, end in (span for span in spans if text[span[0]] == "‘"):
        chars[start + 1 : end] = text[start + 1 : end].translate(_NESTED)
        chars[start] = "“"
        if end < len(text):  # not one left open to the paragraph's end
            chars[end] = "”"
    return "".join(chars)


def quote_spans(text: str, singles: bool = False) -> list[tuple[int, int]]:
    """Character spans (opening mark, closing mark) of the quotations in ``text``.

    Double marks pair up in order; one left open runs to the end of the text, as a
    paragraph-long quote does in news style. With ``singles`` (an article that quotes
    in curly single marks, as British outlets do: ``single_marked``), quotations in
    those are added outside the double ones (``_single_spans``), and a double one
    inside them is part of the outer quotation, not one of its own, as a single one
    inside double marks is.
    """
    marks = [i for i, ch in enumerate(text) if ch in QUOTE_MARKS]
    spans = list(zip(marks[::2], [*marks[1::2], len(text)], strict=False))
    if not singles or "‘" not in text:  # most texts: no opening single mark to pair
        return spans
    outer = _single_spans(text, spans)
    spans = [(i, j) for i, j in spans if not any(a < i and j < b for a, b in outer)]
    return sorted(spans + outer)


def single_marked(texts: dict[tuple[str, int], str]) -> set[str]:
    """The articles of ``texts`` (by (article, paragraph)) that quote in curly single marks:
    as many opening ones as double quotations or more. British outlets quote so, nesting
    double marks inside; a US article quotes in double marks, where single ones are a
    headline's or a nested quote's, and a scare quote's more often than elsewhere."""
    singles: Counter[str] = Counter()
    doubles: Counter[str] = Counter()
    for (article, _), text in texts.items():
        singles[article] += len(_SINGLE_OPEN.findall(text))
        doubles[article] += (sum(ch in QUOTE_MARKS for ch in text) + 1) // 2
    return {a for a, n in singles.items() if n and n >= doubles[a]}


# A curly single mark opens a quotation after a space, a dash or a bracket and before a
# letter ("‘It"), where the apostrophe of an elision stands before a digit
# ("‘90s") or inside a word; it closes one after a non-space and before no letter or
# digit ("gamble,’ she"), where "It’s" and "Bob’s" go on.
_SINGLE_OPEN = re.compile(r"(?<![^\s(\[—–-])‘(?=[^\W\d_])")
_SINGLE_CLOSE = re.compile(r"(?<=\S)’(?!\w)")
# A plural possessive or a dropped g ("the voters’ patience", "‘Lyin’ Ted.’") sits between
# two words: taken for the close only when no other close follows before the next opening.
_WORD_AFTER = re.compile(r"\w’ \w")


def _single_spans(text: str, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of quotations in curly single marks outside the ``doubles`` spans: each
    opening mark paired with a closing one before the next opening mark; an opening
    mark never closed is an apostrophe ("‘til"), not a quotation, unless it is the last
    and opens a statement: the paragraph's start or after a colon, where a quote runs to
    the paragraph's end and on, as one left open in double marks does."""
    opens = _marks_outside(_SINGLE_OPEN, text, doubles)
    closes = _marks_outside(_SINGLE_CLOSE, text, doubles)
    spans = []
    for start, limit in pairwise([*opens, len(text)]):
        window = [i for i in closes if start < i < limit]
        if window and window[0] > start + 2:  # a letter in marks is an elision: "rock ‘n’ roll"
            spans.append((start, _single_close(text, window)))
        elif not window and limit == len(text) and text[:start].rstrip()[-1:] in ("", ":"):
            spans.append((start, limit))
    return spans


def _marks_outside(mark: re.Pattern[str], text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Where ``mark`` matches ``text`` outside every one of ``spans``."""
    found = (m.start() for m in mark.finditer(text))
    return [i for i in found if not any(a <= i <= b for a, b in spans)]


def _single_close(text: str, closes: list[int]) -> int:
    """The closing mark of a single-mark quotation among the candidate ``closes``: the
    first not between two words (``_WORD_AFTER``), else the first."""
    plain = [i for i in closes if not _WORD_AFTER.match(text, i - 1)]
    return (plain or closes)[0]
