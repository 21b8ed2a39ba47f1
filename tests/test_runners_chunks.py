"""Stories briefed in chunks whose texts are parsed ahead, here or on a pool of processes:
the same briefs, in order, however they are cut and wherever they are written."""

from __future__ import annotations

import dataclasses
import os
import time
from functools import partial
from pathlib import Path

import pytest
from threadpoolctl import threadpool_info

from storybrief import runners
from storybrief.analyze.conflicts.headline import bare_title
from storybrief.models import Article, Brief
from storybrief.pipeline import read, stories_of
from storybrief.processes import blas_on_one_thread
from storybrief.render import render

PILE = Path(__file__).parent / "fixtures" / "pile"


@pytest.fixture(scope="module")
def stories() -> list[list[Article]]:
    return stories_of(read([str(PILE)]))


def _json(briefs: list[Brief]) -> list[str]:
    return [render(b, "json") for b in briefs]


def test_chunks_keep_the_order_and_close_at_the_text_count(stories: list[list[Article]]) -> None:
    sizes = [len(runners.parsed_ahead(s)) for s in stories]
    assert all(sizes)  # each fixture story has texts to parse ahead
    # The fixture's stories have 17, 8 and 8 texts: two chunks of at most about 17 each.
    cut = list(runners.chunks(stories, texts=sizes[0]))
    assert sizes == [17, 8, 8] and cut == [stories[:1], stories[1:]]
    assert list(runners.chunks(stories, texts=sum(sizes))) == [stories]


def test_chunks_come_in_a_multiple_of_the_workers(stories: list[list[Article]]) -> None:
    # A pool's workers take as many chunks each, so none waits alone for a short last one;
    # a pile of less than one chunk stays one, briefed without a pool.
    sizes = [len(runners.parsed_ahead(s)) for s in stories]
    halves = list(runners.chunks(stories, texts=sum(sizes) - 1, workers=3))
    assert len(halves) == 3 and [s for c in halves for s in c] == stories
    assert len(list(runners.chunks(stories, texts=sum(sizes), workers=2))) == 1


def test_a_story_over_the_sentence_or_character_limit_is_not_parsed_ahead(
    stories: list[list[Article]], monkeypatch: pytest.MonkeyPatch
) -> None:
    story = stories[0]
    texts = runners.parsed_ahead(story)
    titles = [a.title for a in story if a.title]
    bare = [b for t in titles if (b := bare_title(t)) != t]
    assert texts == [s.text for a in story for s in a.sentences] + titles + bare
    total = sum(len(a.sentences) for a in story)
    with monkeypatch.context() as patch:
        patch.setattr(
            runners, "LIMITS", dataclasses.replace(runners.LIMITS, story_sentences=total - 1)
        )
        assert runners.parsed_ahead(story) == []
    monkeypatch.setattr(runners, "AHEAD_CHARS", sum(map(len, texts)) - 1)
    assert runners.parsed_ahead(story) == []


def test_a_title_with_a_topic_prefix_is_parsed_ahead_without_it_too(
    stories: list[list[Article]],
) -> None:
    # The headline conflict parses the title without its topic prefix: a text of its own,
    # which would otherwise be parsed alone, after the batch.
    story = [dataclasses.replace(a, title=f"Iraq crisis: {a.title}") for a in stories[0]]
    texts = runners.parsed_ahead(story)
    assert "Iraq crisis: " + stories[0][0].title in texts
    assert stories[0][0].title in texts
    assert runners.parsed_ahead(stories[0]).count(stories[0][0].title) == 1


def test_a_chunk_is_briefed_on_one_blas_thread(stories: list[list[Article]]) -> None:
    seen: list[int] = []

    def threads(story: list[Article]) -> Brief:
        seen.extend(i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas")
        return Brief(articles=story)

    runners.brief_chunk(threads, stories[:1])
    assert seen
    assert set(seen) == {1}


def test_one_blas_thread_holds_for_its_block_only() -> None:
    def threads() -> set[int]:
        return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

    before = threads()
    with blas_on_one_thread():
        assert threads() == {1}
    assert threads() == before


def test_chunks_and_a_pool_write_the_briefs_of_one_story_at_a_time(
    stories: list[list[Article]], monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _json(
        [
            runners.brief_or_warning(s, words=60, settings=runners.DEFAULT, budget=None)
            for s in stories
        ]
    )
    assert _json(runners.brief_stories(stories, words=60, budget=None)) == alone
    monkeypatch.setattr(runners, "AHEAD_TEXTS", 1)  # a chunk a story: tasks for two workers
    done: list[int] = []
    pooled = runners.brief_stories(
        stories, words=60, budget=None, workers=2, on_done=lambda: done.append(1)
    )
    assert _json(pooled) == alone
    assert len(done) == len(stories)


def _dies(_: list[Article]) -> Brief:
    os._exit(1)  # a worker killed mid-task (out of memory)


def test_a_chunk_whose_worker_dies_gives_each_story_a_failed_brief(
    stories: list[list[Article]],
) -> None:
    cut = [stories[:1], stories[1:]]
    briefs = list(runners._on_pool(_dies, cut, 2, None))
    assert [b.articles for b in briefs] == stories
    assert all(b.warnings[0].stage == "brief" for b in briefs)


def _after_flag(flag: Path, first: str, story: list[Article]) -> Brief:
    """A story's brief; but that of any story other than ``first``'s only once ``flag`` exists."""
    deadline = time.monotonic() + 30
    while story[0].id != first and not flag.exists():
        if time.monotonic() > deadline:
            raise TimeoutError("the first chunk's briefs were held back until the last")
        time.sleep(0.02)
    return Brief(articles=story)


def test_a_pool_gives_each_chunks_briefs_before_the_later_chunks_are_written(
    stories: list[list[Article]], tmp_path: Path
) -> None:
    # The second chunk's brief waits for the first's to be taken: a pool that gave
    # its briefs only at the end would time out there, and fail that story.
    flag = tmp_path / "first-brief-taken"
    write = partial(_after_flag, flag, stories[0][0].id)
    briefs = runners._on_pool(write, [stories[:1], stories[1:]], 2, None)
    first = next(briefs)
    flag.touch()
    rest = list(briefs)
    assert [first.articles, *(b.articles for b in rest)] == stories
    assert not any(b.warnings for b in rest)
