"""Entities on small hand-written stories: titles, untagged short forms, acronyms."""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.entities import _clean_span
from storybrief.models import Entity
from storybrief.settings import EntitySettings, Settings


def entities_of(*texts: str) -> dict[str, Entity]:
    """The entities of a story told by ``texts`` (title, blank line, body), by each alias."""
    entities = run(StoryContext.from_texts(*texts), "entities").entities
    return {alias: e for e in entities for alias in e.aliases}


TITLES = """Iran weighs help for Iraq

Mr Rouhani said Iran would not send troops. President Hassan Rouhani spoke in Tehran on \
Saturday. US President Barack Obama said the US would not send troops either.

"He may have gone south," said Maj. Glenn Hall of the state police. Glenn Hall said the \
search would go on. First-grade teacher Shanda Ince spoke to reporters. Ince called the boy \
"the kindest-hearted little boy."
"""


@pytest.fixture(scope="module")
def titled() -> dict[str, Entity]:
    return entities_of(TITLES)


@pytest.mark.parametrize(
    ("alias", "person"),
    [
        ("Mr Rouhani", "Hassan Rouhani"),  # the model takes this "Rouhani" for a people
        ("US President Barack Obama", "Barack Obama"),
        ("Maj. Glenn Hall", "Glenn Hall"),
        ("Ince", "Shanda Ince"),  # tagged as no name at all
    ],
)
def test_titled_and_untagged_forms_join_the_person(
    titled: dict[str, Entity], alias: str, person: str
) -> None:
    assert titled[alias].name == person
    assert titled[alias].type == "PERSON"


LONGER_NAMES = """Police chief arrested

Broward Sheriff Scott Israel said the chief was arrested on Friday. The sting was run by the \
Broward Sheriff's Office. Hamas spokesman Sami Abu Zuhri rejected the offer on Tuesday. "All the \
factions are united," Abu Zuhri said. Alfred Nobel endowed the prizes in his will. But the Nobel, \
awarded most every year since 1901, also shines a light on writers.
"""


def test_a_lone_surname_is_no_word_of_a_longer_name() -> None:
    # The model takes "Broward Sheriff" for a person; "Sheriff" in "the Broward
    # Sheriff's Office" still ends the office's name, and "the Nobel" is the prize.
    found = entities_of(LONGER_NAMES)
    assert "Sheriff" not in found
    assert "Nobel" not in found
    assert found["Abu Zuhri"].name == "Sami Abu Zuhri"


SPOUSES = """Yeltsin's health

President Boris Yeltsin has suffered minor burns on his right hand. Yeltsin said he would go \
on working. Mrs. Yeltsin told a weekly that she hesitated to talk about her husband's health. \
Mr. Yeltsin flew to Tashkent on Sunday. Writer Lydia Syson said the book was done. Ms Syson \
thanked her editors.
"""


def test_a_gendered_title_joins_only_a_person_of_that_gender() -> None:
    # The pronouns Yeltsin binds ("he", "his") show a man: "Mrs. Yeltsin" is
    # another person, named with her title; "Mr." and "Ms" join the full names.
    found = entities_of(SPOUSES)
    assert found["Mrs. Yeltsin"].name == "Mrs. Yeltsin"
    assert found["Mr. Yeltsin"].name == "Boris Yeltsin"
    assert found["Ms Syson"].name == "Lydia Syson"


def test_the_country_of_a_title_stays_a_country(titled: dict[str, Entity]) -> None:
    assert titled["US"].name != "Barack Obama"


ISIS = """Insurgents advance

The Islamic State of Iraq and Syria (ISIS) has seized Mosul. On paper the army should be able \
to overcome the numerically inferior IS.
"""
SPACE = """Crew safe

The International Space Station crew was safe, officials said. The Israel Security Agency \
said it was watching the numerically inferior IS.
"""


def test_a_short_acronym_joins_its_longer_form() -> None:
    # Read as the verb "is" by the model; "ISIS" is written, and its expansion.
    found = entities_of(ISIS)
    assert found["IS"].name == found["ISIS"].name == "Islamic State of Iraq and Syria"


