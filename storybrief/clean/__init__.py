"""Clean: turn what was read into title, metadata and body paragraphs.

HTML goes through trafilatura's main-text extraction; plain text through a
line classifier that drops boilerplate. Plain text is cleaned as a batch
because a line repeated across articles of one story is a strong sign of
site furniture.
"""

from __future__ import annotations

from storybrief.clean.html import extract_html
from storybrief.clean.text import clean_texts
from storybrief.models import Article


def clean(articles: list[Article]) -> list[Article]:
    """Clean every usable article in place and return the batch, order kept."""
    texts = [a for a in articles if a.ok and a.kind == "text"]
    clean_texts(texts)
    for article in articles:
        if article.ok and article.kind == "html":
            extract_html(article)
    for article in articles:
        if article.ok and not article.paragraphs:
            article.skip("no article text found after removing boilerplate")
    return articles
