"""Agreements: the facts several articles carry, aligned across their wording.

A fact is often one clause of a longer sentence ("Rouhani held out the
prospect of working with the US, but denied reports that troops had been
sent"), worded differently by each outlet. So each sentence is cut into
predicate-argument units: the main verb and each coordinated, adverbial or
relative clause, with its arguments (a coordinated verb borrows its head's
subject). A complement stays with its verb, so "denied that ..." and "said
that ..." keep their negation and their speaker. Two units match on a blend
of their vectors' cosine and a weighted overlap of their lemmas: names and
demonyms folded into their entity ("Baghdad", "Americans"), negations spelled
alike ("denied", "never", "not"), close synonyms counted ("seizure"/"seize").

Units are clustered: two clusters merge when their closest pair matches well
and their average pair fairly, so a fact worded three ways by three outlets
gathers, while a unit close to only one member stays out. Two clauses of one
sentence never share a cluster, so a long sentence cannot glue its facts
together. A cluster carried by two or more independent articles (a copy
counts once with its original, ``syndication``) is an agreement; the brief
lists the best-supported few, the most widely carried first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc, Token

from storybrief.analyze.entities import Names
from storybrief.analyze.lexicon import entity_of
from storybrief.analyze.story import Story
from storybrief.models import Agreement, Sentence, Syndication
from storybrief.nlp.embeddings import embed

MATCH_BEST = 0.5  # blended score of the closest pair two clusters need to merge
MATCH_MEAN = 0.35  # and the average over all their pairs
VECTOR_WEIGHT = 0.3  # the rest is the lemma Dice overlap
WORD_MATCH = 0.4  # word-vector cosine at which two lemmas count as synonyms
MIN_UNIT_WORDS = 4
MAX_AGREEMENTS = 20
CENTRAL_SLACK = 0.05  # members this close to the most central one compete on length
_CLAUSE_DEPS = {"ROOT", "conj", "advcl", "relcl", "parataxis"}
# Attribution verbs say who speaks, not what the fact is.
_REPORTING = {"say", "add", "tell", "report"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_NEGATIONS = {"not", "no", "never", "n't", "deny", "dismiss", "nobody", "none"}


@dataclass
class _Unit:
    sentence: Sentence
    text: str
    lemmas: set[str]


def _heads(doc: Doc) -> list[Token]:
    """The verbs heading a unit: the root, and coordinated, adverbial or relative clauses."""
    return [
        t for t in doc if t.dep_ in _CLAUSE_DEPS and (t.dep_ == "ROOT" or t.pos_ in {"VERB", "AUX"})
    ]


def _lemmas(tokens: list[Token], names: Names) -> set[str]:
    """Content lemmas, names folded into their entity, every negation spelled "not"."""
    found: set[str] = set()
    for token in tokens:
        lemma = token.lemma_.casefold()
        if lemma in _NEGATIONS:
            found.add("not")
        elif token.is_alpha and not token.is_stop and len(token) > 2 and lemma not in _REPORTING:
            found.add(entity_of(token.text, names) or lemma)
    return found


def _depth(token: Token) -> int:
    """How deep ``token`` sits in its parse; a token belongs to its nearest head."""
    return sum(1 for _ in token.ancestors)


def _owners(doc: Doc, heads: list[Token]) -> dict[Token, list[Token]]:
    """Each head's tokens: those it is the nearest head of."""
    owned: dict[Token, list[Token]] = {h: [] for h in heads}
    for token in doc:
        owned[max((h for h in heads if h.is_ancestor(token) or h == token), key=_depth)].append(
            token
        )
    return owned


def _units(story: Story, names: Names) -> list[_Unit]:
    """Each sentence cut into its clause units, those with enough words to state a fact."""
    units: list[_Unit] = []
    for sentence in story.sentences:
        doc = story.docs[sentence.id]
        heads = _heads(doc)
        # A clause too short to state a fact ("... and shot him") stays with its head.
        owned = _owners(doc, heads)
        heads = [h for h in heads if h.dep_ == "ROOT" or _words(owned[h]) >= MIN_UNIT_WORDS]
        for head, tokens in _owners(doc, heads).items():
            if head.dep_ == "conj" and not any(c.dep_ in _SUBJECTS for c in head.children):
                # "... held out the prospect ..., but denied reports": the
                # coordinated verb shares its head's subject, which names the actor.
                subject = [t for c in head.head.children if c.dep_ in _SUBJECTS for t in c.subtree]
                tokens = subject + tokens
            if _words(tokens) >= MIN_UNIT_WORDS:
                text = "".join(t.text_with_ws for t in tokens).strip()
                units.append(_Unit(sentence, text, _lemmas(tokens, names)))
    return units


def _words(tokens: list[Token]) -> int:
    return sum(t.is_alpha for t in tokens)


def independent(sources: list[str], syndication: list[Syndication]) -> list[str]:
    """``sources`` without each copy whose original is also among them."""
    originals = {s.copy: s.original for s in syndication}
    return [s for s in sources if originals.get(s) not in sources]


