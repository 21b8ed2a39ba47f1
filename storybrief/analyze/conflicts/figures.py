"""Figures: attributed sentences of different outlets count one thing with ranges that cannot meet.

They count the same thing when they measure the same measure, or count the
same owner's people ("Iranian Revolutionary Guards", "Tehran had sent a ...
force") or the same noun. A sentence's figures are also tried summed, so
parts and totals (40,000 + 500,000 vs "at least 540,000") and vague amounts
("hundreds" vs "hundreds") are not reported. Denials of the counted thing
("never dispatched any forces", "denied that ... had sent troops") and plain
attributed reports of it join the dispute. A distance must be to the same
place, and an outlet that counts the thing several ways (1,000 Kurds in
Bonn, 100 in Vienna) counts several groups, so takes no side.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from itertools import combinations

from spacy.tokens import Doc, Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.entities import Names
from storybrief.analyze.independence import told_independently
from storybrief.analyze.lexicon import DENIALS, entity_of, stated
from storybrief.analyze.numbers import (
    Figure,
    agree,
    count_word,
    figures,
    long_period,
    partitive,
    parts,
    period,
    polled,
)
from storybrief.analyze.syntax import entity_span, objects_of
from storybrief.models import Claim, Conflict, ConflictKind, Sentence
from storybrief.nlp.encoders import Cosines
from storybrief.nlp.labels import NAMED
from storybrief.nlp.speech import SPEECH_VERBS

from .base import claim
from .shared import EVENT_DEPS, entity_named, thing

kind: ConflictKind = "figures"
takes_side = True

# How surely two figures count one quantity: the same act done to the same thing
# (``FRAMED``, needing no attribution: two outlets' own counts of who was arrested differ),
# strong, weak.
FRAMED, STRONG, WEAK = 3, 2, 1
# Verbs of change: "rose to 30" gives a later count, not a rival one (an update).
_CHANGES = {"rise", "climb", "increase", "grow", "reach", "jump", "swell", "fall", "drop", "soar"}
# Words that make a count an increment: "12 more bodies" adds to an earlier count.
_INCREMENTS = {"more", "another", "additional", "further", "extra", "new", "other"}
_STATE_PREPS = {"in", "into", "at"}  # "in custody", "at the scene"
_WHEN = {"DATE", "TIME"}  # "on Thursday", "in June" say when, not what state
_LIGHT = {"be", "have", "cite", "say", "include"}  # verbs that tell nothing done to a count
_GENERIC = {"people", "person"}  # a count of people may be one of activists
_OWNER_DEPS = {"amod", "compound", "poss", "nsubj"}
_PLACES = {"GPE", "LOC", "FAC"}  # what a distance is measured to
# By base unit; any other measure is money ("$", "€", ...).
_DIMENSIONS = {"km": "distance", "m": "length", "t": "weight", "%": "share", "min": "duration"}
_DESTINATIONS = {"to", "into", "in"}  # "sent troops to Iraq", "are in Iraq"

_Found = tuple[Sentence, Figure, str | None]  # a figure, its sentence and its owner
_Group = dict[str, Claim]  # a dispute's claims by sentence id


def detect(ctx: StoryContext) -> list[Conflict]:
    """Figure disputes with the denials and reports that join them, the most claims first."""
    found = _stated_figures(ctx)
    groups = _disputes(ctx, found)
    for group in groups:
        _add_denials(ctx, group)
    conflicts = [Conflict(_topic(ctx, group), list(group.values()), kind) for group in groups]
    conflicts.sort(key=lambda c: (-len(c.claims), c.claims[0].sentence_id or ""))
    return conflicts


def _stated_figures(ctx: StoryContext) -> list[_Found]:
    """The story's figures stated as fact, but those of an article counting several groups.

    A figure in a conditional or hedged clause ("could sign two deals") is no claim.
    """
    found = [x for sentence in ctx.sentences for x in _sentence_figures(ctx, sentence)]
    # "Nine of the 50 activists" counts a part of a group, not a second group.
    wholes = [x for x in found if partitive(count_word(ctx.docs[x[0].id][x[1].start])) is None]
    several = _several(wholes)
    return [(s, f, o) for s, f, o in found if (s.article, f.unit) not in several]


def _sentence_figures(ctx: StoryContext, sentence: Sentence) -> list[_Found]:
    """A sentence's figures stated as fact, but its parts, its counts of sources and a poll's
    figures (``numbers.polled``: another outlet's poll, or question, is no rival count)."""
    doc = ctx.docs[sentence.id]
    found_here = figures(doc)
    # "eight people, including six Americans": the six is a part, not a rival count.
    gap = ctx.settings.conflicts.list_item_gap
    part = parts(doc, found_here, gap) | {f.start for f in found_here if polled(doc, f)}
    counted = [(f, _counted(doc[f.start])) for f in found_here if f.start not in part]
    return [
        (sentence, f, _owner(t, ctx.names)) for f, t in counted if stated(t) and not _sources(t)
    ]


def _sources(counted: Token) -> bool:
    """Whether a count is of who tells the story: "three U.S. officials familiar with the
    matter said", "Four officials told Reuters". Each outlet counts its own sources; a
    number of them is no quantity two outlets can dispute."""
    return counted.dep_ == "nsubj" and counted.head.lemma_ in SPEECH_VERBS


def _disputes(ctx: StoryContext, found: list[_Found]) -> list[_Group]:
    """The groups of attributed figure claims that dispute one quantity.

    A weak match (different nouns, an owner unknown) adds a side to a
    dispute a strong one has found; it does not start one.
    """
    pairs = [(p, _match(ctx, *p)) for p in combinations(found, 2)]
    groups: list[_Group] = []
    for wanted in (FRAMED, STRONG, WEAK):
        for (one, other), match in pairs:
            if match == wanted and _disagree(found, one, other):
                _join(ctx, groups, (one, other), match)
    return groups


def _join(ctx: StoryContext, groups: list[_Group], pair: tuple[_Found, _Found], match: int) -> None:
    """Add two disagreeing figures to ``groups``, merging the groups they share a claim with."""
    claims = {s.id: claim(ctx, s, f.value) for s, f, _ in pair}
    # A conflict has sides: figures in an outlet's own voice are not one, unless both
    # count what one act was done to ("arrested eight people", "nine ... were arrested").
    if match != FRAMED and not all(c.attributed_to for c in claims.values()):
        return
    weak = match == WEAK
    merged = [g for g in groups if set(g) & set(claims)]
    if weak and not _restates(merged, *pair):
        return
    for g in merged:
        groups.remove(g)
        # A sentence keeps the figure it first disputed ("two bombs"), not
        # one a later, weaker pair brings ("thousands of North Koreans").
        claims = {**claims, **g}
    groups.append(claims)


def _counted(token: Token) -> Token:
    """The noun a figure's token counts: "a 2,000-strong advance force" → force, "nine of
    the activists" → activists."""
    count = count_word(token)
    return partitive(count) or count


def _owner(counted: Token, names: Names, agent: bool = True) -> str | None:
    """Whose things a noun counts: "130 Iranian Guards" → iran, "ISIS has ..." → isis (with
    ``agent``: the subject of the verb that does something to them)."""
    candidates = _owner_candidates(counted, agent)
    if any(c.dep_ == "conj" for w in candidates for c in w.children):
        return None  # "23 Somali and Yemeni pirates" count a group of two owners
    owners = (entity_of(c.text, names) for c in candidates)
    return next((o for o in owners if o), None)


def _owner_candidates(counted: Token, agent: bool = True) -> list[Token]:
    """The words that may name a counted noun's owner: its modifiers, "of X", the subject."""
    of = objects_of([counted], "of", dep=None)
    candidates = _owner_words(counted) + [w for obj in of for w in (obj, *_owner_words(obj))]
    if agent and counted.dep_ in {"dobj", "attr"}:
        candidates += [c for c in counted.head.children if c.dep_ == "nsubj"]
    return candidates


def _owner_words(noun: Token) -> list[Token]:
    """The words of a noun that may name its owner: "[Iran's] [Revolutionary] Guard"."""
    return [c for c in noun.children if c.dep_ in _OWNER_DEPS]


def _restates(groups: list[_Group], one: _Found, other: _Found) -> bool:
    """Whether the figure of a pair that is not in ``groups`` repeats one that is.

    "The 2,000 troops" of unknown owner restates the Guardian's 2,000-strong
    force; "162 people on board" restates nothing of a dispute over debris.
    """
    ids = {i for g in groups for i in g}
    values = [c.value for g in groups for c in g.values() if c.value is not None]
    return bool(groups) and all(
        s.id in ids or any(agree((f.low, f.high), (v, v)) for v in values)
        for s, f, _ in (one, other)
    )


def _match(ctx: StoryContext, one: _Found, other: _Found) -> int:
    """How surely two figures count one quantity: ``STRONG``, ``WEAK`` or 0.

    Only sentences told independently count (``independence``): one article
    does not contradict itself, and a copy repeats its original.
    """
    (s1, f1, _), (s2, f2, _) = one, other
    if not told_independently(ctx, s1, s2):
        return 0
    if _other_times(ctx, one, other):
        return 0
    similarity = ctx.similarity(s1, s2)
    if f1.measured or f2.measured:
        return _measure_match(ctx, one, other, similarity)
    if f1.unit != f2.unit and not (_owned_in_words(ctx, one) or _owned_in_words(ctx, other)):
        # "The navy captured 23 pirates" and "the navy seized two boats": one agent's things
        # of two nouns are one owner's count only where a count names its owner itself
        # ("130 Iranian Guards" against "Tehran had sent a 2,000-strong force").
        one, other = (s1, f1, None), (s2, f2, None)
    if _framed(ctx, one, other) and similarity >= ctx.cosines.same_frame:
        return FRAMED
    return _count_match(ctx.cosines, one, other, similarity)


def _other_times(ctx: StoryContext, one: _Found, other: _Found) -> bool:
    """Whether two figures count in two periods: both tell one and they differ ("last week",
    "in March"), or one tells a long one the other does not ("32 million people tuning in" to
    last year's show, "a total of 14 rifles" in five raids). A week or a month on one side
    only is when the story's own event happened ("sent 3,000 troops last week")."""
    p1, p2 = _period(ctx, one), _period(ctx, other)
    return p1 != p2 and bool((p1 and p2) or long_period(p1 | p2))


def _period(ctx: StoryContext, found: _Found) -> frozenset[str]:
    """``numbers.period`` of a figure, read once: each figure meets every other of the story
    (``_disputes``' pairs), and reading its clause walks the sentence's every word."""
    sentence, figure, _ = found
    doc = ctx.docs[sentence.id]
    return ctx.per_sentence(
        f"figures.period.{figure.start}", sentence, None, partial(period, doc, figure)
    )


def _owned_in_words(ctx: StoryContext, found: _Found) -> bool:
    """Whether a count names its owner in its own words: "Iranian Guards", "members of ISIS"."""
    sentence, figure, _ = found
    counted = _counted(ctx.docs[sentence.id][figure.start])
    return _owner(counted, ctx.names, agent=False) is not None


def _framed(ctx: StoryContext, one: _Found, other: _Found) -> bool:
    """Whether two counts count the same thing (people may be activists) of no two owners,
    and say the same act was done to it or the same state it is in (``_frame``)."""
    (s1, f1, o1), (s2, f2, o2) = one, other
    same = f1.unit == f2.unit or bool({f1.unit, f2.unit} & _GENERIC)
    if not (f1.counts_noun and f2.counts_noun and same) or (o1 and o2 and o1 != o2):
        return False
    if f1.vague or f2.vague:
        return False  # "hundreds of people" killed is no count to set against "10 officers"
    return bool(_frame(ctx.docs[s1.id], f1) & _frame(ctx.docs[s2.id], f2))


def _frame(doc: Doc, figure: Figure) -> frozenset[str]:
    """What a count is said of: the act done to it ("were arrested", "people killed") and the
    state it is in ("in custody"); nothing for a change ("rose to") or an increment ("12
    more bodies"), which tell another time's count."""
    number = doc[figure.start]
    count = count_word(number)
    verb = _verb_of(count)
    if _another_time(number, count, verb):
        return frozenset()
    # One act: the verb the count is an argument of, else one that qualifies it ("the 250
    # people killed"); "three officers wanted for war crimes" were indicted, not wanted.
    acts = [t for t in (verb, *_done_to(count)) if t is not None and t.lemma_ not in _LIGHT]
    return frozenset({t.lemma_ for t in acts[:1]} | _states(count, verb))


def _another_time(number: Token, count: Token, verb: Token | None) -> bool:
    """Whether a count tells a change or an increment ("rose to 30", "12 more bodies")."""
    increment = any(c.lower_ in _INCREMENTS for t in (count, number) for c in t.children)
    return increment or (verb is not None and verb.lemma_ in _CHANGES)


def _states(count: Token, verb: Token | None) -> set[str]:
    """The states a count's thing is said to be in: "in custody", "at the scene"."""
    preps = [c for t in {count, verb or count} for c in t.children if c.lower_ in _STATE_PREPS]
    return {
        o.lemma_.lower()
        for p in preps
        for o in p.children
        if o.dep_ == "pobj" and o.ent_type_ not in _WHEN and o.is_alpha
    }


def _verb_of(count: Token) -> Token | None:
    """The verb a count is the subject or object of: "nine ... were arrested" → arrested."""
    head = count.head
    is_argument = count.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}
    return head if is_argument and head.pos_ in {"VERB", "AUX"} else None


