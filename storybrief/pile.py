"""A pile as JSON Lines in, each article's story out: ``storybrief stories --jsonl``.

Each input line is one article, ``{"id", "text" | "html", "title",
"published", "outlet", "url"}``; each output line says, in input order and
one per input line, ``{"id", "story", "duplicate_of"}``: the story the
article belongs to (1 is the biggest; stories are numbered biggest first,
then newest first, then by their smallest article id) and the id of the
article it is a near-exact copy of (``cluster.duplicates``: the smallest id
of its set of copies, ids compared as text), else null. A
line that could not be used gets ``"story": null`` and an ``"error"`` saying
why; so do the articles of a story whose brief could not be written (their
story number kept). A line without an ``"id"`` is named ``"line-N"`` (its
line number, from 1) in the output; a line whose id an earlier line has is
named ``"ID~line-N"``, as its brief cites it: every output id names one line,
so a ``duplicate_of`` never names the copy itself.

The input is read a line at a time (``ingest.jsonl_lines``), with no size
limit; each line is parsed by the one safe JSONL line parser
(``ingest.parse_line``), so a hostile line is that line's error. Copies are
set aside before grouping, and join their original's story.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storybrief.clean import count_lines
from storybrief.clean.text import LineCounts
from storybrief.cluster import story_rows
from storybrief.cluster.features import Features, features
from storybrief.ingest import jsonl_article
from storybrief.models import Article
from storybrief.nlp.english import plural
from storybrief.pipeline import drop_furniture, prepare
from storybrief.settings import ClusterSettings
from storybrief.terminal import json_text

# Lines cleaned together, to bound the memory of cleaning; and a Dask task's
# lines. A short line that two articles of the whole pile carry is a site's
# furniture (``clean.text``): the pile's lines are counted first, a block at a
# time, so that any order of the lines cleans each article alike. The size of
# one file of the evaluator's piles. Furniture that several stories carry is
# found in the whole pile after grouping (``pipeline.drop_furniture``).
BLOCK_LINES = 2_000

# A phase of the run, shown as a progress bar: (label, total or None) → its advance function.
Progress = Callable[[str, int | None], AbstractContextManager[Callable[..., None]]]


@contextmanager
def no_progress(_: str, __: int | None = None) -> Iterator[Callable[..., None]]:
    """A phase nobody watches."""
    yield lambda *_: None


@dataclass
class Line:
    """One input line: its id in the output, and its article (skipped if it cannot be used)."""

    id: object
    article: Article
    story: int | None = None
    duplicate_of: object = None
    error: str | None = None

    def record(self) -> dict[str, Any]:
        """The line's output record."""
        out = {"id": self.id, "story": self.story, "duplicate_of": self.duplicate_of}
        # A record has no source field: its error names the line it is about.
        skip = None if self.article.ok else f"{self.article.source}: {self.article.reason}"
        error = self.error or skip
        return out if error is None else {**out, "story": None, "error": error}


@dataclass
class Pile:
    """A pile read and grouped: its lines in input order, and its stories, biggest first."""

    lines: list[Line]
    stories: list[list[Article]] = field(default_factory=list)

    @property
    def skipped(self) -> list[Article]:
        return [line.article for line in self.lines if not line.article.ok]

    def counts(self) -> str:
        """What the run did, in one line: read, skipped and why, copies, stories."""
        reasons = Counter(_kind_of_reason(a) for a in self.skipped)
        why = ", ".join(f"{n} {reason}" for reason, n in sorted(reasons.items()))
        copies = sum(line.duplicate_of is not None for line in self.lines)
        failed = len({line.story for line in self.lines if line.error and line.story})
        return (
            f"read {len(self.lines)} lines: {len(self.lines) - len(self.skipped)} used, "
            f"{len(self.skipped)} skipped{f' ({why})' if why else ''}; "
            f"{copies_phrase(copies)}; "
            f"{stories_phrase(len(self.stories))}"
            + (f", {failed} of them without a brief" if failed else "")
        )


def stories_phrase(stories: int) -> str:
    """How many stories, in words: "1 story", "3 stories"."""
    return plural(stories, "story", "stories")


def copies_phrase(copies: int) -> str:
    """How many near-exact copies a pile held, in words: "1 near-exact copy"."""
    return plural(copies, "near-exact copy", "near-exact copies")


def _kind_of_reason(article: Article) -> str:
    """A skip reason without its details: "invalid JSON", "empty line"."""
    return (article.reason or "").split(" (")[0]


