"""Notices about the article, sign-up prompts and labels glued to a line: on lines written here."""

from __future__ import annotations

import pytest

from storybrief.clean.lines import Line
from storybrief.clean.notes import notice_why, split_label
from storybrief.clean.text import clean_texts
from storybrief.models import Article

TITLE = "Harbor board closes the Elm Street depot"
NEWS = "The harbor board voted 7-2 on Monday to close the Elm Street depot by March."
MORE = "The depot employs 40 people, most of whom will move to the new site in Calder."


def _cleaned(*lines: str) -> Article:
    article = Article(id="a", source="test", raw="\n\n".join([TITLE, NEWS, *lines, MORE]))
    clean_texts([article])
    return article


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("CORRECTION (May 2, 9:10 a.m.): An earlier version of this story misstated it.", "note"),
        ("Clarification: The second paragraph now says who owns the depot.", "note"),
        ("Editor's note: This conversation has been condensed and edited.", "note"),
        ("Updated on May 3, 2019 : A correction has been added to this article.", "note"),
        ("Spoiler alert: the last episode of the series is discussed below.", "spoiler"),
        ("Curious about Calder? Add Calder as an interest to get Calder stories.", "prompt"),
        ("For more, sign up for the Harbor Weekly newsletter.", "prompt"),
        ("Learn why depots close when freight moves inland.", "teaser"),
    ],
)
def test_a_notice_or_prompt_is_furniture(line: str, why: str) -> None:
    expected = {"note": "editor's note", "spoiler": "spoiler", "prompt": "sign-up"}.get(why, why)
    assert expected in (notice_why(Line(line)) or "")


@pytest.mark.parametrize(
    "line",
    [
        "Correction officers said the inmate left the depot at night.",
        "Updated figures show freight fell 12% this year.",
        "The union wanted members to sign up for the retraining scheme by June.",
        "Critics say the board played the spoiler in the port's expansion.",
        "Update the timetable, the mayor told the board on Monday.",
    ],
)
def test_news_that_shares_a_notice_word_is_not_furniture(line: str) -> None:
    assert notice_why(Line(line)) is None


@pytest.mark.parametrize(
    ("line", "label", "rest"),
    [
        ("Analysis The vote shows how far freight has moved.", "Analysis", "The vote shows"),
        ("Update: The board delayed the closure to April.", "Update:", "The board delayed"),
        ("UPDATE 2: The union said it would appeal.", "UPDATE 2:", "The union said"),
        ("UPDATE: 5/4 — The depot's lease was sold.", "UPDATE: 5/4 —", "The depot's lease"),
        ("EXCLUSIVE – Board chair: We had no choice.", "EXCLUSIVE –", "Board chair:"),
        ("Breaking: Depot to close in March.", "Breaking:", "Depot to close"),
    ],
)
def test_a_label_glued_to_a_line_is_cut_off(line: str, label: str, rest: str) -> None:
    kept, cut = split_label(line)
    assert cut == label
    assert kept.startswith(rest)


@pytest.mark.parametrize(
    "line",
    [
        "Opinion polls show most residents back the closure.",
        "Analysis of the freight data took the board a year.",
        "Exclusive rights to the site go to the port authority.",
        "Updated timetables are posted at the depot.",
        "BREAKING: board votes — Harbor Desk (@harbordesk) May 2, 2019",
        "Update:",
    ],
)
def test_a_word_that_opens_its_own_sentence_is_not_a_label(line: str) -> None:
    assert split_label(line) == (line, "")


def test_cleaning_removes_a_note_and_keeps_the_news_under_a_label() -> None:
    note = "CLARIFICATION: An earlier version of this article gave the wrong vote count."
    view = "The vote shows how far the port's freight has moved inland in a decade."
    article = _cleaned(note, f"Analysis {view}")
    assert article.paragraphs == [NEWS, view, MORE]
    whys = {r.line: r.why for r in article.removed}
    assert "editor's note" in whys[note]
    assert "label" in whys["Analysis"]


def test_a_prompt_glued_to_a_paragraph_is_cut_from_it() -> None:
    line = "Freight fell 12% this year, the board said."
    article = _cleaned(f"{line} Sign up for our daily harbor briefing.")
    assert article.paragraphs == [NEWS, line, MORE]
    assert any("sign-up" in r.why for r in article.removed)
