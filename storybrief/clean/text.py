"""Clean plain-text articles: header fields, then boilerplate lines out.

A copy-paste or a naive scraper leaves photo credits, caption markers and
captions, sign-up and comment prompts, tag lists and reader call-outs among
the paragraphs. Each line is judged on its own features (``lines.Line``),
on the marks of the furniture families that read like prose (``furniture``:
captions, player text, reporting credits, links, crawler notices), on its
neighbours (a caption follows its marker, a list item follows an item), and
on repetition within the article and across the batch. Every dropped line is
recorded with the reason.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from statistics import median

import numpy as np

from storybrief.clean.dates import parse_date
from storybrief.clean.furniture import family_why
from storybrief.clean.judge import Position, judges, load_judge
from storybrief.clean.lines import Line
from storybrief.clean.outlet import infer_outlet, outlet_shaped
from storybrief.clean.sentences import trimmed
from storybrief.clean.site import cut_site_name, retitle, site_names
from storybrief.models import Article, RemovedLine
from storybrief.nlp.english import STOPWORDS
from storybrief.nlp.paraphrase import names_no_one

_JUDGED = "shaped like page furniture (learned line judge)"
# The header fields an article keeps; a column's name is read only to leave the body.
_ARTICLE_FIELDS = {"title", "dek", "byline", "published"}
# The header fields taken from the line that gave them: the line itself is no body text.
_SHOWN = {"title", "dek", "byline", "column"}
# Why a field's line is recorded removed (the title's and the dek's are shown as they are).
_FIELD_WHY = {
    "byline": "byline (shown as the article's)",
    "column": "column or section name in the header",
}
_MAX_HEADER_LINES = 8
_MAX_LABEL_WORDS = 8  # a line this short without sentence punctuation is not prose
_MAX_PROMPT_WORDS = 40  # sign-up boxes and call-outs are short
_MAX_CAPTION_WORDS = 30
_MAX_SHARED_WORDS = 12  # a line two articles carry is furniture up to this long, a quote beyond
_MIN_ITEM_WORDS = 4  # a shorter line after a list item is a label ("Related", "Read more")
_MIN_PROSE_DENSITY = 0.15  # function words in a line of prose (a dek, a lead), not a label
# An untitled text of one line without a stop is a lead, not a title, from this long:
# headlines run to about 16 words (``ConflictSettings.headline_words``).
_MIN_LEAD_WORDS = 17
_BYLINE = re.compile(
    r"^(?:by\s+)?(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|al|bin|and|&)){1,4})"
    r"(?:\s*[,|–—-]\s*.{0,60})?$"
)
_EXPLICIT_BYLINE = re.compile(r"^by\s+[A-Z]", re.IGNORECASE)
# A summary box's or a gallery's label glued before the title it heads: "Story highlights NASA
# says …" (the box's first point read as the title), "View Images …".
_GLUED_LABEL = re.compile(
    r"^(?:Story highlights|Highlights|Key points|View (?:Images|Gallery))\s+(?=[A-Z])"
)
# A space may go with the mark, a line break not: it would join a hard-wrapped block's lines.
_PTB_OPEN, _PTB_CLOSE = re.compile(r"``[ \t]?"), re.compile(r"[ \t]?''")


def normalize(raw: str) -> str:
    """Unify newlines, spaces and Penn-Treebank quote marks (as in DUC copy)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    if "``" not in text and "''" not in text:  # most texts: skip the two scans
        return text
    return _PTB_CLOSE.sub("”", _PTB_OPEN.sub("“", text))


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A block wrapped at a fixed width: long lines that stop mid-sentence."""
    if len(lines) < 3:
        return False
    inner = lines[:-1]
    open_ended = sum(not Line(line).is_sentence for line in inner) / len(inner)
    continued = sum(line[:1].islower() for line in lines[1:]) / (len(lines) - 1)
    return (
        open_ended >= 0.5
        and continued >= 0.25
        and median(len(line) for line in lines) >= 40
        and max(len(line) for line in lines) <= 120
    )


def split_lines(text: str) -> list[str]:
    """Logical lines: a hard-wrapped block is joined back into one paragraph."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _is_hard_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def furniture_why(line: Line) -> str | None:
    """Why a line is page furniture whatever its position, or None if it may be content."""
    return _marked_why(line) or family_why(line) or _prompt_why(line)


