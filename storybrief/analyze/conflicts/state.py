"""A state and its end: one outlet says a person is still held (at large), another that they
were released (arrested), and neither tells both."""

from __future__ import annotations

from spacy.tokens import Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.lexicon import STATES, State, stated
from storybrief.analyze.syntax import person_named
from storybrief.models import Conflict, ConflictKind, Sentence
from storybrief.nlp.speech import SPEECH_VERBS

from .base import claim

kind: ConflictKind = "state"
takes_side = True

_PRONOUNS = {"he", "she", "him", "her"}
_Sides = dict[tuple[State, str], dict[bool, list[Sentence]]]  # lasting or ended, by state, person


def detect(ctx: StoryContext) -> list[Conflict]:
    """One outlet says a person is still in a state, another that it has ended.

    "She has been held in custody" against "... and was released"; an
    outlet that reports both (held, then released) tells a sequence, so it
    takes no side. One conflict per person and state, every side's sentences in it.
    """
    conflicts = []
    for (state, who), side in _sides(ctx).items():
        both = {s.article for s in side[True]} & {s.article for s in side[False]}
        lasting, ended = ([s for s in side[k] if s.article not in both] for k in (True, False))
        if lasting and ended:
            claims = [claim(ctx, s) for s in lasting + ended]
            conflicts.append(Conflict(state.topic.format(who), claims, kind))
    return conflicts


def _sides(ctx: StoryContext) -> _Sides:
    """The sentences that say each person is still in a state (True) or that it ended (False)."""
    sides: _Sides = {}
    for s in ctx.sentences:
        for state, who, lasting in _states(ctx, s):
            sides.setdefault((state, who), {True: [], False: []})[lasting].append(s)
    return sides


def _states(ctx: StoryContext, sentence: Sentence) -> list[tuple[State, str, bool]]:
    """The states a sentence puts a named person in: (state, person, lasting now or ended)."""
    found = []
    for token in ctx.docs[sentence.id]:
        verb = _verb_of(token)
        if verb.pos_ not in {"VERB", "AUX"} or not stated(verb):
            continue
        for state in STATES:
            lasting = _told(token, verb, state)
            who = _undergoer(verb) if lasting is not None else None
            person = _person_of_subject(ctx, sentence, who) if who is not None else None
            if person and (state, person, lasting) not in found:
                found.append((state, person, lasting))
    return found


def _in_place(token: Token) -> bool:
    """Whether a word is the place of a state: "in custody", "on the run", "at large".

    "large" of "at large" is parsed as an adjective, yet its head is the preposition.
    """
    return (
        token.head.dep_ == "prep"
        and token.head.lower_ in {"in", "at", "on"}
        and (token.i > token.head.i)
    )


def _verb_of(token: Token) -> Token:
    """The verb a word tells a state with: itself, or the one its place hangs from."""
    return token.head.head if _in_place(token) else token


def _told(token: Token, verb: Token, state: State) -> bool | None:
    """Whether ``token`` says its ``verb``'s undergoer is in ``state`` now (True), that the
    state ended (False), or neither (None)."""
    place = _in_place(token)
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    kept = (token.lemma_ in state.places) if place else (passive and token.lemma_ in state.kept)
    if kept and _present(verb):
        return True
    if not place and token.lemma_ in state.ending and _happened(verb):
        return False
    return None


def _undergoer(verb: Token) -> Token | None:
    """Who a verb's event befalls: "she was released", "police released her", "he remains".

    A verb joined to another ("pleaded not guilty and was released") shares its subject.
    """
    while True:
        for dep in ("nsubjpass", "dobj", "nsubj"):
            found = [c for c in verb.children if c.dep_ == dep]
            if found:
                return found[0]
        if verb.dep_ not in {"conj", "dep"} or verb.head == verb:
            return None
        verb = verb.head


def _person_of_subject(ctx: StoryContext, sentence: Sentence, token: Token) -> str | None:
    """The person a subject names: by name, by an apposition, or for a pronoun by proxy.

    A name is read as quotes read it (``syntax.person_named``). "He" or "she"
    is taken to stand for the subject of the sentence before, the one a
    pronoun most often continues, not for its antecedent as quotes read it
    (``speakers.antecedent``): that one skips a role with a name in
    apposition ("Caballero's girlfriend, Desiree Cary, was arrested. She
    ...": no one) and takes the speaker of a report ("Cary was taken into
    custody ..., Hall said. She has been held ...": Hall).
    """
    if token.lower_ in _PRONOUNS:
        proxy = _previous_subject(ctx, sentence)
        if proxy is None:
            return None
        token = proxy
    mentions = [token, *(c for c in token.children if c.dep_ == "appos")]
    return next((p for t in mentions if (p := person_named(t, ctx.names))), None)


def _previous_subject(ctx: StoryContext, sentence: Sentence) -> Token | None:
    """The shallowest subject of the sentence before that is no speaker nor pronoun
    ("Cary was taken ..., Hall said": Cary)."""
    if sentence.index == 0:
        return None
    previous = ctx.article[sentence.article].sentences[sentence.index - 1]
    subjects = [
        t
        for t in ctx.docs[previous.id]
        if t.dep_ in {"nsubj", "nsubjpass"}
        and t.head.lemma_ not in SPEECH_VERBS
        and t.lower_ not in _PRONOUNS
    ]
    return min(subjects, key=lambda t: len(list(t.ancestors))) if subjects else None


def _present(verb: Token) -> bool:
    """Whether a verb speaks of now: "is held", "has been held", "remains at large"."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return any(t.tag_ in {"VBZ", "VBP"} for t in (verb, *auxiliaries))


def _happened(verb: Token) -> bool:
    """Whether a verb tells an event that took place: "was released", not "to arrest"."""
    auxiliaries = any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "to" for c in verb.children)
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxiliaries)
