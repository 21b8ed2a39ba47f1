"""Polarity: one account says someone did or underwent an act, another that no one but
another party did.

"One of the two women ... was later sickened" against "no one besides Kim Jong Nam had
been sickened": a universal negative with an exception ("no one besides X", "nobody
except X") says the act of everyone else, so an account of the act by anyone it does not
leave out contradicts it, in another article or in the same one (a correction). Each side
is a clause of one verb (no light verb, no verb of saying or knowing, none completed by
another verb's act) stated plainly: no modal, hedge or condition, nothing "so far". When
both tell what was acted on, they share a word of it. Not kept, sixteenth session: a
named party's act against another outlet's "X did not ..." (no right conflict on the
piles read, six wrong: times apart, "barely", a plan; BENCHMARKS.md), and a bare "no one"
(a turn of phrase: "no one has captured the real dilemma").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import product

from spacy.tokens import Doc, Span, Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.entities import Names
from storybrief.analyze.lexicon import content, qualifies
from storybrief.models import Conflict, ConflictKind, Sentence
from storybrief.nlp.paraphrase import verb_lexfile
from storybrief.nlp.speech import SPEECH_VERBS

from .base import Merged
from .shared import LIGHT

kind: ConflictKind = "polarity"
takes_side = True

_SUBJECTS = {"nsubj", "nsubjpass"}
_OBJECTS = {"dobj", "attr", "oprd", "acomp"}
# The words of a universal negative subject: "nobody", "no one"; not "none", mostly a part
# of something named ("none of this means ...": PolNeAR train).
_NOBODY = {"nobody", "noone"}
# What a universal negative leaves out: "no one besides Kim", "nobody except the driver".
_EXCEPT = {"besides", "except", "but", "beyond"}
# An account of a state so far, which a later one updates: "has not yet been found".
_SO_FAR = {"yet", "still", "so", "far", "longer"}


@dataclass(frozen=True)
class _Act:
    """A clause's verb as told: its lemma, whether its subject is a universal negative with an
    exception, and the content words of its subject, of that exception and of what it acts
    on."""

    verb: str
    excepting: bool
    subject: frozenset[str]
    spared: frozenset[str]
    acted_on: frozenset[str]
    pronoun: bool
    said: str  # its subject and verb, as told: "one of the two women was later sickened"


def detect(ctx: StoryContext) -> list[Conflict]:
    """Each act told of someone against "no one besides ..." did it, one conflict per act as
    told."""
    by_verb: dict[tuple[str, bool], list[tuple[Sentence, _Act]]] = {}
    for sentence in ctx.sentences:
        for act in _acts(ctx.docs[sentence.id], ctx.names):
            by_verb.setdefault((act.verb, act.excepting), []).append((sentence, act))
    merged: Merged[str] = Merged(ctx, kind)
    for (verb, excepting), denied in sorted(by_verb.items()):
        told = by_verb.get((verb, False), []) if excepting else []
        for no, yes in product(denied, told):
            if _opposed(no, yes):
                topic = f"whether {yes[1].said} — told, and denied"
                merged.add(topic, topic, (yes[0], no[0]))
    return merged.conflicts()


def _opposed(no: tuple[Sentence, _Act], yes: tuple[Sentence, _Act]) -> bool:
    """Whether "no one besides X" did an act another sentence tells of someone else: a
    party with words, no pronoun, not X; of one thing."""
    (ns, na), (ys, ya) = no, yes
    party = bool(ya.subject) and not ya.pronoun and not ya.subject & na.spared
    return party and _one_thing(na, ya) and ns.id != ys.id


def _one_thing(one: _Act, other: _Act) -> bool:
    """Whether two acts are on one thing: a shared word of it, or one tells none."""
    return not (one.acted_on and other.acted_on) or bool(one.acted_on & other.acted_on)


def _acts(doc: Doc, names: Names) -> list[_Act]:
    """The acts a sentence tells plainly (a question tells none)."""
    if doc.text.rstrip().endswith("?"):
        return []
    acts = []
    for verb in doc:
        if not _an_act(verb):
            continue
        subject = _subject(verb)
        if subject is None or not _plain(verb):
            continue
        if (act := _act(verb, subject, names)) is not None:
            acts.append(act)
    return acts


# WordNet's verb.cognition (31) and verb.communication (32): what one knows, thinks or says
# of the story, not an act in it ("no one besides his aides knows where he is").
_NO_ACTS = frozenset({31, 32})


def _an_act(verb: Token) -> bool:
    """Whether a word is a verb telling an act: no light verb, no verb of saying or knowing."""
    lemma = verb.lemma_.lower()
    # A verb completed by another's act tells that one ("seems to have followed up").
    complemented = any(c.dep_ == "xcomp" for c in verb.children)
    if verb.pos_ != "VERB" or lemma in LIGHT | SPEECH_VERBS or complemented:
        return False
    return verb_lexfile(lemma) not in _NO_ACTS


def _holder(verb: Token) -> Token:
    """The word a verb's subject and negation hang on: its copula's, when a complement."""
    return verb.head if verb.dep_ in {"acomp", "xcomp"} and verb.head.pos_ == "AUX" else verb


def _subject(verb: Token) -> Token | None:
    """A verb's subject, a universal negative first ("police previously no one ... had been
    sickened"), or its copula's ("one of the women was later sickened")."""
    subjects = [c for c in _holder(verb).children if c.dep_ in _SUBJECTS]
    return next((c for c in subjects if _universal(c)), subjects[0] if subjects else None)


