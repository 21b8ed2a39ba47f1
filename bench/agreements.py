"""Agreement recall and repeats on the gold-dev stories (``../shared/data/gold-dev``).

Usage: .venv/bin/python bench/agreements.py [--data DIR] [--show] [--half tune|report] [--pairs P]
       .venv/bin/python bench/agreements.py --half tune --read 20
       .venv/bin/python bench/agreements.py --fresh FIRST LAST --pairs P
       .venv/bin/python bench/agreements.py --fresh FIRST LAST --before-retold inf
       .venv/bin/python bench/agreements.py --fresh FIRST LAST --before-pairs 1.01

gold-dev facts carry no evidence snippets (the seed's do, ``bench/analysis.py``), so an
agreement is matched to a fact by its words. Two matchers are printed side by side:

* the matcher (``_credits``): an agreement cites two or more of the fact's sources, and the
  mean of two scores reaches ``MATCH_SHARE``: the MiniLM cosine of the agreement's text and
  the fact, and the share of the fact's words the text carries, weighed by their rarity in
  the story (inverse sentence frequency over its sentences: a number or a name seldom
  written says which fact, the story's topic words hardly; the labeller's words no article
  has weigh nothing; stemmed, numbers whole). An agreement credits one fact at most, the
  one it matches best, so an agreement on another fact sharing a few words is no
  "repeat". Checked by reading every agreement of the tune half (BENCHMARKS.md).
* the old proxy (``_finds``), kept for continuity: two of the fact's sources and two of its
  telling words (cut to 6 letters; the story's topic words, in a quarter of its facts, left
  out); one agreement may find several facts.

Repeats: agreements per fact beyond the first that find it (lower is better).
Baseline (``baseline``), scored by the same matcher: the closest pairs of sentences of two
articles (wordllama cosine >= 0.7), as many as the brief lists.
``--show`` prints each fact with the agreements credited to it; ``--read N`` a fixed random
sample of N credited (agreement, fact) pairs and N best-but-uncredited ones, to judge.
``--fresh FIRST LAST`` reads a change on stories no agreement was ever tuned on: what the
flags' settings add to the agreements of the defaults (or of ``--before-retold``'s
retelling bar: ``inf`` turns the retelling join off; of ``--before-pairs``' bar: 1.01 turns
the pair decision off) on AllSides roundups (``fresh``), each
agreement marked new, grown (a merge) or repeat (``kind``), to count right and wrong by
reading.

Split, fixed before tuning: the ten stories sorted by file name, the 1st, 3rd, ... tune,
the 2nd, 4th, ... report.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from nltk.stem.porter import PorterStemmer

from storybrief.analyze import run
from storybrief.analyze.context import StoryContext
from storybrief.models import Agreement, Article
from storybrief.nlp import minilm
from storybrief.nlp.embeddings import embed
from storybrief.pipeline import brief_of, prepare
from storybrief.settings import DEFAULT, Settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
PILE = DATA / "stories-dev" / "allsides-neus-dev.jsonl"
MIN_SHARED = 2
TOPIC_SHARE = 0.25
# The matcher's bar on the mean of MiniLM's cosine and the weighted word share, chosen by
# reading all 64 agreements of the tune half (BENCHMARKS.md): every pair from 0.5 up was one
# fact; from 0.42 to 0.5, four of six were not.
MATCH_SHARE = 0.5
# The baseline's bar: two sentences this alike state one fact (the summary's ``same_fact``
# on wordllama's scale, read on dev summaries; not tuned here).
BASELINE_COSINE = DEFAULT.summary.same_fact
STOP = set(
    "the a an of to in on for and or with from by at as is are was were be been that this "
    "its their his her they he she it which who has have had will would said says after "
    "than more about into over".split()
)
_NUMBERS = dict(
    zip(
        "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
        "hundred".split(),
        "2 3 4 5 6 7 8 9 10 11 12 20 30 40 50 100".split(),
        strict=True,
    )
)
_STEM = PorterStemmer()
_TERM = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+")


def _words(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 2}


def _terms(text: str) -> set[str]:
    """A text's telling words, stemmed: numbers whole ("1.75", "1000"; "thirty" is 30)."""
    found = set()
    for term in _TERM.findall(text.lower()):
        term = _NUMBERS.get(term, term)
        if term[0].isdigit():
            found.add(term.replace(",", ""))
        elif term not in STOP and len(term) > 2:
            found.add(_STEM.stem(term))
    return found


