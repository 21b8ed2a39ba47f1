"""Conflicts: claims on one subject that cannot all be true, each side attributed.

Six kinds are found, each on its own signal:

- Figures: attributed sentences of different outlets count the same thing
  (the same measure, the same owner's people — "Iranian Revolutionary
  Guards", "Tehran had sent a ... force" — or the same noun) with ranges that
  cannot meet. A sentence's figures are also tried summed, so parts and
  totals (40,000 + 500,000 vs "at least 540,000") and vague amounts
  ("hundreds" vs "hundreds") are not reported. Denials of the counted thing
  ("never dispatched any forces", "denied that ... had sent troops") and
  plain attributed reports of it join the dispute. A distance must be to
  the same place, and an outlet that counts the thing several ways
  (1,000 Kurds in Bonn, 100 in Vienna) counts several groups, so takes no side.
- Existence: one outlet says there is no such thing ("there were no
  contacts") and another that there is or may well be, between the same
  two parties and of the same matter ("evidence of a facility" is not
  "evidence of pouring cement"); one conflict per thing and parties.
- A different detail: independent outlets tell the same statement word for
  word but for one name in one place ("at a Logan Square daycare" / "at a
  Palmer Square day care"), the names not both true: not one entity, not
  one inside the other or named together anywhere, not one of a list or a
  set, not who says it.
- A state and its end: one outlet says a person is still held (at large),
  another that they were released (arrested), and neither tells both.
- A different place: outlets say the same thing ("a dark ... object with
  blood on it", "a dark-colored pipe with Jones' blood on it") was found in
  two places ("below the desk", "near her body"), and neither outlet puts
  anything in the other's place.
- Headline versus body: a title states as fact what its own body reports
  only as conditional, hedged or negated.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from storybrief.analyze.context import StoryContext, nlp
from storybrief.analyze.entities import NAMED, Names, skeleton
from storybrief.analyze.lexicon import (
    DENIALS,
    STATES,
    State,
    content,
    entity_of,
    qualifies,
    stated,
)
from storybrief.analyze.numbers import Figure, agree, figures, part_of
from storybrief.analyze.speakers import SPEECH_VERBS, attribution
from storybrief.models import Attribution, Claim, Conflict, Sentence, Syndication
from storybrief.nlp.embeddings import embed

SAME_SUBJECT = 0.5  # sentence similarity that makes two figures count one thing
SAME_OWNER = 0.35  # the same, for figures counting the same owner's people
SAME_NOUN = 0.65  # the same, for figures counting the same noun of unknown owner
DENIAL_JOINS = 0.3  # similarity of a denial or report to a figure claim of the conflict
STRONG, WEAK = 2, 1  # how surely two figures count one quantity
HEADLINE_WORDS = 16  # longer "titles" are captions or ledes, not headlines
HEADLINE_TOPIC = "headline versus body"
HEADLINE_MATCHES = 5  # body sentences most like the title that may support it
SUPPORTS = 0.5  # similarity at which a plain body sentence supports its title
_TOPIC_PREFIX = re.compile(r"^[^:]{1,40}:\s+")  # "Iraq crisis: ..."
_OWNER_DEPS = {"amod", "compound", "poss", "nsubj"}
_EVENT_DEPS = {"dobj", "nsubjpass"}  # what is sent, dispatched, deployed
_PARTS = {"member", "unit", "division"}  # "units of its Revolutionary Guard" are the Guard
SAME_STATEMENT = 0.5  # similarity at which two sentences may say one thing, a detail apart
FRAME = 3  # words that must match on each side of a differing name
SPELLED_ALIKE = 0.85  # character similarity of one name spelled two ways
_PLACES = {"GPE", "LOC", "FAC"}  # what a distance is measured to
_ABOUT_DEPS = {"acl", "relcl", "advcl"}  # "evidence that ...", "information to estimate ..."
_ABOUT_PREPS = {"of", "about", "on", "for", "over"}  # "evidence of ...", "talks over ..."
_DATES = {"DATE", "TIME"}  # proper nouns that are no names of a detail: "Sunday", "Dec."
_KINDS = {"GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organisation",
          "PERSON": "person", "NORP": "group"}  # fmt: skip
_PRONOUNS = {"he", "she", "him", "her"}
_FINDING = {"find", "discover", "recover", "locate"}  # what says where a thing was
# Prepositions of where a thing lies; "in", "on" and "at" are left out, as they as
# often say when ("in the morning") or how ("on video").
_WHERE = {"below", "under", "underneath", "beneath", "near", "beside", "behind", "inside",
          "outside", "atop"}  # fmt: skip
SAME_THING = 2  # content words two descriptions of one found thing share
_DIMENSIONS = {"km": "distance", "m": "length", "t": "weight", "%": "share"}  # by base unit
_DESTINATIONS = {"to", "into", "in"}  # "sent troops to Iraq", "are in Iraq"
# Words that make a name one of a set ("one of the victims", "also"): others may be named.
_ADDITIVE = re.compile(r"\b(?:also|another|among|including|too|both|each|other|one of)\b", re.I)

_Found = tuple[Sentence, Figure, str | None]  # a figure, its sentence and its owner


def _counted(token: Token) -> Token:
    """The noun a figure's token counts: "a 2,000-strong advance force" → force."""
    while token.dep_ in {"nummod", "quantmod", "amod", "advmod", "compound"} and (
        token.head != token
    ):
        token = token.head
    return token


