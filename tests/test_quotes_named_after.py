"""Statements whose speaker is named right after them, in forms the finders missed: a name
the parser hung on the quoted words, a "?" that cut the statement from "Beck questioned.",
a name set alone after it with no dash, a closing mark with no space before the name; on
small hand-written stories."""

from __future__ import annotations

from test_quotes_speakers import speakers_of

from storybrief.analyze.context import nlp

STATEMENT = "We are going to keep fighting for the working families of this country"


def test_a_name_the_parser_hung_on_the_quote_speaks_it() -> None:
    found = speakers_of(
        "The candidate praised a reporter at a press conference in Ohio on Monday.\n\n"
        "\u201cVery good reporter, very good reporter this guy,\u201d Trump, the party's "
        "frontrunner nationally and current polling leader in Ohio by a wide margin after "
        "winning the New Hampshire primary, said when Boyle asked him a question."
    )
    assert found == {"Very good reporter, very good reporter this guy": "Trump"}


def test_a_name_and_a_verb_with_no_object_after_a_question_speak_it() -> None:
    found = speakers_of(
        "The host pointed out that the senator once backed the bill.\n\n"
        "\u201cWhat was the massive pivot point to make him change so fundamentally?\u201d "
        "Beck questioned."
    )
    assert found == {
        "What was the massive pivot point to make him change so fundamentally?": "Beck"
    }


def test_a_name_doing_something_else_after_a_statement_does_not_speak_it() -> None:
    found = speakers_of(
        "The crowd waited in the rain for an hour.\n\n"
        f"\u201c{STATEMENT}.\u201d Beck left the stage."
    )
    assert found == {STATEMENT: None}


def test_a_name_alone_after_a_statement_in_its_paragraph_signs_it() -> None:
    found = speakers_of(
        f"Voters in Ohio told us what they think.\n\n"
        f"\u201c{STATEMENT}.\u201d Janet Smith, 45, of Dayton, Ohio.\n\n"
        f"\u201cNobody asked us what we wanted before the plant closed down.\u201d Mark Jones, 61"
    )
    assert found == {
        STATEMENT: "Janet Smith",
        "Nobody asked us what we wanted before the plant closed down": "Mark Jones",
    }


def test_a_closing_mark_with_no_space_after_it_ends_the_statement() -> None:
    assert [t.text for t in nlp().tokenizer("country,\u201dKatie Packer")] == [
        "country",
        ",",
        "\u201d",
        "Katie",
        "Packer",
    ]
    found = speakers_of(
        f"\u201c{STATEMENT},\u201dKatie Packer, who chairs the group, said in a statement."
    )
    assert found == {STATEMENT: "Katie Packer"}


def test_a_straight_mark_stuck_to_a_word_is_left_whole() -> None:
    # It may open the quote ('told him,"I have'): a parse of its own decides, as before.
    assert 'him,"I' in [t.text for t in nlp().tokenizer('told him,"I have a weapon"')]


def test_a_name_after_quoted_words_in_the_writers_sentence_is_talked_of() -> None:
    found = speakers_of(
        'Trump mocked Romney for being a "failed candidate." Then he turned to "little" Marco '
        'Rubio. Somewhere in there, he tossed in a "lyin\' " Ted Cruz.'
    )
    assert found == {"failed candidate": "Trump"}


def test_a_signed_statement_does_not_hand_its_signer_to_the_next() -> None:
    # A signature closes its statement, as in a list of readers' words; a speech verb's
    # speaker still goes on to the statement after ('"…," Smith said. ¶ "…"').
    later = "Nobody asked us what we wanted before the plant closed down."
    signed = speakers_of(
        f"Voters in Ohio told us what they think.\n\n"
        f"\u201c{STATEMENT}.\u201d Janet Smith, 45, of Dayton.\n\n\u201c{later}\u201d"
    )
    assert signed == {STATEMENT: "Janet Smith", later.rstrip("."): None}
    said = speakers_of(
        f"Voters in Ohio told us what they think.\n\n"
        f"\u201c{STATEMENT},\u201d Janet Smith said.\n\n\u201c{later}\u201d"
    )
    assert said == {STATEMENT: "Janet Smith", later.rstrip("."): "Janet Smith"}
