"""Figures in news copy, normalised to a range so they can be compared.

"2,000-strong", "more than 130", "at least 540,000", "3,000 to 5,000",
"hundreds", "two divisions" and "80km (50 miles)" all become a ``Figure``:
the low and high ends of what the text allows, the unit (a measure, or the
noun that is counted), and where it is. Two figures agree when their ranges
meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from storybrief.analyze.syntax import objects_of
from storybrief.nlp.paraphrase import person_noun

# Number words and their values: the one table of them (``llm.verify`` reads it too).
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
    "million": 1_000_000, "billion": 1_000_000_000,
}  # fmt: skip
# Words that multiply what comes before them ("two hundred", "three dozen"); the largest
# also close a group ("two thousand five hundred": 2,000 + 500).
_MULTIPLIERS = {"hundred", "dozen"}
_SCALES = {"thousand", "million", "billion"}
# Plural scale words name a vague amount: "hundreds" is 200 to 999.
_VAGUE = {"dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
          "millions": (2e6, 9.99e8)}  # fmt: skip
_AT_LEAST = re.compile(r"\b(?:more than|over|at least|upwards of|in excess of)\s*$", re.I)
_AT_MOST = re.compile(r"\b(?:up to|fewer than|less than|at most|no more than)\s*$", re.I)
_NEARLY = re.compile(r"\b(?:nearly|almost|approaching|close to)\s*$", re.I)
_ABOUT = re.compile(r"\b(?:about|around|some|roughly|approximately|an estimated)\s*$", re.I)
# Measures converted to one base unit each, so "80km (50 miles)" is one distance.
# Singular forms too: "a 40-foot (12-meter) vessel" is one length, not 40 against 12.
_MEASURES = {"km": ("km", 1.0), "kilometres": ("km", 1.0), "kilometers": ("km", 1.0),
             "kilometre": ("km", 1.0), "kilometer": ("km", 1.0),
             "miles": ("km", 1.609), "mile": ("km", 1.609), "m": ("m", 1.0),
             "metres": ("m", 1.0), "meters": ("m", 1.0), "metre": ("m", 1.0),
             "meter": ("m", 1.0), "feet": ("m", 0.3048), "foot": ("m", 0.3048),
             "tonnes": ("t", 1.0), "tons": ("t", 0.907), "tonne": ("t", 1.0),
             "ton": ("t", 0.907), "kg": ("t", 0.001),
             "%": ("%", 1.0), "percent": ("%", 1.0), "per cent": ("%", 1.0),
             "minutes": ("min", 1.0), "minute": ("min", 1.0), "hours": ("min", 60.0),
             "hour": ("min", 60.0), "seconds": ("min", 1 / 60),
             "second": ("min", 1 / 60)}  # fmt: skip
# A money figure's unit is its currency, by sign or name; its scale ("million") is in its
# value. A currency this does not know is still money, of no known currency ("¤"), so that
# it is never taken for a count of the noun after it ("$75 a household").
_CURRENCIES = {"$": "$", "dollar": "$", "dollars": "$", "€": "€", "euro": "€", "euros": "€",
               "£": "£", "pound": "£", "pounds": "£", "¥": "¥", "yen": "¥"}  # fmt: skip
_NO_CURRENCY = "¤"
_MONEY_NAMES = {"dollar", "dollars", "euro", "euros", "yen"}
_PER = {"a", "an", "per", "each"}
_BASE_UNITS = {unit for unit, _ in _MEASURES.values()} | {*_CURRENCIES.values(), _NO_CURRENCY}
# A clock time ("10:40 a.m.", "3 o'clock") or one counted back from the writing ("two hours
# ago") is a point in time, not a duration; each outlet writes it from its own hour.
_CLOCK = re.compile(r"\d:\d|\b[ap]\.?m\b|o'clock|\bago\b", re.I)
# A number glued to a name by a hyphen is part of the name ("AK-47", "F-16"), not an amount.
_NUMBER = re.compile(r"(?<![A-Za-z]-)(?<![\w.])\d[\d,]*(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_LABELS = {"CARDINAL", "QUANTITY", "PERCENT", "MONEY"}
_DURATION = "TIME"  # spaCy's label for "about 40 minutes", "a two-hour flight" and clock times
_CURRENCY = "$€£¥ "


@dataclass(frozen=True)
class Figure:
    """A figure of a sentence: ``low``..``high`` of ``unit``."""

    text: str
    low: float
    high: float
    unit: str  # a measure ("km", "%") or the lemma of the counted noun ("troop")
    start: int  # token index in the sentence's doc
    value: float  # the number as stated ("more than 130" → 130), in the base unit

    @property
    def measured(self) -> bool:
        """Whether the figure is a measure (distance, share) rather than a count."""
        return self.unit.partition("/")[0] in _BASE_UNITS  # a rate "$/hour" too

    @property
    def vague(self) -> bool:
        """Whether the figure is a vague amount: "hundreds", "dozens of"."""
        return any(word in _VAGUE for word in self.text.lower().split())

    @property
    def counts_noun(self) -> bool:
        """Whether the figure counts a noun, unlike "$2.9 billion" ("billion") or "Nov. 15"."""
        return (
            self.unit.isalpha()
            and len(self.unit) > 3
            and self.unit not in NUMBER_WORDS
            and self.unit not in _VAGUE
        )


def agree(a: tuple[float, float], b: tuple[float, float], slack: float = 0.1) -> bool:
    """Whether two ranges meet, allowing the rounding news copy does."""
    return a[0] <= b[1] * (1 + slack) and b[0] <= a[1] * (1 + slack)


def _amount(text: str) -> tuple[float, float] | None:
    text = text.lower().replace("-strong", "")
    if text in _VAGUE:
        return _VAGUE[text]
    numbers = [float(n.replace(",", "")) for n in _NUMBER.findall(text)]
    scale = next((NUMBER_WORDS[w] for w in text.split() if w in _SCALES), 1)
    if not numbers:
        words = [w for w in re.findall(r"[a-z]+", text) if w in NUMBER_WORDS]
        if not words:
            return None
        numbers = [_spelled(words)]
        scale = 1
    values = [n * scale for n in numbers]
    return min(values), max(values)


def _spelled(words: list[str]) -> float:
    """The number a run of number words spells: tens and units add ("forty-nine": 49, not
    40 x 9), multipliers multiply ("two hundred fifty": 250; "two dozen": 24)."""
    total, group = 0.0, 0.0
    for word in words:
        value = NUMBER_WORDS[word]
        if word in _SCALES:
            total, group = total + max(group, 1) * value, 0.0
        elif word in _MULTIPLIERS:
            group = max(group, 1) * value
        else:
            group += value
    return total + group


def _measure(span: Span) -> tuple[str, float] | None:
    """The base unit a figure is measured in, and its factor, from its words or the two after."""
    words = (_MEASURES.get(t.lower_) for t in [*span, *span.doc[span.end : span.end + 2]])
    return next((unit for unit in words if unit), None)


def _counted(span: Span) -> str:
    """The measure or noun a figure counts: "2,000 troops" → "troop"."""
    after = span.doc[span.end : span.end + 2]
    if after.text.replace(" ", "") == "-strong":
        # "a 2,000-strong advance force" counts the force's members.
        nouns = [t for t in span.doc[span.end + 2 :] if t.pos_ == "NOUN"]
        return nouns[0].lemma_.lower() if nouns else "strong"
    measure = _measure_or_money(span)
    if measure:
        return measure[0]
    # "130 members of the Revolutionary Guard" counts the Guard's men, but
    # "two divisions" counts divisions.
    return part_of(_counted_noun(span), {"member"}).lemma_.lower()


def _measure_or_money(span: Span) -> tuple[str, float] | None:
    """A money figure's currency (its scale is in its amount), else ``_measure``."""
    currency = _currency(span)
    if currency is None:
        return _measure(span)
    # A rate is money per a thing ("$15 an hour", "$75 a household"): no rival of a sum.
    per = span.doc[span.end : span.end + 2]
    if len(per) == 2 and per[0].lower_ in _PER and per[1].pos_ == "NOUN":
        return f"{currency}/{per[1].lemma_.lower()}", 1.0
    return currency, 1.0


