"""Denial: one outlet reports a claim as true, another calls it untrue.

"Dr. Korovin took a selfie in the operating room" against "Korovin has
denied taking a selfie with Rivers"; "Saudia will order its staff to keep
men and women seated separately" against "the airline dismissed claims that
it is planning to segregate men and women". A debunking word calls
something untrue (a hoax, fake, false, bogus, "not true", "no evidence") or
denies, dismisses, disputes or debunks it; what it calls so must be a
report ("claims that ...", "the article titled ..."), an act ("denied
taking ...") or a stand-in for one ("this is wrong" after "the site tells
us that ..."), never a thing ("called global warming a hoax"). The claim is
the words that tell it; a bare "the photo is a hoax" or "denies the
allegations" says too little of what is denied to be matched.

The other side is, per outlet that debunks nothing, its sentence most alike
that states the claim in its own voice: the claim's content words (names
resolved) stated plainly, out of quotes and out of negated or hedged
clauses, not told as another's report ("reportedly", "the Mail reported");
for a clause claim, every act of it and a word of its subject; and a
cosine over ``Cosines.denial_claim``. An outlet that debunks anything takes
no side, so a story where every outlet debunks, or one that reports and
debunks in one article, has no conflict.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from storybrief.analyze.context import StoryContext, outside_quotes
from storybrief.analyze.independence import told_independently
from storybrief.analyze.lexicon import (
    CALLING,
    CONTROL,
    DEBUNK_ACTS,
    DEBUNKS,
    REPORT_HEDGES,
    REPORTING,
    REPORTS,
    SAID,
    TRUTHS,
    content,
    judges_maker,
    stated,
    verb_of,
)
from storybrief.analyze.syntax import passive, that_clause
from storybrief.models import Conflict, ConflictKind, Sentence
from storybrief.nlp.speech import SPEECH_VERBS

from .base import Merged
from .negation import negated as _negated
from .shared import LIGHT

kind: ConflictKind = "denial"
takes_side = True

_CLIMB = {"attr", "acomp", "oprd", "pobj", "prep", "amod", "advmod", "npadvmod", "dobj", "conj"}
_CLAUSES = {"ccomp", "xcomp", "pcomp", "acl", "relcl"}
_STANDINS = {"it", "this", "that", "these", "those"}  # "this is false": a report told before
_CLAIMING = {"claim", "allege"}  # verbs telling their clause as a claim, not as fact
_CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}  # words that tell a matter, not a manner
_BE = {"be", "seem", "appear", "prove", "turn"}  # "these turned out to be false"
_PAST = {
    "deny": "denied", "dismiss": "dismissed", "reject": "rejected", "refute": "refuted",
    "dispute": "disputed", "debunk": "debunked", "fabricate": "called fabricated",
}  # fmt: skip


@dataclass(frozen=True)
class _Debunk:
    """A debunking sentence: the word that calls something untrue, the claim it calls so
    (the words that tell it, in this sentence or the one before for "this is wrong"), the
    claim's content words and, if it is a clause, its acts ("took a selfie": take)."""

    sentence: Sentence
    cue: Token
    claim: Token  # the head of the words telling the claim
    told_in: Sentence  # the sentence those words are in
    about: frozenset[str]
    acts: frozenset[str]
    subject: frozenset[str]  # the content words of whom the claim is said, if a clause


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
        merged.add(component[d.sentence.id], _topic(d, words), (d.sentence, r))
    return merged.conflicts()


def _debunk(ctx: StoryContext, sentence: Sentence) -> _Debunk | None:
    """The sentence's first debunking word whose claim can be matched, if any; not in a question.

    The claim is what the word calls untrue ("denied reports that the pier
    would close": the pier would close); a bare report ("the photo is a
    hoax", "denies the allegations") names too little of it to match another
    outlet's words, and is left out unless it carries a title or topic
    ("a bogus article titled ...", "rumours regarding his injury").
    """
    if sentence.text.rstrip().endswith("?"):
        return None
    for token in ctx.docs[sentence.id]:
        target = _debunked(token) if _is_cue(token) else None
        if target is None or not _reportlike(target):
            continue
        found = _claim(ctx, sentence, target)
        if found is None:
            continue
        claim, told_in = found
        about = _told(ctx, list(claim.subtree))
        if len(about) >= ctx.settings.conflicts.denial_shared:
            acts, subject = _acts_of(claim), _subject(ctx, claim)
            return _Debunk(sentence, token, claim, told_in, frozenset(about), acts, subject)
    return None


