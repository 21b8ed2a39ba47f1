"""What a debunk is said of, and which report sentence answers it (fifteenth session).

Sentences and stories written for these tests (no dataset text): a debunk word after "as"
is said of the object of the verb "as" hangs on ("rate the photograph as a likely fake",
"termed the reports as false"), not of anything else; a preposition spelt as a verb
("regarding") names nothing called untrue; and a report's side is its lead sentence most
like the debunk among those about the same matter, not the closest one when that one is
about something else.
"""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.conflicts import debunk
from storybrief.analyze.context import nlp

PREDICATED = [
    ("We have to rate the Saltmarsh photograph as a likely fake.", "Saltmarsh"),
    ('The airline\'s spokesman termed the reports as "false" and "misleading."', ""),
    ("The claims were dismissed as false by the harbour master.", ""),
]
NOT_PREDICATED = [
    # Said of no report: an attack called fake is not a story called untrue.
    "The minister described the attack as fake.",
    # No cue after "as".
    "Experts described the report as a detailed account.",
    # Negated.
    "The company regards the report as accurate and not false.",
]


@pytest.mark.parametrize(("text", "named"), PREDICATED)
def test_a_cue_after_as_calls_the_verbs_object_untrue(text: str, named: str) -> None:
    doc = nlp()(text)
    assert debunk.calls_untrue(doc)
    said = debunk.called_untrue(doc)
    assert named in said and "as" not in said.split()


@pytest.mark.parametrize("text", NOT_PREDICATED)
def test_a_cue_after_as_said_of_no_report_calls_nothing_untrue(text: str) -> None:
    assert not debunk.calls_untrue(nlp()(text))


def test_a_preposition_spelt_as_a_verb_names_nothing_called_untrue() -> None:
    doc = nlp()("Her lawyers say the statements regarding the photo are completely false.")
    assert debunk.calls_untrue(doc)
    assert "regarding" not in debunk.called_untrue(doc)


REPORT = (
    "Crab seen off the coast\n\n"
    "Crabs that people eat are usually only six inches across. "
    "An aerial image taken over Saltmarsh Bay captured a massive crab. "
    "It has been shared thousands of times online."
)
DEBUNK = (
    "Crab photo branded a hoax\n\n"
    "A crab photo from Saltmarsh Bay has spread online this week. "
    "A marine biologist has branded the photo a hoax."
)


def test_a_report_is_answered_by_its_lead_sentence_on_the_same_matter(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ctx = StoryContext.from_texts(REPORT, DEBUNK)
    run(ctx, "conflicts")  # the analyses the detector reads (the story's names)

    # The sentence on another matter is made the closest to the debunk, below the cosine
    # that would make it one matter on its own.
    def similarity(one: object, other: object) -> float:
        return 0.2 if any("six inches" in s.text for s in (one, other)) else 0.1

    monkeypatch.setattr(ctx, "similarity", similarity)
    found = debunk.detect(ctx)
    assert len(found) == 1, [c.topic for c in found]
    sides = {c.source: c.text for c in found[0].claims}
    assert "Saltmarsh Bay captured a massive crab" in sides["t0"]
    assert "hoax" in sides["t1"]
