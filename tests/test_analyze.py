"""Cross-source analysis on the example story, checked against its hand-made reference.

The brief comes from the full pipeline (``example_brief``: ingest, clean,
segment, summarize, analyze) over the five seed articles; ``gold`` is
``../shared/data/seeds/gold.json``. Gold article ids are the 3-digit prefixes
of ours.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from storybrief.analyze import StoryContext, run
from storybrief.models import Brief
from storybrief.nlp.overlap import words
from storybrief.settings import DEFAULT, AgreementSettings

ANALYSIS = Path(__file__).resolve().parent / "fixtures" / "analysis"
# The sentences that express each gold agreement, by article, as snippets of
# their text (hand-labelled from the seed; bench/analysis.py reads them too).
# An agreement "finds" a gold fact when its sentence ids include, for every
# gold source, one of these sentences.
FACT_SENTENCES: dict[str, dict[str, list[str]]] = {
    key: fact["evidence"]
    for key, fact in json.loads(
        (ANALYSIS / "seeds.evidence.json").read_text(encoding="utf-8")
    ).items()
}
# Gold facts carried only by a copy and its original (001 reprints 004): an
# agreement of two sources that counts one independent source.
COPY_ONLY = {"sistani"}


def short(article_id: str) -> str:
    return article_id[:3]


def covers(variant: str, text: str) -> bool:
    """Whether ``text`` carries ``variant``: most of its words, in any order."""
    wanted = set(words(variant))
    return len(wanted & set(words(text))) >= 0.8 * len(wanted)


def test_conflict_over_iranian_forces(example_brief: Brief) -> None:
    def has(claims: list[Any], value: float, article: str) -> bool:
        return any(c.value == value and short(c.source) == article for c in claims)

    found = [
        c
        for c in example_brief.conflicts
        if has(c.claims, 130, "004") and (has(c.claims, 2000, "000") or has(c.claims, 2000, "003"))
    ]
    assert found, [c.topic for c in example_brief.conflicts]
    claims = found[0].claims
    denial = [
        c
        for c in claims
        if c.value is None
        and c.attributed_to == "Hassan Rouhani"
        and any(w in c.text for w in ("denied", "dismissed", "never"))
    ]
    assert denial, [c.text for c in claims]
    for claim in claims:
        if claim.value is not None:
            assert claim.attributed_to, claim.text
    guardian = [c for c in claims if c.value == 2000]
    assert all("Guardian" in (c.attributed_to or "") for c in guardian)
    assert all("official" in (c.attributed_to or "") for c in guardian)


def test_consistent_figures_are_not_conflicts(example_brief: Brief) -> None:
    # gold's not_conflicts: people who fled (parts and total) and the hundreds killed.
    for conflict in example_brief.conflicts:
        for claim in conflict.claims:
            assert "fled" not in claim.text and "hundreds" not in claim.text, claim.text


def test_copy_detected_with_its_original(example_brief: Brief, gold: dict[str, Any]) -> None:
    pairs = {(short(s.copy), short(s.original)) for s in example_brief.syndication}
    for expected in gold["syndication"]:
        assert (expected["copy"], expected["original"]) in pairs
        assert (expected["original"], expected["copy"]) not in pairs
    assert all(0 < s.shared_fraction <= 1 for s in example_brief.syndication)


def test_copy_and_original_count_once(example_brief: Brief) -> None:
    both = [a for a in example_brief.agreements if {"001", "004"} <= {short(s) for s in a.sources}]
    assert both
    for agreement in both:
        assert "001" not in {short(s) for s in agreement.independent_sources}
    for agreement in example_brief.agreements:
        assert set(agreement.independent_sources) <= set(agreement.sources)
        assert len(agreement.sources) >= 2, agreement.text
        if {short(s) for s in agreement.sources} == {"001", "004"}:
            assert [short(s) for s in agreement.independent_sources] == ["004"]


def test_agreements_are_a_short_ranked_list(example_brief: Brief) -> None:
    agreements = example_brief.agreements
    caps = AgreementSettings()
    assert 0 < len(agreements) <= caps.max_agreements + caps.max_copy_only
    counts = [len(a.independent_sources) for a in agreements]
    assert counts == sorted(counts, reverse=True)
    text = {s.id: s.text for a in example_brief.usable for s in a.sentences}
    for agreement in agreements:
        # The fact is told by one of its own sentences, and each source cites one.
        assert agreement.text in {text[i] for i in agreement.sentence_ids}
        cited = {i.rsplit(":", 1)[0] for i in agreement.sentence_ids}
        assert cited == set(agreement.sources)


def test_entity_alias_groups(example_brief: Brief, gold: dict[str, Any]) -> None:
    owner: dict[str, set[str]] = {}
    for entity in example_brief.entities:
        for alias in entity.aliases:
            owner.setdefault(alias, set()).add(entity.name)
    chosen: list[str] = []
    for group in gold["entity_aliases"]:
        found = {name for alias in group for name in owner.get(alias, ())}
        present = [alias for alias in group if alias in owner]
        assert len(present) >= 2, group
        assert len(found) == 1, (group, found)
        chosen.append(found.pop())
    assert len(set(chosen)) == len(chosen), chosen


def test_quote_groups_and_speakers(example_brief: Brief, gold: dict[str, Any]) -> None:
    for expected in gold["quotes"]:
        matches = [
            q
            for q in example_brief.quotes
            if q.speaker == expected["speaker"]
            and all(any(covers(v, mine) for mine in q.variants) for v in expected["variants"])
        ]
        assert matches, expected["variants"][0]
        sources = {short(s) for s in matches[0].sources}
        assert set(expected["sources"]) <= sources, (expected["variants"][0], sources)


def test_rouhani_on_the_us_is_one_group(example_brief: Brief) -> None:
    variants = [
        "We can think about it if we see America starts confronting the terrorist groups",
        "If we see that the United States takes action against terrorist groups in Iraq",
        "Any time the Americans start to take action against terrorist groups",
    ]
    groups = [
        q
        for q in example_brief.quotes
        if all(any(covers(v, m) for m in q.variants) for v in variants)
    ]
    assert len(groups) == 1
    assert groups[0].speaker == "Hassan Rouhani"
    assert len(groups[0].sources) >= 4


def _covered(brief: Brief, fact: str, sentence_ids: list[str]) -> set[str]:
    """The gold sources of ``fact`` for which ``sentence_ids`` hold a sentence stating it."""
    by_article = FACT_SENTENCES[fact]
    text = {s.id: s for a in brief.usable for s in a.sentences}
    return {
        short(text[i].article)
        for i in sentence_ids
        if any(s in text[i].text for s in by_article.get(short(text[i].article), []))
    }


def _best_coverage(brief: Brief, fact: str) -> set[str]:
    """The gold sources of ``fact`` that one agreement covers, at best (``FACT_SENTENCES``)."""
    covered = (_covered(brief, fact, a.sentence_ids) for a in brief.agreements)
    return max(covered, key=len, default=set())


@pytest.mark.parametrize("fact", list(FACT_SENTENCES))
def test_gold_agreement_found(example_brief: Brief, fact: str) -> None:
    # "insurgents advance": 000 tells it only as a noun inside another fact
    # ("Iran has been alarmed by the seizure ... of several major northern Iraqi towns").
    assert set(FACT_SENTENCES[fact]) <= _best_coverage(example_brief, fact)


@pytest.mark.parametrize("fact", sorted(COPY_ONLY))
def test_copy_only_fact_counts_one_independent_source(example_brief: Brief, fact: str) -> None:
    carrying = [
        a
        for a in example_brief.agreements
        if set(FACT_SENTENCES[fact]) <= _covered(example_brief, fact, a.sentence_ids)
    ]
    assert carrying, fact
    assert all(len(a.independent_sources) == 1 for a in carrying)


def test_copy_only_facts_follow_the_confirmed_under_their_own_cap(example_brief: Brief) -> None:
    # Facts two outlets tell on their own come first; copy-only facts follow, capped apart.
    counts = [len(a.independent_sources) for a in example_brief.agreements]
    assert counts == sorted(counts, reverse=True)
    assert sum(n > 1 for n in counts) <= AgreementSettings().max_agreements
    tight = dataclasses.replace(DEFAULT.agreements, max_agreements=3, max_copy_only=0)
    listed = run(
        StoryContext(example_brief.usable, dataclasses.replace(DEFAULT, agreements=tight)),
        "agreements",
    )
    assert [len(a.independent_sources) > 1 for a in listed] == [True] * 3


def test_every_result_cites_sentences(example_brief: Brief) -> None:
    ids = {s.id for a in example_brief.usable for s in a.sentences}
    for item in [*example_brief.quotes, *example_brief.agreements]:
        assert item.sentence_ids and set(item.sentence_ids) <= ids
    titles = {a.id: a.title for a in example_brief.usable}
    for conflict in example_brief.conflicts:
        for claim in conflict.claims:
            # A headline is no body sentence: its claim cites the article's title.
            assert claim.sentence_id in ids or claim.text == titles[claim.source], claim.text


def _bench() -> Any:
    """``bench/analysis.py``, whose scores the fixture floors below are stated in."""
    path = Path(__file__).resolve().parent.parent / "bench" / "analysis.py"
    spec = importlib.util.spec_from_file_location("bench_analysis", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# What the analysis achieves on every Multi-News fixture today (see
# BENCHMARKS.md, "Cross-source analysis"): a floor, so regressions show.
FIXTURE_FLOORS = {
    "conflict_recall": 1.0,
    "conflict_precision": 1.0,
    "merge_precision": 1.0,
    "merge_recall": 0.8,
    "alias_recall": 0.9,
    "quote_recall": 0.65,
    "agreement_recall": 0.5,
    "agreement_source_recall": 0.7,
}


@pytest.mark.parametrize(
    "story", sorted(p.name for p in ANALYSIS.iterdir() if (p / "gold.json").exists())
)
def test_fixture_scores_hold(story: str) -> None:
    bench = _bench()
    source = ANALYSIS / story / "source.json"
    if source.exists() and not (bench.DATA / json.loads(source.read_text())["dataset"]).exists():
        pytest.skip(f"{story}'s texts live in {bench.DATA}, which is not here")
    scores = bench.evaluate(ANALYSIS / story)
    low = {k: round(scores[k], 2) for k, floor in FIXTURE_FLOORS.items() if scores[k] < floor}
    assert not low, low


@pytest.mark.parametrize("pair", list(combinations(FACT_SENTENCES, 2)))
def test_distinct_facts_stay_apart(example_brief: Brief, pair: tuple[str, str]) -> None:
    """No agreement states two gold facts, each from two or more of its sources."""
    for agreement in example_brief.agreements:
        both = [_covered(example_brief, fact, agreement.sentence_ids) for fact in pair]
        assert min(len(c) for c in both) < 2, (pair, agreement.text)


def test_each_agreement_is_stated_once(example_brief: Brief) -> None:
    texts = [a.text for a in example_brief.agreements]
    assert len(texts) == len(set(texts))
