"""The verbs of speech in every written form, shared by the cleaner and the analysis."""

from __future__ import annotations

import pytest

from storybrief.nlp import speech
from storybrief.nlp.speech import QUOTE_VERBS, SPEECH_VERBS, written_forms


def test_regular_forms_follow_english_spelling() -> None:
    forms = written_forms(["confirm", "note", "deny", "echo", "testify"])
    assert {"confirms", "confirmed", "confirming"} <= forms
    assert {"notes", "noted", "noting"} <= forms
    assert {"denies", "denied", "denying"} <= forms
    assert {"echoes", "echoed", "echoing"} <= forms
    assert {"testifies", "testified"} <= forms


def test_irregular_forms_are_read_from_the_model_tables() -> None:
    forms = written_forms(["say", "tell", "write", "speak", "quip"])
    assert {"said", "told", "wrote", "written", "spoke", "spoken", "quipped"} <= forms


def test_only_the_given_verbs_forms_are_made() -> None:
    assert "sang" not in written_forms(QUOTE_VERBS)
    assert written_forms([]) == frozenset()


def test_every_speech_verb_attributes_a_quote() -> None:
    assert SPEECH_VERBS <= QUOTE_VERBS


def test_a_missing_model_is_an_error_not_a_shorter_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the model's tables "said" would silently stop marking a lead-in."""
    monkeypatch.setattr(speech, "SPACY_MODEL", "no_such_spacy_model")
    speech._irregular.cache_clear()
    try:
        with pytest.raises(ModuleNotFoundError, match="not installed"):
            speech._irregular()
    finally:
        speech._irregular.cache_clear()
