"""ECB+ entity aliases: are one entity's spellings merged, and different entities kept apart?

Usage: .venv/bin/python bench/ecbplus.py [../shared/data/ecbplus-dev] [--full] [--errors SPLIT]
       [--split SPLIT] [--reach]

Each story (an ECB+ sub-topic) is briefed as the evaluator briefs it: a folder
of one ``.txt`` per article, the first sentence as the title line, then one
sentence a paragraph, read by ``pipeline.read``. Only the entities analysis
runs (``run(ctx, "entities")``); ``--full`` also writes each full brief
(``brief_of``) and checks its entities are the same.

Scored, as the data's README defines it, over the gold proper-name mentions
(those with a ``name``), their forms normalised (lower case, no dots, straight
quotes, no leading "the" or trailing "'s"):

* coverage: share of mentions whose form is the name or an alias of an entity
  citing their article;
* variant pairs: every pair of two different forms in a story; gold "same"
  when a mention of each shares a chain, ours when one entity lists both;
  precision, recall and F1 pooled over stories;
* mention B-cubed: a mention's cluster is the entity that lists its form and
  cites its article (the most mentioned if several), else itself alone.

Baselines from the gold mentions alone, in the same run: exact string (one
cluster per form) and name containment (two forms merge when the shorter one's
words are all in the longer one, or they share a last word of over 2 letters;
transitive). Systems, each in rows for the data's ``train`` split, its ``dev`` split
and all 66 stories:

* storybrief, CV by topic (the report): 5-fold cross-validation by ECB+ topic over
  all 66 stories (a topic's ``ecb`` and ``ecbplus`` stories in one fold): each fold's
  stories are grouped by the rules and a pair scorer (``analyze.entity_pairs``)
  fitted, its threshold and floor chosen (best pair F1 at pair precision 0.85 or
  more), on the other four folds only. The rules were written on ``train`` stories;
* storybrief, shipped weights: the weights and settings that ship, fitted and
  chosen on all 66 (``bench/train_entity_pairs.py``): in-sample, for reference;
* storybrief, rules only: the scorer off;
* storybrief, fitted on train: the scorer fitted, and its threshold and floor chosen,
  on the ``train`` stories only, by the same procedure: in-sample on ``train``, and
  on ``dev`` the one row whose scorer saw no ``dev`` story (each CV fold's saw the
  other folds' ones, the shipped one all).

``--errors SPLIT`` prints the CV run's wrong and missed pairs of that split (read
``train`` only); ``--causes SPLIT``, the pairs that only one of name containment
and the shipped entities joins, per story and by outcome, kind, article, chain size
and cause (``causes``: the whole difference between their pair scores; the pairs
themselves for ``train`` only, counts for others); ``--split train`` briefs and cross-validates the
``train`` stories alone; ``--cache FILE`` keeps the found names (spaCy's part) between runs;
``--reach`` prints, instead of the systems, what merging could reach with the names found
(``reach``: an oracle joining every gold pair among the scorer's candidates, past every
guard and threshold, then among the pairs of keys found that name containment would
join, then among any two keys found), and name containment over the forms found beside
the baseline itself.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from itertools import combinations, product
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from storybrief.analyze import StoryContext
from storybrief.analyze.entities import Mention as FoundName
from storybrief.analyze.entities import (
    Ruled,
    candidate_pairs,
    mentions,
    names_of,
    ruled,
    why_apart,
)
from storybrief.analyze.entity_pairs import PairModel, pair_model
from storybrief.models import Article, Entity
from storybrief.pipeline import brief_of, read
from storybrief.settings import EntitySettings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "ecbplus-dev"
SPLITS = ("train", "dev", "all")
RULES_ONLY = 2.0  # a pair threshold no probability reaches: the scorer merges nothing
FOLDS = 5  # cross-validation folds, by ECB+ topic
# The pair scorer's settings each fold chooses among, on the other folds: the best
# pair F1 of those keeping the target's pair precision.
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)
FLOORS = (0.0, 0.2, 0.4)
MIN_PRECISION = 0.85
C = 1.0  # the regression's inverse regularisation; the features are few and bounded


def form(text: str) -> str:
    """A name as the metric compares it: lower case, no dots, straight quotes and none
    around it, no leading "the", no trailing "'s"."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = " ".join(text.replace(".", "").split()).casefold()
    # Quote marks around a title ("'Catching Fire") are no part of the name: the
    # README's baseline figures are reproduced only with them stripped.
    text = re.sub(r"^the ", "", text.strip("'\" "))
    return re.sub(r"'s$", "", text).strip()