def _marked_why(line: Line) -> str | None:
    """Why a line is furniture by a mark of its own: a credit's slash, ©, separators, a colon."""
    if line.is_credit:
        return "photo credit"
    if line.is_copyright:
        return "copyright notice"
    if line.is_navigation:
        return "navigation or tag list"
    if line.is_dangling_label:
        return "caption or credit marker"
    return None


def introduces_quote(line: Line, following: Line | None) -> bool:
    """Whether a short line ending in ":" hands the next paragraph to its speaker.

    Such a line is the article's text, not a caption marker or a label: without it the quote
    after it has no speaker ("Stated Stone:", "Cruz continued:" before a quotation). A verb
    of speech is enough before any kept line; a name alone ("Trump:"), or a player line
    naming someone's remarks ("Watch Beck's remarks below:"), only before a quotation, so
    "Watch the ad below:", "Related:", "Read more:" still go.
    """
    if following is None or not line.is_lead_in:
        return False
    if following.opens_quote:
        return line.speaks or line.is_name_label
    return line.speaks and not line.starts_imperative and furniture_why(following) is None


def _prompt_why(line: Line) -> str | None:
    """Why a line is the page talking to its reader or about itself rather than news."""
    if _addresses_reader(line):
        return "addresses the reader (call-out or sign-up prompt)"
    if _calls_to_action(line):
        return "call to action"
    # A short quotation signed "on Facebook" or said "on Twitter" is someone's words.
    if not line.is_sentence and line.n <= 15 and line.web_terms and not line.is_attributed_quote:
        return "site furniture"
    return None


def _addresses_reader(line: Line) -> bool:
    """A short line that says "you" twice, or once with a web term or a question: a prompt."""
    # Prompts are short; a long paragraph that says "you" is an essay's style.
    return line.n <= _MAX_PROMPT_WORDS and bool(
        line.second_person >= 2 or (line.second_person and (line.web_terms or "?" in line.text))
    )


def _calls_to_action(line: Line) -> bool:
    """A short line opening on an imperative: no sentence, or it speaks of the web or to you."""
    return (
        line.n <= _MAX_PROMPT_WORDS
        and line.starts_imperative
        and bool(not line.is_sentence or line.web_terms or line.second_person)
    )


def _header_name(line: Line) -> str | None:
    """What a short capitalised line of the header names: "byline" for a person or an
    outlet, "column" for a column or a section alone on its line ("Economic Scene.",
    "News Analysis."), None for any other line."""
    if _EXPLICIT_BYLINE.match(line.text):
        return "byline" if line.n <= 12 else None
    return _unprefixed_name(line.text.strip())


def _unprefixed_name(text: str) -> str | None:
    """``_header_name`` of a line without "By": 2-5 capitalised words, maybe then a tail."""
    match = _BYLINE.match(text)
    if not match:
        return None
    words = match.group("name").split()
    if any(w.lower() in STOPWORDS for w in words if w.lower() != "and"):
        return None
    alone = match.group("name") == text
    # An outlet's name ("NBC News") is read as before: the byline of wire copy.
    if outlet_shaped(words) or (_person_shaped(words) and not (alone and _ends_phrase(words))):
        return "byline"
    return "column" if alone else None


def _person_shaped(words: list[str]) -> bool:
    """Whether capitalised words without "By" may be a person's name: a heading ("United
    States Capitol", "News Analysis") has a word that names no one. The first word is
    spared, as given names are often common nouns too (Mike, Will, Pat); initials and
    suffixes ("J.", "Jr.") are too short to tell."""
    return not any(names_no_one(w.rstrip(".")) for w in words[1:] if len(w.rstrip(".")) > 2)


def _ends_phrase(words: list[str]) -> bool:
    """A last word with a full stop, not an initial or a suffix: a column's name ("Economic
    Scene.") ends so, a name alone on its line does not."""
    return words[-1].endswith(".") and len(words[-1]) > 4


def _read_header(article: Article, lines: list[Line]) -> dict[int, str]:
    """Fill title, dek, byline and date from the top lines; return the indexes that gave
    them, with the field each gave.

    The header ends at the first line that reads as body text: a sentence of
    some length, or a lead-in handing the next paragraph to its speaker ("X said
    in a statement:" reads like a standfirst, but without it the quote after it
    has no speaker). Lines in the header that are none of the fields are left
    for the body rules to judge; a column's name ("Economic Scene.") is read
    as a field, to be recorded removed, but the article keeps none.
    """
    fields_at: dict[int, str] = {}
    after_marker = False
    top = lines[:_MAX_HEADER_LINES]
    for i, (line, following) in enumerate(zip(top, [*lines[1 : len(top) + 1], None], strict=False)):
        if (line.is_sentence and line.n >= 8) or introduces_quote(line, following):
            break
        follows_marker, after_marker = after_marker, line.is_dangling_label
        if follows_marker or furniture_why(line):
            continue
        if field := _header_field(article, line, first=not fields_at):
            name, value = field
            if name in _ARTICLE_FIELDS:
                setattr(article, name, getattr(article, name) or value)
            fields_at[i] = name
    return fields_at


