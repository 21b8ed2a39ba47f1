"""Quotes and their speakers on PolNeAR (political news, every attribution labelled by hand).

Usage: .venv/bin/python bench/polnear.py [JSON ...] [--sample N] [--offset K]
                                       [--show misses|speakers|routes] [--quotes-only] [--causes]
                                       [--speakers FILE] [--routes] [--without RULE ...]

Each article is briefed alone, as the evaluator does (``../shared/data/polnear-dev/README.md``):
its text written to a folder and read by ``storybrief.brief``. Every quote variant of the
brief is located in the text (quotes, dashes and whitespace folded) and matched to the gold
attribution whose content overlaps it most, when that covers half the variant.

* precision: located variants overlapping a gold attribution / located variants;
* recall: gold direct quotes (content holds a quotation mark) some variant matches; also for
  long ones (>= 8 words inside quotation marks);
* speaker accuracy on matched direct quotes, by the kind of gold source: named (a capitalised
  word beyond a first "The"), nominal ("the newspaper": right on the source or on
  ``source_silver``), pronoun (judged on ``source_silver`` when it is a short name); right
  when the speaker shares a content word; no speaker is wrong.

The baseline row, computed in the same run on every gold direct quote, is the README's
text-only rule: ``"..." NAME said`` / ``said NAME`` / ``NAME said ... "..."`` in the
quote's paragraph, else the last capitalised name before the quote in it, else the previous
quote's speaker; a pronoun becomes the last named speaker.

``--causes`` counts the wrong speakers by kind of gold source, statement or embedded quote,
what was given (none, another name, a common noun, a pronoun) or why no text can give it (a
headline as source, the source's line dropped by cleaning), and publisher: counts only, so a
report set's errors can be sized without being read.

``--routes`` counts which rule of the quotes analysis named each matched speaker (right / judged,
and wrong ones by cause: counts only); ``--without`` makes named rules find nothing for a run
(``bench/quote_routes.py``).

Split: rules were tuned on ``polnear_train.json`` (``--sample 4``: every 4th article by
name, to spare the shared cores; ``--offset 1`` the next quarter, looked at from the
third session on; ``--offset 2`` and ``--offset 3`` quarters never read, each checked
once before and after one pass); ``polnear_dev.json`` is the report set.
"""

from __future__ import annotations

import argparse
import json
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quote_routes import passage_route, traced, without

import storybrief
from storybrief.models import Brief

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "polnear-dev"
MARKS = '"“”'
FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-"})
PRONOUNS = {
    "he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "me", "us", "who",
    "his", "their", "himself", "herself", "themselves", "one", "this", "that",
}  # fmt: skip
# Words that do not tell two names apart: the metric's "the, a, of, mr, ms, his, said, …".
FUNCTION_WORDS = PRONOUNS | {
    "the", "a", "an", "of", "mr", "mrs", "ms", "dr", "said", "says", "and", "in", "on", "for",
    "at", "by", "to", "with", "from", "its", "our", "my", "your", "s", "jr", "sr",
}  # fmt: skip
Article = dict[str, Any]
Span = tuple[int, int]


@dataclass
class Found:
    """One located quote variant of a brief, with its quote's speaker."""

    span: Span
    speaker: str | None
    route: str = ""  # which rule named the speaker (``--routes``)


def fold(text: str) -> tuple[str, list[int]]:
    """``text`` with quote marks and dashes made plain and whitespace runs one space, and
    for each folded character the offset it comes from."""
    out, where = [], []
    for i, ch in enumerate(text.translate(FOLD)):
        if ch.isspace():
            if out and out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        where.append(i)
    return "".join(out), where


def locate(article: Article, brief: Brief, passages: list[Any] | None = None) -> list[Found]:
    """Where each quote variant of ``brief`` lies in the article, in the brief's order; with
    the route that named its speaker when the traced ``passages`` are given."""
    folded, where = fold(article["text"])
    found = []
    for quote in brief.quotes:
        for variant in quote.variants:
            needle = fold(variant)[0].strip()
            at = folded.find(needle) if needle else -1
            if at >= 0:
                span = (where[at], where[at + len(needle) - 1] + 1)
                route = passage_route(passages or [], variant, quote.speaker)
                found.append(Found(span, quote.speaker, route if passages is not None else ""))
    return found