@dataclass(frozen=True)
class Mention:
    """One gold proper-name mention: its article, normalised form and gold chain."""

    doc: str
    form: str
    chain: str
    tag: str = ""  # the gold entity type: HUMAN_PART_PER, LOC_GEO, ...


@dataclass
class Story:
    id: str
    split: str
    articles: list[Article]
    gold: list[Mention]


def article_text(doc: dict[str, Any]) -> str:
    """The article as the evaluator writes it: title line, then a sentence a paragraph."""
    return "\n\n".join(text for _, text in doc["sentences"]) + "\n"


def load(path: Path) -> list[Story]:
    """Every sub-topic as a story: its articles read from ``.txt`` files and its gold."""
    data = json.loads((path / "ecbplus_dev.json").read_text(encoding="utf-8"))
    stories = []
    for sub in data["subtopics"]:
        with tempfile.TemporaryDirectory() as tmp:
            for doc in sub["docs"]:
                Path(tmp, f"{doc['doc']}.txt").write_text(article_text(doc), encoding="utf-8")
            articles = read([tmp])
        gold = [
            Mention(doc["doc"], form(m["name"]), m["chain"], m["tag"])
            for doc in sub["docs"]
            for m in doc["mentions"]
            if "name" in m
        ]
        stories.append(Story(sub["id"], sub["split"], articles, gold))
    return stories


# What the entities analysis finds in a story before merging: its name mentions
# and the acronyms it defines (``entities.mentions``).
Found = tuple[list[FoundName], list[tuple[str, str]]]


def rules_of(found: dict[str, Found]) -> dict[str, Ruled]:
    """Each story's names grouped by the rules (``entities.ruled``), which no scorer
    setting changes."""
    return {story: ruled(*names, EntitySettings()) for story, names in found.items()}


def found_names(stories: list[Story], cache: Path | None = None) -> dict[str, Found]:
    """Each story's found names by story id (the slow part: spaCy), from ``cache`` if
    it exists, else written to it."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    found = {s.id: mentions(StoryContext([a for a in s.articles if a.ok])) for s in stories}
    if cache is not None:
        cache.write_bytes(pickle.dumps(found))
    return found


def topic(story: Story) -> int:
    return int(story.id.removesuffix("plus").removesuffix("ecb"))


def folds(stories: Iterable[Story]) -> dict[str, int]:
    """Each story's fold: the ECB+ topics in number order dealt to ``FOLDS`` folds in
    turn, so a topic's two stories (``ecb`` and ``ecbplus``) share one. Fixed before
    any score was read."""
    topics = sorted({topic(s) for s in stories})
    return {s.id: topics.index(topic(s)) % FOLDS for s in stories}


def examples(story: Story, found: Found, rules: Ruled) -> tuple[list[list[float]], list[bool]]:
    """The story's candidate pairs (``entities.candidate_pairs``) with a gold label:
    "same" when a gold mention written as one and one written as the other share a
    chain, "different" when both are gold forms and none do; other pairs left out."""
    of_key = key_chains(story, found)
    xs, ys = [], []
    for a, b, x in candidate_pairs(rules):
        if of_key[a] and of_key[b]:
            xs.append(x)
            ys.append(bool(of_key[a] & of_key[b]))
    return xs, ys


def key_chains(story: Story, found: Found) -> dict[str, set[str]]:
    """The gold chains of each mention key found: those of the gold forms its mentions
    are written as (text or alias); none for a key no gold form writes."""
    chains = chains_of(story)
    of_key: dict[str, set[str]] = defaultdict(set)
    for m in found[0]:
        of_key[m.key].update(c for f in {form(m.text), form(m.alias)} for c in chains.get(f, ()))
    return of_key


# The stages an oracle merges at (``reach``): every pair it could join there that
# gold calls one entity's is joined, and nothing else. Each stage's pairs hold the
# previous stage's.
REACH = (
    "rules alone",
    "oracle on candidate pairs",
    "oracle on containment pairs of keys found",
    "oracle on any two keys",
)
# Name containment restricted to the forms our names write: what the baseline would
# score if it saw only the mentions found (``reach``).
CONTAINMENT_FOUND = "name containment, forms found"


def reach(
    stories: list[Story], found: dict[str, Found], rules: dict[str, Ruled]
) -> dict[tuple, Tally]:
    """Tallies by (split, stage) of what merging can reach with the names found: the
    rules' groups; those with every candidate pair the scorer rates (``Ruled.candidates``)
    that gold calls one entity's joined, past every guard and threshold (what no
    scorer, guard or threshold can beat); with every such pair of two found keys that
    name containment would join, people's too (what candidates made by the baseline's
    test would reach); and with every such pair of two found keys (what no candidate
    generation can beat: the rest is spans and forms). Besides, name containment over
    the gold forms some found name writes (``CONTAINMENT_FOUND``): the baseline's score
    on our forms, its pairs with a form we never find left apart."""
    tallies: dict[tuple, Tally] = defaultdict(Tally)
    for story in stories:
        answers = {
            stage: storybrief_answer(story, entities)
            for stage, entities in _oracles(story, found[story.id], rules[story.id]).items()
        }
        answers[CONTAINMENT_FOUND] = _containment_found(story, found[story.id])
        for stage, answer in answers.items():
            for split in (story.split, "all"):
                tallies[split, stage].add(story, answer)
    return tallies


def _containment_found(story: Story, found: Found) -> Answer:
    """Name containment over the gold forms some found name writes; any other form
    joins nothing."""
    written = set().union(*_key_forms(found).values())
    return baseline_answer(story, lambda a, b: {a, b} <= written and contained(a, b))


def _key_forms(found: Found) -> dict[str, set[str]]:
    """The normalised forms each key's mentions are written as (text or alias)."""
    forms: dict[str, set[str]] = defaultdict(set)
    for m in found[0]:
        forms[m.key].update({form(m.text), form(m.alias)})
    return forms


