"""What a debunking outlet's side is not: a refusal ("denied the embassy's requests to fly
the flag"), a debunk word said of claims filed for a benefit ("bogus asylum claims") or of
claims its subject makes ("the senator made false claims", a judgement of their maker) call
no report untrue. Small texts written for these tests (no dataset text); each rule is set
beside a control that still calls a report untrue, so the rule cannot pass by calling nothing.
"""

from __future__ import annotations

from storybrief.analyze import StoryContext
from storybrief.analyze.conflicts import debunk
from storybrief.analyze.context import nlp

REFUSAL = (
    "Ministry refuses flag\n\n"
    "The foreign ministry denied the embassy's requests to fly the harbour flag in June. "
    "Officials said the rule applies to every embassy."
)
DENIAL = (
    "Ministry rejects report\n\n"
    "The foreign ministry denied reports that the embassy had flown the harbour flag in June. "
    "Officials said the rule applies to every embassy."
)


def calls_untrue(text: str) -> bool:
    return debunk.calls_untrue(nlp()(text))


def test_a_debunk_word_on_claims_filed_for_a_benefit_calls_nothing_untrue() -> None:
    assert not calls_untrue("The court will hear his crackdown on bogus asylum claims.")
    assert not calls_untrue("Investigators found false insurance claims worth millions.")
    # A claim of something told stays a report called untrue.
    assert calls_untrue("Officials said the bogus abuse claims spread online.")
    assert calls_untrue("The ministry said the claims were false.")


def test_a_debunk_word_on_claims_its_subject_makes_calls_nothing_untrue() -> None:
    assert not calls_untrue("The senator made several false claims about the harbour vote.")
    assert not calls_untrue("The mayor keeps repeating the same baseless claim.")
    # Claims said to be false by someone else stay reports called untrue.
    assert calls_untrue("The senator said claims about the harbour vote were false.")


def test_an_opening_refusal_is_no_debunking_side() -> None:
    ctx = StoryContext.from_texts(REFUSAL, DENIAL)
    refusal, denial = ctx.articles
    assert debunk.debunk_sentence(ctx, refusal) is None
    side = debunk.debunk_sentence(ctx, denial)
    assert side is not None and "denied reports" in side.text


def test_a_passive_refusal_is_no_debunking_side() -> None:
    passive = REFUSAL.replace(
        "The foreign ministry denied the embassy's requests to fly the harbour flag in June.",
        "The embassy's request to fly the harbour flag in June was denied by the ministry.",
    )
    ctx = StoryContext.from_texts(passive)
    assert debunk.debunk_sentence(ctx, ctx.articles[0]) is None