def _overlap(span: Span, spans: list[list[int]]) -> int:
    return sum(max(0, min(span[1], e) - max(span[0], s)) for s, e in spans or [])


def match(found: Found, attributions: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The gold attribution whose content overlaps a variant most, if it covers half of it."""
    best = max(attributions, key=lambda a: _overlap(found.span, a["content"]), default=None)
    if best is None or 2 * _overlap(found.span, best["content"]) < found.span[1] - found.span[0]:
        return None
    return best


def is_direct(attribution: dict[str, Any]) -> bool:
    return any(m in (attribution["content_text"] or "") for m in MARKS)


def is_long(attribution: dict[str, Any]) -> bool:
    inside = re.findall(r"[\"“]([^\"“”]*)[\"”]", attribution["content_text"])
    return sum(len(q.split()) for q in inside) >= 8


def content_words(text: str | None) -> set[str]:
    words = re.findall(r"[\w'’]+", (text or "").lower())
    return {w.replace("’", "'").removesuffix("'s") for w in words} - FUNCTION_WORDS


def source_kind(attribution: dict[str, Any]) -> str:
    """named, nominal, pronoun, or none (no source marked)."""
    text = attribution["source_text"]
    if not text:
        return "none"
    words = text.split()
    if text.lower() in PRONOUNS:
        return "pronoun"
    rest = words[1:] if words[0].lower() in {"the", "his", "her", "their", "its", "a"} else words
    return "named" if any(w[:1].isupper() for w in rest) else "nominal"


def judge(attribution: dict[str, Any], speaker: str | None) -> bool | None:
    """Whether ``speaker`` is right for a gold direct quote; ``None`` when unjudged."""
    kind, silver = source_kind(attribution), attribution["source_silver"]
    said = content_words(speaker)
    if kind == "pronoun":
        if (
            not silver
            or len(silver.split()) > 8
            or not any(w[:1].isupper() for w in silver.split())
        ):
            return None
        return bool(said & content_words(silver))
    if kind == "none":
        return None
    right = bool(said & content_words(attribution["source_text"]))
    return right or (kind == "nominal" and bool(said & content_words(silver)))


Tally = Counter[str]


def score_article(
    article: Article, found: list[Found], tally: Tally, show: str | None, cut: set[str]
) -> None:
    """Adds one article's counts to ``tally`` (and prints its faults when ``show``); ``cut``
    holds the lines cleaning dropped."""
    gold = article["attributions"]
    first: dict[str, Found] = {}
    for f in found:
        best = match(f, gold)
        tally["located"] += 1
        tally["located_hit"] += best is not None
        if best is not None and is_direct(best):
            first.setdefault(best["id"], f)
    for a in filter(is_direct, gold):
        tally["direct"] += 1
        tally["long"] += is_long(a)
        if a["id"] not in first:
            _print(show == "misses", article, a, "MISSED", None)
            continue
        tally["recalled"] += 1
        tally["long_recalled"] += is_long(a)
        said = first[a["id"]].speaker
        tally[f"said|{article['name']}|{a['id']}|{source_kind(a)}|{judge(a, said)}|{said}"] = 1
        if route := first[a["id"]].route:
            tally[f"route|{route}|{source_kind(a)}|{judge(a, said)}"] += 1
            if judge(a, said) is False:
                tally[f"route_miss|{route}|{source_kind(a)} {miss_cause(a, said)}"] += 1
            _print(show == "routes", article, a, f"{route} {judge(a, said)}: {said!r}", None)
        _judged(tally, a, first[a["id"]].speaker, "", article, show == "speakers", cut)


def _judged(
    tally: Tally,
    a: dict[str, Any],
    speaker: str | None,
    prefix: str,
    article: Article,
    show: bool,
    cut: frozenset[str] | set[str] = frozenset(),
) -> None:
    kind, right = source_kind(a), judge(a, speaker)
    if right is None:
        return
    tally[f"{prefix}{kind}"] += 1
    tally[f"{prefix}{kind}_right"] += right
    if not right:
        _print(show, article, a, f"{kind}: {speaker!r}", a["source_silver"])
        if not prefix:
            cause = miss_cause(a, speaker, _source_cut(article["text"], a, cut))
            tally[f"miss|{kind}|{article['publisher']}|{cause}"] += 1
            tally[f"in|{kind}|{cause}|{article['name']}"] = 1
            if cause == "statement|none":
                tally[f"place|{kind}|{source_place(article['text'], a)}"] += 1


def _source_cut(text: str, a: dict[str, Any], cut: frozenset[str] | set[str]) -> bool:
    """Whether cleaning dropped the line that holds the gold source ("Stated Stone:")."""
    if not a["source"]:
        return False
    at = a["source"][0][0]
    line = text[text.rfind("\n", 0, at) + 1 : len(text) if (e := text.find("\n", at)) < 0 else e]
    return line.strip() in cut or any(len(c) > 10 and c in line for c in cut)


def miss_cause(a: dict[str, Any], speaker: str | None, source_cut: bool = False) -> str:
    """What a wrong speaker is, told from its form alone, and whether the quote is a whole
    statement or a phrase in the writer's sentence: counts a set's errors by cause (``--causes``)
    without printing its texts, for a report set whose errors are not to be read."""
    shape = "statement" if (a["content_text"] or " ")[0] in MARKS else "embedded"
    gold = a["source_text"] or ""
    if gold.isupper() and len(gold.split()) > 2:
        return f"{shape}|gold-headline"
    if source_cut:
        return f"{shape}|source-line-cleaned-away"
    return f"{shape}|{_speaker_form(speaker, a['source_silver'])}"


def source_place(text: str, a: dict[str, Any]) -> str:
    """Where a quote's gold source lies from its statement, by paragraph (a non-empty line):
    in it, after it, or how many above, and whether the paragraph above ends with a colon
    and those between all open with a quote (a run of quote paragraphs): counts the format
    of a set's statements given no speaker without printing a text."""
    if not a["source"]:
        return "no-source"
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    source = _paragraph_at(paragraphs, a["source"][0][0])
    quote = _paragraph_at(paragraphs, min(s for s, _ in a["content"]))
    if quote == source:
        return _in_paragraph(a, paragraphs[quote])
    if quote < source:
        return "after"
    colon = text[slice(*paragraphs[source])].rstrip().endswith(":")
    run = all(text[s:e].lstrip()[:1] in MARKS for s, e in paragraphs[source + 1 : quote + 1])
    back = f"{quote - source}-above" if quote - source < 3 else "3+-above"
    return back + "-colon" * colon + "-run" * run


def _in_paragraph(a: dict[str, Any], paragraph: Span) -> str:
    """Where a source lies in its statement's paragraph: before or after it, how many
    characters away, whether it is written in capitals (a headline) and whether the paragraph
    is a long unbroken block (over 1,500 characters)."""
    (s, e), content = a["source"][0], a["content"]
    side = "before" if s < min(c for c, _ in content) else "after"
    gap = max(0, min(c for c, _ in content) - e, s - max(c for _, c in content))
    near = "near" if gap <= 40 else "mid" if gap <= 300 else "far"
    caps = "-caps" * (len(a["source_text"] or "") > 3 and a["source_text"].isupper())
    block = "-block" * (paragraph[1] - paragraph[0] > 1500)
    return f"same-paragraph-{side}-{near}{caps}{block}"


def _paragraph_at(paragraphs: list[Span], at: int) -> int:
    return next((n for n, (_, e) in enumerate(paragraphs) if at < e), len(paragraphs) - 1)


def _speaker_form(speaker: str | None, silver: str | None) -> str:
    if speaker is None:
        return "none"
    if speaker.lower() in PRONOUNS:
        return "pronoun"
    if not any(w[:1].isupper() for w in speaker.split()):
        return "common-noun"
    if content_words(speaker) & content_words(silver):
        return "silver-form"  # the person the coreference gives, as the gold does not write it
    return "other-name"


def causes(tally: Tally) -> list[str]:
    """The misses counted by ``miss_cause``, by kind, cause and publisher: counts only."""
    counts: dict[str, Counter[str]] = {}
    articles: Counter[str] = Counter()  # in how many articles, a cause one article's or broad
    for key, n in tally.items():
        if key.startswith("miss|"):
            _, kind, publisher, shape, what = key.split("|")
            counts.setdefault(f"{kind} {shape} {what}", Counter())[publisher] += n
        elif key.startswith("in|"):
            _, kind, shape, what, _ = key.split("|")
            articles[f"{kind} {shape} {what}"] += 1
    places = sorted((k.split("|", 1)[1], n) for k, n in tally.items() if k.startswith("place|"))
    return [
        f"{kind} statement none, source {place}: {n}"
        for kind_place, n in places
        for kind, place in [kind_place.split("|")]
    ] + [
        f"{cause}: {sum(c.values())} in {articles[cause]} articles "
        f"({', '.join(f'{p} {n}' for p, n in sorted(c.items()))})"
        for cause, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values()))
    ]