def _done_to(count: Token) -> list[Token]:
    """The verbs that tell what was done to a count's thing: "250 people killed" → killed."""
    return [c for c in count.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"]


def _measure_match(ctx: StoryContext, one: _Found, other: _Found, similarity: float) -> int:
    """A measure must be the same measure, and a distance to the same place.

    "120 km north of Kisangani" is not "1,000 km east of Kinshasa".
    """
    (s1, f1, _), (s2, f2, _) = one, other
    places = [_place_after(ctx.docs[s.id], f) or "" for s, f in ((s1, f1), (s2, f2))]
    same = f1.unit == f2.unit and places[0].casefold() == places[1].casefold()
    return STRONG if same and similarity >= ctx.cosines.same_subject else 0


def _count_match(cosines: Cosines, one: _Found, other: _Found, similarity: float) -> int:
    """How surely two counts count one thing.

    A count must count a noun ("troops", not "million" or "nov"). Strong: the
    same owner's people ("Iranian Guards", "Tehran had sent a ... force") in
    sentences somewhat alike, or the same noun in sentences very alike; weak:
    an owner unknown, in sentences much alike.
    """
    (_, f1, o1), (_, f2, o2) = one, other
    if not (f1.counts_noun and f2.counts_noun) or (o1 and o2 and o1 != o2):
        return 0
    if o1 is not None and o1 == o2:
        return STRONG if similarity >= cosines.same_owner else 0
    return _unowned_match(cosines, f1.unit == f2.unit, similarity)


def _unowned_match(cosines: Cosines, same_noun: bool, similarity: float) -> int:
    """How surely two counts of an owner unknown count one thing."""
    if same_noun and similarity >= cosines.same_noun:
        return STRONG
    return WEAK if similarity >= cosines.same_subject else 0


def _place_after(doc: Doc, figure: Figure) -> str | None:
    """The first place named after a figure, what a measure is measured from or to."""
    places = [e.text for e in doc.ents if e.label_ in _PLACES and e.start > figure.start]
    return places[0] if places else None


def _several(found: list[_Found]) -> set[tuple[str, str]]:
    """The (article, counted noun)s an article counts with figures that cannot meet.

    "1,000 Kurds rallied in Bonn ... 100 Kurds in Vienna", or 41 Kurds on
    hunger strike and thousands protesting: the article counts several
    groups of the thing, so none of its figures of it is one count to dispute.
    """
    counts = [f for f in found if f[1].counts_noun and not f[1].measured]
    several = set()
    for one, other in combinations(counts, 2):
        (s1, f1, _), (s2, f2, _) = one, other
        if s1.article != s2.article or f1.unit != f2.unit:
            continue
        apart = not agree((f1.low, f1.high), (f2.low, f2.high))
        if apart if s1.id == s2.id else _disagree(found, one, other):
            several.add((s1.article, f1.unit))
    return several


def _ranges(figs: list[Figure]) -> list[tuple[float, float]]:
    """Each figure's range, and the sum of those counting the same thing."""
    out = [(f.low, f.high) for f in figs]
    if len(figs) > 1:
        out.append((sum(f.low for f in figs), sum(f.high for f in figs)))
    return out


def _disagree(found: list[_Found], one: _Found, other: _Found) -> bool:
    """Whether two figures' ranges cannot meet, each also tried summed with its sentence's."""
    (s1, f1, _), (s2, f2, _) = one, other
    r1 = _ranges([f for s, f, _ in found if s.id == s1.id and f.unit == f1.unit])
    r2 = _ranges([f for s, f, _ in found if s.id == s2.id and f.unit == f2.unit])
    return not any(agree(a, b) for a in r1 for b in r2)


def _events(doc: Doc) -> list[tuple[Token, Token]]:
    """Each (verb, thing) of the sentence: "Tehran had sent a ... force" → (sent, force)."""
    return [
        (t.head, t)
        for t in doc
        if t.dep_ in EVENT_DEPS and t.pos_ in {"NOUN", "PROPN"} and t.head.pos_ == "VERB"
    ]


def _denied(verb: Token) -> bool:
    """Whether ``verb``'s event is denied: "never dispatched", "denied (reports) that ... sent"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    above = verb.head.head if verb.dep_ in {"acl", "relcl"} else verb.head
    return verb.dep_ in {"ccomp", "acl", "relcl"} and above.lemma_ in DENIALS


def _add_denials(ctx: StoryContext, group: _Group) -> None:
    """Denials of the event the group's figures count, and plain reports of it without a figure.

    The event is the counted thing ("troop", "force", "guard") and what is
    done to it ("send", "enter"): a denial must deny that thing of the same
    owner ("We will not be sending US troops" is not a denial of Iran's); a
    report must also use one of the verbs of the group or its denials.
    """
    things, owners, verbs = _counted_event(ctx, group)
    reports: list[tuple[Sentence, str]] = []
    denied = False
    for s in _near(ctx, group):
        for verb in _acts_on(ctx, s, things, owners):
            if _denied(verb):
                group[s.id] = claim(ctx, s)
                verbs.add(verb.lemma_)
                denied = True
            elif stated(verb) and not figures(ctx.docs[s.id]):
                reports.append((s, verb.lemma_))
    # A report without a figure ("Iran has sent units") is a side against a denial only: in
    # a dispute over how many, it states no quantity.
    if denied:
        _add_reports(ctx, group, reports, verbs)


def _add_reports(
    ctx: StoryContext, group: _Group, reports: list[tuple[Sentence, str]], verbs: set[str]
) -> None:
    """The attributed reports (sentence, verb) that tell one of ``verbs`` of the event."""
    for s, verb in reports:
        report = claim(ctx, s)
        if verb in verbs and report.attributed_to and s.id not in group:
            group[s.id] = report


def _acts_on(
    ctx: StoryContext, sentence: Sentence, things: set[str], owners: set[str | None]
) -> list[Token]:
    """The verbs of what a sentence says is done to one of ``things`` of one of ``owners``."""
    return [
        verb
        for verb, counted in _events(ctx.docs[sentence.id])
        if thing(counted) in things and _owner(counted, ctx.names) in owners
    ]


def _counted_event(ctx: StoryContext, group: _Group) -> tuple[set[str], set[str | None], set[str]]:
    """What the group's figures count, whose it may be (or no one's), and what is done to it."""
    counted = [_counted(ctx.docs[i][f.start]) for i in group for f in figures(ctx.docs[i])]
    things = {thing(t) for t in counted}
    owners = {_owner(t, ctx.names) for t in counted} | {None}
    verbs = {v.lemma_ for i in group for v, t in _events(ctx.docs[i]) if thing(t) in things}
    return things, owners, verbs


def _near(ctx: StoryContext, group: _Group) -> list[Sentence]:
    """The sentences out of ``group`` alike enough to one of its figure claims to join it."""
    figure_claims = [ctx.by_id[i] for i in group]
    return [
        s
        for s in ctx.sentences
        if s.id not in group
        and max(ctx.similarity(s, c) for c in figure_claims) >= ctx.cosines.denial_joins
    ]


def _topic(ctx: StoryContext, group: _Group) -> str:
    """What the claims disagree about, named as a reader would.

    A count names the thing most claims count or deny, by its owner and
    where it is sent or found ("Iranian troops in Iraq"); a measure says
    what it measures of what ("length of the yacht Sword of Orion") or
    from where ("distance from Kinshasa"). A group always holds figure
    claims, so there is a counted thing.
    """
    docs = [ctx.docs[i] for i in group]
    found = [(f, _counted(doc[f.start])) for doc in docs for f in figures(doc)]
    counted = _most_named([t for _, t in found] + _denied_things(docs))
    measures = [(f, t) for f, t in found if f.measured and thing(t) == thing(counted[0])]
    if measures:
        return _measure_topic(*measures[0])
    return _count_topic(ctx.names, docs, counted)


def _most_named(nouns: list[Token]) -> list[Token]:
    """The nouns that name the thing most of ``nouns`` name."""
    common = Counter(thing(t) for t in nouns).most_common(1)[0][0]
    return [t for t in nouns if thing(t) == common]


def _denied_things(docs: list[Doc]) -> list[Token]:
    """The things the sentences deny something was done to: "never dispatched any forces"."""
    return [t for doc in docs for v, t in _events(doc) if _denied(v)]


def _measure_topic(figure: Figure, measured: Token) -> str:
    """What a measure measures: "length of the yacht Sea Breeze", "distance from Kinshasa"."""
    dimension = _DIMENSIONS.get(figure.unit, "amount")
    doc = measured.doc
    if measured.idx >= doc[figure.start].idx + len(figure.text):
        return f"{dimension} of the {_named_thing(measured)}"
    # "80 kilometers from Kinshasa" measures no thing, only the way to a place.
    place = _place_after(doc, figure)
    return f"{dimension} from {place}" if place else dimension


def _count_topic(names: Names, docs: list[Doc], counted: list[Token]) -> str:
    """What is counted (``counted``: the nouns of one thing), by its owner and where it is."""
    owners = Counter(o for t in counted if (o := _owner(t, names)))
    owner = owners.most_common(1)[0][0] if owners else None
    topic = counted[0].lower_
    if owner is not None:
        topic = _owned(names, docs, topic, owner)
    place = _destination(docs, thing(counted[0]), owner, names)
    return f"{topic} in {place}" if place else topic


def _owned(names: Names, docs: list[Doc], noun: str, owner: str) -> str:
    """A counted noun by its owner: "Iranian troops" where the text has the adjective, else
    "fighters of Hezbollah"."""
    demonyms = Counter(t.text for doc in docs for t in doc if _demonym(t, owner, names))
    if demonyms:
        return f"{min(demonyms, key=lambda d: (-demonyms[d], d))} {noun}"
    return f"{noun} of {names.resolve(owner) or owner}"


def _named_thing(noun: Token) -> str:
    """A noun as a reader knows it: its kind and whole name ("yacht Sword of Orion")."""
    span = entity_span(noun)
    name = span.text if span is not None and span.label_ in NAMED else noun.lower_
    kinds = [
        c.lower_
        for c in noun.children
        if c.dep_ == "compound" and c.pos_ == "NOUN" and not c.ent_type_
    ]
    return " ".join([*kinds, name])


def _demonym(token: Token, owner: str, names: Names) -> bool:
    """Whether a word is the adjective of an owner's name: "Iranian" of Iran."""
    return token.pos_ == "ADJ" and token.is_title and entity_of(token.text, names) == owner


def _destination(docs: list[Doc], counted: str, owner: str | None, names: Names) -> str | None:
    """The place most claims send the things to or have them in, other than their owner's."""
    places: Counter[str] = Counter()
    for doc in docs:
        for verb, noun in _events(doc):
            if thing(noun) == counted:
                places.update(names.resolve(p) or p for p in _sent_to(verb, names) if p != owner)
    return min(places, key=lambda p: (-places[p], p)) if places else None


def _sent_to(verb: Token, names: Names) -> list[str]:
    """The entities of the places a verb sends its thing to or has it in: "sent troops to Iraq"."""
    return [
        found
        for prep in verb.subtree
        if prep.lower_ in _DESTINATIONS
        for place in prep.children
        if place.dep_ == "pobj" and place.ent_type_ == "GPE"
        if (found := entity_named(place, names))
    ]
