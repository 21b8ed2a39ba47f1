"""Precision and recall of the cross-source analysis against hand-made references.

Usage: .venv/bin/python bench/analysis.py [--seeds DIR] [--fixtures DIR] [--data DIR]
       .venv/bin/python bench/analysis.py --unlabelled [--data DIR]
       .venv/bin/python bench/analysis.py --aliases [--data DIR]
       .venv/bin/python bench/analysis.py --allsides|--ecbplus|--polnear FIRST LAST [--kind K ...]

Stories: the seed (``../shared/data/seeds``: ``*.txt`` + ``gold.json``) and
every ``tests/fixtures/analysis/<name>/`` with a ``gold.json`` in the seed's
format and its texts: ``docs.jsonl`` of ``{"id", "text"}``, or ``source.json``
naming a cluster of a dataset in ``../shared/data`` (``{"dataset", "id"}``;
its documents become ``d0``, ``d1``, ...), as the data's licence keeps its
texts out of this repository. Gold article ids are prefixes of ours.

* conflicts: a gold claim is found when one of our conflicts has a claim
  from its article with the same value (or both without a value); a gold
  conflict is found when two of its claims are found in one of our conflicts.
  Precision is the share of our conflicts that find a gold conflict.
* quotes: a gold variant is found when one of our quotes with the gold
  speaker carries most of its words; precision is the share of our quote
  groups that carry some gold variant. Gold lists are a floor, so precision
  is a lower bound.
* agreements: a gold agreement with ``evidence`` (snippets of the sentences
  that state it, by article; the seed's are in
  ``tests/fixtures/analysis/seeds.evidence.json``, by fact) is found when
  one of our agreements cites, for each of its sources, a sentence
  containing one of its snippets; source recall is the share of gold
  sources the best such agreement covers. Gold agreements are a floor, so
  no precision is computed. Repeats are the agreements per gold fact beyond
  the first that state it too (cite it in two of its sources): lower is better.
* entity merges: pairwise over the gold aliases we extract: two aliases in
  one of our entities are a true merge when gold puts them in one group.
  ``--aliases`` prints them alone, from the entities analysis alone, for the seed,
  the fixtures and the ``gold-dev`` stories.

``--allsides FIRST LAST [--kind KIND ...]`` prints the conflicts (of those kinds) of the
AllSides roundups (``stories-dev``, one gold story briefed alone) at sorted gold-story
positions FIRST to LAST - 1, to be read by hand, and their count per kind; ``--ecbplus
FIRST LAST`` the same for the 66 ECB+ stories (``ecbplus-dev``, topic order: 0-33 are
topics 1-17, 34-65 topics 18-35); ``--polnear FIRST LAST`` the same for the PolNeAR train
articles grouped by ``storybrief.group`` (event grain), stories of two or more publishers
ordered by their first article's name (126: 0-62 the design half, 63-125 the check half).

``--unlabelled`` counts instead the conflicts reported on the stories no one
has labelled (every cluster of two or more documents of
``multinews-dev.jsonl`` and ``duc2004-dev.jsonl``, but gold-dev's report
half, kept unread) and prints each with its detector kind, to be read and
judged by hand: with no gold, every one is a possible false alarm.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Iterable, Iterator
from itertools import combinations
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from storybrief.analyze import StoryContext, run
from storybrief.models import Article, Brief
from storybrief.nlp.overlap import words
from storybrief.pipeline import brief_of, prepare

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
FIXTURES = ROOT / "tests" / "fixtures" / "analysis"


def load(directory: Path, data: Path = DATA) -> tuple[list[Article], dict[str, Any]]:
    """The articles of one reference story and its gold."""
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    docs, source = directory / "docs.jsonl", directory / "source.json"
    if docs.exists():
        rows = [json.loads(line) for line in docs.read_text(encoding="utf-8").splitlines() if line]
        articles = [Article(id=r["id"], source=str(docs), raw=r["text"]) for r in rows]
    elif source.exists():
        wanted = json.loads(source.read_text(encoding="utf-8"))
        dataset = data / wanted["dataset"]
        with dataset.open(encoding="utf-8") as lines:
            cluster = next(c for c in map(json.loads, lines) if c["id"] == wanted["id"])
        articles = [
            Article(id=f"d{n}", source=f"{dataset}#{wanted['id']}", raw=text)
            for n, text in enumerate(cluster["docs"])
        ]
    else:
        paths = sorted(directory.glob("*.txt"))
        articles = [Article(id=p.stem, source=str(p), raw=p.read_text()) for p in paths]
    return articles, gold


NA = float("nan")  # a score the story's gold has nothing to measure with


def _ratio(hit: int, total: int) -> float:
    return hit / total if total else NA


def _covers(variant: str, text: str) -> bool:
    wanted = set(words(variant))
    return bool(wanted) and len(wanted & set(words(text))) >= 0.8 * len(wanted)


def _claim_found(claim: dict[str, Any], mine: Any) -> bool:
    """Whether one of our claims is a gold claim: its article, and its figure (within 1%), or
    no figure if it gives none."""
    wanted = claim.get("value")
    if not mine.source.startswith(claim["source"]) or (wanted is None) != (mine.value is None):
        return False
    return wanted is None or abs(mine.value - wanted) <= 0.01 * wanted


def _finds(gold_conflict: dict[str, Any], mine: Any) -> bool:
    """Whether one of our conflicts finds a gold one: two of our claims are two of its claims."""
    pairs = [
        (i, j)
        for i, g in enumerate(gold_conflict["claims"])
        for j, m in enumerate(mine.claims)
        if _claim_found(g, m)
    ]
    return len({i for i, _ in pairs}) >= 2 and len({j for _, j in pairs}) >= 2


_NUMBER = re.compile(r"\d[\d,.]*")


def _tells(text: str) -> set[str]:
    """The figures and content words of a text, to tell what a conflict is about."""
    numbers = {n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text)}
    return numbers | {w for w in words(text) if len(w) > 3 and not w.isdigit()}


def _on_trap(trap: dict[str, Any], mine: Any) -> bool:
    """Whether one of our conflicts is on a ``not_conflicts`` topic: its claims from the trap's
    articles (when it names them), and a figure or two content words of the trap's topic and
    reason in their text."""
    sources = trap.get("sources")
    if sources and sum(any(c.source.startswith(s) for s in sources) for c in mine.claims) < 2:
        return False
    told = set().union(*(_tells(c.text) for c in mine.claims))
    shared = _tells(f"{trap['topic']} {trap.get('why', '')}") & told
    return any(w[0].isdigit() for w in shared) or len(shared) >= 2


def _credited(golds: list[dict[str, Any]], mine: Any) -> int | None:
    """The gold conflict one of ours finds, if any: one only, so that a conflict between two
    articles is not credited with every gold conflict of theirs. Of those it finds, the one
    with the most figures it carries, then the most figures and words its text shares with
    the gold's topic and claims."""
    told = set().union(*(_tells(c.text) for c in mine.claims))

    def score(i: int) -> tuple[int, int, int]:
        claims = golds[i]["claims"]
        figures = sum("value" in c and any(_claim_found(c, m) for m in mine.claims) for c in claims)
        said = _tells(" ".join([golds[i]["topic"], *(c.get("says", "") for c in claims)]))
        return figures, len(said & told), -i

    return max((i for i, g in enumerate(golds) if _finds(g, mine)), key=score, default=None)