def _print(show: bool, article: Article, a: dict[str, Any], what: str, silver: str | None) -> None:
    if show:
        print(f"{article['name']} [{what}] gold={a['source_text']!r} silver={silver!r}")
        print(f"    {a['content_text'][:160]!r}")


# --- the README's text-only baseline -------------------------------------------------

NAME = r"(?:[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of|de|van|von))*)"
VERB = r"(?:said|says|told|added|asked|wrote|explained|noted|continued|replied|argued|stated)"
AFTER = re.compile(rf"^\W*(?:(?P<n1>{NAME}|he|she|they)\s+{VERB}|{VERB}\s+(?P<n2>{NAME}))")
BEFORE = re.compile(rf"(?P<n>{NAME}|\b[Hh]e|\b[Ss]he|\b[Tt]hey)\s+{VERB}\b[^\"“”]*$")
CAPITALISED = re.compile(NAME)
SENTENCE_START = {
    "The",
    "A",
    "An",
    "But",
    "And",
    "In",
    "It",
    "This",
    "That",
    "He",
    "She",
    "We",
    "I",
}


def paragraph_of(text: str, at: int) -> Span:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end < 0 else end


def baseline_speakers(article: Article) -> Iterator[tuple[dict[str, Any], str | None]]:
    """Each gold direct quote with the speaker the text-only rule gives it, in text order."""
    text, previous, last_named = article["text"], None, None
    quotes = sorted(filter(is_direct, article["attributions"]), key=lambda a: a["content"][0][0])
    for a in quotes:
        start, end = min(s for s, _ in a["content"]), max(e for _, e in a["content"])
        p_start, p_end = paragraph_of(text, start)
        speaker = _pattern_speaker(text[end:p_end], text[p_start:start])
        speaker = speaker or _last_name(text[p_start:start]) or previous
        if speaker and speaker.lower() in PRONOUNS:
            speaker = last_named
        elif speaker:
            last_named = speaker
        previous = speaker
        yield a, speaker


