"""Which route named each quote's speaker, for ``bench/polnear.py --routes``.

The product code is left as it is: while ``traced()`` is open, the speaker finders of
``storybrief.analyze.speakers`` and the paragraph-level routes of ``storybrief.analyze.quotes``
are wrapped so that each passage records the route that gave it its speaker, e.g.
``next:verb_introducer>stranded_subject>hung_on_quote`` (a finder of the sentence after the
statement, through the inner rule that found the name) or ``runs_on`` (the quote before it
went on). A route's precision is then counted on the gold quotes it reached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from storybrief.analyze import context, quotes, speakers

# The finders ``speakers.speaker_of`` tries in turn: the last one to find a token gave it.
FINDERS = (
    "_according_to", "_verb_introducer", "_as_clause", "_colon_introducer", "_named_actor",
    "_handed_to", "_opens_after_statement", "_dash_signed",
)  # fmt: skip
# Rules inside the finders, named in a route when they found the finder's token.
INNER = (
    "_hung_on_quote", "_stranded_subject", "_apposed_name", "_compound_name",
    "_reduced_subject", "_inverted_subject", "_agent", "_conjunct_subject",
    "_name_read_as_modal", "_caption_name", "_lead_in", "_colon_subject", "_cited",
    "_name_then_verb", "_verb_then_name", "_described", "_signs_alone",
)  # fmt: skip
# Paragraph-level routes that hand a passage a speaker found elsewhere.
NEARBY = ("_named_next", "_signed", "_carried")

_hits: list[tuple[str, Any]] = []


def _recording(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        found = original(*args, **kwargs)
        if found is not None and found is not False:
            _hits.append((name.lstrip("_"), found))
        return found

    return wrapper


def route_of(hits: list[tuple[str, Any]], place: str) -> str:
    """The route of a speaker from the calls that found something, in return order: the last
    finder won (those before it found no one who may speak), with the inner rules that
    returned its token (``_signs_alone`` returns a flag: kept when it came last)."""
    finders = [n for n, (name, _) in enumerate(hits) if f"_{name}" in FINDERS]
    if not finders:
        return f"{place}:?"
    name, token = hits[finders[-1]]
    start = finders[-2] + 1 if len(finders) > 1 else 0
    inner = [n for n, t in hits[start : finders[-1]] if t is True or _same(t, token)]
    return f"{place}:{'>'.join([name, *inner])}"


def _same(found: Any, token: Any) -> bool:
    return not isinstance(found, bool) and found == token


def _place(story: Any, sentence: Any, span: tuple[int, int]) -> str:
    """Which sentence named the speaker: the quote's own, the next, or a colon line before."""
    if span[0] < 0:
        return "next"
    return "before" if span[0] >= len(story.docs[sentence.id]) else "own"


def _traced_speaker_of(original: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(story: Any, sentence: Any, span: tuple[int, int], names: Any) -> Any:
        _hits.clear()
        found = original(story, sentence, span, names)
        if found is not None:
            _hits.append(("=route", route_of(list(_hits), _place(story, sentence, span))))
        return found

    return wrapper


def _traced_passage_speaker(original: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(story: Any, passage: Any, chars: Any, names: Any) -> Any:
        _hits.clear()
        found = original(story, passage, chars, names)
        routes = [r for name, r in _hits if name == "=route"]
        passage.route = routes[-1] if found is not None and routes else None
        return found

    return wrapper


def _from(route: str, origin: Any) -> str:
    """A handed-on route with the route of the passage it took its speaker from, once: a
    run of statements names its first one's route ("runs_on<next:dash_signed")."""
    given = getattr(origin, "route", None) if origin is not None else None
    if not given:
        return route
    return given if given.startswith(f"{route}<") else f"{route}<{given}"


def _traced_runs_on(original: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(story: Any, passage: Any, previous: Any) -> bool:
        runs = bool(original(story, passage, previous))
        if runs and previous.speaker is not None:
            passage.route = _from("runs_on", previous)
        return runs

    return wrapper


def _traced_nearby(name: str, original: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(story: Any, *args: Any) -> None:
        passages = [p[0] if isinstance(p, tuple) else p for p in args[-1]]
        before = [p.speaker for p in passages]
        original(story, *args)
        for n, (passage, had) in enumerate(zip(passages, before, strict=True)):
            if had is None and passage.speaker is not None:
                given = passages[n + 1] if name == "_named_next" else None
                passage.route = _from(name.lstrip("_"), given)

    return wrapper


def _traced_passages(original: Callable[..., Any], seen: list[Any]) -> Callable[..., Any]:
    def wrapper(*args: Any) -> Any:
        found = original(*args)
        seen.extend(found)
        return found

    return wrapper


@contextmanager
def traced() -> Iterator[list[Any]]:
    """Wraps the routes while open; yields the list the reported passages are added to, each
    with a ``route`` (``None`` when it has no speaker)."""
    seen: list[Any] = []
    patches = [(speakers, n, _recording(n, getattr(speakers, n))) for n in FINDERS + INNER]
    patches += [
        (quotes, "speaker_of", _traced_speaker_of(quotes.speaker_of)),
        (quotes, "_passage_speaker", _traced_passage_speaker(quotes._passage_speaker)),
        (quotes, "_runs_on", _traced_runs_on(quotes._runs_on)),
        (quotes, "article_passages", _traced_passages(quotes.article_passages, seen)),
    ]
    patches += [(quotes, n, _traced_nearby(n, getattr(quotes, n))) for n in NEARBY]
    saved = [(module, name, getattr(module, name)) for module, name, _ in patches]
    for module, name, wrapper in patches:
        setattr(module, name, wrapper)
    try:
        yield seen
    finally:
        for module, name, original in saved:
            setattr(module, name, original)


def passage_route(passages: list[Any], text: str, speaker: str | None) -> str:
    """The route of the passage of ``text`` that gave its quote ``speaker``."""
    if speaker is None:
        return "none"
    routes = [getattr(p, "route", None) for p in passages if p.text == text]
    return next((r for r in routes if r), "grouped")


@contextmanager
def without(rules: list[str]) -> Iterator[None]:
    """Each named rule of the quotes analysis (a function of ``speakers``, ``quotes`` or
    ``context``, e.g. ``_signs_alone`` or ``_split_stuck_quotes``) made to find nothing while
    open: ``--without`` runs diffed (``--speakers``) count what a rule changes, where
    ``--routes`` sees only the speakers it gave."""
    modules = [m for r in rules for m in (speakers, quotes, context) if hasattr(m, r)]
    if len(modules) != len(rules):
        raise SystemExit(f"no such rule among {rules}")
    saved = [(m, r, getattr(m, r)) for m, r in zip(modules, rules, strict=True)]
    for module, rule, _ in saved:
        setattr(module, rule, lambda *args, **kwargs: None)
    try:
        yield
    finally:
        for module, rule, original in saved:
            setattr(module, rule, original)
