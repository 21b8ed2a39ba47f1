"""What a conflict detector is, and what every detector makes: claims, merged by what they are over.

A detector is anything with a ``kind``, ``takes_side`` and ``detect(ctx)``;
each detector module is one (``storybrief.analyze.conflicts.DETECTORS``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, Protocol, TypeVar

from storybrief.analyze.context import StoryContext
from storybrief.analyze.speakers import attribution
from storybrief.models import Claim, Conflict, ConflictKind, Sentence

Key = TypeVar("Key", bound=Hashable)


class Detector(Protocol):
    """One kind of conflict, found on its own signal."""

    # The ``kind`` of every conflict it finds, and the name of its warnings' stage.
    kind: ConflictKind
    # Whether a claim of its conflicts is a side a reader must not take as
    # established (summary sentences carrying it are marked disputed).
    takes_side: bool

    def detect(self, ctx: StoryContext) -> list[Conflict]:
        """The story's conflicts of this kind."""
        ...


def claim(ctx: StoryContext, sentence: Sentence, value: float | None = None) -> Claim:
    """One side: the sentence, its article, who it is attributed to, and the figure it gives."""
    return Claim(
        text=sentence.text,
        source=sentence.article,
        attribution=attribution(ctx, sentence, ctx.names),
        value=value,
        sentence_id=sentence.id,
    )


class Merged(Generic[Key]):
    """Conflicts of one kind gathered by what they are over: one conflict per key.

    A detector finds conflicts pair by pair; a pair over what an earlier pair
    was over (the same two names, the same thing and parties) adds its
    sentences to that conflict, each sentence once, and the topic stays the
    first pair's.
    """

    def __init__(self, ctx: StoryContext, kind: ConflictKind) -> None:
        self._ctx = ctx
        self._kind = kind
        self._found: dict[Key, Conflict] = {}

    def add(self, key: Key, topic: str, sentences: Iterable[Sentence]) -> None:
        """Each of ``sentences`` as a claim of the conflict over ``key``."""
        conflict = self._found.setdefault(key, Conflict(topic, [], self._kind))
        ids = {c.sentence_id for c in conflict.claims}
        conflict.claims += [claim(self._ctx, s) for s in sentences if s.id not in ids]

    def conflicts(self) -> list[Conflict]:
        """The conflicts in the order their first pair was found."""
        return list(self._found.values())
