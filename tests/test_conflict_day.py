"""Days: one act (a party, a verb, a sum or name it is done to) dated to two days.

Small stories written for these tests (no dataset text): the dispute, on two weekdays and on
two days of a month, and the same sentences without what makes it one act (another sum,
another name, the same day, a habit, one outlet, only a report of it), which is no conflict.
"""

from __future__ import annotations

from storybrief.analyze import StoryContext, run
from storybrief.analyze.conflicts import day

TUESDAY = "The Harbour Board announced a $2 million repair fund on Tuesday for ferry owners."
WEDNESDAY = "The Harbour Board on Wednesday announced plans to spend $2 million on repairs."
SWORN = "Clarence Thomas swore in Amy Barrett on Oct. 26 at the White House."
SWORN_LATER = "Clarence Thomas swore in Amy Barrett on October 27."


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


def test_one_act_done_to_a_name_on_two_days_of_a_month_is_a_conflict() -> None:
    found = _days(SWORN, SWORN_LATER)
    assert [sorted(sources) for _, sources in found] == [["t0", "t1"]]
    assert _days(SWORN, SWORN_LATER.replace("27", "26")) == []


def test_another_sum_or_name_or_the_same_day_is_no_conflict() -> None:
    assert _days(TUESDAY, WEDNESDAY.replace("$2 million", "$5 million")) == []
    assert _days(TUESDAY, WEDNESDAY.replace("Wednesday", "Tuesday")) == []
    assert _days(SWORN, SWORN_LATER.replace("Amy Barrett", "Brett Kavanaugh")) == []


def test_a_weekday_is_not_set_against_a_day_of_the_month() -> None:
    assert _days(SWORN, SWORN_LATER.replace("October 27", "Tuesday")) == []


def test_a_habit_one_outlet_or_a_reported_clause_is_no_conflict() -> None:
    habit = "The Harbour Board announced a $2 million repair fund every Wednesday."
    assert _days(TUESDAY, habit) == []
    assert _days(f"{TUESDAY} {WEDNESDAY}") == []
    said = (
        "The Harbour Board said on Monday that it spent $2 million on repairs.",
        "The Harbour Board said on Friday that $2 million went to repairs.",
    )
    assert _days(*said) == []