def test_a_short_acronym_is_no_prefix_of_names_never_abbreviated() -> None:
    # "IS" starts the initials of both, but the story writes neither "ISS" nor "ISA".
    found = entities_of(SPACE, ISIS)
    assert "IS" not in found["International Space Station"].aliases
    assert "IS" not in found["Israel Security Agency"].aliases


COMPANY = """IBM results

International Business Machines Corp. reported higher profits on Tuesday. IBM said sales of its \
servers rose.
"""


def test_an_acronym_may_leave_out_a_last_word() -> None:
    # "Corp." is in the name but not in its initials.
    found = entities_of(COMPANY)
    assert found["IBM"].name == "International Business Machines Corp."


AGENCY = """Toxin found

A forensic toxicologist told the Associated Press news agency that the agent stays on surfaces. \
AP writers in Jakarta contributed to this report. The Associated Press Stylebook was updated.
"""


def test_an_acronym_spells_a_name_without_the_common_nouns_after_it() -> None:
    # "The Associated Press Stylebook" ends in no common noun: its initials stay APS.
    found = entities_of(AGENCY)
    assert found["AP"].name == "Associated Press news agency"
    assert found["Associated Press Stylebook"].name == "Associated Press Stylebook"


INITIALS = """Korea talks

North Korean leader Kim Jong Un met envoys on Monday. The U.N. said sanctions would stay. \
O.J. Simpson was released on parole. O.J. told reporters he was happy.
"""


def test_initials_join_only_a_name_written_in_initials() -> None:
    found = entities_of(INITIALS)
    assert found["O.J."].name == "O.J. Simpson"
    assert found["U.N."].name != "Kim Jong Un"


# Merge families measured on ECB+ (bench/ecbplus.py), each on a story written here.

COMPANIES = """Chip maker results

Intel Corp. reported higher profits on Tuesday. Intel said its server sales rose. Shares of \
Microsoft Corporation fell, and Microsoft said it would cut jobs.
"""


def test_a_corporate_suffix_may_be_left_out() -> None:
    found = entities_of(COMPANIES)
    assert found["Intel"] is found["Intel Corp."]
    assert found["Microsoft"] is found["Microsoft Corporation"]
    assert found["Intel"] is not found["Microsoft"]


SURNAMES = """Sect leader on trial

Warren Jeffs went on trial on Monday. Jeffs told the court he was innocent, and Jeffs wept. \
His brother Lyle Jeffs was not in court. Prosecutors said Jeffs had led the sect for years. \
Warren Jeffs faces life in prison.
"""


def test_a_surname_alone_is_the_person_the_story_names_most() -> None:
    # Two people share the surname; the story names Warren twice as often as Lyle.
    found = entities_of(SURNAMES)
    assert found["Jeffs"].name == "Warren Jeffs"
    assert found["Lyle Jeffs"] is not found["Warren Jeffs"]


RELATIVES = """Family speaks

Kimani Gray was shot on Saturday. His sister Mahnefah Gray spoke to reporters. Gray said \
the family wanted answers.
"""


def test_a_surname_shared_by_people_named_as_often_joins_neither() -> None:
    found = entities_of(RELATIVES)
    assert found["Gray"] is not found["Kimani Gray"]
    assert found["Gray"] is not found["Mahnefah Gray"]


ACRONYMS = """Quake and phones

The U.S. Geological Survey said the quake struck at dawn. USGS scientists measured it. \
Phones made by Research In Motion worked; RIM shares rose. The agency in Upper Nile said \
the U.N. would send food. The Associated Press reported floods in Aceh province, AP said.
"""


def test_an_acronym_joins_the_name_whose_initials_it_writes() -> None:
    found = entities_of(ACRONYMS)
    assert found["USGS"] is found["U.S. Geological Survey"]
    assert found["RIM"] is found["Research In Motion"]
    assert found["AP"] is found["Associated Press"]


def test_an_acronym_joins_no_other_name_with_its_initials() -> None:
    # "U.N." stands for the United Nations, whatever else starts with U and N;
    # "province" is no word of Aceh's name.
    found = entities_of(ACRONYMS)
    assert found["U.N."] is not found["Upper Nile"]
    assert found["AP"] is not found["Aceh province"]


