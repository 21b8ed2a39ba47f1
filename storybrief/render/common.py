"""What every renderer shows the same way: headline, sections, source labels, coverage."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from storybrief.models import Article, Brief, Claim, Conflict, Event, Syndication
from storybrief.nlp.english import plural

T = TypeVar("T")
_PLAIN_HEADLINE_WORDS = 14  # a failed brief's headline: its first article's opening words
Part = Callable[[Brief, dict[str, str]], T]  # a section's body from the brief and its labels

# The sections after the summary, in the order a reader meets them, by the name of
# the part each renderer registers for them (``Parts``).
SECTIONS = {
    "conflicts": "Where the sources disagree",
    "agreements": "What the sources agree on",
    "quotes": "Quotes",
    "timeline": "Timeline",
    "entities": "Who is involved",
    "copies": "Copied text",
    "coverage": "Coverage",
    "sources": "Sources",
}


class Parts(Generic[T]):
    """One renderer's body of each section after the summary, registered by section name."""

    def __init__(self) -> None:
        self._parts: dict[str, Part[T]] = {}

    def part(self, section: str) -> Callable[[Part[T]], Part[T]]:
        """A decorator: the function it decorates writes the body of ``section``."""

        def register(part: Part[T]) -> Part[T]:
            self._parts[section] = part
            return part

        return register

    def sections(self, brief: Brief, label: dict[str, str]) -> list[tuple[str, T]]:
        """(title, body) of each section with something to show, in ``SECTIONS`` order."""
        bodies = ((title, self._parts[name](brief, label)) for name, title in SECTIONS.items())
        return [(title, body) for title, body in bodies if body]


def headline(brief: Brief) -> str:
    """The story's headline (``Brief.headline``, chosen by ``summarize.headline``).

    A brief made without one (its story's brief failed) is headed by its
    first article's title or opening words.
    """
    if brief.headline:
        return brief.headline
    for article in brief.usable:
        text = article.title or (article.sentences[0].text if article.sentences else "")
        if text:
            return " ".join(text.split()[:_PLAIN_HEADLINE_WORDS])
    return "No usable article"


def no_summary(brief: Brief) -> str:
    """What stands where a brief has no summary: there was nothing to summarize, or it failed."""
    return (
        "No summary could be made of these articles."
        if brief.usable
        else "No summary: no usable article."
    )


def heading(text: str) -> str:
    """A generated topic ("troops of Iran") as a heading: first letter capitalised."""
    return text[:1].upper() + text[1:]


def event_date(event: Event) -> str:
    """An event's date for a reader ("Sat 14 Jun 2014", "Jun 2014", "2014"), "≈" if estimated."""
    parts = [int(p) for p in event.date.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        text = f"{day:%a} {day.day} {day:%b %Y}"
    elif len(parts) == 2:
        text = date(parts[0], parts[1], 1).strftime("%b %Y")
    else:
        text = str(parts[0])
    return f"≈ {text}" if event.estimated else text


def labels(brief: Brief) -> dict[str, str]:
    """Short citation labels, "1", "2", …, for the articles in input order."""
    return {a.id: str(n) for n, a in enumerate(brief.articles, start=1)}


def copied(syndication: Syndication, label: dict[str, str]) -> str:
    """Which article copies which, by their labels: "[2] takes 80% of its text from [1]"."""
    copy = label.get(syndication.copy, syndication.copy)
    original = label.get(syndication.original, syndication.original)
    return f"[{copy}] takes {syndication.shared_fraction:.0%} of its text from [{original}]"


def describe(article: Article) -> str:
    """One line naming an article for a reader: outlet, title, byline, date.

    With none of them, where it was read from: the Sources list shows the id
    beside this line, so the id again would tell the reader nothing.
    """
    parts = [article.outlet, article.title, article.byline, article.published]
    return " · ".join(p for p in parts if p) or article.source


def page(article: Article) -> str | None:
    """The web page an article was read from, if it is one a reader can open (http or https).

    Any other scheme ("javascript:", "data:") is no page: a link to it would run in the reader's
    browser, so it is never shown as a link.
    """
    url = article.url or ""
    parts = urlsplit(url) if url.isprintable() and not any(c.isspace() for c in url) else None
    return url if parts and parts.scheme in ("http", "https") and parts.netloc else None


def extent(article: Article) -> str:
    """How much text a usable article gave: "412 words", "58 words, cut off mid-sentence"."""
    return f"{article.words} words" + (", cut off mid-sentence" if article.partial else "")


def sides(conflict: Conflict) -> list[tuple[str, list[Claim]]]:
    """The claims of a conflict grouped into the sides a reader compares.

    A dispute over a figure has a side per figure, in order of first mention,
    and one for accounts that give none (denials, vaguer reports); any other
    dispute has a side per claim.
    """
    if all(c.value is None for c in conflict.claims):
        return [(c.attributed_to or "the outlet", [c]) for c in conflict.claims]
    groups: dict[float | None, list[Claim]] = {}
    for claim in conflict.claims:
        groups.setdefault(claim.value, []).append(claim)
    return [
        ("no figure given" if value is None else f"{value:,.0f}", claims)
        for value, claims in sorted(groups.items(), key=lambda kv: kv[0] is None)
    ]


@dataclass
class CoverageRow:
    """One reported item and the articles that carry it."""

    kind: str  # "agreement" or "claim"
    text: str
    articles: list[str]


def coverage(brief: Brief) -> list[CoverageRow]:
    """Which article reports which agreement or claim, so omissions show."""
    rows = [CoverageRow("agreement", a.text, sorted(a.sources)) for a in brief.agreements]
    rows += [
        CoverageRow("claim", f"{conflict.topic}: {claim.text}", [claim.source])
        for conflict in brief.conflicts
        for claim in conflict.claims
    ]
    return rows


def outlets_count(brief: Brief) -> int:
    """Distinct named outlets among the usable articles: articles naming none are not
    counted, since two of them may come from one outlet or from two."""
    return len({a.outlet for a in brief.usable if a.outlet})


def without_outlet(brief: Brief) -> int:
    """The usable articles that name no outlet."""
    return sum(1 for a in brief.usable if not a.outlet)


def articles_from(brief: Brief, noun: str) -> str:
    """ "4 articles from 2 outlets (2 with no outlet named)", ``noun`` naming the outlets."""
    articles = plural(len(brief.usable), "article")
    known, unknown = outlets_count(brief), without_outlet(brief)
    if not unknown:
        return f"{articles} from {plural(known, noun)}"
    if not known:
        return f"{articles} (no {noun} named)"
    return f"{articles} from {plural(known, noun)} ({unknown} with no {noun} named)"