def _currency(span: Span) -> str | None:
    """The currency of a money figure, by the sign before or in it or the name after it
    ("$75", "US$3", "500 euros"); ``_NO_CURRENCY`` for money of another; else None."""
    doc = span.doc
    words = [*doc[max(span.start - 1, 0) : span.end + 1]]
    named = next((_CURRENCIES[t.lower_] for t in words if t.lower_ in _CURRENCIES), None)
    if span.label_ == "MONEY":
        return named or _NO_CURRENCY
    after = doc[span.end : span.end + 1]
    # "500 euros" is money however it is labelled, but "500 pounds" may be a weight.
    return named if after.text.lower() in _MONEY_NAMES else None


def _counted_noun(span: Span) -> Token:
    """The word a count counts: the one it modifies, else the first noun after it, else itself."""
    if span.root.dep_ in {"nummod", "quantmod", "amod"}:
        return span.root.head
    whole = partitive(span.root)
    if whole is not None:
        return whole
    nouns = [t for t in span.doc[span.end : span.end + 2] if t.pos_ in {"NOUN", "PROPN"}]
    return nouns[0] if nouns else span.root


def partitive(count: Token) -> Token | None:
    """The noun a count is a part of: "nine of the activists" → activists (a count of them)."""
    of = objects_of([count], "of")
    return of[0] if of and of[0].pos_ == "NOUN" else None


