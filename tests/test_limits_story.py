"""Work bounded by the story: its analysis on the leads past a sentence limit, a summary
kept when the time budget cuts the analysis or the summary, each text parsed once."""

from __future__ import annotations

import dataclasses
import time

import pytest

from storybrief import pipeline
from storybrief.analyze.context import StoryContext, leads
from storybrief.models import Article, Sentence, Text

BRIDGE = (
    "Harbour bridge to close\n\nThe harbour bridge will close for six weeks from Monday, the "
    "city council said on Tuesday, after engineers found corrosion in two of its main cables. "
    "Ferries will run every ten minutes while the bridge is shut, the operator said. "
    "About 40,000 people cross the bridge each day, according to the transport department."
)
FERRY = (
    "Ferries to replace bridge\n\nThe city will run extra ferries while the harbour bridge is "
    "shut for repairs, the operator said on Wednesday. The council said the bridge would "
    "reopen in mid-March if the cable work goes to plan."
)


def _article(name: str, n: int) -> Article:
    sentences = [Sentence(f"{name}:{i}", name, f"Sentence {i} of {name}.", i, 0) for i in range(n)]
    return Article(id=name, source=name, sentences=sentences)


def _endless(*_: object, **__: object) -> None:
    while True:
        time.sleep(0.01)


def test_a_story_past_the_cap_keeps_the_same_lead_of_every_article_in_any_order() -> None:
    articles = [_article("a", 10), _article("b", 3), _article("c", 1)]
    cut, k = leads(articles, 8)
    # k = 4 is the most that fits: 4 + 3 + 1 = 8 (k = 5 would take 9).
    assert k == 4 and [len(a.sentences) for a in cut] == [4, 3, 1]
    assert [s.index for s in cut[0].sentences] == [0, 1, 2, 3]
    assert leads(articles[::-1], 8)[1] == 4
    assert len(articles[0].sentences) == 10  # the articles themselves are not cut
    within, none = leads(articles, 14)
    assert none is None and within is articles


def test_a_story_over_the_limit_is_analysed_on_its_leads_and_summarized_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _limit(monkeypatch, 4)
    articles = pipeline.read([Text(BRIDGE), Text(FERRY)])
    brief = pipeline.brief_of(articles)
    (cut,) = [w for w in brief.warnings if "limit of one story's analysis" in w.message]
    assert cut.stage == "analyze" and cut.message == (
        "the sentences after each article's first 2: the story's 5 sentences are over the"
        " 4-sentence limit of one story's analysis, so 4 were analysed (each article's first 2);"
        " the summary reads all 5"
    )
    assert brief.summary and brief.articles == articles
    # The sentence past the leads is no analysis' but still the summary's.
    cited = {i for s in brief.summary for i in s.sentence_ids}
    assert "text-1:2" in cited


def test_a_brief_whose_analysis_runs_out_of_time_still_has_its_summary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from storybrief.analyze import agreements

    monkeypatch.setattr(agreements, "_units", _endless)
    articles = pipeline.read([Text(BRIDGE), Text(BRIDGE.replace("Monday", "Tuesday"))])
    started = time.monotonic()
    brief = pipeline.brief_of(articles, budget=3)
    assert time.monotonic() - started < 8
    (stopped,) = [w for w in brief.warnings if w.stage == "agreements"]
    assert "over the 3 s time budget" in stopped.message
    assert brief.summary and brief.headline


def test_a_summary_out_of_time_is_the_articles_leads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "summarize", _endless)
    articles = pipeline.read([Text(BRIDGE), Text(FERRY)])
    brief = pipeline.brief_of(articles, budget=2)
    (stopped,) = [w for w in brief.warnings if w.stage == "summarize"]
    assert "over the 2 s time budget" in stopped.message
    assert stopped.message.endswith("; the leads instead")
    ids = [i for s in brief.summary for i in s.sentence_ids]
    assert {"text-1:0", "text-2:0"} <= set(ids)


def test_the_leads_take_each_article_in_turn_within_the_words_and_once() -> None:
    articles = pipeline.read([Text(BRIDGE), Text(BRIDGE), Text(FERRY)])
    summary = pipeline.lead_summary(articles, 60)
    assert sum(len(s.text.split()) for s in summary) <= 60
    # Each article's first sentence before any second one; the second bridge article's
    # lead is the first's word for word, so the ferry article's comes in its place.
    ids = [s.sentence_ids[0] for s in summary]
    assert {"text-1:0", "text-3:0"} <= set(ids) and "text-2:0" not in ids
    assert pipeline.lead_summary(articles, 0) == []
    reordered = pipeline.read([Text(FERRY), Text(BRIDGE), Text(BRIDGE)])
    assert [s.text for s in pipeline.lead_summary(reordered, 60)] == [s.text for s in summary]


def test_a_repeated_sentence_is_parsed_once() -> None:
    line = "The council closed the harbour bridge after engineers found corroded cables. "
    ctx = StoryContext.from_texts(f"Bridge shut\n\n{line * 3}{BRIDGE.split(chr(10))[-1]}")
    first, second, third, other = (ctx.docs[s.id] for s in ctx.sentences[:4])
    assert first is second is third and other is not first
    assert [t.text for t in first][:2] == ["The", "council"]


def _limit(monkeypatch: pytest.MonkeyPatch, sentences: int) -> None:
    limits = dataclasses.replace(pipeline.LIMITS, story_sentences=sentences)
    monkeypatch.setattr(pipeline, "LIMITS", limits)


def test_a_sentence_an_article_past_the_limit_repeats_is_summarized_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    line = "The council closed the harbour bridge after engineers found corroded cables. "
    articles = pipeline.read([Text(f"Bridge shut\n\n{line * 50}"), Text(FERRY)])
    within = [a for a in articles if a.ok]
    _limit(monkeypatch, 60)
    assert pipeline._summarized(within) is within  # within the limit: read as it is
    _limit(monkeypatch, 10)
    assert [len(a.sentences) for a in pipeline._summarized(within)] == [1, 2]
    brief = pipeline.brief_of(articles)
    assert len(brief.articles[0].sentences) == 50  # the brief lists the article whole
    cited = [i for s in brief.summary for i in s.sentence_ids if i.startswith("text-1:")]
    assert cited == ["text-1:0"]
