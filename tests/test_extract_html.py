"""HTML extraction: metadata and body paragraphs in, site furniture out."""

from __future__ import annotations

from pathlib import Path

import pytest

from storybrief.clean.html import extract_html
from storybrief.models import Article

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def page(name: str, **metadata: str) -> Article:
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    return extract_html(Article(id=name, source=name, kind="html", raw=raw, **metadata))


@pytest.fixture(scope="module")
def article() -> Article:
    return page("article.html")


def test_metadata_comes_from_the_page(article: Article) -> None:
    assert article.title == "Harbour bridge to close for six weeks of repairs"
    assert article.byline == "Maria Okafor"
    assert article.published == "2024-03-05"
    assert article.outlet == "The Lakeside Courier"
    assert article.url == "https://courier.example/news/harbour-bridge-closure"
    assert article.dek == (
        "Commuters face longer journeys as the city shuts its oldest crossing"
        " for urgent work on corroded cables."
    )


def test_body_is_the_story_paragraphs_in_order(article: Article) -> None:
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("The city council will close the Harbour Bridge")
    assert article.paragraphs[-1].endswith("reopens in the middle of April.")
    # The headline is the title, not the first line of the body.
    assert article.title not in article.paragraphs


@pytest.mark.parametrize(
    "furniture",
    [
        "Weather outlook",  # navigation
        "Sign up to our newsletter",
        "Subscribe now",
        "Related",
        "Ferry timetable changes",  # a related-article link
        "All rights reserved",  # footer
        "Privacy policy",
    ],
)
def test_site_furniture_is_not_in_the_body(article: Article, furniture: str) -> None:
    assert furniture.casefold() not in article.body.casefold()


def test_metadata_from_ingest_wins_over_the_page() -> None:
    article = page("article.html", title="Bridge shut", url="https://mirror.example/b")
    assert (article.title, article.url) == ("Bridge shut", "https://mirror.example/b")
    assert article.byline == "Maria Okafor"
    # The page's own headline is still not mistaken for body text, and its cut is recorded.
    assert article.paragraphs[0].startswith("The city council")
    headline = "Harbour bridge to close for six weeks of repairs"
    assert (headline, "repeats the headline") in [(r.line, r.why) for r in article.removed]


def test_description_that_only_repeats_the_lede_is_no_dek() -> None:
    raw = (FIXTURES / "article.html").read_text(encoding="utf-8")
    lede = "The city council will close the Harbour Bridge to all traffic from Monday after…"
    raw = raw.replace(
        "Commuters face longer journeys as the city shuts its oldest crossing"
        " for urgent work on corroded cables.",
        lede,
    )
    article = extract_html(Article(id="a", source="a", kind="html", raw=raw))
    assert article.dek is None
    assert len(article.paragraphs) == 5


def test_article_split_by_ads_is_read_whole() -> None:
    article = page("split-article.html")
    assert article.outlet == "Estuary Herald"
    assert len(article.paragraphs) == 9
    assert article.paragraphs[0].startswith("The regional water authority")
    assert article.paragraphs[3].startswith("Opponents argue")
    assert article.paragraphs[-1].startswith("The authority said water bills")


def test_page_without_an_article_gets_no_paragraphs() -> None:
    article = page("no-article.html")
    assert article.paragraphs == []
    assert article.ok  # the caller decides to skip it


def test_an_embedded_tweet_dropped_by_the_extractor_is_put_back_in_place() -> None:
    article = page("tweet-article.html")
    at = {line: n for n, line in enumerate(article.paragraphs)}
    post = next(p for p in at if p.startswith("Two hours on the quay"))
    assert at[post] == 2  # after the paragraph it follows on the page
    assert article.paragraphs[3] == "— Harriet Vance (@harrietvance) March 6, 2024"
    # Lines split by <br> keep a space between them.
    assert "this morning. All sailings are running" in article.body
    assert article.paragraphs[-1].startswith("A spokesperson for the harbour authority")
    assert not any("Two hours" in r.line or "Vance" in r.line for r in article.removed)


def test_an_embedded_tweet_already_kept_is_not_repeated() -> None:
    raw = (FIXTURES / "tweet-article.html").read_text(encoding="utf-8")
    # Without the "social" wrapper the extractor keeps the posts itself.
    raw = raw.replace('<div class="social-media-embed">', "<div>")
    article = extract_html(Article(id="t", source="t", kind="html", raw=raw))
    assert article.body.count("Two hours on the quay") == 1
    assert article.body.count("We are very sorry") == 1


def test_a_tweet_outside_the_article_is_not_taken() -> None:
    raw = (FIXTURES / "tweet-article.html").read_text(encoding="utf-8")
    footer_post = (
        '<footer><div class="social-media-embed"><blockquote class="twitter-tweet">'
        "<p>Follow us for every sailing update and timetable change this spring</p>"
        "&#8212; Estuary Herald (@estuaryherald)</blockquote></div>"
    )
    article = extract_html(
        Article(id="t", source="t", kind="html", raw=raw.replace("<footer>", footer_post))
    )
    assert "Follow us for every sailing update" not in article.body
