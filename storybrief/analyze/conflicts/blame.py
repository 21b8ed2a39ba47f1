"""Blame: one outlet tells that a party denies being behind an act, another that it was.

"North Korea denied any responsibility for Mr. Kim's death" against "Malaysia
says it was clearly an attack by North Korean agents"; "Saqib says he has no
evidence of bin Laden's involvement" against "an indictment charging Osama bin
Laden with conspiring to bomb two embassies". Outlets dispute who did it in
words, with no figure and no debunk word said of a report, so neither
``figures`` nor ``denial`` reads them.

A **denial of blame** is a denial verb whose object is a blame noun
(``lexicon.BLAME``: responsibility, involvement, role ...), or "no evidence
of" one; the **party** is the blame noun's owner ("Pyongyang's involvement"),
else the denier ("North Korea denied any responsibility"), by its proper
names. An **accusation** is another outlet's sentence, told independently,
that names the same party (a demonym counts: "North Korean" names North
Korea) with a word that lays blame (``lexicon.ACCUSING``: responsible, behind,
agents, accused, indicted ...) not negated, no denial itself and no question.
The two must be on one matter: wordllama cosine of at least
``ConflictSettings.blame_matter``. Per denial and outlet, the accusation most
like the denial is the side.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.independence import told_independently
from storybrief.analyze.lexicon import ACCUSING, BLAME, DENIALS
from storybrief.models import Conflict, ConflictKind, Sentence

from .base import Merged

kind: ConflictKind = "blame"
takes_side = True

_NAMES = {"PROPN"}
_OWNERS = {"poss", "nsubj", "nsubjpass"}
_SHORT = 4  # a party word this long or longer also names its demonym: "korea" → "korean"
_WHOSE = {"amod", "compound", "poss", "nmod", "appos"}  # what makes a blaming noun a party's
_ACCUSE = {"accuse", "blame", "indict", "charge"}  # their object is blamed, not their subject


def _no_evidence(noun: Token) -> bool:
    """Whether a blame noun is what "no evidence" is of: "no evidence of his involvement"."""
    prep = noun.head
    evidence = prep.head if prep.dep_ == "prep" and prep.lower_ == "of" else None
    return (
        evidence is not None
        and evidence.lemma_ == "evidence"
        and any(c.dep_ == "det" and c.lower_ == "no" for c in evidence.children)
    )


def _names(token: Token) -> tuple[str, ...]:
    """The proper-noun words of a phrase headed by ``token``, lower-cased, in order."""
    return tuple(dict.fromkeys(t.lower_ for t in token.subtree if t.pos_ in _NAMES))


def denied_party(doc: Doc) -> tuple[str, ...]:
    """The names of the party a sentence denies the blame of, if it denies any (none for a
    question): the blame noun's owner, else the subject of the denial verb."""
    if doc.text.rstrip().endswith("?"):
        return ()
    nouns = (t for t in doc if t.lemma_.lower() in BLAME)
    return next((party for noun in nouns if (party := _denied(noun))), ())


def _denied(noun: Token) -> tuple[str, ...]:
    """The party whose blame a blame noun denies, if it is denied ("denied any responsibility",
    "no evidence of his involvement")."""
    verb = noun.head
    denied = noun.dep_ == "dobj" and verb.lemma_.lower() in DENIALS
    if not (denied or _no_evidence(noun)):
        return ()
    # The owner first: "accusing Malaysia of fabricating evidence of Pyongyang's involvement".
    owners = [noun, verb] if denied else [noun]
    return next((names for o in _owners(owners) if (names := _names(o))), ())


def _owners(heads: list[Token]) -> list[Token]:
    """The possessor of a blame noun, then the subjects of its denial verb, if given."""
    deps = [{"poss"}, _OWNERS]
    return [c for head, ok in zip(heads, deps, strict=False) for c in head.children if c.dep_ in ok]


