"""A different detail: two outlets tell one statement word for word but for one name in one place.

"At a Logan Square daycare" / "at a Palmer Square day care": the names must
not both be true: not one entity, not one inside the other or named
together anywhere, not one of a list or a set, not who says it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import partial
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.entities import Names, skeleton
from storybrief.analyze.independence import written_independently
from storybrief.models import Conflict, ConflictKind, Sentence
from storybrief.nlp.labels import NAMED
from storybrief.nlp.speech import SPEECH_VERBS

from .base import Merged

kind: ConflictKind = "detail"
takes_side = True

_TITLE_WORD = 4  # words this long are capitalised in a title-case headline, not in a sentence
_DATES = {"DATE", "TIME"}  # proper nouns that are no names of a detail: "Sunday", "Dec."
_KINDS = {"GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organisation",
          "PERSON": "person", "NORP": "group"}  # fmt: skip
_NON_WORD = re.compile(r"[\W_]")  # what ``_key`` runs a unit's words together without
# Words that make a name one of a set ("one of the victims", "also"): others may be named.
_ADDITIVE = re.compile(r"\b(?:also|another|among|including|too|both|each|other|one of)\b", re.I)

_Op = tuple[str, int, int, int, int]  # a ``SequenceMatcher`` opcode
# A sentence's units, what aligns of each (``_key``) and whether each is a name (``_is_name``).
_Units = tuple[list[Span], list[str], list[bool]]
_Side = tuple[Sentence, set[str]]  # a sentence and the forms of the name it gives


def detect(ctx: StoryContext) -> list[Conflict]:
    """The same statement with a different name in one place: "a Logan/Palmer Square daycare".

    Two outlets' sentences must be alike in meaning and word for word
    around the name, and the names must not both hold (``_compatible``).
    The sentences may well be near-copies (two rewrites of one police
    release), but of articles written independently (``independence``): a
    reprint's changed name is the reprinter's later correction.
    """
    names, frame = ctx.names, ctx.settings.conflicts.frame
    named = _named(ctx)
    merged: Merged[frozenset[str]] = Merged(ctx, kind)  # by the two names: one conflict over them
    for s1, s2 in combinations(ctx.sentences, 2):
        if not written_independently(s1.article, s2.article, ctx.syndication):
            continue
        if ctx.similarity(s1, s2) < ctx.cosines.same_statement:
            continue
        for one, other in _swapped_names(_aligning(ctx, s1), _aligning(ctx, s2), frame):
            sides = ((s1, _forms(names, one)), (s2, _forms(names, other)))
            if _detail(one) and _detail(other) and not _compatible(ctx, named, *sides):
                key = frozenset((_resolved(names, one), _resolved(names, other)))
                merged.add(key, _slot(one, other), (s1, s2))
    return merged.conflicts()


def _aligning(ctx: StoryContext, sentence: Sentence) -> _Units:
    """``sentence``'s units and their keys, made once: every pair the sentence is in reads
    them (remade for each pair, they were most of this detector's time)."""
    return ctx.per_sentence("detail.units", sentence, None, partial(_keyed, ctx.docs[sentence.id]))


def _keyed(doc: Doc) -> _Units:
    # Whether the sentence is title-cased is read once, not once per word it asks of.
    titled = _title_cased(doc)
    units = _units(doc, titled)
    return units, [_key(u) for u in units], [_is_name(u.root, titled) for u in units]


def _units(doc: Doc, titled: bool) -> list[Span]:
    """A sentence as spans to align: each name (a run of proper nouns) whole, each other word.

    Dates spelled as proper nouns ("Sunday") are words, not names.
    """
    units: list[Span] = []
    for token in doc:
        if token.is_punct:
            continue
        after_name = units and units[-1].end == token.i and _is_name(units[-1][-1], titled)
        if after_name and _is_name(token, titled):
            units[-1] = doc[units[-1].start : token.i + 1]
        else:
            units.append(doc[token.i : token.i + 1])
    return units


def _is_name(token: Token, titled: bool) -> bool:
    """Whether a word is part of a name: capitalised, and a named entity's or a proper noun.
    ``titled``: whether its sentence is written in title case (``_title_cased``).

    Either signal will do, as the small model tags some names only one way
    ("Temescal" an adjective of a LOC, "Fruitvale" a proper noun of a CARDINAL).
    """
    if not token.text[:1].isupper() or token.like_num:
        return False
    if token.ent_type_ in NAMED:
        return True
    # In a title written in title case every word is capitalised and the small model calls
    # most of them proper nouns ("Lying About Twitter Post" / "About Hacked Twitter"): there
    # only the entity tagger's names count.
    return token.pos_ == "PROPN" and token.ent_type_ not in _DATES and not titled


def _title_cased(doc: Doc) -> bool:
    """Whether every word of four letters or more is capitalised, as in a title."""
    long = [t.text for t in doc if t.is_alpha and len(t) >= _TITLE_WORD]
    return len(long) > 1 and all(w[0].isupper() for w in long)


def _key(unit: Span) -> str:
    """What aligns: the words run together, so "day care" meets "daycare"."""
    return _NON_WORD.sub("", unit.text.lower())


def _aligned(a: list[str], b: list[str]) -> list[_Op]:
    """Opcodes aligning two sentences' units by their keys (``_key``), spellings run
    together counted as equal.

    "Logan Square daycare" against "Palmer Square day care" is a replaced name
    and an equal "daycare".
    """
    ops: list[_Op] = []
    for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        for part in _respelled(a, b, op):
            if ops and ops[-1][0] == part[0] == "equal":
                ops[-1] = ("equal", ops[-1][1], part[2], ops[-1][3], part[4])
            elif part[1] < part[2] or part[3] < part[4]:
                ops.append(part)
    return ops


def _respelled(a: list[str], b: list[str], op: _Op) -> list[_Op]:
    """An opcode with what is spelled alike run together made equal: a whole replacement, or
    the last units of one ("day", "care" against "daycare")."""
    tag, i1, i2, j1, j2 = op
    split = _joined_suffix(a[i1:i2], b[j1:j2]) if tag == "replace" else None
    if split:
        k, m = split
        return [("replace", i1, i2 - k, j1, j2 - m), ("equal", i2 - k, i2, j2 - m, j2)]
    return [("equal" if "".join(a[i1:i2]) == "".join(b[j1:j2]) else tag, i1, i2, j1, j2)]


def _joined_suffix(a: list[str], b: list[str]) -> tuple[int, int] | None:
    """The fewest last units of each, at most three, that spell the same, if any are left over."""
    for k in range(1, min(len(a), 4)):
        for m in range(1, min(len(b), 4)):
            if "".join(a[-k:]) == "".join(b[-m:]):
                return k, m
    return None


def _swapped_names(one: _Units, other: _Units, frame: int) -> list[tuple[Span, Span]]:
    """Names in the same place of two sentences worded alike around them.

    The name must be all that differs there: the words before it match for
    ``frame`` units, and so do those after it, or both sentences end there.
    """
    (a, a_keys, a_names), (b, b_keys, b_names) = one, other
    ops = _aligned(a_keys, b_keys)
    return [
        (a[op[1]], b[op[3]])
        for n, op in enumerate(ops)
        if _name_for_name(op, a_names, b_names)
        and n > 0
        and _framed(ops, n, (len(a), len(b)), frame)
    ]


def _name_for_name(op: _Op, a_names: list[bool], b_names: list[bool]) -> bool:
    """Whether an opcode replaces one name by one name (``a_names``, ``b_names``: which
    units of each sentence are names)."""
    tag, i1, i2, j1, j2 = op
    one_for_one = tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1
    return one_for_one and a_names[i1] and b_names[j1]


def _framed(ops: list[_Op], n: int, lengths: tuple[int, int], frame: int) -> bool:
    """Whether ``frame`` units before ``ops[n]`` match, and so do as many after it, or both
    sentences (of ``lengths`` units) end with it."""
    before = ops[n - 1]
    if before[2] - before[1] < frame:
        return False
    if n + 1 == len(ops):
        return (ops[n][2], ops[n][4]) == lengths
    after = ops[n + 1]
    return after[0] == "equal" and after[2] - after[1] >= frame


def _detail(span: Span) -> bool:
    """Whether a name is one detail of what is said, not one of a list or who says it."""
    root = span.root
    if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
        return False  # "X and Y": both may be true
    if _ADDITIVE.search(span.doc.text):
        return False
    # "..., Smith said", "told CNN", "according to X", "according to an email obtained by
    # CNBC": sources, not details.
    within_source = any(a.lower_ == "according" for a in root.ancestors)
    return root.head.lemma_ not in SPEECH_VERBS and not within_source


def _resolved(names: Names, name: Span) -> str:
    """A name as its entity's, or as written."""
    return names.resolve(name.text) or name.text


def _forms(names: Names, name: Span) -> set[str]:
    """A name as written and as resolved to its entity, casefolded."""
    return {name.text.casefold(), _resolved(names, name).casefold()}


def _named(ctx: StoryContext) -> dict[str, set[str]]:
    """The forms of the names each sentence mentions, by sentence id."""
    return {s.id: _name_forms(ctx, s) for s in ctx.sentences}


def _name_forms(ctx: StoryContext, sentence: Sentence) -> set[str]:
    """The forms of the names a sentence mentions (``_forms``)."""
    units, _, names = _aligning(ctx, sentence)
    return {f for u, name in zip(units, names, strict=True) if name for f in _forms(ctx.names, u)}


def _compatible(ctx: StoryContext, named: dict[str, set[str]], one: _Side, other: _Side) -> bool:
    """Whether two names may both hold: one entity, one inside the other, or named together.

    One entity: resolved alike, or spelled alike. Either outlet naming the
    other's name anywhere, or any sentence of the story naming both ("Logan
    Square in Chicago"), makes them compatible.
    """
    (s1, a), (s2, b) = one, other
    threshold = ctx.settings.conflicts.spelled_alike
    if any(_one_name(x, y, threshold) for x in a for y in b):
        return True
    if a & _in_article(ctx, named, s2.article) or b & _in_article(ctx, named, s1.article):
        return True
    return any(a & forms and b & forms for forms in named.values())


def _in_article(ctx: StoryContext, named: dict[str, set[str]], article: str) -> set[str]:
    """The forms of the names an article mentions anywhere."""
    return set().union(*(named[s.id] for s in ctx.article[article].sentences))


def _one_name(one: str, other: str, threshold: float) -> bool:
    """Whether two forms name one thing: one inside the other, spelled alike, or one the
    other's abbreviation ("Miss." / "Mississippi")."""
    if one in other or other in one or _spelled_alike(one, other, threshold):
        return True
    return _abbreviates(one, other) or _abbreviates(other, one)


def _abbreviates(short: str, long: str) -> bool:
    """Whether ``short`` is an abbreviation of ``long``: a dotted word whose letters run in
    order through it from its first ("Miss." / "Mississippi", "Ky." / "Kentucky")."""
    letters = short.removesuffix(".")
    if not short.endswith(".") or "." in letters or not letters or letters[0] != long[:1]:
        return False
    rest = iter(long)
    return all(c in rest for c in letters)


def _spelled_alike(one: str, other: str, threshold: float) -> bool:
    """Whether two names are one spelled two ways: "Kazakhstan"/"Kazakstan", "Gadhafi"/"Qadhafi".

    "North Side"/"South Side" (0.8 alike) are two places.
    """
    alike = SequenceMatcher(None, one, other, autojunk=False).ratio()
    return skeleton(one) == skeleton(other) or alike >= threshold


def _slot(one: Span, other: Span) -> str:
    """What the differing names fill: "place of the daycare", "person (arrested)"."""
    labels = [s.root.ent_type_ for s in (one, other)]
    slot = next((_KINDS[label] for label in labels if label in _KINDS), "name")
    anchor = one.root.head
    while anchor.dep_ in {"prep", "compound"} and anchor.head != anchor:
        anchor = anchor.head
    return (
        f"{slot} of the {anchor.lower_}" if anchor.pos_ == "NOUN" else f"{slot} ({anchor.lower_})"
    )
