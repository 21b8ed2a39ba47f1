"""Render: a ``Brief`` as Markdown, JSON or a self-contained HTML page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from storybrief.models import Brief
from storybrief.render.html import to_html
from storybrief.render.jsondoc import to_json
from storybrief.render.markdown import to_markdown

Format = Literal["md", "json", "html"]
RENDERERS: dict[str, Callable[[Brief], str]] = {
    "md": to_markdown,
    "json": to_json,
    "html": to_html,
}


def render(brief: Brief, fmt: Format = "md") -> str:
    """The brief as text in ``fmt``: "md", "json" or "html"."""
    return RENDERERS[fmt](brief)


__all__ = ["RENDERERS", "Format", "render", "to_html", "to_json", "to_markdown"]
