"""What the model is shown: the story's evidence, each item under the marker it must cite.

The evidence is what the extractive brief already found: its summary
sentences, the facts several outlets agree on, both sides of each conflict
with who claims them, and the key quotes. Each item is labelled ``E1``,
``E2``, … (a short marker costs the small model fewer tokens than a sentence
id) and keeps the sentence ids it stands for, which the JSON reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storybrief.analyze import disputed_sentences
from storybrief.analyze.conflicts import DETECTORS
from storybrief.llm.backends import Prompt
from storybrief.models import Brief, Claim, Conflict, SummarySentence
from storybrief.settings import LLMSettings


@dataclass(frozen=True)
class Evidence:
    """One item of evidence: the marker the model cites, what it is shown, what it is checked on."""

    label: str
    text: str  # as the model reads it
    sentence_ids: tuple[str, ...]
    sources: tuple[str, ...]  # article ids
    support: str  # the item's text, its full source sentences and its speaker
    disputed: tuple[str, ...] = ()  # topics of the conflicts it takes a side in
    extracted: SummarySentence | None = None  # the summary sentence it is, if one
    section: str = "facts"


def _article(sentence_id: str) -> str:
    return sentence_id.rsplit(":", 1)[0]


class _Collector:
    """Evidence items in the order they are added, labelled ``E1``, ``E2``, …"""

    def __init__(self, brief: Brief) -> None:
        self.texts = {s.id: s.text for a in brief.articles for s in a.sentences}
        self.disputed = disputed_sentences(brief.conflicts)
        self.items: list[Evidence] = []

    def add(
        self, text: str, ids: list[str], section: str, *, said_by: str = "", **extra: Any
    ) -> None:
        if any(e.text == text for e in self.items):  # outlets repeat sentences word for word
            return
        topics = {t: None for i in ids for t in self.disputed.get(i, [])}
        support = [said_by, text, *(self.texts[i] for i in ids if i in self.texts)]
        item = {
            "sources": tuple(dict.fromkeys(_article(i) for i in ids)),
            "disputed": tuple(topics),
            **extra,
        }
        label = f"E{len(self.items) + 1}"
        self.items.append(
            Evidence(
                label, text, tuple(ids), support=" ".join(support).strip(), section=section, **item
            )
        )


def _sides(conflict: Conflict) -> list[Claim]:
    """Its claims, one per claimant first: each side's voices before one side's repeats."""
    first: dict[str | None, Claim] = {}
    for claim in conflict.claims:
        first.setdefault(claim.attributed_to, claim)
    return [*first.values(), *(c for c in conflict.claims if c not in first.values())]


def _disputes(brief: Brief, settings: LLMSettings) -> list[Conflict]:
    """The conflicts between outlets: not a headline against its own body, which takes no side."""
    sides = {detector.kind: detector.takes_side for detector in DETECTORS}
    return [c for c in brief.conflicts if sides.get(c.kind, True)][: settings.max_conflicts]


def evidence_of(brief: Brief, settings: LLMSettings) -> list[Evidence]:
    """The brief's evidence, summary first, in a fixed order: same brief, same prompt."""
    found = _Collector(brief)
    for s in brief.summary:
        found.add(s.text, s.sentence_ids, "facts", extracted=s, sources=tuple(s.sources))
    for a in brief.agreements[: settings.max_agreements]:
        found.add(a.text, a.sentence_ids, "agreed")
    for conflict in _disputes(brief, settings):
        for claim in _sides(conflict)[: settings.max_claims]:
            who = claim.attributed_to or "one outlet"  # in its own voice
            ids = [claim.sentence_id] if claim.sentence_id else []
            text = f"({conflict.topic}) according to {who}: {claim.text}"
            found.add(text, ids, "disputed", said_by=who, disputed=(conflict.topic,))
    for quote in brief.quotes[: settings.max_quotes]:
        speaker = quote.speaker or "someone"
        found.add(f'{speaker}: "{quote.text}"', quote.sentence_ids, "quotes", said_by=speaker)
    return found.items


_SECTIONS = {
    "facts": "Facts from the articles:",
    "agreed": "Facts several outlets agree on:",
    "disputed": "Claims the sources dispute (never state one as settled; say who claims it):",
    "quotes": "Quotes:",
}

SYSTEM = (
    "You write short, factual news briefs. You use only the facts given in the evidence:"
    " never a name, number or detail of your own."
)


def prompt_of(evidence: list[Evidence], words: int) -> Prompt:
    """The task: a brief of at most ``words`` words, each sentence ending in its markers."""
    lines = ["Evidence about one news story, each item under its id."]
    for section, heading in _SECTIONS.items():
        items = [e for e in evidence if e.section == section]
        if items:
            lines += ["", heading, *(f"[{e.label}] {e.text}" for e in items)]
    lines += [
        "",
        f"Write a brief of this story in plain prose, at most {words} words. Use your own"
        " words, but keep every fact, name and number exactly as the evidence gives it."
        " End every sentence with the ids of the evidence it rests on, in brackets,"
        " like [E2] or [E1][E4]. Write only the brief.",
    ]
    return Prompt(SYSTEM, "\n".join(lines))
