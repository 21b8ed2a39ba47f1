"""Days: one act (a party, a verb, an amount) that two outlets date to two weekdays.

Small stories written for these tests (no dataset text): the dispute, and the
same sentences without what makes it one (another amount, the same day, a
habit, one outlet), which is no conflict.
"""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.analyze.conflicts import day

TUESDAY = "The Harbour Board announced a $2 million repair fund on Tuesday for ferry owners."
WEDNESDAY = "The Harbour Board on Wednesday announced plans to spend $2 million on repairs."


def _days(*texts: str) -> list[tuple[str, list[str]]]:
    """The day conflicts of a story of one-sentence articles: topic and claims' articles."""
    ctx = StoryContext.from_texts(*(f"Harbour fund {n}\n\n{t}" for n, t in enumerate(texts)))
    run(ctx, "conflicts")
    return [(c.topic, [claim.source for claim in c.claims]) for c in day.detect(ctx)]


def test_one_act_dated_to_two_weekdays_by_two_outlets_is_a_conflict() -> None:
    found = _days(TUESDAY, WEDNESDAY)
    assert len(found) == 1
    topic, sources = found[0]
    assert "Harbour Board" in topic and "announced" in topic
    assert sorted(sources) == ["t0", "t1"]


def test_another_amount_or_the_same_day_is_no_conflict() -> None:
    assert _days(TUESDAY, WEDNESDAY.replace("$2 million", "$5 million")) == []
    assert _days(TUESDAY, WEDNESDAY.replace("Wednesday", "Tuesday")) == []


def test_a_habit_or_one_outlet_is_no_conflict() -> None:
    habit = "The Harbour Board announced a $2 million repair fund every Wednesday."
    assert _days(TUESDAY, habit) == []
    assert _days(f"{TUESDAY} {WEDNESDAY}") == []
