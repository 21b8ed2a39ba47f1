"""Each output format, on a brief built by hand so every section is exercised."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from storybrief.models import (
    Agreement,
    Article,
    Attribution,
    Brief,
    Claim,
    Conflict,
    Entity,
    Quote,
    RemovedLine,
    StageWarning,
    SummarySentence,
    Syndication,
)
from storybrief.render import render
from storybrief.render.common import coverage, sides

HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


@pytest.fixture
def brief() -> Brief:
    a = Article(id="a", source="a.txt", title=f"Troops {HOSTILE}", paragraphs=["One. Two."])
    b = Article(id="b", source="b.txt", outlet="BBC", paragraphs=["Three."])
    c = Article(id="c", source="c.bin")
    c.skip("binary file")
    a.removed = [RemovedLine("a", "Sign up for our newsletter", "call to action")]
    return Brief(
        articles=[a, b, c],
        summary=[SummarySentence(f"Iran denies {HOSTILE}.", ["a", "b"], ["a:0", "b:0"])],
        syndication=[Syndication(copy="b", original="a", shared_fraction=0.8)],
        entities=[Entity("Hassan Rouhani", "PERSON", ["Hassan Rouhani", "Rouhani"], ["a", "b"], 7)],
        quotes=[Quote("Hassan Rouhani", f"We can think {HOSTILE}", ["We can think", "x"], ["a"])],
        agreements=[Agreement("Iran is ready to help", ["a", "b"], ["a"], ["a:0", "b:0"])],
        conflicts=[
            Conflict(
                "forces of Iran in Iraq",
                [
                    Claim("2,000 troops sent", "a", Attribution("a senior Iraqi official"), 2000.0),
                    Claim(f"never dispatched {HOSTILE}", "b", Attribution("Hassan Rouhani")),
                ],
                "figures",
            )
        ],
    )


def test_json_is_the_version_1_contract(brief: Brief) -> None:
    doc = json.loads(render(brief, "json"))
    assert doc["storybrief"] == "1"
    for key in (
        "articles",
        "summary",
        "removed",
        "syndication",
        "entities",
        "quotes",
        "agreements",
        "conflicts",
        "coverage",
    ):
        assert key in doc
    first = doc["articles"][0]
    assert set(first) >= {
        "id",
        "title",
        "dek",
        "byline",
        "published",
        "outlet",
        "url",
        "words",
        "status",
        "reason",
    }
    assert [a["status"] for a in doc["articles"]] == ["ok", "ok", "skipped"]
    assert doc["articles"][2]["reason"] == "binary file"
    assert doc["summary"][0]["sources"] == ["a", "b"]
    assert doc["removed"] == [
        {"article": "a", "line": "Sign up for our newsletter", "why": "call to action"}
    ]
    assert doc["conflicts"][0]["claims"][0]["value"] == 2000
    assert {row["kind"] for row in doc["coverage"]} == {"agreement", "claim"}


def test_markdown_has_every_section_and_citations(brief: Brief) -> None:
    md = render(brief, "md")
    for heading in (
        "## Summary",
        "## Where the sources disagree",
        "## What the sources agree on",
        "## Quotes",
        "## Who is involved",
        "## Copied text",
        "## Coverage",
        "## Sources",
    ):
        assert heading in md
    assert re.search(r"Iran denies .*\[1\]\[2\]", md)
    assert "**skipped**: binary file" in md
    assert "[2] takes 80% of its text from [1]" in md
    assert "### Forces of Iran in Iraq" in md


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_escapes_article_text(brief: Brief) -> None:
    page = render(brief, "html")
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert not re.search(r"<(link|script)\b|src=\"http|href=\"http", page)
    assert HOSTILE in "".join(parser.text)  # shown to the reader as text
    assert 'class="conflict"' in page and "2,000" in page
    assert 'href="#src-1"' in page and 'id="src-1"' in page


def test_empty_brief_renders_in_every_format() -> None:
    empty = Brief(articles=[])
    for fmt in ("md", "json", "html"):
        assert "No summary" in render(empty, fmt) or fmt == "json"
    assert json.loads(render(empty, "json"))["summary"] == []


def test_coverage_rows_follow_agreements_and_claims(brief: Brief) -> None:
    rows = coverage(brief)
    assert [(r.kind, r.articles) for r in rows] == [
        ("agreement", ["a", "b"]),
        ("claim", ["a"]),
        ("claim", ["b"]),
    ]


def test_the_brief_is_headed_by_its_headline_not_a_title() -> None:
    off = Article(id="x", source="x", title="Archive crawl notice", paragraphs=["Crawl."])
    on = Article(id="y", source="y", title="Iran denies sending troops", paragraphs=["Iran."])
    b = Brief(articles=[off, on], headline="Iran denies sending troops")
    assert render(b, "md").startswith("# Iran denies sending troops\n")
    assert "<h1>Iran denies sending troops</h1>" in render(b, "html")
    assert json.loads(render(b, "json"))["headline"] == "Iran denies sending troops"


def test_a_disputed_summary_sentence_points_to_its_conflict(brief: Brief) -> None:
    topic = f"forces {HOSTILE}"
    brief.conflicts[0].topic = topic
    brief.summary[0].disputed = [topic]
    escaped = HOSTILE.translate({ord(c): "\\" + c for c in "<>&"})
    assert f"[1][2] _(disputed: Forces {escaped})_" in render(brief, "md")
    page = render(brief, "html")
    assert '<a class="disputed" href="#conflict-1">disputed: Forces &lt;script&gt;' in page
    assert 'id="conflict-1"' in page
    assert json.loads(render(brief, "json"))["summary"][0]["disputed"] == [topic]


def test_a_dispute_over_figures_is_shown_side_by_side() -> None:
    conflict = Conflict(
        "forces of Iran in Iraq",
        [
            Claim("2,000 sent", "a", Attribution("official A"), 2000.0),
            Claim("never sent any", "b", Attribution("Hassan Rouhani")),
            Claim("130 entered", "b", Attribution("source B"), 130.0),
            Claim("a 2,000-strong force", "c", Attribution("official C"), 2000.0),
        ],
        "figures",
    )
    assert [(side, [c.source for c in claims]) for side, claims in sides(conflict)] == [
        ("2,000", ["a", "c"]),
        ("130", ["b"]),
        ("no figure given", ["b"]),
    ]
    words = Conflict(
        "contacts",
        [Claim("no contacts", "a", Attribution("US officials")), Claim("maybe", "b", None)],
        "existence",
    )
    assert [side for side, _ in sides(words)] == ["US officials", "the outlet"]


def test_warnings_are_shown_before_the_summary_escaped(brief: Brief) -> None:
    brief.warnings = [
        StageWarning("quotes", f"IndexError: {HOSTILE} [x](http://evil) *b*", "b"),
        StageWarning("summarize", "ValueError: empty"),
    ]
    md = render(brief, "md")
    warnings = md[md.index("## Warnings") : md.index("## Summary")]
    assert "- **quotes** left out ([2]): IndexError: \\<script\\>alert" in warnings
    assert "\\[x\\](http://evil) \\*b\\*" in warnings
    assert not re.search(r"(?<!\\)<", warnings)  # no tag a Markdown viewer would render
    assert "- **summarize** left out: ValueError: empty" in warnings
    page = render(brief, "html")
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "img" not in parser.tags
    assert page.index("<h2>Warnings</h2>") < page.index("<h2>Summary</h2>")
    assert '<strong>quotes</strong> left out (<a class="cite" href="#src-2">[2]</a>)' in page
    assert json.loads(render(brief, "json"))["warnings"][0] == {
        "stage": "quotes",
        "message": f"IndexError: {HOSTILE} [x](http://evil) *b*",
        "article": "b",
    }


def test_a_brief_without_warnings_has_no_warnings_section(brief: Brief) -> None:
    assert "Warnings" not in render(brief, "md") and "Warnings" not in render(brief, "html")


def test_no_summary_says_whether_there_was_anything_to_summarize(brief: Brief) -> None:
    brief.summary = []
    assert "_No summary could be made of these articles._" in render(brief, "md")
    assert "No summary: no usable article." in render(Brief(articles=[]), "html")


def test_json_says_which_articles_stop_mid_sentence() -> None:
    cut = Article(id="a", source="a.txt", paragraphs=["Police said the suspect was"], partial=True)
    whole = Article(id="b", source="b.txt", paragraphs=["Police made an arrest."])
    doc = json.loads(render(Brief(articles=[cut, whole]), "json"))
    assert [a["partial"] for a in doc["articles"]] == [True, False]


def test_an_article_with_no_title_or_outlet_is_named_by_its_source_not_its_id_again() -> None:
    bare = Article(id="bare", source="clips/bare.txt", paragraphs=["Police made an arrest."])
    brief = Brief(articles=[bare])
    assert "1. `bare` — clips/bare.txt — " in render(brief, "md")
    assert "<code>bare</code> — clips/bare.txt — " in render(brief, "html")


def test_sources_link_the_pages_articles_were_read_from_and_nothing_else() -> None:
    page = Article(id="p", source="https://news.example/a", paragraphs=["One."])
    page.url = 'https://news.example/a?x=1&y="2"'
    odd = Article(id="q", source="https://news.example/b", paragraphs=["Two."])
    odd.url = "https://news.example/b<svg/onload=alert(1)>"
    script = Article(id="s", source="feed.rss#3", paragraphs=["Three."])
    script.url = "javascript:alert(1)"
    brief = Brief(articles=[page, odd, script])
    html = render(brief, "html")
    assert (
        '<a href="https://news.example/a?x=1&amp;y=&quot;2&quot;" rel="noopener noreferrer">'
        in html
    )
    assert html.count("<a href=") == 2 and "<svg" not in html and "javascript:" not in html
    markdown = render(brief, "md")
    assert '<https://news.example/a?x=1&y="2">' in markdown
    assert "`https://news.example/b<svg/onload=alert(1)>`" in markdown
    assert "javascript:" not in markdown