def _containment_pairs(keys: list[str], forms: dict[str, set[str]]) -> list[tuple[str, str]]:
    """The pairs of ``keys`` that name containment joins over any two of their forms."""
    return [
        (a, b)
        for a, b in combinations(keys, 2)
        if any(contained(x, y) for x, y in product(forms[a], forms[b]))
    ]


def _oracles(story: Story, found: Found, rules: Ruled) -> dict[str, list[Entity]]:
    """The story's entities at each ``REACH`` stage."""
    chains = key_chains(story, found)
    keys = sorted(k for k, c in chains.items() if c)
    candidates = [(a, b) for a, b, _ in rules.candidates]
    containing = candidates + _containment_pairs(keys, _key_forms(found))
    stages = ([], candidates, containing, list(combinations(keys, 2)))
    entities: dict[str, list[Entity]] = {}
    for stage, pairs in zip(REACH, stages, strict=True):
        groups = rules.groups()
        for a, b in pairs:
            if chains[a] & chains[b]:
                groups.union(a, b)
        oracle = Ruled(dict(groups.parent), rules.infos, [])
        off = EntitySettings(pair_threshold=RULES_ONLY)
        entities[stage] = names_of(*found, off, None, oracle).entities
    return entities


def fit(stories: list[Story], found: dict[str, Found], rules: dict[str, Ruled]) -> PairModel:
    """The pair scorer fitted on these stories' candidate pairs (logistic regression)."""
    xs, ys = [], []
    for story in stories:
        x, y = examples(story, found[story.id], rules[story.id])
        xs += x
        ys += y
    model = LogisticRegression(C=C, max_iter=1000).fit(np.array(xs), np.array(ys))
    return PairModel(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]))


def choose(
    stories: list[Story], found: dict[str, Found], rules: dict[str, Ruled], model: PairModel
) -> EntitySettings:
    """The scorer's threshold and floor with the best pooled variant-pair F1 on these
    stories, among those of pair precision ``MIN_PRECISION`` or more (if any)."""
    best: tuple[tuple[bool, float], EntitySettings] | None = None
    for threshold, floor in product(THRESHOLDS, FLOORS):
        settings = EntitySettings(pair_threshold=threshold, pair_floor=floor)
        tally = Tally()
        for story in stories:
            tally.add(
                story,
                storybrief_answer(story, _entities(story.id, found, rules, settings, model)),
            )
        p, r = tally.pair_scores()
        rank = ((p or 0.0) >= MIN_PRECISION, _f1(p, r) or 0.0)
        if best is None or rank > best[0]:
            best = (rank, settings)
    assert best is not None
    return best[1]


