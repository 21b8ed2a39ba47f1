"""The story's headline: the title its articles support best, or one made from its lead.

A story read from pages or feeds has its articles' own titles. The one the
other articles support best heads the brief: the share of its content words
they carry (its own body when no other article tells the story), so an
off-story page's title, or a label read as a title ("text size"), loses to
the story's. A title the analysis found its own body does not support (a
``headline`` conflict) is never taken, nor one that is page furniture,
all capitals (a kicker) or of a lede's length. Ties go to the shorter
title, then the first in alphabetical order: never to the input order.

A story with no such title (plain text, wire copy) gets a headline made from
its lead: of the articles' opening sentences, the one whose words the rest of
the story carries most, cut to a headline's length at clause boundaries
(``shorten``). The summary is not read: which sentences it picks may follow
the order of the inputs, and a headline must not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from storybrief.clean.lines import Line
from storybrief.clean.text import furniture_why
from storybrief.models import Article, Brief
from storybrief.nlp.english import STOPWORDS
from storybrief.nlp.overlap import words
from storybrief.settings import HeadlineSettings
from storybrief.summarize.candidates import ANAPHORIC_OPENERS, trim, usable
from storybrief.summarize.shorten import Parse, shorten

_SUFFIX = re.compile(r"(?:'s|ing|ed|es|s)$")
_MIN_STEM = 5  # shorter words keep their ending: "news", "bus"
# Words that open a clause needing another: a headline cut down to one does not stand.
_SUBORDINATORS = frozenset("as when while if although though because since but and".split())
# A quotation, whoever says it, or the page talking to its reader.
_PERSONAL = frozenset("i we my our you your you've you're".split())
# ... and, anywhere outside quotation marks, a writer speaking for themself or to the reader
# ("Wanted to let you guys know I'm okay", a post): not a story's headline.
_VOICE = _PERSONAL | frozenset("i'm i’m i've i’ve me".split())
# An appeal for information ("Anyone with information … is encouraged to contact …"): news in
# a police story's body, a request to the reader as its headline.
_APPEAL = re.compile(
    r"\b(?:anyone|those|people|residents)\s+with\s+(?:any\s+)?information\b"
    r"|\b(?:is|are)\s+(?:asked|urged|encouraged)\s+to\s+(?:call|contact)\b",
    re.IGNORECASE,
)


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` that carry content, with plural and tense endings cut."""
    return frozenset(
        _SUFFIX.sub("", w) if len(w) >= _MIN_STEM else w
        for w in words(text)
        if w not in STOPWORDS and (len(w) > 1 or w.isdigit())
    )


def support(text_words: frozenset[str], others: list[frozenset[str]], power: float = 1.0) -> float:
    """How much of ``text_words`` the ``others`` carry: per word the share of them holding it,
    summed and divided by the number of words ** ``power`` (1: the mean share)."""
    if not text_words or not others:
        return 0.0
    # fsum: a plain sum's last bits follow the set's order, which follows the hash seed,
    # and a tie between two headlines must not. Each share is a count over a count, divided
    # as ``statistics.mean`` divides it (exactly, then rounded once) at a fraction of its cost.
    carried = math.fsum(sum(w in other for other in others) / len(others) for w in text_words)
    return carried / len(text_words) ** power


@dataclass
class _Story:
    """The usable articles' content words, and which of them are copies of which."""

    articles: dict[str, Article]
    words: dict[str, frozenset[str]]
    copies: dict[str, set[str]]

    @classmethod
    def of(cls, brief: Brief) -> _Story:
        copies: dict[str, set[str]] = {}
        for s in brief.syndication:
            copies.setdefault(s.copy, set()).add(s.original)
            copies.setdefault(s.original, set()).add(s.copy)
        articles = {a.id: a for a in brief.usable}
        return cls(articles, {i: content_words(a.body) for i, a in articles.items()}, copies)

    def others(self, own: Iterable[str]) -> list[frozenset[str]]:
        """The content words of each article that is not ``own`` nor a copy of one of them."""
        own = set(own)
        near = own | {c for a in own for c in self.copies.get(a, ())}
        return [words for i, words in self.words.items() if i not in near]

    def rest(self, article: str, text: str) -> list[frozenset[str]]:
        """The content words of ``article`` but for ``text``: the story of a lone article."""
        sentences = self.articles[article].sentences
        return [content_words(" ".join(s.text for s in sentences if trim(s.text) != text))]


