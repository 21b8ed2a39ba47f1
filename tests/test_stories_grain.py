"""The grain of a story (``ClusterSettings.grain``, ``storybrief stories --grain``).

A hand-written pile where the two grains differ: short reports of one storyline on two
days (dockworkers walk out on Monday; the port's chief resigns on Thursday), which the
event grain keeps apart (their leads name different weekdays) and the topic grain makes
one story; and two stories of their own (a museum, a bridge) that neither grain touches.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from typer.testing import CliRunner

import storybrief
from storybrief.cli import app
from storybrief.cluster import stories
from storybrief.models import Article
from storybrief.pipeline import prepare, stories_and_copies
from storybrief.settings import ClusterSettings

PILE = {
    "strike-mon-a": (
        "Halvern dockworkers walk out",
        "Dockworkers at Halvern walked out on Monday over pay, leaving container ships waiting"
        " in the bay and lorries queued on the coast road.",
    ),
    "strike-mon-b": (
        "Port of Halvern halted by strike",
        "Cranes stood still at Halvern on Monday after dockworkers struck over pay, and"
        " container ships were left waiting in the bay.",
    ),
    "strike-thu-a": (
        "Halvern port chief resigns",
        "The head of the Halvern port authority resigned on Thursday, saying a new leader"
        " would settle sooner with the union.",
    ),
    "strike-thu-b": (
        "Halvern harbour master quits amid strike",
        "Halvern's harbour master quit on Thursday; the city council will name a new head of"
        " the port authority next month, its mayor said.",
    ),
    "museum-a": (
        "Trondvik glacier museum opens",
        "A museum of glaciers opened in Trondvik on Saturday, with an ice tunnel and a hall of"
        " photographs of the valley's retreating ice fields.",
    ),
    "museum-b": (
        "Ice tunnel draws crowds to new Trondvik museum",
        "Visitors queued on Saturday to walk the ice tunnel of Trondvik's new glacier museum,"
        " whose photographs show the valley's ice fields retreating.",
    ),
    "bridge-a": (
        "Oskarby bridge closed for repairs",
        "The old bridge at Oskarby was closed to traffic for repairs to its cracked pillars,"
        " the regional roads office said, with a ferry running in its place.",
    ),
    "bridge-b": (
        "Ferry replaces Oskarby bridge during repairs",
        "A ferry now carries drivers across the river at Oskarby while engineers repair the"
        " cracked pillars of the old bridge, the roads office said.",
    ),
}
STRIKE = ["strike-mon-a", "strike-mon-b", "strike-thu-a", "strike-thu-b"]
BY_EVENT = [["bridge-a", "bridge-b"], ["museum-a", "museum-b"], STRIKE[:2], STRIKE[2:]]
BY_TOPIC = [["bridge-a", "bridge-b"], ["museum-a", "museum-b"], STRIKE]


def _articles(order: list[str]) -> list[Article]:
    return prepare([Article(id=k, source=k, title=PILE[k][0], raw=PILE[k][1]) for k in order])


def _ids(grouped: list[list[Article]]) -> list[list[str]]:
    return sorted(sorted(a.id for a in story) for story in grouped)


def _records() -> list[dict[str, str]]:
    return [{"id": k, "title": title, "text": text} for k, (title, text) in PILE.items()]


def _partition(records: list[dict]) -> list[list[str]]:
    """The ids of each numbered story of ``stories --jsonl``'s records."""
    by_story: dict[int, list[str]] = {}
    for record in records:
        by_story.setdefault(record["story"], []).append(record["id"])
    return sorted(sorted(ids) for ids in by_story.values())


@pytest.mark.parametrize(("grain", "expected"), [("event", BY_EVENT), ("topic", BY_TOPIC)])
def test_a_storylines_two_days_are_two_events_and_one_topic(
    grain: str, expected: list[list[str]]
) -> None:
    settings = ClusterSettings(grain=grain)
    for order in (list(PILE), list(reversed(PILE))):
        assert _ids(stories(_articles(order), settings)[0]) == expected
    # ``stories INPUTS`` groups through the pipeline.
    assert _ids(stories_and_copies(_articles(list(PILE)), settings)[0]) == expected


def test_the_event_grain_is_the_default_and_unchanged() -> None:
    settings = ClusterSettings()
    assert settings.grain == "event"
    assert settings.grained() is settings
    assert _ids(stories(_articles(list(PILE)))[0]) == BY_EVENT


def test_the_topic_grain_drops_the_day_rules_and_takes_its_own_bar() -> None:
    topic = ClusterSettings(grain="topic").grained()
    assert (topic.weekday_penalty, topic.weekday_bonus, topic.window_days) == (0, 0, math.inf)
    assert (topic.threshold, topic.cohesion_threshold, topic.short_penalty) == (
        ClusterSettings.topic_threshold,
        ClusterSettings.topic_cohesion_threshold,
        ClusterSettings.topic_short_penalty,
    )
    assert topic.grained() == topic  # applied twice, the same numbers


def test_an_unknown_grain_is_refused() -> None:
    with pytest.raises(ValueError, match="grain must be one of event, topic"):
        ClusterSettings(grain="week")


def _cli(tmp_path: Path, *extra: str) -> tuple[int, list[dict]]:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _records()), encoding="utf-8")
    args = ["stories", "--jsonl", str(src), "--out", str(out), "--group-only", *extra]
    run = CliRunner().invoke(app, args)
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    return run.exit_code, [json.loads(line) for line in lines]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [((), BY_EVENT), (("--grain", "event"), BY_EVENT), (("--grain", "topic"), BY_TOPIC)],
)
def test_the_stories_command_groups_at_the_grain_asked(
    tmp_path: Path, extra: tuple[str, ...], expected: list[list[str]]
) -> None:
    code, records = _cli(tmp_path, *extra)
    assert code == 0
    assert _partition(records) == expected


def test_an_unknown_grain_is_a_usage_error(tmp_path: Path) -> None:
    assert _cli(tmp_path, "--grain", "week")[0] == 2


def test_the_topic_grain_on_dask_gives_the_stories_of_this_process(tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=1, processes=False, dashboard_address="127.0.0.1:0") as cluster:
        code, on_dask = _cli(tmp_path, "--grain", "topic", "--dask", cluster.scheduler_address)
        api = storybrief.group(
            _records(), settings=ClusterSettings(grain="topic"), scheduler=cluster.scheduler_address
        )
    assert code == 0
    assert _partition(on_dask) == _partition(api) == BY_TOPIC
    assert api == storybrief.group(_records(), settings=ClusterSettings(grain="topic"))


def test_the_python_stories_call_groups_at_the_grain_asked(tmp_path: Path) -> None:
    # ``storybrief.stories`` briefs each story; its ``grouping`` is the grain of ``--grain``.
    for key, (title, text) in PILE.items():
        (tmp_path / f"{key}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    files = sorted(str(p) for p in tmp_path.glob("*.txt"))
    by_event, _ = storybrief.stories(files)
    by_topic, _ = storybrief.stories(files, grouping=ClusterSettings(grain="topic"))
    assert sorted(len(b.articles) for b in by_event) == [2, 2, 2, 2]
    assert sorted(len(b.articles) for b in by_topic) == [2, 2, 4]
