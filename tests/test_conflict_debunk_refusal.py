"""What a debunking outlet's side is not: a refusal ("denied the embassy's requests to fly
the flag"), a debunk word said of claims filed for a benefit ("bogus asylum claims") or of
claims its subject makes or is charged with ("the senator made false claims", "charged
with false statements", a judgement of their maker) call no report untrue. Small texts
written for these tests (no dataset text); each rule is set beside a control that still
calls a report untrue, so the rule cannot pass by calling nothing.
"""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
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


def test_a_debunk_word_on_statements_someone_is_charged_with_calls_nothing_untrue() -> None:
    # A charge judges the maker of the statements, as "made false claims" does.
    assert not calls_untrue("Prosecutors to charge commissioner with false statements to FBI")
    assert not calls_untrue("The board accused him of false claims about the harbour loan.")
    assert not calls_untrue("He pleaded guilty to false statements to state inspectors.")
    assert not calls_untrue("He was arrested on charges of giving false statements to FBI.")
    assert not calls_untrue("He was charged with obstruction, false statements and bribery.")
    # The same words with no charge above them stay reports called untrue.
    assert calls_untrue("The board said his statements to inspectors were false.")
    assert calls_untrue("The board rejected false claims about the harbour loan.")


# A charge, and another outlet's lead telling the meetings the statements were about: the
# charge judges the commissioner, it calls no report untrue, so neither the denial rules nor
# the debunk fallback may set it against the lead (AllSides stories-dev position 411's shape).
CHARGE = (
    "Commissioner charged\n\n"
    "Prosecutors will charge the former harbour commissioner with false statements to state "
    "inspectors about his meetings with the dredging contractor. He is due in court on Monday."
)
MEETINGS = (
    "Commissioner met contractor\n\n"
    "The former harbour commissioner told state inspectors about his meetings with the "
    "dredging contractor in June. The inspectors asked him about the contract in July."
)


def test_a_charge_with_false_statements_is_no_side_of_a_conflict() -> None:
    ctx = StoryContext.from_texts(CHARGE, MEETINGS)
    assert [debunk.debunk_sentence(ctx, a) for a in ctx.articles] == [None, None]
    assert run(StoryContext.from_texts(CHARGE, MEETINGS), "conflicts") == []
    # Control: the same lead with its statements called false is a debunking side.
    called = CHARGE.replace(
        "Prosecutors will charge the former harbour commissioner with false statements",
        "The board said the former harbour commissioner's statements were false, his statements",
    )
    ctx = StoryContext.from_texts(called, MEETINGS)
    assert debunk.debunk_sentence(ctx, ctx.articles[0]) is not None


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


# Opening denials written for the tests below: what the parse says is denied, not a list of
# refused nouns, tells a refusal from a denial of a claim.
REFUSALS = (
    "The council denied the harbour club funding for the regatta on Monday.",
    "The couple was denied a wedding cake by the harbour bakery.",
    "The bakery denied a wedding cake to the couple last spring.",
    "The ministry denied the ferry line two new aircraft.",
    "The state will deny funding to clinics that offer the treatment.",
    "The border agents denied them entry at the harbour.",
    # A clause before the cue is not what it denies.
    "The council will pass the budget, deny the ferry club funding.",
    # A request's clause ("for ... to") asks; only a "that" clause tells a claim.
    "The foreign ministry denied the embassy's request for officials to fly the harbour flag.",
)
CLAIM_DENIALS = (
    "The ministry denied reports that the embassy had flown the harbour flag.",
    "The harbour master denied that the ferry had left without its lights.",
    "The harbour master denied having ordered the ferry out in the storm.",
    "The senator denied any wrongdoing in the harbour contract.",
    "The ferry line denied involvement in the harbour spill.",
    "The harbour master denied it on Monday.",
    "The ministry denied a plan to close the harbour in June.",
    # A title's cue, tagged a name, is still a verb.
    "Harbour Master Denies Ordering Ferry Out In Storm.",
)


def _sides(openings: tuple[str, ...]) -> list[bool]:
    """Whether each opening denial is its article's debunking side."""
    tail = "Officials said the harbour would reopen on Friday."
    ctx = StoryContext.from_texts(*(f"Harbour news\n\n{o} {tail}" for o in openings))
    return [debunk.debunk_sentence(ctx, a) is not None for a in ctx.articles]


def test_a_denial_with_a_recipient_or_a_thing_granted_is_a_refusal() -> None:
    assert _sides(REFUSALS) == [False] * len(REFUSALS)


def test_a_denial_of_a_clause_a_claim_or_a_wrong_is_a_debunking_side() -> None:
    assert _sides(CLAIM_DENIALS) == [True] * len(CLAIM_DENIALS)
