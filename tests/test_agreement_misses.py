"""``bench/agreement_misses``: a fact told by a clause of a long sentence reaches the pair
stage, and a pair's note says what its score is made of (``why``), on made-up numbers."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType, SimpleNamespace

import numpy as np
import pytest

pytest.importorskip("sklearn")
pytest.importorskip("onnxruntime")


@pytest.fixture(scope="module")
def misses(bench_modules: Callable[..., tuple[ModuleType, ...]]) -> ModuleType:
    return bench_modules("agreement_misses")[0]


def _parts(misses: object, apart: bool = False, shared: bool = True) -> object:
    guard = np.array([[False, apart], [apart, False]])
    return misses._Parts(
        cosine=np.array([[1.0, 0.7], [0.7, 1.0]]),
        overlap=np.array([[1.0, 0.3], [0.3, 1.0]]),
        shared=np.array([[True, shared], [shared, True]]),
        guards={"two actors": guard},
        probability={(0, 1): 0.42},
    )


def test_a_low_word_overlap_is_named(misses: object) -> None:
    note = misses.why(_parts(misses), (0, 1))
    assert "cosine 0.70, words 0.30 (under the bar: words)" in note
    assert "decision p 0.42" in note
    assert "only names" not in note


def test_a_pair_sharing_only_names_and_a_guard_are_named(misses: object) -> None:
    assert "only names shared" in misses.why(_parts(misses, shared=False), (1, 0))
    assert misses.why(_parts(misses, apart=True), (0, 1)) == "guard: two actors"


def _unit(article: str) -> SimpleNamespace:
    return SimpleNamespace(sentence=SimpleNamespace(article=article, id=f"{article}:0"), text="x")


def test_a_fact_a_clause_tells_reaches_the_pair_stage(misses: object) -> None:
    """Neither long sentence reads as the fact, but a clause of each does: the fact is lost
    at the pair (a guard here), not at the sentences."""
    story = SimpleNamespace(
        facts=[{"sources": ["0", "1"]}],
        sentence_scores={"d0:0": np.array([0.3]), "d1:0": np.array([0.3])},
        unit_scores=np.array([[0.6], [0.6]]),
        units=[_unit("d0"), _unit("d1")],
        scores=np.array([[-np.inf, -np.inf], [-np.inf, -np.inf]]),
        parts=_parts(misses, apart=True),
    )
    where, note = misses.stage(story, 0)
    assert where == "c. pair: a guard"
    assert note.endswith("guard: two actors")
