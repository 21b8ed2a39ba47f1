"""Days: two outlets date one act to two different days of the week.

"DWSD announced a $1 million fund on Tuesday" / "The Detroit Water and
Sewerage Department on Wednesday announced plans to use $1 million": the same
party (one entity), the same act (one verb) done with the same amount, told
independently, on two weekdays. The amount is what makes it one act: a party
says, meets or strikes on many days, but rarely announces the same sum twice
in one week. Written on the one such dispute of the gold-dev tune half; read
for false alarms on the unlabelled Multi-News and DUC dev clusters
(``bench/analysis.py --unlabelled``).
"""

from __future__ import annotations

from itertools import combinations
from typing import NamedTuple

from spacy.tokens import Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.independence import told_independently
from storybrief.analyze.lexicon import stated
from storybrief.analyze.numbers import Figure, figures
from storybrief.models import Conflict, ConflictKind, Sentence

from .base import Merged
from .shared import entity_named

kind: ConflictKind = "day"
takes_side = True

_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)
# "every Tuesday", "each Friday": a habit, not the day of one act.
_HABITS = frozenset({"every", "each"})


class _Dated(NamedTuple):
    """An act a sentence dates to a weekday: its verb, day, party and the amounts it is done
    with."""

    sentence: Sentence
    verb: Token
    day: str
    party: str
    amounts: frozenset[float]


def detect(ctx: StoryContext) -> list[Conflict]:
    """One conflict per act that two outlets date to two weekdays."""
    dated = [d for s in ctx.sentences for d in _dated(ctx, s)]
    merged: Merged[tuple[str, str, frozenset[float]]] = Merged(ctx, kind)
    for one, other in combinations(dated, 2):
        if _one_act(one, other) and told_independently(ctx, one.sentence, other.sentence):
            shared = one.amounts & other.amounts
            topic = f"the day {ctx.names.resolve(one.party) or one.party} {one.verb.text} it"
            merged.add((one.party, one.verb.lemma_, shared), topic, (one.sentence, other.sentence))
    return merged.conflicts()


def _one_act(one: _Dated, other: _Dated) -> bool:
    """Whether two dated acts are one act on two days: one party, one verb, one amount."""
    same = one.party == other.party and one.verb.lemma_ == other.verb.lemma_
    return same and bool(one.amounts & other.amounts) and one.day != other.day


def _dated(ctx: StoryContext, sentence: Sentence) -> list[_Dated]:
    """The acts a sentence states as done on a weekday by a named party with an amount."""
    doc = ctx.docs[sentence.id]
    found: list[_Dated] = []
    told = figures(doc)
    for verb in (t for t in doc if t.pos_ == "VERB" and stated(t)):
        day, party = _weekday(verb), _party(ctx, verb)
        amounts = _amounts(verb, told)
        if day is not None and party is not None and amounts:
            found.append(_Dated(sentence, verb, day, party, amounts))
    return found


def _amounts(verb: Token, told: list[Figure]) -> frozenset[float]:
    """The amounts of the figures told within a verb's clause."""
    within = {t.i for t in verb.subtree}
    return frozenset(f.value for f in told if f.start in within)


def _party(ctx: StoryContext, verb: Token) -> str | None:
    """The entity a verb's subject names."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return entity_named(subject, ctx.names) if subject is not None else None


def _weekday(verb: Token) -> str | None:
    """The weekday a verb's act is dated to, none for a habit ("every Friday", "on Fridays")."""
    for date in _dates(verb):
        habit = any(c.lower_ in _HABITS for c in date.children)
        if date.lower_ in _WEEKDAYS and not habit:
            return date.lower_
    return None


def _dates(verb: Token) -> list[Token]:
    """The words that may date a verb's act: "on Wednesday announced", "said Friday";
    "announced a fund on Tuesday", the parse hanging the day on the object."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    ons = [c for h in heads for c in h.children if c.lower_ == "on"]
    return [c for c in verb.children if c.ent_type_ == "DATE"] + [
        o for on in ons for o in on.children
    ]
