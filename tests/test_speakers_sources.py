"""Who may be a quote's source: not a date or place by name the parse makes a subject; for a
quote inside a clause another verb reports, that verb's subject; for a participle or a
coordinated verb, the subject it shares; a role only when one person holds it; on small
hand-written stories."""

from __future__ import annotations

import pytest
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


# A participle clause's speaker, a coordinated quote verb's, a role only one person holds:
# (text, quote, speaker), each of which the rule before this pass got wrong.
CASES = {
    # "saying" takes the subject of "backed"; "backed Tim Kaine" was read as "said Kaine".
    "participle": (
        "On Monday, Amy Klobuchar appeared on a morning show and formally backed Tim Kaine, "
        "saying, \u201cI think a steady hand at the helm is what the state needs now.\u201d",
        "I think a steady hand at the helm is what the state needs now",
        "Amy Klobuchar",
    ),
    # "promised" is coordinated with "called" in a relative clause: it shares that verb's
    # subject, where the climb to the main clause found the clause's antecedent.
    "coordinated": (
        "And the Pacific Trade Agreement, which Michael Bloomberg had called a "
        "\u201cdisaster\u201d and promised to \u201crip up\u201d? He spoke instead about "
        "improving it.",
        "rip up",
        "Michael Bloomberg",
    ),
    # A group holds no one's role: "the lawyers" was resolved to the lawyer named before.
    "group role": (
        "Lawyer Neal Katyal wrote the brief for Senator Ted Cruz. These and other cases, the "
        "lawyers said, \u201call point to the same plain conclusion\u201d about the clause.",
        "all point to the same plain conclusion",
        "the lawyers",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_speaker_of_a_participle_a_coordinated_verb_and_a_group_role(case: str) -> None:
    text, quote, speaker = CASES[case]
    assert speakers_of(text).get(quote) == speaker