# Words that open a list of parts of a count before them: "eight people, including six
# Americans", "11 dead, among them two children".
_INCLUDING = {("including",), ("among", "them"), ("among", "whom"), ("among", "those")}


def included(doc: Doc, found: list[Figure]) -> set[int]:
    """The starts of ``found``'s figures that count a part of a group named before them,
    introduced by "including" or "among them": a larger count of the sentence ("11
    Americans, including six lawmakers": six) or a plural noun right before the cue
    ("Peacekeepers including six Americans"). A part is no rival of another outlet's whole."""
    starts = {f.start for f in found}
    parts = set()
    for part in found:
        cue = _cue_before(doc, part.start, starts)
        if cue is None:
            continue
        larger = any(f.start < cue and f.counts_noun and f.low >= part.high for f in found)
        if larger or _group_before(doc, cue):
            parts.add(part.start)
    return parts


def _group_before(doc: Doc, cue: int) -> bool:
    """Whether a plural noun names a group right before a cue: "Peacekeepers (,) including"."""
    before = [t for t in doc[max(cue - 2, 0) : cue] if not t.is_punct]
    return bool(before) and before[-1].tag_ in {"NNS", "NNPS"}


def _cue_before(doc: Doc, start: int, starts: set[int]) -> int | None:
    """Where the nearest "including" / "among them" before a figure begins, if no other
    figure stands between them and it is within four words of the figure ("including at
    least six")."""
    for i in range(start - 1, max(start - 6, -1), -1):
        if i in starts:
            return None
        words = tuple(t.lower_ for t in doc[i : i + 2])
        if words[:1] in _INCLUDING or words in _INCLUDING:
            return i
    return None


def part_of(noun: Token, parts: set[str]) -> Token:
    """The group a part names: "members of the Revolutionary Guard" → Guard, else ``noun``."""
    if noun.lemma_.lower() not in parts and noun.lower_.removesuffix("s") not in parts:
        return noun
    objects = objects_of([noun], "of")
    return objects[0] if objects else noun


def _scale(span: Span, low: float, high: float) -> tuple[float, float]:
    measure = _measure_or_money(span)
    return (low * measure[1], high * measure[1]) if measure else (low, high)


def figures(doc: Doc) -> list[Figure]:
    """The figures of one sentence (dates, times and ordinals are not figures)."""
    found: list[Figure] = []
    for span, amount in _amounts(doc):
        low, high = _scale(span, *amount)
        found.append(
            Figure(span.text, *_qualified(span, low, high), _counted(span), span.start, low)
        )
    return found


def _amounts(doc: Doc) -> list[tuple[Span, tuple[float, float]]]:
    """The spans of a sentence that give an amount, and the amount, a range ("3,000 to
    5,000 fighters") as one span."""
    ents = _amount_entities(doc)
    found: list[tuple[Span, tuple[float, float]]] = []
    skip: set[int] = set()
    for n, ent in enumerate(ents):
        amount = _amount(ent.text) if n not in skip else None
        if amount is None:
            continue
        following = ents[n + 1] if n + 1 < len(ents) else None
        upper = _range_end(doc, ent, following)
        if following is not None and upper is not None:
            amount = (amount[0], upper[1])
            ent = Span(doc, ent.start, following.end, label=ent.label_)
            skip.add(n + 1)
        found.append((ent, amount))
    return found


def _amount_entities(doc: Doc) -> list[Span]:
    """The entities of a sentence that may give an amount."""
    # "one" is mostly a pronoun ("one of several"); a bare 19xx/20xx is a year.
    return [
        e
        for e in doc.ents
        if (e.label_ in _LABELS or _duration(e))
        and e.text.lower() != "one"
        and not _YEAR.fullmatch(e.text)
    ]


