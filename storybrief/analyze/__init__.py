"""Analyze: what the outlets agree on, where they conflict, who said what, who copies whom.

Every result cites the articles (and sentences) it rests on. The story is
parsed once (``story.Story``) and each analysis is its own module:
``syndication`` (copies), ``entities`` (names merged across spellings),
``quotes`` (statements and speakers), ``agreements`` (facts several outlets
carry), ``conflicts`` (claims that cannot all be true) and ``timeline`` (dated
events in order).
"""

from __future__ import annotations

import dataclasses

from storybrief.analyze.agreements import find_agreements
from storybrief.analyze.conflicts import find_conflicts, mark_disputed
from storybrief.analyze.entities import find_entities
from storybrief.analyze.quotes import find_quotes
from storybrief.analyze.story import Story
from storybrief.analyze.syndication import find_syndication
from storybrief.analyze.timeline import find_timeline
from storybrief.models import Brief
from storybrief.nlp.overlap import CopyIndex

__all__ = ["analyze"]


def analyze(brief: Brief, *, copy_index: CopyIndex | None = None) -> Brief:
    """The brief with its cross-source analysis filled in, from its usable articles.

    ``copy_index``, if given, must index exactly the usable articles'
    sentences in order, as the one the summarizer was given does.
    """
    if not brief.usable:
        return brief
    story = Story(brief.usable, copy_index)
    syndication = find_syndication(story)
    entities, names = find_entities(story)
    quotes = find_quotes(story, names)
    conflicts = find_conflicts(story, names, syndication)
    return dataclasses.replace(
        brief,
        summary=mark_disputed(brief.summary, conflicts),
        syndication=syndication,
        entities=entities,
        quotes=quotes,
        agreements=find_agreements(story, syndication, names),
        conflicts=conflicts,
        timeline=find_timeline(story),
    )