def _thing(noun: Token) -> str:
    """What a noun names, plural and parts folded: "units of its Revolutionary Guard" → guard."""
    return part_of(noun, _PARTS).lemma_.lower().removesuffix("s")


def _owner(counted: Token, names: Names) -> str | None:
    """Whose things a noun counts: "130 Iranian Guards" → iran, "ISIS has ..." → isis."""
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


def _restates(groups: list[dict[str, Claim]], one: _Found, other: _Found) -> bool:
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


def _match(story: StoryContext, one: _Found, other: _Found) -> int:
    """How surely two figures count one quantity: ``STRONG``, ``WEAK`` or 0.

    One article does not contradict itself, and a copy repeats its original.
    A measure must be the same measure; a count must count a noun ("troops",
    not "million" or "nov"). Strong: the same owner's people ("Iranian
    Guards", "Tehran had sent a ... force") in sentences somewhat alike, or
    the same noun in sentences very alike; weak: an owner unknown, in
    sentences much alike.
    """
    (s1, f1, o1), (s2, f2, o2) = one, other
    if s1.article == s2.article or s2.id in {c.id for c in story.copies.copies(s1)}:
        return 0
    similarity = story.similarity(s1, s2)
    if f1.measured or f2.measured:
        # A distance is to a place: "120 km north of Kisangani" is not "1,000 km east of Kinshasa".
        places = [_place_after(story.docs[s.id], f) or "" for s, f in ((s1, f1), (s2, f2))]
        same = f1.unit == f2.unit and places[0].casefold() == places[1].casefold()
        return STRONG if same and similarity >= SAME_SUBJECT else 0
    if not (f1.counts_noun and f2.counts_noun) or (o1 and o2 and o1 != o2):
        return 0
    if o1 is not None and o1 == o2:
        return STRONG if similarity >= SAME_OWNER else 0
    if f1.unit == f2.unit and similarity >= SAME_NOUN:
        return STRONG
    return WEAK if similarity >= SAME_SUBJECT else 0


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


def _claim(story: StoryContext, sentence: Sentence, names: Names, value: float | None) -> Claim:
    """One side: the sentence, its article and who it is attributed to."""
    return Claim(
        text=sentence.text,
        source=sentence.article,
        attribution=attribution(story, sentence, names),
        value=value,
        sentence_id=sentence.id,
    )


def find_conflicts(story: StoryContext) -> list[Conflict]:
    """Conflicting claims grouped by subject, the most claims first.

    ``syndication`` names the reprints: a reprint's changed detail is a
    correction, not a second account.
    """
    names, syndication = story.names, story.syndication
    found: list[_Found] = []
    for sentence in story.sentences:
        doc = story.docs[sentence.id]
        # A figure in a conditional or hedged clause ("could sign two deals") is no claim.
        counted = [(f, _counted(doc[f.start])) for f in figures(doc)]
        found += [(sentence, f, _owner(t, names)) for f, t in counted if stated(t)]
    several = _several(found)
    found = [(s, f, o) for s, f, o in found if (s.article, f.unit) not in several]
    pairs = [(p, _match(story, *p)) for p in combinations(found, 2)]
    groups: list[dict[str, Claim]] = []
    # A weak match (different nouns, an owner unknown) adds a side to a
    # dispute a strong one has found; it does not start one.
    for wanted in (STRONG, WEAK):
        for (one, other), match in pairs:
            if match != wanted or not _disagree(found, one, other):
                continue
            claims = {s.id: _claim(story, s, names, f.value) for s, f, _ in (one, other)}
            # A conflict has sides: figures in an outlet's own voice are not one.
            if not all(c.attributed_to for c in claims.values()):
                continue
            merged = [g for g in groups if set(g) & set(claims)]
            if match == WEAK and not _restates(merged, one, other):
                continue
            for g in merged:
                groups.remove(g)
                # A sentence keeps the figure it first disputed ("two bombs"), not
                # one a later, weaker pair brings ("thousands of North Koreans").
                claims = {**claims, **g}
            groups.append(claims)
    for group in groups:
        _add_denials(story, names, group)
    conflicts = [
        Conflict(_topic(story, names, group), list(group.values()), "figures") for group in groups
    ]
    conflicts.sort(key=lambda c: (-len(c.claims), c.claims[0].sentence_id or ""))
    return (
        conflicts
        + _existence_conflicts(story, names)
        + _detail_conflicts(story, names, syndication)
        + _state_conflicts(story, names)
        + _place_conflicts(story, names, syndication)
        + _headline_conflicts(story, names)
    )


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
        if t.dep_ in _EVENT_DEPS and t.pos_ in {"NOUN", "PROPN"} and t.head.pos_ == "VERB"
    ]


