"""Which score of a pair of summary sentences tells a fact told twice: average precision on
hand-labelled pairs (issue 15).

    PYTHONPATH=.:bench .venv/bin/python bench/summary_repeats.py [--data ../shared/data]
        [--scores scores.npz]

The labels (``summary_repeats.tsv``, one row a pair; no dataset text is stored): every pair of
sentences of the 33 set-4 summaries (``bench/summaries.py --read`` positions) as the fifteenth
session's start tree wrote them, read by one person: ``repeat`` (one fact told twice),
``partial`` (part of one) or ``two`` (two facts). A pair is named by its sentences' ids
(``d<doc>:<index>`` of ``pipeline.prepare``) and the first 10 hex digits of each sentence
text's SHA-1, checked when read: a sentence that moved stops the run.

Each pair's scores: the word alignment (``nlp.alignment``, word weights over the story's
summary candidates: the best single score so far, the line to beat); the agreements' best
blended score and pair probability over the two sentences' clause units
(``summary_pairs.unit_scores``); and their clause units compared role by role
(``role_features``: subject, predicate, object, all three); their MiniLM cosine
(``nlp.minilm``, a model trained on paraphrase pairs); how many figures and proper-noun words
they share; and what one sentence adds over the other (``NOVELTY``: the share of each one's
rarity-weighted content words the other holds, the worse and the better way, over names,
figures, verbs and objects, the told clause). A logistic over the roles, over the roles with
the alignment, over the cheap scores (``CHEAP``) and over novelty with the alignment scores
each cluster by a fit on the others; under the table, what bars on the three best scores let
through. ``--scores`` keeps the pairs' scores in a file, read when it
exists (the table again without the five-minute rebuild).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import itertools
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from spacy.tokens import Doc, Token
from summaries import _rows
from summary_pairs import DATA, SETS, Scores, candidate_alignment, candidate_pool, unit_scores

from storybrief.analyze.agreements import _heads, _subject
from storybrief.analyze.context import nlp
from storybrief.models import Article
from storybrief.nlp import minilm
from storybrief.nlp.alignment import Alignment
from storybrief.nlp.overlap import words
from storybrief.nlp.paraphrase import defined_by, synonyms
from storybrief.pipeline import prepare

LABELS = Path(__file__).resolve().parent / "summary_repeats.tsv"
SCORES = (
    "alignment",
    "blend",
    "probability",
    "subject",
    "predicate",
    "object",
    "roles",
    "minilm",
    "figures",
    "names",
    "found, words (worse way)",
    "found, words (better way)",
    "found, shorter's words",
    "found, names (worse way)",
    "found, figures (worse way)",
    "found, verbs + objects (worse)",
    "found, told clause (better)",
    "found, told clause (worse)",
)
# How many two-fact pairs a bar may let through, each a row of the bar table.
BAR_TWOS = (0, 2, 5, 10, 20)
ROLES = slice(3, 7)  # the role-by-role columns of ``SCORES``
# The scores cheap enough to compute for every pair the selection compares.
CHEAP = ("alignment", "minilm", "probability", "figures", "names")
# What one sentence adds over the other (``novelty``): its content words, weighted by rarity
# among the story's summary candidates, that the other lacks.
NOVELTY = SCORES[SCORES.index("found, words (worse way)") :]
# A word is found in the other sentence by its lemma, a WordNet verb synonym, or a word there
# at least this close (cosine of the alignment's static word vectors): on set 4 the better
# way's AP peaks here (0.268; 0.223 at 0.6, 0.226 at 0.8), a bar chosen on the labels read.
FOUND = 0.7
_CONTENT = {"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"}
_FIGURES = {"DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL"}
_VERB_OBJECTS = {"dobj", "pobj", "attr", "nsubjpass"}
# The told clause: its head and the heads of its arguments, not their modifiers.
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "acomp", "dative", "xcomp"}
_OBJECTS = {"dobj", "attr", "acomp", "oprd", "dative", "xcomp"}
# A report's complement is its fact: "Police said the bus was headed to New York".
_REPORTING = {"say", "tell", "add", "report", "state", "announce"}


class Pair(NamedTuple):
    a: str
    b: str
    sha_a: str
    sha_b: str
    label: str


class Roles(NamedTuple):
    """One clause's who does what to what: each a lemma, a name's words, or None."""

    subject: frozenset[str] | None
    predicate: str
    objects: frozenset[frozenset[str]]


def read_labels(path: Path = LABELS) -> dict[tuple[str, int], list[Pair]]:
    """The labelled pairs by (set, position), in file order."""
    found: dict[tuple[str, int], list[Pair]] = {}
    with path.open(encoding="utf-8", newline="") as rows:
        for row in csv.DictReader(rows, delimiter="\t"):
            pair = Pair(row["a"], row["b"], row["sha1_a"], row["sha1_b"], row["label"])
            found.setdefault((row["set"], int(row["position"])), []).append(pair)
    return found


def fingerprint(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def checked(texts: dict[str, str], pairs: Sequence[Pair]) -> None:
    """Stop when a labelled sentence is not the text it was when read."""
    for pair in pairs:
        for sentence, sha in ((pair.a, pair.sha_a), (pair.b, pair.sha_b)):
            if fingerprint(texts.get(sentence, "")) != sha:
                raise SystemExit(f"sentence {sentence} changed since it was labelled")


def _key(token: Token | None) -> frozenset[str] | None:
    """A role's filler: a name's words (any of them names it again), a noun's lemma, or
    None for no filler or a pronoun (who it is is not read here)."""
    if token is None or token.pos_ == "PRON":
        return None
    if token.pos_ == "PROPN":
        return frozenset(t.lower_ for t in token.subtree if t.pos_ == "PROPN")
    return frozenset({token.lemma_.lower()})


def _told(head: Token) -> Token:
    """The clause that states the fact: a report's complement, else the clause itself."""
    while head.lemma_ in _REPORTING:
        complement = next((c for c in head.children if c.dep_ == "ccomp"), None)
        if complement is None:
            break
        head = complement
    return head