def _conflicts(brief: Brief, gold: dict[str, Any]) -> dict[str, float]:
    """Gold conflicts found, our conflicts that find one, and ours on a not-conflict topic."""
    golds, found, reported, finding, traps = _conflict_counts(brief.conflicts, gold)
    return {
        "conflict_recall": _ratio(found, golds),
        "conflict_precision": _ratio(finding, reported),
        "not_conflict_hits": float(traps),
    }


def _conflict_counts(conflicts: list[Any], gold: dict[str, Any]) -> np.ndarray:
    """Gold conflicts, those found, conflicts reported, those finding one, those on a trap."""
    credited = [_credited(gold["conflicts"], mine) for mine in conflicts]
    useful = [i is not None for i in credited]
    traps = gold.get("not_conflicts", [])
    on_trap = [
        not hit and any(_on_trap(t, mine) for t in traps)
        for hit, mine in zip(useful, conflicts, strict=True)
    ]
    found = {i for i in credited if i is not None}
    return np.array([len(gold["conflicts"]), len(found), len(conflicts), sum(useful), sum(on_trap)])


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_COUNT = re.compile(r"\b(\d[\d,]*(?:\.\d+)?)\s+([A-Za-z]+)")


def figure_baseline(articles: list[Article]) -> list[SimpleNamespace]:
    """A newcomer's figure conflicts: two outlets' sentences that put different numbers
    before the same word ("8 people" / "10 people"), one conflict per such pair."""
    counts = [
        (a.id, sentence, float(n.replace(",", "")), word.lower())
        for a in articles
        for sentence in _SENTENCE_END.split(" ".join(a.raw.split()))
        for n, word in _COUNT.findall(sentence)
    ]
    return [
        SimpleNamespace(claims=[SimpleNamespace(source=s, text=t, value=v) for s, t, v, _ in pair])
        for pair in combinations(counts, 2)
        if pair[0][0] != pair[1][0] and pair[0][3] == pair[1][3] and pair[0][2] != pair[1][2]
    ]


