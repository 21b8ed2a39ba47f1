"""Learned debunking outlets: the shipped weights, the cue features, and the conflicts they make.

Small stories written for these tests (no dataset text): an outlet that
calls a story a fake, a hoax and false, against one that tells it plainly,
is a conflict; two plain reports are none; idioms with a cue word ("made up
his mind", "would not confirm or deny") call nothing untrue.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from storybrief.analyze import StoryContext, run
from storybrief.analyze.conflicts import debunk

REPORT = (
    "Giant crab seen off the coast\n\n"
    "An aerial photograph shows a giant crab fifty feet wide lying off the coast of Saltmarsh "
    "Bay. The image was taken by a pilot flying over the bay last week. "
    "It has been shared thousands of times online."
)
DEBUNK = (
    "Crab photo is a hoax\n\n"
    "The photograph of a giant crab lying off the coast of Saltmarsh Bay is a hoax, "
    "according to reports. A marine biologist said claims of a fifty-foot crab were false "
    "and the picture was a fake made with editing software. "
    "Reports of the crab, she said, were reportedly spread by a prank website."
)
OTHER_REPORT = (
    "Pilot's photo of crab\n\n"
    "A pilot flying over Saltmarsh Bay last week took an aerial photograph of a giant crab "
    "lying off the coast. The crab appears to be fifty feet wide."
)


def test_the_shipped_weights_load_for_the_features_of_the_code() -> None:
    coefficients, intercept = debunk.model()
    assert coefficients.shape == (len(debunk.FEATURES),)
    assert np.isfinite(coefficients).all() and np.isfinite(intercept)
    saved = json.loads(debunk.WEIGHTS.read_text(encoding="utf-8"))
    assert "tune half" in saved["trained_on"]


def test_weights_fit_on_other_features_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "weights.json"
    other.write_text(json.dumps({"features": {"cues_gap": 1.0}, "intercept": 0.0}))
    monkeypatch.setattr(debunk, "WEIGHTS", other)
    debunk.model.cache_clear()
    try:
        with pytest.raises(ValueError, match="retrain"):
            debunk.model()
    finally:
        debunk.model.cache_clear()


def test_idioms_with_a_cue_word_call_nothing_untrue() -> None:
    plain = debunk.article_features("The president has made up his mind to leave the pact.")
    assert debunk.debunk_weight(plain) == 0
    hedged = debunk.article_features("Officials would not confirm or deny the strike.")
    assert debunk.debunk_weight(hedged) == 0
    calls = debunk.article_features("The story was made up, and officials denied it.")
    assert debunk.debunk_weight(calls) > 0


def test_a_pair_reads_the_same_in_either_order() -> None:
    one, other = debunk.article_features(DEBUNK), debunk.article_features(REPORT)
    assert (debunk.pair_features(one, other) == debunk.pair_features(other, one)).all()
    assert debunk.probability(debunk.pair_features(one, other)) > debunk.probability(
        debunk.pair_features(other, debunk.article_features(OTHER_REPORT))
    )


def test_a_debunking_outlet_against_a_plain_report_is_one_conflict() -> None:
    ctx = StoryContext.from_texts(REPORT, DEBUNK)
    run(ctx, "conflicts")  # the analyses the detector reads (the story's names)
    found = debunk.detect(ctx)
    assert len(found) == 1, [c.topic for c in found]
    sides = {c.source: c.text for c in found[0].claims}
    assert sides.keys() == {"t0", "t1"}
    assert "crab" in sides["t0"] and "hoax" not in sides["t0"]
    assert any(cue in sides["t1"] for cue in ("hoax", "false", "fake"))


def test_a_debunk_the_rules_match_is_not_told_again() -> None:
    conflicts = run(StoryContext.from_texts(REPORT, DEBUNK), "conflicts")
    assert [c.kind for c in conflicts] == ["denial"]


def test_two_plain_reports_are_no_conflict() -> None:
    ctx = StoryContext.from_texts(REPORT, OTHER_REPORT)
    run(ctx, "conflicts")
    assert debunk.detect(ctx) == []


def test_the_same_story_in_any_order_gives_the_same_sides() -> None:
    sides = []
    for texts in ((REPORT, DEBUNK), (DEBUNK, REPORT)):
        ctx = StoryContext.from_texts(*texts)
        run(ctx, "conflicts")
        sides.append({c.text for conflict in debunk.detect(ctx) for c in conflict.claims})
    assert sides[0] == sides[1] and sides[0]