def clause_roles(doc: Doc) -> list[Roles]:
    """Each clause's roles (clause heads as the agreements cut them; a report's, its
    complement's)."""
    found: dict[int, Roles] = {}
    for head in map(_told, _heads(doc)):
        found.setdefault(head.i, _roles(head))
    return list(found.values())


def _roles(head: Token) -> Roles:
    """A clause head's roles, a passive's by-agent its subject and its subject an object:
    "was arrested by police" is "police arrested"."""
    subject = _subject(head)
    objects = [c for c in head.children if c.dep_ in _OBJECTS]
    if subject is not None and subject.dep_ == "nsubjpass":
        objects.append(subject)
        subject = _agent(head)
    keys = frozenset(k for k in map(_key, objects) if k)
    return Roles(_key(subject), head.lemma_.lower(), keys)


def _agent(head: Token) -> Token | None:
    """A passive's doer: the object of its "by"."""
    return next((g for c in head.children if c.dep_ == "agent" for g in c.children), None)


def _same(a: frozenset[str] | None, b: frozenset[str] | None) -> float:
    """1 for one filler (a shared name word, or one lemma), 0 for two, 0.5 when unknown."""
    if a is None or b is None:
        return 0.5
    return float(bool(a & b))


def _predicates(a: str, b: str) -> float:
    """1 for one verb, 0.8 for WordNet synonyms or a verb its other's definition names."""
    if a == b:
        return 1.0
    close = b in synonyms(a, 2) | defined_by(a, 2) or a in synonyms(b, 2) | defined_by(b, 2)
    return 0.8 if close else 0.0


def _objects(a: frozenset[frozenset[str]], b: frozenset[frozenset[str]]) -> float:
    if not a or not b:
        return 0.5 if not a and not b else 0.25
    return max(_same(x, y) for x in a for y in b)