def _claim(ctx: StoryContext, sentence: Sentence, target: Token) -> tuple[Token, Sentence] | None:
    """The head of the words that tell what ``target`` calls untrue, and their sentence.

    A report's claim is its "that" clause ("claims that X": X); a stand-in
    ("these turned out to be false", "this is wrong") stands for a report
    named before it in the sentence, else for what the sentence before says
    someone claims ("canada.com tells us that X").
    """
    told_in = sentence
    if target.lower_ in _STANDINS:
        found = _stood_for(ctx, sentence, target)
        if found is None:
            return None
        target, told_in = found
    if target.pos_ == "NOUN":
        target = next((c for c in target.subtree if that_clause(c)), target)
    return target, told_in


def _stood_for(
    ctx: StoryContext, sentence: Sentence, standin: Token
) -> tuple[Token, Sentence] | None:
    """The report a stand-in stands for, and its sentence: one named before it, or a claim
    the sentence before tells."""
    named = [t for t in standin.doc[: standin.i] if t.lemma_.lower() in REPORTS]
    if named:
        return named[-1], sentence
    if sentence.index == 0:
        return None
    previous = ctx.article[sentence.article].sentences[sentence.index - 1]
    clause = next((t for t in ctx.docs[previous.id] if that_clause(t)), None)
    return (clause, previous) if clause is not None else None


def _acts_of(claim: Token) -> frozenset[str]:
    """What a claim told as a clause says was done or is: its verb and the verbs it goes on
    to ("was used to develop": use, develop), or what a "be" says it is ("is a rich man":
    rich). A verb of aim or attempt stands for the act it goes on to ("planning to
    segregate": segregate); the verbs of the claim's parts ("bin Laden, who has been
    charged") are not its acts.
    """
    if claim.pos_ not in {"VERB", "AUX"}:
        return frozenset()
    chain, acts = [claim], set()
    while chain:
        verb = chain.pop()
        chain += [c for c in verb.children if c.dep_ in {"xcomp", "conj"} and c.pos_ == "VERB"]
        acts |= _act(verb)
    return frozenset(acts)


def _act(verb: Token) -> set[str]:
    """What one verb of a claim says: its act, what "be" says a thing is, or nothing for a
    light verb or one of aim that goes on to another ("planning to")."""
    if verb.lemma_ in _BE:
        return _predicate(verb)
    goes_on = any(c.dep_ == "xcomp" for c in verb.children)
    if verb.lemma_ in LIGHT or (goes_on and verb.lemma_ in CONTROL):
        return set()
    return {verb.lemma_.lower()}


def _subject(ctx: StoryContext, claim: Token) -> frozenset[str]:
    """The content words of whom a clause claim is said ("the complex is intended to ...")."""
    subject = _child(claim, {"nsubj", "nsubjpass"}, but=claim)
    return frozenset(_told(ctx, list(subject.subtree)) if subject is not None else ())


def _predicate(be: Token) -> set[str]:
    """What a "be" says its subject is: "is dead" → dead, "is a rich man" → rich."""
    said = [c for c in be.children if c.dep_ in {"attr", "acomp"}]
    qualities = [c for t in said for c in t.children if c.dep_ == "amod"]
    return {t.lemma_.lower() for t in (qualities or said)}


def _told(ctx: StoryContext, tokens: list[Token]) -> set[str]:
    """The content words ``tokens`` tell a matter with, names resolved, the words that call a
    report untrue left out."""
    told = [t for t in tokens if t.pos_ in _CONTENT]
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


def _confirm_or(verb: Token) -> bool:
    """Whether a denial is only "(neither) confirm nor deny": it denies nothing."""
    joined = [verb.head, *verb.children] if verb.dep_ == "conj" else list(verb.children)
    return any(t.lemma_ == "confirm" for t in joined)


def _debunked(cue: Token) -> Token | None:
    """What a debunking word calls untrue: a denial's object, the noun it qualifies, or the
    subject it is said of ("the photo is a hoax", "branded the photo a hoax")."""
    if cue.pos_ == "VERB" and (cue.lemma_.lower() in DEBUNK_ACTS or passive(cue)):
        return _denied_object(cue)  # "denied taking ...", "the scene was staged"
    if cue.dep_ == "amod" and cue.head.pos_ in {"NOUN", "PROPN"}:
        return cue.head
    if cue.lemma_.lower() in {"evidence", "truth", "basis"}:
        return _complement(cue)
    verb = cue
    while verb.dep_ in _CLIMB and verb.head is not verb and verb.pos_ not in {"VERB", "AUX"}:
        verb = verb.head
    return _said_of(verb, cue)


