"""Quotations in curly single marks, as British outlets write them ('‘It’s a gamble,’ she
said'), told from the apostrophes that share the closing mark, in articles that quote so;
on hand-written sentences."""

from __future__ import annotations

from test_quotes_speakers import speakers_of

from storybrief.analyze.context import StoryContext
from storybrief.nlp.quotation import quote_spans


def _quoted(text: str) -> list[str]:
    return [text[start : end + 1] for start, end in quote_spans(text, singles=True)]


def test_apostrophes_inside_single_marks_do_not_close_the_quotation() -> None:
    text = "\u2018It\u2019s Bob\u2019s call and nobody else\u2019s,\u2019 she said."
    assert _quoted(text) == ["\u2018It\u2019s Bob\u2019s call and nobody else\u2019s,\u2019"]


def test_a_plural_possessive_closes_only_when_no_close_before_punctuation_follows() -> None:
    inside = "\u2018The voters\u2019 patience is running out,\u2019 said Keir Starmer."
    assert _quoted(inside) == ["\u2018The voters\u2019 patience is running out,\u2019"]
    last = "He called it \u2018a gift to the Joneses\u2019 and left."
    assert _quoted(last) == ["\u2018a gift to the Joneses\u2019"]


def test_elisions_and_words_in_single_marks_are_no_quotations() -> None:
    assert _quoted("Rock \u2018n\u2019 roll fans met at the Beatles\u2019 old club.") == []
    assert _quoted("Bands of the \u201890s played \u2018til dawn.") == []
    assert _quoted("Sanders\u2019 aides and O\u2019Neill\u2019s staff left.") == []


def test_an_opening_mark_never_closed_quotes_nothing() -> None:
    assert _quoted("\u2018") == _quoted("She said \u2018") == []
    assert _quoted("She said \u2018no way and left") == []
    assert _quoted("\u2018Yes\u2019 \u2018") == ["\u2018Yes\u2019"]


def test_single_marks_inside_a_double_quotation_stay_part_of_it() -> None:
    quoted = "\u201cHe told me \u2018no\u2019 twice,\u201d"
    text = f"{quoted} she said, calling it \u2018unfair to all\u2019."
    assert _quoted(text) == [quoted, "\u2018unfair to all\u2019"]


def test_a_statement_in_single_marks_has_its_speaker() -> None:
    found = speakers_of(
        "Chancellor Rachel Reeves defended the budget on Tuesday.\n\n"
        "\u2018It\u2019s a gamble, but it is one worth taking for the country,\u2019 she said. "
        "\u2018We have not lost the argument on the economy,\u2019 Keir Starmer told reporters."
    )
    assert found == {
        "It\u2019s a gamble, but it is one worth taking for the country": "Rachel Reeves",
        "We have not lost the argument on the economy": "Keir Starmer",
    }


def test_words_in_single_marks_inside_the_writer_s_sentence_have_their_speaker() -> None:
    found = speakers_of(
        "Mr Smith said the plan was \u2018a disaster for the families of this town\u2019 and left."
    )
    assert found == {"a disaster for the families of this town": "Mr Smith"}


def test_a_dropped_g_inside_single_marks_does_not_close_them() -> None:
    text = "He called his rivals \u2018Little Marco\u2019 and \u2018Lyin\u2019 Ted.\u2019"
    assert _quoted(text) == ["\u2018Little Marco\u2019", "\u2018Lyin\u2019 Ted.\u2019"]


def _first_paragraph_quotes(body: str) -> list[tuple[int, int]]:
    story = StoryContext.from_texts(f"Vote nears\n\n{body}")
    return next(quoted for _, _, quoted in story.paragraphs.values())


def test_single_marks_quote_only_in_an_article_that_quotes_with_them() -> None:
    lead = "Sanders was \u2018not sure\u2019 about the plan, his aides said."
    us = "\u201cWe have not lost the argument,\u201d Starmer said. \u201cNot yet,\u201d he added."
    british = "\u2018We have not lost the argument,\u2019 Starmer said."
    assert _first_paragraph_quotes(f"{lead}\n\n{us}") == []
    assert _first_paragraph_quotes(f"{lead}\n\n{british}") == [(12, 21)]


def test_a_us_headline_s_single_marks_quote_as_its_double_form_would() -> None:
    # US headlines quote in single marks. Over a body with no double quotation (an excerpt)
    # the headline makes the article single-marked: that changes only the headline's own
    # spans, which are then the quotations its double form has.
    headline = "Mayor Rips Council As \u2018Cruel\u2019 For Closing The Shelter."
    body = "The mayor criticized the council on Monday for closing the shelter in winter."
    single = StoryContext.from_texts(f"{headline}\n\n{body}").paragraphs
    double = StoryContext.from_texts(f"{headline.translate(_DOUBLED)}\n\n{body}").paragraphs
    assert [spans for _, _, spans in single.values()] == [[(22, 28)], []]
    assert [spans for _, _, spans in double.values()] == [[(22, 28)], []]


_DOUBLED = str.maketrans("\u2018\u2019", "\u201c\u201d")
