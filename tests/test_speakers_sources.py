"""Who may be a quote's source: not a date or place by name the parse makes a subject, and,
for a quote inside a clause another verb reports, that verb's subject; on small
hand-written stories."""

from __future__ import annotations

from test_quotes_speakers import speakers_of


def test_a_date_after_the_speech_verb_is_not_its_inverted_subject() -> None:
    # "tweeted Sunday": the date was read as the subject after the verb ("said Rouhani").
    found = speakers_of(
        '"Is he going to finally say the words? If he does not he should resign in '
        'disgrace!" the presumptive nominee, Donald Trump, tweeted Sunday after the attack.'
    )
    assert "Sunday" not in found.values()
    assert len(found) == 1


def test_the_verb_that_reports_a_clause_gives_the_speaker_of_a_quote_in_it() -> None:
    found = speakers_of(
        "In the depths of the recession, Paul Ryan worried that the safety net was "
        'becoming "a hammock that lulls people to lives of dependency."'
    )
    assert found == {"a hammock that lulls people to lives of dependency": "Paul Ryan"}


def test_one_asked_about_in_a_reported_clause_is_not_the_speaker() -> None:
    found = speakers_of(
        "Donald Trump questioned whether President Barack Obama would have attended the "
        'funeral "if it were held in a mosque."'
    )
    assert found == {"if it were held in a mosque": "Donald Trump"}


def test_people_by_role_speak_for_a_reported_clause() -> None:
    # "analyst" is a role no common suffix tells ("-ist" of "economist" is "-yst" here).
    found = speakers_of(
        'Two military analysts concluded that the air force is "the best in the world" in a study.'
    )
    assert found == {"the best in the world": "Two military analysts"}


def test_a_thing_reporting_a_clause_gives_no_speaker() -> None:
    found = speakers_of(
        'The new bill requires that employers "pay their workers a living wage" by next year.'
    )
    assert found == {"pay their workers a living wage": None}
