"""The brief as Markdown: what a terminal shows and what pastes into a note."""

from __future__ import annotations

import re
from collections.abc import Iterable

from storybrief.models import Article, Brief
from storybrief.render import common
from storybrief.terminal import shown

# Characters that Markdown reads as markup, or as HTML, in running text.
_MARKUP = str.maketrans({ch: "\\" + ch for ch in "\\`*_[]<>&|~"})


_PARTS: common.Parts[list[str]] = common.Parts()


def _cite(ids: Iterable[str], label: dict[str, str]) -> str:
    return "".join(f"[{label[i]}]" for i in ids if i in label)


def plain(text: str) -> str:
    """Text shown as it is, on one line: no markup, link or HTML in it takes effect.

    Every piece of article text goes through here (or ``code``): a Markdown
    viewer renders raw HTML, so an ``<svg onload>`` or a ``javascript:`` link
    left as it is in an article would run in the reader's viewer.
    """
    return shown(" ".join(text.split())).translate(_MARKUP)


def code(text: str) -> str:
    """Text as a code span (an id, a path): fenced by more backticks than it holds."""
    text = shown(" ".join(text.split()))
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _warnings(brief: Brief, label: dict[str, str]) -> list[str]:
    """What could not be made, before the brief: a reader must know what it lacks."""
    if not brief.warnings:
        return []
    out = ["## Warnings", "", "Parts of this brief could not be made; the rest stands.", ""]
    for w in brief.warnings:
        on = f" ({_cite([w.article], label) or plain(w.article)})" if w.article else ""
        out.append(f"- **{plain(w.stage)}** left out{on}: {plain(w.message)}")
    return [*out, ""]


def _summary(brief: Brief, label: dict[str, str]) -> list[str]:
    if not brief.summary:
        return [f"_{common.no_summary(brief)}_"]
    return [
        " ".join(
            f"{plain(s.text)} {_cite(s.sources, label)}"
            + (
                f" _(disputed: {'; '.join(plain(common.heading(t)) for t in s.disputed)})_"
                if s.disputed
                else ""
            )
            for s in brief.summary
        )
    ]


@_PARTS.part("conflicts")
def _conflicts(brief: Brief, label: dict[str, str]) -> list[str]:
    out: list[str] = []
    for conflict in brief.conflicts:
        out += [
            f"### {plain(common.heading(conflict.topic))}",
            "",
            "| Side | Claim | In |",
            "|---|---|---|",
        ]
        for side, claims in common.sides(conflict):
            for c in claims:
                who = c.attributed_to or "the outlet"
                said = plain(side) if side == who else f"**{plain(side)}** — {plain(who)}"
                out.append(f"| {said} | {plain(c.text)} | {_cite([c.source], label)} |")
        out.append("")
    return out


@_PARTS.part("agreements")
def _agreements(brief: Brief, label: dict[str, str]) -> list[str]:
    return [
        f"- {plain(a.text)} — {common.plural(len(a.sources), 'source')}, "
        f"{len(a.independent_sources)} independent "
        f"{_cite(a.sources, label)}"
        for a in brief.agreements
    ]


@_PARTS.part("quotes")
def _quotes(brief: Brief, label: dict[str, str]) -> list[str]:
    if not brief.quotes:
        return []
    out = ["| Speaker | Quote | Variants | In |", "|---|---|---|---|"]
    for q in brief.quotes:
        others = len(q.variants) - 1 if q.text in q.variants else len(q.variants)
        out.append(
            f"| {plain(q.speaker or 'unattributed')} | “{plain(q.text)}” | "
            f"{others or ''} | {_cite(q.sources, label)} |"
        )
    return out


@_PARTS.part("timeline")
def _timeline(brief: Brief, label: dict[str, str]) -> list[str]:
    return [
        f"- **{common.event_date(e)}** — {plain(e.text)} {_cite(e.sources, label)}"
        for e in brief.timeline
    ]


@_PARTS.part("entities")
def _entities(brief: Brief, _: dict[str, str]) -> list[str]:
    """Entities more than one article names; the rest are in the JSON output."""
    shown = [e for e in brief.entities if len(e.sources) > 1]
    out = []
    for e in shown:
        aliases = [plain(a) for a in e.aliases if a != e.name]
        also = f" — also {', '.join(aliases)}" if aliases else ""
        out.append(
            f"- **{plain(e.name)}** ({e.type}){also} · {common.plural(len(e.sources), 'source')}, "
            f"{common.plural(e.mentions, 'mention')}"
        )
    if len(shown) < len(brief.entities):
        out.append(f"- _and {len(brief.entities) - len(shown)} named in one article only_")
    return out


@_PARTS.part("copies")
def _copies(brief: Brief, label: dict[str, str]) -> list[str]:
    # A copy counts once among the sources of an agreement (``independent_sources``).
    counted = "counted as one source, not two"
    return [f"- {common.copied(s, label)}: {counted}." for s in brief.syndication]


@_PARTS.part("coverage")
def _coverage(brief: Brief, label: dict[str, str]) -> list[str]:
    rows = common.coverage(brief)
    if not rows:
        return []
    ids = [a.id for a in brief.usable]
    out = [
        "| Item | " + " | ".join(f"[{label[i]}]" for i in ids) + " |",
        "|---|" + "---|" * len(ids),
    ]
    for row in rows:
        marks = " | ".join("●" if i in row.articles else "·" for i in ids)
        out.append(f"| {plain(row.text[:90])} | {marks} |")
    return out


def _page(article: Article) -> str:
    """The page an article was read from, as an autolink: a URL with no ``<``, ``>`` or
    backslash in it is shown as written; any other as code, which no viewer follows."""
    url = common.page(article)
    if url is None:
        return ""
    return f" · <{url}>" if not set(url) & set("<>\\") else f" · {code(url)}"


@_PARTS.part("sources")
def _sources(brief: Brief, label: dict[str, str]) -> list[str]:
    out = []
    for a in brief.articles:
        state = common.extent(a) if a.ok else f"**skipped**: {plain(a.reason or '')}"
        named = plain(common.describe(a)) + _page(a) if a.ok else code(a.source)
        out.append(f"{label[a.id]}. {code(a.id)} — {named} — {state}")
    return out


def to_markdown(brief: Brief) -> str:
    label = common.labels(brief)
    skipped = len(brief.articles) - len(brief.usable)
    lines = [
        f"# {plain(common.headline(brief))}",
        "",
        f"_Brief of {common.articles_from(brief, 'source')}"
        + (f"; {common.plural(skipped, 'input')} skipped" if skipped else "")
        + f"; {common.plural(len(brief.removed), 'boilerplate line')} removed._",
        "",
        *_warnings(brief, label),
        "## Summary",
        "",
        *_summary(brief, label),
        "",
    ]
    for title, body in _PARTS.sections(brief, label):
        lines += [f"## {title}", "", *body, ""]
    return "\n".join(lines).rstrip() + "\n"
