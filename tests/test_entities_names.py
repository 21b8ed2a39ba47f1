"""Standard short forms of names: first-name nicknames and abbreviated kinds of place."""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.name_variants import nickname_of, unabbreviated
from storybrief.models import Entity


def test_a_nickname_and_its_full_name_are_alike_and_others_are_not() -> None:
    assert nickname_of("jim", "james")
    assert nickname_of("bill", "billy")  # two nicknames of William
    assert nickname_of("mo", "maurice")
    assert not nickname_of("jim", "john")
    assert not nickname_of("ann", "anna")  # not in the table: left to the spelling rules


def test_an_abbreviated_kind_of_place_is_written_out_only_at_a_name_start() -> None:
    assert unabbreviated("mt cook") == "mount cook"
    assert unabbreviated("ft worth") == "fort worth"
    assert unabbreviated("st louis") == "st louis"  # Saint or Street: left alone
    assert unabbreviated("mt") == "mt"
    assert unabbreviated("cook mt") == "cook mt"


STORY = """Coach leaves, climber found

Coach Jim O'Brien said he would leave, and O'Brien thanked the fans. James O'Brien \
joined the club in 2004. Rescuers on Mt Cook found the climber, and Mount Cook was \
closed. John Smith and Jack Brown also spoke.
"""


def entities() -> dict[str, Entity]:
    found = run(StoryContext.from_texts(STORY), "entities").entities
    return {alias: e for e in found for alias in e.aliases}


def test_a_person_named_with_a_nickname_and_in_full_is_one_and_the_surname_joins() -> None:
    found = entities()
    assert found["Jim O'Brien"] is found["James O'Brien"] is found["O'Brien"]
    assert found["John Smith"] is not found["Jack Brown"]


def test_a_place_written_with_and_without_its_abbreviation_is_one() -> None:
    found = entities()
    assert found["Mt Cook"] is found["Mount Cook"]


def test_a_hyphened_title_is_part_of_the_name_as_written() -> None:
    text = "Visit\n\nHe met President-elect Barack Obama on Friday. Obama smiled.\n"
    found = {
        a: e for e in run(StoryContext.from_texts(text), "entities").entities for a in e.aliases
    }
    assert found["President-elect Barack Obama"] is found["Obama"]


def aliases_of(*texts: str) -> dict[str, Entity]:
    found = run(StoryContext.from_texts(*texts), "entities").entities
    return {alias: e for e in found for alias in e.aliases}


def test_a_title_glued_to_the_name_by_its_dot_is_written_with_it() -> None:
    # "Gov.Sarah" is one word as written; the place before the title is no part of it.
    text = "Church burns\n\nThe church Alaska Gov.Sarah Palin attends burned. Palin wept.\n"
    found = aliases_of(text)
    assert found["Gov.Sarah Palin"] is found["Palin"]
    assert "Alaska Gov.Sarah Palin" not in found
    spaced = aliases_of(text.replace("Gov.Sarah", "Gov. Sarah"))
    assert spaced["Alaska Gov. Sarah Palin"] is spaced["Palin"]


def test_a_headline_name_with_its_nickname_in_single_quotes_is_the_story_s_person() -> None:
    # The model cuts "Vincent 'Chin' Gigante" at the quotes; the sentences write the
    # nickname otherwise, and the headline's name is still theirs.
    found = aliases_of(
        "Vincent 'Chin' Gigante, 77, Crime Boss\n\n"
        'Mob boss Vincent "The Chin" Gigante died Monday. Gigante was 77.\n'
    )
    assert found["Vincent 'Chin' Gigante"] is found['Vincent "The Chin" Gigante']
    assert "Vincent" not in found


@pytest.mark.parametrize("quote", ["‘’", "''"])
def test_a_nickname_in_quotes_before_a_first_name_is_no_word_of_the_person_s_name(
    quote: str,
) -> None:
    # "‘Lyin’ Ted" is one name word and a nickname: the person is named "Ted Cruz",
    # however often the nickname is written.
    opens, closes = quote
    nick = f"{opens}Lyin{closes} Ted"
    found = aliases_of(
        f"Rivals clash\n\nTrump mocked his rival as {nick} all week. {nick} is not my "
        "name, Ted Cruz said on Sunday. Cruz said the attacks would fail.\n"
    )
    assert found[nick] is found["Ted Cruz"]
    assert found[nick].name == "Ted Cruz"


