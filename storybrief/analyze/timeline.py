"""Timeline: the story's dated events in order, each cited to the sentences that date it.

News copy dates events relative to its own publication ("on Saturday",
"yesterday"), so a date expression (spaCy's DATE entities) is resolved against
the article's date: a weekday is the latest such day on or before it, "last
Friday" too, "next Friday" the first after it; a month and day take its year.
A weekday other than "next Friday" dates an event only in a clearly past clause
("closed Monday", not "closes Monday", which may be the coming Monday: the
summary reads it the same way, ``nlp.tense``).
An article with no date of its own is read against the newest date of the
story's other articles, and its events are marked ``estimated``: a story's
articles are usually days apart, not weeks, but the reader should know. A full
date ("14 June 2014") or a year ("since 2003") needs no anchor. Spans and
vague times ("this week", "for decades", "2003-2011") name no point in time and
are left out.

A sentence is an event only if it can stand alone (the summarizer's test), and
sentences dated alike that say the same thing (close vectors or copies) are
one event citing all their articles.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

from storybrief.analyze.context import StoryContext
from storybrief.clean.dates import MONTH_NAMES, WEEKDAYS, parse_date, weekday_before
from storybrief.models import Event, Sentence
from storybrief.nlp.overlap import words
from storybrief.nlp.tense import dates_back
from storybrief.summarize.candidates import trim, usable

# Links by which a date qualifies a noun or a side clause rather than the main event.
_SIDE_LINKS = {"relcl", "acl", "appos", "amod", "compound", "nummod", "poss", "nmod"}
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_PARTS_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_LEAD = r"^(?:on|in|since|by|until|earlier|later|late|early|from)?\s*"
_WEEKDAY = re.compile(
    rf"{_LEAD}(?P<rel>last|next|this)?\s*(?P<day>{'|'.join(WEEKDAYS)})(?:'s)?{_PARTS_OF_DAY}$"
)
_RELATIVE = re.compile(rf"{_LEAD}(?P<word>{'|'.join(_DAY_WORDS)})(?:'s)?{_PARTS_OF_DAY}$")
_THIS_PART = re.compile(rf"{_LEAD}this\s+(?:morning|afternoon|evening)$")
# A weekday may name the day a month and day give ("on Tuesday, March 5"): the date is theirs.
_MONTH_DAY = re.compile(
    rf"{_LEAD}(?:(?:{'|'.join(WEEKDAYS)}),?\s+)?(?:(?P<m1>{'|'.join(MONTH_NAMES)})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{'|'.join(MONTH_NAMES)}))$"
)
_MONTH_YEAR = re.compile(rf"{_LEAD}(?P<month>{'|'.join(MONTH_NAMES)}),?\s+(?P<year>(?:19|20)\d\d)$")
_YEAR = re.compile(rf"{_LEAD}(?:the\s+)?(?P<year>(?:19|20)\d\d)(?:'s)?$")
# A sentence dated: (date, whether estimated, the date expression, the sentence).
_Dated = tuple[str, bool, str, Sentence]


def resolve(expression: str, anchor: date | None) -> str | None:
    """The date an expression names, as ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; None if none."""
    text = " ".join(expression.casefold().split())
    found = _absolute(text)
    if found is not None or anchor is None:
        return found
    return _relative(text, anchor)


def _absolute(text: str) -> str | None:
    """The date a full date, a month and year or a year names, with no anchor."""
    if (full := parse_date(text)) and re.fullmatch(rf"{_LEAD}[\w ,.]+", text):
        return full
    if m := _MONTH_YEAR.match(text):
        return f"{m['year']}-{MONTH_NAMES.index(m['month']) + 1:02d}"
    if m := _YEAR.match(text):
        return m["year"]
    return None


def _relative(text: str, anchor: date) -> str | None:
    """The day an expression names relative to ``anchor``: "yesterday", "on Friday"."""
    if m := _RELATIVE.match(text):
        return (anchor + timedelta(days=_DAY_WORDS[m["word"]])).isoformat()
    if _THIS_PART.match(text):
        return anchor.isoformat()
    if m := _WEEKDAY.match(text):
        if m["rel"] == "next":
            back = (anchor.weekday() - WEEKDAYS.index(m["day"])) % 7
            return (anchor + timedelta(days=(7 - back) or 7)).isoformat()
        return weekday_before(m["day"], anchor, last=m["rel"] == "last").isoformat()
    if m := _MONTH_DAY.match(text):
        month = MONTH_NAMES.index(m["m1"] or m["m2"]) + 1
        return _month_day(month, int(m["d1"] or m["d2"]), anchor)
    return None


def _month_day(month: int, day: int, anchor: date) -> str | None:
    """The date of a month and day nearest before or after ``anchor``."""
    try:
        when = date(anchor.year, month, day)
    except ValueError:
        return None
    # "December 30" in a January article is last year's.
    if when - anchor > timedelta(days=180):
        when = when.replace(year=anchor.year - 1)
    return when.isoformat()


def _anchor(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def find_timeline(story: StoryContext) -> list[Event]:
    """Up to ``TimelineSettings.max_events`` dated events, earliest first, the most
    widely reported kept."""
    events = _merge(story, _dated(story))
    kept = sorted(events, key=lambda e: -len(e.sources))[: story.settings.timeline.max_events]
    return sorted(kept, key=lambda e: e.date)  # stable: story order within a date


def _dated(story: StoryContext) -> list[_Dated]:
    """The sentences that date their own event, in story order (``_date_of``)."""
    dated = [a for a in (_anchor(a.published) for a in story.articles) if a]
    story_anchor = max(dated) if dated else None
    found: list[_Dated] = []
    for article in story.articles:
        own = _anchor(article.published)
        for sentence in article.sentences:
            if dated_by := _date_of(story, sentence, own or story_anchor):
                when, expression = dated_by
                estimated = own is None and resolve(expression, None) is None
                found.append((when, estimated, expression, sentence))
    return found


def _date_of(
    story: StoryContext, sentence: Sentence, anchor: date | None
) -> tuple[str, str] | None:
    """The date of the event a sentence tells, and the expression that names it; None
    if it names none or cannot stand alone (the summarizer's test)."""
    text = trim(sentence.text)
    if not usable(text, words(text)):
        return None
    for entity in story.docs[sentence.id].ents:
        if entity.label_ != "DATE" or not _dates_the_sentence(entity.root):
            continue
        if not _looks_back(entity, anchor):
            continue  # "closes Monday" may be the coming Monday
        if when := resolve(entity.text, anchor):
            return when, entity.text
    return None


def _looks_back(entity: Span, anchor: date | None) -> bool:
    """Whether a date naming a weekday may be read from the article's date: "next
    Monday" is read ahead by its own word, any other weekday only back, in a clearly
    past clause (``tense.dates_back``). A date naming no weekday, or a month and day, may."""
    day = next((t for t in entity if t.lower_ in WEEKDAYS), None)
    if day is None or anchor is None or any(t.lower_ == "next" for t in entity):
        return True
    text = " ".join(entity.text.casefold().split())
    if _absolute(text) or _MONTH_DAY.match(text):
        return True  # "Friday, December 4, 2015", "Tuesday, March 5": the date is given
    return dates_back(day, anchor)


def _dates_the_sentence(token: Token) -> bool:
    """Whether a date tells when the sentence's own event happened.

    "Obama on Friday said ..." dates the saying; in "the bridge, which opened
    in 1931, will reopen" or "comments made on Friday" the date belongs to a
    side clause or a noun, not to the event the sentence reports.
    """
    while token.dep_ != "ROOT":
        if token.dep_ in _SIDE_LINKS:
            return False
        token = token.head
    return True


def _merge(story: StoryContext, found: list[_Dated]) -> list[Event]:
    """One event per date and statement: sentences dated alike that say the same thing."""
    events: list[Event] = []
    members: list[list[Sentence]] = []
    for when, estimated, expression, sentence in found:
        for event, group in zip(events, members, strict=True):
            if event.date == when and any(_same(story, sentence, s) for s in group):
                group.append(sentence)
                event.sentence_ids.append(sentence.id)
                if sentence.article not in event.sources:
                    event.sources.append(sentence.article)
                event.estimated = event.estimated and estimated
                break
        else:
            events.append(
                Event(
                    date=when,
                    when=expression,
                    text=trim(sentence.text),
                    sources=[sentence.article],
                    sentence_ids=[sentence.id],
                    estimated=estimated,
                )
            )
            members.append([sentence])
    return events


def _same(story: StoryContext, a: Sentence, b: Sentence) -> bool:
    return story.similarity(a, b) >= story.cosines.same_event or b in story.copies.copies(a)