def role_features(a: list[Roles], b: list[Roles]) -> list[float]:
    """The best-matched clause pair's subject, predicate and object agreement and their
    sum (``SCORES[3:7]``); zeros when either sentence has no clause."""
    best = [0.0, 0.0, 0.0, 0.0]
    for x, y in itertools.product(a, b):
        found = [
            _same(x.subject, y.subject),
            _predicates(x.predicate, y.predicate),
            _objects(x.objects, y.objects),
        ]
        if sum(found) > best[3]:
            best = [*found, sum(found)]
    return best


def cluster_scores(docs: list[str], pairs: Sequence[Pair]) -> np.ndarray:
    """Each labelled pair's ``SCORES`` in one cluster."""
    articles, texts = _prepared(docs, pairs)
    told = sorted({p.a for p in pairs} | {p.b for p in pairs})
    units = unit_scores([a for a in articles if a.ok], set(told))
    pool = candidate_pool(articles)
    alignment, row = candidate_alignment(articles, pool)
    read = read_sentences({i: texts[i] for i in told})
    lexicon = Lexicon.of([c.text for c in pool], alignment)
    content = {i: lexicon.content(doc) for i, doc in read.parsed.items()}
    found = [
        [
            alignment.score(row[pair.a], row[pair.b]),
            *_unit_pair(units, pair),
            *read.pair(pair.a, pair.b),
            *novelty(lexicon, content[pair.a], content[pair.b]),
        ]
        for pair in pairs
    ]
    return np.array(found, dtype=np.float64)


def _prepared(docs: list[str], pairs: Sequence[Pair]) -> tuple[list[Article], dict[str, str]]:
    """The cluster's articles as the pipeline prepares them and their sentences' texts by
    id, checked against the labels."""
    articles = prepare([Article(id=f"d{n}", source=f"d{n}", raw=d) for n, d in enumerate(docs)])
    texts = {s.id: s.text for a in articles if a.ok for s in a.sentences}
    checked(texts, pairs)
    return articles, texts


class Sentences(NamedTuple):
    """What each labelled sentence is read as, by id: its parse, clause roles, MiniLM vector."""

    parsed: dict[str, Doc]
    roles: dict[str, list[Roles]]
    vectors: dict[str, np.ndarray]

    def pair(self, a: str, b: str) -> list[float]:
        """Two sentences' role-by-role, MiniLM and shared-mention columns of ``SCORES``."""
        return [
            *role_features(self.roles[a], self.roles[b]),
            float(self.vectors[a] @ self.vectors[b]),
            *shared_mentions(self.parsed[a], self.parsed[b]),
        ]


def read_sentences(texts: dict[str, str]) -> Sentences:
    """Each of ``texts`` (by id) parsed, in clause roles and as a MiniLM vector."""
    parsed = {i: nlp()(text) for i, text in texts.items()}
    vectors = dict(zip(texts, minilm.embed(list(texts.values())), strict=True))
    return Sentences(parsed, {i: clause_roles(doc) for i, doc in parsed.items()}, vectors)


Word = tuple[Token, int]  # a content word and its column in the alignment