def parse_line(number: int, text: str, name: str) -> Line:
    """The ``Line`` of input line ``number`` (from 1), its article as the line names it."""
    where, fallback = f"{name}:{number}", f"line-{number}"
    if not text.strip():
        article = Article(id=fallback, source=where)
        article.skip("empty line")
        return Line(fallback, article)
    line_id, article = jsonl_article(text, where, fallback)
    return Line(fallback if line_id is None else line_id, article)


def unique_id(article: Article, number: int, seen: set[str]) -> str | None:
    """The id article ``number`` (from 1) gets in the pile if its own is taken (else None);
    ``seen`` holds the ids of the articles before it, and gets this one's.

    Sentence ids are built from article ids: two articles' must not clash.
    """
    if article.reason == "empty line":
        return None  # an empty line names no article: its id is its line's
    new = f"{article.id}~line-{number}" if article.id in seen else None
    seen.add(new or article.id)
    return new


def rename(line: Line, new_id: str | None) -> None:
    """Give ``line`` and its article ``new_id`` (``unique_id``'s), if any."""
    if new_id is not None:
        line.id = line.article.id = new_id


def read_lines(
    lines: Iterable[str], name: str = "<jsonl>", on_read: Callable[..., None] | None = None
) -> list[Line]:
    """Each line of ``lines`` as a ``Line``, in order; ``name`` names the input in reasons."""
    seen: set[str] = set()
    out = []
    for number, text in enumerate(lines, start=1):
        line = parse_line(number, text, name)
        rename(line, unique_id(line.article, number, seen))
        out.append(line)
        if on_read is not None:
            on_read()
    return out


def prepare_lines(lines: list[Line], *, lean: bool = False) -> list[Line]:
    """Clean and segment the articles of ``lines``, ``BLOCK_LINES`` lines at a time, with the
    short lines that the articles of all the blocks share (counted first).

    ``lean``: for grouping alone, each block's articles then let go of what grouping never
    reads (their text as read, their sentences): at 100,000 articles, most of the pile.
    """
    blocks = [
        [line.article for line in lines[start : start + BLOCK_LINES]]
        for start in range(0, len(lines), BLOCK_LINES)
    ]
    shared = sum((count_lines(block) for block in blocks), LineCounts()).shared
    for block in blocks:
        prepare(block, shared)
        for article in block if lean else []:
            article.raw, article.sentences = "", []
    return lines


def group_pile(
    lines: list[Line],
    settings: ClusterSettings | None = None,
    progress: Progress = no_progress,
    *,
    briefs: bool = False,
) -> Pile:
    """Clean the lines' articles, group them (copies set aside first), and number the stories.

    With ``briefs``, the paragraphs several stories carry are then removed from their
    articles (``pipeline.drop_furniture``), as a brief needs; grouping alone skips that work,
    and its stories' articles keep no text (``prepare_lines``' ``lean``, ``_features``): only
    their ids, titles and the lines' records are left to read, not enough for a brief.
    """
    settings = settings or ClusterSettings()
    with progress("Cleaning articles", None):
        prepare_lines(lines, lean=not briefs)
    usable = [line for line in lines if line.article.ok]
    with progress("Grouping into stories", None):
        rows, copies = story_rows(_features(usable, settings, briefs), settings)
    number_stories(usable, rows, copies)
    pile = Pile(lines, [[usable[i].article for i in story] for story in rows])
    if briefs:
        drop_furniture(pile.stories)
    return pile


def _features(usable: list[Line], settings: ClusterSettings, briefs: bool) -> Features:
    """What grouping reads of the usable lines' articles; without ``briefs``, their
    paragraphs are then let go: nothing reads them again."""
    found = features([line.article for line in usable], settings)
    if not briefs:
        for line in usable:
            line.article.paragraphs = []
    return found


def number_stories(usable: list[Line], rows: list[list[int]], copies: dict[int, int]) -> None:
    """Give each usable line its story's number (from 1) and the id it is a copy of."""
    for i, original in copies.items():
        usable[i].duplicate_of = usable[original].id
    for number, story in enumerate(rows, start=1):
        for i in story:
            usable[i].story = number


def write_lines(pile: Pile, out_path: Path) -> None:
    """Write the pile's output records to ``out_path``, one a line, in input order."""
    with out_path.open("w", encoding="utf-8") as out:
        for line in pile.lines:
            out.write(json_text(line.record()) + "\n")


def fail_story(pile: Pile, story: int, reason: str) -> None:
    """Mark every line of ``story`` (numbered from 1) with the reason its brief failed."""
    for line in pile.lines:
        if line.story == story:
            line.error = f"no brief of story {story}: {reason}"
