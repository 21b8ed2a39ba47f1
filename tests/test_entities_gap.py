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


def _story(sid: str, split: str, chains: tuple[str, str, str, str]) -> ecbplus.Story:
    forms = ("red sox", "boston red sox", "new york", "new york times")
    gold = [ecbplus.Mention("d1", f, c, "LOC_GEO") for f, c in zip(forms, chains, strict=True)]
    return ecbplus.Story(sid, split, [], gold)


def test_the_scorer_fitted_on_train_reads_no_dev_gold() -> None:
    texts = [("Red Sox", "ORG"), ("Boston Red Sox", "ORG"), ("New York", "GPE")]
    texts.append(("New York Times", "ORG"))
    names = [found(text, label, "d1") for text, label in texts]
    found_by = {sid: (names, []) for sid in ("1ecb", "2ecb")}
    rules = ecbplus.rules_of(found_by)
    train = _story("1ecb", "train", ("c1", "c1", "c2", "c3"))
    entities = [
        ecbplus.fitted_on_train([train, _story("2ecb", "dev", chains)], found_by, rules)
        for chains in (("c1", "c1", "c2", "c3"), ("c1", "c2", "c3", "c3"))
    ]
    assert entities[0].keys() == {"1ecb", "2ecb"}
    assert entities[0] == entities[1]
    # Train stories alone: nothing is held out to check on.
    assert ecbplus.fitted_on_train([train], found_by, rules) == {}


def test_the_reach_joins_gold_pairs_only_among_candidates_then_among_any_keys() -> None:
    texts = [("Boston", "GPE"), ("Boston Red Sox", "ORG"), ("Boston Herald", "ORG")]
    texts += [("Lindsay Lohan", "PERSON"), ("Lilo", "PERSON")]
    names = [found(text, label, "d1") for text, label in texts]
    chains = ("c1", "c1", "c2", "c3", "c3")
    gold = [ecbplus.Mention("d1", norm(t), c, "X") for (t, _), c in zip(texts, chains, strict=True)]
    story = ecbplus.Story("1ecb", "train", [], gold)
    tallies = ecbplus.reach([story], {"1ecb": (names, [])}, ecbplus.rules_of({"1ecb": (names, [])}))
    right = [tallies["train", stage].pairs_right for stage in ecbplus.REACH]
    # The rules join none; "Boston" / "Boston Red Sox" is a candidate pair (a shared
    # word), "Lilo" / "Lindsay Lohan" no candidate (people are the rules') nor a pair
    # name containment joins; the Boston Herald, another chain, joins no one at any stage.
    assert right == [0, 1, 1, 2]
    same = [tallies["train", stage].pairs_same for stage in ecbplus.REACH]
    assert same == right


def test_the_containment_stage_reads_every_form_a_key_is_written_as() -> None:
    # "Indianapolis Colts" is the Colts' alias, not its key: no word is shared with
    # "Indianapolis", so no candidate, but the baseline's test joins the forms.
    names = [found("Indianapolis", "GPE", "d1")]
    names.append(Mention("Colts", "Indianapolis Colts", "ORG", "d1:0", "d1", "colts"))
    gold = [ecbplus.Mention("d1", f, "c1", "X") for f in ("indianapolis", "colts")]
    gold.append(ecbplus.Mention("d1", "indianapolis colts", "c1", "X"))
    story = ecbplus.Story("1ecb", "train", [], gold)
    tallies = ecbplus.reach([story], {"1ecb": (names, [])}, ecbplus.rules_of({"1ecb": (names, [])}))
    right = [tallies["train", stage].pairs_right for stage in ecbplus.REACH]
    assert right == [1, 1, 3, 3]


def test_containment_over_the_forms_found_leaves_a_form_never_found_apart() -> None:
    names = [found("Boston", "GPE", "d1"), found("Boston Red Sox", "ORG", "d1")]
    forms = ("boston", "boston red sox", "red sox")
    story = ecbplus.Story("1ecb", "train", [], [ecbplus.Mention("d1", f, "c1", "X") for f in forms])
    tallies = ecbplus.reach([story], {"1ecb": (names, [])}, ecbplus.rules_of({"1ecb": (names, [])}))
    assert tallies["train", ecbplus.CONTAINMENT_FOUND].pairs_right == 1
    assert ecbplus.score([story], {})["train", "name containment"].pairs_right == 3
