"""Furniture inside a line of text: a caption, a credit or a link glued to a paragraph.

A scraper that loses the line breaks around a photo runs its caption into the
paragraph next to it ("… resigned in 2011. Police released this still image of
… (Medicine Hat Police Service) The 53-year-old was …"), and a page's link or
credit line into the paragraph before it ("… arrest members of Congress. Read
the latest news about the protest here."). Judging whole lines, the cleaner
keeps the news and the furniture with it, or loses both. Here a kept line is
read a sentence at a time, and two shapes are cut out of it:

* a sentence at either end of the line that one of the furniture families
  (``furniture.family_why``) or a credit's own mark (``Line.is_credit``)
  takes on its own;
* a caption inside the line: a sentence opening the way captions open ("FILE
  - …", "In this photo …", "Police released this video still …") up to the
  credit in brackets that closes it, one or two sentences later;
* a section label or kicker glued to the line's start ("Analysis The letter
  …", "Update: …"; ``notes.split_label``).

What is cut is recorded with its reason, like a removed line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storybrief.clean.furniture import LIMITS, WIRE_CAPTION, family_why
from storybrief.clean.lines import Line
from storybrief.clean.notes import split_label
from storybrief.models import RemovedLine

# A sentence ends on a stop (maybe inside closing quotes or brackets) or on a closing bracket,
# and the next opens on a capital or a bracket: "… Alta. (Medicine Hat Police Service) The …".
_BOUNDARY = re.compile(r"[.!?…)](?P<closers>[\"”’\]]*)\s+(?=[(\[\"“A-Z])")
# "Police released this still image from …", "The family provided this photo …": who released
# the picture, then the picture. Caption-shaped only with its credit after it (``_CREDIT``).
_RELEASED = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,5}(?:released|provided|issued|shared|distributed)\s+this\s+"
    r"(?:[\w-]+\s+){0,2}(?:image|photo|photograph|picture|still|footage|handout)s?\b"
)
# A credit in brackets standing as a sentence of its own: "(Medicine Hat Police Service)",
# "(AP Photo/Evan Vucci)", "(Getty Images)". Capitalised words only, up to six.
_CREDIT = re.compile(r"^\(\s*[A-Z][\w.'’&-]*(?:[\s/]+[A-Z][\w.'’&-]*){0,5}\s*\)$")
_QUOTES = '"“”'


@dataclass(frozen=True)
class Cut:
    """A stretch of a line cut out as furniture, and why."""

    text: str
    why: str


def _sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the line's sentences, in order; the spaces between belong to none."""
    found = list(_BOUNDARY.finditer(text))
    starts = [0] + [m.end() for m in found]
    ends = [m.start() + 1 + len(m["closers"]) for m in found] + [len(text)]
    return list(zip(starts, ends, strict=True))


def trim_furniture(text: str) -> tuple[str, list[Cut]]:
    """The line without the furniture sentences glued to it, and what was cut (see the module).

    A line of one sentence is the line cleaner's to judge; at least one sentence is kept.
    """
    spans = _sentences(text)
    if len(spans) < 2:
        return text, []
    pieces = [text[start:end] for start, end in spans]
    whys = _at_ends(pieces) | _caption_inside(pieces)
    if not whys or len(whys) == len(pieces):
        return text, []
    kept = " ".join(p for i, p in enumerate(pieces) if i not in whys)
    runs = _runs(sorted(whys))
    return kept, [Cut(" ".join(pieces[i] for i in run), whys[run[0]]) for run in runs]


def trimmed(article_id: str, text: str, removed: list[RemovedLine]) -> str:
    """A kept line less the furniture glued to it (sentences, a leading label), which join
    ``removed``."""
    text, label = split_label(text)
    if label:
        removed.append(RemovedLine(article_id, label, "section label or kicker (cut from a line)"))
    kept, cuts = trim_furniture(text)
    removed += [RemovedLine(article_id, cut.text, cut.why) for cut in cuts]
    return kept


def _at_ends(pieces: list[str]) -> dict[int, str]:
    """The sentences at either end that are furniture on their own, up to the first that is not.

    None when every sentence is: the line cleaner kept the line whole, and it is left whole.
    """
    whys: dict[int, str] = {}
    for order in (range(len(pieces)), range(len(pieces) - 1, -1, -1)):
        for i in order:
            why = i not in whys and _piece_why(pieces[i])
            if not why:
                break
            whys[i] = f"{why} (cut from a longer line)"
    return whys if len(whys) < len(pieces) else {}


def _caption_inside(pieces: list[str]) -> dict[int, str]:
    """The sentences of a caption run into the line: a caption's opening up to its credit."""
    cut: set[int] = set()
    for end, piece in enumerate(pieces):
        if not _CREDIT.match(piece):
            continue
        for start in range(end - 1, max(end - 1 - LIMITS.caption_sentences, -1), -1):
            if _opens_caption(pieces[start]):
                cut.update(range(start, end + 1))
                break
    if len(cut) == len(pieces):
        return {}
    return dict.fromkeys(cut, "photo caption and its credit (run into a paragraph)")


def _opens_caption(piece: str) -> bool:
    return bool(WIRE_CAPTION.match(piece) or _RELEASED.match(piece))


def _piece_why(piece: str) -> str | None:
    """Why one sentence of a line is furniture on its own; never a quoted one.

    Glued furniture is short (a credit, a pointer, a follow prompt): a longer sentence is
    not read, which spares most of a paragraph's sentences the families' tests.
    """
    if piece.count(" ") >= LIMITS.glued_words or any(q in piece for q in _QUOTES):
        return None
    line = Line(piece)
    if piece.startswith("[") and line.n < LIMITS.headline_words:
        return None
    if line.is_credit:
        return "photo credit"
    return family_why(line)


def _runs(indexes: list[int]) -> list[list[int]]:
    """Consecutive indexes grouped: each run is one stretch of the line."""
    runs: list[list[int]] = []
    for i in indexes:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs
