"""Which outlets debunk what the others report: a debunk in one outlet's lead, set against
another outlet's lead sentence on the same matter.

A debunking outlet says so up front ("a marine biologist has killed off claims
that a giant crab is living on the Kent coast - insisting the image is
probably a well-doctored hoax"); a reporting outlet tells the claim in its
lead. So an article whose first ``ConflictSettings.debunk_lead`` sentences
call a story untrue (a verdict word, ``lexicon.DEBUNK_VERDICTS``: a hoax, a
prank, a satire; or another word of ``lexicon.DEBUNK_CUES`` or a negated
truth, "no evidence", said of a report: "the claims are false") is set against each
article whose lead calls nothing untrue: the sides are the debunk sentence
and that article's lead sentence most like it, if the two are about one
matter (they share a name, or their cosine reaches ``Cosines.debunk_report``).
The cues and thresholds were chosen on the FNC-1 dev stories' tune half
(``bench/fnc1.py``) and checked for false alarms on the unlabelled Multi-News
and DUC dev clusters (``bench/analysis.py --unlabelled``). The rule-based
``denial`` detector, run first, finds the claim a sentence denies; this one is
the fallback when the words that tell the claim differ too much for it.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from storybrief.analyze.context import StoryContext
from storybrief.analyze.independence import told_independently
from storybrief.analyze.lexicon import DEBUNK_CUES, DEBUNK_VERDICTS, NEGATED_TRUTHS, REPORTS
from storybrief.models import Conflict, ConflictKind, Sentence

from .base import Merged

kind: ConflictKind = "debunk"
takes_side = True
# Its conflicts are kept only where no earlier detector's tell them (``find_conflicts``):
# a denial the rules matched, or a figure dispute a denial joined, is told better there.
fallback = True


def _pattern(phrases: frozenset[str]) -> re.Pattern[str]:
    """Whole words or phrases, any of ``phrases`` (a trailing ``*``: any ending)."""
    alternatives = sorted(re.escape(p).replace(r"\*", r"\w*") for p in phrases)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b")


# Words that call a story untrue whatever they are said of.
_VERDICT = _pattern(DEBUNK_VERDICTS)
# Words that call something untrue when said of a report: a debunk word, a negated truth.
# Not a denial ("denied claims that its troops massacred ..."): the ``denial`` rules find the
# claim it denies; set against other outlets' leads by likeness alone, it took every lead on
# the same people for the denied claim (unlabelled DUC dev clusters).
_CALLS_UNTRUE = (_pattern(DEBUNK_CUES - DEBUNK_VERDICTS), _pattern(NEGATED_TRUTHS))
# What a debunk word must be said of, unless a verdict. Not "news", which names the media
# ("attacking the fake and fraudulent news media") more than one claim.
_REPORTS = REPORTS - {"news"}
# A phrase with a cue word that calls nothing untrue: "made up his mind" (``lowered`` drops
# it before the cues are read).
_NOT_CALLING = re.compile(r"\bmade up (?:his|her|their|its|my|our|your) minds?\b")


def lowered(text: str) -> str:
    """A text as the cues are read in: lower case, one apostrophe, no phrase that calls
    nothing untrue."""
    # Blanked, not cut: a cue's place in the text is its place in the parse.
    text = text.lower().replace("`", "'").replace("’", "'")
    return _NOT_CALLING.sub(lambda m: " " * len(m.group()), text)


def calls_untrue(doc: Doc) -> bool:
    """Whether a parsed sentence calls a story untrue: a verdict word, or another cue said of
    a report ("the claims are false", "no evidence for the claim"); a question asks, and
    calls nothing."""
    if doc.text.rstrip().endswith("?"):
        return False
    text = lowered(doc.text)
    return bool(_VERDICT.search(text)) or any(
        _said_of_report(doc, m.start(), m.end()) for p in _CALLS_UNTRUE for m in p.finditer(text)
    )


def _said_of_report(doc: Doc, start: int, end: int) -> bool:
    """Whether the cue at ``start:end`` of a sentence is said of a report: one is the cue's
    word or its head, a dependent of either, or the object of such a dependent's preposition."""
    cue = doc.char_span(start, end, alignment_mode="expand")
    if cue is None:
        return False
    near = {t for word in cue for t in (word, word.head)}
    near |= {child for t in list(near) for child in t.children}
    near |= {g for t in list(near) if t.dep_ == "prep" for g in t.children}
    return any(t.lemma_.lower() in _REPORTS for t in near)


