"""Every sentence the model wrote, checked against the evidence it cites.

A generated sentence is kept as written only when one item of its evidence
carries it whole (``unit_of``; a cited item first, failing them any other, as
a small model often cites its neighbour): every number and every name, a
negation where it negates (and none dropped where the evidence negates a word
it repeats), ``unit_support`` of its content words (stemmed; words of
reporting such as "said" or "according" are the sentence's glue, not its
facts), no connector ("after", "because") that item lacks, who does what as
the item has it and nothing it only plans, expects or supposes stated as done
(``roles.py``). A sentence that joins facts of two items is where a small
model changes how they relate ("had an abortion after discovering …" turned
into another act after the same discovery), so it is not kept as written,
even when each fact is right. A sentence that is not supported is replaced by
the extracted summary sentence it paraphrases, or dropped. A kept sentence
that rests on one side of a conflict keeps that conflict's disputed mark.
(``unit`` off: the previous check, content words from up to ``max_added``
more items.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import reduce

from storybrief.analyze import lexicon
from storybrief.analyze.numbers import NUMBER_WORDS
from storybrief.llm.prompt import Evidence
from storybrief.llm.roles import Doers, evidence_doers, swapped
from storybrief.models import SummarySentence
from storybrief.nlp.english import STOPWORDS
from storybrief.nlp.overlap import words as words_of
from storybrief.segment import split_sentences
from storybrief.settings import LLMSettings

# Words a brief uses to attribute and connect facts; they state none.
GLUE = frozenset(
    """said says say saying told tell tells according report reports reported reportedly
    also however meanwhile including added adding stated claim claims claimed claiming
    source sources outlet outlets article articles dispute disputed disputes conflicting
    agree agreed agrees while amid""".split()
)
# Words that tie two facts into a relation: one the evidence must state too, not one the
# model draws between two facts it read apart ("had an abortion after discovering …").
CONNECTORS = frozenset(
    """after before because since following due despite although though prompting leading
    sparking until unless thereby therefore whereas""".split()
)
# Negations as ``words_of`` splits a text: "cannot" stays one word (spaCy splits it), "didn't"
# too (``_negates`` reads its ending); "without" drops what follows ("released without
# charge"), which a generated sentence must not drop or add either.
NEGATIONS = lexicon.NEGATIONS | {"cannot", "without"}
_NUMBER_WORDS = {w: str(n) for w, n in NUMBER_WORDS.items()}
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"\b[A-Z][\w']*")  # "Shia-dominated": only "Shia" is a name
_MARKER = re.compile(r"\s*\[\s*(E\d+(?:\s*[,;]?\s*E?\d+)*)\s*\]([.!?]?)")
_LABEL = re.compile(r"\d+")
_SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "es", "s", "ly")
_PREFIX = 6  # letters two forms of one word share: "evacuated", "evacuation"


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _keys(word: str) -> set[str]:
    word = word.removesuffix("'s")
    return {_stem(word), word[:_PREFIX]} if len(word) > _PREFIX else {_stem(word)}


def _numbers(text: str) -> set[str]:
    found = {n.replace(",", "") for n in _NUMBER.findall(text)}
    return found | {_NUMBER_WORDS[w] for w in words_of(text) if w in _NUMBER_WORDS}


def joined(sentence: str, source: str) -> list[str]:
    """The connectors of ``sentence`` that ``source`` lacks: relations the model drew."""
    words = set(words_of(source))
    return [w for w in dict.fromkeys(words_of(sentence)) if w in CONNECTORS and w not in words]


def _negates(word: str) -> bool:
    return word in NEGATIONS or word.endswith("n't")


def _content(word: str) -> bool:
    return word not in STOPWORDS and word not in GLUE and not word.isdigit() and len(word) > 1


@dataclass(frozen=True)
class Support:
    """What a stretch of evidence carries, in the forms a sentence is matched on."""

    keys: frozenset[str]
    numbers: frozenset[str]
    negation: bool
    negated: frozenset[str] = frozenset()  # keys of the words right after a negation

    def __or__(self, other: Support) -> Support:
        return Support(
            self.keys | other.keys,
            self.numbers | other.numbers,
            self.negation or other.negation,
            self.negated | other.negated,
        )


def support_of(text: str) -> Support:
    tokens = words_of(text)
    negated: set[int] = set()  # positions of the words right after a negation
    for n, word in enumerate(tokens):
        if _negates(word):
            after = [m for m in range(n + 1, min(n + 4, len(tokens))) if _content(tokens[m])]
            negated |= set(after[:1])
    keys = set().union(*(_keys(w) for w in tokens)) if tokens else set()
    # A word one of the evidence's sentences negates and another states plainly ("he denied
    # Iran had sent troops"; "troops would not be sent") may be repeated plainly.
    plain = set().union(*(_keys(w) for n, w in enumerate(tokens) if n not in negated), set())
    only_negated = set().union(*(_keys(tokens[n]) for n in negated), set()) - plain
    return Support(
        frozenset(keys),
        frozenset(_numbers(text)),
        any(map(_negates, tokens)),
        frozenset(only_negated),
    )


@dataclass(frozen=True)
class Statement:
    """What a generated sentence states: content words, names, numbers, a negation."""

    words: tuple[str, ...]
    names: tuple[str, ...]
    numbers: frozenset[str]
    negation: bool
    # The content words of who it says said it ("Malaysia's police chief announced …").
    speaker: tuple[str, ...] = ()


# "<speaker> said …" opening a sentence, or "…, according to <speaker>"; a short speaker only.
_SAID = re.compile(
    r"^\W*((?:\S+\s+){0,5}?\S+)\s+(?:said|says|told|announced|stated|claimed|reported|added)\b"
    r"|according to ([^,.;]+)",
    re.I,
)


def _speaker(sentence: str) -> tuple[str, ...]:
    found = _SAID.search(sentence)
    who = (found.group(1) or found.group(2)) if found else ""
    return tuple(w for w in words_of(who) if _content(w))


def statement_of(sentence: str) -> Statement:
    tokens = words_of(sentence)
    sentence = sentence.replace("’", "'")
    # A capital in the first word is the sentence's, not a name's.
    start = len(sentence) - len(sentence.lstrip("\"'“‘ "))
    names = [m.group() for m in _NAME.finditer(sentence) if m.start() != start]
    return Statement(
        tuple(w for w in tokens if _content(w) and w not in _NUMBER_WORDS),
        tuple(n.casefold() for n in names if n.casefold() not in STOPWORDS),
        frozenset(_numbers(sentence)),
        any(map(_negates, tokens)),
        _speaker(sentence),
    )


def _known(word: str, support: Support) -> bool:
    return bool(_keys(word) & support.keys)


def _negation_gaps(statement: Statement, support: Support) -> list[str]:
    """A negation the support lacks, or one it has on a word the statement repeats plainly."""
    if statement.negation:
        return [] if support.negation else ["a negation"]
    stems = set().union(*map(_keys, statement.words)) if statement.words else set()
    return ["the negation of a word it repeats"] if stems & support.negated else []


def hard_gaps(statement: Statement, support: Support) -> list[str]:
    """The numbers, names and negations of ``statement`` that ``support`` lacks."""
    missing = [f"number {n}" for n in sorted(statement.numbers - support.numbers)]
    missing += [f"name {n}" for n in statement.names if not _known(n, support)]
    return missing + _negation_gaps(statement, support)


def unsupported(statement: Statement, support: Support, settings: LLMSettings) -> list[str]:
    """What ``statement`` says that ``support`` does not; empty when it is supported."""
    missing = hard_gaps(statement, support)
    unknown = [w for w in statement.words if not _known(w, support)]
    if len(unknown) > (1 - settings.min_support) * len(statement.words):
        missing += [f"word {w}" for w in unknown]
    return missing


@dataclass
class Checked:
    """The verified summary, and how many of the model's sentences it could not keep."""

    text: str = ""  # what the model wrote
    sentences: list[SummarySentence] = field(default_factory=list)
    written: int = 0
    replaced: int = 0
    dropped: int = 0
    unused: int = 0  # supported or replaced, but past the word budget or a repeat


