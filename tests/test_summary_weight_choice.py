"""The --cv weight choice of bench/summaries.py: a point on the plateau, not a lone spike."""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

# bench/summaries.py scores with the bench extra's packages.
pytest.importorskip("rouge_score")
pytest.importorskip("sumy")


@cache
def _bench() -> ModuleType:
    path = Path(__file__).resolve().parents[1] / "bench" / "summaries.py"
    spec = importlib.util.spec_from_file_location("bench_summaries", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_neighbourhood_is_the_point_and_one_step_in_one_weight() -> None:
    bench = _bench()
    near = bench.neighbourhood()
    points = len(bench.grid())
    assert near.shape == (points, points) and (near == near.T).all()
    assert (np.diag(near) == 1).all()
    # The first point is a corner: itself and one step up in each of the four weights.
    assert near[0].sum() == 1 + len(bench.GRID)


def test_a_spike_loses_to_a_plateau_only_when_smoothed() -> None:
    bench = _bench()
    near = bench.neighbourhood()
    points = len(bench.grid())
    plateau, spike = 0, points - 1  # two corners, far apart in the grid
    objective = np.full(points, 30.0)
    objective[near[plateau] > 0] = 38.0
    objective[spike] = 39.0  # best alone, its neighbours poor
    # points × clusters ×, the same scores on every cluster of both sets
    runs = [np.repeat(objective[:, None, None], n, axis=1).repeat(2, axis=2) for n in (5, 10)]
    masks = [np.ones(5, dtype=bool), np.ones(10, dtype=bool)]
    assert bench._choose(runs, masks, smooth=False) == spike
    assert bench._choose(runs, masks, smooth=True) == plateau
