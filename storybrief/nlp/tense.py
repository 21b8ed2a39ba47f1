"""Whether a weekday a sentence names lies behind its article's date, read from the parse.

A weekday is named from the article's date ("closes Monday"), and it may be
either the last such day or the next: only the tense of the clause holding it
tells which. It is read as the past day only when that clause is clearly past
(a past tense or a perfect: "said Tuesday", "has closed since Monday") or the
day is "last Monday"; a present ("Bridge closes Monday"), a progressive ("is
closing Monday"), "will" or an infinitive ("is set to open Monday") may be
ahead, so such a day is not dated. An infinitive or a gerund takes the tense of
the clause it hangs from ("had the chance to speak Tuesday"), unless that clause
intends or schedules ("was expected to rule Friday"). The article's own weekday
is its date whatever the tense. The summary and the timeline both read it here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from storybrief.clean.dates import WEEKDAYS

if TYPE_CHECKING:  # spaCy comes with the parse
    from spacy.tokens import Token

_VERBS = {"VERB", "AUX"}
# Links that head a clause of their own, whatever the tagger took the head word for:
# in "said that the bridge closes on Monday" it may tag "closes" a plural noun.
_CLAUSES = {"ROOT", "ccomp", "advcl", "relcl", "xcomp", "csubj", "parataxis"}
# Auxiliaries of a perfect: "has closed", "had opened".
_PERFECT = {"have", "has", "had", "'ve", "'d"}
# Verbs of intent or schedule: what they govern may still lie ahead when they are
# past ("was expected to rule Friday", "agreed to meet Monday").
_INTENT = frozenset(
    "expect schedule plan set intend hope want aim go agree promise vow threaten prepare"
    " decide propose".split()
)


def dates_back(day: Token, published: date) -> bool:
    """Whether the weekday ``day``, in an article of ``published``, is the latest such
    day on or before it. The article's own weekday is its date whatever the tense
    ("will speak later Friday" in a Friday article)."""
    if WEEKDAYS.index(day.lower_) == published.weekday():
        return True
    if any(t.lower_ == "last" for t in day.lefts):
        return True
    return _past(_clause_verb(day))


def _clause_verb(token: Token) -> Token:
    """The verb (or head) of the clause ``token`` belongs to."""
    while (token.pos_ not in _VERBS or token.dep_ == "aux") and token.dep_ not in _CLAUSES:
        token = token.head
    return token


def _past(verb: Token) -> bool:
    """Whether the clause of ``verb`` is in a past tense or a perfect."""
    auxiliaries = [t for t in verb.children if t.dep_ in ("aux", "auxpass")]
    if (marked := _marked(auxiliaries)) is not None:
        return marked
    finite = auxiliaries[0] if auxiliaries else verb
    if finite.tag_ in ("VB", "VBG", "TO"):
        return _past_governor(verb)  # "to speak Tuesday", "dedicating ... on Saturday"
    # A participle alone is a past tense or a past passive ("a ruling released Thursday").
    return finite.tag_ == "VBD" or (finite.tag_ == "VBN" and not auxiliaries)


def _marked(auxiliaries: list[Token]) -> bool | None:
    """False for a modal ("will close"), True for a perfect ("has closed"), else None."""
    if any(t.tag_ == "MD" for t in auxiliaries):
        return False
    return True if any(t.lower_ in _PERFECT for t in auxiliaries) else None


def _past_governor(verb: Token) -> bool:
    """Whether an infinitive's or a gerund's clause is past: its governor's is, and
    intends nothing ("had the chance to speak Tuesday", not "planned to open")."""
    if verb.dep_ == "ROOT":
        return False
    governor = _clause_verb(verb.head)
    return governor.lemma_ not in _INTENT and _past(governor)
