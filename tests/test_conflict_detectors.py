"""The conflict detectors as parts: a registry, one error boundary each, claims' attribution.

A detector is a module (or any object) with ``kind``, ``takes_side`` and
``detect(ctx)``; ``find_conflicts`` runs those of ``DETECTORS`` in order.
"""

from __future__ import annotations

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze import conflicts as registry
from storybrief.analyze.conflicts import DETECTORS, disputed_sentences, existence
from storybrief.analyze.speakers import attribution
from storybrief.models import Attribution, Claim, Conflict, ConflictKind

# Kenya's troops: a figure dispute with a denial, "no talks" against "talks", and a
# headline the body states only under a condition.
REPORT = """Kenya sends troops to Somalia

A senior Somali official told the Daily Nation that Kenya had sent 3,000 troops into the \
country last week.
"""
DENIAL = """Kenya denies sending troops into Somalia

President Uhuru Kenyatta denied that Kenya had sent troops to Somalia.

However, a Somali army source told the BBC that 200 Kenyan soldiers had entered the country \
to train local militias. Somali officials said there were no talks between Kenya and Somalia \
over the border.
"""
CONDITIONAL = """Kenya, Somalia sign border deal

Somali officials said the two governments could sign a border deal next month if Kenya \
withdraws its soldiers.

"If Kenya takes its soldiers home, then Somalia can think about a deal," the foreign minister \
said. Analysts said it would not be surprising if there are talks between the two sides already.
"""
STORY = (REPORT, DENIAL, CONDITIONAL)


def test_the_registry_holds_every_kind_once_in_report_order() -> None:
    kinds = [d.kind for d in DETECTORS]
    assert kinds == ["figures", "existence", "detail", "state", "place", "headline"]
    assert [d.kind for d in DETECTORS if not d.takes_side] == ["headline"]


def test_every_registered_detector_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []
    for detector in DETECTORS:

        def detect(ctx: StoryContext, original=detector.detect, kind=detector.kind) -> list:
            ran.append(kind)
            return original(ctx)

        monkeypatch.setattr(detector, "detect", detect)
    found = run(StoryContext.from_texts(*STORY), "conflicts")
    assert ran == [d.kind for d in DETECTORS]
    assert [c.kind for c in found] == ["figures", "existence", "headline"]


def test_a_failing_detector_costs_only_its_own_conflicts(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: StoryContext) -> list[Conflict]:
        raise IndexError("list index out of range")

    monkeypatch.setattr(existence, "detect", broken)
    ctx = StoryContext.from_texts(*STORY)
    found = run(ctx, "conflicts")
    assert [c.kind for c in found] == ["figures", "headline"]
    assert [w.stage for w in ctx.warnings] == ["conflicts.existence"]
    assert "list index out of range" in ctx.warnings[0].message


class _Echo:
    """A detector made up for the test: every sentence saying "allegedly" is a side."""

    kind: ConflictKind = "denial"
    takes_side = False

    def detect(self, ctx: StoryContext) -> list[Conflict]:
        claims = [
            Claim(s.text, s.article, None, None, s.id)
            for s in ctx.sentences
            if "allegedly" in s.text
        ]
        return [Conflict("what is alleged", claims, self.kind)] if claims else []


def test_a_detector_added_to_the_registry_is_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "DETECTORS", (*DETECTORS, _Echo()))
    raid = "Kenyan raid\n\nKenyan soldiers allegedly raided a militia camp, residents said."
    found = run(StoryContext.from_texts(*STORY, raid), "conflicts")
    assert [c.kind for c in found] == ["figures", "existence", "headline", "denial"]
    assert [c.source for c in found[-1].claims] == ["t3"]
    # Its claims take no side, as it says: no sentence of it is marked disputed.
    assert found[-1].claims[0].sentence_id not in disputed_sentences(found)


def test_sides_are_told_by_the_detector_not_by_the_topic() -> None:
    claims = [Claim("Iran joins", "a", None, None, "a:0"), Claim("If", "a", None, None, "a:3")]
    taken = [Conflict("Iran joins", claims, "figures")]
    not_taken = [Conflict("headline versus body", claims, "headline")]
    assert disputed_sentences(taken) == {"a:0": ["Iran joins"], "a:3": ["Iran joins"]}
    assert disputed_sentences(not_taken) == {}


@pytest.mark.parametrize(
    ("sentence", "who", "via"),
    [
        (
            "Kenya had sent 3,000 troops, a senior official told the Guardian.",
            "a senior official",
            "the Guardian",
        ),
        (
            "The Guardian cited a senior official who said Kenya had sent troops.",
            "a senior official",
            "the Guardian",
        ),
        ("Police said the suspect had fled the city.", "Police", None),
    ],
)
def test_an_attribution_splits_who_and_via(sentence: str, who: str, via: str | None) -> None:
    ctx = StoryContext.from_texts(f"Troops\n\n{sentence}")
    run(ctx, "entities")
    assert attribution(ctx, ctx.sentences[0], ctx.names) == Attribution(who, via)
