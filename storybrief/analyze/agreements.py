"""Agreements: the facts several articles carry, aligned across their wording.

A fact is often a clause of a longer sentence ("Rouhani ... said Iran was
ready to help, but denied ..."), so sentences are compared clause by clause:
each sentence is represented by itself and by its clauses, and two
sentences match when some clause of one and some clause of the other are
close both in vector space and in content words (names resolved, so
"Baghdad" acting and "the Iraqi government" meet).

Every sentence is tried as the pivot of an agreement: its best match in
each other article joins it if the match is good enough. Pivots carried by
the most independent articles are kept first, and a later candidate is
dropped when most of its sentences are already in a kept agreement.
Independence: a copy counts once with its original (``syndication``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storybrief.analyze.entities import Names
from storybrief.analyze.lexicon import content
from storybrief.analyze.story import Story
from storybrief.models import Agreement, Sentence, Syndication
from storybrief.nlp.embeddings import embed

MATCH = 0.6  # blended clause score a match needs
VECTOR_WEIGHT = 0.6  # the rest is the content-word Dice overlap
MIN_CLAUSE_WORDS = 4
OVERLAP_DROP = 0.5  # share of a candidate's sentences already used that drops it
_CLAUSE_DEPS = {"ccomp", "conj", "advcl", "xcomp", "relcl", "pcomp"}


@dataclass
class _Unit:
    sentence: Sentence
    text: str
    words: set[str]


def _units(story: Story, names: Names) -> list[_Unit]:
    """Every sentence and each of its clauses long enough to state a fact."""
    units: list[_Unit] = []
    for sentence in story.sentences:
        texts = [sentence.text]
        for token in story.docs[sentence.id]:
            if token.dep_ in _CLAUSE_DEPS and token.pos_ in {"VERB", "AUX"}:
                span = token.doc[token.left_edge.i : token.right_edge.i + 1]
                if len(span) >= MIN_CLAUSE_WORDS and len(span) < len(token.doc) - 2:
                    texts.append(span.text)
        units += [_Unit(sentence, t, content(t, names)) for t in dict.fromkeys(texts)]
    return units


def independent(sources: list[str], syndication: list[Syndication]) -> list[str]:
    """``sources`` without each copy whose original is also among them."""
    originals = {s.copy: s.original for s in syndication}
    return [s for s in sources if originals.get(s) not in sources]


def _scores(units: list[_Unit]) -> np.ndarray:
    vectors = embed([u.text for u in units])
    cosine = vectors @ vectors.T
    dice = np.zeros_like(cosine)
    for i, a in enumerate(units):
        for j in range(i + 1, len(units)):
            b = units[j]
            if a.words and b.words and a.sentence.article != b.sentence.article:
                dice[i, j] = dice[j, i] = 2 * len(a.words & b.words) / (len(a.words) + len(b.words))
    return VECTOR_WEIGHT * cosine + (1 - VECTOR_WEIGHT) * dice


def find_agreements(story: Story, syndication: list[Syndication], names: Names) -> list[Agreement]:
    """Facts carried by two or more articles, the most widely carried first."""
    units = _units(story, names)
    scores = _scores(units)
    # Best score between each pair of sentences, over their clauses.
    pair: dict[tuple[str, str], float] = {}
    for i, a in enumerate(units):
        for j, b in enumerate(units):
            if a.sentence.article != b.sentence.article:
                key = (a.sentence.id, b.sentence.id)
                pair[key] = max(pair.get(key, -1.0), float(scores[i, j]))
    candidates: list[tuple[int, float, list[Sentence]]] = []
    for pivot in story.sentences:
        members = [pivot]
        total = 0.0
        for article in story.articles:
            if article.id == pivot.article:
                continue
            best = max(article.sentences, key=lambda s: pair[(pivot.id, s.id)])
            pivot_article = story.article[pivot.article].sentences
            back = max(pivot_article, key=lambda s: pair[(best.id, s.id)])
            # Mutual best matches only: a sentence that matches everything well
            # (a long one naming all the actors) must not gather unrelated facts.
            if pair[(pivot.id, best.id)] >= MATCH and back.id == pivot.id:
                members.append(best)
                total += pair[(pivot.id, best.id)]
        sources = sorted({s.article for s in members})
        if len(sources) > 1:
            count = len(independent(sources, syndication))
            candidates.append((count, total / (len(members) - 1), members))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2][0].id))
    used: set[str] = set()
    agreements: list[Agreement] = []
    for _, _, members in candidates:
        ids = [s.id for s in members]
        if sum(i in used for i in ids) / len(ids) >= OVERLAP_DROP:
            continue
        used.update(ids)
        sources = sorted({s.article for s in members})
        agreements.append(
            Agreement(
                text=members[0].text,
                sources=sources,
                independent_sources=independent(sources, syndication),
                sentence_ids=sorted(
                    ids, key=lambda i: (i.rsplit(":", 1)[0], int(i.rsplit(":", 1)[1]))
                ),
            )
        )
    return agreements
