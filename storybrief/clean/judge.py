"""A learned judge for the lines the furniture rules leave: a logistic regression over shape.

The rules of ``text`` and ``furniture`` name families by their marks; a line
of furniture that carries no mark they know (a related-link headline ending
on "Read more", a comment widget's run of names, a gallery slide crediting
"Getty Images") reaches the body. The judge scores such a line on its shape
alone, the features jusText-style cleaners use: length, sentence
punctuation, function-word and capital shares, digits, symbols (slashes,
bars, brackets, addresses), the cue-word families the rules read (web,
media, link, agency words), the second person and a leading imperative, its
place in the article and whether other articles of the batch carry it.

The weights (``line_judge.json``) are fitted by ``bench/train_line_judge.py``
on hand-labelled lines of Multi-News, DUC and PolNeAR dev articles outside
the gold-dev stories and their clusters (``bench/line_labels.tsv``); the
threshold is the one cross-validation by story chose for high precision.
``bench/boilerplate.py`` reports it on the gold-dev stories, never trained on.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from storybrief.clean.lines import PHOTO_SIGNERS, WEB_TERMS, Line
from storybrief.weights import read_weights

WEIGHTS = Path(__file__).with_name("line_judge.json")

# Cue-word families the rules read, counted here as evidence rather than as a verdict.
_MEDIA = frozenset(
    """photo photos photograph image images picture pictures video videos gallery slideshow
    caption credit getty afp reuters ap associated press file""".split()
)
_LINK = frozenset("read more related latest also see story stories headlines watch".split())
# Words that attribute a statement: news prose says who said it, furniture does not.
_ATTRIBUTION = frozenset("said says told according".split())
# A list's dash glued to its item's first word ("-Donald Trump leads over Ted Cruz in Indiana.
# [HuffPost, …]"): a bullet all the same, though ``Line.is_bullet`` wants a space after it.
_GLUED_BULLET = re.compile(r"^\s*[-–•*](?=[A-Z][a-z])")
_SYMBOLS = re.compile(r"[|/@#©»›•·<>{}=_*\[\]]")
_CAPITALISED = re.compile(r"^[A-Z]")
# Words a scrape glued together ("FlagShareLikeReply"): a widget's labels, not prose.
_GLUED = re.compile(r"[a-z][A-Z][a-z]")
_COUNTER = re.compile(r"^\d{1,3}\s?(?:/|of)\s?\d{1,3}\b")
# Words that make a line of a word or three a credit or a label, not prose ("Nolan McCaskill
# contributed.", "Getty.", "Twitter.").
_CREDIT_CUES = frozenset("contributed contributing reporting editing source sources".split())
_CUES = WEB_TERMS | _MEDIA | _LINK | PHOTO_SIGNERS | _CREDIT_CUES
# A sentence of a word to three in plain words and figures: "Pure propaganda.", "Santorum.",
# "30,000.", "Undecided 9%." No symbol, colon, bracket or ellipsis: "(h/t Mediaite.)",
# "Source: NATO." and "Loading…" are furniture's shapes.
_PLAIN_SENTENCE = re.compile(r"^[\w’'.,%$ -]+[.!?]$")
_CLOCK = re.compile(r"\d\s*[ap]\.m\.", re.IGNORECASE)  # "9 p.m.": a live blog's stamp, alone


@dataclass(frozen=True)
class Position:
    """Where a line stands in its article and whether other articles of the batch have it."""

    index: int
    count: int
    shared: bool = False

    @property
    def relative(self) -> float:
        return self.index / max(self.count - 1, 1)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _shape(line: Line) -> list[float]:
    """Length, punctuation, capitals and digits of the line."""
    text = line.text.strip()
    words = line.words
    return [
        math.log1p(line.n),
        float(line.is_sentence),
        float(text.endswith(":")),
        line.stopword_density,
        _share(sum(bool(_CAPITALISED.match(w)) for w in words), len(words)),
        _share(sum(w.isupper() and len(w) > 1 for w in words), len(words)),
        _share(sum(c.isdigit() for c in text), len(text)),
        float(text[:1].isdigit()),
        float(text[:1] in "\"“‘'"),
        float(text[:1].islower()),
        math.log1p(len(_GLUED.findall(text))),
    ]


def _marks(line: Line) -> list[float]:
    """Symbols, addresses and the cue-word families the rules read."""
    text = line.text
    words = line.lower_words
    return [
        math.log1p(len(_SYMBOLS.findall(text))),
        float(text.rstrip().endswith(")")),
        float(bool(line.addresses)),
        float(line.is_time_stamp),
        float(line.time_stamp is not None and not line.is_time_stamp),
        float(bool(_COUNTER.match(text))),
        float(bool(words) and words[-1] in PHOTO_SIGNERS),
        float(line.second_person > 0),
        float(line.starts_imperative),
        _share(sum(w in WEB_TERMS for w in words), len(words)),
        _share(sum(w in _MEDIA for w in words), len(words)),
        _share(sum(w in _LINK for w in words), len(words)),
        float(bool(words) and words[-1] in _LINK),
        float(line.stopword_density == 0 and line.n > 1),
    ]


def _place(position: Position) -> list[float]:
    return [
        position.relative,
        float(position.index == 0),
        float(position.index >= position.count - 3),
        float(position.shared),
    ]


def features(line: Line, position: Position) -> list[float]:
    """The judge's features of one line, in ``FEATURE_NAMES`` order."""
    return [*_shape(line), *_marks(line), *_place(position)]


