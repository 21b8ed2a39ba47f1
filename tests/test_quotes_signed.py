"""Statements printed alone with their speaker on a line of its own: a signature after
("-Michelle Marks, Philadelphia."), a "From X:" lead-in before; on small hand-written
stories."""

from __future__ import annotations

import pytest
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
    # The person, as '"…" — President Obama' names him: the title was in the name only while
    # the hyphen glued "-President" into one word.
    assert found["Great speech. She is tested. She is ready. She never quits"] == "Obama"
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


NARRATIVE = "The board voted on Monday to close the plant in Springfield, ending 300 jobs.\n\n"


def test_someones_remarks_before_a_colon_are_that_persons() -> None:
    found = speakers_of(
        f"{NARRATIVE}Watch the full video of Beck\u2019s remarks below:\n\n"
        "\u201cOur jobs are fleeing the country, they are going to Mexico and elsewhere.\u201d"
    )
    assert found == {
        "Our jobs are fleeing the country, they are going to Mexico and elsewhere": "Beck"
    }


def test_a_statement_goes_on_from_the_person_the_paragraph_before_ends_on() -> None:
    found = speakers_of(
        f"{NARRATIVE}Hillary Clinton spoke to supporters in Ohio on Monday.\n\n"
        "\u201cWe are stronger together than we are apart, and we always will be.\u201d\n\n"
        "She then turned to the economy.\n\n"
        "\u201cWe need an economy that works for everyone, not just those at the top.\u201d\n\n"
        "The crowd cheered loudly.\n\n"
        "\u201cI will never stop fighting for you and your families, whatever it takes.\u201d"
    )
    assert found["We need an economy that works for everyone, not just those at the top"] == (
        "Hillary Clinton"
    )
    # A crowd is no person: the statement after it is left without a speaker.
    assert found["I will never stop fighting for you and your families, whatever it takes"] is None


def test_a_dash_and_a_name_after_a_statement_sign_it() -> None:
    found = speakers_of(
        f"{NARRATIVE}\u201cI will be the greatest jobs president that God ever created.\u201d "
        "\u2014 Donald Trump\n\n"
        "\u201cWe are stronger together than we are apart, always.\u201d \u2014 Hillary Clinton, "
        "in Ohio"
    )
    assert found == {
        "I will be the greatest jobs president that God ever created": "Donald Trump",
        "We are stronger together than we are apart, always": "Hillary Clinton",
    }


def test_a_byline_after_an_attributed_quote_does_not_take_it() -> None:
    found = speakers_of(
        f"{NARRATIVE}Sanchez insisted that his party was \u201cstill the first force in all "
        "of Spain.\u201d --Kim Hjelmgaard."
    )
    assert found == {"still the first force in all of Spain": "Sanchez"}


def test_a_name_with_a_clause_of_its_own_under_a_statement_signs_it() -> None:
    # What is said of the signer ("a nurse who lives in Dayton") is no verb of the sentence:
    # the name is still alone, as "Janet Smith, 45, of Dayton." is.
    found = speakers_of(
        f"{NARRATIVE}\u201cI voted for him because he tells it like it is.\u201d Janet Smith, "
        "a nurse who lives in Dayton.\n\n"
        "\u201cThe plant paid for my house and for my children\u2019s school.\u201d Mark Jones, "
        "who worked there for 30 years\n\n"
        "\u201cWe will build it again, and better than before.\u201d Ann Lee, 52, on why she "
        "stays."
    )
    assert found == {
        "I voted for him because he tells it like it is": "Janet Smith",
        "The plant paid for my house and for my children\u2019s school": "Mark Jones",
        "We will build it again, and better than before": "Ann Lee",
    }


def test_a_name_doing_something_after_a_statement_with_a_clause_signs_nothing() -> None:
    found = speakers_of(
        f"{NARRATIVE}\u201cWe went to the store and bought some bread before it closed.\u201d "
        "Michelle Marks, who lives nearby, bought the last loaf."
    )
    assert found == {"We went to the store and bought some bread before it closed": None}


def test_a_name_signed_after_a_dash_of_any_kind_signs_it() -> None:
    repair = "We waited three years for this repair."
    found = speakers_of(
        "The city reopened the bridge on Main Street after years of delay.\n\n"
        f"\u201c{repair}\u201d -Mark Jones, Akron.\n\n"
        "\u201cThe detour added an hour to every trip I made.\u201d \u2015 Ann Lee\n\n"
        "\u201cNobody told us when the work would end.\u201d \u2014 Sara Diaz, 52, a nurse."
    )
    assert found == {
        repair.rstrip("."): "Mark Jones",
        "The detour added an hour to every trip I made": "Ann Lee",
        "Nobody told us when the work would end": "Sara Diaz",
    }


def test_a_dashed_line_with_a_tensed_verb_is_no_signature() -> None:
    found = speakers_of(
        "The city reopened the bridge on Main Street after years of delay.\n\n"
        "\u201cThe detour added an hour to every trip I made.\u201d\n\n"
        "-Senator Ann Lee signed the repair bill on Monday.\n\n"
        "The bridge opens to traffic next week."
    )
    assert found == {"The detour added an hour to every trip I made": None}


@pytest.mark.parametrize("dash", ["-", "\u2014 "])
def test_a_dashed_line_with_an_infinitive_clause_is_news_not_a_signature(dash: str) -> None:
    found = speakers_of(
        "The city reopened the bridge on Main Street after years of delay.\n\n"
        "\u201cThe detour added an hour to every trip I made.\u201d\n\n"
        f"{dash}Mayor Ann Lee to visit the bridge on Monday.\n\n"
        "The bridge opens to traffic next week."
    )
    assert found == {"The detour added an hour to every trip I made": None}


BRIDGE = "The city reopened the bridge on Main Street after years of delay.\n\n"
DETOUR = "The detour added an hour to every trip I made"


@pytest.mark.parametrize("dash", ["\u2014", "\u2013", "-"])
def test_a_dash_the_segmenter_takes_off_a_signature_line_still_signs(dash: str) -> None:
    # The segmenter strips "— " opening a line as a list's mark: the signature keeps it.
    found = speakers_of(
        f"{BRIDGE}\u201c{DETOUR}.\u201d\n\n{dash} President Obama, tweeting after the vote."
    )
    assert found == {DETOUR: "Obama"}


@pytest.mark.parametrize("items", [["Item one.", "Item two."], ["Ann Lee, Dayton.", "Bob Ray."]])
@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_dashed_list_after_a_statement_signs_nothing(items: list[str], between: str) -> None:
    listed = between.join(f"\u2014 {item}" for item in items)
    assert speakers_of(f"{BRIDGE}\u201c{DETOUR}.\u201d\n\n{listed}") == {DETOUR: None}


def test_readers_words_each_signed_after_a_dash_line_are_each_signed() -> None:
    found = speakers_of(
        f"{BRIDGE}\u201c{DETOUR}.\u201d\n\n\u2014 Ann Lee, tweeting from Akron.\n\n"
        "\u201cNobody told us when the work would end.\u201d\n\n\u2014 Sara Diaz, Dayton."
    )
    assert found == {DETOUR: "Ann Lee", "Nobody told us when the work would end": "Sara Diaz"}


def test_a_signature_with_a_web_word_signs_the_statement_above() -> None:
    found = speakers_of(f"{BRIDGE}\u201c{DETOUR}.\u201d\n\n\u2014 Ann Lee, ann.lee.com")
    assert found == {DETOUR: "Ann Lee"}
