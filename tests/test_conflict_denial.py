"""Denial conflicts: an outlet reporting a claim against one calling it untrue.

Small stories written for these tests (no dataset text): a report and a
debunk of it make one conflict with both sides; no conflict when every
outlet debunks, when the denial is of another claim than the one reported,
or when one article reports and debunks on its own.
"""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.models import Conflict

REPORT = (
    "Giant squid seen in harbour\n\n"
    "A fisherman photographed a giant squid swimming beside the pier in Port Ellen "
    "harbour on Tuesday. Residents gathered on the pier to watch the boats come in."
)
DEBUNK = (
    "Squid picture questioned\n\n"
    "A marine biologist at the city museum said the photograph of a giant squid in "
    "Port Ellen harbour is a hoax. She said the animal was pasted from an aquarium image."
)
ALSO_DEBUNKS = (
    "Coastguard on the squid\n\n"
    "The picture of a giant squid swimming in Port Ellen harbour was faked, the coastguard "
    "said on Wednesday. No large animal was seen by its crews."
)
OTHER_DENIAL = (
    "Harbour works\n\n"
    "The Port Ellen harbour master denied reports that the pier would close for repairs "
    "this winter. "
    "Ferries will run as usual until the spring."
)
FESTIVAL = (
    "Festival weekend\n\n"
    "The town festival opens on Saturday with music and a craft market on the green."
)


def denials(*texts: str) -> list[Conflict]:
    conflicts = run(StoryContext.from_texts(*texts), "conflicts")
    return [c for c in conflicts if c.kind == "denial"]


def test_a_report_and_its_debunk_are_one_conflict_with_both_sides() -> None:
    found = denials(REPORT, DEBUNK)
    assert len(found) == 1, [c.topic for c in found]
    sides = {c.source: c.text for c in found[0].claims}
    assert sides.keys() == {"t0", "t1"}
    assert sides["t0"].startswith("A fisherman photographed a giant squid")
    assert "is a hoax" in sides["t1"]
    # The topic names what is disputed and how it is called.
    assert "photograph" in found[0].topic and "hoax" in found[0].topic


def test_the_same_story_in_any_order_gives_the_same_conflict() -> None:
    one, other = denials(REPORT, DEBUNK), denials(DEBUNK, REPORT)
    assert [c.topic for c in one] == [c.topic for c in other]
    assert {c.text for c in one[0].claims} == {c.text for c in other[0].claims}


def test_no_conflict_when_every_outlet_debunks() -> None:
    assert denials(DEBUNK, ALSO_DEBUNKS) == []


def test_no_conflict_when_the_denial_is_of_another_claim() -> None:
    # The harbour master denies the pier will close; nobody reported that it would.
    assert denials(REPORT, OTHER_DENIAL) == []


def test_no_conflict_when_one_article_reports_and_debunks_itself() -> None:
    reports_and_debunks = (
        "Squid photo\n\n"
        "A fisherman photographed a giant squid swimming beside the pier in Port Ellen "
        "harbour on Tuesday. A marine biologist said the photograph of the giant squid in "
        "Port Ellen harbour is a hoax."
    )
    assert denials(reports_and_debunks, FESTIVAL) == []


def test_a_denial_that_is_only_neither_confirm_nor_deny_is_none() -> None:
    noncommittal = (
        "Squid statement\n\n"
        "The museum would neither confirm nor deny that a giant squid was photographed in "
        "Port Ellen harbour beside the pier."
    )
    assert denials(REPORT, noncommittal) == []


def test_a_stand_in_debunks_the_claim_told_just_before() -> None:
    # "This is wrong" stands for what the sentence before says someone claims.
    stand_in = (
        "Ferry check\n\n"
        "A travel blog told readers that the night ferry still sails from Port Ellen to "
        "Kennacraig every Friday. This is wrong, the ferry company said."
    )
    report = (
        "Night ferry\n\n"
        "The night ferry still sails from Port Ellen to Kennacraig every Friday, and "
        "passengers can book cabins on board."
    )
    found = denials(stand_in, report)
    assert len(found) == 1
    assert {c.source for c in found[0].claims} == {"t0", "t1"}
    assert found[0].topic.startswith("the night ferry still sails from Port Ellen")


