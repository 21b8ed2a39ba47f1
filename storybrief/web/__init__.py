"""The local web app (``storybrief serve``): paste, upload or link articles, get their brief."""

from __future__ import annotations

from storybrief.web.app import create_app

__all__ = ["create_app"]
