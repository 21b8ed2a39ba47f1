"""The plain-text cleaner on articles written for these tests and on the seed story."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLE, FIXTURES

from storybrief.clean.dates import parse_date
from storybrief.clean.lines import Line
from storybrief.clean.text import (
    LineCounts,
    clean_texts,
    normalize,
    shared_short_lines,
    split_lines,
)
from storybrief.models import Article

LEAD = "The council voted on Monday to close the depot by March, the mayor said."
CLOSE = "The depot employs 40 people, most of whom will move to the new site."


def _articles(*paths: Path) -> list[Article]:
    articles = [Article(id=p.stem, source=str(p), raw=p.read_text(encoding="utf-8")) for p in paths]
    clean_texts(articles)
    return articles


def _removed(article: Article) -> dict[str, str]:
    return {r.line: r.why for r in article.removed}


def test_header_fields_are_read_from_the_top_lines() -> None:
    (a,) = _articles(FIXTURES / "text" / "council-budget.txt")
    assert a.title == "City council approves new budget after six-hour debate"
    assert a.dek == "Spending on parks rises while road repairs wait another year"
    assert a.byline == "Maria Lopez"
    assert a.published == "2021-03-03"
    assert a.paragraphs[0].startswith("The city council voted 7-2")


def test_boilerplate_lines_are_removed_with_a_reason() -> None:
    a, b = _articles(
        FIXTURES / "text" / "council-budget.txt", FIXTURES / "text" / "council-budget-2.txt"
    )
    removed = _removed(a)
    expected = {
        "Getty Images / Staff": "photo credit",
        "Image caption,": "caption or credit marker",
        "Council members debated for six hours before the vote": "caption",
        "Read more: Mayor's office responds": "link",
        "Share this article": "call to action",
        "Follow us on Twitter for the latest updates": "a prompt to follow",
        "Do you live in the area? Tell us what you think by emailing the newsdesk.": "reader",
        "Topics": "across articles",
        "Parks and roads": "not a sentence",
        "Budget, Council, Parks": "across articles",
        "Copyright 2021 Example Gazette. All rights reserved.": "copyright",
    }
    for line, why in expected.items():
        assert line in removed, line
        assert why in removed[line], (line, removed[line])
    assert not set(a.paragraphs) & set(expected)
    assert "Sign up for our morning briefing" in _removed(b)


def test_body_sentences_survive() -> None:
    (a,) = _articles(FIXTURES / "text" / "council-budget.txt")
    assert len(a.paragraphs) == 4
    assert any(p.startswith('"We made hard choices') for p in a.paragraphs)
    assert a.paragraphs[-1].startswith("Two members voted against")


def test_a_body_sentence_first_means_no_title() -> None:
    (a,) = _articles(FIXTURES / "text" / "wrapped.txt")
    assert a.title is None
    assert a.byline is None


def test_hard_wrapped_blocks_are_joined_into_paragraphs() -> None:
    text = (FIXTURES / "text" / "wrapped.txt").read_text(encoding="utf-8")
    lines = split_lines(text)
    assert len(lines) == 2
    assert "after a debate that stretched" in lines[0]
    # Short separate lines (a caption block) are not mistaken for wrapping.
    assert split_lines("Image source, AFP\nImage caption,\nA tense capital") == [
        "Image source, AFP",
        "Image caption,",
        "A tense capital",
    ]


def test_penn_treebank_quotes_become_quote_marks() -> None:
    (a,) = _articles_from_text("``It is over,'' the senator said after the vote on the floor.")
    assert a.paragraphs == ["“It is over,” the senator said after the vote on the floor."]


def _articles_from_text(text: str) -> list[Article]:
    articles = [Article(id="t", source="<t>", raw=text)]
    clean_texts(articles)
    return articles


def test_dates() -> None:
    assert parse_date("Saturday 14 June 2014 17:00 BST") == "2014-06-14"
    assert parse_date("Updated June 14, 2014, 5:00 PM") == "2014-06-14"
    assert parse_date("2014-06-14T17:00:00Z") == "2014-06-14"
    assert parse_date("Sept. 3rd 2019") == "2019-09-03"
    assert parse_date("3rd Sept 2019") == "2019-09-03"
    assert parse_date("31 February 2014") is None
    assert parse_date("The 2,000 troops of 2014") is None
    # A dotted capital I (Turkish) matches the case-blind pattern but names no month.
    assert parse_date("ISTANBUL, APR\u0130L 5, 2020") is None


def test_seed_story_meets_the_reference(gold: dict) -> None:
    articles = _articles(*sorted(EXAMPLE.glob("*.txt")))
    kept = {p for a in articles for p in a.paragraphs}
    removed = {r.line for a in articles for r in a.removed}
    for line in gold["boilerplate_lines"]:
        assert line in removed and line not in kept, line
    for line in gold["body_lines_that_must_survive"]:
        assert line in kept, line
    by_id = {a.id: a for a in articles}
    for article_id, ref in gold["articles"].items():
        assert by_id[article_id].title == ref.get("title"), article_id
    assert by_id["002_37c62bbf03a28dc3"].byline == "Jack Simpson"
    assert by_id["002_37c62bbf03a28dc3"].published == "2014-06-14"


def test_prose_that_looks_like_furniture_is_kept() -> None:
    essay = (
        "If you have ever waited for a bus in the rain, you know the feeling the council "
        "describes, and you will understand why the vote matters so much to commuters who "
        "rely on the service every day, whatever the weather and whatever the season brings, "
        "from the first frost to the last heatwave."
    )
    letter = (
        "I am writing to you because the budget cuts will close the library my children use "
        "every week, and because nobody on the council has explained what will replace it, "
        "or when, or who will pay for the building once it is empty."
    )
    repeated = "Anyone with information is asked to call the police on the number below."
    text = "\n\n".join(
        [
            essay,
            "Dear Councillor Ruiz,",
            letter,
            repeated,
            "Like the mayor, he voted yes.",
            repeated,
        ]
    )
    (a,) = _articles_from_text(text)
    assert a.paragraphs == [essay, letter, repeated, "Like the mayor, he voted yes."]
    assert _removed(a)[repeated] == "repeats an earlier paragraph"


def test_a_labelled_photo_credit_is_not_taken_for_the_headline() -> None:
    text = (
        "Council members Ana Ruiz and Tom Hale (Photo: Getty Images, WireImage)\n\n"
        "Budget passes after six-hour debate\n\n"
        "The city council voted 7-2 on Tuesday to approve the budget for next year."
    )
    (a,) = _articles_from_text(text)
    assert a.title == "Budget passes after six-hour debate"
    assert _removed(a) == {
        "Council members Ana Ruiz and Tom Hale (Photo: Getty Images, WireImage)": "photo credit"
    }


def test_a_courtesy_credit_in_the_header_is_no_byline() -> None:
    text = (
        "Dog pulled from flooded creek\n\n"
        "Courtesy of Dana Whitfield\n\n"
        "Courtesy Dana Whitfield\n\n"
        "By Sam Ortiz\n\n"
        "A woman waded into a flooded creek on Sunday to free a dog trapped on a log."
    )
    (a,) = _articles_from_text(text)
    assert a.byline == "Sam Ortiz"
    removed = _removed(a)
    assert removed["Courtesy of Dana Whitfield"].startswith("photo caption or credit")
    assert removed["Courtesy Dana Whitfield"].startswith("photo caption or credit")


def test_a_wrapped_line_opening_on_a_closing_quote_stays_in_its_paragraph() -> None:
    # DUC copy closes quotes with '' and may wrap right before them.
    text = (
        "The citation said ``it was a sensation that the simple gas could act\n"
        "as a signal between the cells of the body, in the heart and the brain.\n"
        "'' Because of the research, doctors now know how the molecule works in\n"
        "the nervous system, the committee said in its statement on Monday.\n"
    )
    (a,) = _articles_from_text(text)
    assert a.title is None
    assert len(a.paragraphs) == 1
    assert a.paragraphs[0].startswith("The citation said “it was")
    assert a.paragraphs[0].endswith("in its statement on Monday.")


def test_shared_short_lines_hash_once_and_find_the_same_lines() -> None:
    """A batch's own count and a pile's count (``LineCounts``) find the same shared lines."""
    site = "Sign up for the Port Alder Gazette"
    texts = [[LEAD, site, site], [CLOSE, site.upper()], [f"{LEAD} {CLOSE}"]]
    articles = [[Line(t) for t in lines] for lines in texts]
    assert shared_short_lines(articles) == {Line(site).key}
    assert shared_short_lines(articles, LineCounts.of(articles).shared) == {Line(site).key}
    assert shared_short_lines(articles[2:]) == set()
    assert normalize("``Yes,'' he said.") == "“Yes,” he said."
    assert normalize("It's 5 o'clock.") == "It's 5 o'clock."
