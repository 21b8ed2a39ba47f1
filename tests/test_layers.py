"""Layers point one way: no import circle in the package, and the pipeline knows no executor.

The graph is read from the source with ``ast``, imports inside functions
included: an import deferred to a function still ties the two modules. Those
under ``if TYPE_CHECKING:`` are left out: they name a type and never run.
"""

from __future__ import annotations

import ast
import graphlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "storybrief"
# Modules that decide where briefs are written; the pipeline must reach none of them.
EXECUTORS = {"storybrief.runners", "storybrief.distributed", "storybrief.batch"}
EXTERNAL_EXECUTORS = ("dask", "distributed", "multiprocessing", "concurrent")


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(path): path for path in PACKAGE.rglob("*.py")}


def _statements(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node of ``tree`` but those under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            yield from (n for child in node.orelse for n in (child, *_statements(child)))
            continue
        yield node
        yield from _statements(node)


def _imports(source: str, package: str) -> set[str]:
    """Every module ``source`` imports, at any depth; relative ones are read from ``package``."""
    found = set()
    for node in _statements(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            # ``from package import module`` imports the module; ``from module import name`` not.
            found |= {
                f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names
            }
    return found


def _imported(name: str) -> set[str]:
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return _imports(path.read_text(encoding="utf-8"), package)


def _graph() -> dict[str, set[str]]:
    return {name: _imported(name) & MODULES.keys() - {name} for name in MODULES}


def _reached(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for name in graph[todo.pop()] - seen:
            seen.add(name)
            todo.append(name)
    return seen


def test_the_graph_sees_imports_inside_functions_not_type_checking_ones() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from . import sibling\n"
        "if TYPE_CHECKING:\n    from storybrief.typed import Only\n"
        "def later():\n    from ..up import name\n    import storybrief.deferred\n"
    )
    assert _imports(source, "storybrief.sub") == {
        "typing",
        "storybrief.sub",
        "storybrief.up",
        "storybrief.deferred",
    }
    # The CLI imports the web app only in ``serve``, and the batch only in ``summarize``.
    assert {"storybrief.web", "storybrief.batch"} <= _graph()["storybrief.cli"]


def test_the_package_has_no_import_circle() -> None:
    try:
        graphlib.TopologicalSorter(_graph()).prepare()
    except graphlib.CycleError as error:
        pytest.fail(f"import circle: {' -> '.join(reversed(error.args[1]))}")


def test_the_pipeline_imports_no_executor() -> None:
    graph = _graph()
    assert not _reached(graph, "storybrief.pipeline") & EXECUTORS
    direct = _imported("storybrief.pipeline")
    assert not {m for m in direct if m.split(".")[0] in EXTERNAL_EXECUTORS}, direct
    # The executors do depend on the pipeline, not the reverse.
    assert "storybrief.pipeline" in _reached(graph, "storybrief.runners")
