"""The brief as Markdown: what a terminal shows and what pastes into a note."""

from __future__ import annotations

from collections.abc import Iterable

from storybrief.models import Brief
from storybrief.render.common import (
    coverage,
    describe,
    event_date,
    heading,
    headline,
    labels,
    outlets_count,
    plural,
    sides,
)


def _cite(ids: Iterable[str], label: dict[str, str]) -> str:
    return "".join(f"[{label[i]}]" for i in ids if i in label)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _summary(brief: Brief, label: dict[str, str]) -> list[str]:
    if not brief.summary:
        return ["_No summary: no usable article._"]
    return [
        " ".join(
            f"{s.text} {_cite(s.sources, label)}"
            + (f" _(disputed: {'; '.join(heading(t) for t in s.disputed)})_" if s.disputed else "")
            for s in brief.summary
        )
    ]


def _conflicts(brief: Brief, label: dict[str, str]) -> list[str]:
    out: list[str] = []
    for conflict in brief.conflicts:
        out += [f"### {heading(conflict.topic)}", "", "| Side | Claim | In |", "|---|---|---|"]
        for side, claims in sides(conflict):
            for c in claims:
                who = c.attributed_to or "the outlet"
                said = side if side == who else f"**{side}** — {who}"
                out.append(f"| {_cell(said)} | {_cell(c.text)} | {_cite([c.source], label)} |")
        out.append("")
    return out


def _agreements(brief: Brief, label: dict[str, str]) -> list[str]:
    return [
        f"- {a.text} — {plural(len(a.sources), 'source')}, "
        f"{len(a.independent_sources)} independent "
        f"{_cite(a.sources, label)}"
        for a in brief.agreements
    ]


def _quotes(brief: Brief, label: dict[str, str]) -> list[str]:
    out = ["| Speaker | Quote | Variants | In |", "|---|---|---|---|"]
    for q in brief.quotes:
        others = len(q.variants) - 1 if q.text in q.variants else len(q.variants)
        out.append(
            f"| {_cell(q.speaker or 'unattributed')} | “{_cell(q.text)}” | "
            f"{others or ''} | {_cite(q.sources, label)} |"
        )
    return out


def _timeline(brief: Brief, label: dict[str, str]) -> list[str]:
    return [f"- **{event_date(e)}** — {e.text} {_cite(e.sources, label)}" for e in brief.timeline]


def _entities(brief: Brief) -> list[str]:
    """Entities more than one article names; the rest are in the JSON output."""
    shown = [e for e in brief.entities if len(e.sources) > 1]
    out = []
    for e in shown:
        aliases = [a for a in e.aliases if a != e.name]
        also = f" — also {', '.join(aliases)}" if aliases else ""
        out.append(
            f"- **{e.name}** ({e.type}){also} · {plural(len(e.sources), 'source')}, "
            f"{plural(e.mentions, 'mention')}"
        )
    if len(shown) < len(brief.entities):
        out.append(f"- _and {len(brief.entities) - len(shown)} named in one article only_")
    return out


def _copies(brief: Brief, label: dict[str, str]) -> list[str]:
    return [
        f"- [{label.get(s.copy, s.copy)}] takes {s.shared_fraction:.0%} of its text from "
        f"[{label.get(s.original, s.original)}]: counted as one source, not two."
        for s in brief.syndication
    ]


def _coverage(brief: Brief, label: dict[str, str]) -> list[str]:
    ids = [a.id for a in brief.usable]
    out = [
        "| Item | " + " | ".join(f"[{label[i]}]" for i in ids) + " |",
        "|---|" + "---|" * len(ids),
    ]
    for row in coverage(brief):
        marks = " | ".join("●" if i in row.articles else "·" for i in ids)
        out.append(f"| {_cell(row.text)[:90]} | {marks} |")
    return out


def _sources(brief: Brief, label: dict[str, str]) -> list[str]:
    out = []
    for a in brief.articles:
        state = f"{a.words} words" if a.ok else f"**skipped**: {a.reason}"
        out.append(f"{label[a.id]}. `{a.id}` — {describe(a) if a.ok else a.source} — {state}")
    return out


def to_markdown(brief: Brief) -> str:
    label = labels(brief)
    n, skipped = len(brief.usable), len(brief.articles) - len(brief.usable)
    lines = [
        f"# {headline(brief)}",
        "",
        f"_Brief of {plural(n, 'article')} from {plural(outlets_count(brief), 'source')}"
        + (f"; {plural(skipped, 'input')} skipped" if skipped else "")
        + f"; {plural(len(brief.removed), 'boilerplate line')} removed._",
        "",
        "## Summary",
        "",
        *_summary(brief, label),
        "",
    ]
    sections = [
        ("Where the sources disagree", _conflicts(brief, label) if brief.conflicts else []),
        ("What the sources agree on", _agreements(brief, label)),
        ("Quotes", _quotes(brief, label) if brief.quotes else []),
        ("Timeline", _timeline(brief, label)),
        ("Who is involved", _entities(brief)),
        ("Copied text", _copies(brief, label)),
        ("Coverage", _coverage(brief, label) if coverage(brief) else []),
        ("Sources", _sources(brief, label)),
    ]
    for title, body in sections:
        if body:
            lines += [f"## {title}", "", *body, ""]
    return "\n".join(lines).rstrip() + "\n"