def _denied(verb: Token) -> bool:
    """Whether ``verb``'s event is denied: "never dispatched", "denied (reports) that ... sent"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    above = verb.head.head if verb.dep_ in {"acl", "relcl"} else verb.head
    return verb.dep_ in {"ccomp", "acl", "relcl"} and above.lemma_ in DENIALS


def _add_denials(story: StoryContext, names: Names, group: dict[str, Claim]) -> None:
    """Denials of the event the group's figures count, and plain reports of it without a figure.

    The event is the counted thing ("troop", "force", "guard") and what is
    done to it ("send", "enter"): a denial must deny that thing of the same
    owner ("We will not be sending US troops" is not a denial of Iran's); a
    report must also use one of the verbs of the group or its denials.
    """
    figure_claims = [story.by_id[i] for i in group]
    counted = [_counted(story.docs[i][f.start]) for i in group for f in figures(story.docs[i])]
    things = {_thing(t) for t in counted}
    owners = {_owner(t, names) for t in counted}
    verbs = {v.lemma_ for i in group for v, t in _events(story.docs[i]) if _thing(t) in things}
    reports: list[tuple[Sentence, str]] = []
    for s in story.sentences:
        if s.id in group or max(story.similarity(s, c) for c in figure_claims) < DENIAL_JOINS:
            continue
        for verb, thing in _events(story.docs[s.id]):
            if _thing(thing) not in things or _owner(thing, names) not in owners | {None}:
                continue
            if _denied(verb):
                group[s.id] = _claim(story, s, names, None)
                verbs.add(verb.lemma_)
            elif stated(verb) and not figures(story.docs[s.id]):
                reports.append((s, verb.lemma_))
    for s, verb in reports:
        claim = _claim(story, s, names, None)
        if verb in verbs and claim.attributed_to and s.id not in group:
            group[s.id] = claim


def _topic(story: StoryContext, names: Names, group: dict[str, Claim]) -> str:
    """What the claims disagree about, named as a reader would.

    A count names the thing most claims count or deny, by its owner and
    where it is sent or found ("Iranian troops in Iraq"); a measure says
    what it measures of what ("length of the yacht Sword of Orion") or
    from where ("distance from Kinshasa"). A group always holds figure
    claims, so there is a counted thing.
    """
    docs = [story.docs[i] for i in group]
    found = [(f, _counted(doc[f.start])) for doc in docs for f in figures(doc)]
    things = [t for _, t in found] + [t for doc in docs for v, t in _events(doc) if _denied(v)]
    common = Counter(_thing(t) for t in things).most_common(1)[0][0]
    noun = next(t for t in things if _thing(t) == common)
    measures = [(f, t) for f, t in found if f.measured and _thing(t) == common]
    if measures:
        figure, measured = measures[0]
        dimension = _DIMENSIONS[figure.unit]
        doc = measured.doc
        if measured.idx >= doc[figure.start].idx + len(figure.text):
            return f"{dimension} of the {_named_thing(measured)}"
        # "80 kilometers from Kinshasa" measures no thing, only the way to a place.
        place = _place_after(doc, figure)
        return f"{dimension} from {place}" if place else dimension
    owners = Counter(o for t in things if _thing(t) == common and (o := _owner(t, names)))
    owner = owners.most_common(1)[0][0] if owners else None
    topic = noun.lower_
    if owner is not None:
        demonyms = Counter(t.text for doc in docs for t in doc if _demonym(t, owner, names))
        topic = (
            f"{min(demonyms, key=lambda d: (-demonyms[d], d))} {topic}"
            if demonyms
            else f"{topic} of {names.resolve(owner) or owner}"
        )
    place = _destination(docs, common, owner, names)
    return f"{topic} in {place}" if place else topic


def _named_thing(noun: Token) -> str:
    """A noun as a reader knows it: its kind and whole name ("yacht Sword of Orion")."""
    span = next((e for e in noun.doc.ents if e.start <= noun.i < e.end), None)
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


def _destination(docs: list[Doc], thing: str, owner: str | None, names: Names) -> str | None:
    """The place most claims send the things to or have them in, other than their owner's."""
    places: Counter[str] = Counter()
    for doc in docs:
        for verb, counted in _events(doc):
            if _thing(counted) != thing:
                continue
            for prep in (t for t in verb.subtree if t.lower_ in _DESTINATIONS):
                for place in (o for o in prep.children if o.dep_ == "pobj"):
                    found = _entity(place, names) if place.ent_type_ == "GPE" else None
                    if found and found != owner:
                        places[names.resolve(found) or found] += 1
    return min(places, key=lambda p: (-places[p], p)) if places else None


def _existence(doc: Doc) -> list[tuple[Token, bool]]:
    """What a sentence says exists or not: "there were no contacts" → (contacts, False)."""
    found = []
    for t in doc:
        be = t.head
        if t.dep_ == "attr" and t.pos_ == "NOUN" and any(c.dep_ == "expl" for c in be.children):
            negative = any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) or any(
                c.dep_ == "neg" for c in be.children
            )
            found.append((t, not negative))
    return found