def _overlap(units: list[_Unit]) -> np.ndarray:
    """Weighted Dice overlap of the units' lemmas.

    A lemma matches any close synonym in the other unit ("seizure"/"seize",
    "request"/"ask"), and weighs its inverse document frequency over the
    story's units: the story's own topic ("Iran", "Iraq") is in every unit and
    says nothing about which fact a unit states.
    """
    vocabulary = sorted({lemma for u in units for lemma in u.lemmas})
    column = {lemma: n for n, lemma in enumerate(vocabulary)}
    has = np.zeros((len(units), len(vocabulary)), dtype=np.float32)
    for i, unit in enumerate(units):
        has[i, [column[lemma] for lemma in unit.lemmas]] = 1
    weighted = has * np.log(len(units) / np.maximum(has.sum(axis=0), 1))
    words = embed(vocabulary)
    synonym = (words @ words.T >= WORD_MATCH).astype(np.float32)
    covers = (has @ synonym > 0).astype(np.float32)  # lemmas each unit matches
    hits = weighted @ covers.T  # [a, b]: weight of a's lemmas that b matches
    sizes = weighted.sum(axis=1)
    total = sizes[:, None] + sizes[None, :]
    return np.divide(hits + hits.T, total, out=np.zeros_like(hits), where=total > 0)


def _scored_units(story: Story, names: Names) -> tuple[list[_Unit], np.ndarray]:
    """The units and their blended similarity (``-inf`` within a sentence: never merged)."""
    units = _units(story, names)
    vectors = embed([u.text for u in units])
    scores = VECTOR_WEIGHT * (vectors @ vectors.T) + (1 - VECTOR_WEIGHT) * _overlap(units)
    sentence = np.array([u.sentence.id for u in units])
    scores[sentence[:, None] == sentence[None, :]] = -np.inf
    return units, scores


def _clusters(scores: np.ndarray) -> list[list[int]]:
    """Clusters of units, never two units of one sentence in the same cluster.

    Two clusters merge when their closest pair is a strong match and their
    average pair a fair one: outlets word a fact so differently that only
    some pairs are close, but an unrelated unit is far from most members.
    """
    members = [[i] for i in range(len(scores))]
    mean = scores.astype(np.float64)
    np.fill_diagonal(mean, -np.inf)
    best = mean.copy()
    while True:
        ready = np.where(mean >= MATCH_MEAN, best, -np.inf)
        a, b = np.unravel_index(int(np.argmax(ready)), ready.shape)
        if ready[a, b] < MATCH_BEST:
            break
        # Lance-Williams updates; one same-sentence pair (-inf) keeps two
        # clusters apart for good.
        size_a, size_b = len(members[a]), len(members[b])
        mean[a] = mean[:, a] = (size_a * mean[a] + size_b * mean[b]) / (size_a + size_b)
        best[a] = best[:, a] = np.where(np.isinf(mean[a]), -np.inf, np.maximum(best[a], best[b]))
        members[a], members[b] = members[a] + members[b], []
        mean[b] = mean[:, b] = best[b] = best[:, b] = -np.inf
        mean[a, a] = best[a, a] = -np.inf
    return [m for m in members if len(m) > 1]


def _balanced(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _text(cluster: list[int], units: list[_Unit], scores: np.ndarray) -> str:
    """The member sentence that best stands for the fact: central, clean, short."""
    centrality = {i: float(np.mean([scores[i, j] for j in cluster if j != i])) for i in cluster}
    best = max(centrality.values())
    close = [units[i].sentence.text for i in cluster if centrality[i] >= best - CENTRAL_SLACK]
    return min(close, key=lambda text: (not _balanced(text), len(text)))


def _order(sentence_id: str) -> tuple[str, int]:
    article, number = sentence_id.rsplit(":", 1)
    return article, int(number)


def find_agreements(story: Story, syndication: list[Syndication], names: Names) -> list[Agreement]:
    """Facts carried by two or more articles, the most widely carried first."""
    units, scores = _scored_units(story, names)
    ranked: list[tuple[int, float, Agreement]] = []
    for cluster in _clusters(scores):
        sources = sorted({units[i].sentence.article for i in cluster})
        carried_by = independent(sources, syndication)
        if len(sources) < 2:
            continue
        # A copy and its original still agree, but are shown as one witness:
        # ``independent_sources`` counts them once and ranks them after
        # facts that outlets confirm on their own.
        cohesion = float(np.mean([scores[i, j] for i in cluster for j in cluster if i != j]))
        agreement = Agreement(
            text=_text(cluster, units, scores),
            sources=sources,
            independent_sources=carried_by,
            sentence_ids=sorted((units[i].sentence.id for i in cluster), key=_order),
        )
        ranked.append((len(carried_by), cohesion, agreement))
    ranked.sort(key=lambda r: (-r[0], -r[1], r[2].sentence_ids[0]))
    kept: list[Agreement] = []
    for _, _, agreement in ranked:
        # Two clauses of one sentence and of its copy align twice, and two
        # clauses of one quote can elect the same sentence: say it once.
        if not any(
            set(agreement.sentence_ids) <= set(k.sentence_ids) or agreement.text == k.text
            for k in kept
        ):
            kept.append(agreement)
    return kept[:MAX_AGREEMENTS]
