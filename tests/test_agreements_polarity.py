"""A unit's polarity is its own clause's (``agreements._negated``): a negation does not
reach across a semicolon or into a conjunct with its own subject, and "has yet to" says
a thing has not happened, as a verb denying its complement does ("refused to sign")."""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.analyze.agreements import _units

STORY = """Soda tax

Shoppers in the city are not fooled; grocers like Safeway have put up notices sending buyers \
to stores past the county line. The mayor has yet to sign the repeal of the beverage levy. \
The mayor has not signed the repeal of the beverage levy. The mayor has not yet decided \
whether to sign the repeal of the levy. The council passed the budget on Monday but the \
mayor did not sign it. The governor refused to release the audit of the levy. The \
governor refused the audit of the levy. The mayor did not refuse to sign the repeal of the \
levy. Sales of soda declined sharply after the levy.
"""


def polarity() -> dict[str, list[tuple[str, bool]]]:
    story = StoryContext.from_texts(STORY)
    run(story, "entities")
    found: dict[str, list[tuple[str, bool]]] = {}
    for unit in _units(story, story.names):
        found.setdefault(unit.sentence.id, []).append((unit.text, unit.negated))
    return found


def test_a_negation_ends_at_a_semicolon() -> None:
    units = polarity()["t0:0"]
    notices = [negated for text, negated in units if "notices" in text]
    fooled = [negated for text, negated in units if text.startswith("Shoppers")]
    # the posting clause, and the sentence whole (its main clause), assert
    assert notices and not any(notices)
    # the clause before the semicolon is a unit of its own, and keeps its "not"
    assert fooled == [True, False]  # itself, then the sentence whole


def test_a_conjunct_with_its_own_subject_keeps_its_negation_to_itself() -> None:
    units = dict(polarity()["t0:4"])
    assert units["The council passed the budget on Monday but"] is False
    assert units["the mayor did not sign it."] is True
    # the sentence whole reads as its main clause: the passing, asserted
    whole = "The council passed the budget on Monday but the mayor did not sign it."
    assert units[whole] is False


def test_has_yet_to_denies_as_has_not_does() -> None:
    found = polarity()
    yet = [negated for text, negated in found["t0:1"] if "sign" in text]
    plain = [negated for text, negated in found["t0:2"] if "sign" in text]
    assert yet and all(yet)
    assert plain and all(plain)


def test_not_yet_decided_whether_to_is_one_negation() -> None:
    units = polarity()["t0:3"]
    assert units and all(negated for _, negated in units)


def test_refused_to_denies_its_complement_and_is_no_word_of_the_fact() -> None:
    found = polarity()
    refused = [negated for text, negated in found["t0:5"] if "release" in text]
    assert refused and all(refused)
    story = StoryContext.from_texts(STORY)
    run(story, "entities")
    unit = next(u for u in _units(story, story.names) if u.sentence.id == "t0:5")
    assert "refuse" not in unit.lemmas and "release" in unit.lemmas


def test_refused_a_thing_or_declined_alone_asserts() -> None:
    found = polarity()
    assert [negated for _, negated in found["t0:6"]] == [False]
    assert [negated for _, negated in found["t0:8"]] == [False]


def test_not_refusing_to_sign_asserts() -> None:
    units = polarity()["t0:7"]
    assert units and not any(negated for _, negated in units)