TEAM = """Coach fired

The Philadelphia team fired coach Maurice Cheeks on Saturday. Cheeks was told after practice, \
and Cheeks said he understood. The Sixers play the Celtics next. Fans of the Sixers were angry.
"""


def test_a_title_case_headline_gives_the_story_s_names_and_not_its_words() -> None:
    # In title case every word is capitalised: the run is cut at the words the
    # sentences write in lower case, and only the names they give are kept.
    headline = (
        "Sixers Fire Coach After Slow Start\n\n"
        "The team let its coach go on Saturday. The fire marshal was not needed, a coach said.\n"
    )
    context = StoryContext.from_texts(TEAM, headline)
    found = {a: e for e in run(context, "entities").entities for a in e.aliases}
    assert found["Sixers"].sources == ["t0", "t1"]
    assert not {"Fire", "Coach", "Slow Start", "Sixers Fire Coach"} & found.keys()


def test_a_headline_name_the_model_runs_on_into_title_case_words_is_the_story_s() -> None:
    # The model tags "Maria Vance Checks Into Rehab" as one person: no name of the
    # story, but the story's "Maria Vance" is inside it.
    body = (
        "Actress Maria Vance has entered a rehab clinic, her spokesman said on Friday. "
        "Vance, 33, checks into the clinic for the second time.\n"
    )
    headline = "Maria Vance Checks Into Rehab\n\nThe clinic would not comment on Friday.\n"
    found = aliases_of(body, headline)
    assert found["Maria Vance"].sources == ["t0", "t1"]
    assert not any("Checks" in alias for alias in found)


def test_capitalised_words_the_model_tags_as_common_nouns_are_names() -> None:
    found = {
        a: e for e in run(StoryContext.from_texts(TEAM), "entities").entities for a in e.aliases
    }
    assert "Sixers" in found
    assert found["Cheeks"] is found["Maurice Cheeks"]


def test_a_score_after_a_team_s_name_is_no_part_of_it() -> None:
    # The model runs "Evansville" on over the score; the team is the one named bare.
    found = aliases_of(
        "Upset in Indiana\n\n"
        "Evansville 91-73 was the final score on Saturday night. "
        "The crowd cheered for Evansville after the game.\n"
    )
    assert "Evansville" in found
    assert not any("91-73" in alias for alias in found)


def test_a_party_letter_after_two_names_makes_no_one_of_them() -> None:
    # "(R)" is a party, not an acronym the names define: read as one it joined the two.
    found = aliases_of(
        "Zika funding fails\n\nFlorida Sens. Marco Rubio (R) and Bill Nelson (D) pushed for "
        "funding. In a statement, Florida Gov. Rick Scott (R) blasted Congress.\n\n"
        '"It is time for Congress to act," Scott said.'
    )
    assert "Rick Scott" not in found["Marco Rubio"].aliases
    assert found["Rick Scott"].name == "Rick Scott"


def test_an_acronym_that_spells_two_names_stands_for_neither() -> None:
    # "RNC" may be the committee or its convention: joined to both, it made them one.
    found = aliases_of(
        "Party meets in Ohio\n\n"
        "The Republican National Committee chose Cleveland for the Republican National "
        "Convention in July. The RNC said the city was ready. The Federal Election "
        "Commission will audit the spending, an FEC official said.\n"
    )
    assert found["Republican National Committee"] is not found["Republican National Convention"]
    assert "RNC" not in found["Republican National Committee"].aliases
    assert found["FEC"] is found["Federal Election Commission"]


PRESIDENTS = """Presidents meet

George H.W. Bush met his son George W. Bush in Texas on Friday. Hillary Diane Rodham Clinton \
spoke later, and Hillary Rodham Clinton thanked them.
"""


