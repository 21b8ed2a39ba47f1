"""Which outlets debunk the story's claim, learned: a logistic regression over debunk cues.

An article that calls the story's claim a hoax, fake or false, denies it or
says there is no evidence for it is scored as a whole: what a debunking
outlet writes differs from what a reporting one writes in which words it
uses and where (a debunk leads with it; a report that mentions "rumours"
or "claims" hedges, and may say a photo "is not fake"). The features are
counts of cue words from ``lexicon`` (``FEATURES``); the weights, in
``debunk_weights.json``, are fit by ``bench/train_debunk.py`` on the FNC-1
dev stories' tune half (bodies that *disagree* with their claim against
those that agree with or discuss it) and scored on the report half
(``bench/fnc1.py``). The rule-based ``denial`` detector finds the claim a
sentence denies; this one finds an outlet that debunks when the words that
tell the claim differ too much for the rules to match them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from functools import cache
from itertools import combinations
from pathlib import Path

import numpy as np

from storybrief.analyze.context import StoryContext
from storybrief.analyze.independence import told_independently
from storybrief.analyze.lexicon import DEBUNK_CUES, NEGATED_TRUTHS, REPORT_HEDGES
from storybrief.models import Article, Conflict, ConflictKind, Sentence

from .base import Merged

kind: ConflictKind = "debunk"
takes_side = True
# Its conflicts are kept only where no earlier detector's tell them (``find_conflicts``):
# a denial the rules matched, or a figure dispute a denial joined, is told better there.
fallback = True

WEIGHTS = Path(__file__).with_name("debunk_weights.json")
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")


def _pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """Whole words or phrases, any of ``phrases`` (a trailing ``*``: any ending)."""
    alternatives = sorted(re.escape(p).replace(r"\*", r"\w*") for p in phrases)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


_CUE = _pattern(DEBUNK_CUES)
_NEGATED_TRUTH = _pattern(NEGATED_TRUTHS)
_HEDGE = _pattern(REPORT_HEDGES | {"claim*", "report*"})
_DENY = re.compile(r"\bden(?:y|ies|ied|ial|ials|ying)\b")
# Phrases with a cue word that call nothing untrue: "made up his mind", "would not
# confirm or deny" (``lowered`` drops them before the cues are read).
_NOT_CALLING = re.compile(
    r"\bmade up (?:his|her|their|its|my|our|your) minds?\b|\bconfirm\w* n?or den\w*"
)
_LEAD_WORDS = 60  # a debunk says so early: the words read as the article's lead


def _count(pattern: re.Pattern[str]) -> Callable[[str], float]:
    return lambda text: math.log1p(len(pattern.findall(text)))


def _in_lead(pattern: re.Pattern[str]) -> Callable[[str], float]:
    return lambda text: float(bool(pattern.search(" ".join(_WORD.findall(text)[:_LEAD_WORDS]))))


# Each feature of an article's lower-cased text, by name.
ARTICLE_FEATURES: dict[str, Callable[[str], float]] = {
    "cues": _count(_CUE),
    "cue_in_lead": _in_lead(_CUE),
    "negated_truths": _count(_NEGATED_TRUTH),
    "denials": _count(_DENY),
    "hedges": _count(_HEDGE),
    "cue_share": lambda text: len(_CUE.findall(text)) / max(len(_WORD.findall(text)), 1) * 100,
}
# A pair's features, by name (the weights file names them too): how much more the more
# debunking article of the two has of each, and the cues both have (a story every outlet
# calls a hoax is no dispute between them).
FEATURES = (*(f"{name}_gap" for name in ARTICLE_FEATURES), "cues_both")


def lowered(text: str) -> str:
    """A text as the cues are read in: lower case, one apostrophe, no phrase that calls
    nothing untrue."""
    return _NOT_CALLING.sub(" ", text.lower().replace("`", "'").replace("’", "'"))


def article_features(text: str) -> np.ndarray:
    """The features of one article's text, in ``ARTICLE_FEATURES`` order."""
    lowered_text = lowered(text)
    return np.array([f(lowered_text) for f in ARTICLE_FEATURES.values()], dtype=float)


def debunk_weight(features: np.ndarray) -> float:
    """How much an article's features call something untrue: its cues, negated truths, denials."""
    return float(features[0] + features[2] + features[3])


def may_dispute(one: np.ndarray, other: np.ndarray) -> bool:
    """Whether two articles may be two sides: one of them calls something untrue."""
    return max(debunk_weight(one), debunk_weight(other)) > 0


