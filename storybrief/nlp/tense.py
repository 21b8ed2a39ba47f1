"""Whether a weekday a sentence names lies behind its article's date, read from the parse.

A weekday is named from the article's date ("closes Monday"), and it may be
either the last such day or the next: only the tense of the clause holding it
tells which. It is read as the past day only when that clause is clearly past
(a past tense or a perfect: "said Tuesday", "has closed since Monday") or the
day is "last Monday"; a present ("Bridge closes Monday"), a progressive ("is
closing Monday"), "will" or an infinitive ("is set to open Monday") may be
ahead, so such a day is not dated. The summary and the timeline both read it here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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


def dates_back(day: Token) -> bool:
    """Whether the weekday ``day`` is the latest such day on or before the article's date."""
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
    if any(t.tag_ == "MD" for t in auxiliaries):
        return False  # "will close"
    if any(t.lower_ == "to" for t in auxiliaries):
        return _past_infinitive(verb)
    if any(t.lower_ in _PERFECT for t in auxiliaries):
        return True
    finite = auxiliaries[0] if auxiliaries else verb
    return finite.tag_ == "VBD"


def _past_infinitive(verb: Token) -> bool:
    """Whether an infinitive's clause is past: its governor's is, and intends nothing
    ("had the chance to speak Tuesday", not "is set to open" or "planned to open")."""
    if verb.dep_ == "ROOT":
        return False
    governor = _clause_verb(verb.head)
    return governor.lemma_ not in _INTENT and _past(governor)
