"""Speakers the parse hides: a passive "by X", a name read as the verb's compound, a speech
verb read as a reduced relative, "with X doing", a participle that does not invert, an
indefinite pronoun, a thing that moves a person to speak; on small hand-written stories."""

from __future__ import annotations

from test_quotes_speakers import speakers_of


def test_a_passive_speech_verb_has_its_agent_speak() -> None:
    found = speakers_of(
        "This feature of the movement has been called \u201cstrategic ambiguity\u201d by "
        "Joshua Hendrick, a professor at Loyola University Maryland, and it makes funding "
        "impossible to trace."
    )
    assert found == {"strategic ambiguity": "Joshua Hendrick"}


def test_a_name_parsed_as_the_verbs_compound_speaks() -> None:
    found = speakers_of(
        "When someone in the audience shouted, \u201cCruz,\u201d Beck joked, again using an "
        "exaggerated Southern accent, \u201cAmen, brother! Come on up and get baptized!\u201d"
    )
    assert found.get("Amen, brother! Come on up and get baptized!") == "Beck"


def test_a_description_with_a_name_beside_it_speaks_as_the_name() -> None:
    found = speakers_of(
        '"Is President Obama going to finally mention the words radical Islamic terrorism? '
        "If he doesn't he should immediately resign in disgrace!\" the presumptive GOP "
        "presidential nominee, Donald Trump, tweeted Sunday after a lone-wolf attack on an "
        "Orlando nightclub."
    )
    assert set(found.values()) == {"Donald Trump"}


def test_with_x_doing_has_x_speak_not_the_main_clause() -> None:
    found = speakers_of(
        "Even after several videos of the incident surfaced, the Trump campaign has denied "
        "it happened, with Corey Lewandowski taking to Twitter to call Michelle Fields "
        "\u201ctotally delusional\u201d for the accusation."
    )
    assert found == {"totally delusional": "Corey Lewandowski"}


def test_a_participle_does_not_invert_its_object_into_a_speaker() -> None:
    # "saying the Lord's Prayer": what she says, not who.
    found = speakers_of(
        "Carly Fiorina wrote a memoir about her years at HP. And in those last nights, "
        "Fiorina wrote, she began saying the Lord's Prayer to herself \u201cover and over "
        'again, just as I had as a little girl."'
    )
    assert "Prayer" not in (found.get("over and over again, just as I had as a little girl") or "")


def test_a_thing_that_moves_a_person_introduces_that_persons_words() -> None:
    found = speakers_of(
        "The timing of the surge doesn't surprise Republican pollster Daron Shaw: "
        "\u201cHistorically, lesser-known candidates beating establishment candidates in "
        "early contests have seen the biggest boost in their national support.\u201d"
    )
    assert list(found.values()) == ["Daron Shaw"]


def test_a_thing_with_no_person_acted_on_stays_the_colons_subject() -> None:
    found = speakers_of(
        "The new report reaches a blunt conclusion: \u201cThe program has failed every "
        "family it was meant to help over the past decade.\u201d"
    )
    assert list(found.values()) == ["The new report"]
