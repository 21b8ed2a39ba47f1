"""Rebuttals: one party's account answered, in the next sentence, by another party's contrary
one ("However, X said ...", "In response, Y maintained ...").

Small stories written for these tests (no dataset text): each rebuttal shape
is paired with the same sentences without what makes it one (no answering
opening, one party on both sides, a plain "said" that tells no contrary
account, a question), which is no conflict.
"""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.analyze.conflicts import disputed_sentences, rebuttal


def _rebuttals(*sentences: str) -> list[list[str]]:
    """The rebuttal conflicts of a one-article story made of ``sentences``, as their claims'
    texts."""
    ctx = StoryContext.from_texts("Ferry route row\n\n" + " ".join(sentences), "Other\n\nNothing.")
    run(ctx, "conflicts")
    return [[c.text for c in conflict.claims] for conflict in rebuttal.detect(ctx)]


CHARGE = "Local fishermen have accused the harbour board of ignoring the damaged pier."
MAINTAINED = "In response, harbour officials maintained that the pier had been repaired in May."
PERMIT = "The Danish ministry said the ferry company did not have a licence to sail on Sundays."
APPROVED = (
    "However, Norway's maritime authority said the ferry company had been licensed to sail daily."
)


def test_a_rebuttal_verb_answering_another_party_is_a_conflict() -> None:
    found = _rebuttals(CHARGE, MAINTAINED)
    assert found == [[CHARGE, MAINTAINED]]


def test_a_said_with_the_other_polarity_on_the_same_matter_is_a_conflict() -> None:
    found = _rebuttals(PERMIT, APPROVED)
    assert found == [[PERMIT, APPROVED]]


def test_no_answering_opening_is_no_rebuttal() -> None:
    assert _rebuttals(CHARGE, MAINTAINED.removeprefix("In response, ").capitalize()) == []


def test_one_party_on_both_sides_is_no_rebuttal() -> None:
    same = "However, the Danish ministry said the ferry company had been licensed to sail daily."
    assert _rebuttals(PERMIT, same) == []


def test_a_plain_said_telling_no_contrary_account_is_no_rebuttal() -> None:
    # Same polarity: the authority adds to the ministry's account, it does not answer it.
    adding = "However, Norway's maritime authority said the ferry company did not have a crew."
    assert _rebuttals(PERMIT, adding) == []


def test_a_question_is_no_rebuttal() -> None:
    asking = "But did harbour officials maintain that the pier had been repaired in May?"
    assert _rebuttals(CHARGE, asking) == []


def test_an_update_or_a_supposition_is_no_rebuttal() -> None:
    earlier = (
        "However, Norway's maritime authority said the ferry company had previously been licensed."
    )
    assert _rebuttals(PERMIT, earlier) == []
    supposing = "But if the pier had been repaired, harbour officials maintained, it would be open."
    assert _rebuttals(CHARGE, supposing) == []


def test_a_party_pointed_back_to_or_named_again_is_no_other_party() -> None:
    pointing = "However, the authority said the ferry company had been licensed to sail daily."
    assert _rebuttals(PERMIT, pointing) == []
    again = (
        "But the Danish ministry and Norway's maritime authority said it had been licensed daily."
    )
    assert _rebuttals(PERMIT, again) == []


def test_a_clash_of_views_on_what_ought_to_be_is_no_rebuttal() -> None:
    # Neither "should" is true or false: the two parties disagree on what ought to be.
    views = (
        "Fishermen have argued that the harbour board should rebuild the pier.",
        "But the pier, harbour officials insist, should stay closed until May.",
    )
    assert _rebuttals(*views) == []
    told = (views[0].replace("should rebuild", "has ignored"), MAINTAINED)
    assert _rebuttals(*told) == [list(told)]


def _sides(*sentences: str) -> list[list[tuple[str | None, str]]]:
    """The rebuttal conflicts of a one-article story, as their claims' parties and texts."""
    ctx = StoryContext.from_texts("Ferry route row\n\n" + " ".join(sentences), "Other\n\nNothing.")
    run(ctx, "conflicts")
    return [[(c.attributed_to, c.text) for c in found.claims] for found in rebuttal.detect(ctx)]


def test_a_contrary_account_in_a_clause_of_contrast_is_one_side_of_its_own() -> None:
    told = (
        "Relatives of the crew insisted the sailors had been tricked into sailing, "
        "though the harbour police say otherwise."
    )
    relatives = "Relatives of the crew insisted the sailors had been tricked into sailing"
    assert _sides(told) == [
        [("Relatives", relatives), ("the harbour police", "the harbour police say otherwise")]
    ]
    maintained = (
        "The ministry alleges the ferry company ignored the rules, "
        "while the company maintains its crews followed every rule."
    )
    assert [[party for party, _ in sides] for sides in _sides(maintained)] == [
        ["The ministry", "the company"]
    ]


def test_a_plain_said_after_though_or_a_pronoun_party_is_no_contrary_account() -> None:
    # Police who cannot confirm add a caveat; "it" names no party of its own.
    caveat = (
        "The mayor said the pier had been repaired, "
        "though the police said they could not confirm that."
    )
    pronoun = "Relatives insisted the sailors had been tricked, though it says otherwise."
    assert _sides(caveat) == []
    assert _sides(pronoun) == []


def test_a_named_party_s_claim_disputed_by_another_is_a_conflict() -> None:
    disputed = "The harbour master disputed Mayor Jensen's claim that the ferry was overloaded."
    assert _sides(disputed) == [
        [
            ("Mayor Jensen", "Mayor Jensen's claim that the ferry was overloaded"),
            ("The harbour master", disputed.removesuffix(".")),
        ]
    ]


def test_a_claim_of_no_named_maker_or_telling_nothing_is_no_dispute() -> None:
    # "assertions" of no one named, and Jensen's claims that say nothing: no second side.
    assert _sides("The harbour master disputed assertions that the ferry was overloaded.") == []
    assert _sides("The harbour master disputed Mayor Jensen's claims about the ferry.") == []


def test_a_one_sentence_conflict_marks_its_sentence_disputed_once() -> None:
    told = "Relatives insisted the sailors had been tricked, though the police say otherwise."
    ctx = StoryContext.from_texts("Ferry route row\n\n" + told, "Other\n\nNothing.")
    topics = disputed_sentences(run(ctx, "conflicts"))
    assert list(topics.values()) == [["Relatives against the police — told, and answered"]]
