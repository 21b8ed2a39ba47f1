"""Every packaged-weights loader fails on a damaged file with a ``ValueError`` naming it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storybrief.analyze import entity_pairs
from storybrief.analyze.conflicts import debunk_model
from storybrief.clean import judge

# Each loader with its packaged file and how a path is passed to it.
LOADERS: dict[str, tuple[Callable[[Any], object], Path, Callable[[Path], Any]]] = {
    "line judge": (judge.load_judge, judge.WEIGHTS, Path),
    "entity pairs": (entity_pairs.pair_model, entity_pairs.WEIGHTS, Path),
    "debunk": (debunk_model.load, debunk_model.WEIGHTS, str),
}


def _shipped(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(LOADERS[name][1].read_text(encoding="utf-8"))
    return data


def _damaged(name: str, how: str) -> str:
    """The packaged file's text damaged as ``how`` says."""
    data = _shipped(name)
    text = json.dumps(data)
    if how == "cut off":
        return text[: len(text) // 2]
    if how == "a weight short":
        return json.dumps(data | {"weights": data["weights"][:-1]})
    return json.dumps({k: v for k, v in data.items() if k != "bias"})


@pytest.mark.parametrize("name", sorted(LOADERS))
@pytest.mark.parametrize("how", ["missing", "cut off", "a weight short", "no bias"])
def test_a_damaged_weights_file_fails_on_loading_naming_the_file(
    tmp_path: Path, name: str, how: str
) -> None:
    load, _, as_arg = LOADERS[name]
    path = tmp_path / f"{name.replace(' ', '_')}.json"
    if how != "missing":
        path.write_text(_damaged(name, how), encoding="utf-8")
    with pytest.raises(ValueError, match=path.name):
        load(as_arg(path))


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_the_packaged_weights_load_as_written(name: str) -> None:
    load, path, as_arg = LOADERS[name]
    model = load(as_arg(path))
    data = _shipped(name)
    assert list(model.weights) == data["weights"]  # type: ignore[attr-defined]
    assert model.bias == data["bias"]  # type: ignore[attr-defined]
