"""Which score of a pair of summary sentences tells a fact told twice: average precision on
hand-labelled pairs (issue 15).

    PYTHONPATH=.:bench .venv/bin/python bench/summary_repeats.py [--data ../shared/data]

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
(``role_features``: subject, predicate, object, all three). A logistic over the roles, and
over the roles with the alignment, scores each cluster by a fit on the others.
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
from spacy.tokens import Doc, Token
from summaries import _rows
from summary_pairs import SETS, Scores, candidate_alignment, unit_scores

from storybrief.analyze.agreements import _heads, _subject
from storybrief.analyze.context import nlp
from storybrief.models import Article
from storybrief.nlp.paraphrase import defined_by, synonyms
from storybrief.pipeline import prepare

DATA = Path("../shared/data")
LABELS = Path(__file__).resolve().parent / "summary_repeats.tsv"
SCORES = ("alignment", "blend", "probability", "subject", "predicate", "object", "roles")
ROLES = slice(3, 7)  # the role-by-role columns of ``SCORES``
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
    articles = prepare([Article(id=f"d{n}", source=f"d{n}", raw=d) for n, d in enumerate(docs)])
    usable = [a for a in articles if a.ok]
    texts = {s.id: s.text for a in usable for s in a.sentences}
    checked(texts, pairs)
    told = sorted({p.a for p in pairs} | {p.b for p in pairs})
    units = unit_scores(usable, set(told))
    alignment, row = candidate_alignment(articles)
    roles = {i: clause_roles(nlp()(texts[i])) for i in told}
    found = [
        [
            alignment.score(row[pair.a], row[pair.b]),
            *_unit_pair(units, pair),
            *role_features(roles[pair.a], roles[pair.b]),
        ]
        for pair in pairs
    ]
    return np.array(found, dtype=np.float64)


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
        model = LogisticRegression(max_iter=2000).fit(features[~out], truth[~out])
        scores[out] = model.decision_function(features[out])
    return scores


def report(features: np.ndarray, labels: np.ndarray, groups: np.ndarray) -> list[str]:
    """Average precision of each score and of the held-out logistics, for "repeat" and
    for "repeat" or "partial"."""
    repeat, some = labels == "repeat", labels != "two"
    columns = {name: features[:, n] for n, name in enumerate(SCORES)}
    roles = features[:, ROLES]
    columns["logistic, roles"] = held_out(roles, repeat, groups)
    with_alignment = np.column_stack([features[:, SCORES.index("alignment")], roles])
    columns["logistic, roles + alignment"] = held_out(with_alignment, repeat, groups)
    lines = [
        f"pairs {len(labels)}, repeat {int(repeat.sum())}, partial {int((some & ~repeat).sum())}"
    ]
    lines.append(f"{'score':30s} AP repeat  AP repeat+partial")
    for name, score in columns.items():
        ap = average_precision_score(repeat, score), average_precision_score(some, score)
        lines.append(f"{name:30s} {ap[0]:9.3f}  {ap[1]:17.3f}")
    return lines


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
    args = parser.parse_args()
    found, labels, groups = [], [], []
    for (name, position), pairs in read_labels().items():
        found.append(cluster_scores(clusters(args.data, name)[position], pairs))
        labels += [p.label for p in pairs]
        groups += [f"{name} {position}"] * len(pairs)
    print("\n".join(report(np.vstack(found), np.array(labels), np.array(groups))))


if __name__ == "__main__":
    main()