def test_a_bare_denial_names_too_little_to_match_a_report() -> None:
    # "Denies the allegations" does not say which: no report is matched to it.
    bare = (
        "Skipper responds\n\n"
        "The skipper of the Port Ellen ferry denies the allegations and says the harbour "
        "pier is safe."
    )
    pier = (
        "Pier safety\n\n"
        "Inspectors found the Port Ellen harbour pier safe for ferries and fishing boats."
    )
    assert denials(bare, pier) == []


def test_rejecting_offers_calls_no_report_untrue() -> None:
    rejecting = (
        "Aid talks stall\n\nThe chief of staff lashed the opposition for rejecting what he "
        "said were four offers to extend the weekly jobless payment, which expires on Friday."
    )
    ending = (
        "Jobless payment ends\n\nThe weekly jobless payment expires on Friday after talks on "
        "four offers to extend it stalled."
    )
    assert denials(rejecting, ending) == []


def test_rejecting_a_claim_is_a_denial() -> None:
    rejecting = (
        "Aid talks stall\n\nThe chief of staff rejected claims that the government had cut "
        "the weekly jobless payment for farm workers."
    )
    cut = (
        "Jobless payment cut\n\nThe government cut the weekly jobless payment for farm "
        "workers on Friday."
    )
    assert len(denials(rejecting, cut)) == 1


def test_a_claim_told_as_claimed_is_no_report_of_it() -> None:
    called_wrong = (
        "Senator walks back pandemic remark\n\nSenator Ray Holt said on Thursday his claim "
        "that the previous government left no plan for a flu pandemic was wrong."
    )
    mistaken = (
        "Holt walks back remark\n\nSenator Ray Holt said on Thursday he was mistaken in "
        "claiming that the previous government had left no plan for a flu pandemic."
    )
    assert denials(called_wrong, mistaken) == []


def test_the_attribution_of_no_evidence_is_not_what_it_denies() -> None:
    cleared = (
        "Verdicts in reporter killing\n\nThere was no evidence against the royal adviser "
        "Omar Saleh, deputy prosecutor Karim Aziz announced at a televised press conference "
        "on Monday."
    )
    sentenced = (
        "Five sentenced in reporter killing\n\nFive people were sentenced to death on Monday, "
        "but the royal adviser Omar Saleh was cleared because of insufficient evidence, the "
        "prosecutor announced."
    )
    assert denials(cleared, sentenced) == []


CHARGED = (
    "Ex-aide charged\n\n"
    "Prosecutors have charged the former harbour commissioner with knowingly making false "
    "statements to state inspectors about his meetings with the dredging contractor. He is due "
    "in court on Monday."
)
PLEADS = (
    "Commissioner to plead guilty\n\n"
    "The former harbour commissioner has agreed to plead guilty to lying to state inspectors "
    "about his meetings with the dredging contractor, his lawyer said. The plea hearing is set "
    "for Monday."
)


def test_statements_judged_by_their_makers_act_are_no_report_called_untrue() -> None:
    # "making false statements" names a lie (here a charge), which the other outlet tells too:
    # no report of it is called untrue (AllSides stories-dev: Flynn's and Stone's charges).
    assert denials(CHARGED, PLEADS) == []
    assert [c.kind for c in run(StoryContext.from_texts(CHARGED, PLEADS), "conflicts")] == []
    # The statements hung on the charge itself, no "making" between: the same judgement.
    charged = CHARGED.replace("with knowingly making false", "with false")
    assert [c.kind for c in run(StoryContext.from_texts(charged, PLEADS), "conflicts")] == []
