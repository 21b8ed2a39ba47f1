"""Analyses as components: a name, what they read, ``run(ctx)``; run in order, each guarded.

An analysis declares the other analyses whose results it reads
(``requires``); ``run_analysis`` runs those first, once per story, then the
analysis itself inside its own error boundary: if it raises, the story's
context records a warning naming it (``StoryContext.warnings``) and its
result is ``empty()``, so the analyses after it, and the rest of the brief,
still run. Modelled on spaCy's pipeline components, which declare what they
assign and require.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from storybrief.analyze.context import StoryContext


@dataclass(frozen=True)
class Analysis:
    """One analysis of a story: its ``name`` (the key of its result), what it reads, how it runs."""

    name: str
    requires: tuple[str, ...]
    run: Callable[[StoryContext], Any]
    empty: Callable[[], Any]  # the result when it fails


def run_analysis(ctx: StoryContext, analysis: Analysis, registry: dict[str, Analysis]) -> Any:
    """The result of ``analysis`` on ``ctx``, running what it requires first; each runs once."""
    if analysis.name in ctx.results:
        return ctx.results[analysis.name]
    for name in analysis.requires:
        run_analysis(ctx, registry[name], registry)
    ctx.results[analysis.name] = analysis.empty()
    with ctx.guard(analysis.name):
        ctx.results[analysis.name] = analysis.run(ctx)
    return ctx.results[analysis.name]


def run_all(ctx: StoryContext, analyses: Iterable[Analysis]) -> dict[str, Any]:
    """Every analysis' result on ``ctx`` by name, each after those it requires."""
    registry = {a.name: a for a in analyses}
    missing = {r for a in registry.values() for r in a.requires} - set(registry)
    if missing:
        raise ValueError(f"analyses required but not given: {', '.join(sorted(missing))}")
    for analysis in registry.values():
        run_analysis(ctx, analysis, registry)
    return {name: ctx.results[name] for name in registry}
