"""How likely an article is to debunk what the story's other articles report: a logistic
regression over cue families read from the article and the others.

The features are families of debunk cues (``lexicon.DEBUNK_CUES``, negated
truths, denials), where the first one falls, whether it is said of a report,
whether the debunk names what the other outlets' leads name, the article's
hedges, and how many other articles carry a cue too (when every outlet
debunks, none is set against the rest); and, as word classes rather than
words (twelfth session), how many sentences anywhere call a report untrue in
the parse and how many carry a WordNet untruth word (``lexicon.UNTRUTHS``).
The weights (``debunk_weights.json``)
are fitted by ``bench/train_debunk.py`` on the FNC-1 dev stories
(``../shared/data/fnc1-dev/``, article-level stances); ``bench/fnc1.py``
reports them by cross-validation by story.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from storybrief.analyze.context import StoryContext
from storybrief.analyze.lexicon import (
    DEBUNK_CUES,
    DEBUNK_VERDICTS,
    DENIAL_CUES,
    NEGATED_TRUTHS,
    REPORT_HEDGES,
    UNTRUTHS,
)
from storybrief.models import Article, Sentence
from storybrief.weights import read_weights

WEIGHTS = Path(__file__).resolve().parent.parent / "debunk_weights.json"


def pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """Whole words or phrases, any of ``phrases`` (a trailing ``*``: any ending)."""
    alternatives = sorted(re.escape(p).replace(r"\*", r"\w*") for p in phrases)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


# A phrase with a cue word that calls nothing untrue: "made up his mind", "made up of" (what
# something consists of: "a mission made up of military experts"; an invented story is "made
# up", "made up out of whole cloth", never "made up of"), "would not confirm or deny"
# (``lowered`` drops it before the cues are read).
_NOT_CALLING = re.compile(
    r"\bmade up (?:his|her|their|its|my|our|your) minds?\b|\bmade up of\b"
    r"|\bconfirm (?:or|nor) deny\b"
)
_VERDICT = pattern(DEBUNK_VERDICTS)
_DENIAL = pattern(DENIAL_CUES)
_CUE = pattern(DEBUNK_CUES | NEGATED_TRUTHS | DENIAL_CUES)
_HEDGE = pattern(REPORT_HEDGES | {"claim*"})
# The WordNet untruth words that are no cue already: a feature of their own, so the scorer
# weighs the noisy class ("irony", "fiction") apart from the cues.
_UNTRUTHS_BEYOND_CUES = frozenset(w for w in UNTRUTHS if not _CUE.fullmatch(w))


def lowered(text: str) -> str:
    """A text as the cues are read in: lower case, one apostrophe, no phrase that calls
    nothing untrue."""
    # Blanked, not cut: a cue's place in the text is its place in the parse.
    text = text.lower().replace("`", "'").replace("’", "'")
    return _NOT_CALLING.sub(lambda m: " " * len(m.group()), text)


def has_cue(text: str) -> bool:
    """Whether a text has a debunk cue of any family (a debunk word, "no evidence", a denial)."""
    return bool(_CUE.search(lowered(text)))


@dataclass(frozen=True)
class Reading:
    """What the features read of one article: its lead, its sentences with a cue, and its
    sentences calling a report untrue in the parse (``debunk.calls_untrue``)."""

    article: Article
    lead: list[Sentence]
    cued: list[Sentence]
    untrue: list[Sentence]


def _lead_text(reading: Reading) -> str:
    """The article's title (when it has one) and lead, as the cues are read."""
    return lowered(" ".join([reading.article.title or ""] + [s.text for s in reading.lead]))


def names_of(ctx: StoryContext, sentences: list[Sentence]) -> set[str]:
    """The proper-noun words of sentences, lower-cased."""
    return {t.text.lower() for s in sentences for t in ctx.docs[s.id] if t.pos_ == "PROPN"}


Feature = Callable[[StoryContext, Reading, list[Reading]], float]

