"""Denial: one outlet reports a claim as true, another calls it false.

"An aerial image captured a massive crab" against "the image is probably a
well-doctored hoax"; "Dr. Korovin took the selfie" against "Korovin has
denied taking a selfie". A debunking sentence calls a report untrue (a
hoax, fake, false, "not true", "no evidence"), or denies or debunks it; what
it calls so must be a report ("the photo", "claims that ..."), an act
("denied taking ...") or a pronoun standing for one, not a thing ("called
global warming a hoax" debunks no outlet). Its other side is a sentence of
another outlet that states the claim plainly, about the same thing (shared
content words, names resolved, and alike in the encoder's vectors). An
outlet that debunks the claim too, or reports it and debunks it itself,
takes no side; so a story where every outlet debunks has no conflict.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from storybrief.analyze.context import StoryContext, outside_quotes
from storybrief.analyze.independence import told_independently
from storybrief.analyze.lexicon import (
    CALLING,
    DEBUNK_ACTS,
    DEBUNKS,
    REPORT_HEDGES,
    REPORTING,
    REPORTS,
    SAID,
    TRUTHS,
    content,
    qualifies,
)
from storybrief.models import Conflict, ConflictKind, Sentence

from .base import Merged

kind: ConflictKind = "denial"
takes_side = True

_CLIMB = {"attr", "acomp", "oprd", "pobj", "prep", "amod", "advmod", "npadvmod", "dobj", "conj"}
_CLAUSES = {"ccomp", "xcomp", "pcomp", "acl", "relcl"}
_STANDINS = {"it", "this", "that", "these", "those", "which"}  # "it is false": a report before
_CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}  # words that tell a matter, not a manner
_BE = {"be", "seem", "appear", "prove", "turn"}  # "these turned out to be false"
_PAST = {"deny": "denied", "dismiss": "dismissed", "reject": "rejected", "refute": "refuted"}


@dataclass(frozen=True)
class _Debunk:
    """A debunking sentence: the word that calls something untrue, what it calls so, the
    sentences that tell what that is (itself, and the one before for "this is a hoax"),
    and their content words that are about it."""

    sentence: Sentence
    cue: Token
    target: Token
    context: tuple[Sentence, ...]
    about: frozenset[str]

    def similarity(self, ctx: StoryContext, sentence: Sentence) -> float:
        """How alike a sentence is to what the debunk tells, in the encoder's vectors."""
        return max(ctx.similarity(c, sentence) for c in self.context)


def detect(ctx: StoryContext) -> list[Conflict]:
    """Each debunking sentence against the sentences of other outlets that state what it debunks.

    Pairs that share a sentence are one conflict, named after the first
    debunk in story order.
    """
    debunks = [d for s in ctx.sentences if (d := _debunk(ctx, s)) is not None]
    if not debunks:
        return []
    debunking = {d.sentence.article for d in debunks}
    pairs = [(d, r) for d in debunks for r in _reports(ctx, d, debunking)]
    merged: Merged[int] = Merged(ctx, kind)
    words = ctx.settings.conflicts.denial_topic_words
    component = _components([(d.sentence.id, r.id) for d, r in pairs])
    for d, r in pairs:
        merged.add(component[d.sentence.id], _topic(ctx, d, words), (d.sentence, r))
    return merged.conflicts()


def _debunk(ctx: StoryContext, sentence: Sentence) -> _Debunk | None:
    """The sentence's first debunking word with a report for target, if any; not in a question."""
    if sentence.text.rstrip().endswith("?"):
        return None
    for token in ctx.docs[sentence.id]:
        target = _debunked(token) if _is_cue(token) else None
        if target is not None and _reportlike(target):
            context = (sentence,)
            if target.lower_ in _STANDINS and sentence.index > 0:
                context = (ctx.article[sentence.article].sentences[sentence.index - 1], sentence)
            about = frozenset().union(*(_about(ctx, s) for s in context))
            return _Debunk(sentence, token, target, context, about)
    return None


def _about(ctx: StoryContext, sentence: Sentence) -> set[str]:
    """The content words a sentence tells its matter with, names resolved, the words that
    call a report untrue left out."""
    told = [t for t in ctx.docs[sentence.id] if t.pos_ in _CONTENT]
    calling = [t for t in told if t.lemma_.lower() in DEBUNKS | DEBUNK_ACTS | REPORTS]
    return content(" ".join(t.text for t in told), ctx.names) - content(
        " ".join(t.text for t in calling), ctx.names
    )