class Lexicon(NamedTuple):
    """The story's words as the alignment reads them: each one's column (its static vector
    and its weight, the inverse document frequency over the summary candidates)."""

    column: dict[str, int]
    alignment: Alignment

    @classmethod
    def of(cls, texts: Sequence[str], alignment: Alignment) -> Lexicon:
        """The columns of ``texts``' words, as ``Alignment`` numbers them."""
        vocabulary = sorted(set().union(*(words(text) for text in texts)))
        return cls({word: n for n, word in enumerate(vocabulary)}, alignment)

    def content(self, doc: Doc) -> list[Word]:
        """A sentence's content words that the candidates hold (a dateline or opener the
        candidate leaves out is not read), reporting verbs and stop words left out."""
        found = []
        for token in doc:
            if token.pos_ not in _CONTENT or token.is_stop or token.lemma_.lower() in _REPORTING:
                continue
            column = self.column.get(next(iter(words(token.text)), ""))
            if column is not None:
                found.append((token, column))
        return found

    def found(self, word: Word, other: list[Word]) -> bool:
        """Whether the other sentence holds the word: its lemma, a verb synonym, or a word
        whose vector is at least ``FOUND`` close."""
        token, column = word
        lemma = token.lemma_.lower()
        if any(lemma == t.lemma_.lower() for t, _ in other):
            return True
        near = synonyms(lemma, 2) if token.pos_ == "VERB" else frozenset()
        if any(t.lemma_.lower() in near for t, _ in other):
            return True
        vectors = self.alignment.vectors
        return any(float(vectors[column] @ vectors[c]) >= FOUND for _, c in other)

    def share(self, told: list[Word], other: list[Word]) -> float:
        """The share of ``told``'s word weight found in ``other``: 1 when it adds nothing
        (nor when it has no word of that kind)."""
        weight = self.alignment.weight
        total = sum(float(weight[c]) for _, c in told)
        if total <= 0:
            return 1.0
        return sum(float(weight[w[1]]) for w in told if self.found(w, other)) / total


def told_clause(content: list[Word]) -> list[Word]:
    """The words heading a told clause or one of its arguments (a report's: its
    complement's), not their modifiers."""
    if not content:
        return []
    heads = {_told(head).i for head in _heads(content[0][0].doc)}
    return [
        w for w in content if w[0].i in heads or (w[0].dep_ in _ARGUMENTS and w[0].head.i in heads)
    ]


# Which words each worse-way column reads, after the three columns over all content words.
_KINDS = (
    lambda w: w[0].pos_ == "PROPN",
    lambda w: w[0].like_num or w[0].ent_type_ in _FIGURES,
    lambda w: w[0].pos_ == "VERB" or w[0].dep_ in _VERB_OBJECTS,
)


def novelty(lexicon: Lexicon, a: list[Word], b: list[Word]) -> list[float]:
    """The ``NOVELTY`` columns: how much of each sentence's content the other already
    holds. The worse way (neither adds a fact), the better way (one adds nothing), the
    shorter's; then the worse way over names, figures and dates, verbs and their objects;
    then the told clause's head and argument heads found anywhere in the other sentence."""
    ways = lexicon.share(a, b), lexicon.share(b, a)
    shorter = ways[0] if len(a) <= len(b) else ways[1]
    found = [min(ways), max(ways), shorter]
    for kind in _KINDS:
        found.append(
            min(
                lexicon.share([w for w in a if kind(w)], b),
                lexicon.share([w for w in b if kind(w)], a),
            )
        )
    told = lexicon.share(told_clause(a), b), lexicon.share(told_clause(b), a)
    return [*found, max(told), min(told)]


def _mentions(doc: Doc) -> tuple[set[str], set[str]]:
    """A sentence's figures and its proper nouns' words, lower-cased."""
    figures = {t.lower_ for t in doc if t.like_num}
    names = {t.lower_ for t in doc if t.pos_ == "PROPN"}
    return figures, names


def shared_mentions(a: Doc, b: Doc) -> tuple[float, float]:
    """How many figures and how many proper-noun words two sentences share."""
    (figures_a, names_a), (figures_b, names_b) = _mentions(a), _mentions(b)
    return float(len(figures_a & figures_b)), float(len(names_a & names_b))


def _unit_pair(units: Scores, pair: Pair) -> tuple[float, float]:
    """The best blended score and pair probability of the two sentences' clause units that
    no guard keeps apart; -1 and 0 when none."""
    held, blend, probability = units
    cells = np.ix_(held.get(pair.a, []), held.get(pair.b, []))
    finite = np.isfinite(blend[cells])
    if not finite.any():
        return -1.0, 0.0
    return float(blend[cells][finite].max()), float(np.nanmax(probability[cells][finite]))