def _entities(
    story: str,
    found: dict[str, Found],
    rules: dict[str, Ruled],
    settings: EntitySettings,
    model: PairModel | None = None,
) -> list[Entity]:
    """The story's entities under these scorer settings, from its rules' grouping."""
    return names_of(*found[story], settings, model, rules[story]).entities


def cross_validated(
    stories: list[Story], found: dict[str, Found], rules: dict[str, Ruled]
) -> dict[str, list[Entity]]:
    """Each story's entities by a scorer fitted, and its threshold chosen, on the
    stories of the other folds only."""
    fold = folds(stories)
    entities: dict[str, list[Entity]] = {}
    for n in range(FOLDS):
        others = [s for s in stories if fold[s.id] != n]
        model = fit(others, found, rules)
        settings = choose(others, found, rules, model)
        print(f"fold {n}: threshold {settings.pair_threshold}, floor {settings.pair_floor}")
        for story in (s for s in stories if fold[s.id] == n):
            entities[story.id] = _entities(story.id, found, rules, settings, model)
    return entities


# A system's answer on one story: the groups of forms it merges (for pairs), and
# the cluster each gold mention falls in (for B-cubed; None for a mention it misses).
Answer = tuple[list[set[str]], list[object | None]]


def storybrief_answer(story: Story, entities: list[Entity]) -> Answer:
    """The forms each entity lists, and for each gold mention the entity that lists its
    form and cites its article (entities come most mentioned first: the first such
    is the metric's pick), if any."""
    forms = [{form(e.name), *map(form, e.aliases)} for e in entities]
    fits = [
        [n for n, e in enumerate(entities) if m.form in forms[n] and m.doc in e.sources]
        for m in story.gold
    ]
    return forms, [found[0] if found else None for found in fits]


def baseline_answer(story: Story, same: Callable[[str, str], bool]) -> Answer:
    """Forms grouped by ``same``, transitively; every mention is covered."""
    parent = {f: f for f in sorted({m.form for m in story.gold})}

    def root(f: str) -> str:
        while parent[f] != f:
            f = parent[f]
        return f

    for a, b in combinations(sorted(parent), 2):
        if same(a, b):
            parent[max(root(a), root(b))] = min(root(a), root(b))
    groups: dict[str, set[str]] = defaultdict(set)
    for f in parent:
        groups[root(f)].add(f)
    return list(groups.values()), [root(m.form) for m in story.gold]


def contained(a: str, b: str) -> bool:
    """The name-containment baseline's test: the shorter form's words all in the longer
    one, or one last word of more than 2 letters."""
    wa, wb = a.split(), b.split()
    shorter, longer = sorted((wa, wb), key=len)
    return set(shorter) <= set(longer) or (wa[-1] == wb[-1] and len(wa[-1]) > 2)


@dataclass
class Tally:
    """Counts pooled over stories, from which every score is a ratio."""

    covered: int = 0
    mentions: int = 0
    pairs_same: int = 0  # ours
    pairs_gold: int = 0
    pairs_right: int = 0
    b3_precision: float = 0.0  # summed over mentions
    b3_recall: float = 0.0
    errors: list[str] = field(default_factory=list)

    def add(self, story: Story, answer: Answer) -> None:
        groups, clusters = answer
        self.mentions += len(story.gold)
        self.covered += sum(c is not None for c in clusters)
        self._pairs(story, groups)
        self._bcubed(story, clusters)

    def _pairs(self, story: Story, groups: list[set[str]]) -> None:
        chains = chains_of(story)
        for a, b in combinations(sorted(chains), 2):
            gold = bool(chains[a] & chains[b])
            ours = any(a in g and b in g for g in groups)
            self.pairs_gold += gold
            self.pairs_same += ours
            self.pairs_right += gold and ours
            if gold != ours:
                self.errors.append(f"{story.id}: {'missed' if gold else 'WRONG '} {a!r} ~ {b!r}")

    def _bcubed(self, story: Story, clusters: list[object | None]) -> None:
        ids = [c if c is not None else ("alone", n) for n, c in enumerate(clusters)]
        for n, m in enumerate(story.gold):
            ours = {k for k in range(len(ids)) if ids[k] == ids[n]}
            gold = {k for k, g in enumerate(story.gold) if g.chain == m.chain}
            self.b3_precision += len(ours & gold) / len(ours)
            self.b3_recall += len(ours & gold) / len(gold)

    def pair_scores(self) -> tuple[float | None, float | None]:
        """Variant-pair precision and recall."""
        return _ratio(self.pairs_right, self.pairs_same), _ratio(self.pairs_right, self.pairs_gold)

    def row(self, name: str, coverage: bool = True) -> str:
        p, r = self.pair_scores()
        bp, br = self.b3_precision / self.mentions, self.b3_recall / self.mentions
        cells = [_ratio(self.covered, self.mentions) if coverage else None, p, r, _f1(p, r)]
        cells += [bp, br, _f1(bp, br)]
        return f"| {name} | " + " | ".join(_cell(c) for c in cells) + " |"


