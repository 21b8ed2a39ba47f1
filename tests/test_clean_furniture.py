"""Furniture families that read like prose, on texts, a page and lines written for these tests."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from storybrief.clean.furniture import link_why
from storybrief.clean.html import extract_html
from storybrief.clean.lines import Line
from storybrief.clean.text import clean_texts
from storybrief.models import Article

LEAD = (
    "A fire destroyed a warehouse at the Port Alder harbour on Tuesday night, forcing the "
    "evacuation of two apartment blocks, fire officials said."
)
CLOSE = "Residents of the evacuated blocks were allowed home on Wednesday afternoon."


def _clean(text: str) -> Article:
    (article,) = [Article(id="t", source="<t>", raw=text)]
    clean_texts([article])
    return article


def _amid_prose(line: str) -> Article:
    """An article whose one line that is not plain prose is ``line``, between two paragraphs."""
    return _clean("\n\n".join([LEAD, line, CLOSE]))


@pytest.fixture(scope="module")
def harbour() -> Article:
    return _clean((FIXTURES / "text" / "harbour-fire.txt").read_text(encoding="utf-8"))


def test_every_family_leaves_the_article_with_its_reason(harbour: Article) -> None:
    removed = {r.line: r.why for r in harbour.removed}
    families = {
        "Media playback is unsupported": "player",
        "Firefighters spray water": "caption",
        "Image copyright Harbour Authority": "caption",
        "JUST WATCHED": "player",
        "RELATED:": "link",
        "Karin Holt/Port Alder Gazette": "credit",
        "1 of 8 Full Screen": "gallery",
        "The interactive transcript": "player",
        "Most read in local news": "link",
        "[Second fire": "link",
        "Watch the moment": "link",
        "FILE - In this June 5, 2019": "caption",
        "Associated Press An inspector": "caption",
        "(Reporting by Jane Okafor": "reporting credit",
        "Staff writer Omar Haddad": "reporting credit",
        "To contact the reporter": "reporting credit",
        "Follow Jane Okafor on Twitter": "contact",
        "Starting in 2009": "crawler",
    }
    for opening, family in families.items():
        (line,) = [line for line in removed if line.startswith(opening)]
        assert family in removed[line], (line, removed[line])
    assert len(harbour.paragraphs) == 5
    assert harbour.paragraphs[-1].startswith("The warehouse, built in 1962")


def test_the_header_skips_furniture_for_the_title() -> None:
    article = _clean(f"Media playback is unsupported on your device\n\nLATEST HEADLINES\n\n{LEAD}")
    assert article.title is None
    assert article.paragraphs == [LEAD]


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("A diver checks the hull in Port Alder, Saturday, Jan. 9, 2021. (Ana Ruiz/AP)", "caption"),
        ("Divers at the harbour wall. Jan. 9, 2021 (Reuters)", "caption"),
        ("Crowds watch the smoke from the pier. Photograph: Ana Ruiz/PA", "caption"),
        ("This image provided by the Harbour Authority shows the warehouse roof.", "caption"),
        ("Enlarge this image toggle caption Ana Ruiz/AP Ana Ruiz/AP", "caption"),
        ("Ana Ruiz / Reuters file The harbour wall is seen in June.", "caption"),
        ("Smoke over the harbour on Tuesday. | AP Photo Harbour fires: a timeline", "caption"),
        ("3/12 The harbour at dawn. Getty Images/Ana Ruiz", "gallery"),
        ("CLOSE Firefighters battle the blaze for six hours. Port Alder Gazette", "player"),
        ("EMBED More News Videos Fire chief speaks after the warehouse fire", "player"),
        ("Your browser does not support the audio element.", "player"),
        ("Rating is available when the video has been rented.", "player"),
        ("Read more: Harbour safety under review after second fire", "link"),
        ("■ Related: Two warehouses burned in one year", "link"),
        ("Dana Reed reported from Port Alder.", "reporting credit"),
        ("Reporter Ana Ruiz can be reached at ana.ruiz@example.com.", "reporting credit"),
        ("ana.ruiz@example.com, 555-0100", "contact"),
        (
            "WARCZone is a set of WARCs given to the Internet Archive and its Wayback team.",
            "crawler",
        ),
    ],
)
def test_a_family_line_amid_prose_is_removed(line: str, family: str) -> None:
    article = _amid_prose(line)
    assert article.paragraphs == [LEAD, CLOSE]
    assert family in article.removed[0].why


@pytest.mark.parametrize(
    "line",
    [
        # News that shares a family's words but not its marks.
        "Detectives captured the encounter with the suspect on video and audio.",
        "The video replay showed the ball had crossed the line before the whistle.",
        "A transcript of the hearing was released by the court on Friday.",
        "More than 200 firefighters were called to the scene from three towns.",
        "The Wayback Machine shows that the harbour page was changed on Monday.",
        "Many Twitter profiles say retweets are not endorsements, but @portalder does not.",
        # A live blog crediting its source, and an embedded post quoting a reader.
        "The talks will resume in Cairo on Sunday, the statement said. (Reuters)",
        '"Polls. All of them." — Dana Reed (@danareed) August 17, 2016',
        "Reporting by the Gazette showed the warehouse had failed two inspections.",
        "The harbour board voted to close 3 of 10 piers, taking 3 of 10 berths out of use.",
        # A short quotation with its speaker, whatever web words its attribution holds.
        "\u201cWe waited three years.\u201d Janet Smith, on Facebook",
        "\u201cWe waited three years.\u201d Janet Smith wrote on Facebook",
        '"Not again," Ann Lee said on Twitter',
        "\u201cNever.\u201d \u2014 Ann Lee, Dayton",
    ],
)
def test_prose_with_a_family_word_is_kept(line: str) -> None:
    assert _amid_prose(line).paragraphs == [LEAD, line, CLOSE]


def test_a_short_item_of_an_unpunctuated_list_is_kept() -> None:
    items = [
        "It is absorbed through the skin and acts within a few minutes of contact",
        "It can be spread as a spray or a vapour over a wide area",
        "Banned by a treaty since 1997",
    ]
    article = _clean("\n\n".join([LEAD, "What the agent does", *items, CLOSE]))
    assert article.paragraphs == [LEAD, *items, CLOSE]


def test_a_gallery_run_into_one_long_line_is_removed_whatever_its_length() -> None:
    slide = "Photos: The harbour over the years The old warehouse stands on the quay in {}. "
    gallery = "".join(slide.format(1900 + 10 * n) for n in range(12))
    article = _amid_prose(gallery.strip())
    assert article.paragraphs == [LEAD, CLOSE]
    assert "gallery" in article.removed[0].why


def test_furniture_that_trafilatura_keeps_in_a_page_is_removed_with_its_reason() -> None:
    raw = (FIXTURES / "html" / "furniture-article.html").read_text(encoding="utf-8")
    ferry = extract_html(Article(id="ferry", source="ferry.html", kind="html", raw=raw))
    assert len(ferry.paragraphs) == 4
    assert ferry.paragraphs[-1].startswith("Timetables will run as normal")
    removed = {r.line: r.why for r in ferry.removed}
    assert "link" in removed["Read more: Storm leaves thousands without power across the county"]
    assert "reporting credit" in removed["(Reporting by Maria Okafor; Editing by Tom Hale)"]


@pytest.mark.parametrize(
    "caption",
    [
        # A gallery's button glued before its caption, however long the caption runs.
        "View Images Firefighters spray water on the burning warehouse at the Port Alder harbour"
        " on Tuesday night. The fire spread to two sheds before it was brought under control, and"
        " the harbour was closed to boats until the next morning while crews damped it down.",
        "This video from the Harbour Authority shows the fire at its height (Harbour Authority)",
    ],
)
def test_a_caption_opening_on_a_button_or_on_this_video_from_is_furniture(caption: str) -> None:
    article = _amid_prose(caption)
    assert caption not in article.paragraphs
    assert "caption" in article.removed[0].why


@pytest.mark.parametrize(
    "prompt",
    [
        "Follow Port Alder Radio for the latest on air and online.",
        "For breaking news and analysis from the coast, follow the Gazette on Facebook.",
    ],
)
def test_a_prompt_to_follow_the_site_is_a_contact_line(prompt: str) -> None:
    article = _amid_prose(prompt)
    assert article.paragraphs == [LEAD, CLOSE]
    assert "follow" in article.removed[0].why


def test_news_of_who_follows_whom_stays() -> None:
    line = "More than a million people follow the mayor on Twitter, the Gazette found last year."
    assert line in _amid_prose(line).paragraphs


def test_a_bracketed_source_is_no_headline_link() -> None:
    """ "[Gazette]" under a roundup's item names its source; a headline has four words or more."""
    assert link_why(Line("[Port Gazette]")) is None
    assert "bracketed headline" in (link_why(Line("[Second fire at the harbour]")) or "")