def _header_field(article: Article, line: Line, first: bool) -> tuple[str, str] | None:
    """The header field a line gives and its value, or None when it is none of them.

    Only a date may come again (the later one is dropped); the title is the
    first field line, and the dek follows it before any byline.
    """
    if date := _dateline(line):
        return "published", date
    # A live update opens on its time ("6:56 pm Senate leaders ..."): text, not a title.
    if article.title is None and first and 2 <= line.n <= 30 and not line.time_stamp:
        return "title", line.text
    if _is_dek(article, line):
        return "dek", line.text
    return _named_field(article, line)


def _named_field(article: Article, line: Line) -> tuple[str, str] | None:
    """The byline a line gives, or the column's name after the title; None for other lines."""
    named = _header_name(line)
    if named == "byline" and article.byline is None:
        return "byline", re.sub(r"^by\s+", "", line.text.strip(), flags=re.IGNORECASE)
    return ("column", line.text) if named == "column" and article.title else None


def _dateline(line: Line) -> str | None:
    """The date a short line gives (as ``YYYY-MM-DD``): a header's dateline, not prose."""
    return parse_date(line.text) if line.n <= 12 else None


def _is_dek(article: Article, line: Line) -> bool:
    """A line of prose's wordiness after the title and before any byline: the standfirst.
    A quotation with its speaker ('"We will rebuild it," Ann Lee said.') is the story's
    first statement, not a standfirst: as the dek it would be shown, and lost to the quotes."""
    return bool(
        article.title
        and article.dek is None
        and article.byline is None
        and line.n >= 6
        and line.stopword_density >= _MIN_PROSE_DENSITY
        and not line.time_stamp
        and not line.is_attributed_quote
    )


def _body_why(
    line: Line,
    previous_why: str | None,
    in_list: bool,
    repeats: int,
    position: Position,
    following: Line | None = None,
    before: Line | None = None,
) -> str | None:
    """Why a body line is not the article's text, judged with the lines around it and its repeats.

    ``following`` is the line after it (None at the end), ``before`` the one before it if
    that was kept.
    """
    if introduces_quote(line, following) or _signs_statement(line, before):
        return None
    if why := furniture_why(line):
        return why
    if line.is_time_stamp:
        return "time stamp of a live update"
    if previous_why == "caption or credit marker" and line.n <= _MAX_CAPTION_WORDS:
        return "caption (follows a caption marker)"
    if repeats > 1 and not line.is_sentence:
        return "repeated line (caption or site furniture)"
    return _fragment_why(line, position.shared, in_list) or _judged_why(line, position, in_list)


def _fragment_why(line: Line, shared: bool, in_list: bool) -> str | None:
    """Why a line that is no sentence is not text; None for prose and list items.

    A short line right after a kept list item without final stop is the next
    item ("Banned by the 1993 Chemical Weapons Convention"), not a heading; a
    "label: value" line giving a figure ("Estimated net worth: $250,000") is a fact.
    """
    if line.is_sentence or line.is_fact_label or (line.is_bullet and line.n > _MAX_LABEL_WORDS):
        return None
    if shared and line.n <= _MAX_SHARED_WORDS:
        return "repeated across articles (site furniture)"
    if _is_label(line, in_list):
        return "heading, label or credit (not a sentence)"
    return None


def _is_label(line: Line, in_list: bool) -> bool:
    """A short line that is no list's next item, nor a short quotation with its speaker
    ('"Never." Ann Lee, Dayton')."""
    return line.n <= _MAX_LABEL_WORDS and not (
        (in_list and _is_short_item(line)) or line.is_attributed_quote
    )


def _is_short_item(line: Line) -> bool:
    """Words enough, one a function word: "Died in Royal Tunbridge Wells in 1761", not a widget."""
    return line.n >= _MIN_ITEM_WORDS and line.stopword_density > 0