def test_two_full_names_with_other_middle_initials_are_two_people() -> None:
    found = aliases_of(PRESIDENTS)
    assert found["George H.W. Bush"] is not found["George W. Bush"]
    # A middle name written out is left to the other rules: one woman.
    assert found["Hillary Diane Rodham Clinton"] is found["Hillary Rodham Clinton"]


COMPASS = """Storms hit the south

Storms hit the Southeast on Monday. The Southwest stayed dry, forecasters said. In the \
Southeast, roads flooded. Officials in the Southwest said fires were out. North Korea and \
South Korea held talks. Officials in Turkmenistan and Turkeminstan's press agency agreed.
"""


def test_two_points_of_the_compass_are_two_places_though_spelled_alike() -> None:
    # Their consonants meet ("stst": a skeleton has no "w" or "h"); a misspelling
    # would not change a point of the compass.
    found = {
        a: e for e in run(StoryContext.from_texts(COMPASS), "entities").entities for a in e.aliases
    }
    assert found["Southeast"] is not found["Southwest"]
    assert found["North Korea"] is not found["South Korea"]
    assert found["Turkeminstan"] is found["Turkmenistan"]


GENERATIONS = """Ransom film opens

The film tells how J. Paul Getty refused to pay the ransom for his grandson John Paul Getty \
III in 1973. Ken Griffey Sr. watched Ken Griffey Jr. play on Sunday. Martin Luther King Jr. \
spoke in Washington in 1963, and Martin Luther King is remembered there every January.
"""


def test_a_generational_suffix_on_one_name_with_another_first_name_is_another_person() -> None:
    found = aliases_of(GENERATIONS)
    # One side's "III" and an initial against a name written out: the grandfather.
    assert found["J. Paul Getty"] is not found["John Paul Getty III"]
    assert not any("Sr" in a for a in found["Ken Griffey Jr."].aliases)  # both suffixed
    # The first name written alike, a suffix left out is the same man's.
    assert found["Martin Luther King"] is found["Martin Luther King Jr."]


LEGISLATURE = """Texas bill passes

The Texas Senate passed the abortion bill on Tuesday. Texas sued the federal government \
in March, and Texas won the case. The Senate adjourned after midnight. Lawmakers in Texas \
said they would return. The Indianapolis Colts beat Texas later. Indianapolis scored twice, \
and the Colts won.
"""


def test_a_place_acting_is_not_the_chamber_it_makes_its_laws_in() -> None:
    # "Texas sued ... Texas won": the state acts, but is more than its Senate.
    found = aliases_of(LEGISLATURE)
    assert found["Texas"] is not found["Texas Senate"]
    assert found["Senate"] is found["Texas Senate"]
    # A team named after its city still goes by the city acting.
    assert found["Indianapolis"] is found["Indianapolis Colts"]


PSEUDONYM = """Kidnap recalled

John Paul Getty III was kidnapped in Rome in 1973. His captors cut off his ear and sent \
it to a newspaper. A former guard, "John", told the BBC he was paid to watch the boy. \
"John" said the boy never cried.
"""


def test_a_first_name_in_quote_marks_is_a_pseudonym_and_joins_no_one() -> None:
    found = aliases_of(PSEUDONYM)
    assert found["John"] is not found["John Paul Getty III"]
    # Unquoted, the lone first name is the one person of it, as before.
    plain = aliases_of(PSEUDONYM.replace('"John"', "John"))
    assert plain["John"] is plain["John Paul Getty III"]


COUPLE = """Flood couple

Gary Wilson and Jane Wilson lost their home in the flood. Gary said the water rose fast. \
Gary wants to rebuild, and Gary will start on Monday. Gary called the insurers. Mrs \
Wilson said she was grateful to the neighbours. Jane Wilson said she would stay with her sister.
"""


def test_mrs_and_a_surname_is_the_woman_of_it_the_story_shows_not_a_man_it_does_not() -> None:
    found = aliases_of(COUPLE)
    assert found["Mrs Wilson"] is found["Jane Wilson"]
    assert found["Mrs Wilson"] is not found["Gary Wilson"]