def _duration(ent: Span) -> bool:
    """Whether a time entity is a duration ("about 40 minutes", "two-hour"), not a clock time."""
    measure = _measure(ent[-1:]) if ent.label_ == _DURATION else None
    around = ent.doc[ent.start : ent.end + 1].text
    return measure is not None and measure[0] == "min" and not _CLOCK.search(around)


def _range_end(doc: Doc, ent: Span, following: Span | None) -> tuple[float, float] | None:
    """The amount of the figure that ends a range begun by ``ent``: "3,000 to 5,000"."""
    if following is None or doc[ent.end : following.start].text not in {"to", "-", "and"}:
        return None
    return _amount(following.text)


def _qualified(span: Span, low: float, high: float) -> tuple[float, float]:
    """A figure's range as its qualifier leaves it: "more than", "up to", "nearly", "about"."""
    # The qualifier may sit inside the entity: "about eight", "more than 130".
    lead = next((i for i, t in enumerate(span) if t.like_num or t.lower_ in _VAGUE), 0)
    # A currency sign stands between a qualifier and its number: "up to $60 billion".
    before = (span.doc[: span.start].text + " " + span[:lead].text).rstrip(_CURRENCY)
    if _AT_LEAST.search(before):
        # A lower bound in news copy sits near the figure: "more than 130" is not 2,000.
        return low, low * 2
    if _AT_MOST.search(before):
        return 0.0, high
    if _NEARLY.search(before):
        return low * 0.8, high
    if _ABOUT.search(before):
        return low * 0.8, high * 1.2
    return low, high


def count_word(token: Token) -> Token:
    """The word of a figure that stands for it in its clause: the noun it counts, or the
    number itself ("nine of the activists were arrested"); from its number ("an estimated
    5,000 people": 5,000)."""
    number = next((t for t in token.doc[token.i : token.i + 4] if t.like_num), token)
    token = number
    while token.dep_ in {"nummod", "quantmod", "amod", "advmod", "compound"} and (
        token.head != token
    ):
        token = token.head
    return token


# What a count is said to be a part of, after "be" or in apposition: "Four Americans were
# **among** 19 people killed", "$25 million, **part of** a larger $47 million settlement".
_AMONG = "among"
_PART_DEPS = {"attr", "prep", "appos"}
_ARGUMENTS = {"nsubj", "nsubjpass", "dobj"}


def parts(doc: Doc, found: list[Figure], item_gap: int) -> set[int]:
    """The starts of ``found``'s figures that count a part of something another figure of the
    sentence counts: a part after "including" (``included``), one said to be among or part of
    a larger count (``_predicated``), or one of a list of counts joined by "and" (``_listed``,
    items at most ``item_gap`` words apart). A part is no rival of another outlet's count of
    the whole."""
    listed = _listed(doc, found, item_gap) | _with_one(doc, found)
    return included(doc, found) | _predicated(doc, found) | listed


def _with_one(doc: Doc, found: list[Figure]) -> set[int]:
    """The figures counting people whose noun is joined by "and" to one person counted by
    the article: "two women and a man were killed" counts three people, not two; "a captain
    and two sailors". The article's one is no figure, so the count is a part of a whole the
    sentence never states as a number. Things are left out: "two rifles and a car" makes no
    count of rifles a part."""
    return {f.start for f in found if _with_one_person(count_word(doc[f.start]))}


def _with_one_person(noun: Token) -> bool:
    return person_noun(noun.lemma_) and any(map(_one_person_by_article, noun.conjuncts))


def _one_person_by_article(noun: Token) -> bool:
    """Whether a noun counts one person by its article: "a man", "an officer"."""
    return (
        noun.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
        and person_noun(noun.lemma_)
    )


def _predicated(doc: Doc, found: list[Figure]) -> set[int]:
    """The figures said to be among, or a part of, a larger count of their sentence."""
    return {
        part.start
        for part in found
        for whole in _predicates(count_word(doc[part.start]))
        if _holds_larger(whole, part, found)
    }


def _holds_larger(whole: Token, part: Figure, found: list[Figure]) -> bool:
    """Whether ``whole`` is "among ..." or "part of ..." a count larger than ``part``."""
    if whole.lower_ != _AMONG and not any(c.lower_ == "of" for c in whole.children):
        return False
    inside = {t.i for t in whole.subtree}
    return any(f.start in inside and f.low >= part.high for f in found if f is not part)


