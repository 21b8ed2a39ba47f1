"""The plain data that flows through the pipeline.

Every stage is a function over these dataclasses: ``ingest`` makes ``Article``
objects from inputs, ``clean`` fills their metadata and body, ``segment`` cuts
the body into ``Sentence`` objects, ``analyze`` reads the sentences of one
story and ``summarize`` what the analysis found, and ``render`` turns a
``Brief`` into text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["ok", "skipped"]
InputKind = Literal["text", "html", "jsonl", "feed"]


@dataclass
class RemovedLine:
    """A line that cleaning dropped from an article, and the signal that dropped it."""

    article: str
    line: str
    why: str


@dataclass
class Sentence:
    """One sentence of an article body.

    ``id`` is ``"<article id>:<index>"`` and is stable for the same input, so
    every claim in a brief can point back to the exact sentence it rests on.
    """

    id: str
    article: str
    text: str
    index: int  # position of the sentence in its article, from 0
    paragraph: int  # index of the paragraph it belongs to


@dataclass
class Article:
    """One input, from the raw text it was read as to its cleaned body.

    An input that cannot be used stays in the batch with ``status="skipped"``
    and a one-line ``reason``, so nothing is silently dropped.
    """

    id: str
    source: str  # path, URL or "<file>:<line>" it was read from
    kind: InputKind = "text"
    raw: str = ""  # decoded text (plain text) or markup (HTML), as read
    title: str | None = None
    dek: str | None = None
    byline: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    outlet: str | None = None
    url: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    status: Status = "ok"
    reason: str | None = None
    # The text stops mid-sentence: a feed's or a digest's lead, or a page cut short.
    partial: bool = False

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)

    def skip(self, reason: str) -> None:
        """Mark the article unusable, keeping it in the batch with its reason."""
        self.status = "skipped"
        self.reason = reason


@dataclass
class SummarySentence:
    """A sentence of the brief's summary and the articles that carry it."""

    text: str
    # Article ids: its own and those of every sentence stating its fact (near-copies,
    # and the sentences of the agreement it states).
    sources: list[str]
    sentence_ids: list[str] = field(default_factory=list)
    # Topics of the conflicts it takes a side in: a reader must not take it as established.
    disputed: list[str] = field(default_factory=list)
    # Only in a brief written by the language model (``--llm``): True for a sentence it
    # wrote whose every fact is in ``evidence``; False for the extracted sentence that
    # stands in for one it wrote that was not. None: an extracted sentence, as written.
    verified: bool | None = None
    evidence: list[str] = field(default_factory=list)  # the sentence ids it was checked against


@dataclass
class Syndication:
    """``copy`` takes ``shared_fraction`` of its sentences from ``original``."""

    copy: str
    original: str
    shared_fraction: float


@dataclass
class Entity:
    """One person, organisation or place under all the names the sources use."""

    name: str
    type: str  # spaCy label: PERSON, ORG, GPE, NORP, ...
    aliases: list[str]
    sources: list[str]
    mentions: int


@dataclass
class Quote:
    """One statement, grouped across the outlets that quote it, however worded."""

    speaker: str | None
    text: str
    variants: list[str]
    sources: list[str]
    sentence_ids: list[str] = field(default_factory=list)


@dataclass
class Agreement:
    """A fact several articles carry; ``independent_sources`` leaves out copies."""

    text: str
    sources: list[str]
    independent_sources: list[str]
    sentence_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Attribution:
    """Who a claim comes from, and the outlet that relays it when it is not theirs.

    "a senior Iraqi official" via "the Guardian" for "a senior Iraqi official
    told the Guardian"; ``via`` is None when the source speaks for itself.
    """

    who: str
    via: str | None = None

    def __str__(self) -> str:
        return self.who if self.via is None else f"{self.who} (via {self.via})"


@dataclass
class Claim:
    """One side of a conflict: what is said, who says it, which article carries it."""

    text: str
    source: str
    attribution: Attribution | None  # None: the article says it in its own voice
    value: float | None = None
    sentence_id: str | None = None

    @property
    def attributed_to(self) -> str | None:
        """The attribution as one line of text (JSON v1's ``attributed_to``)."""
        return None if self.attribution is None else str(self.attribution)


# The detector that found a conflict (``analyze.conflicts.DETECTORS``): "figures",
# "existence", "detail", "state", "place", "headline". A plain string, so a new
# detector is one module and one registry line.
ConflictKind = str


@dataclass
class Conflict:
    """Claims on one topic that cannot all be true, and the kind of signal that found them."""

    topic: str
    claims: list[Claim]
    kind: ConflictKind


@dataclass
class Event:
    """A dated event of the story, with the articles that report it.

    ``date`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, as precise as the text
    allows; ``estimated`` when it was read against another article's date
    because the reporting article has none.
    """

    date: str
    when: str  # the date as the article words it ("on Saturday")
    text: str
    sources: list[str]
    sentence_ids: list[str] = field(default_factory=list)
    estimated: bool = False


@dataclass
class StageWarning:
    """A part of the brief that could not be made, and why; the rest of the brief stands."""

    stage: str  # the pipeline stage or analysis that failed: "summarize", "quotes", ...
    message: str
    article: str | None = None  # the article it failed on, when it failed on one


@dataclass(frozen=True)
class Text:
    """The text of an article given directly, not a path or URL to read it from."""

    text: str
    name: str | None = None  # shown as the article's source; "<text N>" by default


@dataclass
class Brief:
    """The result for one story: what was read, what was kept, what it says."""

    articles: list[Article]
    # The story's headline (``summarize.headline``): a title, or made from the lead.
    headline: str | None = None
    summary: list[SummarySentence] = field(default_factory=list)
    syndication: list[Syndication] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    timeline: list[Event] = field(default_factory=list)
    warnings: list[StageWarning] = field(default_factory=list)

    @property
    def removed(self) -> list[RemovedLine]:
        return [line for article in self.articles for line in article.removed]

    @property
    def usable(self) -> list[Article]:
        return [a for a in self.articles if a.ok]