def _judged_why(line: Line, position: Position, in_list: bool) -> str | None:
    """Why the learned judge takes a line the rules keep for furniture, or None.

    It judges short lines only, and not the rules' own keeps: a list item, a figure, a post,
    a live update.
    """
    if in_list or not judges(line) or not load_judge().is_furniture(line, position):
        return None
    return _JUDGED


def _list_goes_on(line: Line, kept: bool, in_list: bool) -> bool:
    """Whether the line after ``line`` may be an item of a list without final stops.

    A list starts at a kept line of some length without one, and goes on over
    kept lines without one.
    """
    if not kept or line.is_sentence:
        return False
    return in_list or line.n > _MAX_LABEL_WORDS


def _shown_why(
    line: Line, in_header: bool, header_keys: set[str], kept_keys: set[str]
) -> str | None:
    """Why a line repeats what the article shows already: its headline, a paragraph, its date."""
    if line.text.lower() in header_keys:
        return "repeats the headline"
    if line.key in kept_keys:
        return "repeats an earlier paragraph"
    if in_header and _dateline(line):
        return "dateline"
    return None


def _clean_one(article: Article, lines: list[Line], shared_keys: set[str]) -> None:
    """Read an article's header fields, then keep its text lines and record the others with why."""
    fields_at = _read_header(article, lines)
    start = max(fields_at, default=-1) + 1
    header_keys = {v.lower() for v in (article.title, article.dek) if v}
    counts = Counter(line.key for line in lines)
    kept_keys: set[str] = set()
    paragraphs: list[str] = []
    removed: list[RemovedLine] = []
    why: str | None = None
    in_list = False
    before: Line | None = None  # the line before, if kept
    # Each line with the one after it (None after the last; no line, no pair).
    for i, (line, following) in enumerate(zip(lines, [*lines[1:], None], strict=False)):
        # Only a field's own line is shown as the field: a copy of it is removed, with why.
        if fields_at.get(i) in _SHOWN:
            removed.extend(_field_record(article.id, line.text, fields_at[i]))
            why, in_list, before = None, False, None
            continue
        position = Position(i, len(lines), shared=line.key in shared_keys)
        why = _shown_why(line, i < start, header_keys, kept_keys) or _body_why(
            line, why, in_list, counts[line.key], position, following, before
        )
        if why:
            removed.append(RemovedLine(article.id, line.text, why))
        else:
            paragraphs.append(trimmed(article.id, line.text, removed))
            kept_keys.add(line.key)
        in_list = _list_goes_on(line, kept=not why, in_list=in_list)
        before = None if why else line
    paragraphs, removed = _unjudged(paragraphs, removed)
    article.paragraphs, article.removed = paragraphs or _lone_lead(article), removed


def _field_record(article_id: str, text: str, field: str) -> list[RemovedLine]:
    """The record of a header field's own line: the byline's is recorded as the byline (not
    judged as the body is: "By Ann Lee, AP Writer" gives the byline less its "By", and names
    the outlet), a column's name as one; the title's and the dek's are shown as they are."""
    why = _FIELD_WHY.get(field)
    return [RemovedLine(article_id, text, why)] if why else []


def _signs_statement(line: Line, before: Line | None) -> bool:
    """Whether a line signs the statement kept right before it ('"…" ¶ — Ann Lee,
    ann.lee.com'): a reader's or a post's words with its author, whatever web words the
    signature holds, not furniture; a credit's or a page's marks still cut it."""
    return (
        before is not None
        and before.is_statement
        and line.is_signature
        and _marked_why(line) is None
    )


def _unjudged(
    paragraphs: list[str], removed: list[RemovedLine]
) -> tuple[list[str], list[RemovedLine]]:
    """The body and removals, with the judge's removals back when they left no body at all.

    The judge is the least sure reader: "Wow." alone is an article's text, not a widget.
    """
    if paragraphs:
        return paragraphs, removed
    back = [r.line for r in removed if r.why == _JUDGED]
    return back, [r for r in removed if r.why != _JUDGED]


def _lone_lead(article: Article) -> list[str]:
    """The body of a text the header took whole: a lead alone, cut off before its stop.

    A feed's or a digest's entry is a title and one paragraph, often cut
    mid-sentence; without a stop that paragraph reads as a dek (or, untitled,
    as the title), and the article would have no body. A dek needs a body
    after it, so it is the body; a title is when it reads as prose.
    """
    if article.dek:
        lead, article.dek = article.dek, None
        return [lead]
    title = Line(article.title or "")
    if title.n >= _MIN_LEAD_WORDS and title.stopword_density >= _MIN_PROSE_DENSITY:
        article.title = None
        return [title.text]
    return []


