"""Summarize: the few sentences of a story's articles that best tell it, with sources.

The summary is extractive, so every sentence is one an outlet published and
can be cited: each carries the ids of all the articles that state its fact,
in the same words (near-identical copies, ``storybrief.nlp.overlap``) or in
others (the analysis's agreements that hold it or a copy), and the ids of
those sentences. Sentences are chosen by ``extractive.select``, which never
takes two that state one fact. The summary opens with the article of the
first sentence chosen, the one that tells most of the story, then follows
story order: by article date when articles have one, then by article text.
The articles are read in that order too, never in the order they came in, so
the same set of articles gives the same summary in any order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storybrief.models import Agreement, Article, Sentence, SummarySentence
from storybrief.nlp.encoders import Encoder
from storybrief.nlp.overlap import CopyIndex
from storybrief.settings import Weights
from storybrief.summarize.candidates import Candidate, collect_candidates, read_parses
from storybrief.summarize.descriptions import described
from storybrief.summarize.extractive import select
from storybrief.summarize.headline import content_words
from storybrief.summarize.names import Names, introductions

__all__ = ["summarize"]


def _distinct(
    pool: list[Candidate], index: CopyIndex, position: Mapping[str, int]
) -> list[Candidate]:
    """The pool without later copies of a sentence it already holds.

    Each candidate kept notes the positions of the articles carrying it
    (``position`` gives them by article id).
    """
    seen: set[str] = set()
    out: list[Candidate] = []
    for candidate in pool:
        if candidate.sentence.id not in seen:
            copies = index.copies(candidate.sentence)
            out.append(candidate)
            seen.update(s.id for s in copies)
            candidate.carried_by = frozenset(
                {candidate.article, *(position[s.article] for s in copies)}
            )
    return out


def story_order(articles: list[Article]) -> list[Article]:
    """``articles`` in an order that does not depend on the order they were given in.

    Dated articles first, oldest first, then by text: the same articles always
    come out in the same order.
    """
    return sorted(articles, key=lambda a: (a.published is None, a.published or "", a.body, a.id))


def summarize(
    articles: list[Article],
    words: int,
    *,
    copy_index: CopyIndex | None = None,
    disputed: Mapping[str, list[str]] | None = None,
    weights: Weights | None = None,
    encoder: Encoder | None = None,
    agreements: Sequence[Agreement] = (),
) -> list[SummarySentence]:
    """At most ``words`` words (whitespace-separated) of the articles' best sentences.

    Skipped articles are ignored. The same articles give the same summary, in
    any order. ``copy_index``, if given, must index exactly the usable
    articles' sentences: the analysis of the story builds it, and the summary
    reads it. ``disputed`` gives, by sentence id, the topics of the conflicts
    a sentence takes a side in (``analyze.conflicts.disputed_sentences``): a
    summary sentence is marked with those of its own, its copies' and the
    sentences whose own fact (``_Facts.of``) is its fact.
    ``agreements`` are the facts the analysis found several articles state
    (``Brief.agreements``): no two sentences of one enter, and the one that
    does cites them all. ``encoder`` embeds the sentences compared
    (``WordLlama`` by default).
    """
    usable = story_order([a for a in articles if a.ok])
    index = copy_index
    if index is None:
        index = CopyIndex(s for a in usable for s in a.sentences)
    facts = _Facts(index, agreements, usable)
    position = {a.id: n for n, a in enumerate(usable)}
    pool = _distinct(collect_candidates(usable), index, position)
    names = Names(s.text for s in facts.sentence.values())
    _introduced(pool, usable, names)
    chosen = _read_selection(
        pool, words, weights, encoder, [facts.of(c.sentence) for c in pool], names
    )
    return _shown(_story_order(chosen, usable), names, facts, disputed or {})


def _read_selection(
    pool: list[Candidate],
    words: int,
    weights: Weights | None,
    encoder: Encoder | None,
    facts: list[frozenset[int]],
    names: Names,
) -> list[Candidate]:
    """``select``'s picks, each read in its parse (``read_parses``), chosen again while a
    pick turns out to be no sentence or to lean on the one before it.

    Only picks are parsed: the batch path parses nothing else. Each round reads
    new picks only and a reading never changes back, so the rounds end.
    """
    while True:
        chosen = select(pool, words, weights, encoder, facts, names)
        unread = [c for c in chosen if not c.parsed]
        leaning = [c.leans for c in unread]
        read_parses(unread)
        if all(c.clause and c.leans == was for c, was in zip(unread, leaning, strict=True)):
            return chosen


def _introduced(pool: list[Candidate], usable: list[Article], names: Names) -> None:
    """Note on each candidate the earlier sentence of its article that introduces
    someone it names bare (``names.introductions``) or the noun of a definite
    description it holds (``descriptions.described``), which it must follow: the
    later of the two where both are."""
    articles = [[s.text for s in a.sentences] for a in usable]
    told = [(c.article, c.sentence.index, c.text) for c in pool]
    found = zip(introductions(names, articles, told), described(articles, told), strict=True)
    for candidate, indices in zip(pool, found, strict=True):
        candidate.antecedent = max((i for i in indices if i is not None), default=None)


def _shown(
    told: list[Candidate], names: Names, facts: _Facts, disputed: Mapping[str, list[str]]
) -> list[SummarySentence]:
    """The summary's sentences, each name given in full at its first bare mention, cited."""
    texts = names.introduce([c.text for c in told])
    return [_cited(c, text, facts, disputed) for c, text in zip(told, texts, strict=True)]