def _quotes(brief: Brief, gold: dict[str, Any]) -> dict[str, float]:
    variants = [(q["speaker"], v) for q in gold["quotes"] for v in q["variants"]]
    found = sum(
        any(q.speaker == who and any(_covers(v, m) for m in q.variants) for q in brief.quotes)
        for who, v in variants
    )
    useful = sum(any(_covers(v, m) for _, v in variants for m in q.variants) for q in brief.quotes)
    return {
        "quote_recall": _ratio(found, len(variants)),
        "quote_precision": _ratio(useful, len(brief.quotes)),
    }


def _merges(brief: Brief | SimpleNamespace, gold: dict[str, Any]) -> dict[str, float]:
    group_of = {alias: n for n, g in enumerate(gold["entity_aliases"]) for alias in g}
    entity_of = {a: e.name for e in brief.entities for a in e.aliases if a in group_of}
    aliases = sorted(entity_of)
    tp = fp = fn = 0
    for a, b in combinations(aliases, 2):
        same_gold, same_mine = group_of[a] == group_of[b], entity_of[a] == entity_of[b]
        tp += same_gold and same_mine
        fp += same_mine and not same_gold
        fn += same_gold and not same_mine
    return {
        "merge_precision": _ratio(tp, tp + fp),
        "merge_recall": _ratio(tp, tp + fn),
        "alias_recall": _ratio(len(aliases), len(group_of)),
    }


def _covered(fact: dict[str, Any], ids: list[str], text: dict[str, str]) -> set[str]:
    """The fact's sources whose evidence one of the sentences ``ids`` of that source holds."""
    evidence = fact["evidence"]
    return {
        source
        for source in fact["sources"]
        for i in ids
        if i.startswith(source) and any(e in text[i] for e in evidence.get(source, []))
    }


def _agreements(brief: Brief, gold: dict[str, Any]) -> dict[str, float]:
    text = {s.id: s.text for a in brief.usable for s in a.sentences}
    facts = [f for f in gold["agreements"] if "evidence" in f]
    # Per fact, the fact's sources each agreement of the brief covers.
    covers = [[_covered(f, a.sentence_ids, text) for a in brief.agreements] for f in facts]
    return _agreement_scores(facts, covers)


def _agreement_scores(
    facts: list[dict[str, Any]], covers: list[list[set[str]]]
) -> dict[str, float]:
    """Recall, source recall and repeats of the facts, given the sources each agreement covers."""
    best = [max(map(len, c), default=0) for c in covers]
    found = sum(b == len(f["sources"]) for b, f in zip(best, facts, strict=True))
    # Agreements stating a fact (citing it in two of its sources) beyond the first: one
    # fact told as several agreements is noise a reader has to merge by hand.
    stating = [sum(len(c) >= 2 for c in cover) for cover in covers]
    return {
        "agreement_recall": _ratio(found, len(facts)),
        "agreement_source_recall": _ratio(sum(best), sum(len(f["sources"]) for f in facts)),
        "agreement_repeats": _ratio(sum(max(n - 1, 0) for n in stating), len(facts)),
    }


def evaluate(directory: Path, data: Path = DATA) -> dict[str, float]:
    """Precision and recall of the analysis of one reference story, and its time."""
    articles, gold = load(directory, data)
    evidence = FIXTURES / f"{directory.name}.evidence.json"
    if evidence.exists():
        by_fact = {f["fact"]: f["evidence"] for f in json.loads(evidence.read_text()).values()}
        for fact in gold["agreements"]:
            fact.setdefault("evidence", by_fact.get(fact["fact"], {}))
    prepared = prepare(articles)
    started = time.perf_counter()
    brief = brief_of(prepared)
    scores = {
        **_conflicts(brief, gold),
        **_quotes(brief, gold),
        **_merges(brief, gold),
        **_agreements(brief, gold),
    }
    scores["seconds"] = time.perf_counter() - started
    return scores