def held_out(features: np.ndarray, truth: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Each row's logistic score from a fit on the other groups' rows (clusters)."""
    scores = np.zeros(len(truth))
    for group in sorted(set(groups.tolist())):
        out = groups == group
        model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000))
        model.fit(features[~out], truth[~out])
        scores[out] = model.decision_function(features[out])
    return scores


def report(features: np.ndarray, labels: np.ndarray, groups: np.ndarray) -> list[str]:
    """Average precision of each score and of the held-out logistics, for "repeat" and
    for "repeat" or "partial"; then what bars on the best three leave above them."""
    repeat, some = labels == "repeat", labels != "two"
    columns = {name: features[:, n] for n, name in enumerate(SCORES)}
    roles = features[:, ROLES]
    columns["logistic, roles"] = held_out(roles, repeat, groups)
    with_alignment = np.column_stack([features[:, SCORES.index("alignment")], roles])
    columns["logistic, roles + alignment"] = held_out(with_alignment, repeat, groups)
    cheap = features[:, [SCORES.index(name) for name in CHEAP]]
    columns["logistic, cheap scores"] = held_out(cheap, repeat, groups)
    added = features[:, [SCORES.index(name) for name in ("alignment", *NOVELTY)]]
    columns["logistic, novelty + alignment"] = held_out(added, repeat, groups)
    lines = [
        f"pairs {len(labels)}, repeat {int(repeat.sum())}, partial {int((some & ~repeat).sum())}"
    ]
    lines.append(f"{'score':30s} AP repeat  AP repeat+partial")
    precision = {}
    for name, score in columns.items():
        ap = average_precision_score(repeat, score), average_precision_score(some, score)
        precision[name] = ap[0]
        lines.append(f"{name:30s} {ap[0]:9.3f}  {ap[1]:17.3f}")
    for name in sorted(precision, key=lambda n: (-precision[n], n))[:3]:
        lines += bars(name, columns[name], labels)
    return lines


def bars(name: str, score: np.ndarray, labels: np.ndarray) -> list[str]:
    """At the lowest bar that lets at most so many two-fact pairs above it, the pairs of
    each label at or above it."""
    lines = [f"bars on {name}: at most N two-fact pairs above -> bar, repeat / partial / two"]
    for most in BAR_TWOS:
        bar = _lowest_bar(score, labels == "two", most)
        above = score >= bar
        counts = [int((above & (labels == label)).sum()) for label in ("repeat", "partial", "two")]
        lines.append(f"  {most:3d}: {bar:8.3f}  {counts[0]} / {counts[1]} / {counts[2]}")
    return lines


def _lowest_bar(score: np.ndarray, two: np.ndarray, most: int) -> float:
    """The lowest score at which no more than ``most`` two-fact pairs score as high."""
    bar = float("inf")
    for value in np.unique(score)[::-1]:
        if int((two & (score >= value)).sum()) > most:
            break
        bar = float(value)
    return bar


@cache
def clusters(data: Path, name: str) -> list[list[str]]:
    """A set's clusters' documents in sorted id order (``bench/summaries.py --read``'s
    positions)."""
    rows = _rows(data / SETS[name][0])
    rows.sort(key=lambda row: str(row.get("cluster_id", row.get("id"))))
    return [row["docs"] for row in rows]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--scores", type=Path, help="an .npz of the pairs' scores: read if it exists, else written"
    )
    args = parser.parse_args()
    if args.scores and args.scores.exists():
        with np.load(args.scores) as saved:
            found, labels, groups = saved["found"], saved["labels"], saved["groups"]
    else:
        found, labels, groups = all_scores(args.data)
        if args.scores:
            np.savez(args.scores, found=found, labels=labels, groups=groups)
    print("\n".join(report(found, labels, groups)))


def all_scores(data: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every labelled pair's ``SCORES``, label and cluster."""
    found, labels, groups = [], [], []
    for (name, position), pairs in read_labels().items():
        found.append(cluster_scores(clusters(data, name)[position], pairs))
        labels += [p.label for p in pairs]
        groups += [f"{name} {position}"] * len(pairs)
    return np.vstack(found), np.array(labels), np.array(groups)


if __name__ == "__main__":
    main()
