"""Which of several people a sentence names says its quote: the outermost reporter,
"according to", a colon, a caption's name; on small hand-written stories."""

from __future__ import annotations

from storybrief.analyze import StoryContext, run


def speakers_of(body: str) -> dict[str, str | None]:
    raw = f"Candidates trade barbs before the primary\n\n{body}"
    quotes = run(StoryContext.from_texts(raw), "quotes")
    return {q.text.strip(' ,.\u201c\u201d"'): q.speaker for q in quotes}


def test_the_outermost_speech_verb_speaks_a_quote_inside_reported_speech() -> None:
    # "continue" also attributes quotes (", she continued"): here it is what Rubio does.
    found = speakers_of(
        "Ted Cruz said he is certain Marco Rubio will continue to be "
        "\u201ca champion for limitless opportunity in America.\u201d"
    )
    assert found == {"a champion for limitless opportunity in America": "Ted Cruz"}


def test_according_to_names_the_source_a_statement_is_told_by() -> None:
    found = speakers_of(
        "\u201cI ask you not to engage in any kind of protest on the floor,\u201d "
        "Bernie Sanders said, according to CNN."
    )
    assert found == {"I ask you not to engage in any kind of protest on the floor": "CNN"}


def test_a_colon_before_the_quote_beats_a_speech_verb_of_another_clause() -> None:
    found = speakers_of(
        "After Donald Trump said that Cuba would sue the country, Marco Rubio fired back: "
        "\u201cIf they sue us in a court in Miami, they are going to lose.\u201d"
    )
    assert found == {"If they sue us in a court in Miami, they are going to lose": "Marco Rubio"}


def test_a_caption_name_after_a_dash_speaks_the_quote() -> None:
    found = speakers_of(
        "Voters want to be inspired - Frank Newport: "
        "\u201cWe found that the strengths most tied to a vote were inspiring and visionary.\u201d"
    )
    quote = "We found that the strengths most tied to a vote were inspiring and visionary"
    assert found == {quote: "Frank Newport"}


def test_the_one_a_naming_verb_names_is_not_its_speaker() -> None:
    found = speakers_of(
        "Prince Alwaleed bin Talal criticized the candidate on Friday. "
        "Donald Trump responded to that tweet by calling Alwaleed \u201cdopey\u201d on Monday."
    )
    assert found.get("dopey") == "Donald Trump"


def test_a_name_the_parser_reads_as_a_noun_before_the_verb_speaks() -> None:
    # '..., " Bozell notes.': "Bozell notes" parsed as a noun phrase, the verb left bare.
    found = speakers_of(
        "Brent Bozell III leads a conservative group in Virginia.\n\n"
        "\u201cFirst, in every other clash between a competing candidate and Trump it was "
        "that candidate picking a fight with Trump. In this case it was Trump picking a "
        "fight with Cruz out of necessity,\u201d Bozell notes."
    )
    assert list(found.values()) == ["Brent Bozell III"]