DEFINED = """Party banned

The Kurdistan Workers Party (PKK) was banned. The Kurdistan Workers' Party said it would \
appeal. PKK leaders met in the mountains.
"""


def test_a_defined_acronym_and_a_name_apart_by_an_apostrophe_join() -> None:
    found = entities_of(DEFINED)
    assert found["PKK"] is found["Kurdistan Workers Party"] is found["Kurdistan Workers' Party"]


SPELLINGS = """Mob boss dies

Vincent 'The Chin' Gigante died in prison. Frederick LaRue, a witness, said Fred LaRue was \
his cousin's name too. Gigante ran the family for decades. Officials in Turkmenistan and \
Turkeminstan, as one report spelled it, denied it. Al-Qaeda and al Qaeda were not involved.
"""


def test_spellings_of_one_name_join() -> None:
    found = entities_of(SPELLINGS)
    assert found["Gigante"].name == "Vincent 'The Chin' Gigante"
    assert found["Fred LaRue"] is found["Frederick LaRue"]
    assert found["Turkeminstan"] is found["Turkmenistan"]
    assert found["Al-Qaeda"] is found["al Qaeda"]


TEAMS = """Colts beat Jaguars

The Indianapolis Colts beat the Jacksonville Jaguars 24-14 on Sunday. Indianapolis scored \
twice in the first half, and Indianapolis held on. The Colts have won eight straight. The Jags \
lost their fourth game. The Jaguars play Baltimore next. The Boston Red Sox were idle, and \
the Sox open at home on Friday.
"""


def test_a_team_goes_by_its_name_without_its_city() -> None:
    found = entities_of(TEAMS)
    assert found["Colts"] is found["Indianapolis Colts"]
    assert found["Jaguars"] is found["Jacksonville Jaguars"] is found["Jags"]
    assert found["Sox"] is found["Boston Red Sox"]


def test_a_city_that_acts_is_its_team() -> None:
    # "Indianapolis scored ... held on": the city acts, as the team.
    found = entities_of(TEAMS)
    assert found["Indianapolis"] is found["Indianapolis Colts"]


PLACES = """Talks on the peninsula

North Korea and South Korea met on Tuesday. Officials from the North said Korea would be \
united one day. Lindsay Lohan entered the Betty Ford Clinic in Rancho Mirage on Thursday. \
The Betty Ford Clinic declined to comment.
"""


def test_places_of_one_last_word_stay_apart() -> None:
    found = entities_of(PLACES)
    assert found["North Korea"] is not found["South Korea"]
    assert found["Korea"] is not found["North Korea"]


def test_a_body_in_a_place_is_the_body() -> None:
    found = entities_of(PLACES)
    assert found["Betty Ford Clinic in Rancho Mirage"] is found["Betty Ford Clinic"]
    assert found["Rancho Mirage"] is not found["Betty Ford Clinic"]


UNTAGGED = """Browser flaw

Microsoft warned that Internet Explorer had a flaw. Users of Internet Explorer should update, \
the company said. The District Attorney said nothing.
"""


def test_a_name_written_as_one_is_listed_though_the_model_tags_none() -> None:
    found = entities_of(UNTAGGED)
    assert "Internet Explorer" in found
    assert "District Attorney" not in found  # a title alone names no one


def test_how_much_more_a_person_is_named_is_a_setting() -> None:
    settings = Settings(entities=EntitySettings(dominance=10.0))
    entities = run(StoryContext.from_texts(SURNAMES, settings=settings), "entities").entities
    found = {alias: e for e in entities for alias in e.aliases}
    assert found["Jeffs"] is not found["Warren Jeffs"]


ROLES = """Trooper killed in crash

Trooper William Hakim died on Tuesday when his cruiser was hit. State police said William \
Hakim had served for 12 years.
"""


def test_a_role_the_model_takes_into_a_name_is_no_part_of_it() -> None:
    # "Trooper" is a role, not a first name: the name is the person's, the alias keeps it.
    found = entities_of(ROLES)
    assert found["Trooper William Hakim"].name == "William Hakim"
    assert found["William Hakim"] is found["Trooper William Hakim"]