def _predicates(count: Token) -> list[Token]:
    """What a count is said to be: the complement of its "be" ("were among ...", "is part of
    ..."), or its apposition ("$25 million, part of ...")."""
    said = [c for c in count.children if c.dep_ == "appos"]
    if count.dep_ in {"nsubj", "nsubjpass"} and count.head.lemma_ == "be":
        said += [c for c in count.head.children if c.dep_ in _PART_DEPS]
    return said


def _listed(doc: Doc, found: list[Figure], item_gap: int) -> set[int]:
    """The figures of a clause joined by "and" to one counting by a bare number: "three
    people were shot and two killed", "two were fatally shot and one was injured". Such a
    list splits one group (the two killed are of the three shot), so no item is the whole."""
    joined = {f.start for f in found if _joined_to_bare(count_word(doc[f.start]))}
    return joined | _items(doc, found, item_gap)


def _items(doc: Doc, found: list[Figure], item_gap: int) -> set[int]:
    """The figures of one list of counts of a noun they share: "12 Somali and 11 Yemeni
    nationals". Each counts a part of what the list counts; "a dozen ships and 300 crewmen"
    are two quantities, each with its own noun. Items are at most ``item_gap`` words apart."""
    out: set[int] = set()
    for one, other in pairwise(sorted(found, key=lambda f: f.start)):
        between = doc[one.start + 1 : other.start]
        shared = count_word(doc[one.start]).i >= other.start
        joined = shared and any(t.lower_ in {"and", ","} for t in between)
        # "23 people and 12 were charged" joins two clauses, not two items.
        clause = any(t.pos_ in {"VERB", "AUX"} for t in between) or (
            count_word(doc[other.start]).dep_ in {"nsubj", "nsubjpass"}
        )
        if joined and not clause and len(between) <= item_gap:
            out |= {one.start, other.start}
    return out


def _joined_to_bare(count: Token) -> bool:
    """Whether a count's verb is joined by "and" to a verb whose argument is a bare number."""
    verb = count.head
    if count.dep_ not in _ARGUMENTS or verb.pos_ != "VERB":
        return False
    joined = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    joined += [verb.head] if verb.dep_ == "conj" else []
    return any(_bare(a) for v in joined for a in v.children)


def _bare(argument: Token) -> bool:
    """Whether a verb's argument is a number standing for its noun ("two killed"), not a
    part of the other clause's count ("12 of them were charged")."""
    partitive_of = any(c.lower_ == "of" for c in argument.children)
    return argument.dep_ in _ARGUMENTS and argument.like_num and not partitive_of


# A figure's own time is the story's day ("on Saturday", "Dec. 13", "this morning"); any
# other date in its clause ("last month", "a decade ago", "in 2003", "this season") tells
# another period, and these words a running total ("so far", "to date", "a total of").
_DAYS = re.compile(
    r"\b(?:\w+day|today|tonight|tomorrow|morning|afternoon|evening|night)\b", re.I
)  # fmt: skip
_MONTH_DAY = re.compile(r"\b[A-Z][a-z]{2,8}\.? \d{1,2}\b|\b\d{1,2} [A-Z][a-z]{2,8}\b")
_TOTALS = {("so", "far"), ("to", "date"), ("in", "total"), ("altogether",)}
_OVER = {"during", "in", "over", "across", "throughout"}  # "during the five operations"


def period(doc: Doc, figure: Figure) -> frozenset[str]:
    """The periods other than the story's day that a figure's clause tells ("last year",
    "a decade ago", "total" for a running total), none for the story's own day. Two figures
    of different periods count different quantities, whatever their nouns."""
    number = doc[figure.start]
    chain = {number, *number.ancestors}
    scope = [t for t in doc if _in_clause(t, chain)]
    dates = {
        e.text.lower().removesuffix("'s").strip()
        for e in doc.ents
        if e.label_ == "DATE" and e.root in scope and not _day(e.text)
    }
    return frozenset(dates | ({"total"} if _running_total(scope) else set()))


# Periods longer than a story's news cycle: a year, a season, a decade, a year's number.
_LONG = re.compile(r"year|season|decade|centur|\b\d{4}\b")


def long_period(periods: frozenset[str]) -> bool:
    """Whether ``period``'s markers tell a period longer than a story's own days (a running
    total, last year, this season, 2003), not a week or a month it may have happened in."""
    return any(p == "total" or _LONG.search(p) for p in periods)