def _last_name(before: str) -> str | None:
    names = [m.group() for m in CAPITALISED.finditer(before) if m.group() not in SENTENCE_START]
    return names[-1] if names else None


def _pattern_speaker(after: str, before: str) -> str | None:
    found = AFTER.search(after)
    if found:
        return found.group("n1") or found.group("n2")
    found = BEFORE.search(before)
    return found.group("n") if found else None


# --- running ------------------------------------------------------------------------


def brief(article: Article, quotes_only: bool = False) -> Brief:
    """The brief of one article as the evaluator writes it, or (``quotes_only``) its quotes
    alone, from the same cleaning, segmentation and analysis without the other stages: a
    quarter of train in minutes on the shared cores, for rounds of error reading."""
    if quotes_only:
        from storybrief.analyze import StoryContext, run

        ctx = StoryContext.from_texts(article["text"])
        return Brief(articles=ctx.articles, quotes=run(ctx, "quotes"))  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / f"{article['name'][:60]}.txt").write_text(article["text"], encoding="utf-8")
        return storybrief.brief([folder], budget=None)  # no time budget: a score, not the load


def evaluate(
    articles: list[Article], show: str | None, quotes_only: bool = False, routes: bool = False
) -> Tally:
    tally: Tally = Counter()
    for article in articles:
        with traced() if routes else nullcontext([]) as passages:
            made = brief(article, quotes_only)
        cut = {r.line.strip() for a in made.articles for r in a.removed}
        found = locate(article, made, passages if routes else None)
        score_article(article, found, tally, show, cut)
        for a, speaker in baseline_speakers(article):
            _judged(tally, a, speaker, "base_", article, False)
    return tally


def _ratio(tally: Tally, hit: str, total: str) -> str:
    return f"{tally[hit] / tally[total]:.3f} ({tally[total]})" if tally[total] else "n/a"


