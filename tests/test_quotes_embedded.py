"""Short quotes inside the writer's sentence, and speakers found where the parse or the
layout hides them; on small hand-written stories (PolNeAR-style political copy)."""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.models import Quote


def quotes_of(body: str) -> list[Quote]:
    raw = f"Candidates trade barbs before the debate\n\n{body}"
    return run(StoryContext.from_texts(raw), "quotes")


def by_text(quotes: list[Quote]) -> dict[str, str | None]:
    return {q.text.strip(' ,.\u201c\u201d"'): q.speaker for q in quotes}


def test_a_short_quote_a_named_speaker_uses_is_reported_with_its_speaker() -> None:
    found = by_text(
        quotes_of(
            "Senator Maria Lopez called the tax plan \u201cdisgusting\u201d on Tuesday.\n\n"
            "Governor Tom Reed said the budget was \u201cin good shape\u201d after the vote."
        )
    )
    assert found == {"disgusting": "Maria Lopez", "in good shape": "Tom Reed"}


def test_a_scare_quote_with_no_speaker_is_not_a_quote() -> None:
    found = quotes_of(
        "The so-called \u201cgolden week\u201d of early voting begins in Ohio on Monday.\n\n"
        "Polls open at seven in the morning across the state."
    )
    assert found == []


def test_a_short_statement_opening_its_sentence_still_needs_min_words() -> None:
    # "We will win," Reed said: a whole statement, short ones stay out as before.
    assert quotes_of("\u201cWe will win,\u201d Governor Tom Reed said on Friday.") == []


def test_the_named_subject_of_the_verb_a_quote_hangs_on_speaks_it() -> None:
    found = by_text(
        quotes_of("Clinton opposes \u201cacross-the-board arbitrary pay freezes\u201d for workers.")
    )
    assert found == {"across-the-board arbitrary pay freezes": "Clinton"}


def test_a_statement_after_the_writer_s_sentence_naming_its_speaker() -> None:
    found = by_text(
        quotes_of(
            "Hillary Clinton touted her record on labor rights in Ohio. "
            "\u201cWe need to find ways to support workers who want a union.\u201d"
        )
    )
    assert found == {"We need to find ways to support workers who want a union": "Hillary Clinton"}


def test_a_thing_as_subject_does_not_speak_the_quote() -> None:
    # "The bill" is no speaker: only a named subject is taken without a speech verb.
    found = by_text(
        quotes_of("The bill requires \u201cappropriate pay raises for all staff\u201d.")
    )
    assert found == {"appropriate pay raises for all staff": None}


def test_a_body_or_a_document_speaks_but_a_thing_does_not() -> None:
    found = by_text(
        quotes_of(
            "The complaint alleged that the party \u201cfailed to protect its voter data\u201d.\n\n"
            "The governor's office put out a statement saying the state \u201cdoes not have the "
            "capacity to vet every refugee\u201d.\n\n"
            "The gun issue remains \u201cthe defining fight of this race\u201d for many voters."
        )
    )
    assert found == {
        "failed to protect its voter data": "The complaint",
        "does not have the capacity to vet every refugee": "The governor's office",
        "the defining fight of this race": None,
    }
