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


# A participle clause's speaker, a coordinated speech verb's, a role only one person holds.


def test_the_object_of_the_verb_a_participle_hangs_from_is_not_its_speaker() -> None:
    # "saying" takes the subject of "backed"; "backed Tim Kaine" once read as "said Kaine".
    found = speakers_of(
        "On Monday, Amy Klobuchar appeared on a morning show and formally backed Tim Kaine, "
        "saying, \u201cI think a steady hand at the helm is what the state needs now.\u201d"
    )
    assert found == {
        "I think a steady hand at the helm is what the state needs now": "Amy Klobuchar"
    }


def test_a_coordinated_quote_verb_shares_its_conjunct_s_subject() -> None:
    # "promised" is coordinated with "called" in a relative clause: it shares that verb's
    # subject, where the climb to the main clause found the clause's antecedent.
    found = speakers_of(
        "And the Pacific Trade Agreement, which Michael Bloomberg had called a "
        "\u201cdisaster\u201d and promised to \u201crip up\u201d? He spoke instead about "
        "improving it."
    )
    assert found.get("rip up") == "Michael Bloomberg"


def test_a_role_held_by_a_group_names_no_one() -> None:
    found = speakers_of(
        "Lawyer Neal Katyal wrote the brief for Senator Ted Cruz. These and other cases, the "
        "lawyers said, \u201call point to the same plain conclusion\u201d about the clause."
    )
    assert found == {"all point to the same plain conclusion": "the lawyers"}
