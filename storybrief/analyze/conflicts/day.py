"""Days: two outlets date one act to two different days.

"DWSD announced a $1 million fund on Tuesday" / "The Detroit Water and
Sewerage Department on Wednesday announced plans to use $1 million": the same
party (one entity, the verb's subject), the same act (one verb) done to the
same thing (an amount, or a name, told in the verb's own clause), told
independently, on two weekdays or two days of one month ("March 21" / "March
22"). What the act is done to is what makes it one act: a party meets, votes
or signs on many days, but rarely does it to the same named thing or sum twice
in one week. What a verb reports ("said Tuesday that ...") is no such thing:
the reported clause is left out. A weekday and a day of the month are not
compared (the articles carry no dates to place one against the other).
Written on the one such dispute of the gold-dev tune half; read for false
alarms on AllSides roundups (``bench/analysis.py --allsides``).
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import NamedTuple

from spacy.tokens import Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.independence import told_independently
from storybrief.analyze.lexicon import stated
from storybrief.analyze.numbers import figures
from storybrief.clean.dates import MONTH_NAMES, WEEKDAYS
from storybrief.models import Conflict, ConflictKind, Sentence

from .base import Merged
from .shared import entity_named

kind: ConflictKind = "day"
takes_side = True

# "every Tuesday", "each Friday": a habit, not the day of one act.
_HABITS = frozenset({"every", "each"})
# "March 21", "Oct. 3": a month (its name or a three-letter abbreviation) and a day.
_MONTH_DAY = re.compile(
    r"\b(" + "|".join(m[:3] for m in MONTH_NAMES) + r")[a-z]*\.?\s+([0-3]?\d)\b", re.I
)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# The day itself, and where the act is done ("at the White House"), are not what it is done to.
_NOT_THINGS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
# What a verb reports or intends ("said ... that", "announced plans to ...") is not what its
# act is done to; the date's own words are not either.
_NOT_DONE_TO = _SUBJECTS | {"ccomp", "advcl", "conj", "parataxis", "npadvmod"}


class _Dated(NamedTuple):
    """An act a sentence dates: its verb, day ("weekday", "tuesday") or ("date", "mar 21"),
    party and what it is done to (amounts and the entities its clause names)."""

    sentence: Sentence
    verb: Token
    day: tuple[str, str]
    party: str
    done_to: frozenset[str]


def detect(ctx: StoryContext) -> list[Conflict]:
    """One conflict per act that two outlets date to two days."""
    dated = [d for s in ctx.sentences for d in _dated(ctx, s)]
    merged: Merged[tuple[str, tuple[str, ...], frozenset[str]]] = Merged(ctx, kind)
    for one, other in combinations(dated, 2):
        if _one_act(one, other) and told_independently(ctx, one.sentence, other.sentence):
            shared = one.done_to & other.done_to
            name = ctx.names.resolve(one.party) or one.party
            topic = f"the day {name} {one.verb.text} it"
            merged.add((one.party, _act(one.verb), shared), topic, (one.sentence, other.sentence))
    return merged.conflicts()


def _one_act(one: _Dated, other: _Dated) -> bool:
    """Whether two dated acts are one act on two days of one kind: one party, one verb, one
    thing done to."""
    same = one.party == other.party and _act(one.verb) == _act(other.verb)
    comparable = one.day[0] == other.day[0] and one.day != other.day
    return same and comparable and bool(one.done_to & other.done_to)


def _act(verb: Token) -> tuple[str, ...]:
    """A verb with its particle or the preposition right after it: "called for (calm)" is
    not "called (the death tragic)", "turned down" not "turned up"."""
    after = verb.nbor() if verb.i + 1 < len(verb.doc) else verb
    bound = [
        c.lower_ for c in verb.children if c.dep_ == "prt" or (c == after and c.dep_ == "prep")
    ]
    return (verb.lemma_, *bound)


def _dated(ctx: StoryContext, sentence: Sentence) -> list[_Dated]:
    """The acts a sentence states as done on a day by a named party to a named thing or sum."""
    doc = ctx.docs[sentence.id]
    amounts = {f.start: f"{f.value:g}" for f in figures(doc)}
    found = []
    for verb in (t for t in doc if t.pos_ == "VERB" and stated(t)):
        day, party = _day(verb), _party(ctx, verb)
        if day is None or party is None:
            continue
        done_to = frozenset(_done_to(ctx, verb, amounts) - {party})
        if done_to:
            found.append(_Dated(sentence, verb, day, party, done_to))
    return found


def _done_to(ctx: StoryContext, verb: Token, amounts: dict[int, str]) -> set[str]:
    """The amounts and entities told in a verb's own clause, its subject and what it reports
    left out: "announced a $1 million fund" → {1e6}; "confirmed Barrett" → {barrett}."""
    within = [
        t
        for c in verb.children
        if c.dep_ not in _NOT_DONE_TO
        for t in c.subtree
        if t.ent_type_ not in _NOT_THINGS
    ]
    told = {amounts[t.i] for t in within if t.i in amounts}
    return told | {e for t in within if t.pos_ == "PROPN" and (e := entity_named(t, ctx.names))}


def _party(ctx: StoryContext, verb: Token) -> str | None:
    """The entity a verb's subject names."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    return entity_named(subject, ctx.names) if subject is not None else None


def _day(verb: Token) -> tuple[str, str] | None:
    """The day a verb's act is dated to, none for a habit ("every Friday", "on Fridays")."""
    for date in _dates(verb):
        if any(c.lower_ in _HABITS for c in date.children):
            continue
        if date.lower_ in WEEKDAYS:
            return "weekday", date.lower_
        if date.ent_type_ == "DATE" and (m := _MONTH_DAY.search(_entity_text(date))):
            return "date", f"{m[1].lower()} {int(m[2])}"
    return None


def _entity_text(token: Token) -> str:
    """The whole entity a token is part of ("March 21" of "21")."""
    doc = token.doc
    return next((e.text for e in doc.ents if e.start <= token.i < e.end), token.text)


def _dates(verb: Token) -> list[Token]:
    """The words that may date a verb's act: "on Wednesday announced", "said Friday";
    "announced a fund on Tuesday", the parse hanging the day on the object."""
    heads = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    ons = [c for h in heads for c in h.children if c.lower_ == "on"]
    return [c for c in verb.children if c.ent_type_ == "DATE"] + [
        o for on in ons for o in on.children
    ]