def _ratio(hit: int, total: int) -> float | None:
    return hit / total if total else None


def _f1(p: float | None, r: float | None) -> float | None:
    return 2 * p * r / (p + r) if p and r else None


def _cell(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


# The baseline's row: one name's normalised form contained in another's (``contained``).
CONTAINMENT = "name containment"
SYSTEMS = (
    "storybrief, CV by topic",
    "storybrief, shipped weights",
    "storybrief, rules only",
    "storybrief, fitted on train",
    CONTAINMENT,
    "exact string",
)


def score(
    stories: Iterable[Story], entities: dict[str, dict[str, list[Entity]]]
) -> dict[tuple, Tally]:
    """Tallies by (split, system); "all" pools both splits. ``entities`` holds each
    storybrief system's entities by story id; a system that gives none for a story
    (one split briefed: no train-only fit) is left out of its tallies."""
    tallies: dict[tuple, Tally] = defaultdict(Tally)
    for story in stories:
        answers = {
            system: storybrief_answer(story, found[story.id])
            for system, found in entities.items()
            if story.id in found
        }
        answers[CONTAINMENT] = baseline_answer(story, contained)
        answers["exact string"] = baseline_answer(story, lambda a, b: False)
        for system, answer in answers.items():
            for split in (story.split, "all"):
                tallies[split, system].add(story, answer)
    return tallies


def systems(
    stories: list[Story], found: dict[str, Found], rules: dict[str, Ruled]
) -> dict[str, dict[str, list[Entity]]]:
    """Each storybrief system's entities by story id: cross-validated by topic over
    these stories, with the shipped weights and settings, with the rules alone, and
    fitted on the ``train`` stories alone (``fitted_on_train``)."""
    shipped, off = EntitySettings(), EntitySettings(pair_threshold=RULES_ONLY)
    return {
        SYSTEMS[0]: cross_validated(stories, found, rules)
        if len({*folds(stories).values()}) == FOLDS
        else {},
        SYSTEMS[1]: {s.id: _entities(s.id, found, rules, shipped) for s in stories},
        SYSTEMS[2]: {s.id: _entities(s.id, found, rules, off) for s in stories},
        SYSTEMS[3]: fitted_on_train(stories, found, rules),
    }


def fitted_on_train(
    stories: list[Story], found: dict[str, Found], rules: dict[str, Ruled]
) -> dict[str, list[Entity]]:
    """Each story's entities by a scorer fitted, and its threshold and floor chosen, on
    the ``train`` stories only: in-sample on them, and on ``dev`` a scorer that saw no
    ``dev`` story (the shipped one saw all, each CV fold's those of other folds).
    None unless both splits are briefed."""
    train = [s for s in stories if s.split == "train"]
    if len(train) in {0, len(stories)}:
        return {}
    model = fit(train, found, rules)
    settings = choose(train, found, rules, model)
    print(f"fitted on train: threshold {settings.pair_threshold}, floor {settings.pair_floor}")
    return {s.id: _entities(s.id, found, rules, settings, model) for s in stories}


def chains_of(story: Story) -> dict[str, set[str]]:
    """The gold chains each normalised form of the story is written in."""
    chains: dict[str, set[str]] = defaultdict(set)
    for m in story.gold:
        chains[m.form].add(m.chain)
    return chains


@dataclass(frozen=True)
class GapPair:
    """A pair of two forms of a story that exactly one of storybrief and name
    containment joins: what makes up the difference between their pair scores."""

    story: str
    split: str
    forms: tuple[str, str]
    # "lost": a gold pair containment joins and storybrief does not; "spared": a
    # pair of two entities containment joins and storybrief does not; "won": a gold
    # pair storybrief joins and containment does not; "wrong": the last, not gold.
    outcome: str
    direct: bool  # the containment test holds for the pair itself, not only through others
    within: bool  # some article writes both forms
    kind: str  # the gold entity types, coarse (person, body, place, other), "+" for two
    chain_forms: int  # forms of the pair's most written gold chain (n forms, n(n-1)/2 pairs)
    cause: str  # why storybrief leaves a pair containment joins apart (``_why_lost``)


OUTCOMES = ("lost", "spared", "won", "wrong")


def _kind(tags: set[str]) -> str:
    """A chain's coarse entity type from its ECB+ tags (the most specific one wins)."""
    for suffix, kind in (("_PER", "person"), ("_ORG", "body"), ("_GPE", "place")):
        if any(t.endswith(suffix) for t in tags):
            return kind
    return "place" if any(t.startswith("LOC") for t in tags) else "other"


@dataclass
class _StoryView:
    """What the gap analysis reads of one story: its gold forms by chain and article,
    the groups containment and storybrief make, and where storybrief found each form."""

    chains: dict[str, set[str]]
    docs: dict[str, set[str]]
    tags: dict[str, set[str]]
    containment: list[set[str]]
    ours: list[set[str]]
    keys: dict[str, str]  # form -> the key of a found mention written so

    def kind(self, a: str, b: str) -> str:
        """The pair's gold kind: its shared chain's, else both forms' chains'."""
        shared = self.chains[a] & self.chains[b]
        if shared:
            return _kind(self.tags[min(shared)])
        kinds = {_kind(set().union(*(self.tags[c] for c in self.chains[f]))) for f in (a, b)}
        return "+".join(sorted(kinds))

    def chain_forms(self, a: str, b: str) -> int:
        return max(
            sum(chain in cs for cs in self.chains.values())
            for chain in self.chains[a] | self.chains[b]
        )


def _view(story: Story, entities: list[Entity], found: Found) -> _StoryView:
    docs: dict[str, set[str]] = defaultdict(set)
    tags: dict[str, set[str]] = defaultdict(set)
    for m in story.gold:
        docs[m.form].add(m.doc)
        tags[m.chain].add(m.tag)
    keys: dict[str, str] = {}
    for m in found[0]:
        for f in sorted({form(m.text), form(m.alias)}):
            keys.setdefault(f, m.key)
    return _StoryView(
        chains_of(story),
        docs,
        tags,
        baseline_answer(story, contained)[0],
        [{form(e.name), *map(form, e.aliases)} for e in entities],
        keys,
    )


def _joined(groups: list[set[str]], a: str, b: str) -> bool:
    return any(a in g and b in g for g in groups)


def gap_pairs(story: Story, entities: list[Entity], found: Found, rules: Ruled) -> list[GapPair]:
    """The story's pairs of forms that exactly one of storybrief and containment joins."""
    view = _view(story, entities, found)
    pairs = []
    for a, b in combinations(sorted(view.chains), 2):
        ours, theirs = _joined(view.ours, a, b), _joined(view.containment, a, b)
        if ours == theirs:
            continue
        gold = bool(view.chains[a] & view.chains[b])
        outcome = OUTCOMES[2 * ours + (not gold)]
        cause = _why_lost(view, rules, a, b) if theirs else ""
        within = bool(view.docs[a] & view.docs[b])
        args = (story.id, story.split, (a, b), outcome, contained(a, b), within)
        pairs.append(GapPair(*args, view.kind(a, b), view.chain_forms(a, b), cause))
    return pairs


def _why_lost(view: _StoryView, rules: Ruled, a: str, b: str) -> str:
    """Why storybrief leaves a gold pair apart: a form it never finds ("unfound"), one it
    finds and lists in no entity ("unlisted"), one it lists only as an alias made
    otherwise ("not a key"), else ``entities.why_apart`` of the two forms' keys."""
    listed = set().union(*view.ours)
    for f in (a, b):
        if f not in listed:
            return "unlisted" if f in view.keys else f"unfound: {_span_cut(f, view.keys)}"
    if not {a, b} <= view.keys.keys():
        return "not a key"
    return why_apart(rules, EntitySettings(), pair_model(), view.keys[a], view.keys[b])


def _span_cut(missing: str, found: Collection[str]) -> str:
    """How the spans storybrief found sit against a form it never finds: one holds it
    ("longer"), it holds one ("shorter"), or neither ("no span")."""
    padded = f" {missing} "
    if any(f" {missing} " in f" {f} " for f in found):
        return "longer"
    return "shorter" if any(f" {f} " in padded for f in found) else "no span"


def _wrong(story: Story, groups: list[set[str]]) -> int:
    """The pairs of forms ``groups`` joins that share no gold chain."""
    chains = chains_of(story)
    return sum(
        not chains[a] & chains[b] and _joined(groups, a, b)
        for a, b in combinations(sorted(chains), 2)
    )


def _bucket(n: int) -> str:
    return "2" if n == 2 else "3-4" if n <= 4 else "5+"


# The gap's breakdowns: a name and what each pair counts under.
GAP_DIMENSIONS: dict[str, Callable[[GapPair], str]] = {
    "kind": lambda p: p.kind,
    "containment": lambda p: "direct" if p.direct else "transitive",
    "articles": lambda p: "within one" if p.within else "across only",
    "chain forms": lambda p: _bucket(p.chain_forms),
    "cause": lambda p: p.cause,
    "kind and cause": lambda p: f"{p.kind} {p.cause}",
}


def print_gap(pairs: list[GapPair], split: str) -> None:
    """The pairs only one system joins on one split, by outcome (``GapPair.outcome``)
    and each breakdown; the forms of containment's pairs for ``train`` only."""
    chosen = [p for p in pairs if split in {"all", p.split}]
    totals = Counter(p.outcome for p in chosen)
    print(f"\n{split}: " + ", ".join(f"{o} {totals[o]}" for o in OUTCOMES))
    for name, of in GAP_DIMENSIONS.items():
        print(f"  {name} ({' / '.join(OUTCOMES)}):")
        print("\n".join(_breakdown(chosen, of)))
    if split == "train":
        for p in (p for p in chosen if p.cause):
            a, b = p.forms
            print(f"  {p.story}: {p.outcome:6} {p.cause:16} {p.kind:6} {a!r} ~ {b!r}")


def _breakdown(pairs: list[GapPair], of: Callable[[GapPair], str]) -> list[str]:
    """One line per value of a breakdown: its pairs' counts by outcome."""
    by_value: dict[str, Counter[str]] = defaultdict(Counter)
    for p in pairs:
        by_value[of(p)][p.outcome] += 1
    return [
        f"    {value}: " + " / ".join(str(counts[o]) for o in OUTCOMES)
        for value, counts in sorted(by_value.items())
    ]


def _right_wrong(story: Story, groups: list[set[str]], gold: list[tuple[str, str]]) -> str:
    return f"{sum(_joined(groups, *g) for g in gold)} / {_wrong(story, groups)}"


def _b3_recall_sum(story: Story, answer: Answer) -> float:
    """The story's mention B³ recall summed over its mentions: what it adds to a split's
    B³ recall numerator (a story of many mentions of one split entity weighs most)."""
    tally = Tally()
    tally.add(story, answer)
    return tally.b3_recall


def _story_row(story: Story, entities: list[Entity], pairs: list[GapPair]) -> str:
    """One story's line of the gap table: gold pairs, each system's right and wrong
    pairs, the pairs only one joins, its gold mentions, its most written chain's
    forms and mentions (a chain of many forms weighs n(n-1)/2 pairs) and each
    system's B³ recall summed over its mentions."""
    chains = chains_of(story)
    gold = [(a, b) for a, b in combinations(sorted(chains), 2) if chains[a] & chains[b]]
    ours = [{form(e.name), *map(form, e.aliases)} for e in entities]
    largest = Counter(c for cs in chains.values() for c in cs).most_common(1)[0][0]
    outcomes = Counter(p.outcome for p in pairs)
    cells = [
        len(gold),
        _right_wrong(story, baseline_answer(story, contained)[0], gold),
        _right_wrong(story, ours, gold),
        outcomes["lost"],
        outcomes["won"],
        len(story.gold),
        f"{sum(largest in cs for cs in chains.values())} / "
        f"{sum(m.chain == largest for m in story.gold)}",
        f"{_b3_recall_sum(story, baseline_answer(story, contained)):.1f} / "
        f"{_b3_recall_sum(story, storybrief_answer(story, entities)):.1f}",
    ]
    return f"| {story.id} | {story.split} | " + " | ".join(map(str, cells)) + " |"


GAP_HEADER = (
    "| story | split | gold pairs | containment right / wrong | ours right / wrong "
    "| lost | won | mentions | most written chain: forms / mentions "
    "| B³ recall summed over mentions: containment / ours |"
)


def causes(stories: list[Story], found: dict[str, Found], rules: dict[str, Ruled]) -> None:
    """Where storybrief's (shipped settings) variant-pair recall differs from name
    containment's, pair by pair: per story (gold pairs, each system's right and
    wrong, the pairs only one joins, mentions and B³ recall), then by breakdown
    (``GAP_DIMENSIONS``) for each split. Forms are printed for ``train`` stories only
    (the errors the rules may be written from); other splits give counts."""
    pairs: list[GapPair] = []
    print(GAP_HEADER)
    for story in stories:
        entities = _entities(story.id, found, rules, EntitySettings())
        story_pairs = gap_pairs(story, entities, found[story.id], rules[story.id])
        pairs += story_pairs
        print(_story_row(story, entities, story_pairs))
    for split in [*sorted({s.split for s in stories}), "all"]:
        print_gap(pairs, split)


def check_full(stories: list[Story], shipped: dict[str, list[Entity]]) -> None:
    """Fail unless every story's full brief lists the entities the analysis alone does."""
    for story in stories:
        if brief_of(story.articles).entities != shipped[story.id]:
            raise SystemExit(f"{story.id}: the full brief's entities differ from the analysis'")
    print(f"full briefs checked: the same entities on all {len(stories)} stories")


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, nargs="?", default=DATA)
    parser.add_argument("--full", action="store_true", help="check against the full briefs")
    parser.add_argument(
        "--errors", choices=SPLITS, help="print the CV run's wrong and missed pairs"
    )
    parser.add_argument(
        "--causes", choices=SPLITS, help="why containment's gold pairs are left apart"
    )
    parser.add_argument(
        "--split", choices=SPLITS, default="all", help="brief only this split's stories"
    )
    parser.add_argument("--cache", type=Path, help="pickle of the stories' found names")
    parser.add_argument(
        "--reach", action="store_true", help="what merging can reach with the names found"
    )
    return parser.parse_args()


