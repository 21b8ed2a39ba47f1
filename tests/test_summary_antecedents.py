"""A summary sentence that leans on one left out (issue 15, thirteenth session): a name
after a title inside a run of capitals ("Moscow Mayor Yuri Luzhkov"), given in full; a
person no one full form introduces ("said Roula"), who enters only after the sentence of
their article naming them first."""

from __future__ import annotations

import pytest

from storybrief.models import Article
from storybrief.segment import segment
from storybrief.summarize import summarize
from storybrief.summarize.names import Names, introductions


def test_a_title_inside_a_run_of_capitals_opens_the_name() -> None:
    story = [
        "In another development, Moscow Mayor Yuri Luzhkov, a likely candidate, spoke.",
        '"The president has to say he is not able to work," Luzhkov said.',
    ]
    names = Names(story)
    assert names.full.get("Luzhkov") == "Yuri Luzhkov"
    assert names.introduce(["Luzhkov said the city was calm."]) == [
        "Yuri Luzhkov said the city was calm."
    ]


def test_a_name_modifying_a_noun_is_no_bare_mention_of_its_bearer() -> None:
    story = ["U.S. President Bill Clinton arrived in Seoul.", "Clinton said the talks went well."]
    text = "The North demanded money, Clinton administration officials said."
    assert Names(story).introduce([text]) == [text]


@pytest.mark.parametrize(
    ("story", "bare"),
    [
        # A title ending the run is the name itself: no "Stephen" cut off "King".
        (["Novelist Stephen King said the book was done.", "King said so."], "Stephen"),
        # Two people share the surname: neither is its full form.
        (
            [
                "U.S. Treasury Secretary Robert Rubin met the bankers.",
                "State Department Spokesman James Rubin spoke later.",
                "Rubin said the talks went well.",
            ],
            "Rubin",
        ),
    ],
)
def test_no_full_form_from_a_title_inside_a_run_where_it_is_not_exact(
    story: list[str], bare: str
) -> None:
    assert bare not in Names(story).full


def test_a_person_no_full_form_introduces_needs_the_sentence_naming_them_first() -> None:
    article = [
        "The deejays, Roula and Ryan, had their taped segment pulled from the air.",
        "The station aired another interview in its place on Friday night.",
        '"We quickly realized this was a one-sided conversation," said Roula.',
    ]
    other = ["The singer's new album comes out in December, her label said."]
    names = Names([*article, *other])
    assert names.unintroduced(article[2]) == {"Roula"}
    told = [(0, 1, article[1]), (0, 2, article[2]), (1, 0, other[0])]
    assert introductions(names, [article, other], told) == [None, 0, None]


def test_a_name_two_articles_give_needs_no_introduction() -> None:
    first = ["The deejays, Roula and Ryan, had it pulled.", "It aired anyway, said Roula."]
    second = ["Roula said the singer would not answer a fourth question at all."]
    names = Names([*first, *second])
    assert introductions(names, [first, second], [(0, 1, first[1])]) == [None]


def _article(paragraphs: list[str]) -> Article:
    return segment(Article(id="memo", source="memo", paragraphs=paragraphs))


def test_a_named_person_enters_only_after_the_sentence_introducing_them() -> None:
    article = _article(
        [
            "The deejays, Roula and Ryan, of a Houston radio station had their taped "
            "interview with the singer pulled from the air.",
            "The singer's handlers had told the station that the interview could "
            "only cover her new album and her Las Vegas show.",
            '"We quickly realized this was a one-sided conversation with the singer '
            'about her new album and her Las Vegas show," said Roula.',
        ]
    )
    for budget in (20, 30, 45, 70):
        told = [s.text for s in summarize([article], budget)]
        roula = [n for n, text in enumerate(told) if text.endswith("said Roula.")]
        deejays = [n for n, text in enumerate(told) if text.startswith("The deejays")]
        assert not roula or (deejays and deejays[0] < roula[0])
