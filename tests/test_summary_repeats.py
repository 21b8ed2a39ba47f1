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
from storybrief.nlp.alignment import Alignment
from storybrief.nlp.overlap import words
from storybrief.settings import DEFAULT

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


STORY = (
    "Police arrested the driver in Dallas on Friday.",
    "The driver was taken into custody by police in Dallas.",
    "The driver had crashed into a school bus carrying 12 children.",
    "Firefighters freed the children from the wreck.",
)


def _novelty_read() -> tuple[bench.Lexicon, list[list[bench.Word]]]:
    alignment = Alignment(STORY, DEFAULT.encoder.embed)
    lexicon = bench.Lexicon.of(STORY, alignment)
    return lexicon, [lexicon.content(nlp()(text)) for text in STORY]


def test_the_lexicon_numbers_words_as_the_alignment_does() -> None:
    lexicon, _ = _novelty_read()
    for n, text in enumerate(STORY):
        columns = sorted(lexicon.column[w] for w in set(words(text)))
        assert columns == sorted(lexicon.alignment.indexes[n].tolist())


def test_a_retelling_adds_less_than_another_fact() -> None:
    lexicon, (arrest, custody, crash, _) = _novelty_read()
    retold = bench.novelty(lexicon, arrest, custody)
    other = bench.novelty(lexicon, arrest, crash)
    assert len(retold) == len(bench.NOVELTY)
    assert retold[0] > other[0]  # the worse way: neither adds as much
    assert retold[0] <= retold[1]  # the worse way is never above the better way


def test_a_sentence_with_no_word_of_a_kind_adds_none_of_it() -> None:
    lexicon, (arrest, custody, crash, freed) = _novelty_read()
    figures = bench.novelty(lexicon, custody, freed)[4]
    assert figures == 1.0  # neither holds a figure or a date
    assert bench.novelty(lexicon, arrest, crash)[4] < 1.0  # Friday and 12 children


def test_the_told_clause_is_a_reports_complement_head_and_argument_heads() -> None:
    lexicon = bench.Lexicon.of(
        ["Officials said the company fired its chief executive on Friday."],
        Alignment(["Officials said the company fired its chief executive on Friday."], _one_hot),
    )
    content = lexicon.content(
        nlp()("Officials said the company fired its chief executive on Friday.")
    )
    assert [w[0].text for w in bench.told_clause(content)] == ["company", "fired", "executive"]


def _one_hot(vocabulary: list[str]) -> np.ndarray:
    return np.eye(len(vocabulary), dtype=np.float32)
