"""What the page extractor left out of the article's own part of a page, listed as removed.

trafilatura cuts a page's furniture without saying what it cut, so an HTML
brief would list no removed line at all. The part of the page that holds the
article is found from the text kept: the smallest element that holds nearly
all the kept paragraphs, widened to the ``<article>`` (or ``<main>``) around
it. The text blocks in it that were not kept (a newsletter box, a "Related"
list, a caption) are what the extractor judged furniture; the site's menus
and footer outside it are not listed, being no part of the article.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import lxml.etree
import lxml.html

# Elements that hold one paragraph's worth of text; the innermost one is taken.
BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt")
_CONTAINERS = ("article", "main")
# The share of the kept paragraphs found on the page that the region must hold.
_REGION_SHARE = 0.8
_WORD = re.compile(r"\w+")
_MIN_PART_WORDS = 5  # a block this long found inside a kept paragraph is a part of it


def words(text: str) -> tuple[str, ...]:
    """A text's words, case-folded: compared alone, because pages swap ’ for ' and the like."""
    return tuple(_WORD.findall(text.casefold()))


def page_tree(markup: str) -> lxml.html.HtmlElement | None:
    """The parsed page, or None when it does not parse."""
    try:
        return lxml.html.fromstring(markup)
    except (lxml.etree.ParserError, ValueError):
        return None


def block_texts(root: lxml.html.HtmlElement) -> Iterator[tuple[lxml.html.HtmlElement, str]]:
    """Each innermost text block under ``root`` and its text, spaces collapsed."""
    for element in root.iter(*BLOCKS):
        innermost = next(element.iterdescendants(*BLOCKS), None) is None
        if innermost and (text := " ".join(element.text_content().split())):
            yield element, text


def article_region(tree: lxml.html.HtmlElement, kept: list[str]) -> lxml.html.HtmlElement | None:
    """The element of ``tree`` that holds the article whose paragraphs are ``kept``, if any."""
    paragraphs = {words(p) for p in kept}
    return _region([e for e, text in block_texts(tree) if words(text) in paragraphs])


def left_out(
    region: lxml.html.HtmlElement, kept: list[str], shown: Iterable[str | None]
) -> list[str]:
    """The text blocks of the article's ``region`` that are not in ``kept``.

    ``shown`` are the texts the brief shows as metadata (title, byline, dek):
    a block that holds one is not a removed line.
    """
    article = _Shown.of(kept, shown)
    return [text for _, text in block_texts(region) if not article.holds(text)]


@dataclass(frozen=True)
class _Shown:
    """The text an article shows: its paragraphs' words, their run, its fields."""

    paragraphs: frozenset[tuple[str, ...]]
    body: str  # every word of the body, spaced at both ends
    fields: tuple[str, ...]

    @classmethod
    def of(cls, kept: list[str], shown: Iterable[str | None]) -> _Shown:
        body = _padded(" ".join(" ".join(words(p)) for p in kept))
        fields = tuple(f for s in shown if s and (f := " ".join(words(s))))
        return cls(frozenset(words(p) for p in kept), body, tuple(map(_padded, fields)))

    def holds(self, text: str) -> bool:
        """Whether ``text`` is in the article as shown: a paragraph, a field, a part of one.

        Only a block of some length counts as part of the body: a label's word or
        two ("Related") is found in any body.
        """
        block = words(text)
        key = _padded(" ".join(block))
        if not block or block in self.paragraphs:
            return True
        if len(block) >= _MIN_PART_WORDS and key in self.body:
            return True
        return any(f in key or key in f for f in self.fields)


def _padded(text: str) -> str:
    return f" {text} "


def _region(found: list[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
    """The deepest element holding most of ``found``, widened to an ``<article>`` around it."""
    if not found:
        return None
    holds: Counter[lxml.html.HtmlElement] = Counter()
    depth: dict[lxml.html.HtmlElement, int] = {}
    for element in found:
        ancestors = [element, *element.iterancestors()]
        for n, ancestor in enumerate(reversed(ancestors)):
            holds[ancestor] += 1
            depth[ancestor] = n
    enough = [e for e, n in holds.items() if n >= _REGION_SHARE * len(found)]
    region = max(enough, key=lambda e: depth[e])
    container = next((e for e in (region, *region.iterancestors()) if e.tag in _CONTAINERS), None)
    return container if container is not None else region
