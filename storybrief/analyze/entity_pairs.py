"""Two names of a story scored as one entity's, by a logistic regression over their structure.

Beside the rules of ``analyze.entities``, every pair of names of no person that
share a word, or of which one spells the other's initials, is scored:
containment, shared first and last words, token Jaccard, edit similarity, the
same name once a corporate suffix or kind of body is left out, acronym match,
the labels the model gives each, and how many other groups the shorter one
could be part of. ``entities._merge_scored`` merges the pairs rated likely,
guarded (a name paired with two groups, two names of one head, a pair of groups
some of whose names score low). The weights (``entity_pairs.json``) are fitted
by ``bench/train_entity_pairs.py`` on the 66 ECB+ dev stories (topics 1–35);
``bench/ecbplus.py`` reports the same procedure cross-validated by topic.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

from storybrief.weights import read_weights

WEIGHTS = Path(__file__).with_name("entity_pairs.json")
PLACE_LABELS = frozenset({"GPE", "LOC"})


@dataclass(frozen=True)
class NameInfo:
    """What the scorer reads of one name (a mention key) of the story."""

    key: str
    words: tuple[str, ...]  # content words, spelling and plural folded
    core: tuple[str, ...]  # its words without a corporate suffix or kind of body ("intel")
    person: tuple[str, ...]  # a person's name words, particles and "Jr." dropped
    label: str  # the label the model gives it most
    place: bool  # tagged as a place at least half the time
    is_person: bool
    mentions: int
    acronyms: frozenset[str]  # the acronyms its written forms may have
    capitals: bool  # written in capitals ("RIM", "U.N.")


def _contained(a: NameInfo, b: NameInfo) -> float:
    shorter, longer = sorted((a.words, b.words), key=len)
    return float(bool(shorter) and set(shorter) <= set(longer))


def _jaccard(a: NameInfo, b: NameInfo) -> float:
    union = set(a.words) | set(b.words)
    return len(set(a.words) & set(b.words)) / len(union) if union else 0.0


def _last_same(a: NameInfo, b: NameInfo) -> float:
    return float(bool(a.words and b.words) and a.words[-1] == b.words[-1])


def _first_same(a: NameInfo, b: NameInfo) -> float:
    return float(bool(a.words and b.words) and a.words[0] == b.words[0])


def _edit(a: NameInfo, b: NameInfo) -> float:
    return SequenceMatcher(None, a.key, b.key).ratio()


def _acronym(a: NameInfo, b: NameInfo) -> float:
    """One name, written in capitals, is an acronym the other's written form may have."""
    return float(_spells(a, b) or _spells(b, a))


def _spells(acronym: NameInfo, name: NameInfo) -> bool:
    return acronym.capitals and acronym.key.replace(" ", "") in name.acronyms


def _same_core(a: NameInfo, b: NameInfo) -> float:
    """The same name once a corporate suffix or kind of body is left out: "Intel Corp."."""
    return float(a.core == b.core)


def _starts(a: NameInfo, b: NameInfo) -> float:
    """The shorter name opens the longer: "Boston" / "Boston Red Sox", "Intel" / "Intel Corp."."""
    shorter, longer = sorted((a.words, b.words), key=len)
    return float(longer[: len(shorter)] == shorter)


def _one_word(a: NameInfo, b: NameInfo) -> float:
    return float(min(len(a.words), len(b.words)) == 1)


def _extra_words(a: NameInfo, b: NameInfo) -> float:
    return math.log1p(abs(len(a.words) - len(b.words)))


def _same_label(a: NameInfo, b: NameInfo) -> float:
    return float(a.label == b.label)


def _place_apart(a: NameInfo, b: NameInfo) -> float:
    """One is a place and the other no place: "Boston" and the Boston Red Sox."""
    return float(a.place != b.place)


def _rare(a: NameInfo, b: NameInfo) -> float:
    return 1 / min(a.mentions, b.mentions)


# Each feature of a pair, by name: the weights file lists them by these names.
FEATURES: dict[str, Callable[[NameInfo, NameInfo], float]] = {
    "contained": _contained,
    "jaccard": _jaccard,
    "last_same": _last_same,
    "first_same": _first_same,
    "edit": _edit,
    "acronym": _acronym,
    "same_core": _same_core,
    "starts": _starts,
    "one_word": _one_word,
    "extra_words": _extra_words,
    "same_label": _same_label,
    "place_apart": _place_apart,
    "rare": _rare,
}


def features(a: NameInfo, b: NameInfo, rivals: int) -> list[float]:
    """The pair's features in ``FEATURES`` order, then ``rivals``: how many other
    groups the shorter name is also contained in (log1p): "Jones" beside two Joneses."""
    return [f(a, b) for f in FEATURES.values()] + [math.log1p(rivals)]


FEATURE_NAMES = (*FEATURES, "rivals")


@dataclass(frozen=True)
class PairModel:
    """A logistic regression over ``FEATURE_NAMES``."""

    weights: tuple[float, ...]
    bias: float

    def probability(self, x: list[float]) -> float:
        z = self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))
        return 1 / (1 + math.exp(-z))


@cache
def pair_model(path: Path = WEIGHTS) -> PairModel:
    """The shipped model (read once); it must name the features this module computes
    (``read_weights``)."""
    data = read_weights(path, FEATURE_NAMES, ("weights",), ("bias",))
    return PairModel(tuple(float(w) for w in data["weights"]), float(data["bias"]))
