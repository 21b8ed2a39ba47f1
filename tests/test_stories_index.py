"""The index of a pile's stories: what a reader sees first, and ``index.json`` for machines."""

from __future__ import annotations

import html
import json
import random
import re
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

import pytest

from storybrief.models import Article, Brief, SummarySentence
from storybrief.render.html import to_html
from storybrief.render.index import Entry, to_index, with_back_link

if TYPE_CHECKING:
    from markdown_it.token import Token


def _brief(name: str, dates: list[str | None], outlets: int = 1) -> Brief:
    articles = [
        Article(
            id=f"{name}-{n}",
            source=f"{name}-{n}.txt",
            paragraphs=["Text."],
            published=date,
            outlet=f"Outlet {n % outlets}",
        )
        for n, date in enumerate(dates)
    ]
    summary = [SummarySentence(f"What happened in {name}, told in one sentence.", [articles[0].id])]
    return Brief(articles=articles, headline=f"{name.title()} story", summary=summary)


def _entries() -> list[Entry]:
    return [
        Entry(1, _brief("apple", ["2024-03-01", "2024-03-02T10:00:00Z"]), "01-apple.html"),
        Entry(2, _brief("zebra", ["2024-03-05", None, "2024-03-03"], outlets=2), "02-zebra.html"),
        Entry(3, _brief("mango", ["2024-03-02", "2024-03-02"]), "03-mango.html"),
        Entry(4, _brief("kiwi", [None, None]), None, "RuntimeError: it broke"),
        Entry(5, _brief("berry", ["2024-03-02", "2024-03-01"]), "05-berry.html"),
    ]


def test_biggest_first_then_newest_then_by_headline_whatever_the_order_given() -> None:
    # Apple, Berry and Mango: two articles each, newest on 2 March: by headline.
    expected = ["Zebra story", "Apple story", "Berry story", "Mango story", "Kiwi story"]
    for seed in range(3):
        entries = _entries()
        random.Random(seed).shuffle(entries)
        md = to_index(entries, [], "md")
        assert re.findall(r"\*\*\[?(\w+ story)", md) == expected
        doc = json.loads(to_index(entries, [], "json"))
        assert [s["story"] for s in doc["stories"]] == [1, 2, 3, 4, 5]


def test_each_entry_gives_summary_counts_dates_and_failure() -> None:
    stories = {s["story"]: s for s in json.loads(to_index(_entries(), [], "json"))["stories"]}
    assert stories[2] == {
        "story": 2,
        "file": "02-zebra.html",
        "headline": "Zebra story",
        "summary": "What happened in zebra, told in one sentence.",
        "articles": ["zebra-0", "zebra-1", "zebra-2"],
        "outlets": 2,
        "without_outlet": 0,
        "first_published": "2024-03-03",
        "last_published": "2024-03-05",
    }
    assert stories[4]["error"] == "RuntimeError: it broke" and stories[4]["file"] is None
    assert stories[4]["first_published"] is None


def test_the_html_index_wears_the_brief_style_and_says_what_failed() -> None:
    page = to_index(_entries(), [], "html")
    brief_style = to_html(_brief("apple", [None])).split("<style>")[1].split("</style>")[0]
    assert brief_style in page
    assert '<h2><a href="02-zebra.html">Zebra story</a></h2>' in page
    assert "3 articles from 2 outlets · 2024-03-03 to 2024-03-05" in page
    assert "2 articles from 1 outlet · undated" in page
    assert "<h2>Kiwi story</h2>" in page and "No brief: RuntimeError: it broke" in page


def test_the_markdown_index_and_the_links_back() -> None:
    md = to_index(_entries(), [], "md")
    assert md.startswith("# 5 stories\n\n1. **[Zebra story](02-zebra.html)**  \n")
    page = with_back_link(to_html(_brief("apple", [None])), "html")
    assert '<body><p class="meta"><a href="index.html">← All stories</a></p><h1>' in page
    assert with_back_link("# A brief\n", "md") == "[← All stories](index.md)\n\n# A brief\n"
    assert with_back_link('{"a": 1}\n', "json") == '{"a": 1}\n'


def test_articles_naming_no_outlet_are_not_counted_as_outlets() -> None:
    brief = _brief("fig", ["2024-03-01"] * 4, outlets=2)
    brief.articles[2].outlet = brief.articles[3].outlet = None
    doc = json.loads(to_index([Entry(1, brief, "01-fig.html")], [], "json"))["stories"][0]
    assert (doc["outlets"], doc["without_outlet"]) == (2, 2)
    page = to_index([Entry(1, brief, "01-fig.html")], [], "html")
    assert "4 articles from 2 outlets (2 with no outlet named)" in page
    for article in brief.articles:
        article.outlet = None
    assert "Brief of 4 articles (no source named);" in to_html(brief)


# Every character that would end a link's text or target, open markup or break the line.
AWKWARD = ["]", "[", ")", "<", "*", "_", "\\", "\n"]


def _bold_link(inline: list[Token]) -> tuple[str, str | None]:
    """The text of a list item's opening bold span, and the target of the link in it."""
    ends = [k for k, t in enumerate(inline) if t.type == "strong_close"]
    inside = inline[1 : ends[0] if ends else len(inline)]
    href = next((t.attrs["href"] for t in inside if t.type == "link_open"), None)
    return "".join(t.content for t in inside if t.type == "text"), str(href) if href else None


def _links(md: str) -> list[tuple[str, str | None]]:
    """Each list item of a Markdown index parsed back: its bold text and its link target."""
    tokens = pytest.importorskip("markdown_it").MarkdownIt().parse(md)
    assert not [t for t in tokens if "html" in t.type]  # nothing was read as HTML either
    # A list item's tokens: its opening, its paragraph's (hidden) opening, then its inline text.
    items = [tokens[n + 2] for n, t in enumerate(tokens) if t.type == "list_item_open"]
    return [_bold_link(item.children or []) for item in items]


def test_a_markdown_entry_is_one_working_link_whatever_its_headline_and_file() -> None:
    entries = [
        Entry(n, _brief(f"s{n}", ["2024-03-01"] * (20 - n)), f"{n:02d} story (x{ch}).md")
        for n, ch in enumerate(AWKWARD, start=1)
    ]
    for entry, ch in zip(entries, AWKWARD, strict=True):
        entry.brief.headline = f"A {ch}{ch} headline {ch}"
    entries.append(Entry(9, _brief("s9", ["2024-03-01"]), None, "Boom\n2. **[fake](x.md)**"))
    items = _links(to_index(entries, [], "md"))
    expected = [(" ".join(e.brief.headline.split()), e.file) for e in entries]
    assert [(text, href and unquote(href)) for text, href in items] == expected


def test_an_html_entry_links_to_its_file_whatever_its_name() -> None:
    names = ["01 a#b.html", "02 what?.html", "03 <x> & (y).html"]
    entries = [Entry(n, _brief(f"s{n}", ["2024-03-01"]), name) for n, name in enumerate(names, 1)]
    page = to_index(entries, [], "html")
    hrefs = [html.unescape(h) for h in re.findall(r'<h2><a href="([^"]*)">', page)]
    assert [urlsplit(h).path for h in hrefs] == [quote(name) for name in names]
    assert [unquote(h) for h in hrefs] == names
