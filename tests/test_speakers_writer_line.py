"""A writer's line before a statement, and statements left without a speaker: a participle
the parser made the subject of the quoted words, a title quoted in the sentence naming the
speaker; on small hand-written stories."""

from __future__ import annotations

from test_quotes_speakers import speakers_of

STATEMENT = "We are going to keep fighting for the working families of this country"


def test_a_participle_before_the_quoted_words_takes_the_clause_subject() -> None:
    found = speakers_of(
        "The band announced a benefit concert for the senator.\n\n"
        "Band member Flea shared the news on social media last week, writing "
        "\u201cFeels great to support someone I believe in. The band offered to pay for "
        "the theater that night.\u201d"
    )
    assert list(found.values()) == ["Flea"]


def test_a_title_in_the_sentence_after_a_statement_leaves_it_the_statement_s() -> None:
    found = speakers_of(
        "The host asked about running mates.\n\n"
        f"\u201c{STATEMENT}.\u201d\n\n"
        "\u201cI am not sure the actor is available, but we will see about that, right?\u201d "
        "Clinton remarked, alluding to the actor's latest turn in \u201cThe Revenant.\u201d"
    )
    assert found["I am not sure the actor is available, but we will see about that, right?"] == (
        "Clinton"
    )