def _denied_object(cue: Token) -> Token | None:
    """A debunking verb's object, if it is something the verb calls untrue: one denies a deed
    ("denied taking"), but one rejects, dismisses or refutes a claim, a report or what a
    "that" clause says; "rejecting what he said were four offers" turns down offers."""
    found = _object(cue)
    if found is None or cue.lemma_.lower() == "deny" or passive(cue):
        return found
    kept = found.lemma_.lower() in REPORTS or that_clause(found) or found.lower_ in _STANDINS
    return found if kept else None


def _object(verb: Token) -> Token | None:
    """A denial's object: "denied taking ...", "dismissed claims", "reports ... were debunked"."""
    deps = ("nsubjpass",) if passive(verb) else ("dobj",)
    found = [c for c in verb.children if c.dep_ in deps or c.dep_ in _CLAUSES - {"relcl"}]
    return found[0] if found else None


def _complement(noun: Token) -> Token | None:
    """What "no evidence" is of: the clause or object after it ("no evidence that ...")."""
    for child in noun.children:
        # Not a relative clause nor a verb of saying: "no evidence against X, the prosecutor
        # announced" is parsed with the attribution as the noun's clause.
        if child.dep_ in _CLAUSES - {"relcl"} and child.lemma_ not in SPEECH_VERBS:
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
    """Whether what is called untrue is a report, a told act or a stand-in for one; not
    statements judged by their maker's act (``lexicon.judges_maker``: "charged with making
    false statements", "made false claims")."""
    return not judges_maker(target) and (
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
        score = ctx.similarity(debunk.told_in, s)
        if score > best.get(s.article, (-1.0, s))[0]:
            best[s.article] = (score, s)
    return [s for _, s in sorted(best.values(), key=lambda b: b[1].id)]


def _states(ctx: StoryContext, sentence: Sentence) -> bool:
    """Whether a sentence may state a claim in the outlet's voice: not quoted, not asked, not
    calling anything untrue, not told as another's report ("reportedly", "the Mail reported").
    Which of its words are stated plainly is ``_matches``' business."""
    doc = ctx.docs[sentence.id]
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    return (
        root is not None
        and root.i in outside_quotes(ctx, sentence)
        and not sentence.text.rstrip().endswith("?")
        and not any(_is_cue(t) or _hedged_as_report(t) for t in doc)
    )


def _hedged_as_report(token: Token) -> bool:
    """Whether a word tells a claim as another's report: "reportedly", "was reported wounded"."""
    lemma = token.lemma_.lower()
    if token.lower_ in REPORT_HEDGES or lemma in REPORT_HEDGES:
        return True
    if token.lower_ == "according" or (token.dep_ == "ROOT" and lemma in REPORTING):
        return True  # "according to the paper, ...", "the Mail reported that ..."
    if token.pos_ == "VERB" and lemma in _CLAIMING:
        # "he was mistaken in claiming that ...": someone's claim wherever it stands; not
        # "reported" below the root ("As reported by Canada.com, two restaurants still serve
        # ..." tells the claim a debunk answers: FNC-1 fnc043).
        return True
    return passive(token) and lemma in SAID


def _matches(ctx: StoryContext, debunk: _Debunk, sentence: Sentence) -> bool:
    """Whether a sentence tells what a debunk calls untrue: its content words, stated plainly
    in the outlet's own voice (out of quotes, in no negated or hedged clause); if it is a
    clause, every act of it ("used to develop" is not "develop") and a word of its subject
    ("the complex" is built, not "a commitment"); and alike vectors."""
    outside = outside_quotes(ctx, sentence)
    own = [t for t in ctx.docs[sentence.id] if t.i in outside and stated(t)]
    shared = debunk.about & _told(ctx, own)
    return (
        len(shared) >= ctx.settings.conflicts.denial_shared
        and debunk.acts <= _acts_named(own)
        and (not debunk.subject or bool(debunk.subject & shared))
        and ctx.similarity(debunk.told_in, sentence) >= ctx.cosines.denial_claim
    )


def _acts_named(tokens: list[Token]) -> set[str]:
    """The acts and qualities words tell: verbs, adjectives and nouns ("a new plan"), and the
    verbs nouns are made of ("segregation" → segregate)."""
    said = {t.lemma_.lower() for t in tokens if t.pos_ in {"VERB", "ADJ", "NOUN"}}
    return said | {v for t in tokens if t.pos_ == "NOUN" and (v := verb_of(t.lemma_.lower()))}


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


def _topic(debunk: _Debunk, max_words: int) -> str:
    """What is disputed, as a reader would say it: "the national carrier is planning to
    segregate men and women — reported, and dismissed"."""
    return f"{_phrase(debunk.claim, debunk.cue, max_words)} — reported, and {_verdict(debunk.cue)}"


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
