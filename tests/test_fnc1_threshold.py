"""The debunk threshold of ``bench/train_debunk.py``: chosen by its stated objective, the most
cross-stance finds with false alarms in at most 8% of the undisputed stories, then the higher;
only bodies with a debunk sentence raise a simulated conflict.

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


def _story(story: str, kind: str, debunker: float, sided: bool = True) -> list[Body]:
    """A debunking body (probability ``debunker``) and a reporting one (0.1)."""
    stance = "disagree" if kind == "disputed" else "agree"
    return [Body(story, kind, stance, sided, [debunker]), Body(story, kind, "agree", False, [0.1])]


def _stories(alarm_sided: bool) -> dict[str, list[Body]]:
    return {
        "d1": _story("d1", "disputed", 0.9),
        "d2": _story("d2", "disputed", 0.5),
        "u1": _story("u1", "undisputed", 0.6, alarm_sided),
    }


def test_the_threshold_keeps_false_alarms_within_the_bound() -> None:
    # Below 0.6 both disputed stories are found but the undisputed one alarms: not allowed.
    assert train_debunk.choose_threshold(_stories(True), _Identity()) == 0.9


def test_a_body_with_no_debunk_sentence_raises_no_alarm() -> None:
    # The undisputed body has nothing to set against a report: the lower threshold finds both.
    assert train_debunk.choose_threshold(_stories(False), _Identity()) == 0.5