def _act(verb: Token, subject: Token, names: Names) -> _Act | None:
    """A verb's act, read off its subject and objects; none when negated but by a universal
    negative with an exception (the two sides this detector sets against each other)."""
    spared = _under(subject, lambda c: c.lower_ in _EXCEPT)
    excepting = _universal(subject) and bool(spared)
    if not excepting and (_universal(subject) or _negated(verb)):
        return None
    phrase = _phrase(subject, spared)
    return _Act(
        verb=" ".join([verb.lemma_.lower(), *(c.lower_ for c in verb.children if c.dep_ == "prt")]),
        excepting=excepting,
        subject=frozenset(_words(phrase, names)),
        spared=frozenset(_words(spared, names)),
        acted_on=frozenset(_words(_under(verb, lambda c: c.dep_ in _OBJECTS), names)),
        pronoun=subject.pos_ == "PRON" and subject.lower_ != "one",
        said=" ".join(t.text for t in [*phrase, *_verb_group(verb, subject)]),
    )


def _under(head: Token, kept: Callable[[Token], bool]) -> list[Token]:
    """The words under a word's dependents of some kind."""
    return [t for c in head.children if kept(c) for t in c.subtree]


def _verb_group(verb: Token, subject: Token) -> Span:
    """The words from a subject to its verb: "was later sickened"."""
    return verb.doc[subject.right_edge.i + 1 : verb.i + 1]


def _negated(verb: Token) -> bool:
    """Whether a verb, or the copula it completes, has a negation ("was not sickened")."""
    return any(c.dep_ == "neg" for t in {verb, _holder(verb)} for c in t.children)


# A subject's dependents that describe it, naming no party: "the women accused of ...".
_ASIDE = {"acl", "relcl", "appos", "advcl"}


def _phrase(subject: Token, spared: list[Token]) -> list[Token]:
    """A subject's words, its exception and its clauses left out."""
    aside = {t.i for t in spared} | {
        t.i for c in subject.subtree if c.dep_ in _ASIDE for t in c.subtree
    }
    return [t for t in subject.subtree if t.i not in aside]


def _words(tokens: list[Token], names: Names) -> set[str]:
    """The content words of some tokens, names resolved."""
    return {w for t in tokens for w in content(t.text, names)}


def _universal(subject: Token) -> bool:
    """Whether a subject is a universal negative: "nobody", "no one"."""
    no = any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)
    return subject.lower_ in _NOBODY or (no and subject.lower_ == "one")


def _plain(verb: Token) -> bool:
    """Whether a verb is told as plain fact (its own negation aside, read by ``_act``): no
    modal, hedge or condition on it or above it, no "yet" or "so far" (a state so far)."""
    return not any(_qualified(t, t is verb) for t in (verb, *verb.ancestors))


_MARKS = {"aux", "mark", "advmod", "advcl"}


def _qualified(word: Token, own: bool) -> bool:
    """Whether a word or its marks make its clause less than plain: a modal, a hedge, a
    condition, "yet" or "so far"; its own negation counts only above the verb read."""
    if any(c.lower_ in _SO_FAR for c in word.children):
        return True
    marks = [c for c in word.children if c.dep_ in _MARKS or (c.dep_ == "neg" and not own)]
    return (not own and qualifies(word)) or any(map(qualifies, marks))
