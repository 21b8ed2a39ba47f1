"""Read an RSS or Atom feed into its entries: link, title, date, author and any text.

feedparser does the parsing (every RSS and Atom version, broken feeds
included). It is handed the bytes, never a URL or a path, so parsing a feed
never fetches or opens anything itself; fetching each entry's page is the
caller's job, through the guarded ``storybrief.ingest.web``.
"""

from __future__ import annotations

import io
import re
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from storybrief.ingest.web import is_url

MAX_ENTRIES = 50  # a feed is a window on recent stories, not an archive
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class NotAFeed(ValueError):
    """Bytes that hold no feed entries; the message says why."""


@dataclass(frozen=True)
class Entry:
    """One item of a feed."""

    link: str | None
    title: str | None
    published: str | None  # ISO 8601, UTC
    author: str | None
    text: str | None  # the entry's own text (full content, or else its summary), a paragraph a line


def looks_like_feed(text: str) -> bool:
    """Whether a document is an RSS or Atom feed rather than a page."""
    head = text.lstrip()[:2048].lower()
    return "<rss" in head or "<rdf:rdf" in head or ("<feed" in head and "atom" in head)


def parse_feed(data: bytes, max_entries: int = MAX_ENTRIES, url: str | None = None) -> list[Entry]:
    """The first ``max_entries`` entries of a feed, in feed order.

    ``url`` is where the feed was fetched from: an entry's relative link
    ("/news/a.html") is read against it, else against the site the feed
    names (RSS's channel ``<link>``), as a feed reader does.
    """
    import feedparser  # imported here: only feed inputs need it

    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise NotAFeed(f"no feed entries ({problem})" if problem else "no feed entries")
    site = _text(parsed.feed.get("link"))
    base = url or (site if site and is_url(site) else None)
    return [_entry(item, base) for item in parsed.entries[:max_entries]]


def _link(item: Any, base: str | None) -> str | None:
    """An entry's page, made absolute against ``base``; None when it names no page."""
    link = _text(item.get("link"))
    # feedparser falls back to an entry's id for its link: an id ("urn:", "tag:", "abc123") is
    # no page, and is never read as a path on the feed's site.
    if link and base and not item.get("guidislink"):
        link = urljoin(base, link)
    return link if link and is_url(link) else None


def _entry(item: Any, base: str | None) -> Entry:
    texts = [c.get("value", "") for c in item.get("content", [])] + [item.get("summary", "")]
    when = item.get("published_parsed") or item.get("updated_parsed")
    return Entry(
        link=_link(item, base),
        title=_line(item.get("title")),
        published=time.strftime("%Y-%m-%dT%H:%M:%SZ", when) if when else None,
        author=_line(item.get("author")),
        text=_plain(max(texts, key=len)),
    )


# Elements that end a paragraph of an entry's HTML.
_BLOCKS = ("p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "br")


def _plain(html: str) -> str | None:
    """The text of an entry's HTML fragment, one paragraph a line.

    Read as plain text, not as a page: a feed's snippet is too short for a
    page extractor, which would take it for boilerplate.
    """
    import lxml.etree
    import lxml.html

    html = _CONTROLS.sub("", html)  # lxml refuses a string holding one
    if not html.strip():
        return None
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return _text(html)
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    paragraphs = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return _text("\n".join(p for p in paragraphs if p))


def _line(value: object) -> str | None:
    """A title or name as one line of plain text: its markup and control characters out."""
    if not isinstance(value, str):
        return None
    if "<" in value or "&" in value:
        value = _plain(value) or ""
    return _text(" ".join(value.split()))


def _text(value: object) -> str | None:
    """A string without control characters (no text has them; XML and HTML forbid them)."""
    if not isinstance(value, str):
        return None
    return _CONTROLS.sub("", value).strip() or None
