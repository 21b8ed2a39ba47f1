"""The index of a pile split into stories: the page a reader starts from, and ``index.json``.

One entry per story: its headline (``Brief.headline``) linking to its brief,
a one-line summary, how many articles and outlets tell it, and the span of
their dates; a story whose brief could not be written is listed with the
reason. Biggest story first; ties: the newest, then by headline, so the
order depends on the stories alone (``index.json``: by story number). The
HTML index wears the brief's own style (``render.html``), and each brief
links back to it (``with_back_link``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from storybrief.models import Article, Brief
from storybrief.nlp.english import plural
from storybrief.render.common import articles_from, headline, outlets_count, without_outlet
from storybrief.render.html import CSS as BRIEF_CSS
from storybrief.render.html import escape
from storybrief.render.jsondoc import article_dict
from storybrief.render.markdown import code, plain
from storybrief.terminal import json_text

SUMMARY_WORDS = 40  # a summary's first sentence is cut to this many words, to stay one line

_INDEX_CSS = "ol.stories{padding-left:1.2rem}ol.stories h2{border:0;margin:1.4rem 0 .2rem}"


@dataclass(frozen=True)
class Entry:
    """One story of the index: its number, its brief, its page (None if none was written) and,
    if its brief could not be written, why."""

    number: int
    brief: Brief
    file: str | None
    error: str | None = None


def summary_line(brief: Brief) -> str:
    """The brief's first summary sentence, cut to ``SUMMARY_WORDS`` words ("" if none)."""
    if not brief.summary:
        return ""
    words = brief.summary[0].text.split()
    return " ".join(words[:SUMMARY_WORDS]) + (" …" if len(words) > SUMMARY_WORDS else "")


def date_span(brief: Brief) -> tuple[str, str] | None:
    """The first and last publication dates (ISO, day precision) of the story's articles."""
    dates = sorted((a.published or "")[:10] for a in brief.usable if a.published)
    return (dates[0], dates[-1]) if dates else None


def _span(brief: Brief) -> str:
    span = date_span(brief)
    if span is None:
        return "undated"
    return span[0] if span[0] == span[1] else f"{span[0]} to {span[1]}"


def _sources(entry: Entry) -> str:
    brief = entry.brief
    return f"{articles_from(brief, 'outlet')} · {_span(brief)}"


def ordered(entries: list[Entry]) -> list[Entry]:
    """Biggest story first; ties: the newest, then by headline, then by number."""
    by_headline = sorted(entries, key=lambda e: (headline(e.brief), e.number))
    newest = sorted(by_headline, key=lambda e: (date_span(e.brief) or ("", ""))[1], reverse=True)
    return sorted(newest, key=lambda e: len(e.brief.usable), reverse=True)


def _story_dict(entry: Entry) -> dict[str, Any]:
    brief, span = entry.brief, date_span(entry.brief)
    doc = {
        "story": entry.number,
        "file": entry.file,
        "headline": headline(brief),
        "summary": summary_line(brief),
        "articles": [a.id for a in brief.usable],
        "outlets": outlets_count(brief),
        "without_outlet": without_outlet(brief),
        "first_published": span[0] if span else None,
        "last_published": span[1] if span else None,
    }
    return doc if entry.error is None else {**doc, "error": entry.error}


def _json(entries: list[Entry], skipped: list[Article]) -> str:
    doc = {
        "stories": [_story_dict(e) for e in entries],
        "skipped": [article_dict(a) for a in skipped],
    }
    return json_text(doc, indent=2) + "\n"


def _title(entries: list[Entry]) -> str:
    return plural(len(entries), "story", "stories")


def _html_entry(entry: Entry) -> str:
    title = escape(headline(entry.brief))
    # %-encoded as the Markdown index's target: a "#" or "?" in a name would cut the path.
    link = f'<a href="{escape(quote(entry.file))}">{title}</a>' if entry.file else title
    summary = summary_line(entry.brief)
    return (
        f"<li><h2>{link}</h2>"
        + (f"<p>{escape(summary)}</p>" if summary else "")
        + f'<p class="meta">{escape(_sources(entry))}</p>'
        + (f'<p class="warnings">No brief: {escape(entry.error)}</p>' if entry.error else "")
        + "</li>"
    )


def _html(entries: list[Entry], skipped: list[Article]) -> str:
    gone = "".join(
        f'<li class="skipped">{escape(a.source)}: {escape(a.reason or "")}</li>' for a in skipped
    )
    title = _title(entries)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{title}</title><style>{BRIEF_CSS}{_INDEX_CSS}</style></head><body>"
        f'<h1>{title}</h1><ol class="stories">{"".join(map(_html_entry, entries))}</ol>'
        + (f"<h2>Not used</h2><ul>{gone}</ul>" if skipped else "")
        + "</body></html>\n"
    )


def _markdown_link(text: str, file: str | None) -> str:
    """``text`` escaped as the brief's text is, linking to ``file`` %-encoded (a space, a
    parenthesis or a ``<`` in a name would end or break the target); plain if no file."""
    title = plain(text)
    return f"[{title}]({quote(file)})" if file else title


def _markdown_entry(n: int, entry: Entry) -> str:
    parts = [f"{n}. **{_markdown_link(headline(entry.brief), entry.file)}**"]
    if summary := summary_line(entry.brief):
        parts.append(plain(summary))
    parts.append(f"_{_sources(entry)}_")
    if entry.error:
        parts.append(f"No brief: {plain(entry.error)}")
    return "  \n   ".join(parts)  # hard line breaks, inside the list item


def _markdown(entries: list[Entry], skipped: list[Article]) -> str:
    lines = [f"# {_title(entries)}", ""]
    lines += [_markdown_entry(n, entry) for n, entry in enumerate(entries, start=1)]
    if skipped:
        lines += ["", "## Not used", ""]
        lines += [f"- {code(a.source)}: {plain(a.reason or '')}" for a in skipped]
    return "\n".join(lines) + "\n"


_INDEXES = {"json": _json, "html": _html, "md": _markdown}


def to_index(entries: list[Entry], skipped: list[Article], fmt: str) -> str:
    """The index in ``fmt`` ("md", "json" or "html").

    A reader's index lists the stories in ``ordered`` order; ``index.json``
    in the order of their numbers, which are the ``"story"`` of
    ``storybrief stories --jsonl`` (biggest first too, ties broken before any
    headline is known).
    """
    if fmt == "json":
        return _json(sorted(entries, key=lambda e: e.number), skipped)
    return _INDEXES[fmt](ordered(entries), skipped)


def with_back_link(page: str, fmt: str) -> str:
    """A story's page with a link back to the index at its top (a JSON brief is left as is)."""
    if fmt == "html":
        back = '<p class="meta"><a href="index.html">← All stories</a></p>'
        return page.replace("<body>", f"<body>{back}", 1)
    if fmt == "md":
        return f"[← All stories](index.md)\n\n{page}"
    return page
