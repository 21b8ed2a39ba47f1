"""Statements printed alone with their speaker on a line of its own: a signature after
("-Michelle Marks, Philadelphia."), a "From X:" lead-in before; on small hand-written
stories."""

from __future__ import annotations

from test_quotes_speakers import speakers_of

NOTEBOOK = (
    "Delegates filled the hall on the last night of the convention.\n\n"
    "\u201cGreat speech. She is tested. She is ready. She never quits.\u201d\n\n"
    "-President Obama, tweeting after Clinton's speech.\n\n"
    "\u201cThe whole idea of a crooked candidate is something we hear all the time.\u201d\n\n"
    "-Michelle Marks, Philadelphia."
)


def test_a_name_alone_after_a_statement_signs_it() -> None:
    found = speakers_of(NOTEBOOK)
    assert found["Great speech. She is tested. She is ready. She never quits"] == "President Obama"
    whole_idea = "The whole idea of a crooked candidate is something we hear all the time"
    # The signature above it signs the statement before, not this one.
    assert found[whole_idea] == "Michelle Marks"


def test_a_writers_line_after_a_statement_signs_nothing() -> None:
    found = speakers_of(
        "Delegates filled the hall on the last night of the convention.\n\n"
        "\u201cWe went to the store and bought some bread before the speech.\u201d\n\n"
        "The store was closed by the time Michelle Marks arrived."
    )
    assert found == {"We went to the store and bought some bread before the speech": None}


def test_from_a_source_before_a_colon_names_the_source() -> None:
    found = speakers_of(
        "Not all web panels are created equal. From the report: \u201cIn general, samples "
        "with more elaborate weighting produced more accurate estimates.\u201d\n\n"
        "From Bloomberg:\n\n"
        "\u201cThe senator is expected to announce his run on Monday, people familiar said.\u201d"
    )
    assert set(found.values()) == {"the report", "Bloomberg"}


def test_from_a_thing_before_a_colon_names_no_one() -> None:
    found = speakers_of(
        "From the start: \u201cWe went to the store and bought some bread today,\u201d the "
        "note began."
    )
    assert "start" not in str(found.values())