def _is_cue(token: Token) -> bool:
    """Whether a word calls something untrue: "hoax", "denied"; "not true", "no evidence"."""
    lemma, negated = token.lemma_.lower(), _negated(token)
    if token.lower_ in DEBUNKS or lemma in DEBUNKS:
        return not negated
    if lemma in DEBUNK_ACTS and token.pos_ == "VERB":
        return not negated and not _confirm_or(token)
    return lemma in TRUTHS and negated


def _negated(token: Token) -> bool:
    """Whether a word, or the verb it is said with, is negated: "not a hoax", "did not deny"."""
    heads = [token, token.head] if token.dep_ in {"attr", "acomp"} else [token]
    return any(c.dep_ == "neg" or c.lower_ in {"no", "never"} for t in heads for c in t.children)


def _confirm_or(verb: Token) -> bool:
    """Whether a denial is only "(neither) confirm nor deny": it denies nothing."""
    joined = [verb.head, *verb.children] if verb.dep_ == "conj" else list(verb.children)
    return any(t.lemma_ == "confirm" for t in joined)


def _debunked(cue: Token) -> Token | None:
    """What a debunking word calls untrue: a denial's object, the noun it qualifies, or the
    subject it is said of ("the photo is a hoax", "branded the photo a hoax")."""
    if cue.pos_ == "VERB" and (cue.lemma_.lower() in DEBUNK_ACTS or _passive(cue)):
        return _object(cue)  # "denied taking ...", "the scene was staged"
    if cue.dep_ == "amod" and cue.head.pos_ in {"NOUN", "PROPN"}:
        return cue.head
    if cue.lemma_.lower() in {"evidence", "truth", "basis"}:
        return _complement(cue)
    verb = cue
    while verb.dep_ in _CLIMB and verb.head is not verb and verb.pos_ not in {"VERB", "AUX"}:
        verb = verb.head
    return _said_of(verb, cue)


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _object(verb: Token) -> Token | None:
    """A denial's object: "denied taking ...", "dismissed claims", "reports ... were debunked"."""
    deps = ("nsubjpass",) if _passive(verb) else ("dobj",)
    found = [c for c in verb.children if c.dep_ in deps or c.dep_ in _CLAUSES - {"relcl"}]
    return found[0] if found else None


def _complement(noun: Token) -> Token | None:
    """What "no evidence" is of: the clause or object after it ("no evidence that ...")."""
    for child in noun.children:
        if child.dep_ in _CLAUSES:
            return child
        if child.dep_ == "prep" and child.lower_ in {"of", "for", "to"}:
            return next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
    return None


def _said_of(verb: Token, cue: Token) -> Token | None:
    """Whom a verb says a debunking word of: the subject of "is", the object of "branded".

    "To be false" after "turned out" takes the subject of the verb above.
    """
    while verb is not None and verb.pos_ in {"VERB", "AUX"}:
        if verb.lemma_ in CALLING:
            return _child(verb, {"dobj"}, but=cue)
        if verb.lemma_ not in _BE:
            return None
        subject = _child(verb, {"nsubj", "nsubjpass"}, but=cue)
        if subject is not None:
            return subject
        verb = verb.head if verb.dep_ == "xcomp" else None
    return None


def _child(token: Token, deps: set[str], but: Token) -> Token | None:
    """The first child of ``token`` in one of ``deps``, other than ``but``."""
    return next((c for c in token.children if c.dep_ in deps and c != but), None)


def _reportlike(target: Token) -> bool:
    """Whether what is called untrue is a report, a told act or a stand-in for one."""
    return (
        target.lemma_.lower() in REPORTS
        or target.pos_ in {"VERB", "AUX"}
        or target.lower_ in _STANDINS
    )


def _reports(ctx: StoryContext, debunk: _Debunk, debunking: set[str]) -> list[Sentence]:
    """Per outlet that debunks nothing, its sentence most alike that states what ``debunk`` does.

    An outlet that debunks, this claim or another of the story, is no
    witness for a claim: it reports what it debunks, or debunks what it reports.
    """
    best: dict[str, tuple[float, Sentence]] = {}
    for s in ctx.sentences:
        if s.article in debunking or not told_independently(ctx, debunk.sentence, s):
            continue
        if not _states(ctx, s) or not _matches(ctx, debunk, s):
            continue
        score = debunk.similarity(ctx, s)
        if score > best.get(s.article, (-1.0, s))[0]:
            best[s.article] = (score, s)
    return [s for _, s in sorted(best.values(), key=lambda b: b[1].id)]


def _states(ctx: StoryContext, sentence: Sentence) -> bool:
    """Whether a sentence states a claim as plain fact in the outlet's voice: not quoted, not
    negated or hedged, not told as another's report ("reportedly", "the Mail reported")."""
    doc = ctx.docs[sentence.id]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return (
        root is not None
        and root.i in outside_quotes(ctx, sentence)
        and not sentence.text.rstrip().endswith("?")
        and not any(qualifies(t) or _is_cue(t) or _hedged_as_report(t) for t in doc)
    )


