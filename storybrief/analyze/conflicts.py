"""Conflicts: claims on one subject that cannot all be true, each side attributed.

Three kinds are found, each on its own signal rather than on wording:

- Figures: attributed sentences of different outlets count the same thing
  (the same measure, the same owner's people — "Iranian Revolutionary
  Guards", "Tehran had sent a ... force" — or the same noun) with ranges that
  cannot meet. A sentence's figures are also tried summed, so parts and
  totals (40,000 + 500,000 vs "at least 540,000") and vague amounts
  ("hundreds" vs "hundreds") are not reported. Denials of the counted thing
  ("never dispatched any forces", "denied that ... had sent troops") and
  plain attributed reports of it join the dispute.
- Existence: one outlet says there is no such thing ("there were no
  contacts") and another that there is or may well be, between the same
  two parties.
- Headline versus body: a title states as fact what its own body reports
  only as conditional, hedged or negated.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from spacy.tokens import Doc, Token

from storybrief.analyze.entities import Names
from storybrief.analyze.lexicon import DENIALS, entity_of, qualifies, stated
from storybrief.analyze.numbers import Figure, agree, figures, part_of
from storybrief.analyze.speakers import attribution
from storybrief.analyze.story import Story, nlp
from storybrief.models import Claim, Conflict, Sentence
from storybrief.nlp.embeddings import embed

SAME_SUBJECT = 0.5  # sentence similarity that makes two figures count one thing
SAME_OWNER = 0.35  # the same, for figures counting the same owner's people
SAME_NOUN = 0.65  # the same, for figures counting the same noun of unknown owner
DENIAL_JOINS = 0.3  # similarity of a denial or report to a figure claim of the conflict
STRONG, WEAK = 2, 1  # how surely two figures count one quantity
HEADLINE_WORDS = 16  # longer "titles" are captions or ledes, not headlines
HEADLINE_MATCHES = 5  # body sentences most like the title that may support it
SUPPORTS = 0.5  # similarity at which a plain body sentence supports its title
_TOPIC_PREFIX = re.compile(r"^[^:]{1,40}:\s+")  # "Iraq crisis: ..."
_OWNER_DEPS = {"amod", "compound", "poss", "nsubj"}
_EVENT_DEPS = {"dobj", "nsubjpass"}  # what is sent, dispatched, deployed
_PARTS = {"member", "unit", "division"}  # "units of its Revolutionary Guard" are the Guard

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


def _match(story: Story, one: _Found, other: _Found) -> int:
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
        return STRONG if f1.unit == f2.unit and similarity >= SAME_SUBJECT else 0
    if not (f1.counts_noun and f2.counts_noun) or (o1 and o2 and o1 != o2):
        return 0
    if o1 is not None and o1 == o2:
        return STRONG if similarity >= SAME_OWNER else 0
    if f1.unit == f2.unit and similarity >= SAME_NOUN:
        return STRONG
    return WEAK if similarity >= SAME_SUBJECT else 0


def _ranges(figs: list[Figure]) -> list[tuple[float, float]]:
    """Each figure's range, and the sum of those counting the same thing."""
    out = [(f.low, f.high) for f in figs]
    if len(figs) > 1:
        out.append((sum(f.low for f in figs), sum(f.high for f in figs)))
    return out


def _claim(story: Story, sentence: Sentence, names: Names, value: float | None) -> Claim:
    """One side: the sentence, its article and who it is attributed to."""
    return Claim(
        text=sentence.text,
        source=sentence.article,
        attributed_to=attribution(story, sentence, names),
        value=value,
        sentence_id=sentence.id,
    )


def find_conflicts(story: Story, names: Names) -> list[Conflict]:
    """Conflicting claims grouped by subject, the most claims first."""
    found: list[_Found] = []
    for sentence in story.sentences:
        doc = story.docs[sentence.id]
        # A figure in a conditional or hedged clause ("could sign two deals") is no claim.
        counted = [(f, _counted(doc[f.start])) for f in figures(doc)]
        found += [(sentence, f, _owner(t, names)) for f, t in counted if stated(t)]
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
                claims = {**g, **claims}
            groups.append(claims)
    for group in groups:
        _add_denials(story, names, group)
    conflicts = [
        Conflict(topic=_topic(story, names, group), claims=list(group.values())) for group in groups
    ]
    conflicts.sort(key=lambda c: (-len(c.claims), c.claims[0].sentence_id or ""))
    return conflicts + _existence_conflicts(story, names) + _headline_conflicts(story, names)


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


def _add_denials(story: Story, names: Names, group: dict[str, Claim]) -> None:
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


def _topic(story: Story, names: Names, group: dict[str, Claim]) -> str:
    """What the claims disagree about: the thing most claims count or deny, and whose.

    A group always holds figure claims, so there is a counted thing.
    """
    things = [
        t
        for doc in (story.docs[i] for i in group)
        for t in [_counted(doc[f.start]) for f in figures(doc)]
        + [t for v, t in _events(doc) if _denied(v)]
    ]
    common = Counter(_thing(t) for t in things).most_common(1)[0][0]
    noun = next(t.lower_ for t in things if _thing(t) == common)
    owners = Counter(o for t in things if _thing(t) == common and (o := _owner(t, names)))
    if not owners:
        return noun
    owner = owners.most_common(1)[0][0]
    return f"{noun} of {names.resolve(owner) or owner}"


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


def _parties(story: Story, names: Names, sentence: Sentence) -> set[str]:
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


def _existence_conflicts(story: Story, names: Names) -> list[Conflict]:
    """One outlet says there is no such thing, another that there is (or may well be).

    Both must name the same thing ("contacts") in an existential ("there
    were no contacts" / "if there are contacts") and the same two parties.
    """
    found = [(s, t, yes) for s in story.sentences for t, yes in _existence(story.docs[s.id])]
    conflicts = []
    for (s1, t1, yes1), (s2, t2, yes2) in combinations(found, 2):
        if yes1 == yes2 or s1.article == s2.article or _thing(t1) != _thing(t2):
            continue
        if s2.id in {c.id for c in story.copies.copies(s1)}:
            continue
        shared = _parties(story, names, s1) & _parties(story, names, s2)
        if len(shared) >= 2:
            claims = [_claim(story, s, names, None) for s in (s1, s2)]
            topic = f"{t1.lower_} between {' and '.join(sorted(shared))}"
            conflicts.append(Conflict(topic=topic, claims=claims))
    return conflicts


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


def _headline_conflicts(story: Story, names: Names) -> list[Conflict]:
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
                Claim(article.title, article.id, "headline"),
                _claim(story, body, names, None),
            ]
            conflicts.append(Conflict(topic="headline versus body", claims=claims))
    return conflicts


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