WIFE = """Killer's wife waits

Gloria Chapman said she would wait. Her husband Mark told her of his plan. "I was now \
Mrs Mark David Chapman, the wife of a murderer," Gloria Chapman said. Chapman was jailed, \
and he has been denied parole ten times. Chapman said he was sorry.
"""

HILLARY = """Clinton runs

Hillary Clinton said she would run for president. Mrs Hillary Clinton spoke in Iowa on \
Monday. Clinton said she was ready.
"""


def test_mrs_before_a_full_name_is_that_name_only_for_a_woman() -> None:
    # The husband's full name after "Mrs" is his wife: no alias of his, and the
    # story shows no woman of that name; a surname whose pronouns tell a man joins
    # no woman.
    found = entities_of(WIFE)
    assert found["Mrs Mark David Chapman"].aliases == ["Mrs Mark David Chapman"]
    assert "Mark David Chapman" not in found
    assert found["Chapman"] is not found["Gloria Chapman"]
    # A woman's own full name after "Mrs" is hers; her name is the one without it.
    found = entities_of(HILLARY)
    assert found["Mrs Hillary Clinton"] is found["Hillary Clinton"] is found["Clinton"]
    assert found["Clinton"].name == "Hillary Clinton"


def test_a_name_the_model_cuts_after_a_function_word_is_mended() -> None:
    story = StoryContext.from_texts(
        "Relic found\n\nPilgrims visited the grave of St. John the Theologian in Ephesus. "
        "They walked by Bank of the river.\n"
    )
    saint, bank = (d for d in story.docs.values() if "Pilgrims" in d.text or "Bank" in d.text)
    # Run on over the proper nouns after it, else no name.
    assert saint[slice(*_clean_span(saint, 5, 8))].text == "St. John the Theologian"
    assert bank[slice(*_clean_span(bank, 3, 5))].text == ""
    assert bank[slice(*_clean_span(bank, 3, 4))].text == "Bank"


def test_an_officer_s_title_the_model_runs_a_body_s_name_into_is_his() -> None:
    found = entities_of(
        "Road closed\n\nMarion Police Sgt. Dana Ruiz said the road was closed. A statement "
        "from the Office of the President said he would not travel.\n"
    )
    assert "Marion Police" in found
    assert "Marion Police Sgt" not in found
    assert found["Sgt. Dana Ruiz"].name == "Dana Ruiz"
    # Not before a name: the title is the body's own.
    assert "Office of the President" in found


def test_a_role_left_alone_by_an_officer_s_title_is_no_name() -> None:
    # "Detective Sgt." less its title would be "Detective", which joins any detective.
    found = entities_of(
        "Hearing held\n\nThe first witness, Detective Gardner, handled the dog. The second "
        "witness was Detective Sgt. Mooney. Detective Gardner said the dog found a scent.\n"
    )
    assert "Detective" not in found


CLINIC = """Actress in rehab

Lindsay Lohan checked into Betty Ford on Thursday. She will stay at Betty Ford for 90 days, \
her lawyer said. The Betty Ford Center declined to comment. John Glenn spoke at the \
John Glenn Center on Friday.
"""


def test_a_person_named_only_as_a_place_is_the_body_named_after_them() -> None:
    # "into Betty Ford": the model's person, who never acts, is the Betty Ford Center;
    # John Glenn, who acts, stays apart from the John Glenn Center.
    found = entities_of(CLINIC)
    assert found["Betty Ford"] is found["Betty Ford Center"]
    assert found["John Glenn"] is not found["John Glenn Center"]


CUT_NAMES = """Colts clinch

The Chiefs lost to a fourth quarter Indianapolis Colt stampede. Telecom Egypt said the cable \
was cut near Alexandria. Egypt lost most of its internet traffic.
"""


def test_a_name_the_model_cuts_after_a_place_is_listed_whole() -> None:
    # The model tags "Indianapolis" and "Colt" apart: "Indianapolis Colt" is Colt's alias.
    # A place after a name is that name's own ("Telecom Egypt", tagged as two places).
    found = entities_of(CUT_NAMES)
    assert found["Indianapolis Colt"] is found["Colt"]
    assert "Telecom Egypt" not in found["Egypt"].aliases