def table(name: str, tally: Tally) -> list[str]:
    kinds = ("named", "nominal", "pronoun")

    def accuracy(prefix: str) -> str:
        right = sum(tally[f"{prefix}{k}_right"] for k in kinds)
        total = sum(tally[f"{prefix}{k}"] for k in kinds)
        return f"{right / total:.3f}" if total else "n/a"

    ours = [_ratio(tally, f"{k}_right", k) for k in kinds]
    base = [_ratio(tally, f"base_{k}_right", f"base_{k}") for k in kinds]
    return [
        f"| storybrief | {name} | {_ratio(tally, 'recalled', 'direct')} "
        f"| {_ratio(tally, 'long_recalled', 'long')} | {_ratio(tally, 'located_hit', 'located')} "
        f"| {' | '.join(ours)} | {accuracy('')} |",
        f"| baseline (all gold direct quotes) | {name} | | | | {' | '.join(base)} "
        f"| {accuracy('base_')} |",
    ]


def route_table(tally: Tally) -> list[str]:
    """Each route's matched quotes by the kind of gold source, right / judged, then its wrong
    speakers by cause (``miss_cause``: counts only, for a report set) (``--routes``)."""
    counts: dict[str, Counter[str]] = {}
    for key, n in tally.items():
        if key.startswith("route|"):
            _, route, kind, right = key.split("|")
            if right != "None":
                counts.setdefault(route, Counter())[kind] += n
                counts[route][f"{kind}_right"] += n * (right == "True")
    rows = ["| route | named | nominal | pronoun |", "|---|---:|---:|---:|"]
    for route, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        cells = [f"{c[f'{k}_right']}/{c[k]}" for k in ("named", "nominal", "pronoun")]
        rows.append(f"| {route} | {' | '.join(cells)} |")
    misses = sorted(
        (k.split("|", 2)[1:], n) for k, n in tally.items() if k.startswith("route_miss|")
    )
    return rows + [f"wrong by route: {route}, {cause}: {n}" for (route, cause), n in misses]


def _write_speakers(path: Path, tally: Tally) -> None:
    """Each matched gold quote's given speaker, one ``article|id|kind|right|speaker`` line in name
    order: two runs' files compared (``diff``) count the speakers a change moved, right to
    wrong as well as none to some, where the accuracy only gives the net."""
    said = sorted(key.removeprefix("said|") for key in tally if key.startswith("said|"))
    path.write_text("".join(f"{line}\n" for line in said), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = [DATA / "polnear_dev.json"]
    parser.add_argument("data", type=Path, nargs="*", default=default)
    parser.add_argument("--sample", type=int, default=1, help="every Nth article by name")
    parser.add_argument(
        "--offset",
        type=int,
        default=0,
        help="which of every --sample articles: with --sample 4, 0-3 are the train"
        " quarters q0-q3 (q0/q1 design, q2/q3 check); alone it skips K articles",
    )
    parser.add_argument("--show", choices=("misses", "speakers", "routes"))
    parser.add_argument("--quotes-only", action="store_true", help="skip the other stages")
    parser.add_argument("--causes", action="store_true", help="count misses by cause, no text")
    parser.add_argument("--speakers", type=Path, help="write each matched quote's speaker")
    parser.add_argument("--routes", action="store_true", help="count right speakers by route")
    parser.add_argument("--without", nargs="+", default=[], help="rules made to find nothing")
    args = parser.parse_args()
    rows = [
        "| system | data | recall (n) | long recall (n) | precision (n) | named (n) "
        "| nominal (n) | pronoun (judged) | all speakers |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for path in args.data:
        articles = json.loads(path.read_text(encoding="utf-8"))["articles"]
        articles = sorted(articles, key=lambda a: a["name"])[args.offset :: args.sample]
        name = f"{path.stem} ({len(articles)} articles)"
        with without(args.without):
            tally = evaluate(articles, args.show, args.quotes_only, args.routes)
        rows += table(name, tally)
        if args.routes:
            print("\n".join([f"routes of {name}:", *route_table(tally)]))
        if args.causes:
            print("\n".join([f"misses of {name}:", *causes(tally)]))
        if args.speakers:
            _write_speakers(args.speakers, tally)
    print("\n".join(rows))


if __name__ == "__main__":
    main()