def _rarity(sentences: list[str]) -> dict[str, float]:
    """Each word's weight in one story: its inverse frequency over the story's sentences."""
    counts = Counter(t for text in sentences for t in _terms(text))
    return {t: math.log((1 + len(sentences)) / n) for t, n in counts.items()}


def _topic(facts: list[dict[str, Any]]) -> set[str]:
    """The story's topic words ("seattle", "tax"): in a quarter or more of its facts, they
    tell no fact from another."""
    counts = Counter(w for f in facts for w in _words(f["fact"]))
    return {w for w, n in counts.items() if n >= max(2, len(facts) * TOPIC_SHARE)}


def _finds(agreement: Agreement, fact: dict[str, Any], topic: set[str]) -> bool:
    """The old proxy: whether an agreement states a gold fact: two of its sources, and its
    telling words (all of them when it has fewer than ``MIN_SHARED``)."""
    if not _cites(agreement, fact):
        return False
    wanted = _words(fact["fact"]) - topic
    shared = wanted & _words(agreement.text)
    return len(shared) >= min(MIN_SHARED, len(wanted)) and bool(shared)


def _share(agreement: Agreement, fact: dict[str, Any], rarity: dict[str, float]) -> float:
    """The rarity-weighted share of a fact's words an agreement's text carries; 0 unless it
    carries two of them (all, when the fact has fewer)."""
    wanted = {t for t in _terms(fact["fact"]) if t in rarity}
    shared = wanted & _terms(agreement.text)
    total = sum(rarity[t] for t in wanted)
    if not shared or len(shared) < min(MIN_SHARED, len(wanted)) or total == 0:
        return 0.0
    return sum(rarity[t] for t in shared) / total


def _credits(
    agreements: list[Agreement], facts: list[dict[str, Any]], rarity: dict[str, float]
) -> list[tuple[int, float]]:
    """Each agreement's best fact and how well it matches (credited from ``MATCH_SHARE``):
    the mean of the MiniLM cosine of their texts and the word share, among the facts it
    cites two sources of. Words alone miss a labeller's paraphrase ("the tax's stated
    purpose is to cut consumption" / "a good way to discourage people from drinking
    soda"); the cosine alone takes a neighbouring fact ("Malaysia says it was an attack
    by North Korean agents" for "North Korea says Malaysia is responsible")."""
    cosines = (
        minilm.embed([a.text for a in agreements]) @ minilm.embed([f["fact"] for f in facts]).T
    )
    credits: list[tuple[int, float]] = []
    for k, agreement in enumerate(agreements):
        scores = [
            (cosines[k, i] + _share(agreement, fact, rarity)) / 2
            if _cites(agreement, fact)
            else 0.0
            for i, fact in enumerate(facts)
        ]
        best = max(range(len(facts)), key=lambda i: (scores[i], -i))
        credits.append((best, float(scores[best])))
    return credits


def _cites(agreement: Agreement, fact: dict[str, Any]) -> bool:
    return len({f"d{s}" for s in fact["sources"]} & set(agreement.sources)) >= 2


def _articles(path: Path, data: Path) -> list[Article]:
    key = path.stem
    for name, field in (("multinews-dev.jsonl", "id"), ("duc2004-dev.jsonl", "cluster_id")):
        with (data / name).open(encoding="utf-8") as lines:
            for cluster in map(json.loads, lines):
                if cluster[field].startswith(key):
                    docs = cluster["docs"]
                    return [
                        Article(id=f"d{n}", source=f"{name}#{key}", raw=t)
                        for n, t in enumerate(docs)
                    ]
    raise LookupError(key)


@dataclass
class Story:
    """One gold-dev story's facts, our agreements, and how each matcher pairs them."""

    name: str
    facts: list[dict[str, Any]]
    agreements: list[Agreement]
    credits: list[tuple[int, float]]
    proxy: list[int]  # per fact, the agreements the old proxy finds for it
    baseline: list[tuple[int, float]]  # the baseline's agreements' credits

    def counts(self) -> tuple[int, ...]:
        """(facts, found, repeats, proxy found, proxy repeats, baseline found and repeats)."""
        return (
            len(self.facts),
            *_found(self.credits),
            sum(n > 0 for n in self.proxy),
            sum(max(n - 1, 0) for n in self.proxy),
            *_found(self.baseline),
        )