def pair_features(one: np.ndarray, other: np.ndarray) -> np.ndarray:
    """The features of two articles, the more debunking one first, in ``FEATURES`` order."""
    more, less = (one, other) if debunk_weight(one) >= debunk_weight(other) else (other, one)
    return np.array([*(more - less), min(more[0], less[0])], dtype=float)


@cache
def model() -> tuple[np.ndarray, float]:
    """The shipped coefficients (in ``FEATURES`` order) and intercept.

    Weights fit on other features would score nonsense, so names must match.
    """
    fitted = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    if list(fitted["features"]) != list(FEATURES):
        raise ValueError(f"{WEIGHTS.name} was fit on other features: retrain it")
    return np.array(list(fitted["features"].values()), dtype=float), float(fitted["intercept"])


def probability(pair: np.ndarray) -> float:
    """The probability that one of two articles debunks what the other reports."""
    coefficients, intercept = model()
    return float(1 / (1 + np.exp(-(pair @ coefficients + intercept))))


def article_text(article: Article) -> str:
    """An article's usable text, as the features read it: its sentences, in order."""
    return " ".join(s.text for s in article.sentences)


def detect(ctx: StoryContext) -> list[Conflict]:
    """Per debunking outlet, one conflict: its debunk against the tellings of the outlets it
    disputes.

    Two outlets dispute when their pair's probability reaches
    ``ConflictSettings.debunk_pair``; the more debunking one's side is its
    first sentence with a cue, the other's its sentence most like it, if
    alike enough (``Cosines.debunk_report``) to be one matter.
    """
    found = {a.id: article_features(article_text(a)) for a in ctx.articles if a.sentences}
    merged: Merged[str] = Merged(ctx, kind)
    threshold = ctx.settings.conflicts.debunk_pair
    for one, other in combinations(sorted(found), 2):
        pair = pair_features(found[one], found[other])
        if not may_dispute(found[one], found[other]) or probability(pair) < threshold:
            continue
        weights = (debunk_weight(found[one]), debunk_weight(found[other]))
        debunker, reporter = (one, other) if weights[0] >= weights[1] else (other, one)
        sides = _sides(ctx, debunker, reporter)
        if sides is not None:
            merged.add(debunker, _topic(ctx, *sides), sides)
    return merged.conflicts()


def _calls_untrue(sentence: Sentence, denials: bool = True) -> bool:
    """Whether a sentence has a debunk cue, a negated truth or (``denials``) a denial."""
    text = lowered(sentence.text)
    return any(p.search(text) for p in (_CUE, _NEGATED_TRUTH, *([_DENY] if denials else [])))


def _sentences(ctx: StoryContext, article: str, debunks: bool) -> list[Sentence]:
    """An article's sentences that are no question and debunk (or call nothing untrue).

    A debunk here is a hoax, fake or false, "no evidence": a denial ("denied
    claims that its troops ...") is the rules' (``denial``), which find what it
    denies; matched by likeness alone, it pairs with any background sentence.
    """
    return [
        s
        for s in ctx.article[article].sentences
        if not s.text.rstrip().endswith("?")
        and (_calls_untrue(s, denials=False) if debunks else not _calls_untrue(s))
    ]


def _sides(ctx: StoryContext, debunker: str, reporter: str) -> tuple[Sentence, Sentence] | None:
    """The debunker's sentence that calls something untrue and the reporter's telling of it:
    of every such sentence of its lead (``ConflictSettings.debunk_lead``) and every
    reporter's sentence that calls nothing untrue, the most alike pair, if alike enough
    (``Cosines.debunk_report``) and told independently.
    """
    # A debunking outlet says so up front; a cue deep in an article ("has denied any
    # allegations", "called the claims fake news") is background, not its verdict.
    lead = ctx.settings.conflicts.debunk_lead
    pairs = [
        (d, r)
        for d in _sentences(ctx, debunker, debunks=True)
        if d.index < lead
        for r in _sentences(ctx, reporter, debunks=False)
        if told_independently(ctx, d, r)
    ]
    best = max(pairs, key=lambda p: (ctx.similarity(*p), p[0].id, p[1].id), default=None)
    if best is None or ctx.similarity(*best) < ctx.cosines.debunk_report:
        return None
    return best


def _topic(ctx: StoryContext, debunk: Sentence, report: Sentence) -> str:
    """What is disputed: the report's words, cut, "— reported, and called untrue"."""
    words = report.text.split()[: ctx.settings.conflicts.denial_topic_words]
    return " ".join(words).rstrip(" ,;:.") + " — reported, and called untrue"