def _parties(story: StoryContext, names: Names, sentence: Sentence) -> set[str]:
    """The entities a sentence and the one before it talk about, places of "in X" left out.

    The sentence before is read too because the second mention is often a
    reference: "contacts between the two sides" after "Iran ... with the US".
    """
    article = story.article[sentence.article].sentences
    window = article[max(sentence.index - 1, 0) : sentence.index + 1]
    parties = {
        entity_of(e.text, names)
        for s in window
        for e in story.docs[s.id].ents
        if e.label_ in {"GPE", "ORG", "NORP", "PERSON"} and e.root.head.lower_ != "in"
    }
    return {names.resolve(p) or p for p in parties if p}


def _existence_conflicts(story: StoryContext, names: Names) -> list[Conflict]:
    """One outlet says there is no such thing, another that there is (or may well be).

    Both must name the same thing ("contacts") in an existential ("there
    were no contacts" / "if there are contacts") and the same two parties.
    """
    found = [(s, t, yes) for s in story.sentences for t, yes in _existence(story.docs[s.id])]
    conflicts: dict[str, Conflict] = {}  # by topic: one conflict per thing and parties
    for (s1, t1, yes1), (s2, t2, yes2) in combinations(found, 2):
        if yes1 == yes2 or s1.article == s2.article or _thing(t1) != _thing(t2):
            continue
        if s2.id in {c.id for c in story.copies.copies(s1)}:
            continue
        if not _same_about(_about(t1, names), _about(t2, names)):
            continue
        shared = _parties(story, names, s1) & _parties(story, names, s2)
        if len(shared) >= 2:
            topic = f"{t1.lower_} between {' and '.join(sorted(shared))}"
            conflict = conflicts.setdefault(topic, Conflict(topic, [], "existence"))
            ids = {c.sentence_id for c in conflict.claims}
            conflict.claims += [_claim(story, s, names, None) for s in (s1, s2) if s.id not in ids]
    return list(conflicts.values())


def _about(thing: Token, names: Names) -> set[str]:
    """What a thing said to exist is of, its parties left out: "evidence [that X is building]".

    "Between" and "with" name the parties, compared on their own (``_parties``).
    """
    clauses = [
        c
        for c in thing.children
        if c.dep_ in _ABOUT_DEPS or (c.dep_ == "prep" and c.lower_ in _ABOUT_PREPS)
    ]
    said = {w for c in clauses for w in content(" ".join(t.text for t in c.subtree), names)}
    return {w for w in said if not names.resolve(w)}


def _same_about(one: set[str], other: set[str]) -> bool:
    """Whether two things are of the same matter: alike in most words, or one not told.

    "No evidence that North Korea has begun pouring cement" does not deny
    "evidence of an underground nuclear facility": they are of two claims.
    """
    if not one or not other:
        return True
    return len(one & other) * 2 >= min(len(one), len(other))


