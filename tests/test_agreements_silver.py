"""The pair decision's silver labels from a reference summary (``bench/train_agreement_pairs``'s
``Band.silver``) and the clusters they are drawn from (``bench/silver_agreement_pairs``), on
numbers and cluster ids made up for these tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

pytest.importorskip("sklearn")
pytest.importorskip("onnxruntime")


@pytest.fixture(scope="module")
def bench(bench_modules: Callable[..., tuple[ModuleType, ...]]) -> tuple[ModuleType, ...]:
    return bench_modules("train_agreement_pairs", "silver_agreement_pairs")


def _band(bench: object, pairs: list[tuple[int, int]]) -> object:
    train, _ = bench
    texts = [(f"d{k % 2}", f"unit {k}", f"sentence {k}") for k in range(5)]
    return train.Band(texts, np.array(pairs), np.zeros((len(pairs), 1)), {})


def test_a_pair_telling_one_summary_sentence_is_positive_and_one_telling_none_negative(
    bench: object,
) -> None:
    # Units (rows) against two summary sentences (columns), the matcher's scores.
    scores = np.array([[0.6, 0.1], [0.1, 0.2], [0.5, 0.2], [0.2, 0.1], [0.35, 0.0]])
    band = _band(bench, [(0, 2), (1, 3), (0, 3), (0, 4), (2, 1)])
    # 0-2 both tell sentence 0; 1-3 and 0-3 tell none together; 0-4 is between the bars
    # (unlabelled); 2-1 share sentence 1 only at 0.2.
    assert band.silver(scores).tolist() == [1, 0, 0, -1, 0]


def test_a_unit_telling_two_sentences_counts_by_the_one_both_tell(bench: object) -> None:
    scores = np.array([[0.9, 0.5], [0.1, 0.1], [0.2, 0.5], [0.1, 0.1], [0.1, 0.1]])
    assert _band(bench, [(0, 2)]).silver(scores).tolist() == [1]


def test_a_summary_with_no_sentence_labels_nothing(bench: object) -> None:
    assert _band(bench, [(0, 1)]).silver(np.zeros((5, 0))).tolist() == [-1]


def test_gold_dev_stories_are_left_out_of_the_silver_clusters(
    bench: object, tmp_path: Path
) -> None:
    _, silver = bench
    (tmp_path / "gold-dev").mkdir()
    for stem in ("aaaaaaaaaa", "cccccccccc"):
        (tmp_path / "gold-dev" / f"{stem}.json").write_text("{}", encoding="utf-8")
    ids = ["aaaaaaaaaa11", "bbbbbbbbbb22", "cccccccccc33", "dddddddddd44"]
    rows = [json.dumps({"id": i, "docs": [], "summary": ""}) for i in ids]
    (tmp_path / "multinews-dev.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert [c["id"] for c in silver.clusters(tmp_path, ((0, 4),))] == [
        "bbbbbbbbbb22",
        "dddddddddd44",
    ]
    assert [c["id"] for c in silver.clusters(tmp_path, ((0, 1), (2, 9)))] == ["dddddddddd44"]
    # The tune half (the 1st, 3rd, ... gold-dev story by name): only "aaaaaaaaaa".
    assert [c["id"] for c in silver.clusters(tmp_path, ((0, 4),), gold=True)] == ["aaaaaaaaaa11"]


def test_duc_clusters_keep_every_summary_and_leave_gold_dev_out(
    bench: object, tmp_path: Path
) -> None:
    _, silver = bench
    (tmp_path / "gold-dev").mkdir()
    (tmp_path / "gold-dev" / "d30001t.json").write_text("{}", encoding="utf-8")
    rows = [
        json.dumps({"cluster_id": i, "docs": ["x"], "references": {"B": "two.", "A": "one."}})
        for i in ("d30001t", "d30002t")
    ]
    (tmp_path / "duc2004-dev.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert silver.duc_clusters(tmp_path) == [
        {"id": "d30002t", "docs": ["x"], "summaries": ["one.", "two."]}
    ]


def test_a_cached_cluster_is_read_back_only_while_its_features_hold(
    bench: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, silver = bench
    width = len(silver.PAIR_FEATURES)
    kept = {"features": list(silver.PAIR_FEATURES), "x": [0.5] * width, "labels": [1]}
    (tmp_path / "c1.json").write_text(json.dumps(kept), encoding="utf-8")
    x, y = silver.cached({"id": "c1"}, tmp_path)
    assert x.shape == (1, width) and y.tolist() == [1]
    stale = dict(kept, features=["blended"])
    (tmp_path / "c1.json").write_text(json.dumps(stale), encoding="utf-8")
    fresh = (np.zeros((2, width)), np.array([0, 1]))
    monkeypatch.setattr(silver, "silver", lambda cluster: fresh)
    assert silver.cached({"id": "c1"}, tmp_path)[1].tolist() == [0, 1]
    assert json.loads((tmp_path / "c1.json").read_text(encoding="utf-8"))["labels"] == [0, 1]
