"""Titles without their site's name; a page's outlet from its metadata; what extraction cut."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybrief.clean import clean
from storybrief.clean.html import extract_html
from storybrief.clean.region import page_tree
from storybrief.clean.site import page_site_name, site_names, without_site_name
from storybrief.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "html"


@pytest.mark.parametrize(
    ("title", "outlet", "url", "expected"),
    [
        ("WeWork investigated by attorney general – TechCrunch", "TechCrunch", None, None),
        ("Oil drags stocks lower | Reuters", "Reuters", None, None),
        ("Senate passes bill - The New York Times", "The New York Times", None, None),
        ("Best gadgets of the year | ZDNet", None, "https://www.zdnet.com/article/x", None),
        ("Lunar landers chosen - SpaceNews.com", "SpaceNews", None, None),
        ("Reuters: Oil drags stocks lower", "Reuters", None, "Oil drags stocks lower"),
        # The site's name, then its tagline.
        ("Stock car calendar 2018 | Autoracing | F1 | Indy", "Autoracing", None, None),
    ],
)
def test_a_titles_site_name_is_removed(
    title: str, outlet: str | None, url: str | None, expected: str | None
) -> None:
    found = without_site_name(title, site_names(outlet, url=url))
    headline = expected or title.split(" | ")[0].split(" – ")[0].split(" - ")[0]
    assert found == headline


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        ("Iraq crisis: Iran could join forces with US", "BBC News"),
        ("Milan Design Week 2018 | A light installation for FLOS", "Inexhibit"),
        ("The Guardian view on Hong Kong: a city on the brink | Editorial", "The Guardian"),
        ("Russia offered bounties to kill US troops - New York Times", "Reuters"),
        ("Reuters", "Reuters"),  # nothing would be left
    ],
)
def test_subtitles_and_other_names_stay(title: str, outlet: str) -> None:
    assert without_site_name(title, site_names(outlet)) == title


CLOSURE = "The council approved the closure on Tuesday after engineers found corroded cables."


@pytest.mark.parametrize(
    ("first", "cut", "why"),
    [
        (
            "Harbour Bridge to close for six weeks | Lakeside Courier",
            "Lakeside Courier",
            "site name in the title",
        ),
        (
            "Story highlights Harbour Bridge to close for six weeks",
            "Story highlights",
            "label glued before the title",
        ),
    ],
)
def test_a_plain_text_title_loses_its_outlets_name_or_a_glued_label(
    first: str, cut: str, why: str
) -> None:
    raw = f"{first}\n\n{CLOSURE}"
    (a,) = clean([Article(id="t", source="<t>", raw=raw, outlet="Lakeside Courier")])
    assert a.title == "Harbour Bridge to close for six weeks"
    # What was cut from the title is a removal like any other, with its reason.
    assert [(r.line, r.why) for r in a.removed] == [(cut, why)]


def _page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


JSON_LD = '<script type="application/ld+json">{"publisher": {"name": "%s"}}</script>'


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # The publisher before og:site_name, which may name a section.
        (JSON_LD % "Reuters" + '<meta property="og:site_name" content="U.S.">', "", "Reuters"),
        (
            '<meta property="og:site_name" content="The Lakeside Courier">',
            "",
            "The Lakeside Courier",
        ),
        # A tagline after the name is cut.
        ('<meta property="og:site_name" content="Courier | News for the lake">', "", "Courier"),
        # An address is no name: the page's copyright line names the host's site.
        (
            '<meta property="og:site_name" content="https://www.lakesidecourier.com">',
            "<footer><p>Copyright 2019 Lakeside Courier. All rights reserved.</p></footer>",
            "Lakeside Courier",
        ),
        # Broken JSON-LD is still read; a platform's name is not the outlet's.
        (
            '<script type="application/ld+json">{"publisher": {"name": "Blogger"},}</script>'
            + JSON_LD % "Lakeside Courier",
            "",
            "Lakeside Courier",
        ),
        ("", "", "lakesidecourier.com"),  # nothing declared: the host
    ],
)
def test_a_pages_outlet_comes_from_its_metadata(head: str, body: str, expected: str) -> None:
    tree = page_tree(_page(head, body))
    assert page_site_name(tree, "https://www.lakesidecourier.com/news/1") == expected


def _html(name: str) -> Article:
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    return extract_html(Article(id=name, source=name, kind="html", raw=raw))


def test_what_the_extractor_cut_from_the_article_is_listed_as_removed() -> None:
    a = _html("article.html")
    cut = {r.line for r in a.removed if r.why.startswith("not the article's text")}
    assert (
        "Sign up to our newsletter for the top stories delivered to your inbox every"
        in " ".join(cut)
    )
    assert "Ferry timetable changes announced for spring season" in cut
    # The site's menu and footer are no part of the article; its title and byline are shown.
    assert not cut & {"Home", "Weather outlook for the week", "Privacy policy"}
    assert not any("Maria Okafor" in line or line == a.title for line in cut)
    assert not cut & set(a.paragraphs)


def test_an_html_brief_counts_the_furniture_it_removed() -> None:
    a = _html("furniture-article.html")
    removed = {r.line: r.why for r in a.removed}
    assert "Read more: Storm leaves thousands without power across the county" in removed
    assert "(Reporting by Maria Okafor; Editing by Tom Hale)" in removed
    assert a.title == "Ferry service resumes after storm"