FEATURES: dict[str, Feature] = {
    # A verdict word (hoax, prank, satire ...) in the title or lead.
    "verdict_lead": lambda ctx, r, o: float(bool(_VERDICT.search(_lead_text(r)))),
    # A lead sentence calls a report untrue in its parse ("the claims are false").
    "said_of_report": lambda ctx, r, o: float(any(s in r.lead for s in r.untrue)),
    # Any cue in the title or lead.
    "cue_lead": lambda ctx, r, o: float(bool(_CUE.search(_lead_text(r)))),
    # A denial in the title or lead ("denied taking a selfie").
    "denial_lead": lambda ctx, r, o: float(bool(_DENIAL.search(_lead_text(r)))),
    # How many sentences carry a cue, and what share of the article they are.
    "cue_sentences": lambda ctx, r, o: math.log1p(len(r.cued)),
    "cue_share": lambda ctx, r, o: len(r.cued) / max(1, len(r.article.sentences)),
    # How many sentences carry a verdict word anywhere in the article.
    "verdicts": lambda ctx, r, o: math.log1p(
        sum(bool(_VERDICT.search(lowered(s.text))) for s in r.cued)
    ),
    # How early the first cue comes: 1 in the first sentence, 1/2 in the second ...
    "first_cue": lambda ctx, r, o: 1 / (1 + r.cued[0].index) if r.cued else 0.0,
    # The first cue sentence names what another outlet's lead names: one matter.
    "names_shared": lambda ctx, r, o: float(
        bool(r.cued)
        and bool(names_of(ctx, r.cued[:1]) & names_of(ctx, [s for x in o for s in x.lead]))
    ),
    # The lead tells a claim as a claim: "reportedly", "rumours", "claims".
    "hedged_lead": lambda ctx, r, o: float(bool(_HEDGE.search(_lead_text(r)))),
    # The share of the other articles that carry a cue as well.
    "others_cued": lambda ctx, r, o: sum(bool(x.cued) for x in o) / len(o) if o else 1.0,
    # Word classes, not words (twelfth session): how many sentences anywhere call a report
    # untrue in the parse (a cue said of one, a report disowning what it is told to hold) ...
    "untrue_sentences": lambda ctx, r, o: math.log1p(len(r.untrue)),
    # ... and how many carry a WordNet untruth word that is no cue (``lexicon.UNTRUTHS``).
    "untruth_words": lambda ctx, r, o: math.log1p(
        sum(_has_untruth_word(ctx, s) for s in r.article.sentences)
    ),
}


def _has_untruth_word(ctx: StoryContext, sentence: Sentence) -> bool:
    """Whether a sentence has a WordNet untruth word beyond the cues, as written or lemma."""
    words = _UNTRUTHS_BEYOND_CUES
    return any(t.lower_ in words or t.lemma_.lower() in words for t in ctx.docs[sentence.id])


FEATURES_INDEX = {name: i for i, name in enumerate(FEATURES)}


def readings(ctx: StoryContext, calls_untrue: Callable[[Sentence], bool]) -> list[Reading]:
    """Each article's reading, in the story's article order."""
    size = ctx.settings.conflicts.debunk_lead
    found = []
    for article in ctx.articles:
        lead = [s for s in article.sentences if s.index < size]
        cued = [s for s in article.sentences if has_cue(s.text)]
        untrue = [s for s in article.sentences if calls_untrue(s)]
        found.append(Reading(article, lead, cued, untrue))
    return found


def features(ctx: StoryContext, found: list[Reading]) -> dict[str, list[float]]:
    """Each article's feature vector (in ``FEATURES`` order), by article id."""
    return {
        r.article.id: [f(ctx, r, [o for o in found if o is not r]) for f in FEATURES.values()]
        for r in found
    }


@dataclass(frozen=True)
class Model:
    """A logistic regression over standardised features."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def probability(self, vector: list[float]) -> float:
        """The probability the article with these features debunks."""
        z = self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, vector, self.mean, self.scale, strict=True)
        )
        return 1 / (1 + math.exp(-z))


@cache
def load(path: str = "") -> Model:
    """The model stored at ``path`` (JSON), or the packaged one; its features must be
    ``FEATURES``, in order (``read_weights``)."""
    data = read_weights(
        Path(path) if path else WEIGHTS, tuple(FEATURES), ("mean", "scale", "weights"), ("bias",)
    )
    return checked(data)


def checked(data: dict[str, Any]) -> Model:
    """The model of a weights JSON object; its features must be ``FEATURES``, in order."""
    model = Model(
        tuple(data["features"]),
        tuple(data["mean"]),
        tuple(data["scale"]),
        tuple(data["weights"]),
        float(data["bias"]),
    )
    if list(model.names) != list(FEATURES):
        raise ValueError(f"debunk weights for features {model.names}, not {list(FEATURES)}")
    return model