def _found(credits: list[tuple[int, float]]) -> tuple[int, int]:
    """(facts credited, credits beyond each fact's first)."""
    per_fact = Counter(i for i, value in credits if value >= MATCH_SHARE)
    return len(per_fact), sum(n - 1 for n in per_fact.values())


def baseline(articles: list[Article], most: int) -> list[Agreement]:
    """A newcomer's agreements: each sentence with its closest sentence of another article
    (wordllama cosine from ``BASELINE_COSINE``), the ``most`` closest pairs, as many as the
    brief lists, each shown by its first sentence."""
    sentences = [s for a in articles for s in a.sentences]
    vectors = embed([s.text for s in sentences])
    cosines = vectors @ vectors.T
    article = np.array([s.article for s in sentences])
    cosines[article[:, None] == article[None, :]] = -1
    pairs = sorted(
        (
            (-cosines[i, j], i, j)
            for i in range(len(sentences))
            for j in range(i + 1, len(sentences))
        ),
    )
    kept = [(i, j) for c, i, j in pairs[:most] if -c >= BASELINE_COSINE]
    return [
        Agreement(sentences[i].text, sorted({sentences[i].article, sentences[j].article}), [])
        for i, j in kept
    ]


def story(path: Path, data: Path, settings: Settings = DEFAULT) -> Story:
    """One gold-dev story briefed (with ``settings``), its baseline drawn, both matched."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    facts = [f for f in gold["agreements"] if len(f["sources"]) >= 2]
    articles = [a for a in prepare(_articles(path, data)) if a.ok]
    agreements = brief_of(articles, settings=settings).agreements
    topic = _topic(facts)
    rarity = _rarity([s.text for a in articles for s in a.sentences])
    newcomer = baseline(articles, DEFAULT.agreements.max_agreements)
    return Story(
        path.stem,
        facts,
        agreements,
        _credits(agreements, facts, rarity),
        [sum(_finds(a, f, topic) for a in agreements) for f in facts],
        _credits(newcomer, facts, rarity),
    )


def _show(one: Story) -> None:
    """Each fact with the agreements credited to it, then the agreements credited to none."""
    print(f"\n## {one.name}")
    for n, fact in enumerate(one.facts):
        print(f"  FACT {fact['fact']}  {fact['sources']}")
        for a, (i, value) in zip(one.agreements, one.credits, strict=True):
            if i == n and value >= MATCH_SHARE:
                print(f"     {value:.2f} {a.sources}: {a.text[:150]}")
    for a, (_, value) in zip(one.agreements, one.credits, strict=True):
        if value < MATCH_SHARE:
            print(f"  (no fact, best {value:.2f}) {a.sources}: {a.text[:150]}")


def _read(stories: list[Story], n: int) -> None:
    """A fixed random sample of credited pairs and of best-but-uncredited ones, to judge."""
    pairs: dict[bool, list[tuple[str, str, float]]] = {True: [], False: []}
    for one in stories:
        for a, (i, value) in zip(one.agreements, one.credits, strict=True):
            if value > 0:
                pairs[value >= MATCH_SHARE].append((one.facts[i]["fact"], a.text, value))
    sample = random.Random(0)
    for credited, rows in pairs.items():
        print(f"\n# {'credited' if credited else 'not credited (best fact)'}: {len(rows)}")
        for k, (fact, text, value) in enumerate(sample.sample(rows, min(n, len(rows)))):
            print(f"{k:2d} {value:.2f} FACT {fact}\n         AGREEMENT {text[:220]}")


def fresh(pile: Path, first: int, last: int, settings: Settings, before: Settings) -> None:
    """What ``settings`` change in the agreements against ``before``'s, on the AllSides
    roundups whose sorted gold-story positions fall in ``[first, last)`` (``PILE``: three
    outlets' leads a story, never labelled for agreements), to read (``_changed``)."""
    stories: dict[str, list[dict[str, Any]]] = {}
    with pile.open(encoding="utf-8") as lines:
        for article in map(json.loads, lines):
            stories.setdefault(article["story"], []).append(article)
    counts: Counter[str] = Counter()
    for key in sorted(stories)[first:last]:
        texts = [f"{a['title'] or ''}\n\n{a['text']}" for a in sorted(stories[key], key=_id)]
        context = StoryContext.from_texts(*texts, settings=settings)
        counts += _changed(key, context, _agreements(texts, before))
    print(f"\n{dict(counts)} on {last - first} roundups")


def kind(agreement: Agreement, before: list[Agreement], after: list[Agreement]) -> str:
    """What an agreement ``after`` a change is against those ``before`` it: "kept" (one
    showed it already, from the same sentences), "grown" (it holds all the sentences of
    one before: a merge), or "repeat" when it shares a sentence with another agreement
    after (most often one fact shown twice, though a sentence may tell two), else "new"."""
    ids = set(agreement.sentence_ids)
    if any(b.text == agreement.text and set(b.sentence_ids) == ids for b in before):
        return "kept"
    if any(set(b.sentence_ids) <= ids for b in before):
        return "grown"
    if any(a is not agreement and ids & set(a.sentence_ids) for a in after):
        return "repeat"
    return "new"


def _changed(key: str, context: StoryContext, before: list[Agreement]) -> Counter[str]:
    """Print one roundup's added agreements (``kind``) with their sentences and the lost
    ones; count them by kind."""
    after = _agreements_of(context)
    counts: Counter[str] = Counter()
    for agreement in after:
        found = kind(agreement, before, after)
        if found != "kept":
            counts[found] += 1
            print(f"\n[{key}] {found.upper()} {agreement.sources} {agreement.text[:160]}")
            for sid in agreement.sentence_ids:
                print(f"   {sid}: {context.by_id[sid].text[:200]}")
    for agreement in (b for b in before if b.text not in {a.text for a in after}):
        counts["lost"] += 1
        print(f"[{key}] LOST {agreement.sources} {agreement.text[:160]}")
    return counts


def _id(article: dict[str, Any]) -> str:
    return article["id"]


def _agreements_of(context: StoryContext) -> list[Agreement]:
    found = run(context, "agreements")
    assert isinstance(found, list)
    return found


def _agreements(texts: list[str], settings: Settings) -> list[Agreement]:
    return _agreements_of(StoryContext.from_texts(*texts, settings=settings))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--read", type=int, default=0, help="sample this many pairs to judge")
    parser.add_argument("--half", choices=("tune", "report"), help="only this half")
    parser.add_argument(
        "--pairs", type=float, help="brief with the learned pair decision at this probability"
    )
    parser.add_argument("--retold", type=float, help="brief with this retelling bar")
    parser.add_argument(
        "--fresh",
        type=int,
        nargs=2,
        help="read what --pairs / --retold change on AllSides roundups FIRST LAST",
    )
    parser.add_argument(
        "--before-retold", type=float, help="--fresh: the retelling bar of the briefs before"
    )
    parser.add_argument(
        "--before-pairs", type=float, help="--fresh: the pair decision's bar before (1.01: off)"
    )
    args = parser.parse_args()
    paths = sorted((args.data / "gold-dev").glob("*.json"))
    if not paths:  # a tree exported elsewhere has no ../shared beside it
        parser.error(f"no gold-dev stories in {args.data / 'gold-dev'}: pass --data DIR")
    halves = {"tune": paths[::2], "report": paths[1::2]}
    settings = _settings(args.pairs, args.retold)
    if args.fresh:
        fresh(PILE, *args.fresh, settings, _settings(args.before_pairs, args.before_retold))
        return
    print("| half | facts | recall | repeats per fact | proxy recall / repeats | baseline |")
    print("|---|---:|---:|---:|---:|---:|")
    for half, chosen in halves.items():
        if not args.half or half == args.half:
            _half(half, [story(p, args.data, settings) for p in chosen], args)


def _settings(pairs: float | None, retold: float | None) -> Settings:
    """The defaults, with the pair decision's probability and the retelling bar given."""
    changes = {"pair_probability": pairs, "retold": retold}
    chosen = {k: v for k, v in changes.items() if v is not None}
    return dataclasses.replace(
        DEFAULT, agreements=dataclasses.replace(DEFAULT.agreements, **chosen)
    )


def _half(half: str, stories: list[Story], args: argparse.Namespace) -> None:
    """One half's row: the matcher's recall and repeats, the old proxy's, the baseline's."""
    facts, found, repeats, pfound, prepeats, bfound, brepeats = [
        sum(s.counts()[k] for s in stories) for k in range(7)
    ]
    print(
        f"| {half} ({', '.join(s.name for s in stories)}) | {facts} | {found / facts:.2f} "
        f"| {repeats / facts:.2f} | {pfound / facts:.2f} / {prepeats / facts:.2f} "
        f"| {bfound / facts:.2f} / {brepeats / facts:.2f} |"
    )
    for one in stories if args.show else []:
        _show(one)
    if args.read:
        _read(stories, args.read)


if __name__ == "__main__":
    main()
