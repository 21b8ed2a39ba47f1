"""Embedded tweets the page extractor dropped, put back where the page shows them.

A tweet a news page embeds is quoted by the story: the reaction it reports,
a club's statement. The plain-text cleaner keeps such a post with its
"— Name (@name) date" signature, and so does the Zyte benchmark's truth on
every dev page that embeds one (5 of 90). trafilatura drops the post when the
site wraps it in a "social" or "tweet" block (2 of those 5 pages), so such a
post inside the article's part of the page is put back after the paragraph
it follows there. Twitter's embed code (``<blockquote class="twitter-tweet">``)
marks it; nothing is judged from its words.
"""

from __future__ import annotations

from collections.abc import Iterator

import lxml.html

from storybrief.clean.region import BLOCKS, words

_POSTS = (
    "self::blockquote[contains(concat(' ', normalize-space(@class), ' '), ' twitter-tweet ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' twitter-video ')]"
)


def with_embedded_posts(region: lxml.html.HtmlElement, paragraphs: list[str]) -> list[str]:
    """``paragraphs`` with the embedded posts of ``region`` they lack, each after its predecessor.

    A post before the first kept paragraph is left out: it is not known to be the article's.
    """
    body = _padded(" ".join(" ".join(words(p)) for p in paragraphs))
    after: dict[int, list[str]] = {}
    for n, post in _posts_after(region, paragraphs):
        lines = _post_lines(post)
        if lines and _padded(" ".join(words(lines[0]))) not in body:
            after.setdefault(n, []).extend(lines)
    if not after:
        return paragraphs
    return [line for n, p in enumerate(paragraphs) for line in (p, *after.get(n, []))]


def _posts_after(
    region: lxml.html.HtmlElement, paragraphs: list[str]
) -> Iterator[tuple[int, lxml.html.HtmlElement]]:
    """Each embedded post of ``region`` with the index of the last kept paragraph before it."""
    index = {words(p): n for n, p in enumerate(paragraphs)}
    last = None
    for element in region.iter(*BLOCKS):
        if element.xpath(_POSTS):
            if last is not None:
                yield last, element
        elif not any(a.xpath(_POSTS) for a in element.iterancestors("blockquote")):
            last = index.get(words(element.text_content()), last)


def _post_lines(post: lxml.html.HtmlElement) -> list[str]:
    """The post's paragraphs, then its signature (the "— Name (@name) date" after them)."""
    lines, signature = [], [post.text or ""]
    for child in post.iterchildren("*"):
        # Pieces joined by spaces: a post's lines are split by <br> with no space.
        text = " ".join(child.itertext())
        if child.tag == "p":
            lines.append(_spaced(text))
        else:
            signature.append(text)
        signature.append(child.tail or "")
    return [line for line in (*lines, _spaced(" ".join(signature))) if line]


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _padded(text: str) -> str:
    return f" {text} "