def _mean(values: list[float]) -> float:
    """The mean over stories, leaving out those whose gold cannot measure the score."""
    known = [v for v in values if not np.isnan(v)]
    return float(np.mean(known)) if known else NA


UNLABELLED = ("multinews-dev.jsonl", "duc2004-dev.jsonl")


def _report_half(data: Path) -> set[str]:
    """The ids of gold-dev's report stories (the 2nd, 4th, ... by name), kept unread."""
    return {p.stem for n, p in enumerate(sorted((data / "gold-dev").glob("*.json"))) if n % 2}


def _unlabelled_clusters(path: Path, report: set[str]) -> Iterator[tuple[str, list[Article]]]:
    """The id and articles of each cluster of two or more documents of a dataset file, the
    ids starting with one of ``report`` left out."""
    with path.open(encoding="utf-8") as lines:
        for cluster in map(json.loads, lines):
            key = cluster.get("id") or cluster["cluster_id"]
            if len(cluster["docs"]) < 2 or any(key.startswith(r) for r in report):
                continue
            docs = enumerate(cluster["docs"])
            yield key, [Article(id=f"d{n}", source=f"{path.name}#{key}", raw=t) for n, t in docs]


def unlabelled(data: Path = DATA) -> None:
    """Print every conflict reported on the unlabelled clusters (gold-dev's report half
    left out), with its detector kind, and their count per dataset and kind."""
    report = _report_half(data)
    for name in UNLABELLED:
        kinds: dict[str, int] = {}
        clusters = 0
        for key, articles in _unlabelled_clusters(data / name, report):
            clusters += 1
            for conflict in brief_of(prepare(articles)).conflicts:
                kinds[conflict.kind] = kinds.get(conflict.kind, 0) + 1
                print(f"\n{name} {key[:12]} [{conflict.kind}]: {conflict.topic}")
                for claim in conflict.claims:
                    value = "" if claim.value is None else f" = {claim.value:g}"
                    print(f"  [{claim.source}{value}] ({claim.attributed_to}) {claim.text}")
        print(f"\n{name}: {sum(kinds.values())} conflicts on {clusters} clusters, {kinds}")


ALLSIDES = Path("stories-dev") / "allsides-neus-dev.jsonl"


ECBPLUS = Path("ecbplus-dev") / "ecbplus_dev.json"


def _allsides_stories(data: Path) -> list[tuple[str, list[str]]]:
    """The AllSides roundups by sorted gold-story id, each as its articles' title and text
    (sorted by article id)."""
    stories: dict[str, list[dict[str, Any]]] = {}
    with (data / ALLSIDES).open(encoding="utf-8") as lines:
        for article in map(json.loads, lines):
            stories.setdefault(article["story"], []).append(article)
    return [
        (story, [f"{a['title'] or ''}\n\n{a['text']}" for a in sorted(arts, key=lambda a: a["id"])])
        for story, arts in sorted(stories.items())
    ]


def _ecbplus_stories(data: Path) -> list[tuple[str, list[str]]]:
    """The 66 ECB+ stories (topic x sub-topic) in topic order, each as its articles' texts
    (a sentence a paragraph): topics 1-17 are positions 0-33, topics 18-35 are 34-65."""
    subtopics = json.loads((data / ECBPLUS).read_text(encoding="utf-8"))["subtopics"]
    subtopics.sort(key=lambda s: (int(s["id"].rstrip("ecbplus")), s["id"]))
    return [
        (sub["id"], ["\n\n".join(text for _, text in doc["sentences"]) for doc in sub["docs"]])
        for sub in subtopics
    ]


POLNEAR = Path("polnear-dev") / "polnear_train.json"


