"""Analyze: what the outlets agree on, where they conflict, who said what, who copies whom.

Every result cites the articles (and sentences) it rests on. The story is
parsed once into a ``StoryContext`` (``context``), and each analysis is a
component (``components.Analysis``) with its own module: ``syndication``
(copies), ``entities`` (names merged across spellings), ``quotes``
(statements and speakers), ``agreements`` (facts several outlets carry),
``conflicts`` (claims that cannot all be true) and ``timeline`` (dated events
in order). ``ANALYSES`` lists them; ``analyze`` runs them all, each inside its
own error boundary.
"""

from __future__ import annotations

from storybrief.analyze.agreements import find_agreements
from storybrief.analyze.components import Analysis, run_all, run_analysis
from storybrief.analyze.conflicts import disputed_sentences, find_conflicts
from storybrief.analyze.context import StoryContext
from storybrief.analyze.entities import Names, find_entities
from storybrief.analyze.quotes import find_quotes
from storybrief.analyze.syndication import find_syndication
from storybrief.analyze.timeline import find_timeline
from storybrief.models import Brief

__all__ = ["ANALYSES", "Analysis", "StoryContext", "analyze", "disputed_sentences", "run"]

ANALYSES: tuple[Analysis, ...] = (
    Analysis("syndication", (), find_syndication, list),
    Analysis("entities", (), find_entities, Names.empty),
    Analysis("quotes", ("entities",), find_quotes, list),
    Analysis("agreements", ("syndication", "entities"), find_agreements, list),
    Analysis("conflicts", ("syndication", "entities"), find_conflicts, list),
    Analysis("timeline", (), find_timeline, list),
)


def run(ctx: StoryContext, name: str) -> object:
    """The result of the one analysis ``name`` on ``ctx`` (and of those it requires)."""
    registry = {a.name: a for a in ANALYSES}
    return run_analysis(ctx, registry[name], registry)


def analyze(ctx: StoryContext) -> Brief:
    """The brief of the story's articles with every analysis, and no summary yet.

    A failed analysis is empty and named in ``warnings``.
    """
    results = run_all(ctx, ANALYSES)
    return Brief(
        articles=ctx.articles,
        syndication=results["syndication"],
        entities=results["entities"].entities,
        quotes=results["quotes"],
        agreements=results["agreements"],
        conflicts=results["conflicts"],
        timeline=results["timeline"],
        warnings=list(ctx.warnings),
    )
