"""Fuzz the readers and the brief with hypothesis, a large budget of cases per target.

Usage: PYTHONPATH=. .venv/bin/python tests/hostile_fuzz.py [--cases 100000] [--brief-cases 300]
       [--only decode,feeds,...] [--seed 13]

Each target gets ``--cases`` generated inputs (the brief, a second or more a
case, ``--brief-cases``); an input fails when the target raises anything but
its documented refusal or takes over ``SLOW`` seconds. Prints a Markdown
table: cases run, failures, the slowest case; the first failure of each
target is printed, shrunk, to become a regression test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from storybrief.clean import clean
from storybrief.ingest import parse_jsonl
from storybrief.ingest.decode import NotText, decode
from storybrief.ingest.feeds import NotAFeed, parse_feed
from storybrief.models import Article, Text
from storybrief.pipeline import brief_of, read
from storybrief.segment import split_sentences

SLOW = 10.0  # seconds: a case slower than this is a hang in the making
PROGRESS = 1000  # cases between two progress lines on stderr
_MARKUP = list("<>&[]()`*_|\\\"'“”\n\r\t\x00\x01\x0b.!?…{}:,")
TEXT = st.text(st.one_of(st.characters(codec="utf-8"), st.sampled_from(_MARKUP)), max_size=600)
TAGS = st.sampled_from(["p", "div", "article", "h1", "title", "script", "a", "br", "svg", "meta"])


@st.composite
def html(draw: st.DrawFn) -> str:
    """A page of random nesting, tags, attributes and text."""
    parts = ["<html><head><title>", draw(TEXT), "</title></head><body>"]
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(TAGS)
        parts.append(draw(st.sampled_from([f"<{tag}>", f"</{tag}>", f"<{tag} x='{tag}'>"])))
        parts.append(draw(TEXT))
    return "".join(parts)


@st.composite
def feed(draw: st.DrawFn) -> bytes:
    items = "".join(
        f"<item><title>{draw(TEXT)}</title><link>{draw(TEXT)}</link>"
        f"<description>{draw(TEXT)}</description></item>"
        for _ in range(draw(st.integers(0, 4)))
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


JSON_VALUE = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=10,
)
JSONL_LINE = st.one_of(
    JSON_VALUE.map(json.dumps),
    st.builds(lambda t, i: json.dumps({"id": i, "text": t}), TEXT, JSON_VALUE),
    TEXT,
)


def _decode(data: bytes) -> None:
    with contextlib.suppress(NotText):
        decode(data)


def _clean_text(text: str) -> None:
    clean([Article(id="f", source="f", raw=text)])


def _clean_html(page: str) -> None:
    clean([Article(id="f", source="f", kind="html", raw=page)])


def _feed(data: bytes) -> None:
    with contextlib.suppress(NotAFeed):
        parse_feed(data)


def _jsonl(lines: list[str]) -> None:
    list(parse_jsonl("\n".join(lines), Path("fuzz.jsonl")))


def _brief(texts: list[str]) -> None:
    brief_of(read([Text(t) for t in texts]))


class _ParseOnce:
    """The spaCy pipeline with each text's parse kept: the brief's cases share their
    story's sentences, and parsing them again would be most of a case's time. Only the
    hostile text spliced in is new to each case; the fuzzed code is all that reads it."""

    def __init__(self, nlp: Language, keep: int = 20_000) -> None:
        self.nlp, self.keep = nlp, keep
        self.docs: dict[str, Doc] = {}

    def pipe(self, texts: Iterable[str], **_: object) -> Iterator[Doc]:
        # A full parse serves a reader that disables part of the pipeline (``parse_syntax``).
        texts = list(texts)
        new = [t for t in dict.fromkeys(texts) if t not in self.docs]
        if len(self.docs) + len(new) > self.keep:  # bounded: a long run's memory stays flat
            self.docs.clear()
        self.docs.update(zip(new, self.nlp.pipe(new), strict=True))
        return (self.docs[t] for t in texts)

    def __call__(self, text: str) -> Doc:
        return next(self.pipe([text]))

    def __getattr__(self, name: str) -> object:  # the rest of the pipeline's interface
        return getattr(self.nlp, name)


def parse_once() -> None:
    """Route every parse of the process through ``_ParseOnce`` (``analyze.context.nlp``)."""
    from storybrief.analyze import context

    cached = _ParseOnce(context.nlp())
    context.nlp = lambda: cached  # type: ignore[assignment]  # the harness' own pipeline


# An English story with hostile text spliced in: the brief must get past cleaning to be
# tested. Tiny, so that a case is mostly the hostile text: two sentences and its reverse.
_STORY = (
    "The harbour bridge will close for six weeks from Monday, the city council said. "
    "“We cannot take any risk,” said the chief engineer, Maria Lopez."
)
SHORT = st.text(st.one_of(st.characters(codec="utf-8"), st.sampled_from(_MARKUP)), max_size=120)
BRIEF_TEXT = st.lists(
    st.builds(lambda a, b: f"{a}\n\n{_STORY} {b} {_STORY[::-1]}", SHORT, SHORT),
    min_size=1,
    max_size=3,
)
TARGETS: dict[str, tuple[Callable[..., None], st.SearchStrategy[object]]] = {
    "decode": (_decode, st.binary(max_size=4000)),
    "clean": (_clean_text, TEXT),
    "segment": (lambda text: split_sentences(text), TEXT),
    "html": (_clean_html, html()),
    "feeds": (_feed, feed() | st.binary(max_size=2000)),
    "jsonl": (_jsonl, st.lists(JSONL_LINE, max_size=5)),
    "brief": (_brief, BRIEF_TEXT),
}


@dataclass
class Tally:
    cases: int = 0
    slowest: float = 0.0
    failures: list[str] = field(default_factory=list)


def fuzz(name: str, cases: int, rng: int) -> Tally:
    """Run ``cases`` inputs through the target ``name``; the first failure is kept, shrunk."""
    target, strategy = TARGETS[name]
    tally = Tally()

    @seed(rng)
    @settings(
        max_examples=cases,
        deadline=None,
        database=None,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def case(data: object) -> None:
        tally.cases += 1
        started = time.monotonic()
        target(data)
        took = time.monotonic() - started
        tally.slowest = max(tally.slowest, took)
        if tally.cases % PROGRESS == 0:  # a long run shows how far it got, if it must be stopped
            print(f"  {name}: {tally.cases:,} cases", file=sys.stderr, flush=True)
        assert took < SLOW, f"took {took:.1f} s"

    try:
        case()
    except Exception as error:  # the target's failure, shrunk: reported, then the next target
        tally.failures.append(f"{type(error).__name__}: {str(error)[:300]}")
    return tally


def main() -> None:
    # Extraction libraries log each page they give up on; the table is the report.
    logging.disable(logging.CRITICAL)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--brief-cases", type=int, default=300)
    parser.add_argument("--only", default=",".join(TARGETS))
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    parse_once()
    _brief([_STORY])  # load the models: the first brief's seconds are not a case's
    print("| target | cases | failures | slowest case s | time s |\n|---|---|---|---|---|")
    for name in args.only.split(","):
        started = time.monotonic()
        tally = fuzz(name, args.brief_cases if name == "brief" else args.cases, args.seed)
        took = time.monotonic() - started
        print(
            f"| {name} | {tally.cases:,} | {len(tally.failures)} | {tally.slowest:.2f} "
            f"| {took:.0f} |",
            flush=True,
        )
        for failure in tally.failures:
            print(f"  first failure of {name}: {failure}", flush=True)


if __name__ == "__main__":
    main()
