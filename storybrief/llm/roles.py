"""Who does what: the doers a generated sentence gives, checked against its evidence's.

A check on words keeps "Italy has asked Turkey to extradite him" when the
source says "Turkey has asked Italy to extradite him": every word is there,
the roles are swapped. For each verb of a generated sentence that its
evidence also uses as a verb, the doer the sentence gives (the subject of an
active verb, the agent of a passive one, "by …") must be among the words of
that verb's doers in the evidence. Nothing is judged where the evidence
cannot say: a verb it does not use, a doer told by a pronoun on either side
("who", "he"), a verb of saying (the speaker check covers attribution).

Nor may a sentence state as done what its evidence only plans, expects or
supposes: a verb the evidence uses only under "will", "could", "if",
"expected to", "plans to" … must keep such a hedge ("hedged").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from storybrief.analyze.context import pipe

# Verbs of saying and being: attribution is checked elsewhere, and "be"/"have" carry no role.
_NOT_JUDGED = frozenset(
    "say tell report add state claim announce be have do according accord".split()
)


# What keeps a verb's fact from being done: a modal ("will", "could"), a verb or word of
# intending or expecting it hangs on ("expected to be unveiled", "plans to sue"), an "if".
_MODAL_AUX = frozenset("will would could may might shall should can must 'll wo".split())
_HEDGING = frozenset(
    """expect plan intend promise threaten hope aim seek want vow propose set try consider
    going likely poised due about prepare""".split()
)

_STEM = 4  # letters two forms of one word share at least: "truck", "truckers"


def _controller(verb: Token) -> list[Token]:
    """The doer a verb without a subject takes from the verb it hangs on."""
    head = verb.head
    if verb.dep_ == "xcomp":  # "asked Italy to extradite": Italy extradites
        objects = [c for c in head.children if c.dep_ == "dobj"]
        return objects or doers(head)
    if verb.dep_ in ("conj", "advcl") and head is not verb and head.pos_ in ("VERB", "AUX"):
        return doers(head)
    return []


def doers(verb: Token) -> list[Token]:
    """Who does what ``verb`` says: its subject, or a passive's agent, with their conjuncts."""
    found = _named(verb)
    if not found and not any(c.dep_ == "nsubjpass" for c in verb.children):
        found = _controller(verb)
    # A parse can hang a stray dash on a verb as its subject: punctuation is no one.
    return list(dict.fromkeys(t for h in found for t in (h, *h.conjuncts) if not t.is_punct))


def _named(verb: Token) -> list[Token]:
    """The subject of an active verb, the agent of a passive one."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    return [c for c in verb.children if c.dep_ in ("nsubj", "csubj")] + agents


def _conditional(verb: Token) -> bool:
    """A modal on ``verb``, an "if" on it, or an "if" clause hanging on it."""
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in _MODAL_AUX:
            return True
        if child.dep_ in ("mark", "advcl") and "if" in (child.lower_, *_marks(child)):
            return True
    return False


def _marks(clause: Token) -> list[str]:
    return [c.lower_ for c in clause.children if c.dep_ == "mark"]


def hedged(verb: Token) -> bool:
    """Whether ``verb`` is stated as planned, expected or possible rather than done."""
    while True:
        if _conditional(verb):
            return True
        if verb.dep_ != "xcomp" or verb.head is verb:
            return False
        verb = verb.head
        if verb.lemma_.lower() in _HEDGING:
            return True


def _judged(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() not in _NOT_JUDGED


def _vague(tokens: Iterable[Token]) -> bool:
    return any(t.pos_ == "PRON" or t.tag_ in ("WDT", "WP") for t in tokens)


@dataclass
class Doers:
    """The words of each verb's doers in a stretch of evidence; verbs with a vague doer apart."""

    words: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    vague: set[str] = field(default_factory=set)
    # Verbs the evidence states as done somewhere, and those it only ever hedges.
    done: set[str] = field(default_factory=set)
    hedged: set[str] = field(default_factory=set)

    def add(self, doc: Doc) -> None:
        for verb in filter(_judged, doc):
            lemma, found = verb.lemma_.lower(), doers(verb)
            (self.hedged if hedged(verb) else self.done).add(lemma)
            if _vague(found):
                self.vague.add(lemma)
            for doer in found:
                self.words[lemma] |= {t.lower_ for t in doer.subtree if not t.is_punct}

    def merge(self, other: Doers) -> None:
        for lemma, words in other.words.items():
            self.words[lemma] |= words
        self.vague |= other.vague
        self.done |= other.done
        self.hedged |= other.hedged

    def unhedged(self, verb: Token) -> bool:
        """Whether ``verb`` states as done what the evidence only plans, expects or supposes."""
        lemma = verb.lemma_.lower()
        return lemma in self.hedged and lemma not in self.done and not hedged(verb)

    def wrong(self, verb: Token) -> list[str]:
        """The doers of ``verb`` (of a generated sentence) that the evidence gives to no one."""
        lemma, found = verb.lemma_.lower(), doers(verb)
        if not found or _vague(found) or lemma in self.vague or lemma not in self.words:
            return []
        return [t.text for t in found if not _among(t.lower_, self.words[lemma])]


def _among(word: str, words: set[str]) -> bool:
    """``word`` or a form of it sharing its start: "truckers" is among "truck drivers"."""
    return word in words or any(
        min(len(w), len(word)) >= _STEM and (w.startswith(word) or word.startswith(w))
        for w in words
    )


def evidence_doers(texts: Iterable[str]) -> Doers:
    """The doers of every verb in ``texts``."""
    out = Doers()
    for doc in pipe(texts):
        out.add(doc)
    return out


def swapped(sentence: str, evidence: Doers) -> list[str]:
    """What ``sentence`` says someone did that its evidence says someone else did, or says
    was done that its evidence only plans, expects or supposes."""
    verbs = [v for doc in pipe([sentence]) for v in doc if _judged(v)]
    wrong = [f"{doer} as the one who did '{v.text}'" for v in verbs for doer in evidence.wrong(v)]
    return wrong + [f"'{v.text}' as done" for v in verbs if evidence.unhedged(v)]
