"""Stories too small or too odd to find much in: every analysis runs on them
without a warning, and finds what there is.

Each story was a failure: an analysis raised (its part of the brief was lost,
named in ``warnings``) where it should have found little or nothing.
"""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, analyze
from storybrief.models import Brief

# numpy's warnings on empty arrays ("Mean of empty slice") are failures too:
# the error boundary would report them.
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

FIRE = (
    "Fire in Dayton\n\nA six-year-old boy died when fire swept through his family's home in "
    "Dayton, officials said. His mother and sister escaped through a window. "
    "The cause is under investigation."
)


def findings_of(*texts: str) -> tuple[StoryContext, Brief]:
    ctx = StoryContext.from_texts(*texts)
    findings = analyze(ctx)
    assert findings.warnings == []
    return ctx, findings


def test_an_article_of_one_short_sentence() -> None:
    # No clause of it states a fact: there was nothing to cluster (argmax of
    # an empty sequence).
    ctx, findings = findings_of("Mayor of Dayton resigns\n\nHe quit.")
    assert [s.text for s in ctx.sentences] == ["He quit."]
    assert findings.agreements == []


def test_an_article_of_one_word() -> None:
    ctx, findings = findings_of("Breaking\n\nWow.")
    assert [s.text for s in ctx.sentences] == ["Wow."]
    assert findings.agreements == findings.quotes == findings.entities == []


def test_a_story_whose_only_article_has_no_clause() -> None:
    # Three sentences, none with words enough to state a fact.
    ctx, findings = findings_of(
        "Dayton fire: the latest\n\nFirefighters on scene. Police, too. More to follow."
    )
    assert len(ctx.sentences) == 3
    assert findings.agreements == []


def test_a_story_with_no_usable_article() -> None:
    # Cleaning leaves nothing of the text: the story has no article at all.
    ctx, findings = findings_of("Storm\n\nDevastating")
    assert ctx.articles == []
    assert findings == Brief(articles=[])


def test_a_quote_mark_inside_markup() -> None:
    # A plain text keeps a tweet embed's tags: the marks of id="1" sit inside
    # one token, so no token starts inside that quote (IndexError in
    # _passage_speaker), and the quote after it opens inside a token too.
    _, findings = findings_of(
        'Mayor on Twitter\n\n<tweet id="1">"We will rebuild this city together," '
        "Mayor Jane Doe said.</tweet> The fire destroyed forty homes."
    )
    assert [q.text for q in findings.quotes] == ["We will rebuild this city together,"]


def test_a_story_whose_every_sentence_is_a_quote() -> None:
    _, findings = findings_of(
        'Mayor vows to rebuild\n\n"We will rebuild this city together," said Mayor Jane Doe.'
        '\n\n"Nobody will be left without a home."\n\n"The state has promised us help," Doe said.'
    )
    assert [(q.speaker, q.text) for q in findings.quotes] == [
        ("Jane Doe", "We will rebuild this city together,"),
        ("Jane Doe", "Nobody will be left without a home."),
        ("Jane Doe", "The state has promised us help,"),
    ]


def test_twenty_identical_articles() -> None:
    # Each is a copy of another: every fact is carried by all twenty, and by
    # one independent source.
    _, findings = findings_of(*[FIRE] * 20)
    assert len(findings.syndication) == 20 * 19 // 2
    assert len(findings.agreements) == 3
    for agreement in findings.agreements:
        assert len(agreement.sources) == 20
        assert len(agreement.independent_sources) == 1
