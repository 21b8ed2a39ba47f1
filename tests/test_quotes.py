"""Quote speakers on small hand-written stories, one per way a speaker goes wrong.

Each story reproduces a failure seen on unseen news clusters: a name inside
the quotation marks taken for its speaker, a pronoun resolved to the person
the quote is about, an attribution in the sentence before or after the
quote, a tweet's handle next to its author's name, a quote that runs on into
the next paragraph, and a pronoun with no clear antecedent, which must give
no speaker rather than a wrong one.
"""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.models import Quote


def quotes_of(body: str) -> list[Quote]:
    """The quotes of a one-article story with ``body`` under a neutral title."""
    raw = f"Actors trade words over misconduct remarks\n\n{body}"
    return run(StoryContext.from_texts(raw), "quotes")


def speaker(quotes: list[Quote], words: str) -> str | None:
    """The speaker of the one quote containing ``words``."""
    found = [q for q in quotes if any(words in v for v in q.variants)]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0].speaker


@pytest.fixture(scope="module")
def interview() -> list[Quote]:
    return quotes_of(
        "The actress Laura Bennett criticised remarks made by Peter Hale on Friday.\n\n"
        "Hale said in an interview that some kinds of misconduct were worse than others. "
        "He added that the industry was at a turning point.\n\n"
        "Bennett said that she had stayed silent for weeks. "
        "She was now ready to respond to him.\n\n"
        "\u201cI don\u2019t understand why Peter would defend Tom Walsh,\u201d she said.\n\n"
        "Bennett argued that men should not rank the harm done to women.\n\n"
        "\u201cI felt that what Peter Hale was saying was a dangerous idea for all of us,\u201d"
        " she said.\n\n"
        "\u201cThere is no ranking of abuse, and there never should be one.\u201d\n\n"
        "Walsh, a comedian, was accused of misconduct by five women last month. "
        "The comedian was suspended by his network. "
        "In response, he said \u201cthese stories are all true\u201d but did not apologise."
    )


def test_the_person_a_quote_is_about_is_not_its_speaker(interview: list[Quote]) -> None:
    assert speaker(interview, "why Peter would defend Tom Walsh") == "Laura Bennett"


def test_a_name_inside_the_quote_is_not_its_speaker(interview: list[Quote]) -> None:
    assert speaker(interview, "was a dangerous idea") == "Laura Bennett"


def test_a_quote_opening_the_next_paragraph_continues(interview: list[Quote]) -> None:
    assert speaker(interview, "There is no ranking of abuse") == "Laura Bennett"


def test_an_ambiguous_pronoun_gives_no_speaker(interview: list[Quote]) -> None:
    # "he" could be the comedian, named only by role nearer than any name.
    assert speaker(interview, "these stories are all true") is None


def test_a_counselor_quote_is_not_credited_to_the_boy_she_describes() -> None:
    quotes = quotes_of(
        "Karen Diaz, a counselor at the elementary school, described the boy as a kind soul.\n\n"
        "\u201cDaniel was a ball of energy and could talk to anyone he met,\u201d she said.\n\n"
        "\u201cHe had a great sense of humor and he will be truly missed.\u201d"
    )
    assert speaker(quotes, "Daniel was a ball of energy") == "Karen Diaz"
    assert speaker(quotes, "great sense of humor") == "Karen Diaz"


def test_speaker_in_the_sentence_after_or_before_the_quote() -> None:
    quotes = quotes_of(
        "A witness, Jeff Miller, saw the shooting from his window.\n\n"
        "\u201cHe then just kept on asking the driver whether he was hurt.\u201d Miller said.\n\n"
        "The actress Susan Porter responded on Saturday. Porter told the Guardian:\n\n"
        "\u201cI felt I desperately needed to say something about all of this.\u201d"
    )
    assert speaker(quotes, "kept on asking the driver") == "Jeff Miller"
    assert speaker(quotes, "desperately needed to say something") == "Susan Porter"


def test_a_tweet_handle_is_not_the_speaker() -> None:
    quotes = quotes_of(
        "The actress Anna Clarke joined the criticism online on Friday.\n\n"
        "Men reveal themselves to be utterly tone deaf on this issue \u2014 "
        "Anna Clarke (@annaclarke) December 15, 2017\n\n"
        "\u201cMen reveal themselves to be utterly tone deaf on this issue,\u201d she wrote."
    )
    assert speaker(quotes, "utterly tone deaf") == "Anna Clarke"


def test_a_gendered_title_is_not_the_person_of_the_other_gender() -> None:
    # "Mrs. Petrov" shares the surname of the president the story is about, not his
    # quotes: she is named as the text names her.
    quotes = quotes_of(
        "President Boris Petrov has suffered minor burns on his right hand. "
        "He said he would keep working.\n\n"
        "\u201cI can\u2019t even sneeze without rumours,\u201d Petrov said.\n\n"
        "Mrs. Petrov told a weekly newspaper that she hesitated to give interviews.\n\n"
        "\u201cThe doctors say now that everything is more or less normal,\u201d Mrs. Petrov said."
        "\n\n\u201cPeople expected a miracle from him,\u201d she added."
    )
    assert speaker(quotes, "even sneeze") == "Boris Petrov"
    assert speaker(quotes, "more or less normal") == "Mrs. Petrov"
    assert speaker(quotes, "expected a miracle") == "Mrs. Petrov"