def _in_clause(token: Token, chain: set[Token]) -> bool:
    """Whether a token belongs to the clauses a figure stands in (``chain``: the figure and
    the words above it), not to another clause hanging off them ("compared with 55.3
    million a decade ago" is not the clause of "32 million people tuning in")."""
    while token not in chain:
        if token.pos_ in {"VERB", "AUX"} or token.head == token:
            return False
        token = token.head
    return True


def _day(text: str) -> bool:
    """Whether a date names a day ("Saturday", "Dec. 13", "this morning"), not a period."""
    return bool(_DAYS.search(text) or _MONTH_DAY.search(text))


def _running_total(scope: list[Token]) -> bool:
    """Whether a clause tells a running total: "so far", "a total of", or over several
    events ("during the five operations", "in three raids")."""
    words = [t.lower_ for t in scope]
    pairs = set(pairwise(words)) | {(w,) for w in words}
    return "total" in words or bool(pairs & _TOTALS) or any(map(_over_several, scope))


def _over_several(token: Token) -> bool:
    """Whether a word is "during", "in", "over" ... several events: "the five operations"."""
    objects = [o for o in token.children if o.dep_ == "pobj" and o.tag_ == "NNS"]
    return token.lower_ in _OVER and any(_several(n) for o in objects for n in o.children)


def _several(token: Token) -> bool:
    """Whether a word counts more than one: "five", "several" (of "five operations")."""
    if token.dep_ != "nummod" and token.lower_ not in {"several", "many"}:
        return False
    amount = _amount(token.text)
    return amount is None or amount[0] > 1


# A poll's figures (PolNeAR train stories 0-62, twelfth session: both figure conflicts there
# set two polls' figures against each other): whom it asked ("surveyed 1,000 adults", "a poll
# of 1,005 adults") and the share of people giving an answer ("16 percent of Democratic
# voters say ...", "a majority of likely voters, 56%, have ..."). Each is one poll's, of one
# question, which the sentence seldom names in full; and its margin of error.
_POLLING = {"poll", "survey", "sample"}  # not "interview": police interview witnesses
_ANSWERING = {
    "say", "think", "believe", "feel", "expect", "approve", "disapprove", "support", "oppose",
    "favor", "favour", "prefer", "want", "agree", "disagree",
}  # fmt: skip
_PEOPLE = {
    "voter", "adult", "respondent", "people", "person", "resident", "citizen", "american",
    "democrat", "republican", "independent", "supporter", "parent", "woman", "man",
}  # fmt: skip


def polled(doc: Doc, figure: Figure) -> bool:
    """Whether a figure is a poll's: the people it asked, the share of people giving an
    answer, or its margin of error. Polls are many and each asks many questions, so two
    outlets' poll figures are seldom one quantity, and no rival counts of the story's event."""
    count = count_word(doc[figure.start])
    if figure.unit == "%":
        return _answering(count) or _people_who(count)
    counted = partitive(count) or count
    asked_by = counted.head.head if counted.dep_ == "pobj" else counted.head
    asked = counted.dep_ in {"dobj", "pobj"} and asked_by.lemma_.lower() in _POLLING
    return asked or _margin(count)


def _margin(count: Token) -> bool:
    """Whether a figure is a poll's margin of error: "a margin of error of 2.8 points", "a
    margin of error between 3.1 and 4.9"."""
    margins = [a for a in count.ancestors if a.lemma_.lower() == "margin"]
    return any(o.lemma_.lower() == "error" for o in objects_of(margins, "of", dep=None))


def _answering(share: Token) -> bool:
    """Whether a share is of those who say or think something: "72 percent said yes", "18%
    who say"."""
    verbs = [share.head] if share.dep_ == "nsubj" else []
    verbs += [c for c in share.children if c.dep_ == "relcl"]
    return any(v.lemma_.lower() in _ANSWERING for v in verbs)


def _people_who(share: Token) -> bool:
    """Whether a share is of people and what they do or hold: the subject of its clause, of
    people ("16 percent of voters still say", "a majority of likely voters, 56%, have"); not
    what is done to them ("killed 30 percent of the residents")."""
    holders = [share, share.head] if share.dep_ == "appos" else [share]
    return holders[-1].dep_ == "nsubj" and any(map(_people, objects_of(holders, "of")))


def _people(group: Token) -> bool:
    """Whether a noun names people: a nationality or party ("Democrats"), or a word for them."""
    return group.ent_type_ == "NORP" or group.lemma_.lower() in _PEOPLE