def _asserts(title: Doc) -> bool:
    """Whether a title states an event as plain fact: a short clause, unquoted, unhedged."""
    return (
        len(title) <= HEADLINE_WORDS
        and any(t.dep_ in {"nsubj", "nsubjpass"} for t in title)
        and not any(t.is_quote or t.text == "?" for t in title)
        and not any(qualifies(t) for t in title)
    )


def _plain(doc: Doc) -> bool:
    """Whether a body sentence says nothing conditional, modal, hedged or negated."""
    return not any(qualifies(t) for t in doc)


def _headline_conflicts(story: StoryContext, names: Names) -> list[Conflict]:
    """Titles that state as fact what their own body only reports as conditional or hedged.

    A title is supported when one of the body sentences most like it says
    it plainly. Otherwise the body's evidence is a sentence where one of the
    title's parties acts only under a condition ("If we see that the United
    States takes action ..."), or only hedged or negated, the conditional first.
    """
    vectors = dict(zip((s.id for s in story.sentences), story.vectors, strict=True))
    conflicts = []
    for article in story.articles:
        if not article.title or not article.sentences:
            continue
        title = _TOPIC_PREFIX.sub("", article.title)
        doc = nlp()(title)
        if not _asserts(doc):
            continue
        vector = embed([title])[0]
        similarity = {s.id: float(vector @ vectors[s.id]) for s in article.sentences}
        ranked = sorted(article.sentences, key=lambda s: -similarity[s.id])
        if any(
            _plain(story.docs[s.id]) and similarity[s.id] >= SUPPORTS
            for s in ranked[:HEADLINE_MATCHES]
        ):
            continue
        parties = {e for t in doc if (e := _entity(t, names))}
        evidence = [
            (_conditional(verb), similarity[s.id], s)
            for s in article.sentences
            for verb in _hedged_acts(story.docs[s.id], parties, names)
        ]
        if evidence:
            body = max(evidence, key=lambda e: e[:2])[2]
            claims = [
                Claim(article.title, article.id, Attribution("headline")),
                _claim(story, body, names, None),
            ]
            conflicts.append(Conflict(HEADLINE_TOPIC, claims, "headline"))
    return conflicts


def disputed_sentences(conflicts: list[Conflict]) -> dict[str, list[str]]:
    """The topics of the conflicts each sentence takes a side in, by sentence id.

    The body's side of a headline-versus-body conflict is what the article
    reports, not a side the outlets dispute, so it is no side.
    """
    topics: dict[str, list[str]] = {}
    for conflict in conflicts:
        if conflict.kind == "headline":
            continue
        for claim in conflict.claims:
            if claim.sentence_id:
                topics.setdefault(claim.sentence_id, []).append(conflict.topic)
    return topics


def _hedged_acts(doc: Doc, parties: set[str], names: Names) -> list[Token]:
    """Verbs whose subject is one of ``parties`` and which are not stated as plain fact."""
    return [
        t.head
        for t in doc
        if t.dep_ == "nsubj"
        and t.head.pos_ == "VERB"
        and _entity(t, names) in parties
        and not stated(t.head)
    ]


def _conditional(verb: Token) -> bool:
    """Whether ``verb`` holds only under a condition: it or a clause above it is "if ..."."""
    return any(
        c.dep_ == "mark" and c.lower_ in {"if", "unless"}
        for t in (verb, *verb.ancestors)
        for c in t.children
    )


def _entity(token: Token, names: Names) -> str | None:
    """The entity a token names, read from its whole name ("States" of "the United States")."""
    spans = [e for e in token.doc.ents if e.start <= token.i < e.end]
    return entity_of(spans[0].text if spans else token.text, names)


def _units(doc: Doc) -> list[Span]:
    """A sentence as spans to align: each name (a run of proper nouns) whole, each other word.

    Dates spelled as proper nouns ("Sunday") are words, not names.
    """
    units: list[Span] = []
    for token in doc:
        if token.is_punct:
            continue
        if _is_name(token) and units and _is_name(units[-1][-1]) and units[-1].end == token.i:
            units[-1] = doc[units[-1].start : token.i + 1]
        else:
            units.append(doc[token.i : token.i + 1])
    return units


def _is_name(token: Token) -> bool:
    """Whether a word is part of a name: capitalised, and a named entity's or a proper noun.

    Either signal will do, as the small model tags some names only one way
    ("Temescal" an adjective of a LOC, "Fruitvale" a proper noun of a CARDINAL).
    """
    if not token.text[:1].isupper() or token.like_num:
        return False
    return token.ent_type_ in NAMED or (token.pos_ == "PROPN" and token.ent_type_ not in _DATES)