def _story_members(records: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """The ids of each story ``storybrief.group`` gives, by story (skipped lines left out)."""
    stories: dict[str, list[str]] = {}
    for record in records:
        if record.get("story") is not None:
            stories.setdefault(record["story"], []).append(record["id"])
    return stories


def _polnear_stories(data: Path) -> list[tuple[str, list[str]]]:
    """The PolNeAR train articles grouped into stories by storybrief's own grouping
    (``storybrief.group``, event grain: one day's event), those of two or more publishers
    kept, ordered by their first article's name; each as its articles' title and text (by
    name). The dev file is never read: its quotes are kept for the quotes benchmark."""
    articles = json.loads((data / POLNEAR).read_text(encoding="utf-8"))["articles"]
    lines = [
        {"id": a["name"], "title": a["title"], "text": a["text"], "published": a["date"],
         "outlet": a["publisher"]}
        for a in articles
    ]  # fmt: skip
    by_name = {a["name"]: a for a in articles}
    # Imported here: bench/boilerplate.py loads this module on its baseline's older tree,
    # which has no storybrief.group nor ClusterSettings.
    from storybrief import group
    from storybrief.settings import ClusterSettings

    stories = _story_members(group(lines, settings=ClusterSettings(grain="event")))
    kept = sorted(
        sorted(names)
        for names in stories.values()
        if len({by_name[n]["publisher"] for n in names}) >= 2
    )
    print(f"polnear train: {len(kept)} stories of two or more publishers (event grain)")
    return [
        (names[0], [f"{by_name[n]['title'] or ''}\n\n{by_name[n]['text']}" for n in names])
        for names in kept
    ]


FRESH = {
    "allsides": _allsides_stories,
    "ecbplus": _ecbplus_stories,
    "polnear": _polnear_stories,
}


def fresh(data: Path, pile: str, positions: list[int], kinds: set[str]) -> None:
    """Print the conflicts of ``kinds`` (every kind, when empty) of an unlabelled pile's
    stories at positions ``[first, last)`` (AllSides roundups, ECB+ or PolNeAR stories), each story
    briefed alone, to be read by hand (no conflict labels), and their count per kind."""
    first, last = positions
    counted: dict[str, int] = {}
    for position, (story, texts) in enumerate(FRESH[pile](data)[first:last], start=first):
        for conflict in run(StoryContext.from_texts(*texts), "conflicts"):
            counted[conflict.kind] = counted.get(conflict.kind, 0) + 1
            if kinds and conflict.kind not in kinds:
                continue
            print(f"\n{position} {story} [{conflict.kind}]: {conflict.topic}")
            for claim in conflict.claims:
                print(f"  [{claim.source}] {claim.text}")
    print(f"\n{pile} {first}-{last - 1}: {counted}")


CLUSTERS = (("multinews-dev.jsonl", "id"), ("duc2004-dev.jsonl", "cluster_id"))


def _cluster(stem: str, data: Path) -> tuple[str, str, list[str]]:
    """The dataset, full id and documents of the cluster whose id starts with ``stem``."""
    for name, key in CLUSTERS:
        with (data / name).open(encoding="utf-8") as lines:
            for cluster in map(json.loads, lines):
                if cluster[key].startswith(stem):
                    return name, cluster[key], cluster["docs"]
    raise LookupError(f"no cluster {stem} in {data}")


def load_gold_dev(path: Path, data: Path = DATA) -> tuple[list[Article], dict[str, Any]]:
    """The articles of one ``gold-dev`` story (``d0``, ``d1``, ... by their index in the
    cluster's docs) and its gold, article ids made ours."""
    name, key, docs = _cluster(path.stem, data)
    articles = [Article(id=f"d{n}", source=f"{name}#{key}", raw=t) for n, t in enumerate(docs)]
    gold = json.loads(path.read_text(encoding="utf-8"))
    for claim in (c for g in gold["conflicts"] for c in g["claims"]):
        claim["source"] = f"d{claim['source']}"
    for trap in gold["not_conflicts"]:
        trap["sources"] = [f"d{s}" for s in trap["sources"]]
    return articles, gold


def labelled_stories(args: argparse.Namespace) -> dict[str, tuple[str, Path]]:
    """Every story with conflict gold, by name: its split and its folder or file.

    The split is fixed: the seed and the fixtures tune (the rules were written
    on them); of ``gold-dev``, sorted by name, the 1st, 3rd, ... tune and the
    2nd, 4th, ... report.
    """
    stories = {p.name: ("tune", p) for p in [args.seeds, *sorted(args.fixtures.glob("*"))]}
    stories = {name: found for name, found in stories.items() if found[1].is_dir()}
    gold_dev = args.gold_dev or args.data / "gold-dev"
    for n, path in enumerate(sorted(gold_dev.glob("*.json"))):
        stories[path.stem] = ("tune" if n % 2 == 0 else "report", path)
    return stories


def conflict_table(args: argparse.Namespace) -> None:
    """Conflict recall and not-conflict hits per labelled story, and per split, with the
    figure baseline's of the same run."""
    print(
        "\n| story | split | gold conflicts | found | reported | finding one | on a not_conflict |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    totals: dict[tuple[str, str], np.ndarray] = {}
    for name, (half, path) in labelled_stories(args).items():
        articles, gold = load_gold_dev(path, args.data) if path.is_file() else load(path, args.data)
        brief = brief_of(prepare(articles))
        found = {
            "storybrief": _conflict_counts(brief.conflicts, gold),
            "figure baseline": _conflict_counts(figure_baseline(articles), gold),
        }
        for system, row in found.items():
            totals[system, half] = totals.get((system, half), np.zeros(5)) + row
        print(f"| {name} | {half} | " + " | ".join(f"{v:g}" for v in found["storybrief"]) + " |")
        if args.show_conflicts == half:
            _print_conflicts(brief)
    for (system, half), (golds, hit, reported, finding, traps) in totals.items():
        print(f"| **{system}, {half}: recall {hit / golds:.2f}, precision "
              f"{finding / max(reported, 1):.2f}** | {half} | {golds:g} | {hit:g} | "
              f"{reported:g} | {finding:g} | {traps:g} |")  # fmt: skip


def _print_conflicts(brief: Brief) -> None:
    for conflict in brief.conflicts:
        print(f"  [{conflict.kind}] {conflict.topic}")
        for claim in conflict.claims:
            value = "" if claim.value is None else f" = {claim.value:g}"
            print(f"    [{claim.source}{value}] {claim.text[:160]}")


def _conflict_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold-dev", type=Path, help="default: gold-dev/ under --data")
    parser.add_argument(
        "--conflicts", action="store_true", help="only the conflict table of every labelled story"
    )
    parser.add_argument("--show-conflicts", choices=("tune", "report"), help="print ours, by story")
    for pile in FRESH:
        parser.add_argument(
            f"--{pile}", type=int, nargs=2, metavar=("FIRST", "LAST"),
            help=f"print the conflicts of {pile} stories at positions FIRST..LAST-1",
        )  # fmt: skip
    parser.add_argument("--kind", action="append", default=[], help="with a pile: only these")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=DATA / "seeds")
    parser.add_argument("--fixtures", type=Path, default=FIXTURES)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument(
        "--unlabelled", action="store_true", help="list conflicts on unlabelled clusters"
    )
    parser.add_argument("--aliases", action="store_true", help="entity merges alone, + gold-dev")
    _conflict_arguments(parser)
    args = parser.parse_args()
    if args.unlabelled:
        unlabelled(args.data)
        return
    for pile in FRESH:
        if getattr(args, pile):
            fresh(args.data, pile, getattr(args, pile), set(args.kind))
            return
    if args.aliases:
        alias_table(args)
        return
    if args.conflicts:
        conflict_table(args)
        return
    analysis_table(args)
    conflict_table(args)


def analysis_table(args: argparse.Namespace) -> None:
    """Every score of the seed and the fixtures, per story and their mean."""
    stories = [args.seeds, *sorted(p for p in args.fixtures.glob("*") if p.is_dir())]
    rows = {story.name: evaluate(story, args.data) for story in stories}
    _print_table(rows)


def alias_table(args: argparse.Namespace) -> None:
    """Entity merge precision, recall and alias recall of the entities analysis alone
    on the seed, the fixtures and the ``gold-dev`` stories, and the mean of each."""
    stories = [args.seeds, *sorted(p for p in args.fixtures.glob("*") if p.is_dir())]
    loaded = {story.name: load(story, args.data) for story in stories}
    for path in sorted((args.data / "gold-dev").glob("*.json")):
        loaded[path.stem] = load_gold_dev(path, args.data)
    rows = {}
    for name, (articles, gold) in loaded.items():
        context = StoryContext([a for a in prepare(articles) if a.ok])
        entities = run(context, "entities").entities  # type: ignore[attr-defined]
        rows[name] = _merges(SimpleNamespace(entities=entities), gold)
    _print_table(rows)


def _print_table(rows: dict[str, dict[str, float]]) -> None:
    """One row of scores per story, then their means."""
    columns = list(next(iter(rows.values())))
    rows["overall (mean)"] = {c: _mean([r[c] for r in rows.values()]) for c in columns}
    print("| story | " + " | ".join(columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for name, scores in rows.items():
        cells = ("n/a" if np.isnan(scores[c]) else f"{scores[c]:.2f}" for c in columns)
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