def print_table(
    tallies: dict[tuple, Tally], splits: Iterable[str], systems: Iterable[str] = SYSTEMS
) -> None:
    """The table of every system's scores on each of ``splits`` (those it scored)."""
    print("| split | system | coverage | pair P | pair R | pair F1 | B³ P | B³ R | B³ F1 |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for split in splits:
        for system in (s for s in systems if (split, s) in tallies):
            row = tallies[split, system].row(system, coverage=system.startswith("storybrief"))
            print(f"| {split} |{row[1:]}")


def _splits(split: str) -> tuple[str, ...]:
    """The table's splits when ``split`` is briefed."""
    return SPLITS if split == "all" else (split,)


def main() -> None:
    args = arguments()
    started = time.perf_counter()
    stories = [s for s in load(args.data) if args.split in {"all", s.split}]
    found = found_names(stories, args.cache)
    seconds = time.perf_counter() - started
    if args.causes:
        chosen = [s for s in stories if args.causes in {"all", s.split}]
        causes(chosen, found, rules_of(found))
        return
    if args.reach:
        stages = (*REACH, CONTAINMENT_FOUND, CONTAINMENT)
        tallies = reach(stories, found, rules_of(found))
        print_table(tallies | score(stories, {}), _splits(args.split), stages)
        return
    entities = systems(stories, found, rules_of(found))
    if args.full:
        check_full(stories, entities[SYSTEMS[1]])
    tallies = score(stories, entities)
    print_table(tallies, _splits(args.split))
    print(f"\n{len(stories)} stories read and their names found in {seconds:.0f} s")
    if args.errors:
        print("\n".join(tallies[args.errors, SYSTEMS[0]].errors))


if __name__ == "__main__":
    main()
