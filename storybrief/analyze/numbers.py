"""Figures in news copy, normalised to a range so they can be compared.

"2,000-strong", "more than 130", "at least 540,000", "3,000 to 5,000",
"hundreds", "two divisions" and "80km (50 miles)" all become a ``Figure``:
the low and high ends of what the text allows, the unit (a measure, or the
noun that is counted), and where it is. Two figures agree when their ranges
meet.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "thousand": 1000,
    "dozen": 12, "million": 1_000_000, "billion": 1_000_000_000,
}  # fmt: skip
# Plural scale words name a vague amount: "hundreds" is 200 to 999.
_VAGUE = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
          "millions": (2e6, 9.99e8)}  # fmt: skip
_AT_LEAST = re.compile(r"\b(?:more than|over|at least|upwards of|in excess of)\s*$", re.I)
_AT_MOST = re.compile(r"\b(?:up to|fewer than|less than|at most|no more than)\s*$", re.I)
_NEARLY = re.compile(r"\b(?:nearly|almost|approaching|close to)\s*$", re.I)
_ABOUT = re.compile(r"\b(?:about|around|some|roughly|approximately|an estimated)\s*$", re.I)
# Measures converted to one base unit each, so "80km (50 miles)" is one distance.
# Singular forms too: "a 40-foot (12-meter) vessel" is one length, not 40 against 12.
_MEASURES = {"km": ("km", 1.0), "kilometres": ("km", 1.0), "kilometers": ("km", 1.0),
             "kilometre": ("km", 1.0), "kilometer": ("km", 1.0),
             "miles": ("km", 1.609), "mile": ("km", 1.609), "m": ("m", 1.0),
             "metres": ("m", 1.0), "meters": ("m", 1.0), "metre": ("m", 1.0),
             "meter": ("m", 1.0), "feet": ("m", 0.3048), "foot": ("m", 0.3048),
             "tonnes": ("t", 1.0), "tons": ("t", 0.907), "tonne": ("t", 1.0),
             "ton": ("t", 0.907), "kg": ("t", 0.001),
             "%": ("%", 1.0), "percent": ("%", 1.0), "per cent": ("%", 1.0)}  # fmt: skip
_BASE_UNITS = {unit for unit, _ in _MEASURES.values()}
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LABELS = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}


@dataclass(frozen=True)
class Figure:
    """A figure of a sentence: ``low``..``high`` of ``unit``."""

    text: str
    low: float
    high: float
    unit: str  # a measure ("km", "%") or the lemma of the counted noun ("troop")
    start: int  # token index in the sentence's doc
    value: float  # the number as stated ("more than 130" → 130), in the base unit

    @property
    def measured(self) -> bool:
        """Whether the figure is a measure (distance, share) rather than a count."""
        return self.unit in _BASE_UNITS

    @property
    def counts_noun(self) -> bool:
        """Whether the figure counts a noun, unlike "$2.9 billion" ("billion") or "Nov. 15"."""
        return (
            self.unit.isalpha()
            and len(self.unit) > 3
            and self.unit not in _WORDS
            and self.unit not in _VAGUE
        )


def agree(a: tuple[float, float], b: tuple[float, float], slack: float = 0.1) -> bool:
    """Whether two ranges meet, allowing the rounding news copy does."""
    return a[0] <= b[1] * (1 + slack) and b[0] <= a[1] * (1 + slack)


def _amount(text: str) -> tuple[float, float] | None:
    text = text.lower().replace("-strong", "")
    if text in _VAGUE:
        return _VAGUE[text]
    numbers = [float(n.replace(",", "")) for n in _NUMBER.findall(text)]
    scale = next((_WORDS[w] for w in text.split() if w in {"thousand", "million", "billion"}), 1)
    if not numbers:
        words = [_WORDS[w] for w in re.findall(r"[a-z]+", text) if w in _WORDS]
        if not words:
            return None
        numbers = [math.prod(words)]
        scale = 1
    values = [n * scale for n in numbers]
    return min(values), max(values)


def _counted(span: Span) -> str:
    """The measure or noun a figure counts: "2,000 troops" → "troop"."""
    after = span.doc[span.end : span.end + 2]
    if after.text.replace(" ", "") == "-strong":
        # "a 2,000-strong advance force" counts the force's members.
        nouns = [t for t in span.doc[span.end + 2 :] if t.pos_ == "NOUN"]
        return nouns[0].lemma_.lower() if nouns else "strong"
    for token in [*span, *after]:
        unit = _MEASURES.get(token.lower_)
        if unit:
            return unit[0]
    head = span.root.head if span.root.dep_ in {"nummod", "quantmod", "amod"} else None
    if head is None:
        nouns = [t for t in after if t.pos_ in {"NOUN", "PROPN"}]
        head = nouns[0] if nouns else span.root
    # "130 members of the Revolutionary Guard" counts the Guard's men, but
    # "two divisions" counts divisions.
    return part_of(head, {"member"}).lemma_.lower()


def part_of(noun: Token, parts: set[str]) -> Token:
    """The group a part names: "members of the Revolutionary Guard" → Guard, else ``noun``."""
    if noun.lemma_.lower() not in parts and noun.lower_.removesuffix("s") not in parts:
        return noun
    objects = [o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return objects[0] if objects else noun


def _scale(span: Span, low: float, high: float) -> tuple[float, float]:
    for token in [*span, *span.doc[span.end : span.end + 2]]:
        unit = _MEASURES.get(token.lower_)
        if unit:
            return low * unit[1], high * unit[1]
    return low, high


def figures(doc: Doc) -> list[Figure]:
    """The figures of one sentence (dates, times and ordinals are not figures)."""
    found: list[Figure] = []
    # "one" is mostly a pronoun ("one of several"); a bare 19xx/20xx is a year.
    ents = [
        e
        for e in doc.ents
        if e.label_ in _LABELS and e.text.lower() != "one" and not _YEAR.fullmatch(e.text)
    ]
    skip: set[int] = set()
    for n, ent in enumerate(ents):
        if n in skip:
            continue
        amount = _amount(ent.text)
        if amount is None:
            continue
        following = ents[n + 1] if n + 1 < len(ents) else None
        if following is not None and doc[ent.end : following.start].text in {"to", "-", "and"}:
            # "3,000 to 5,000 fighters" is one range.
            upper = _amount(following.text)
            if upper is not None:
                amount, ent = (amount[0], upper[1]), doc[ent.start : following.end]
                skip.add(n + 1)
        low, high = _scale(ent, *amount)
        stated = low
        # The qualifier may sit inside the entity: "about eight", "more than 130".
        lead = next((i for i, t in enumerate(ent) if t.like_num or t.lower_ in _VAGUE), 0)
        before = doc[: ent.start].text + " " + ent[:lead].text
        if _AT_LEAST.search(before):
            # A lower bound in news copy sits near the figure: "more than 130" is not 2,000.
            high = low * 2
        elif _AT_MOST.search(before):
            low = 0.0
        elif _NEARLY.search(before):
            low = low * 0.8
        elif _ABOUT.search(before):
            low, high = low * 0.8, high * 1.2
        found.append(Figure(ent.text, low, high, _counted(ent), ent.start, stated))
    for token in doc:
        # "a 2,000-strong advance force": the count is the force's size.
        match = re.fullmatch(r"([\d,]+)-strong", token.text)
        if match and not any(f.start == token.i for f in found):
            head = token.head if token.head.pos_ == "NOUN" else token
            value = float(match.group(1).replace(",", ""))
            found.append(Figure(token.text, value, value, head.lemma_.lower(), token.i, value))
    return found