def headline_of(
    brief: Brief, settings: HeadlineSettings | None = None, parse: Parse | None = None
) -> str | None:
    """The headline of ``brief``'s story; None when it has no usable article.

    ``parse`` is the spaCy pipeline a lead is cut with (``shorten``'s by default).
    """
    if not brief.usable:
        return None
    settings = settings or HeadlineSettings()
    story = _Story.of(brief)
    leads = _leads(brief, settings)
    whole = [lead for lead in leads if _stands_alone(lead.text)]
    # A story of nothing but furniture and fragments still gets one, as little of them as can be.
    return (
        _best_title(brief, story, settings, settings.min_support)
        or _from_lead(whole, story, settings, parse)
        or _best_title(brief, story, settings, 0.0)
        or _from_lead(leads, story, settings, parse)
    )


def _best_title(
    brief: Brief, story: _Story, settings: HeadlineSettings, min_support: float
) -> str | None:
    """The title the story's other articles support best, if they support it enough."""
    unsupported = {c.source for k in brief.conflicts if k.kind == "headline" for c in k.claims}
    scored = [
        (-score, len(title.split()), title)
        for article in brief.usable
        if (title := article.title)
        and article.id not in unsupported
        and _is_headline(title, settings)
        and (score := _title_support(article.id, title, story)) >= min_support
    ]
    return min(scored)[2] if scored else None


def _title_support(article: str, title: str, story: _Story) -> float:
    """The share of the title's words the other articles carry (its own body, if alone)."""
    return support(content_words(title), story.others([article]) or story.rest(article, ""))


def _is_headline(title: str, settings: HeadlineSettings) -> bool:
    """A title of a headline's length and shape: not a label, a kicker or furniture."""
    n = sum(any(c.isalnum() for c in w) for w in title.split())  # "New Zealand |" is two
    return (
        settings.min_words <= n <= settings.max_title_words
        and not title.isupper()
        and not title.rstrip().endswith((":", "-", "–", "—", "|"))  # a label, a dateline
        and not _is_furniture(title)
    )


def _is_furniture(text: str) -> bool:
    """Whether the cleaner would take ``text`` for furniture, read as a sentence.

    A headline has no final stop; without one, a short line that names the web
    ("… retweeted a tweet") would pass for a share bar's label. An appeal for
    information is the page asking its reader, too.
    """
    if _APPEAL.search(text):
        return True
    return furniture_why(Line(text if Line(text).is_sentence else f"{text}.")) is not None


@dataclass(frozen=True)
class _Lead:
    text: str
    article: str  # the article it is read from
    index: int  # its position in the article, from 0
    sources: frozenset[str]  # the articles it is in


def _from_lead(
    leads: list[_Lead], story: _Story, settings: HeadlineSettings, parse: Parse | None
) -> str | None:
    """A headline cut from the most central of ``leads``."""
    if not leads:
        return None

    def centrality(lead: _Lead) -> tuple[float, str]:
        others = story.others(lead.sources) or story.rest(lead.article, lead.text)
        score = support(content_words(lead.text), others, settings.length_power)
        # A news article opens on its news: the bonus halves with each sentence after the first.
        return score * (1 + settings.lead_bonus * 0.5**lead.index), lead.text

    # The most central lead whose cut reads as a headline; a parse may leave one that does not.
    ranked = sorted(leads, key=centrality, reverse=True)[: settings.tries]
    made = [shorten(lead.text, settings, parse) for lead in ranked]
    return next((h for h in made if _reads_as_headline(h, settings)), made[0])


def _leads(brief: Brief, settings: HeadlineSettings) -> list[_Lead]:
    """The opening sentences of the articles, a headline may be cut from one of: not the
    summary's, because which sentences it picks may follow the input order."""
    return [
        _Lead(text, article.id, sentence.index, frozenset([article.id]))
        for article in brief.usable
        for sentence in article.sentences[: settings.lead_sentences]
        if (text := trim(sentence.text))
    ]


def _stands_alone(text: str) -> bool:
    """A sentence a summary could quote (``candidates.usable``) that is no furniture."""
    return usable(text, words(text)) and not _is_furniture(text)


def _reads_as_headline(text: str, settings: HeadlineSettings) -> bool:
    """A cut lead of a title's length that does not open on a pronoun ("He wants …") or on
    a clause that needs another ("As Williams starts …"), nor speaks in the first or second
    person outside quotation marks."""
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    first = words[0].lower() if words else ""
    return (
        settings.min_words <= len(words) <= settings.max_title_words
        and first not in ANAPHORIC_OPENERS | _SUBORDINATORS | _PERSONAL
        and not _VOICE & set(Line(text).unquoted_words)
        and all(text.count(o) == text.count(c) for o, c in ("()", "[]"))
    )
