"""Reading a learned component's packaged weights (a JSON file a bench script writes).

A damaged or stale file must fail where it is read, naming the file and what to do, not
later inside a run as a bare ``KeyError`` or a shape mismatch in a product of arrays.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_weights(
    path: Path, features: tuple[str, ...], per_feature: tuple[str, ...], others: tuple[str, ...]
) -> dict[str, Any]:
    """The weights at ``path`` of a model over ``features``: each key of ``per_feature`` a list
    of one number per feature, each of ``others`` present. ``ValueError`` naming the file if
    it cannot be read as such (missing, not JSON, a key missing or of another length, fitted
    on other features)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: weights unreadable ({exc}): reinstall or retrain") from exc
    found = tuple(data.get("features", ())) if isinstance(data, dict) else ()
    if found != features:
        raise ValueError(
            f"{path} was fitted on other features ({found}, not {features}): retrain it"
        )
    wrong = [k for k in per_feature if not _one_each(data.get(k), len(features))]
    wrong += [k for k in others if k not in data]
    if wrong:
        raise ValueError(f"{path}: weights missing or not one per feature: {wrong}")
    return data


def _one_each(value: object, count: int) -> bool:
    """Whether ``value`` is a list of ``count`` entries, one per feature."""
    return isinstance(value, list) and len(value) == count