@pytest.mark.parametrize(
    "bar",
    [
        # The label glued to the first headline, each headline glued to the next.
        "RelatedPort Alder Fire: Warehouse Owner Faces Inquiry Over Missing AlarmsHarbour Board"
        " Votes to Close Three Piers After Second Blaze?Why Coastal Towns Keep Losing Their Old"
        " Warehouses",
        # The label spaced from two headlines longer together than any one headline.
        "Related UPDATE: Harbour Board Chief Denies Claims of Cover-Up Over Fire Alarms Dock"
        " Unions Petition to Rename Pier After Firefighter Who Died in Blaze",
    ],
)
def test_a_links_bar_run_into_one_line_is_removed(bar: str) -> None:
    """A related-links bar that lost its breaks: a label, then title-cased headlines."""
    article = _amid_prose(bar)
    assert article.paragraphs == [LEAD, CLOSE]
    assert "headlines run into one line" in article.removed[0].why


@pytest.mark.parametrize(
    "line",
    [
        "Related talks between the harbour board and the dock unions broke down on Friday.",
        "See also the board's report, which names Port Alder, Kingsbridge, Eastmoor, Fenwick"
        " Quay and Saltcombe among the towns whose warehouses failed their fire inspections",
        # One headline after a spaced label is no run (other rules judge it).
        "Related Harbour Board Votes to Close Three Piers",
    ],
)
def test_prose_or_one_headline_after_a_link_word_is_no_links_bar(line: str) -> None:
    assert "run into one line" not in (link_why(Line(line)) or "")


