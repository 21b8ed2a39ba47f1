"""The page speaking about the article, and the labels it glues to a paragraph's start.

Two shapes of furniture that read like prose and that the other families miss:

* notices about the article rather than the story: an editor's note or a
  correction ("CORRECTION (March 18): An earlier version of this article …",
  "Editor's note: This interview has been edited for length."), an update
  that speaks of the article ("Updated on Oct. 8: An update has been
  attached to this article."), a spoiler warning, and prompts to sign up or
  follow a topic ("Interested in X? Add X as an interest to stay up to date …",
  "For more, sign up for the … newsletter.", "Learn how … ." under a story,
  a link to another). ``notice_why`` judges a line or a sentence glued to one.
* a section label or kicker run into the paragraph it heads, the break
  between them lost: "Analysis The letter published by Izvestia …",
  "Update: Truckers are no longer planning …", "UPDATE: 5/12 — The website
  …", "EXCLUSIVE – Roger Stone: …". ``split_label`` cuts the label off and
  keeps the news after it.

An embedded post signed with a handle is someone's words and is left whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storybrief.clean.lines import Line


@dataclass(frozen=True)
class NoteLimits:
    """How long a notice may be.

    Written after reading the 125 Multi-News and DUC dev summaries and checked on
    the lines they remove from Multi-News dev, DUC 2004 dev and PolNeAR
    (``bench/boilerplate.py --broad``); no labelled story tuned them.
    """

    notice_words: int = 120  # NPR's update, who wrote in and the points corrected: 82 words
    prompt_words: int = 40  # ABC's "Interested in X? Add X as an interest …": 28 words
    teaser_words: int = 20  # "Learn how yo-yo dieting may be triggered by changes in gut microbes."


NOTE_LIMITS = NoteLimits()

_APOSTROPHE = "['’`]"
# "CORRECTION:", "Correction (March 18, 11:30 a.m.):", "Editor’s note:", "CORRECTION APPENDED."
_EDITOR_NOTE = re.compile(
    rf"^\W{{0,3}}(?:editor{_APOSTROPHE}?s{_APOSTROPHE}?\s+note|corrections?|clarifications?)"
    r"(?:\s+appended)?\s*(?:\([^()]{0,40}\))?\s*(?:[:.\-–—]|$)",
    re.IGNORECASE,
)
# A date or time a label carries before its colon: "September 6, 2011 1:45 p.m.:", "5/12 —".
_STAMP = (
    r"(?:on\s+)?(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}/\d{1,2}(?:/\d{2,4})?)"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?\s*[:\-–—]\s+"
)
# "Update:", "UPDATE 2:", "Updated on Oct. 8, 2013 :", "UPDATE- ": the label and its stamp; with
# neither separator nor stamp the word is the sentence's own ("Updated figures show …").
_UPDATE = re.compile(
    rf"^\W{{0,3}}(?:UPDATED?|Updated?)(?:\s+\d{{1,2}})?(?:\s*[:\-–—]\s*(?:{_STAMP})?|\s+{_STAMP})"
)
# The notice speaks of the article: "this story", "an earlier version", "the above article".
_ABOUT_ARTICLE = re.compile(
    r"\b(?:this|the above|an earlier|a previous|the original)\s+(?:version\s+of\s+(?:this|the)\s+)?"
    r"(?:article|story|report|post|piece|interview)\b|\bearlier version\b",
    re.IGNORECASE,
)
_SPOILERS = re.compile(
    r"^\W{0,3}(?:spoiler\s+(?:alert|warning)\b|warning\W+(?:this\s+\w+\s+)?contains\s+spoilers\b)",
    re.IGNORECASE,
)
# "Sign up for …", "(Subscribe to … podcast)", "For more, sign up …", "… as an interest":
# the prompt opens the line or follows a question or a short lead-in ("Never miss a local
# story."); "wanted men to sign up for updates" does not, nor a sentence of news before it.
_SIGN_UP = re.compile(
    r"(?:^|^[^.?!]{0,30}[.?!]\s+|\?\s+)\(?(?:for more,\s*)?(?:sign\s+up|subscribe)\s+"
    r"(?:for|to|today|now|here)\b"
    r"|\bas an interest\b|^interested in [^?]{1,60}\?",
    re.IGNORECASE,
)
_TEASER = re.compile(r"^(?:Learn|Find out)\s+(?:how|why|what|more|about)\b")
# A kicker with its separator ("EXCLUSIVE – ", "Breaking: ", "Update: ") or, without one, a
# section word run into a sentence's opening word: "Analysis The letter …", not "Opinion polls".
_KICKER = re.compile(
    r"^(?:(?:ANALYSIS|Analysis|EXCLUSIVE|Exclusive|BREAKING(?:\s+NEWS)?|Breaking(?:\s+[Nn]ews)?"
    r"|OPINION|Opinion|EXPLAINER|Explainer)\s*[:\-–—]+\s*"
    r"|(?:Analysis|Exclusive|Explainer|Opinion)\s+(?=(?:The|A|An|In|On|It|This|That|When|As"
    r"|After|For)\s))(?=[\"“‘'A-Z0-9])"
)


# Words one of the notices opens on, and words every prompt or warning holds: set tests that
# spare most lines the patterns (every kept line and its end sentences pass through here).
_NOTE_OPENERS = frozenset(
    """editor's editor’s editors editors' correction corrections clarification clarifications update
    updated updates learn find""".split()
)
_NOTICE_WORDS = frozenset("sign subscribe interest interested spoiler spoilers".split())


def notice_why(line: Line, limits: NoteLimits = NOTE_LIMITS) -> str | None:
    """Why a line is the page speaking about the article or to its reader, or None."""
    if not _may_be_notice(line, limits):
        return None
    text = line.text.strip()
    if _is_note(text):
        return "editor's note or correction (about the article, not the story)"
    if _SPOILERS.match(text):
        return "spoiler warning"
    if line.n <= limits.prompt_words and _SIGN_UP.search(text):
        return "sign-up or follow prompt"
    if line.n <= limits.teaser_words and _TEASER.match(text):
        return "link to another story (a teaser)"
    return None


def _may_be_notice(line: Line, limits: NoteLimits) -> bool:
    """Opens on a notice's word or holds a prompt's, is not too long, and quotes no post."""
    words = line.lower_words
    if not words or (words[0] not in _NOTE_OPENERS and not _NOTICE_WORDS & line.word_set):
        return False
    return line.n <= limits.notice_words and not line.is_signed_post


def _is_note(text: str) -> bool:
    """An editor's note or correction, or an update that speaks of the article itself."""
    return bool(_EDITOR_NOTE.match(text) or (_UPDATE.match(text) and _ABOUT_ARTICLE.search(text)))


def split_label(text: str) -> tuple[str, str]:
    """The line without a section label or kicker glued to its start, and the label ("" if none).

    Only a label with news after it is cut: a line that is a label alone is the line
    cleaner's to judge, and an embedded post is quoted whole.
    """
    found = _KICKER.match(text) or _UPDATE.match(text)
    if not found or Line(text).is_signed_post:
        return text, ""
    rest = text[found.end() :]
    if len(rest.split()) < 2:
        return text, ""
    return rest, found.group().strip()
