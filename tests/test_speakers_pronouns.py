"""A pronoun speaker's antecedent: a subject that is a role with the person's name set beside
it, and the gender a name is given; on small hand-written stories."""

from __future__ import annotations

from test_quotes_speakers import speakers_of

QUOTE = "We will keep fighting for the working families of this country, whatever it takes"


def test_a_role_subject_with_a_name_beside_it_is_the_antecedent() -> None:
    found = speakers_of(
        "Tom Brown spoke at the rally on Monday.\n\n"
        "Her chief rival, Sen. Mary Stone of Vermont, was the only candidate who skipped "
        f"the meeting.\n\n\u201c{QUOTE},\u201d she said."
    )
    assert found[QUOTE] == "Mary Stone"


def test_a_pronoun_after_a_name_inside_reported_speech_gives_it_no_gender() -> None:
    found = speakers_of(
        "Tom Brown said Mary Stone would win the state easily. He called the race over.\n\n"
        "Tom Brown also said Stone would carry the county. He expects a large turnout.\n\n"
        "Stone toured the county fair on Monday with her staff.\n\n"
        f"\u201c{QUOTE},\u201d she said."
    )
    assert found[QUOTE] == "Mary Stone"