@pytest.mark.parametrize(
    "line",
    [
        "\u201cTop stories\u201d Share on Twitter",
        '"News" Facebook comments',
        # A photo's caption quoting someone, with its credit.
        "\u201cWe will rebuild the pier on Facebook.\u201d Getty Images",
        "On the mayor \u201cHe will rebuild the pier.\u201d Getty Images",
    ],
)
def test_a_widget_after_quoted_words_is_still_furniture(line: str) -> None:
    assert _amid_prose(line).paragraphs == [LEAD, CLOSE]


STATEMENT = "\u201cWe waited three years for the pier to reopen.\u201d"


@pytest.mark.parametrize(
    "signature",
    [
        "\u2014 Ann Lee, ann.lee.com",
        "Janet Smith, on Facebook",
        "-Ann Lee, on Twitter",
        # Capitals of any alphabet open a name.
        "\u2014 \u00c9mile Zola, on Twitter",
        "\u0141ukasz Nowak, on Facebook",
    ],
)
def test_a_signature_with_a_web_word_under_a_statement_is_kept(signature: str) -> None:
    article = _clean("\n\n".join([LEAD, STATEMENT, signature, CLOSE]))
    assert article.paragraphs == [LEAD, STATEMENT, signature, CLOSE]


@pytest.mark.parametrize(
    "line",
    [
        "Share on Twitter",
        "Getty Images",
        "Facebook comments",
        "Pier Fire Leaves Harbour Quiet",
        "\u2014 share it, on Facebook",  # a name's words open on capitals
    ],
)
def test_a_page_line_under_a_statement_is_still_cut(line: str) -> None:
    article = _clean("\n\n".join([LEAD, STATEMENT, line, CLOSE]))
    assert article.paragraphs == [LEAD, STATEMENT, CLOSE]


def test_a_signature_with_a_web_word_after_prose_is_still_cut() -> None:
    assert _amid_prose("Janet Smith, on Facebook").paragraphs == [LEAD, CLOSE]


def test_a_run_of_spaces_after_a_signature_comma_is_read_in_one_pass() -> None:
    # The shape's "what follows the comma" once tried every split of the spaces between two
    # overlapping parts: minutes for 200,000 spaces (a line of a 10 MB text), none is a signature.
    line = Line("\u2014 Ann Lee," + " " * 200_000 + "x?")
    assert not line.is_signature
    assert Line("\u2014 Ann Lee,   Dayton, Ohio").is_signature
