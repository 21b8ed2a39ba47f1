"""The JSON document: storybrief's public contract, version 1.

Keys are stable: new analyses add keys, never rename them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Any

from storybrief.models import Article, Brief, Conflict
from storybrief.render.common import coverage, headline
from storybrief.terminal import json_text

VERSION = "1"


def article_dict(article: Article) -> dict[str, Any]:
    """An article's metadata and status, as listed under "articles"."""
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "dek": article.dek,
        "byline": article.byline,
        "published": article.published,
        "outlet": article.outlet,
        "url": article.url,
        "words": article.words,
        "status": article.status,
        "reason": article.reason,
        "partial": article.partial,
    }


def conflict_dict(conflict: Conflict) -> dict[str, Any]:
    """A conflict; each claim keeps v1's one-line ``attributed_to`` beside its ``attribution``."""
    return {
        "topic": conflict.topic,
        "kind": conflict.kind,
        "claims": [
            {
                "text": c.text,
                "source": c.source,
                "attributed_to": c.attributed_to,
                "attribution": None if c.attribution is None else asdict(c.attribution),
                "value": c.value,
                "sentence_id": c.sentence_id,
            }
            for c in conflict.claims
        ],
    }


def _dicts(items: Iterable[Any]) -> list[dict[str, Any]]:
    return [asdict(item) for item in items]


def to_dict(brief: Brief) -> dict[str, Any]:
    """The brief as plain JSON-ready data."""
    return {
        "storybrief": VERSION,
        "headline": headline(brief),
        "articles": [article_dict(a) for a in brief.articles],
        "summary": _dicts(brief.summary),
        "removed": _dicts(brief.removed),
        "syndication": _dicts(brief.syndication),
        "entities": _dicts(brief.entities),
        "quotes": _dicts(brief.quotes),
        "agreements": _dicts(brief.agreements),
        "conflicts": [conflict_dict(c) for c in brief.conflicts],
        "timeline": _dicts(brief.timeline),
        "coverage": _dicts(coverage(brief)),
        "warnings": _dicts(brief.warnings),
    }


def to_json(brief: Brief) -> str:
    return json_text(to_dict(brief), indent=2) + "\n"
