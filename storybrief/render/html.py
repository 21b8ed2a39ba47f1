"""The brief as one self-contained HTML page.

No scripts, fonts or images from elsewhere: the page opens offline and can be
mailed as a file. Article text is data, so every string is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from storybrief.models import Article, Brief
from storybrief.render import common
from storybrief.terminal import shown

# The page's frame, shared with the web app's form (one look for both).
PAGE_CSS = """
body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1b1b1b}
h1{font-size:1.7rem;margin-bottom:.2rem}
"""
CSS = (
    PAGE_CSS
    + """h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
.meta{color:#555}
.cite{font-size:.8em;color:#0b5cad;text-decoration:none;vertical-align:super}
.conflict{border:1px solid #e3b2a8;border-radius:8px;padding:.6rem 1rem;margin:1rem 0;
background:#fff8f6}
.sides{display:flex;gap:.8rem;flex-wrap:wrap}.side{flex:1 1 14rem}
.claim{margin:.4rem 0;background:#fff;border:1px solid #eee;border-radius:6px;padding:.5rem .7rem}
.who{font-weight:600}
.disputed{font-size:.8em;color:#a33;background:#fff8f6;border:1px solid #e3b2a8;border-radius:4px;
padding:0 .3rem;text-decoration:none;white-space:nowrap}
.value{font-size:1.3em;font-weight:700}
table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #eee;padding:.3rem .5rem;text-align:left;vertical-align:top}
.notice{background:#fffbe6;border:1px solid #eedc82;padding:.5rem 1rem;border-radius:6px}
.warnings{background:#fff1ef;border:1px solid #e3b2a8;padding:0 1rem;border-radius:6px}
.skipped{color:#a33}
.yes{color:#0a7d32;text-align:center}
.no{color:#bbb;text-align:center}
"""
)


def escape(text: str) -> str:
    """``text`` as HTML text or an attribute's value: markup escaped, and a control character
    (in an id or path; never in article text) written out, as everywhere it is shown."""
    return html.escape(shown(text))


_PARTS: common.Parts[str] = common.Parts()


def _cite(ids: Iterable[str], label: dict[str, str]) -> str:
    return "".join(
        f'<a class="cite" href="#src-{escape(label[i])}">[{escape(label[i])}]</a>'
        for i in ids
        if i in label
    )


def _warnings(brief: Brief, label: dict[str, str]) -> str:
    """What could not be made, before the brief: a reader must know what it lacks."""
    items = "".join(
        f"<li><strong>{escape(w.stage)}</strong> left out"
        + (f" ({_cite([w.article], label) or escape(w.article)})" if w.article else "")
        + f": {escape(w.message)}</li>"
        for w in brief.warnings
    )
    return (
        f'<section class="warnings" role="note"><h2>Warnings</h2><p>Parts of this brief could '
        f"not be made; the rest stands.</p><ul>{items}</ul></section>"
        if items
        else ""
    )


def _summary(brief: Brief, label: dict[str, str]) -> str:
    if not brief.summary:
        return f"<p><em>{escape(common.no_summary(brief))}</em></p>"
    anchor: dict[str, str] = {}
    for n, conflict in enumerate(brief.conflicts, start=1):
        anchor.setdefault(conflict.topic, f"conflict-{n}")
    body = " ".join(
        f"{escape(s.text)}{_cite(s.sources, label)}"
        + "".join(
            f' <a class="disputed" href="#{anchor[t]}">disputed: {escape(common.heading(t))}</a>'
            for t in s.disputed
            if t in anchor
        )
        for s in brief.summary
    )
    return f"<p>{body}</p>"


@_PARTS.part("conflicts")
def _conflicts(brief: Brief, label: dict[str, str]) -> str:
    cards = []
    for n, conflict in enumerate(brief.conflicts, start=1):
        columns = "".join(
            f'<div class="side"><div class="value">{escape(side)}</div>'
            + "".join(
                f'<div class="claim"><div class="who">{escape(c.attributed_to or "the outlet")}'
                f"</div><div>{escape(c.text)}{_cite([c.source], label)}</div></div>"
                for c in claims
            )
            + "</div>"
            for side, claims in common.sides(conflict)
        )
        cards.append(
            f'<div class="conflict" id="conflict-{n}">'
            f"<h3>{escape(common.heading(conflict.topic))}</h3>"
            f'<div class="sides">{columns}</div></div>'
        )
    return "".join(cards)


def _table(head: list[str], rows: list[list[str]]) -> str:
    """A table from already-escaped cells; none at all without rows."""
    if not rows:
        return ""
    th = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


@_PARTS.part("agreements")
def _agreements(brief: Brief, label: dict[str, str]) -> str:
    return _table(
        ["Fact", "Sources", "Independent", "In"],
        [
            [
                escape(a.text),
                str(len(a.sources)),
                str(len(a.independent_sources)),
                _cite(a.sources, label),
            ]
            for a in brief.agreements
        ],
    )


@_PARTS.part("quotes")
def _quotes(brief: Brief, label: dict[str, str]) -> str:
    return _table(
        ["Speaker", "Quote", "Other wordings", "In"],
        [
            [
                escape(q.speaker or "unattributed"),
                f"“{escape(q.text)}”",
                "<br>".join(escape(v) for v in q.variants if v != q.text),
                _cite(q.sources, label),
            ]
            for q in brief.quotes
        ],
    )


@_PARTS.part("timeline")
def _timeline(brief: Brief, label: dict[str, str]) -> str:
    return _table(
        ["When", "What happened", "In"],
        [
            [
                f"<strong>{escape(common.event_date(e))}</strong>",
                escape(e.text),
                _cite(e.sources, label),
            ]
            for e in brief.timeline
        ],
    )


@_PARTS.part("entities")
def _entities(brief: Brief, _: dict[str, str]) -> str:
    return _table(
        ["Name", "Type", "Also written", "Sources", "Mentions"],
        [
            [
                f"<strong>{escape(e.name)}</strong>",
                escape(e.type),
                escape(", ".join(a for a in e.aliases if a != e.name)),
                str(len(e.sources)),
                str(e.mentions),
            ]
            for e in brief.entities
        ],
    )


@_PARTS.part("copies")
def _copies(brief: Brief, label: dict[str, str]) -> str:
    return "".join(
        f'<p class="notice">{escape(common.copied(s, label))}: '
        "it is counted as one source, not two.</p>"
        for s in brief.syndication
    )


@_PARTS.part("coverage")
def _coverage(brief: Brief, label: dict[str, str]) -> str:
    ids = [a.id for a in brief.usable]
    marks = ('<span class="no">·</span>', '<span class="yes">●</span>')
    return _table(
        ["Item", *(f"[{escape(label[i])}]" for i in ids)],
        [
            [escape(row.text), *(marks[i in row.articles] for i in ids)]
            for row in common.coverage(brief)
        ],
    )


def _page(article: Article) -> str:
    """A link to the page an article was read from, when it has one a reader can open."""
    url = common.page(article)
    return f' · <a href="{escape(url)}" rel="noopener noreferrer">{escape(url)}</a>' if url else ""


@_PARTS.part("sources")
def _sources(brief: Brief, label: dict[str, str]) -> str:
    items = "".join(
        f'<li id="src-{escape(label[a.id])}"><code>{escape(a.id)}</code> — '
        + (
            f"{escape(common.describe(a))}{_page(a)} — {escape(common.extent(a))}"
            if a.ok
            else f'{escape(a.source)} — <span class="skipped">skipped: {escape(a.reason or "")}'
            "</span>"
        )
        + "</li>"
        for a in brief.articles
    )
    return f"<ol>{items}</ol>"


def to_html(brief: Brief) -> str:
    label = common.labels(brief)
    title = escape(common.headline(brief))
    n = len(brief.usable)
    meta = (
        f"Brief of {common.articles_from(brief, 'source')}; "
        f"{len(brief.articles) - n} skipped; {len(brief.removed)} boilerplate lines removed."
    )
    body = "".join(
        f"<section><h2>{heading}</h2>{html}</section>"
        for heading, html in _PARTS.sections(brief, label)
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{title}</title><style>{CSS}</style></head><body>"
        f'<h1>{title}</h1><p class="meta">{escape(meta)}</p>{_warnings(brief, label)}'
        f"<section><h2>Summary</h2>{_summary(brief, label)}</section>{body}"
        "</body></html>\n"
    )
