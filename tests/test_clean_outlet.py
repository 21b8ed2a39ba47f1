"""The outlet of a plain-text article, read from its furniture and dateline only."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import EXAMPLE

from storybrief.clean.outlet import infer_outlet
from storybrief.clean.text import clean_texts
from storybrief.models import Article, Brief
from storybrief.render import render


def _cleaned(*raws: str, outlet: str | None = None) -> list[Article]:
    articles = [
        Article(id=f"a{i}", source=f"a{i}.txt", raw=raw, outlet=outlet)
        for i, raw in enumerate(raws)
    ]
    clean_texts(articles)
    return articles


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("Get email updates from Al Jazeera America", "Al Jazeera America"),
        (
            "Join the debate, follow other Independent readers and see their replies",
            "The Independent",
        ),
        ("Analysis from Kasra Naji, BBC Persian", "BBC"),
        ("© 2017 WTOP. All Rights Reserved.", "WTOP"),
        ("Copyright 2017 by WKMG ClickOrlando - All rights reserved.", "WKMG ClickOrlando"),
        ("Copyright 2018 The Associated Press. All rights reserved.", "Associated Press"),
        ("Follow NBC News Investigations on Twitter and Facebook", "NBC"),
        ("By Ann Lee, AP Science Writer", "Associated Press"),
        ("Al Jazeera and wire services", "Al Jazeera"),
    ],
)
def test_house_phrases_name_the_outlet(line: str, outlet: str) -> None:
    assert infer_outlet([line], []) == outlet


@pytest.mark.parametrize(
    "line",
    [
        "Follow Mike Wall on Twitter",  # a reporter, not the outlet
        "Follow Natalie on Twitter",
        "Map data ©2018 Google",  # a platform's rights, and no year-led holder
        "© 2018 Getty Images",  # a photo agency's rights
        "© JK Rowling, founder and president of Lumos",
        "By Ann Lee, Staff Writer",
        "Follow NBC's Ann Lee on Twitter",
        "Vahid Salemi / AP",  # a photo credit
        "Image source, Reuters",
        "Associated Press contributed to this report",
    ],
)
def test_furniture_that_names_no_publisher_gives_none(line: str) -> None:
    assert infer_outlet([line], []) is None


@pytest.mark.parametrize(
    ("opening", "outlet"),
    [
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "Associated Press"),
        ("SEOUL, South Korea (AP) _ U.S. President Bill Clinton won support.", "Associated Press"),
        ("(CNN) -- A few lucky folks will wake up richer.", "CNN"),
        ("Washington (CNN) -- The ambassador visited Hama.", "CNN"),
        ("Dec 17 (Reuters) - A ticket buying frenzy began.", "Reuters"),
        ("AUGUSTA, Ga. (WRDW/WAGT) – Two boys are in hospital.", "WRDW/WAGT"),
    ],
)
def test_a_wire_dateline_names_the_agency(opening: str, outlet: str) -> None:
    assert infer_outlet([], ["A photo caption the cleaner kept.", opening]) == outlet


@pytest.mark.parametrize(
    "opening",
    [
        "Coronary heart disease (CHD) - also called artery disease - is common.",
        "Coronary Heart Disease (CHD) - The most common form of heart disease.",
        "Sen. John Smith (R) - Smith said he would vote no.",
        "(VIDEO) — Watch the launch.",
        "MIAMI — Police said on Monday that a man was arrested.",
    ],
)
def test_a_parenthesis_that_is_no_dateline_gives_none(opening: str) -> None:
    assert infer_outlet([], [opening]) is None


def test_a_dateline_deep_in_the_body_is_not_read() -> None:
    body = ["One.", "Two.", "Three.", "LONDON (Reuters) - Quoted from an agency story."]
    assert infer_outlet([], body) is None


def test_names_that_disagree_leave_the_outlet_unknown() -> None:
    assert infer_outlet(["© 2017 WTOP", "Copyright 2016 WFAA"], []) is None
    assert infer_outlet([], ["WASHINGTON (AP) — One.", "LONDON (Reuters) - Two."]) is None


def test_furniture_wins_over_the_agency_dateline() -> None:
    # A station printing wire copy: the page's own furniture names the publisher.
    assert (
        infer_outlet(["Copyright 2016 WFAA"], ["DALLAS (AP) — A teacher was arrested."]) == "WFAA"
    )


def test_the_body_citing_an_outlet_names_none() -> None:
    (a,) = _cleaned(
        "Rebels seize a second city\n\n"
        "The rebels took the city on Friday, the BBC reported.\n\n"
        "A senior official told the Guardian that troops were on the way.\n\n"
        "According to Reuters, the army withdrew overnight.\n"
    )
    assert a.paragraphs and a.outlet is None


def test_cleaning_fills_the_outlet_from_removed_furniture() -> None:
    (a,) = _cleaned(
        "Rebels seize a second city\n\n"
        "The rebels took the city on Friday after a week of fighting in the north.\n\n"
        "Get email updates from Al Jazeera America\n"
    )
    assert a.outlet == "Al Jazeera America"
    assert "Get email updates from Al Jazeera America" in {r.line for r in a.removed}


def test_an_outlet_given_with_the_input_is_kept() -> None:
    (a,) = _cleaned(
        "WASHINGTON (AP) — The Senate voted on Tuesday to pass the budget after a long debate.\n",
        outlet="The Washington Post",
    )
    assert a.outlet == "The Washington Post"


def test_seed_outlets_match_the_reference(gold: dict[str, Any]) -> None:
    articles = [
        Article(id=p.stem, source=str(p), raw=p.read_text(encoding="utf-8"))
        for p in sorted(EXAMPLE.glob("*.txt"))
    ]
    clean_texts(articles)
    found = {a.id: a.outlet for a in articles}
    # The reference says "unknown" for an article that names no publisher of its own,
    # among them 001, which reprints the BBC's reporting and credits it in its body.
    expected = {
        i: None if ref["outlet"].startswith("unknown") else ref["outlet"]
        for i, ref in gold["articles"].items()
    }
    assert found == expected
    assert found["000_287ada3d0cee12ca"] == "Al Jazeera America"
    assert found["004_8981cbef0611464d"] == "BBC"


def test_sources_list_shows_the_outlet() -> None:
    article = Article(
        id="a",
        source="a.txt",
        title="Rebels advance",
        outlet="Al <Jazeera> & Co",
        paragraphs=["X."],
    )
    brief = Brief(articles=[article])
    assert "`a` — Al \\<Jazeera\\> \\& Co · Rebels advance" in render(brief, "md")
    assert "Al &lt;Jazeera&gt; &amp; Co · Rebels advance" in render(brief, "html")
