"""``bench/ecbplus.py --causes``: the pairs only one of storybrief and name containment
joins, each told by outcome, kind and cause without its forms being needed."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import ecbplus

from storybrief.analyze.entities import Mention, names_of, norm, ruled
from storybrief.settings import EntitySettings


def found(text: str, label: str, article: str) -> Mention:
    return Mention(text, text, label, f"{article}:0", article, norm(text))


def test_a_pair_only_containment_joins_is_lost_or_spared_with_its_cause() -> None:
    gold = [
        ecbplus.Mention("d1", "lindsay lohan", "c1", "HUMAN_PART_PER"),
        ecbplus.Mention("d2", "lohan", "c1", "HUMAN_PART_PER"),
        ecbplus.Mention("d1", "new york", "c2", "LOC_GEO"),
        ecbplus.Mention("d2", "new york times", "c3", "HUMAN_PART_ORG"),
    ]
    story = ecbplus.Story("1ecb", "train", [], gold)
    names = [
        found("Lindsay Lohan", "PERSON", "d1"),
        found("New York", "GPE", "d1"),
        found("New York Times", "ORG", "d2"),
    ]
    rules = ruled(names, [], EntitySettings())
    entities = names_of(names, [], EntitySettings(), None, rules).entities
    pairs = {p.forms: p for p in ecbplus.gap_pairs(story, entities, (names, []), rules)}
    lost = pairs["lindsay lohan", "lohan"]
    # "Lohan" is never found: the span found holds it.
    assert (lost.outcome, lost.kind, lost.cause) == ("lost", "person", "unfound: longer")
    assert lost.direct and not lost.within and lost.chain_forms == 2
    spared = pairs["new york", "new york times"]
    assert (spared.outcome, spared.kind) == ("spared", "body+place")
    assert len(pairs) == 2


def test_a_chain_is_of_its_most_specific_kind() -> None:
    assert ecbplus._kind({"HUMAN_PART_PER", "HUMAN_PART"}) == "person"
    assert ecbplus._kind({"LOC_GEO", "HUMAN_PART_GPE"}) == "place"
    assert ecbplus._kind({"LOC_FAC"}) == "place"
    assert ecbplus._kind({"NON_HUMAN_PART"}) == "other"
