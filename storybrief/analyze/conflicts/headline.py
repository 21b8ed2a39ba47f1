"""Headline versus body: a title states as fact what its own body reports only as conditional,
hedged or negated.

The body's side is what the article reports, not a side the outlets dispute,
so a claim of it takes no side (``takes_side``): its sentence is not marked
disputed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from spacy.tokens import Doc, Token

from storybrief.analyze.context import StoryContext, parse
from storybrief.analyze.entities import Names
from storybrief.analyze.lexicon import qualifies, stated
from storybrief.analyze.syntax import in_condition
from storybrief.models import Article, Attribution, Claim, Conflict, ConflictKind, Sentence

from .base import claim
from .shared import LIGHT, entity_named

kind: ConflictKind = "headline"
takes_side = False

TOPIC = "headline versus body"
_TOPIC_PREFIX = re.compile(r"^[^:]{1,40}:\s+")  # "Iraq crisis: ..."


def detect(ctx: StoryContext) -> list[Conflict]:
    """Titles that state as fact what their own body only reports as conditional or hedged."""
    vectors = dict(zip((s.id for s in ctx.sentences), ctx.vectors, strict=True))
    conflicts = []
    for article in ctx.articles:
        if not article.title or not article.sentences:
            continue
        conflict = _versus_body(ctx, article, article.title, vectors)
        if conflict is not None:
            conflicts.append(conflict)
    return conflicts


def bare_title(written: str) -> str:
    """A title without its topic prefix ("Iraq crisis: ..."): the title this check parses."""
    return _TOPIC_PREFIX.sub("", written)


def _versus_body(
    ctx: StoryContext, article: Article, written: str, vectors: dict[str, np.ndarray]
) -> Conflict | None:
    """The conflict of an article's title (``written``) with its body, if the body hedges it.

    A title is supported when one of the body sentences most like it says
    it plainly. Otherwise the body's evidence is a sentence where one of the
    title's parties acts only under a condition ("If we see that the United
    States takes action ..."), or only hedged or negated, the conditional first.
    """
    title = bare_title(written)
    doc = parse([title])[0]
    if not _asserts(doc, ctx.settings.conflicts.headline_words):
        return None
    vector = ctx.embed([title])[0]
    similarity = {s.id: float(vector @ vectors[s.id]) for s in article.sentences}
    if _supported(ctx, article, similarity):
        return None
    body = _hedged_evidence(ctx, article, doc, similarity)
    if body is None:
        return None
    claims = [Claim(written, article.id, Attribution("headline")), claim(ctx, body)]
    return Conflict(TOPIC, claims, kind)


def _asserts(title: Doc, max_words: int) -> bool:
    """Whether a title states an event as plain fact: a short clause, unquoted, unhedged.

    Longer "titles" (over ``max_words``) are captions or ledes, not headlines.
    """
    return (
        len(title) <= max_words
        and any(t.dep_ in {"nsubj", "nsubjpass"} for t in title)
        and not any(t.is_quote or t.text == "?" for t in title)
        and not any(qualifies(t) for t in title)
    )


def _plain(doc: Doc) -> bool:
    """Whether a body sentence says nothing conditional, modal, hedged or negated."""
    return not any(qualifies(t) for t in doc)


def _supported(ctx: StoryContext, article: Article, similarity: dict[str, float]) -> bool:
    """Whether one of the body sentences most like the title says it plainly."""
    ranked = sorted(article.sentences, key=lambda s: -similarity[s.id])
    return any(
        _plain(ctx.docs[s.id]) and similarity[s.id] >= ctx.cosines.headline_supported
        for s in ranked[: ctx.settings.conflicts.headline_matches]
    )


def _hedged_evidence(
    ctx: StoryContext, article: Article, title: Doc, similarity: dict[str, float]
) -> Sentence | None:
    """The body sentence where the title's event is told only hedged, the conditional first,
    then the one most like the title.

    A headline compresses its lead, so a body sentence that hedges *another* act of a party
    the title names ("though Bloomberg has not made a final decision" under "Bloomberg makes
    preparations") does not gainsay it: the hedged act must be the title's own (the same
    verb, "could shut" under "Bridge shuts"), or a condition on what the title's subject
    does ("If we see that the United States takes action ..." under "Iran, US join fight").
    """
    parties = {e for t in title if (e := entity_named(t, ctx.names))}
    gainsays = _gainsaying(title, ctx.names)
    evidence = [
        (in_condition(verb), similarity[s.id], s)
        for s in article.sentences
        for verb, doer in _hedged_acts(ctx.docs[s.id], parties, ctx.names)
        if gainsays(verb, doer)
    ]
    return max(evidence, key=lambda e: e[:2])[2] if evidence else None


def _gainsaying(title: Doc, names: Names) -> Callable[[Token, str], bool]:
    """Whether a hedged verb of a party hedges the title's own event: one of the title's
    words, or a condition on what the title's subject does."""
    subjects = {e for t in _subjects(title) if (e := entity_named(t, names))}
    acts = {t.lemma_.lower() for t in title if t.pos_ in {"VERB", "NOUN"}} - LIGHT
    return lambda verb, doer: bool(_act(verb) & acts) or (in_condition(verb) and doer in subjects)


def _subjects(title: Doc) -> list[Token]:
    """Who a title says acts: its subjects and what they are listed with; a headline's "X, Y
    join ..." or "X announces ..." the small model often parses as a noun phrase, its first
    name the root ("Iran") or an unlabelled dependent ("Kenya")."""
    heads = [
        t
        for t in title
        if t.dep_ in {"nsubj", "nsubjpass"}
        or (t.dep_ in {"ROOT", "dep"} and t.pos_ in {"PROPN", "NOUN"})
    ]
    return [w for t in heads for w in (t, *t.conjuncts)]


def _act(verb: Token) -> set[str]:
    """What a verb says was done: its lemma, or for a light verb its object's ("made a final
    decision": decision)."""
    if verb.lemma_.lower() not in LIGHT:
        return {verb.lemma_.lower()}
    return {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}


def _hedged_acts(doc: Doc, parties: set[str], names: Names) -> list[tuple[Token, str]]:
    """Verbs whose subject is one of ``parties`` and which are not stated as plain fact, with
    the party."""
    return [
        (t.head, party)
        for t in doc
        if t.dep_ == "nsubj"
        and t.head.pos_ == "VERB"
        and (party := entity_named(t, names)) in parties
        and not stated(t.head)
    ]