def _key(unit: Span) -> str:
    """What aligns: the words run together, so "day care" meets "daycare"."""
    return re.sub(r"[\W_]", "", unit.text.lower())


def _aligned(one: list[Span], other: list[Span]) -> list[tuple[str, int, int, int, int]]:
    """Opcodes aligning two sentences' units, spellings run together counted as equal.

    "Logan Square daycare" against "Palmer Square day care" is a replaced name
    and an equal "daycare".
    """
    a, b = [_key(u) for u in one], [_key(u) for u in other]
    ops: list[tuple[str, int, int, int, int]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        split = _joined_suffix(a[i1:i2], b[j1:j2]) if op == "replace" else None
        if split:
            k, m = split
            parts = [("replace", i1, i2 - k, j1, j2 - m), ("equal", i2 - k, i2, j2 - m, j2)]
        else:
            parts = [("equal" if "".join(a[i1:i2]) == "".join(b[j1:j2]) else op, i1, i2, j1, j2)]
        for part in parts:
            if ops and ops[-1][0] == part[0] == "equal":
                ops[-1] = ("equal", ops[-1][1], part[2], ops[-1][3], part[4])
            elif part[1] < part[2] or part[3] < part[4]:
                ops.append(part)
    return ops


def _joined_suffix(a: list[str], b: list[str]) -> tuple[int, int] | None:
    """The fewest last units of each, at most three, that spell the same, if any are left over."""
    for k in range(1, min(len(a), 4)):
        for m in range(1, min(len(b), 4)):
            if "".join(a[-k:]) == "".join(b[-m:]):
                return k, m
    return None


def _swapped_names(one: Doc, other: Doc) -> list[tuple[Span, Span]]:
    """Names in the same place of two sentences worded alike around them.

    The name must be all that differs there: the words before it match for
    ``FRAME`` units, and so do those after it, or both sentences end there.
    """
    a, b = _units(one), _units(other)
    ops = _aligned(a, b)
    swapped = []
    for n, (op, i1, i2, j1, j2) in enumerate(ops):
        if op != "replace" or i2 - i1 != 1 or j2 - j1 != 1:
            continue
        if not (_is_name(a[i1].root) and _is_name(b[j1].root)) or n == 0:
            continue
        before = ops[n - 1]
        after = ops[n + 1] if n + 1 < len(ops) else None
        ends = after is None and i2 == len(a) and j2 == len(b)
        if before[2] - before[1] >= FRAME and (
            ends or (after is not None and after[0] == "equal" and after[2] - after[1] >= FRAME)
        ):
            swapped.append((a[i1], b[j1]))
    return swapped


def _detail(span: Span) -> bool:
    """Whether a name is one detail of what is said, not one of a list or who says it."""
    root = span.root
    if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
        return False  # "X and Y": both may be true
    if _ADDITIVE.search(span.doc.text):
        return False
    head = root.head
    # "..., Smith said", "told CNN", "according to X": sources, not details.
    attributing = head.lemma_ in SPEECH_VERBS or (
        head.lower_ == "to" and head.head.lower_ == "according"
    )
    return not attributing


def _forms(names: Names, name: Span) -> set[str]:
    """A name as written and as resolved to its entity, casefolded."""
    return {name.text.casefold(), (names.resolve(name.text) or name.text).casefold()}


def _named(story: StoryContext, names: Names) -> dict[str, set[str]]:
    """The forms of the names each sentence mentions, by sentence id."""
    return {
        s.id: {f for u in _units(story.docs[s.id]) if _is_name(u.root) for f in _forms(names, u)}
        for s in story.sentences
    }


def _compatible(
    story: StoryContext,
    named: dict[str, set[str]],
    one: tuple[Sentence, set[str]],
    other: tuple[Sentence, set[str]],
) -> bool:
    """Whether two names may both hold: one entity, one inside the other, or named together.

    One entity: resolved alike, or spelled alike. Either outlet naming the
    other's name anywhere, or any sentence of the story naming both ("Logan
    Square in Chicago"), makes them compatible.
    """
    (s1, a), (s2, b) = one, other
    if any(x in y or y in x or _spelled_alike(x, y) for x in a for y in b):
        return True
    in_article = {
        article: set().union(*(named[s.id] for s in story.article[article].sentences))
        for article in (s1.article, s2.article)
    }
    if a & in_article[s2.article] or b & in_article[s1.article]:
        return True
    return any(a & forms and b & forms for forms in named.values())


def _spelled_alike(one: str, other: str) -> bool:
    """Whether two names are one spelled two ways: "Kazakhstan"/"Kazakstan", "Gadhafi"/"Qadhafi".

    "North Side"/"South Side" (0.8 alike) are two places.
    """
    alike = SequenceMatcher(None, one, other, autojunk=False).ratio()
    return skeleton(one) == skeleton(other) or alike >= SPELLED_ALIKE


def _detail_conflicts(
    story: StoryContext, names: Names, syndication: list[Syndication]
) -> list[Conflict]:
    """The same statement with a different name in one place: "a Logan/Palmer Square daycare".

    Two outlets' sentences must be alike in meaning and word for word
    around the name, and the names must not both hold (``_compatible``).
    The sentences may well be near-copies (two rewrites of one police
    release), but not of a reprint: a reprint's changed name is the
    reprinter's later correction.
    """
    named = _named(story, names)
    reprints = {frozenset((s.copy, s.original)) for s in syndication}
    found: dict[frozenset[str], Conflict] = {}  # by the two names: one conflict over them
    for s1, s2 in combinations(story.sentences, 2):
        if s1.article == s2.article or frozenset((s1.article, s2.article)) in reprints:
            continue
        if story.similarity(s1, s2) < SAME_STATEMENT:
            continue
        for one, other in _swapped_names(story.docs[s1.id], story.docs[s2.id]):
            sides = ((s1, _forms(names, one)), (s2, _forms(names, other)))
            if not (_detail(one) and _detail(other)) or _compatible(story, named, *sides):
                continue
            key = frozenset(
                (names.resolve(one.text) or one.text, names.resolve(other.text) or other.text)
            )
            conflict = found.setdefault(key, Conflict(_slot(one, other), [], "detail"))
            ids = {c.sentence_id for c in conflict.claims}
            conflict.claims += [_claim(story, s, names, None) for s in (s1, s2) if s.id not in ids]
    return list(found.values())


def _slot(one: Span, other: Span) -> str:
    """What the differing names fill: "place of the daycare", "person (arrested)"."""
    labels = [s.root.ent_type_ for s in (one, other)]
    kind = next((_KINDS[label] for label in labels if label in _KINDS), "name")
    anchor = one.root.head
    while anchor.dep_ in {"prep", "compound"} and anchor.head != anchor:
        anchor = anchor.head
    return (
        f"{kind} of the {anchor.lower_}" if anchor.pos_ == "NOUN" else f"{kind} ({anchor.lower_})"
    )


def _undergoer(verb: Token) -> Token | None:
    """Who a verb's event befalls: "she was released", "police released her", "he remains".

    A verb joined to another ("pleaded not guilty and was released") shares its subject.
    """
    while True:
        for dep in ("nsubjpass", "dobj", "nsubj"):
            found = [c for c in verb.children if c.dep_ == dep]
            if found:
                return found[0]
        if verb.dep_ not in {"conj", "dep"} or verb.head == verb:
            return None
        verb = verb.head


def _person(story: StoryContext, names: Names, sentence: Sentence, token: Token) -> str | None:
    """The person a subject names: by name, by an apposition, or for a pronoun by proxy.

    "He" or "she" is taken to stand for the subject of the sentence before,
    the one a pronoun most often continues.
    """
    if token.lower_ in _PRONOUNS:
        if sentence.index == 0:
            return None
        previous = story.article[sentence.article].sentences[sentence.index - 1]
        doc = story.docs[previous.id]
        # The shallowest subject that is not a speaker ("Cary was taken ..., Hall said").
        subjects = [
            t
            for t in doc
            if t.dep_ in {"nsubj", "nsubjpass"}
            and t.head.lemma_ not in SPEECH_VERBS
            and t.lower_ not in _PRONOUNS
        ]
        if not subjects:
            return None
        token = min(subjects, key=lambda t: len(list(t.ancestors)))
    for t in (token, *(c for c in token.children if c.dep_ == "appos")):
        spans = [e for e in t.doc.ents if e.start <= t.i < e.end]
        name = names.resolve(spans[0].text if spans else t.text)
        if name in names.people:
            return name
    return None


def _present(verb: Token) -> bool:
    """Whether a verb speaks of now: "is held", "has been held", "remains at large"."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return any(t.tag_ in {"VBZ", "VBP"} for t in (verb, *auxiliaries))


def _happened(verb: Token) -> bool:
    """Whether a verb tells an event that took place: "was released", not "to arrest"."""
    auxiliaries = any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "to" for c in verb.children)
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxiliaries)


def _states(story: StoryContext, names: Names, sentence: Sentence) -> list[tuple[State, str, bool]]:
    """The states a sentence puts a named person in: (state, person, lasting now or ended)."""
    found = []
    for t in story.docs[sentence.id]:
        # "in custody", "on the run", and "at large" whose "large" is parsed as amod.
        place = t.head.dep_ == "prep" and t.head.lower_ in {"in", "at", "on"} and t.i > t.head.i
        verb = t.head.head if place else t
        if verb.pos_ not in {"VERB", "AUX"} or not stated(verb):
            continue
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
        for state in STATES:
            kept = (t.lemma_ in state.places) if place else (passive and t.lemma_ in state.kept)
            lasting = kept and _present(verb)
            ending = not place and t.lemma_ in state.ending and _happened(verb)
            who = _undergoer(verb) if lasting or ending else None
            person = _person(story, names, sentence, who) if who is not None else None
            if person and (state, person, lasting) not in found:
                found.append((state, person, lasting))
    return found


def _state_conflicts(story: StoryContext, names: Names) -> list[Conflict]:
    """One outlet says a person is still in a state, another that it has ended.

    "She has been held in custody" against "... and was released"; an
    outlet that reports both (held, then released) tells a sequence, so it
    takes no side. One conflict per person and state, every side's sentences in it.
    """
    sides: dict[tuple[State, str], dict[bool, list[Sentence]]] = {}
    for s in story.sentences:
        for state, who, lasting in _states(story, names, s):
            sides.setdefault((state, who), {True: [], False: []})[lasting].append(s)
    conflicts = []
    for (state, who), side in sides.items():
        both = {s.article for s in side[True]} & {s.article for s in side[False]}
        lasting, ended = ([s for s in side[k] if s.article not in both] for k in (True, False))
        if lasting and ended:
            claims = [_claim(story, s, names, None) for s in lasting + ended]
            conflicts.append(Conflict(state.topic.format(who), claims, "state"))
    return conflicts


def _found_at(doc: Doc) -> list[tuple[Token, Token]]:
    """Each (thing, place) a sentence says was found: "a pipe was found near her body"."""
    found = []
    for verb in doc:
        if verb.lemma_ not in _FINDING or verb.pos_ != "VERB" or not stated(verb):
            continue
        for thing in (c for c in verb.children if c.dep_ in _EVENT_DEPS and c.pos_ == "NOUN"):
            found += [(thing, place) for place in _places(verb, thing)]
    return found


def _places(*heads: Token) -> list[Token]:
    """The common nouns the heads are said to lie below, near, behind ...: "the desk"."""
    return [
        obj
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in _WHERE
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ == "NOUN"
    ]


def _description(thing: Token, place: Token) -> set[str]:
    """The content words that describe a found thing, its place left out."""
    out = set(place.subtree)
    return {
        t.lemma_.casefold() for t in thing.subtree if t not in out and t.is_alpha and not t.is_stop
    }


def _place_conflicts(
    story: StoryContext, names: Names, syndication: list[Syndication]
) -> list[Conflict]:
    """One thing found in two places: "found below the desk" / "found near her body".

    The things must be described alike (``SAME_THING`` words: "dark", "blood"),
    by two outlets neither of which is a reprint of the other, and neither
    outlet may put anything in the other's place: then both may hold.
    """
    reprints = {frozenset((s.copy, s.original)) for s in syndication}
    found = [
        (s, thing, place) for s in story.sentences for thing, place in _found_at(story.docs[s.id])
    ]
    places = {
        article.id: {p.lemma_ for s in article.sentences for p in _places(*story.docs[s.id])}
        for article in story.articles
    }
    conflicts: dict[frozenset[str], Conflict] = {}  # by the two places
    for (s1, thing1, place1), (s2, thing2, place2) in combinations(found, 2):
        if s1.article == s2.article or frozenset((s1.article, s2.article)) in reprints:
            continue
        if place1.lemma_ in places[s2.article] or place2.lemma_ in places[s1.article]:
            continue
        if len(_description(thing1, place1) & _description(thing2, place2)) < SAME_THING:
            continue
        key = frozenset((place1.lemma_, place2.lemma_))
        topic = f"where the {thing1.lower_} was found"
        conflict = conflicts.setdefault(key, Conflict(topic, [], "place"))
        ids = {c.sentence_id for c in conflict.claims}
        conflict.claims += [_claim(story, s, names, None) for s in (s1, s2) if s.id not in ids]
    return list(conflicts.values())