def accuses(doc: Doc, party: tuple[str, ...]) -> bool:
    """Whether a sentence lays blame on ``party`` in its own words: a blaming word, not
    negated, falls on the party (or its demonym), and the sentence denies nothing and asks
    nothing."""
    if doc.text.rstrip().endswith("?") or denied_party(doc):
        return False
    if any(t.lemma_.lower() in DENIALS for t in doc):
        return False
    return any(
        _names_party([w.lower_ for w in _blamed(t)], party)
        for t in doc
        if t.lemma_.lower() in ACCUSING and not _negated(t)
    )


def _names_party(words: list[str], party: tuple[str, ...]) -> bool:
    """Whether ``words`` name every word of the party, a demonym counting ("korean")."""
    return all(any(w == p or (len(p) >= _SHORT and w.startswith(p)) for w in words) for p in party)


def _blamed(word: Token) -> list[Token]:
    """The words a blaming word lays the blame on: the object of "accused", "charged" (the
    subject when passive), the doer of "masterminded", what "agents" or "the mastermind" are
    (their modifiers, the name they stand beside), the subject of "was responsible" or
    "was behind" (never the accuser: "North Korea accused Malaysia")."""
    if word.pos_ == "VERB":
        accused = "dobj" if word.lemma_.lower() in _ACCUSE else "nsubj"
        return _under(word, {"nsubjpass", accused})
    if word.pos_ in {"NOUN", "PROPN"}:
        named = list(word.head.subtree) if word.dep_ == "appos" else []
        return [word, *_whose(word), *named]
    return _under(word.head, {"nsubj", "nsubjpass"})


def _whose(noun: Token) -> list[Token]:
    """The words telling whose a blaming noun is: its modifiers ("North Korean agents",
    "Pyongyang's agents"), a name beside it, "of X"; not a member it lists ("career agents
    including Felt" are the FBI's, no blame on Felt)."""
    return [
        t
        for c in noun.children
        if c.dep_ in _WHOSE or (c.dep_ == "prep" and c.lower_ == "of")
        for t in c.subtree
    ]


def _under(head: Token, deps: set[str]) -> list[Token]:
    """The words of ``head``'s dependents of kinds ``deps``."""
    return [t for c in head.children if c.dep_ in deps for t in c.subtree]


def _negated(token: Token) -> bool:
    """Whether a word, or the word it hangs on, is negated."""
    return any(c.dep_ == "neg" for t in (token, token.head) for c in t.children)


def detect(ctx: StoryContext) -> list[Conflict]:
    """Per denial of blame, one conflict: the denial against each other outlet's accusation of
    the same party most like it, on one matter."""
    merged: Merged[tuple[str, tuple[str, ...]]] = Merged(ctx, kind)
    denials = [(s, p) for s in ctx.sentences if (p := denied_party(ctx.docs[s.id]))]
    for denial, party in denials:
        for accusation in _accusations(ctx, denial, party):
            merged.add((denial.id, party), _topic(party), (denial, accusation))
    return merged.conflicts()


def _accusations(ctx: StoryContext, denial: Sentence, party: tuple[str, ...]) -> list[Sentence]:
    """Per other outlet, its accusation of ``party`` most like the denial, if on one matter."""
    floor = ctx.settings.conflicts.blame_matter
    best: dict[str, tuple[float, str, Sentence]] = {}
    for s in ctx.sentences:
        if not told_independently(ctx, denial, s) or not accuses(ctx.docs[s.id], party):
            continue
        key = (ctx.similarity(denial, s), s.id, s)
        if key[0] >= floor and key[:2] > best.get(s.article, (-2.0, ""))[:2]:
            best[s.article] = key
    return [best[a][2] for a in sorted(best)]


def _topic(party: tuple[str, ...]) -> str:
    """What is disputed: whether the party is to blame."""
    return f"whether {' '.join(party).title()} is to blame — denied, and laid on it"
