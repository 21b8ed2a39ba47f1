"""Furniture glued to a paragraph is cut out of the line, the news kept: on lines written here."""

from __future__ import annotations

from storybrief.clean.html import extract_html
from storybrief.clean.sentences import trim_furniture
from storybrief.clean.text import clean_texts
from storybrief.models import Article

NEWS = "The council voted 7-2 on Monday to close the Elm Street depot by March."
MORE = "The depot employs 40 people, most of whom will move to the new site."
CAPTION = (
    "Police released this still image from a doorbell camera of the man they are seeking. "
    "He was seen leaving the depot at night. (Port Alder Police Service)"
)


def test_a_caption_and_its_credit_inside_a_line_are_cut_out() -> None:
    kept, cuts = trim_furniture(f"{NEWS} {CAPTION} {MORE}")
    assert kept == f"{NEWS} {MORE}"
    (cut,) = cuts
    assert cut.text == CAPTION
    assert "caption" in cut.why


def test_a_caption_opening_a_line_before_a_quote_is_cut() -> None:
    quote = '"I want this to end," she said.'
    kept, cuts = trim_furniture(f"{CAPTION} {quote}")
    assert kept == quote
    assert [c.text for c in cuts] == [CAPTION]


def test_a_caption_opening_needs_its_credit() -> None:
    """Without the credit in brackets, "Police released this image …" is a sentence of news."""
    line = f"{NEWS} Police released this still image of the man on Tuesday. {MORE}"
    assert trim_furniture(line) == (line, [])


def test_furniture_sentences_at_the_ends_of_a_line_are_cut() -> None:
    line = f"{NEWS} {MORE} Read the latest news about the vote here. (Editing by Jan Paschal)"
    kept, cuts = trim_furniture(line)
    assert kept == f"{NEWS} {MORE}"
    assert [c.text for c in cuts] == [
        "Read the latest news about the vote here. (Editing by Jan Paschal)"
    ]
    assert "link" in cuts[0].why


def test_a_credit_sentence_inside_news_and_quotes_stay() -> None:
    """Only the ends are read sentence by sentence, and a quoted sentence is someone's words."""
    inside = f"{NEWS} Watch the vote here. {MORE}"
    quoted = f'{NEWS} "Read the report here," the mayor told reporters.'
    assert trim_furniture(inside) == (inside, [])
    assert trim_furniture(quoted) == (quoted, [])


def test_a_line_that_is_all_furniture_is_left_whole() -> None:
    """Whole lines are the line cleaner's to judge; here nothing would be left."""
    line = "Watch the vote here. (Editing by Jan Paschal)"
    assert trim_furniture(line) == (line, [])


def test_cleaning_keeps_the_news_and_lists_the_cut_with_its_reason() -> None:
    article = Article(id="t", source="<t>", raw=f"{NEWS} {CAPTION} {MORE}\n\n{MORE}")
    clean_texts([article])
    assert article.paragraphs[0] == f"{NEWS} {MORE}"
    assert [r.line for r in article.removed] == [CAPTION]
    assert "run into a paragraph" in article.removed[0].why


def test_a_chart_legend_is_a_caption() -> None:
    legend = "Colors show the share of each county's vote (blue, red). Lena Ortiz"
    article = Article(id="t", source="<t>", raw=f"{NEWS}\n\n{legend}\n\n{MORE}")
    clean_texts([article])
    assert article.paragraphs == [NEWS, MORE]
    assert "legend" in article.removed[0].why


def test_a_short_bracketed_citation_stays_and_a_bracketed_headline_goes() -> None:
    """ "[Reuters]" names the paragraph's source; a headline in brackets links elsewhere."""
    cited = f"{NEWS} [Reuters]"
    assert trim_furniture(cited) == (cited, [])
    kept, cuts = trim_furniture(f"{NEWS} [Ten Depots That Closed This Year]")
    assert kept == NEWS
    assert "link" in cuts[0].why


def test_a_page_paragraph_loses_a_glued_link_sentence_listed_in_removed() -> None:
    page = (
        "<html><head><title>Depot to close</title></head><body><article>"
        f"<h1>Depot to close</h1><p>{NEWS} {MORE}</p>"
        f"<p>{MORE} The site will be sold in June. Read the council's full report here.</p>"
        f"<p>{NEWS} Workers were told on Monday morning.</p></article></body></html>"
    )
    article = extract_html(Article(id="p", source="<p>", raw=page, kind="html"))
    assert "Read the council's full report here." not in article.body
    assert "The site will be sold in June." in article.body
    assert any(r.line == "Read the council's full report here." for r in article.removed)