def _ended(sentence: str) -> str:
    sentence = sentence.rstrip()
    return sentence if sentence[-1:] in '.!?"”' else sentence + "."


def parse(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """The model's sentences, markers removed, each with the labels it cites (maybe none)."""
    text = re.sub(r"[*#_`]+", "", text)  # markdown a chat model adds unasked
    out: list[tuple[str, tuple[str, ...]]] = []
    position = 0
    for marker in _MARKER.finditer(text):
        labels = tuple(f"E{n}" for n in _LABEL.findall(marker.group(1)))
        pieces = list(filter(None, split_sentences(text[position : marker.start()].strip(" ."))))
        position = marker.end()
        if pieces:  # only the last sentence before a marker cites it
            out += [(p, ()) for p in pieces[:-1]] + [(_ended(pieces[-1]), labels)]
        elif out:  # a second bracket: more labels for the same sentence
            out[-1] = (out[-1][0], out[-1][1] + labels)
    # Text after the last marker: uncited sentences, the last one cut by the token limit
    # unless it ends as a sentence does.
    tail = split_sentences(text[position:].strip())
    out += [(s, ()) for s in tail if _ended(s) == s.rstrip()]
    return [(s.strip(), tuple(dict.fromkeys(labels))) for s, labels in out if words_of(s)]


EMPTY = Support(frozenset(), frozenset(), False)


def _gaps(statement: Statement, support: Support) -> set[str]:
    """The words, names and numbers of ``statement`` that ``support`` lacks."""
    words = {w for w in (*statement.words, *statement.names) if not _known(w, support)}
    return words | (statement.numbers - support.numbers)


class _Checker:
    """Checks sentences against one story's evidence, each item's support read once."""

    def __init__(self, evidence: list[Evidence], settings: LLMSettings) -> None:
        self.evidence = evidence
        self.settings = settings
        self.support = {e.label: support_of(e.support) for e in evidence}
        self._doers: dict[str, Doers] = {}

    def swapped(self, sentence: str, items: list[Evidence]) -> list[str]:
        """Who ``sentence`` says did what, where ``items`` give the act to someone else."""
        if not self.settings.roles:
            return []
        doers = Doers()
        for item in items:
            if item.label not in self._doers:
                self._doers[item.label] = evidence_doers([item.support])
            doers.merge(self._doers[item.label])
        return swapped(sentence, doers)

    def supporting(
        self, sentence: str, statement: Statement, cited: list[Evidence]
    ) -> list[Evidence] | None:
        """The items that support ``sentence`` as written: with ``unit`` on, the one item
        that carries it whole and draws no other relation; else those that carry its words."""
        if self.settings.unit:
            unit = self.unit_of(statement, cited)
            items = None if unit is None or joined(sentence, unit.support) else [unit]
        else:
            items = self.evidence_for(statement, cited)
        return None if items is None or self.swapped(sentence, items) else items

    def _union(self, items: list[Evidence]) -> Support:
        return reduce(Support.__or__, (self.support[e.label] for e in items), EMPTY)

    def _filled(self, gaps: set[str], item: Evidence) -> int:
        support = self.support[item.label]
        return sum(g in support.numbers or _known(g, support) for g in gaps)

    def _grown(
        self, statement: Statement, items: list[Evidence], first: list[Evidence]
    ) -> list[Evidence] | None:
        """``items`` and the items that fill the most of the statement's gaps (those of
        ``first`` on a tie), up to ``max_added`` + 1 in all, until they support it."""
        while len(items) <= self.settings.max_added + 1:
            support = self._union(items)
            if items and not unsupported(statement, support, self.settings):
                return items
            gaps = _gaps(statement, support)
            others = [e for e in self.evidence if e not in items]
            best = max(others, key=lambda e: (self._filled(gaps, e), e in first), default=None)
            if best is None or not self._filled(gaps, best):
                return None
            items = [*items, best]
        return None

    def evidence_for(self, statement: Statement, cited: list[Evidence]) -> list[Evidence] | None:
        """The fewest items that support ``statement``, its names and numbers from one place.

        Names, numbers and negations must all be in the items it cites that
        carry it or, when those fail (a small model often cites its
        neighbour), in one other item: a name found anywhere in the story is
        how one person's words get pinned on another. Of many citations only
        the few that carry the sentence count, so a name cannot come from a
        far one. Content words may come from up to ``max_added`` more items.
        """
        items = self._grown(statement, [], cited) if cited else None
        if items is None or hard_gaps(statement, self._union([e for e in items if e in cited])):
            items = self._from_one(statement, cited)
        return items if items and self._said_by(statement, items[0]) else None

    def _from_one(self, statement: Statement, cited: list[Evidence]) -> list[Evidence] | None:
        """The support grown from the one uncited item that carries most of the statement."""
        words = set(statement.words) | set(statement.names) | statement.numbers
        ranked = sorted(self.evidence, key=lambda e: -self._filled(words, e))
        for item in (e for e in ranked if e not in cited):
            if not hard_gaps(statement, self.support[item.label]):
                return self._grown(statement, [item], [])
        return None

    def unit_of(self, statement: Statement, cited: list[Evidence]) -> Evidence | None:
        """The one item that carries the sentence whole: its every name, number and negation,
        its speaker and ``unit_support`` of its content words; the fewest words missing, a
        cited item first on a tie. None: the sentence joins facts of several items."""
        allowed = (1 - self.settings.unit_support) * len(statement.words)
        ranked = []
        for n, item in enumerate(self.evidence):
            support = self.support[item.label]
            if hard_gaps(statement, support) or not self._said_by(statement, item):
                continue
            unknown = sum(not _known(w, support) for w in statement.words)
            if unknown <= allowed:
                ranked.append((unknown, item not in cited, n))
        return self.evidence[min(ranked)[2]] if ranked else None

    def _said_by(self, statement: Statement, item: Evidence) -> bool:
        """Whether the item that carries most of a sentence names the speaker it gives."""
        return all(_known(w, self.support[item.label]) for w in statement.speaker)

    def paraphrased(self, statement: Statement, cited: list[Evidence]) -> Evidence | None:
        """The extracted summary sentence ``statement`` shares most words with, if enough."""
        best, share = None, self.settings.paraphrase
        for item in cited or self.evidence:
            if item.extracted is None or not statement.words:
                continue
            known = sum(_known(w, self.support[item.label]) for w in statement.words)
            if known / len(statement.words) >= share:
                best, share = item, known / len(statement.words)
        return best

    def disputed(self, statement: Statement, items: list[Evidence]) -> list[str]:
        """The conflicts a sentence takes a side in: its items', or those whose figure it states."""
        topics = {t: None for e in items for t in e.disputed}
        for e in self.evidence:
            if e.section == "disputed" and statement.numbers & self.support[e.label].numbers:
                topics.update(dict.fromkeys(e.disputed))
        return list(topics)


def _written(sentence: str, items: list[Evidence], disputed: list[str]) -> SummarySentence:
    ids = list(dict.fromkeys(i for e in items for i in e.sentence_ids))
    sources = list(dict.fromkeys(a for e in items for a in e.sources))
    return SummarySentence(sentence, sources, ids, disputed=disputed, verified=True, evidence=ids)


def _standing_in(item: Evidence) -> SummarySentence:
    assert item.extracted is not None
    s = item.extracted
    return SummarySentence(
        s.text, s.sources, s.sentence_ids, list(s.disputed), verified=False, evidence=s.sentence_ids
    )


def _checked(checker: _Checker, sentence: str, cited: list[Evidence]) -> SummarySentence | None:
    """The sentence as written if supported, else the extracted one it paraphrases, else None."""
    statement = statement_of(sentence)
    whole = len(sentence.split()) >= checker.settings.min_words
    items = checker.supporting(sentence, statement, cited) if whole and statement.words else None
    if items is not None:
        return _written(sentence, items, checker.disputed(statement, items))
    item = checker.paraphrased(statement, cited)
    return None if item is None else _standing_in(item)


def verified_summary(
    text: str, evidence: list[Evidence], settings: LLMSettings, *, words: int
) -> Checked:
    """The model's ``text`` as summary sentences that their evidence supports, within ``words``."""
    checker = _Checker(evidence, settings)
    by_label = {e.label: e for e in evidence}
    checked, used = Checked(text), 0
    for sentence, labels in parse(text):
        checked.written += 1
        out = _checked(checker, sentence, [by_label[x] for x in labels if x in by_label])
        if out is None:
            checked.dropped += 1
            continue
        checked.replaced += out.verified is False
        length = len(out.text.split())
        if any(s.text == out.text for s in checked.sentences) or used + length > words:
            checked.unused += 1  # the same extracted sentence twice, or past the budget
            continue
        checked.sentences.append(out)
        used += length
    return checked