def _short_key(line: Line) -> str | None:
    """A short line's key (``Line.key``), None for a longer or an empty line."""
    if len(line.text.split()) > _MAX_SHARED_WORDS or not line.key:
        return None
    return line.key


def _hashed(key: str) -> int:
    """The key in 8 bytes: a pile's counts hold hashes, not its lines' text."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest())


def _hashed_keys(articles: Iterable[list[Line]]) -> list[dict[str, int]]:
    """Each article's short lines' keys with their hashes; a key is hashed once however many
    lines and articles carry it."""
    found = [{k for line in lines if (k := _short_key(line)) is not None} for lines in articles]
    hashes = {key: _hashed(key) for key in set().union(*found)}
    return [{key: hashes[key] for key in keys} for keys in found]


@dataclass(frozen=True)
class LineCounts:
    """In how many articles each short line occurs, by hashed key (``_hashed_keys``).

    Counted up to two: a line is shared or not, so a key seen once costs a
    byte beside its 8, and a pile's blocks can be counted apart (on Dask
    workers) and summed with ``+``, in any order, to the same counts.
    """

    keys: np.ndarray = field(default_factory=lambda: np.empty(0, np.uint64))  # sorted, unique
    counts: np.ndarray = field(default_factory=lambda: np.empty(0, np.uint8))  # 1 or 2

    @classmethod
    def of(cls, articles: Iterable[list[Line]]) -> LineCounts:
        """The counts of the articles' lines, each article counted once per key."""
        return cls.of_hashed(_hashed_keys(articles))

    @classmethod
    def of_hashed(cls, articles: list[dict[str, int]]) -> LineCounts:
        """The counts of the articles' hashed short lines (``_hashed_keys``)."""
        found = [np.fromiter(hashes.values(), np.uint64, len(hashes)) for hashes in articles]
        keys = np.concatenate([cls().keys, *found])
        return _summed(keys, np.ones(len(keys), np.uint8))

    def __add__(self, other: LineCounts) -> LineCounts:
        return _summed(
            np.concatenate([self.keys, other.keys]), np.concatenate([self.counts, other.counts])
        )

    @property
    def shared(self) -> frozenset[int]:
        """The keys of the lines two or more articles carry."""
        return frozenset(self.keys[self.counts > 1].tolist())


def _summed(keys: np.ndarray, counts: np.ndarray) -> LineCounts:
    unique, where = np.unique(keys, return_inverse=True)
    total = np.bincount(where, weights=counts, minlength=len(unique))
    return LineCounts(unique, np.minimum(total, 2).astype(np.uint8))


def text_lines(article: Article) -> list[Line]:
    """A plain-text article's lines, as cleaning reads them."""
    return [Line(text) for text in split_lines(normalize(article.raw))]


def shared_short_lines(
    articles: Iterable[list[Line]], shared: frozenset[int] | None = None
) -> set[str]:
    """Short lines of ``articles`` that two or more articles carry: the furniture of a shared
    site. Two of these articles, or (``shared``, keys of a ``LineCounts``) of a whole pile."""
    # Hashed once, for the count and for the look-up alike.
    hashed = _hashed_keys(articles)
    if shared is None:
        shared = LineCounts.of_hashed(hashed).shared
    return {key for hashes in hashed for key, h in hashes.items() if h in shared}


def clean_texts(articles: list[Article], shared: frozenset[int] | None = None) -> None:
    """Clean plain-text articles of one batch in place; ``shared`` as for ``shared_short_lines``."""
    # Each article's lines are read once, for both the batch-wide count and its own cleaning.
    lines = [text_lines(a) for a in articles]
    shared_keys = shared_short_lines(lines, shared)
    for article, article_lines in zip(articles, lines, strict=True):
        _clean_one(article, article_lines, shared_keys)
        # An outlet given with the input (a JSONL record's, a feed's) is the publisher's own word.
        if article.outlet is None:
            removed = [r.line for r in article.removed]
            article.outlet = infer_outlet(removed, article.paragraphs)
        if article.title:
            names = site_names(article.outlet, url=article.url)
            retitle(article, _GLUED_LABEL.sub("", article.title), "label glued before the title")
            cut_site_name(article, names)
