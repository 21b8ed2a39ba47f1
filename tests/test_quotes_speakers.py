"""Which of several people a sentence names says its quote: the outermost reporter,
"according to", a colon, a caption's name, the words right after a statement, the paragraph
before; on small hand-written stories."""

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


# Speakers the parse loses or puts elsewhere: named right after a statement, in an "as X
# put it" clause, after a colon's later clause, in the paragraph before.


def test_a_short_statement_of_common_words_is_speech_not_a_title() -> None:
    # Every lowercase word short ("a", "big", "fan") once read as a title's.
    found = speakers_of(
        '"I am a big fan of Elizabeth Warren," Reid said in the interview. '
        '"I would hope that they find a role for her."'
    )
    assert found == {
        "I am a big fan of Elizabeth Warren": "Reid",
        "I would hope that they find a role for her": "Reid",
    }


def test_a_title_is_still_no_quote() -> None:
    found = speakers_of('The film "All the Money in the World" opens on Friday, the studio said.')
    assert found == {}


def test_a_name_and_a_verb_right_after_a_statement_speak_it() -> None:
    # The parser reads "Trump barked" as a noun phrase: the surface still names him.
    found = speakers_of(
        "The anchor kept asking about the border when the candidate cut him off.\n\n"
        '"Go back to your network," Trump barked and a guard walked Ramos out.'
    )
    assert found == {"Go back to your network": "Trump"}


def test_said_then_a_name_with_a_long_apposition_speaks() -> None:
    # The parser takes "Correct" for a verb and hangs the name under it.
    found = speakers_of(
        "The race is now a national story.\n\n"
        '"This is going to be a long and ugly fight," said Maria Lopez, a Clinton ally who '
        "heads the super PAC Correct the Record."
    )
    assert found == {"This is going to be a long and ugly fight": "Maria Lopez"}


def test_as_x_put_it_names_the_speaker() -> None:
    found = speakers_of(
        "Abballa had come to the attention of the police years before. But at the time, as "
        'the prosecutor Marc Dupont put it, "there was not much to complain about in the '
        'strict terms of the law."'
    )
    assert found == {
        "there was not much to complain about in the strict terms of the law": "Marc Dupont"
    }


def test_a_document_after_reads_is_the_source() -> None:
    found = speakers_of(
        "The senator has been under fire at home.\n\n"
        '"There are snails that have more backbone than this senator," reads an editorial in '
        "the Des Moines Register."
    )
    quote = "There are snails that have more backbone than this senator"
    assert found == {quote: "an editorial in the Des Moines Register"}


def test_a_speech_verb_after_the_main_one_introduces_the_colon_quote() -> None:
    found = speakers_of(
        'The crowd grew louder as a protester shouted: "Go home and never come back!"'
    )
    assert found == {"Go home and never come back!": "a protester"}


def test_a_statement_opening_a_paragraph_takes_the_speaker_of_the_one_before() -> None:
    found = speakers_of(
        "Ryder wrote to the committee on Monday.\n\n"
        "If anything, Ash argued in his email, the incident shows why the convention should "
        "adopt new rules.\n\n"
        '"In light of this breach, is it prudent for the committee to keep the old rules?"'
    )
    quote = "In light of this breach, is it prudent for the committee to keep the old rules?"
    assert found == {quote: "Ash"}


def test_a_statement_after_a_paragraph_with_a_quote_keeps_its_own_speaker() -> None:
    # The paragraph before quotes someone: the bare statement runs on from that quote.
    found = speakers_of(
        '"We will win this state," Clinton said on Monday.\n\n'
        '"Nobody should count us out before the votes are counted."'
    )
    assert found["Nobody should count us out before the votes are counted"] == "Clinton"


def test_a_verb_that_answers_back_introduces_the_quote() -> None:
    # "fired back" is no speech verb by its lemma; the senator of the clause before is not
    # the speaker.
    found = speakers_of(
        "When Senator Ted Cruz mocked his record on Monday, Rubio fired back, "
        '"I suppose he has never read a single bill in his life."'
    )
    assert found == {"I suppose he has never read a single bill in his life": "Rubio"}


def test_the_columnist_will_read_as_a_modal_still_speaks() -> None:
    # The tagger reads "Will wrote" as the modal with no subject; a modal takes a bare verb.
    found = speakers_of(
        "Columnist George Will renewed his feud with the candidate this week. "
        "\u201cThe party must abandon every outsider in the race,\u201d Will wrote. "
        "Instead, Will called the governor \u201ca prosecutor with a steady temperament.\u201d"
    )
    assert found == {
        "The party must abandon every outsider in the race": "George Will",
        "a prosecutor with a steady temperament": "George Will",
    }


def test_a_modal_will_in_a_question_names_no_one() -> None:
    found = speakers_of(
        "Will Sanders come down off the pique? \u201cWe will fight on to the convention,\u201d "
        "his campaign manager said."
    )
    assert found == {"We will fight on to the convention": "his campaign manager"}


def test_a_statement_paragraph_takes_the_speaker_the_next_one_names() -> None:
    found = speakers_of(
        "Conservative leaders met in Virginia on Monday.\n\n"
        "\u201cNot only can Ted Cruz win in November, he is the one with the best chance.\u201d\n\n"
        "\u201cHe may be the only one because Trump does not unite the party,\u201d "
        "Richard Viguerie notes."
    )
    assert set(found.values()) == {"Richard Viguerie"}


def test_a_statement_paragraph_after_a_writers_paragraph_names_no_one_from_the_next() -> None:
    # The next paragraph opens with the writer's words, not a statement: no one is named.
    found = speakers_of(
        "Conservative leaders met in Virginia on Monday.\n\n"
        "\u201cNot only can Ted Cruz win in November, he is the one with the best chance.\u201d\n\n"
        "Others disagreed. \u201cHe may be the only one because Trump does not unite the "
        "party,\u201d Richard Viguerie said."
    )
    first = "Not only can Ted Cruz win in November, he is the one with the best chance"
    assert found[first] is None


def test_one_who_spoke_before_a_statement_speaks_it() -> None:
    found = speakers_of(
        "Cecile Richards spoke about the case before the Supreme Court on Friday. "
        "\u201cIt is not a right if you cannot access it.\u201d"
    )
    assert found == {"It is not a right if you cannot access it": "Cecile Richards"}
