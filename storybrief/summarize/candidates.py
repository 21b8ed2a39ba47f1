"""Which sentences may enter a summary, and in what wording.

A summary sentence is read out of context, so sentences that only make sense
in place are left out: questions, quotations that stand without a speaker or
are split across sentences, captions, credits and links, and sentences too
short to state a fact or too long to fit a brief. One opening on a pronoun
("He denied ...") is quoted only after the sentence it points back at
(``extractive.select``). An agency dateline
("WASHINGTON (AP) —") is cut: it belongs to the article, not to the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storybrief.models import Article, Sentence
from storybrief.nlp.english import CLOSING_QUOTES, OPENING_QUOTES, balanced_quotes
from storybrief.nlp.overlap import words

MIN_WORDS = 8
MAX_WORDS = 55
# Openers that point back at the sentence before ("He denied ...", "These troops ..."):
# such a sentence reads right only after that one.
ANAPHORIC_OPENERS = frozenset(
    {"he", "she", "they", "his", "her", "their", "him", "them", "this", "these", "those"}
)

_AGENCY = r"\((?:[A-Z][\w&.' ]{0,25})\)"
_DASH = r"(?:_|-{1,2}|—|–)"
_DATELINE = re.compile(
    # An upper-case place, with an optional region, date, agency and wire tag...
    rf"^(?:[A-Z][A-Z.'’ -]+(?:, [A-Z][\w.]*(?: [A-Z][\w.]*){{0,2}})?"
    rf"(?:,? [A-Z][a-z]{{2}}\.? \d{{1,2}}(?:, \d{{4}})?)?\s*(?:{_AGENCY}\s*)?"
    rf"(?:/[^/\s][^/]{{0,30}}/\s*)?"
    # ...or a short mixed-case place or date that an agency tag marks as a dateline,
    rf"|(?:[A-Z][\w.,']*(?: [\w.,']+){{0,3}} )?{_AGENCY}\s*"
    # then a dash, and the sentence proper.
    rf"){_DASH}\s+(?=[A-Z0-9\"“‘'`])"
)
# Page furniture anywhere in a sentence, each pattern with strings one of which
# every match of it contains, in lower case: the case-insensitive search costs
# more than all other tests together, and only a sentence with a clue needs it.
_FURNITURE_CLUED = (
    (
        r"\b(?:Photo|Image|Picture|Video|Credit|Getty Images|Associated Press|File photo)\s*[:/]",
        ("photo", "image", "picture", "video", "credit", "associated press"),
    ),
    (r"https?://|www\.", ("://", "www.")),
    (r"\w\.(?:com|org|net)\b", (".com", ".org", ".net")),
    (r"[@#]\w", ("@", "#")),
    (
        r"\b(?:click|subscribe|sign up|newsletter|cookies?)\b",
        ("click", "subscribe", "sign up", "newsletter", "cookie"),
    ),
    (r"\((?:\d\w* )?[LRC]\)", ("l)", "r)", "c)")),  # a caption's "(2nd L)"
)
_FURNITURE = re.compile("|".join(p for p, _ in _FURNITURE_CLUED), re.IGNORECASE)
_FURNITURE_CLUES = tuple(clue for _, clues in _FURNITURE_CLUED for clue in clues)
# A page label that opens the sentence ("FILE PHOTO", "WATCH").
_FURNITURE_START = re.compile(
    r"(?:FILE|PHOTO|VIDEO|WATCH|READ MORE|RELATED|ADVERTISEMENT)\b", re.IGNORECASE
)
# Letters that IGNORECASE matches to an ASCII letter of a clue but ``str.lower``
# does not turn into it (dotted and dotless i, long s).
_CASE_VARIANTS = ("İ", "ı", "ſ")
_QUOTE_MARKS = "\"“”'‘’`"


@dataclass
class Candidate:
    """A sentence that may be quoted in a summary, with the text it would show."""

    sentence: Sentence
    text: str
    tokens: list[str]  # normalised words of ``text`` (``storybrief.nlp.overlap.words``)
    words: int  # whitespace-separated words of ``text``, the unit of the budget
    article: int  # position of its article among the story's usable articles

    @property
    def anaphoric(self) -> bool:
        """Whether it opens on a word that points back at the sentence before it."""
        return bool(self.tokens) and self.tokens[0] in ANAPHORIC_OPENERS


def trim(text: str) -> str:
    """``text`` without a dateline at its start."""
    return _DATELINE.sub("", text.strip(), count=1)


def _bare_quote(text: str) -> bool:
    """Whether ``text`` is one quotation with no speaker: it needs its context."""
    inner = text.strip(_QUOTE_MARKS + " ")
    return text.startswith(('"', "‘", *OPENING_QUOTES)) and not any(
        q in inner for q in ('"', *OPENING_QUOTES, *CLOSING_QUOTES)
    )


def _furniture(text: str) -> bool:
    """Whether ``text`` carries a caption, credit, link or reader prompt."""
    if _FURNITURE_START.match(text):
        return True
    lowered = text.lower()
    return (
        any(clue in lowered for clue in _FURNITURE_CLUES)
        or any(letter in text for letter in _CASE_VARIANTS)
    ) and bool(_FURNITURE.search(text))


def usable(text: str, tokens: list[str]) -> bool:
    """Whether ``text`` can stand alone in a summary."""
    return (
        MIN_WORDS <= len(tokens) <= MAX_WORDS
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in _QUOTE_MARKS)
        and text.rstrip()[-1:] in ".!)" + _QUOTE_MARKS
        and not text.rstrip(_QUOTE_MARKS + " )").endswith("?")
        and balanced_quotes(text)
        and not _bare_quote(text)
        and not _furniture(text)
    )


def collect_candidates(articles: list[Article]) -> list[Candidate]:
    """The usable sentences of the usable articles, in article then sentence order."""
    out: list[Candidate] = []
    for position, article in enumerate(a for a in articles if a.ok):
        for sentence in article.sentences:
            text = trim(sentence.text)
            tokens = words(text)
            if usable(text, tokens):
                out.append(Candidate(sentence, text, tokens, len(text.split()), position))
    return out