def detect(ctx: StoryContext) -> list[Conflict]:
    """Per debunking outlet, one conflict: its debunk against the leads of the outlets that
    report the matter plainly."""
    leads, debunks = _leads(ctx)
    reports = [leads[a] for a in sorted(leads) if not debunks[a]]
    merged: Merged[str] = Merged(ctx, kind)
    for debunker in sorted(a for a in debunks if debunks[a]):
        for sides in _pairs(ctx, debunks[debunker], reports):
            merged.add(debunker, _topic(ctx, sides[1]), sides)
    return merged.conflicts()


def _leads(ctx: StoryContext) -> tuple[dict[str, list[Sentence]], dict[str, list[Sentence]]]:
    """Each article's lead (``ConflictSettings.debunk_lead`` sentences) and the sentences of
    it that call something untrue, by article id (articles with no sentence left out)."""
    size = ctx.settings.conflicts.debunk_lead
    leads = {a.id: [s for s in a.sentences if s.index < size] for a in ctx.articles}
    leads = {a: lead for a, lead in leads.items() if lead}
    debunks = {a: [s for s in lead if calls_untrue(ctx.docs[s.id])] for a, lead in leads.items()}
    return leads, debunks


def _pairs(
    ctx: StoryContext, debunks: list[Sentence], reports: list[list[Sentence]]
) -> list[tuple[Sentence, Sentence]]:
    """A debunker's sides against each report's lead that tells its matter, the report most
    like the debunk first (its words are the conflict's topic)."""
    found = [_sides(ctx, debunks, lead) for lead in reports]
    return sorted(filter(None, found), key=lambda p: _closeness(ctx, p), reverse=True)


def _sides(
    ctx: StoryContext, debunks: list[Sentence], lead: list[Sentence]
) -> tuple[Sentence, Sentence] | None:
    """Of a debunker's debunk sentences and a reporter's lead sentences, the most alike pair
    about one matter, told independently, if any."""
    pairs = [
        (d, r)
        for d in debunks
        for r in lead
        if told_independently(ctx, d, r) and _one_matter(ctx, d, r)
    ]
    return max(pairs, key=lambda p: _closeness(ctx, p), default=None)


def _closeness(ctx: StoryContext, sides: tuple[Sentence, Sentence]) -> tuple[float, str, str]:
    """How alike a debunk and a report are, ties broken by their ids (any input order)."""
    return ctx.similarity(*sides), sides[0].id, sides[1].id


def _one_matter(ctx: StoryContext, debunk: Sentence, report: Sentence) -> bool:
    """Whether a debunk is about what a report tells: a name both give, or close meaning."""
    return bool(_names(ctx, debunk) & _names(ctx, report)) or (
        ctx.similarity(debunk, report) >= ctx.cosines.debunk_report
    )


def _names(ctx: StoryContext, sentence: Sentence) -> set[str]:
    """The proper-noun words of a sentence, lower-cased."""
    return {t.text.lower() for t in ctx.docs[sentence.id] if t.pos_ == "PROPN"}


def _topic(ctx: StoryContext, report: Sentence) -> str:
    """What is disputed: the report's words, cut, "— reported, and called untrue"."""
    words = report.text.split()[: ctx.settings.conflicts.denial_topic_words]
    return " ".join(words).rstrip(" ,;:.") + " — reported, and called untrue"
