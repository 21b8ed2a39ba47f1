"""What a debunk word is said of, and what it names (fifteenth session).

Sentences and stories written for these tests (no dataset text): a debunk word after "as"
is said of the object of the verb "as" hangs on ("rate the photograph as a likely fake",
"termed the reports as false"), not of anything else; a preposition spelt as a verb
("regarding") names nothing called untrue.
"""

from __future__ import annotations

import pytest

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