def _hedged_as_report(token: Token) -> bool:
    """Whether a word tells a claim as another's report: "reportedly", "was reported wounded"."""
    lemma = token.lemma_.lower()
    if token.lower_ in REPORT_HEDGES or lemma in REPORT_HEDGES:
        return True
    if token.lower_ == "according" or (token.dep_ == "ROOT" and lemma in REPORTING):
        return True  # "according to the paper, ...", "the Mail reported that ..."
    return _passive(token) and lemma in SAID


def _matches(ctx: StoryContext, debunk: _Debunk, sentence: Sentence) -> bool:
    """Whether a sentence is about what a debunk is: shared content words and alike vectors."""
    shared = debunk.about & content(sentence.text, ctx.names)
    return (
        len(shared) >= ctx.settings.conflicts.denial_shared
        and debunk.similarity(ctx, sentence) >= ctx.cosines.denial_claim
    )


def _components(pairs: list[tuple[str, str]]) -> dict[str, int]:
    """Sentence ids joined by pairs into groups: each id's group, numbered in pair order."""
    group: dict[str, int] = {}
    for n, (one, other) in enumerate(pairs):
        known = {group[i] for i in (one, other) if i in group}
        number = min(known, default=n)
        for i, g in list(group.items()):
            if g in known:
                group[i] = number
        group[one] = group[other] = number
    return group


def _topic(ctx: StoryContext, debunk: _Debunk, max_words: int) -> str:
    """What is disputed, as a reader would say it: "the Crabzilla photo — reported, and called
    a fake", "taking a selfie with Rivers — reported, and denied"."""
    return f"{_thing(ctx, debunk, max_words)} — reported, and {_verdict(debunk.cue)}"


def _thing(ctx: StoryContext, debunk: _Debunk, max_words: int) -> str:
    """What is called untrue: what a report claims ("claims that X": X), else its phrase.

    A stand-in ("these turned out to be false", "this is wrong") stands for
    a report named before it in the sentence, else for what the sentence
    before says someone claims ("canada.com tells us that X").
    """
    head = _stood_for(ctx, debunk) if debunk.target.lower_ in _STANDINS else debunk.target
    if head is None:
        return "the claim"
    if head.pos_ == "NOUN":
        head = next((c for c in head.subtree if _that_clause(c)), head)
    return _phrase(head, debunk.cue, max_words)


def _stood_for(ctx: StoryContext, debunk: _Debunk) -> Token | None:
    """The report a stand-in stands for: one named before it, or a claim told just before."""
    doc = debunk.target.doc
    named = [t for t in doc[: debunk.target.i] if t.lemma_.lower() in REPORTS and t.pos_ == "NOUN"]
    if named:
        return named[-1]
    if len(debunk.context) < 2:
        return None
    return next((t for t in ctx.docs[debunk.context[0].id] if _that_clause(t)), None)


def _phrase(head: Token, cue: Token, max_words: int) -> str:
    """The words under ``head``, its relative clauses, its "that" and the debunking word left
    out, "a" made "the": "a bogus article titled X" → "the article titled X"."""
    skip = {t.i for c in head.children if c.dep_ == "relcl" for t in c.subtree}
    skip |= {cue.i} if cue.doc is head.doc else set()
    skip |= {c.i for c in head.children if c.dep_ == "mark"}
    words = [t for t in head.subtree if t.i not in skip][:max_words]
    return "".join(_definite(t, head) for t in words).strip(" ,;:-\"“”'")


def _definite(word: Token, head: Token) -> str:
    """A word of a phrase, "a" of its head made "the": the report is one the story knows."""
    if word.head == head and word.lower_ in {"a", "an"}:
        return "the" + word.whitespace_
    return word.text_with_ws


def _that_clause(token: Token) -> bool:
    """Whether a word heads a "that" clause: the content of a claim or report."""
    return token.dep_ in {"acl", "ccomp"} and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in token.children
    )


def _verdict(cue: Token) -> str:
    """How the debunk calls it: "denied", "called a hoax", "called false", "called not true"."""
    lemma = cue.lemma_.lower()
    if lemma in _PAST:
        return _PAST[lemma]
    if cue.pos_ == "VERB":
        return f"called {cue.lower_}"
    if lemma in TRUTHS:
        return f"said to have no {lemma}" if cue.pos_ == "NOUN" else f"called not {lemma}"
    return f"called a {lemma}" if cue.pos_ == "NOUN" else f"called {cue.lower_}"