def _story_order(chosen: list[Candidate], usable: list[Article]) -> list[Candidate]:
    """The chosen sentences in the order the summary tells them."""
    # The first pick is the sentence that tells most of the story: it opens the
    # summary, followed by what its article says next (so "He denied ..." stays
    # after the sentence naming him), then the other articles in story order.
    lede = chosen[0].article if chosen else None
    return sorted(chosen, key=lambda c: (c.article != lede, c.article, c.sentence.index))


class _Facts:
    """The sentences that state a sentence's fact: its copies and its agreements' sentences."""

    def __init__(
        self, index: CopyIndex, agreements: Sequence[Agreement], usable: list[Article]
    ) -> None:
        self.index = index
        self.agreements = [frozenset(a.sentence_ids) for a in agreements]
        self.wording = [content_words(a.text) for a in agreements]
        self.sentence = {s.id: s for a in usable for s in a.sentences}
        self.rank = {s.id: (n, s.index) for n, a in enumerate(usable) for s in a.sentences}

    def of(self, sentence: Sentence) -> frozenset[int]:
        """The number of the agreement that states ``sentence``'s fact, if one does.

        Of the agreements that hold it or a copy, the one whose wording is
        nearest its own: a sentence of two facts can sit in the agreements of
        both, and its own is the one it says most of.
        """
        if not self.agreements:  # the batch path: no analysis, and a copy lookup costs
            return frozenset()
        ids = {sentence.id, *(s.id for s in self.index.copies(sentence))}
        holding = [n for n, held in enumerate(self.agreements) if ids & held]
        if len(holding) <= 1:
            return frozenset(holding)
        own = content_words(sentence.text)
        nearness = {n: _jaccard(own, self.wording[n]) for n in holding}
        return frozenset([max(holding, key=lambda n: (nearness[n], -n))])

    def carriers(self, sentence: Sentence) -> list[Sentence]:
        """The other sentences that state ``sentence``'s fact, in story order."""
        found = {s.id: s for s in self.index.copies(sentence)}
        for n in self.of(sentence):
            found.update((i, self.sentence[i]) for i in self.agreements[n] if i in self.sentence)
        found.pop(sentence.id, None)
        return sorted(found.values(), key=lambda s: self.rank.get(s.id, (len(self.rank), 0)))

    def own(self, sentence: Sentence, carriers: list[Sentence]) -> list[str]:
        """The ids of ``sentence`` and of those ``carriers`` whose own fact is its fact.

        An agreement can hold a sentence of two facts, or one of another fact
        told next to it: such a carrier cites the fact, but what it disputes
        is its own fact's dispute, not this sentence's. A copy is the fact itself.
        """
        fact = self.of(sentence)
        copies = {s.id for s in self.index.copies(sentence)}
        kept = [s.id for s in carriers if s.id in copies or (fact and self.of(s) == fact)]
        return [sentence.id, *kept]


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(len(a | b), 1)


def _cited(
    candidate: Candidate, text: str, facts: _Facts, disputed: Mapping[str, list[str]]
) -> SummarySentence:
    """A chosen sentence, shown as ``text``, with every article stating its fact, and disputes."""
    carriers = facts.carriers(candidate.sentence)
    telling = facts.own(candidate.sentence, carriers)
    return SummarySentence(
        text=text,
        sources=sorted({candidate.sentence.article, *(s.article for s in carriers)}),
        sentence_ids=[candidate.sentence.id, *(s.id for s in carriers)],
        disputed=list(dict.fromkeys(t for i in telling for t in disputed.get(i, []))),
    )
