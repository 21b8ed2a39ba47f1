"""The index of a pile split into stories: one line per story brief, and what was skipped."""

from __future__ import annotations

import json
from html import escape

from storybrief.models import Article, Brief
from storybrief.render.common import headline, outlets_count, plural
from storybrief.render.jsondoc import article_dict


def _sources(brief: Brief) -> str:
    return f"{plural(len(brief.usable), 'article')}, {plural(outlets_count(brief), 'source')}"


def _json(stories: list[tuple[str, Brief]], skipped: list[Article]) -> str:
    doc = {
        "stories": [
            {"file": name, "headline": headline(brief), "articles": [a.id for a in brief.usable]}
            for name, brief in stories
        ],
        "skipped": [article_dict(a) for a in skipped],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _html(stories: list[tuple[str, Brief]], skipped: list[Article]) -> str:
    items = "".join(
        f'<li><a href="{escape(name)}">{escape(headline(brief))}</a>'
        f" — {escape(_sources(brief))}</li>"
        for name, brief in stories
    )
    gone = "".join(f"<li>{escape(a.source)}: {escape(a.reason or '')}</li>" for a in skipped)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{len(stories)} stories</title></head><body>"
        f"<h1>{len(stories)} stories</h1><ol>{items}</ol>"
        + (f"<h2>Not used</h2><ul>{gone}</ul>" if skipped else "")
        + "</body></html>\n"
    )


def _markdown(stories: list[tuple[str, Brief]], skipped: list[Article]) -> str:
    lines = [f"# {len(stories)} stories", ""]
    lines += [
        f"{n}. [{headline(brief)}]({name}) — {_sources(brief)}"
        for n, (name, brief) in enumerate(stories, start=1)
    ]
    if skipped:
        lines += ["", "## Not used", ""]
        lines += [f"- {a.source}: {a.reason}" for a in skipped]
    return "\n".join(lines) + "\n"


_INDEXES = {"json": _json, "html": _html, "md": _markdown}


def to_index(stories: list[tuple[str, Brief]], skipped: list[Article], fmt: str) -> str:
    """The index in ``fmt`` ("md", "json" or "html"); ``stories`` pairs each brief's file name."""
    return _INDEXES[fmt](stories, skipped)
