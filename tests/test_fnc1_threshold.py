"""The debunk threshold of ``bench/train_debunk.py``: chosen by its stated objective, the most
cross-stance finds with false alarms in at most 8% of the undisputed stories, then the middle of
the tied thresholds; a debunking body raises a simulated conflict only against reporting bodies
its debunk sentence answers.

Made-up bodies with a one-number "feature" read as their probability.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import train_debunk
from train_debunk import Body


class _Identity:
    """A stand-in model: a body's probability is its first feature."""

    def probability(self, vector: list[float]) -> float:
        return vector[0]


def _story(story: str, kind: str, debunker: float, answers: bool = True) -> list[Body]:
    """A debunking body (probability ``debunker``) and a reporting one (0.05) it may answer."""
    stance = "disagree" if kind == "disputed" else "agree"
    answered = frozenset({"report"} if answers else ())
    return [
        Body(story, kind, stance, [debunker], "debunk", answered),
        Body(story, kind, "agree", [0.05], "report"),
    ]


def _stories(alarm_answers: bool) -> dict[str, list[Body]]:
    return {
        "d1": _story("d1", "disputed", 0.9),
        "d2": _story("d2", "disputed", 0.5),
        "u1": _story("u1", "undisputed", 0.6, alarm_answers),
    }


def test_the_threshold_keeps_false_alarms_within_the_bound() -> None:
    # At 0.6 and below both disputed stories are found but the undisputed one alarms: not
    # allowed. 0.625 ... 0.9 find d1 alone: the middle of them.
    assert train_debunk.choose_threshold(_stories(True), _Identity()) == 0.7625


def test_a_body_answering_no_report_raises_no_alarm() -> None:
    # The undisputed body answers no report: 0.1 ... 0.5 find both disputed stories.
    assert train_debunk.choose_threshold(_stories(False), _Identity()) == 0.3


def test_a_debunker_is_set_only_against_the_reports_it_answers() -> None:
    story = [*_story("d", "disputed", 0.9), Body("d", "disputed", "discuss", [0.05], "other")]
    assert train_debunk.sides(story, _Identity(), 0.5) == [[{"disagree"}, {"agree"}]]
    # A body it answers that is rated debunking too is no report.
    assert train_debunk.sides(story, _Identity(), 0.01) == []
