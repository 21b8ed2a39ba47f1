"""Conflicts: claims on one subject that cannot all be true, each side attributed.

Each kind is found by its own detector module, on its own signal:

- ``figures``: attributed figures of different outlets counting one thing
  with ranges that cannot meet, with the denials and reports that join them.
- ``existence``: "there were no contacts" against "there are (may well be)
  contacts", between the same two parties.
- ``detail``: one statement told word for word but for one name in one
  place, the two names not both true.
- ``state``: a person still held (at large) against released (arrested).
- ``place``: one thing found in two places.
- ``denial``: one outlet reports a claim as true, another calls it a hoax,
  false or fabricated, or denies it.
- ``blame``: a party denies being behind an act ("denied any
  responsibility") that another outlet lays on it ("an attack by North
  Korean agents").
- ``rebuttal``: a party's account answered, in the next sentence of the same
  article, by another party's contrary one ("However, X said ...").
- ``debunk``: an outlet a learned scorer rates as debunking (a hoax, a
  satire; a claim called false; an opening denial) against another's lead
  sentence on the same matter, where the rules of ``denial`` match no claim.
- ``headline``: a title states as fact what its own body reports only as
  conditional, hedged or negated.

A detector is a module with a ``kind``, ``takes_side`` and ``detect(ctx)``
(``base.Detector``); ``DETECTORS`` lists them in the order their conflicts
are reported; a fallback detector (``fallback = True``:
``debunk``) keeps only what no earlier conflict tells. Each runs inside its
own error boundary, so one failing costs only its own conflicts.
"""

from __future__ import annotations

from storybrief.analyze.context import StoryContext
from storybrief.models import Conflict

from . import (
    blame,
    debunk,
    denial,
    detail,
    existence,
    figures,
    headline,
    place,
    rebuttal,
    state,
)
from .base import Detector

DETECTORS: tuple[Detector, ...] = (
    figures,
    existence,
    detail,
    state,
    place,
    denial,
    blame,
    rebuttal,
    debunk,
    headline,
)


def find_conflicts(ctx: StoryContext) -> list[Conflict]:
    """Every detector's conflicts, in the order of ``DETECTORS``.

    A detector that fails is named in the story's warnings (stage
    ``conflicts.<kind>``) and the others' conflicts are kept.
    """
    conflicts: list[Conflict] = []
    for detector in DETECTORS:
        with ctx.guard(f"conflicts.{detector.kind}"):
            found = detector.detect(ctx)
            fallback = getattr(detector, "fallback", False)
            if fallback:
                found = [n for c in found if (n := _new_part(c, conflicts)) is not None]
            conflicts += found
    return conflicts


def _new_part(conflict: Conflict, earlier: list[Conflict]) -> Conflict | None:
    """What a fallback's conflict tells that the earlier ones do not: its first claim (the
    side it is anchored on: the debunk) against the claims of the articles no earlier
    conflict sets against that claim's article; none when no such claim is left, or when
    every side is one an earlier conflict holds."""
    # Pruned per article, not dropped whole: one earlier pair of reporting outlets (a denial
    # between two copies of one report) used to drop a debunk set against every outlet.
    told = {c.sentence_id for e in earlier for c in e.claims}
    facing = set().union(*(_facing(e) for e in earlier))
    anchor, *rest = conflict.claims
    kept = [c for c in rest if (anchor.source, c.source) not in facing]
    if not kept or all(c.sentence_id in told for c in [anchor, *kept]):
        return None
    return Conflict(conflict.topic, [anchor, *kept], conflict.kind)


def _facing(conflict: Conflict) -> set[tuple[str, str]]:
    """The pairs of articles a conflict sets against each other."""
    sources = {c.source for c in conflict.claims}
    return {(a, b) for a in sources for b in sources if a != b}


def disputed_sentences(conflicts: list[Conflict]) -> dict[str, list[str]]:
    """The topics of the conflicts each sentence takes a side in, by sentence id.

    A conflict's claims are sides unless its detector says they are not
    (``takes_side``): the body's side of a headline-versus-body conflict is
    what the article reports, not a side the outlets dispute.
    """
    sides = {detector.kind: detector.takes_side for detector in DETECTORS}
    topics: dict[str, list[str]] = {}
    for conflict in conflicts:
        if not sides.get(conflict.kind, True):
            continue
        # A sentence telling both sides of an exchange is two claims of one conflict.
        for sentence_id in dict.fromkeys(c.sentence_id for c in conflict.claims if c.sentence_id):
            topics.setdefault(sentence_id, []).append(conflict.topic)
    return topics
