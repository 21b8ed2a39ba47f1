"""Typographic apostrophes read by the parse as straight ones (``nlp.apostrophes``)."""

from __future__ import annotations

from storybrief.analyze.context import parse, parse_syntax
from storybrief.nlp.apostrophes import plain

CURLY = "O’Neill said he didn’t know Iran’s plan. ‘No,’ he said."
STRAIGHT = "O'Neill said he didn't know Iran's plan. 'No,' he said."


def _reading(doc: object) -> list[tuple[str, str, str, int]]:
    return [(t.tag_, t.pos_, t.dep_, t.head.i) for t in doc]  # type: ignore[attr-defined]


def test_plain_keeps_the_length_and_leaves_double_quotes() -> None:
    assert plain(CURLY) == STRAIGHT
    assert plain("“It’s”") == "“It's”"


def test_a_curly_apostrophe_is_read_like_a_straight_one_and_shown_as_written() -> None:
    curly, straight = parse([CURLY, STRAIGHT])
    assert curly.text == CURLY
    assert [t.text for t in curly][:2] == ["O’Neill", "said"]
    assert _reading(curly) == _reading(straight)
    assert [(e.start_char, e.end_char, e.label_) for e in curly.ents] == [
        (e.start_char, e.end_char, e.label_) for e in straight.ents
    ]
    assert "O’Neill" in [e.text for e in curly.ents]
    negated = [t.head.lemma_ for t in curly if t.dep_ == "neg"]
    assert negated == ["know"]
    assert [s.start for s in curly.sents] == [s.start for s in straight.sents]


def test_a_lemma_that_was_its_word_keeps_the_articles_spelling() -> None:
    doc = parse(["He’s sure O’Neill won."])[0]
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["’s"] == "be"
    assert lemmas["O’Neill"] == "O’Neill"


def test_the_syntax_only_parse_reads_them_too() -> None:
    curly, straight = parse_syntax([CURLY, STRAIGHT])
    assert curly.text == CURLY
    assert _reading(curly) == _reading(straight)


def test_a_signatures_dash_is_read_as_a_dash_and_shown_as_written() -> None:
    for line in ['"Fine." -Mark Jones, Akron.', '"Fine." \u2015 Ann Lee']:
        doc = parse([line])[0]
        assert doc.text == line
        dash = doc[4]
        assert (dash.text, dash.tag_, doc[5].ent_type_) == (line[8], ":", "PERSON")


def test_a_hyphen_inside_a_word_or_before_a_figure_is_left() -> None:
    text = "Jean-Luc Picard met the ex-minister at -5 degrees; Mid-Atlantic U.S.-Mexico."
    assert plain(text) == text
