"""``bench/summary_repeats.py``: the labelled summary pairs are read and checked against their
sentences, and clause units are compared role by role."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import numpy as np
import pytest
import summary_repeats as bench

from storybrief.analyze.context import nlp

HEADER = "set\tposition\ta\tb\tsha1_a\tsha1_b\tlabel\n"


def _roles(text: str) -> list[bench.Roles]:
    return bench.clause_roles(nlp()(text))


def test_the_shipped_labels_load_with_every_pair_named_once() -> None:
    found = bench.read_labels()
    pairs = [(key, p.a, p.b) for key, listed in found.items() for p in listed]
    labels = [p.label for listed in found.values() for p in listed]
    assert len(pairs) == len(set(pairs)) == 1752
    assert (labels.count("repeat"), labels.count("partial")) == (27, 21)
    assert set(labels) == {"repeat", "partial", "two"}


def test_a_sentence_changed_since_it_was_labelled_stops_the_run(tmp_path: Path) -> None:
    texts = {"d0:1": "Police arrested the driver.", "d1:0": "The driver was held."}
    row = f"multinews\t4\td0:1\td1:0\t{bench.fingerprint(texts['d0:1'])}\t"
    path = tmp_path / "labels.tsv"
    path.write_text(HEADER + row + f"{bench.fingerprint(texts['d1:0'])}\trepeat\n")
    pairs = bench.read_labels(path)[("multinews", 4)]
    bench.checked(texts, pairs)  # as read: no stop
    with pytest.raises(SystemExit, match="d1:0"):
        bench.checked({**texts, "d1:0": "The driver was freed."}, pairs)


def test_a_passive_has_the_roles_of_its_active() -> None:
    active = _roles("Police arrested the driver on Friday.")
    passive = _roles("The driver was arrested by police on Friday.")
    assert (
        active
        == passive
        == [bench.Roles(frozenset({"police"}), "arrest", frozenset({frozenset({"driver"})}))]
    )
    assert bench.role_features(active, passive) == [1.0, 1.0, 1.0, 3.0]


def test_a_report_is_read_as_its_complement_and_other_verbs_differ() -> None:
    told = _roles("Officials said the company fired its chief executive.")
    scolded = _roles("The company scolded its chief executive.")
    assert [r.predicate for r in told] == ["fire"]
    subject, predicate, objects, _ = bench.role_features(told, scolded)
    assert (subject, predicate, objects) == (1.0, 0.0, 1.0)


def test_each_cluster_is_scored_by_a_fit_on_the_others() -> None:
    groups = np.array(["a", "a", "b", "b", "c", "c"])
    truth = np.array([True, False, True, False, True, False])
    features = np.array([[1.0], [0.0], [1.0], [0.0], [1.0], [0.0]])
    scores = bench.held_out(features, truth, groups)
    assert (scores[truth] > scores[~truth].max()).all()


def test_shared_mentions_count_figures_and_name_words_both_sentences_give() -> None:
    first = nlp()("Police in Dallas arrested 3 men and seized 40 guns.")
    second = nlp()("Dallas police said 3 suspects were held.")
    assert bench.shared_mentions(first, second) == (1.0, 1.0)
    assert bench.shared_mentions(first, nlp()("It rained.")) == (0.0, 0.0)


def test_a_bar_is_the_lowest_that_lets_that_many_two_fact_pairs_through() -> None:
    score = np.array([0.9, 0.8, 0.7, 0.6, 0.5])
    labels = np.array(["repeat", "two", "repeat", "two", "partial"])
    assert bench._lowest_bar(score, labels == "two", 0) == 0.9
    assert bench._lowest_bar(score, labels == "two", 1) == 0.7
    assert bench._lowest_bar(score, labels == "two", 2) == 0.5
    assert bench.bars("s", score, labels)[1].split()[1:] == ["0.900", "1", "/", "0", "/", "0"]


def test_a_paraphrase_is_nearer_than_another_fact_by_minilm() -> None:
    read = bench.read_sentences(
        {
            "d0:0": "The bus was headed to New York City.",
            "d1:0": "Police said the bus was going to New York.",
            "d2:0": "The driver was charged with manslaughter.",
        }
    )
    assert read.pair("d0:0", "d1:0")[4] > read.pair("d0:0", "d2:0")[4]
