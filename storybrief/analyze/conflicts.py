"""Conflicts: claims on one subject that cannot all be true, each side attributed.

Two kinds are found. Figures: two sentences count the same thing (same
measure, or the same owner's people — "Iranian Revolutionary Guards",
"Tehran had sent a ... force" — or simply the same subject by sentence
vectors) with ranges that cannot meet. A sentence's figures are also tried
summed, so parts and totals (40,000 + 500,000 vs "at least 540,000") and
vague amounts ("hundreds" vs "hundreds") are not reported. Denials: a
sentence that denies ("he denied", "dismissed reports", "never dispatched")
what a figure claim of the group reports joins that conflict, and so does a
plain report of the same event the denial answers.
"""

from __future__ import annotations

from itertools import combinations

from spacy.tokens import Doc, Token

from storybrief.analyze.entities import Names
from storybrief.analyze.lexicon import entity_of
from storybrief.analyze.numbers import Figure, agree, figures
from storybrief.analyze.speakers import attribution
from storybrief.analyze.story import Story
from storybrief.models import Claim, Conflict, Sentence

SAME_SUBJECT = 0.5  # sentence similarity that makes two figures count one thing
SAME_OWNER = 0.35  # the same, for figures counting the same owner's people
DENIAL_JOINS = 0.55  # similarity of a denial to a figure claim of the conflict
REPORT_JOINS = 0.6  # similarity of an attributed report without a figure
_DENY = {"deny", "dismiss", "reject", "refute"}
_OWNER_DEPS = {"amod", "compound", "poss", "nsubj"}


def _owner(doc: Doc, figure: Figure, names: Names) -> str | None:
    """Whose things a figure counts: "130 Iranian Guards" → iran, "ISIS has ..." → isis."""
    counted = doc[figure.start]
    while counted.dep_ in {"nummod", "quantmod", "amod", "advmod", "compound"} and (
        counted.head != counted
    ):
        counted = counted.head  # "a 2,000-strong advance force" → force
    candidates: list[Token] = [c for c in counted.children if c.dep_ in _OWNER_DEPS]
    for prep in (c for c in counted.children if c.lower_ == "of"):
        for obj in prep.children:
            candidates += [obj, *(c for c in obj.children if c.dep_ in _OWNER_DEPS)]
    if counted.dep_ in {"dobj", "attr"}:
        candidates += [c for c in counted.head.children if c.dep_ == "nsubj"]
    for candidate in candidates:
        owner = entity_of(candidate.text, names)
        if owner:
            return owner
    return None


def _ranges(figs: list[Figure]) -> list[tuple[float, float]]:
    """Each figure's range, and the sum of those counting the same thing."""
    out = [(f.low, f.high) for f in figs]
    if len(figs) > 1:
        out.append((sum(f.low for f in figs), sum(f.high for f in figs)))
    return out


def denies(doc: Doc) -> bool:
    """Whether the sentence denies an event: "denied ... had sent", "never dispatched"."""
    for token in doc:
        if token.lemma_ in _DENY and any(
            c.dep_ in {"ccomp", "dobj"} and c.pos_ in {"VERB", "NOUN"} for c in token.children
        ):
            return True
        if token.dep_ == "neg" and token.head.pos_ == "VERB" and token.head.lemma_ != "rule":
            return True
    return False


def _claim(story: Story, sentence: Sentence, names: Names, value: float | None) -> Claim:
    return Claim(
        text=sentence.text,
        source=sentence.article,
        attributed_to=attribution(story, sentence, names),
        value=value,
        sentence_id=sentence.id,
    )


def find_conflicts(story: Story, names: Names) -> list[Conflict]:
    """Conflicting claims grouped by subject, the most claims first."""
    found: list[tuple[Sentence, Figure, str | None]] = []
    for sentence in story.sentences:
        doc = story.docs[sentence.id]
        found += [(sentence, f, _owner(doc, f, names)) for f in figures(doc)]
    groups: list[dict[str, Claim]] = []
    for (s1, f1, o1), (s2, f2, o2) in combinations(found, 2):
        # One article does not contradict itself on a figure; a copy repeats it.
        if s1.article == s2.article or s2.id in {c.id for c in story.copies.copies(s1)}:
            continue
        measured = {f1.unit, f2.unit} & {"km", "m", "%"}
        if measured and f1.unit != f2.unit:
            continue
        # The same owner's people need less of the rest of the sentence in common.
        needed = SAME_OWNER if o1 is not None and o1 == o2 else SAME_SUBJECT
        if (o1 and o2 and o1 != o2) or story.similarity(s1, s2) < needed:
            continue
        r1 = _ranges([f for s, f, _ in found if s.id == s1.id and f.unit == f1.unit])
        r2 = _ranges([f for s, f, _ in found if s.id == s2.id and f.unit == f2.unit])
        if any(agree(a, b) for a in r1 for b in r2):
            continue
        claims = {s.id: _claim(story, s, names, f.value) for s, f in ((s1, f1), (s2, f2))}
        merged = [g for g in groups if set(g) & set(claims)]
        for g in merged:
            groups.remove(g)
            claims = {**g, **claims}
        groups.append(claims)
    for group in groups:
        _add_denials(story, names, group)
    conflicts = [
        Conflict(topic=_topic(story, group), claims=list(group.values())) for group in groups
    ]
    conflicts.sort(key=lambda c: (-len(c.claims), c.claims[0].sentence_id or ""))
    return conflicts


def _add_denials(story: Story, names: Names, group: dict[str, Claim]) -> None:
    """Denials of what the group's figure claims report, and reports of it without a figure."""
    figure_claims = [story.by_id[i] for i in group]
    for s in story.sentences:
        if s.id in group:
            continue
        closest = max(story.similarity(s, c) for c in figure_claims)
        if denies(story.docs[s.id]):
            if closest >= DENIAL_JOINS:
                group[s.id] = _claim(story, s, names, None)
        elif closest >= REPORT_JOINS and not figures(story.docs[s.id]):
            claim = _claim(story, s, names, None)
            if claim.attributed_to:
                group[s.id] = claim


def _topic(story: Story, group: dict[str, Claim]) -> str:
    """What the claims disagree about: the noun counted by the most figures."""
    units = [
        f.unit for sid in group for f in figures(story.docs[sid]) if f.unit not in {"km", "m", "%"}
    ]
    return max(set(units), key=lambda u: (units.count(u), u)) if units else "denied report"