FEATURE_NAMES = (
    "log_words",
    "sentence",
    "ends_colon",
    "function_words",
    "capitalised",
    "all_caps",
    "digits",
    "opens_digit",
    "opens_quote",
    "opens_lower",
    "glued_words",
    "log_symbols",
    "ends_bracket",
    "address",
    "time_stamp",
    "stamped_update",
    "slide_counter",
    "ends_signer",
    "second_person",
    "imperative",
    "web_words",
    "media_words",
    "link_words",
    "ends_link_word",
    "no_function_word",
    "relative_position",
    "first",
    "last_three",
    "shared",
)


@dataclass(frozen=True)
class LineJudge:
    """A fitted logistic regression and the threshold above which a line is furniture."""

    weights: tuple[float, ...]
    bias: float
    threshold: float

    def probability(self, line: Line, position: Position) -> float:
        """How likely the line is furniture, on its shape and place."""
        values = features(line, position)
        score = self.bias + sum(w * x for w, x in zip(self.weights, values, strict=True))
        return 1 / (1 + math.exp(-score))

    def is_furniture(self, line: Line, position: Position) -> bool:
        return self.probability(line, position) >= self.threshold


@dataclass(frozen=True)
class JudgeScope:
    """Which lines the judge may remove.

    Set with the threshold by cross-validation on the labelled lines (``bench/
    train_line_judge.py``): above 15 words (the rules' limit for site furniture
    without a sentence) its out-of-fold mistakes are live-blog paragraphs and
    wire leads ending on a source in brackets, and few furniture lines are left.
    """

    max_words: int = 15
    # A plain sentence up to this long without a cue word is not the judge's
    # (``_is_short_sentence``): chosen on PolNeAR's broad reading, checked by the CV.
    short_sentence_words: int = 3


SCOPE = JudgeScope()


def judges(line: Line, scope: JudgeScope = SCOPE) -> bool:
    """Whether the judge decides on a line the rules keep: short, and not kept on purpose."""
    return line.n <= scope.max_words and not is_protected(line)


def is_protected(line: Line) -> bool:
    """A line the rules keep on purpose, which the judge does not overrule.

    A figure given as "label: value", an embedded post signed with a handle, a
    live blog's time-stamped update, a bulleted or numbered item ("14. Jim
    Gilmore (15.)" in a ranking, "-Donald Trump leads …" in a roundup), a
    statement attributed to someone ("…, the statement said. (Reuters)"), a
    quotation with its speaker or signature ('"Never." — Ann Lee, Dayton'), a
    plain sentence of a word to three
    (``_is_short_sentence``): each is short, capitalised or signed like
    furniture, and is the article's text.
    """
    stamped = line.time_stamp is not None and not line.is_time_stamp
    attributed = bool(_ATTRIBUTION & line.word_set)
    return (
        stamped
        or attributed
        or line.is_fact_label
        or line.is_signed_post
        or line.is_attributed_quote
        or line.is_bullet
        or bool(_GLUED_BULLET.match(line.text))
        or _is_short_sentence(line)
    )


def _is_short_sentence(line: Line) -> bool:
    """A plain sentence of a word to three, not in capitals and without a cue word.

    Prose has such sentences ("Pure propaganda.", "Enter President Trump.") and lists and
    figures boxes such items ("30,000.", "Undecided 9%."); the judge, reading shape alone,
    cannot tell "Santorum." from "Getty.", and the cue words can.
    """
    text = line.text.strip()
    return (
        0 < line.n <= SCOPE.short_sentence_words
        and not text.isupper()
        and not text.endswith("..")
        and not _CLOCK.search(text)
        and bool(_PLAIN_SENTENCE.match(text))
        and not _CUES & line.word_set
    )


@cache
def load_judge(path: Path = WEIGHTS) -> LineJudge:
    """The judge whose weights ``bench/train_line_judge.py`` wrote; their names must match
    (``read_weights``)."""
    data = read_weights(path, FEATURE_NAMES, ("weights",), ("bias", "threshold"))
    return LineJudge(tuple(data["weights"]), data["bias"], data["threshold"])
