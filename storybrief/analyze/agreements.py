"""Agreements: the facts several articles carry, aligned across their wording.

A fact is often one clause of a longer sentence ("Rouhani held out the
prospect of working with the US, but denied reports that troops had been
sent"), worded differently by each outlet. So each sentence is cut into
predicate-argument units: the main verb and each coordinated, adverbial or
relative clause, with its arguments (a coordinated verb borrows its head's
subject). A complement stays with its verb, so "denied that ..." keeps its
negation; who tells the fact ("according to X", "X said police have ...")
is no part of it, unless it is told of the speaker ("the ministry said it
is investigating"), nor is a dateline ("MONTPELIER, Vt. (AP) —"), which the
parser takes for a subject. A clause with a single content word ("that may
have been a weapon") is no unit: it would match on that word alone. A noun made
of a verb with its object ("alarmed by the seizure of several towns") is a
unit too, its verb standing for the noun, as it tells a fact of its own
("towns were seized"), unless the story has the noun speak ("the government
asks"): that is a body, not an act. Two units match on a blend of their vectors' cosine
and a weighted overlap of their lemmas: names and demonyms folded into their
entity ("Baghdad", "Americans"), a denial spelled alike ("denied", "never",
"not"), close synonyms counted ("request"/"ask"), a seldom-named place
counted as "a city" ("Mosul"/"several cities").

Units are clustered: two clusters merge when their closest pair matches well
and their average pair fairly, so a fact worded three ways by three outlets
gathers, while a unit close to only one member stays out. Two clauses of one
sentence never share a cluster, so a long sentence cannot glue its facts
together. Nor do two units whose actors are two different people or two
different bodies (Rouhani denying that Iran sent troops, Obama ruling out
sending US troops), nor a denial and an assertion, nor two units whose only
words alike are names and titles ("Prime Minister Nouri al-Maliki visited
Samarra", "influential Iraqis, including Prime Minister Nouri al-Maliki"); a
condition ("if Iraq asks") stays with the offer it conditions, so it is not
read as the plain fact ("Iraq has not asked"). A cluster carried by two or
more independent articles (a copy counts once with its original,
``syndication``) is an agreement; the brief lists the best-supported few:
the most independent sources first, then the most central to the story. A
fact carried only by an outlet and its reprint has one witness: it comes last.
A cluster sharing a sentence with a listed fact, its other sentences alike that
fact's, retells it (a sentence and one of its clauses, each paired with another
outlet): it is taken into the listed fact, not listed again (``_retold``).
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from pathlib import Path

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.entities import HONORIFICS, Names
from storybrief.analyze.independence import independent_articles
from storybrief.analyze.lexicon import NEGATIONS, NEGATIVE_IMPLICATIVES, entity_of, verb_of
from storybrief.analyze.speakers import antecedent
from storybrief.analyze.syntax import (
    clause_apart,
    entity_span,
    heads_condition,
    negation_holds,
    objects_of,
)
from storybrief.models import Agreement, Sentence, Syndication
from storybrief.nlp.alignment import aligned
from storybrief.nlp.encoders import Cosines
from storybrief.nlp.english import balanced_quotes
from storybrief.nlp.labels import NAMED
from storybrief.nlp.paraphrase import defined_by, synonyms
from storybrief.nlp.speech import SPEECH_VERBS
from storybrief.settings import AgreementSettings
from storybrief.summarize.candidates import trim
from storybrief.weights import read_weights

PAIR_WEIGHTS = Path(__file__).with_name("agreement_pairs.json")
# A figure and the scale after it: "$1 million" is 1000000, not the single digit 1, and a
# headline's "$1.9T" its lead's "$1.9 trillion". A scale letter counts only after a currency
# sign: "18m" may be metres, "$18m" is money.
_FIGURE = re.compile(
    r"(?P<currency>[$£€]?)(?P<number>\d[\d,.]*\d|\d)"
    # The scale word matched in ASCII: case-blind, "İ" and "ı" pass for "i", and their
    # lower case ("MİLLİON": "mi̇lli̇on") is no key of ``_SCALES``.
    r"(?:\s*(?P<word>(?a:million|billion|trillion|mn|bn))\b|(?P<letter>[mbt])\b)?",
    re.IGNORECASE,
)
_SCALES = {"m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9, "t": 10**12}
_SCALES |= {"million": 10**6, "billion": 10**9, "trillion": 10**12}
# No sum a story states is longer; int() refuses over 4,300 digits (a ValueError that lost
# the story's agreements), and a scale adds up to 12.
_MAX_SCALED_DIGITS = 100
_YEAR = re.compile(r"(?:19|20)\d\d")
# The word after a figure, the measure it counts ("2 million pounds", "250 people").
_MEASURE = re.compile(r"\s+([A-Za-z]+)")
_CLAUSE_DEPS = {"ROOT", "conj", "advcl", "relcl", "parataxis"}
# A clause that may be an aside of its sentence (``_aside``), and what sets one off.
_SUBORDINATE = {"relcl", "acl", "advcl"}
_SET_OFF = {",", "—", "–", "-", "(", ";"}
# Attribution verbs say who speaks, not what the fact is.
_REPORTING = {"say", "add", "tell", "report"}
_KNOWING = {"know", "think", "believe", "learn", "understand", "expect", "hope"}
_SUBJECTS = {"nsubj", "nsubjpass"}
_VERBS = {"VERB", "AUX"}
_PLACE_NOUNS = {"city", "town", "village", "province", "region"}
_SETTING = {"prep", "npadvmod", "advmod"}  # a verb's when, where and how
# A clause's polarity turns on a negation and on a verb that calls a claim not so ("denied
# that Iran had sent troops"); not on all ``DENIALS``: "rejected the offer" refuses.
_NEGATIONS = NEGATIONS | {"deny", "dismiss"}
# What a denial denies when it is a claim: "denied the reports". Denied a thing ("denied
# bail", "denied entry") is withheld, a fact of its own: "held without bail".
_CLAIMS = {"report", "claim", "allegation", "charge", "accusation", "rumor", "rumour", "story"}
# "they" is left out: a group as often as people, its antecedent is unsure.
_THIRD_PERSON = {"he", "she"}
_FIRST_PERSON = {"i", "we"}


@dataclass
class _Unit:
    sentence: Sentence
    text: str
    lemmas: set[str]
    actor: str | None  # the named entity that does what the unit says, when known
    negated: bool  # whether it says that something is not so
    places: set[str]  # its lemmas that name a town, region or country
    words: set[str]  # its lemmas that are no name nor title: what it says of them
    # Where it stands in its sentence (``_one_telling``): its clause head's token index (-1
    # for a sentence whole, a noun's for an act), and the clause heads it is told as one
    # with: its own and its conjuncts' for a clause, every clause's but its asides' for a
    # sentence whole.
    head: int = -1
    joins: frozenset[int] = frozenset()
    # A sentence whole's clauses that are asides of it (``_aside``).
    asides: frozenset[int] = frozenset()


def _heads(doc: Doc) -> list[Token]:
    """The verbs heading a unit: the root, and coordinated, adverbial or relative clauses,
    and a clause a semicolon parts from its head (``clause_apart``).

    A condition ("if the government asks us") stays with the clause it
    conditions: it asserts nothing on its own, and alone it would pass for
    the plain fact ("the government has not asked").
    """
    # The verb test first: it reads the token alone, ``clause_apart`` its children.
    return [
        t
        for t in doc
        if (t.dep_ == "ROOT" or t.pos_ in _VERBS)
        and (t.dep_ in _CLAUSE_DEPS or clause_apart(t))
        and not heads_condition(t)
    ]


def _lemmas(
    tokens: list[Token], names: Names, predicates: dict[Token, str]
) -> tuple[set[str], set[str]]:
    """Content lemmas, names folded into their entity, a denial spelled "not"; and
    those of them that are no name nor title.

    A noun that names the unit's act counts as its verb (``predicates``):
    "the seizure of towns" and "seized several cities" share "seize".

    A name counts however short or dotted ("US", "U.S."). Adverbs ("so far",
    "already") say when or how, seldom which fact. "not" stands for the
    unit's polarity (``_negated``), not for its negation words: "did not rule
    out" denies nothing.
    """
    found = {"not"} if _negated(tokens) else set()
    words = set()
    for token in tokens:
        lemma, word = _lemma(token, names, predicates)
        if lemma:
            found.add(lemma)
            if word:
                words.add(lemma)
    return found, words


def _lemma(token: Token, names: Names, predicates: dict[Token, str]) -> tuple[str | None, bool]:
    """What a token counts as in its unit (its entity, its lemma, or nothing), and
    whether it is a word that is no name nor title."""
    lemma = predicates.get(token) or token.lemma_.casefold()
    name = entity_of(token.text, names) if token.pos_ == "PROPN" else None
    if name:
        return name, False
    if not _says_what(token, lemma):
        return None, False
    named = entity_of(token.text, names)
    return named or lemma, not named and token.pos_ != "PROPN" and lemma not in HONORIFICS


def _says_what(token: Token, lemma: str) -> bool:
    """Whether a word tells what the fact is: a content word, no report of it, no
    negation nor verb denying its complement (the polarity stands for those) and no adverb."""
    return (
        token.is_alpha
        and not token.is_stop
        and len(token) > 2
        and lemma not in _REPORTING
        and lemma not in _NEGATIONS
        and token.pos_ != "ADV"
        and not _denies_complement(token)
    )


def _negated(tokens: list[Token]) -> bool:
    """Whether the tokens deny what they state: an odd number of clause negations.

    "did not rule out co-operating" offers to co-operate, as "we can think
    about it" does; "denied that Iran had sent troops" says it had not. A
    negation counts when it negates a verb or a noun ("no request"), not an
    adverb or adjective ("not far from the border").
    """
    clause = set(tokens)
    negations = sum(_negates(t) and negation_holds(t, clause) for t in tokens)
    return negations % 2 == 1


def _negates(token: Token) -> bool:
    """Whether a word turns its clause's polarity: a negation of a verb or a noun, "rule
    out", the "yet" of "has yet to confirm", which says it has not (``_not_yet``), or a
    verb denying its complement ("refused to confirm", ``_denies_complement``)."""
    return (
        (
            token.lemma_.casefold() in _NEGATIONS
            and (token.head.pos_ in _VERBS or token.dep_ == "det")
            and not _withholds(token)
        )
        or (token.lemma_ == "rule" and any(c.lower_ == "out" for c in token.children))
        or _not_yet(token)
        or _denies_complement(token)
    )


def _denies_complement(token: Token) -> bool:
    """Whether a verb says the act it governs did not happen: "refused to testify",
    "declined to comment", "refrained from voting" (``NEGATIVE_IMPLICATIVES``), as "did
    not testify" does. It is then a polarity word, as "not" is, no word of the fact:
    "refused to release the returns" and "has not released the returns" are one fact."""
    if token.lemma_.casefold() not in NEGATIVE_IMPLICATIVES:
        return False
    return any(
        c.dep_ == "xcomp" or (c.lower_ == "from" and any(g.dep_ == "pcomp" for g in c.children))
        for c in token.children
    )


def _not_yet(token: Token) -> bool:
    """Whether a "yet" says its infinitive has not happened: "North Korea has yet to
    confirm", "the boxes are yet to be located" (as "has not confirmed" does), but not
    the "yet" of "the best yet" or "has not yet confirmed" (the "not" denies that)."""
    if token.lower_ != "yet" or token.dep_ != "advmod":
        return False
    if any(c.dep_ == "neg" for c in token.head.children):
        return False  # "has not yet decided whether to go": the "not" denies it
    verbs = (token.head, *token.head.children)
    return any(
        v.dep_ == "xcomp" and any(c.lower_ == "to" and c.i > token.i for c in v.children)
        for v in verbs
    )


def _withholds(token: Token) -> bool:
    """Whether a "deny" withholds a thing ("denied bail") rather than denying a claim."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return token.lemma_ == "deny" and any(o.lemma_.lower() not in _CLAIMS for o in objects)


def _owners(doc: Doc, heads: list[Token]) -> dict[Token, list[Token]]:
    """Each head's tokens: those it is the nearest head of, among those under a head.

    A token's nearest head is the first of ``heads`` met going up from it (itself
    included): the deepest head above it. One walk up, not a test of every head;
    walked on token indexes, as each ``Token.head`` made a new Token object (a twentieth
    of a brief's time went to these walks).
    """
    # By the heads' indexes until the end: a Token hashes slowly, as a key.
    owned: dict[int, list[Token]] = {h.i: [] for h in heads}
    # The parse's own array of relative head offsets: ``Token.head`` made two Tokens a token.
    up = (doc.to_array("HEAD").astype(np.int64) + np.arange(len(doc))).tolist()
    for i, token in enumerate(doc):
        while i not in owned and up[i] != i:
            i = up[i]
        if i in owned:
            owned[i].append(token)
    return {h: owned[h.i] for h in heads}


def _units(story: StoryContext, names: Names) -> list[_Unit]:
    """Each sentence cut into its clause units and act units, those with enough words,
    and a sentence of several clause units whole besides (``_sentence_unit``)."""
    units: list[_Unit] = []
    bodies = _speaking_nouns(story)
    for sentence in story.sentences:
        owned = _clauses(story.docs[sentence.id], story.settings.agreements.min_unit_words)
        teller = _teller(story.docs[sentence.id])
        clauses = _clause_units(story, sentence, owned, names, teller)
        units += clauses
        units += _act_units(story, sentence, owned, names, bodies)
        if story.settings.agreements.sentence_units and len(clauses) >= 2:
            units += _sentence_unit(story, sentence, names, clauses, teller)
    return units


def _sentence_unit(
    story: StoryContext, sentence: Sentence, names: Names, clauses: list[_Unit], teller: set[int]
) -> list[_Unit]:
    """A sentence whole, but for who tells it: a fact whose words fall across its clauses
    ("Costco posted signs telling shoppers where they can buy the product without paying
    the tax") is in none of its clause units alone. It never clusters with its own
    clauses (one sentence). Its actor is its clauses' one actor; a sentence of two actors'
    doings is no one fact ("Obama ruled out troops, as Rouhani denied sending any")."""
    actors = {u.actor for u in clauses if u.actor}
    if len(actors) > 1:
        return []
    doc = story.docs[sentence.id]
    tokens = [t for t in doc if t.i not in teller]
    found = _unit(story, sentence, tokens, next(iter(actors), None), names)
    asides = frozenset(u.head for u in clauses if _aside(doc[u.head]))
    for unit in found:
        unit.asides = asides
    return _placed(found, -1, frozenset(u.head for u in clauses) - asides)


def _aside(head: Token) -> bool:
    """Whether a clause is an aside of its sentence: a relative or adverbial clause set off
    by a comma, dash or bracket, or one on a name or an apposition ("named after Eugene
    Parker, an astrophysicist who discovered the solar wind"). It asserts a fact of its own
    beside what the sentence says, so the whole is not one telling with it (``_one_telling``);
    a restrictive clause ("any assistance the Iraqi nation would like us to provide") is
    part of what the whole says."""
    if head.dep_ not in _SUBORDINATE:
        return False
    before = head.doc[head.left_edge.i - 1] if head.left_edge.i else None
    set_off = before is not None and before.text in _SET_OFF
    return set_off or head.head.pos_ == "PROPN" or head.head.dep_ == "appos"


def _placed(units: list[_Unit], head: int, joins: frozenset[int]) -> list[_Unit]:
    """The units (none or one) with their place in their sentence (``_Unit.head``)."""
    for unit in units:
        unit.head, unit.joins = head, joins
    return units


def _clauses(doc: Doc, min_words: int) -> dict[Token, list[Token]]:
    """Each clause head's tokens; a clause too short to state a fact ("... and shot
    him") stays with its head."""
    heads = _heads(doc)
    owned = _owners(doc, heads)
    heads = [h for h in heads if h.dep_ == "ROOT" or _words(owned[h]) >= min_words]
    return _owners(doc, heads)


def _clause_units(
    story: StoryContext,
    sentence: Sentence,
    owned: dict[Token, list[Token]],
    names: Names,
    teller: set[int],
) -> list[_Unit]:
    """The units of a sentence's clauses, without who tells them and where from
    (``teller``, the sentence's ``_teller``)."""
    units: list[_Unit] = []
    unit_of = _unit_heads(owned)  # once a sentence, for every head's conjuncts
    for head, tokens in owned.items():
        tokens = [t for t in tokens if t.i not in teller]
        subject = _subject(head)
        if subject is not None and subject.head != head:
            # "... held out the prospect ..., but denied reports": the
            # coordinated verb shares its head's subject, which names the actor.
            tokens = list(subject.subtree) + tokens
        if head.lemma_ in _REPORTING:
            setting = _speech_setting(head)
            tokens = [t for t in tokens if t not in setting]
        actor = _actor(story, sentence, head, names)
        found = _unit(story, sentence, tokens, actor, names)
        units += _placed(found, head.i, _coordinated(head, unit_of))
    return units


def _unit_heads(owned: dict[Token, list[Token]]) -> dict[int, int]:
    """Each token's clause head (``_clauses``), by token index."""
    return {t.i: h.i for h, tokens in owned.items() for t in tokens}


def _coordinated(head: Token, unit_of: dict[int, int]) -> frozenset[int]:
    """A clause head and the heads of the units its conjuncts are in (``unit_of``,
    ``_unit_heads``): in "Police arrested the driver and seized his cargo,
    officials said", "seized" is told with the unit of "said", which holds "arrested" (a
    reported verb heads no unit)."""
    return frozenset({head.i} | {unit_of[c.i] for c in head.conjuncts if c.i in unit_of})


def _teller(doc: Doc) -> set[int]:
    """The tokens of a sentence (by index: a Token hashes slowly) that tell who reports
    its fact, or where from.

    "According to Sheriff Salazar, four deputies fired": who tells the fact
    is not part of it, and would set it apart from its other wordings. Nor is
    where the outlet filed from ("MONTPELIER, Vt. (AP) —").
    """
    attribution = {
        t.i
        for according in doc
        if according.lower_ == "according" and any(c.lower_ == "to" for c in according.children)
        for t in according.subtree
    }
    opening = _opening(doc)
    return attribution | {t.i for t in doc if t.idx < opening}


def _speech_setting(report: Token) -> set[Token]:
    """Where and when a speaker spoke, and who, once the fact is of another.

    "..., Rouhani said at a press conference on Saturday": none of it is the
    fact, and it would set one wording apart.
    """
    told = _of_another(report)
    return {
        t
        for c in report.children
        if c.dep_ in _SETTING or (told and c.dep_ in _SUBJECTS)
        for t in c.subtree
    }


def _act_units(
    story: StoryContext,
    sentence: Sentence,
    owned: dict[Token, list[Token]],
    names: Names,
    bodies: set[str],
) -> list[_Unit]:
    """The units of the nouns of a sentence that name an act (``_acts``), each
    within its clause."""
    doc = story.docs[sentence.id]
    clause = {t: head for head, tokens in owned.items() for t in tokens}
    acts = _acts(doc, clause, bodies)
    units: list[_Unit] = []
    for noun, tokens in _owners(doc, [*acts, *_other_things(doc, acts)]).items():
        if noun not in acts:
            continue
        tokens = [t for t in tokens if clause[t] == clause[noun]]
        actor = _named(story, sentence, _agent(noun), names)
        found = _unit(story, sentence, tokens, actor, names, {noun: acts[noun]})
        units += _placed(found, noun.i, frozenset())
    return units


def _of_another(report: Token) -> bool:
    """Whether a reporting verb tells a fact of someone other than its speaker.

    A fact told first ("she forced her way in, the sheriff said") or of a
    named subject ("Hall said police have a warrant") is; a pronoun told after
    the speaker ("the department said it is investigating") is the speaker.
    """
    return any(
        c.dep_ == "ccomp"
        and (c.i < report.i or ((s := _subject(c)) is not None and s.pos_ != "PRON"))
        for c in report.children
    )


def _unit(
    story: StoryContext,
    sentence: Sentence,
    tokens: list[Token],
    actor: str | None,
    names: Names,
    predicates: dict[Token, str] | None = None,
) -> list[_Unit]:
    """The unit ``tokens`` make, if they have words enough to state a fact."""
    settings = story.settings.agreements
    if _words(tokens) < settings.min_unit_words:
        return []
    text = "".join(t.text_with_ws for t in tokens).strip()
    lemmas, words = _lemmas(tokens, names, predicates or {})
    if len(lemmas) < settings.min_unit_lemmas:
        # "that may have been a weapon": one word to match on, whatever the fact.
        return []
    places = {entity_of(t.text, names) or "" for t in tokens if t.ent_type_ == "GPE"}
    return [_Unit(sentence, text, lemmas, actor, "not" in lemmas, places & lemmas, words)]


def _speaking_nouns(story: StoryContext) -> set[str]:
    """Nouns the story has say or ask something: bodies that act ("the government
    asks"), not acts, though made of a verb (govern). Found once a story: the units
    and the rare words read them."""
    return story.per_story("agreements.bodies", partial(_bodies, story))


def _bodies(story: StoryContext) -> set[str]:
    return {
        t.lemma_.casefold()
        for doc in story.docs.values()
        for t in doc
        if t.pos_ == "NOUN" and t.dep_ in _SUBJECTS and t.head.lemma_ in SPEECH_VERBS
    }


def _other_things(doc: Doc, acts: dict[Token, str]) -> list[Token]:
    """Nouns that bound an act's words, though no act: a noun coordinated in an act,
    with an owner or object of its own, tells another thing, act or not ("the
    seizure of towns and their sweep south")."""
    return [
        t for t in doc if t.dep_ == "conj" and t.pos_ == "NOUN" and _has_object(t) and t not in acts
    ]


def _acts(doc: Doc, clause: dict[Token, Token], bodies: set[str]) -> dict[Token, str]:
    """Nouns that name an act with what it befalls, and the act's verb.

    "Iran has been alarmed by the seizure this week of several major
    northern Iraqi towns" also says that towns were seized: the noun of a
    verb (``verb_of``) with an "of" object or a possessive ("their
    withdrawal") is a fact of its own. A noun of an act inside another is
    part of it ("the seizure of the building": nothing was built), unless
    coordinated with it ("the seizure of towns and their withdrawal"). A noun
    the story has speak (``bodies``) is none.
    """
    found: dict[Token, str] = {}
    for noun in doc:
        verb = _act_verb(noun, bodies)
        if verb is None:
            continue
        ancestors = list(noun.ancestors)
        if clause[noun] in ancestors:  # the words between the noun and its clause's verb
            ancestors = ancestors[: ancestors.index(clause[noun])]
        if noun.dep_ == "conj" or not any(t in found for t in ancestors):
            found[noun] = verb
    return found


def _act_verb(noun: Token, bodies: set[str]) -> str | None:
    """The verb of the act a noun names with what it befalls, if it names one."""
    lemma = noun.lemma_.casefold()
    if noun.pos_ != "NOUN" or lemma in bodies or not _has_object(noun):
        return None
    verb = verb_of(lemma)
    return None if verb in _REPORTING else verb


def _has_object(noun: Token) -> bool:
    """Whether a noun has a possessive or an "of" object: "the seizure of towns"."""
    return any(c.dep_ == "poss" for c in noun.children) or bool(objects_of([noun], "of"))


def _agent(noun: Token) -> Token | None:
    """Who does the act a noun names: "by X", or the possessive beside an "of" object."""
    by = [o for c in noun.children if c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    if by:
        return by[0]
    if any(c.lower_ == "of" for c in noun.children):
        return next((c for c in noun.children if c.dep_ == "poss"), None)
    return None


# A sentence's Doc is asked this for each of its clauses in turn, and ``Doc.text`` builds
# a Token per word each time: the last few answers are kept (by Doc, which hashes by identity).
@lru_cache(maxsize=16)
def _opening(doc: Doc) -> int:
    """Where a sentence proper starts: after its dateline, if it has one."""
    return len(doc.text.rstrip()) - len(trim(doc.text))


def _subject(head: Token) -> Token | None:
    """The subject of a clause head; a coordinated verb without one borrows its head's.

    A dateline is none, though the parser often takes it for one ("MONTPELIER
    — A judge has granted ...").
    """
    opening = _opening(head.doc)
    for verb in (head, head.head) if head.dep_ == "conj" else (head,):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and c.idx >= opening), None)
        if subject is not None:
            return subject
    return None


def _named(
    story: StoryContext, sentence: Sentence, subject: Token | None, names: Names
) -> str | None:
    """The entity a subject names, or a he/she's antecedent, casefolded; else ``None``.

    Only names that resolve to a known entity count, so two spellings of one
    ("The Islamic State", "ISIS") never pass for two actors.
    """
    if subject is None:
        return None
    if subject.lower_ in _THIRD_PERSON:
        found = antecedent(story, sentence, subject, names)
    else:
        span = entity_span(subject)
        found = names.resolve(span.text) if span is not None and span.label_ in NAMED else None
        found = found or entity_of(subject.text, names)
    return found.casefold() if found else None


def _actor(story: StoryContext, sentence: Sentence, head: Token, names: Names) -> str | None:
    """Who does what the unit headed by ``head`` says, if a name or pronoun tells.

    A reporting verb hands over to its complement ("Rouhani said Iran is ready":
    Iran is ready), and so does a speaker's own "we know that ...". A first
    person left at the end stands for the speaker ("we will not be sending
    troops, he said": Obama), unless it only knows or believes.
    """
    speaker, subject, verb = _told(head)
    if subject is not None and subject.lower_ in _FIRST_PERSON:
        # What "we know" or "we believe" is not done by us, even when the
        # parser loses the complement that says what it is.
        subject = None if verb.lemma_ in _KNOWING else speaker
    return _named(story, sentence, subject, names)


def _told(head: Token) -> tuple[Token | None, Token | None, Token]:
    """The last speaker, and the subject and verb of what is told, down a clause's
    reported complements ("Rouhani said Iran is ready"; "we know that ...")."""
    speaker, subject, verb = None, _subject(head), head
    while True:
        complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        first_person = subject is not None and subject.lower_ in _FIRST_PERSON
        if complement is None or not (verb.lemma_ in _REPORTING or first_person):
            return speaker, subject, verb
        if not first_person:
            speaker = subject
        verb, subject = complement, _subject(complement)


def _words(tokens: list[Token]) -> int:
    return sum(t.is_alpha for t in tokens)


@dataclass
class _Lexicon:
    """What the units' lemmas say of each pair: ``overlap`` the weighted Dice overlap,
    ``shared`` whether two units share a word that is no name nor title; ``has`` which
    lemmas (of ``vocabulary``, in its order) each unit has, ``covers`` which it matches
    with a synonym."""

    overlap: np.ndarray
    shared: np.ndarray
    has: np.ndarray
    said: np.ndarray
    covers: np.ndarray
    vocabulary: list[str]


def _overlap(story: StoryContext, units: list[_Unit]) -> _Lexicon:
    """Weighted Dice overlap of the units' lemmas, and whether two units share a word
    that is no name nor title.

    A lemma matches any close synonym in the other unit ("seizure"/"seize",
    "request"/"ask"), and weighs its inverse document frequency over the
    story's units: the story's own topic ("Iran", "Iraq") is in every unit and
    says nothing about which fact a unit states.
    """
    vocabulary = sorted({lemma for u in units for lemma in u.lemmas})
    column = {lemma: n for n, lemma in enumerate(vocabulary)}
    has, said = _incidence(units, column)
    weighted = has * np.log(len(units) / np.maximum(has.sum(axis=0), 1))
    synonym = _synonyms(story, units, column, has)
    covers = (has @ synonym > 0).astype(np.float32)  # lemmas each unit matches
    hits = weighted @ covers.T  # [a, b]: weight of a's lemmas that b matches
    sizes = weighted.sum(axis=1)
    total = sizes[:, None] + sizes[None, :]
    overlap = np.divide(hits + hits.T, total, out=np.zeros_like(hits), where=total > 0)
    shared = said @ (said @ synonym > 0).T > 0
    return _Lexicon(overlap, shared, has, said, covers, vocabulary)


def _rare(story: StoryContext, lex: _Lexicon) -> np.ndarray:
    """Which lemmas few units have (``AgreementSettings.rare_word``, or two): what only the
    pair decision reads, so it is worked out only when that decision runs."""
    units = len(lex.has)
    rare = lex.has.sum(axis=0) <= max(2.0, story.settings.agreements.rare_word * units)
    # A body the story has speak ("the government said") names an actor, as a name does.
    bodies = _speaking_nouns(story)
    return rare & np.array([lemma not in bodies for lemma in lex.vocabulary], dtype=bool)


def _incidence(units: list[_Unit], column: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Which lemmas (``column``) each unit has, and which of them are no name nor title."""
    has = np.zeros((len(units), len(column)), dtype=np.float32)
    said = np.zeros_like(has)
    for i, unit in enumerate(units):
        has[i, [column[lemma] for lemma in unit.lemmas]] = 1
        said[i, [column[word] for word in unit.words]] = 1
    return has, said


def _synonyms(
    story: StoryContext, units: list[_Unit], column: dict[str, int], has: np.ndarray
) -> np.ndarray:
    """Which lemmas count as one: those whose word vectors are close, and a place
    the story seldom names with the nouns for such places.

    "Mosul and Tikrit" are "several cities". The story's setting ("Iraq", in
    every other unit) would match them everywhere.
    """
    words = story.embed(list(column))
    synonym = (words @ words.T >= story.cosines.synonym).astype(np.float32)
    share = has.mean(axis=0)
    rare = story.settings.agreements.rare_place
    places = [column[p] for u in units for p in u.places if share[column[p]] <= rare]
    kinds = [column[k] for k in _PLACE_NOUNS if k in column]
    synonym[np.ix_(places, kinds)] = synonym[np.ix_(kinds, places)] = 1
    for i, j in _paraphrases(column, story.settings.agreements):
        synonym[i, j] = synonym[j, i] = 1
    return synonym


def _paraphrases(column: dict[str, int], settings: AgreementSettings) -> list[tuple[int, int]]:
    """Pairs of lemmas WordNet gives one meaning: synonyms in their first senses
    ("arrest"/"apprehend"), or one in the other's short definition ("arrest", "take into
    custody"). Names are left out: WordNet's senses of a name are seldom the story's."""
    pairs = []
    for lemma, i in column.items():
        if not lemma.islower():
            continue
        related = synonyms(lemma, settings.wordnet_senses) | defined_by(
            lemma, settings.wordnet_senses, settings.definition_words
        )
        pairs += [(i, column[w]) for w in sorted(related) if w in column]
    return pairs


@dataclass
class _Scored:
    """The blended score of each pair of units (``scores``), and what the pair decision
    reads besides: the encoder's cosine and the lemmas; the units' unit ``vectors``, from
    which the ranking reads how central a fact is; which pairs state a figure alike
    (``figure``), from which the retelling join reads one fact's figure."""

    scores: np.ndarray
    cosine: np.ndarray
    lexicon: _Lexicon
    vectors: np.ndarray
    figure: np.ndarray


def _scores(story: StoryContext, units: list[_Unit], names: Names) -> _Scored:
    """The blended similarity of each pair of units (``_blended``), a pair of two articles
    just under the bar raised to it when the learned pair decision takes it for one fact.

    The blend misses a fact two outlets word apart ("Detroit police arrested eight
    people" / "At least nine activists were arrested", 0.49): a logistic regression
    over what the blend is made of, the rare words and names the pair shares, how well
    each unit's words find their like in the other and how alike the sentences beside
    theirs are (``_pair_features``, weights ``agreement_pairs.json``), decides those
    from ``AgreementSettings.pair_floor`` up.
    """
    scored = _blended(story, units, names)
    settings = story.settings.agreements
    if settings.pair_probability > 1:
        return scored  # the decision is off (the default): no probability can reach the bar
    rare = _rare(story, scored.lexicon)
    pairs = band_pairs(units, scored, rare, settings.pair_floor, story.cosines.agreement_best)
    if len(pairs):
        found = _pair_features(story, units, pairs, scored, rare)
        model = pair_model(settings.pair_weights)
        admitted = pairs[model.probability(found) >= settings.pair_probability]
        scored.scores[admitted[:, 0], admitted[:, 1]] = story.cosines.agreement_best
        scored.scores[admitted[:, 1], admitted[:, 0]] = story.cosines.agreement_best
    return scored


def _blended(story: StoryContext, units: list[_Unit], names: Names) -> _Scored:
    """The blended similarity of each pair of units.

    ``-inf`` (never merged) within a sentence, between different actors, and
    between a denial and an assertion; none between units that share only
    names and titles ("Prime Minister Nouri al-Maliki visited Samarra", "the
    government of Prime Minister Nuri al-Maliki"), as they state no fact alike.
    Two fairly alike units stating one figure match as well as the closest pair
    of a cluster must: outlets word a figure's fact differently ("the largest of
    which was around 18 metres long", "the biggest piece, measuring 18 meters")
    but write its figure alike.
    """
    vectors = story.embed([u.text for u in units])
    lexicon = _overlap(story, units)
    settings = story.settings.agreements
    cosine = vectors @ vectors.T
    scores = settings.vector_weight * cosine + (1 - settings.vector_weight) * lexicon.overlap
    scores[~lexicon.shared] = np.minimum(scores[~lexicon.shared], 0)
    figure = _same_figure(units)
    lift = figure & (scores >= settings.figure_pair)
    scores[lift] = np.maximum(scores[lift], story.cosines.agreement_best)
    sentence = np.array([u.sentence.id for u in units])
    scores[sentence[:, None] == sentence[None, :]] = -np.inf
    for apart in guards(units, names, settings.figure_slack).values():
        scores[apart] = -np.inf
    return _Scored(scores, cosine, lexicon, vectors, figure)


def guards(units: list[_Unit], names: Names, slack: float) -> dict[str, np.ndarray]:
    """The pairs of units kept apart whatever their words, by why: two actors, two sums of
    one measure, and a fact and its denial ("Iraq has not requested help" / "Iraq requested
    help"), which share their words, not their meaning."""
    negated = np.array([u.negated for u in units])
    return {
        "two actors": _other_actors(units, names),
        "two sums": _other_figures(units, slack),
        "denial / assertion": negated[:, None] != negated[None, :],
    }


def band_pairs(
    units: list[_Unit], scored: _Scored, rare: np.ndarray, floor: float, bar: float
) -> np.ndarray:
    """The pairs (i < j) of units of two articles scoring from ``floor`` to just under
    ``bar`` that share a ``rare`` word (``_rare``) no name nor title, or a paraphrase:
    those the pair decision may admit, as an (n, 2) array.

    Two units sharing names and a common word ("pledged support for the government of
    Prime Minister Varga", "protested against the government of Prime Minister Varga")
    score in the band, yet state two facts.
    """
    article = np.array([u.sentence.article for u in units])
    scores, lex = scored.scores, scored.lexicon
    band = (scores >= floor) & (scores < bar) & (article[:, None] != article[None, :])
    pairs = np.argwhere(np.triu(band, k=1))
    i, j = pairs[:, 0], pairs[:, 1]
    telling = (lex.said[i] * lex.said[j] * rare).sum(axis=1) + _paraphrased(lex, i, j)
    return pairs[telling > 0]


def _paraphrased(lex: _Lexicon, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """How many lemmas of one unit of each pair the other matches only by a synonym."""
    one = lex.has[i] * lex.covers[j] * (1 - lex.has[j])
    return (one + lex.has[j] * lex.covers[i] * (1 - lex.has[i])).sum(axis=1)


# No "same figure": a pair stating one figure is already raised above the band (``figure_pair``).
PAIR_FEATURES = (
    "blended", "cosine", "rare_words", "names", "paraphrases", "length", "aligned", "context",
)  # fmt: skip


def _pair_features(
    story: StoryContext, units: list[_Unit], pairs: np.ndarray, scored: _Scored, rare: np.ndarray
) -> np.ndarray:
    """Each pair's features, in ``PAIR_FEATURES`` order: its blended score and cosine;
    how many rare words (``AgreementSettings.rare_word``) and names or titles both
    units have (log1p); how many of one's words the
    other matches only by a synonym or WordNet paraphrase (log1p); the shorter's share
    of the longer's lemmas; the units' word alignment (``nlp.alignment``); and how alike
    their sentences' neighbours are (``_context``)."""
    i, j = pairs[:, 0], pairs[:, 1]
    lex = scored.lexicon
    both = lex.has[i] * lex.has[j]
    names = both * (1 - lex.said[i]) * (1 - lex.said[j])
    sizes = lex.has.sum(axis=1)
    return np.column_stack(
        [
            scored.scores[i, j],
            scored.cosine[i, j],
            np.log1p((both * rare).sum(axis=1)),
            np.log1p(names.sum(axis=1)),
            np.log1p(_paraphrased(lex, i, j)),
            np.minimum(sizes[i], sizes[j]) / np.maximum(np.maximum(sizes[i], sizes[j]), 1),
            aligned([u.text for u in units], pairs, story.embed),
            _context(units, scored.scores, pairs),
        ]
    )


def _context(units: list[_Unit], scores: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    """Each pair's best blended score (0 at least) between units of the sentences next to
    its two units' (one before, one after, in each article): two outlets retelling one
    passage tell its facts side by side, while a pair of topical neighbours stands alone."""
    at: dict[tuple[str, int], list[int]] = {}
    for k, unit in enumerate(units):
        at.setdefault(_order(unit.sentence.id), []).append(k)

    def beside(k: int) -> list[int]:
        article, number = _order(units[k].sentence.id)
        return at.get((article, number - 1), []) + at.get((article, number + 1), [])

    found = np.zeros(len(pairs))
    for row, (i, j) in enumerate(pairs):
        near_i, near_j = beside(i), beside(j)
        if near_i and near_j:
            found[row] = max(float(scores[np.ix_(near_i, near_j)].max()), 0.0)
    return found


@dataclass(frozen=True)
class PairModel:
    """A logistic regression over ``PAIR_FEATURES``."""

    weights: np.ndarray
    bias: float

    def probability(self, features: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(features @ self.weights + self.bias)))


@cache
def pair_model(path: str = "") -> PairModel:
    """The pair decision's weights ("": the packaged ``agreement_pairs.json``), read once;
    they must name the features this module computes."""
    data = read_weights(
        Path(path) if path else PAIR_WEIGHTS, PAIR_FEATURES, ("weights",), ("bias",)
    )
    return PairModel(np.array(data["weights"], dtype=np.float64), float(data["bias"]))


def story_pairs(
    story: StoryContext,
) -> tuple[list[tuple[str, str, str]], np.ndarray, np.ndarray]:
    """For training the pair decision: the story's units as (article, text, sentence
    text), the pairs in the band it decides (``band_pairs``) and their features."""
    units = _units(story, story.names)
    if len(units) < 2:
        return [], np.zeros((0, 2), dtype=np.int64), np.zeros((0, len(PAIR_FEATURES)))
    scored = _blended(story, units, story.names)
    rare = _rare(story, scored.lexicon)
    bar = story.cosines.agreement_best
    pairs = band_pairs(units, scored, rare, story.settings.agreements.pair_floor, bar)
    texts = [(u.sentence.article, u.text, u.sentence.text) for u in units]
    return texts, pairs, _pair_features(story, units, pairs, scored, rare)


def _figures(text: str) -> set[str]:
    """The figures a text states ("213", "46,000" as 46000, "1.75", "$1.2 million" as
    1200000, "$1.9T" as 1900000000000), but for a single digit or a year: those are in too
    many facts of a story to tell one. A scale is part of its figure: "$1 million" is no
    single digit, and "$1.75 billion" is not the "1.75 cents" of another fact."""
    return {f for match in _FIGURE.finditer(text) if (f := _figure(match))}


def _figure(match: re.Match[str]) -> str | None:
    """The figure a ``_FIGURE`` match states, scaled (``_figures``), none for a single digit
    or a year."""
    figure = match["number"].replace(",", "").rstrip(".")
    scale = match["word"] or (match["letter"] if match["currency"] else None)
    found = _scaled(figure, _SCALES[scale.lower()]) if scale else figure
    return found if len(found) > 1 and not _YEAR.fullmatch(found) else None


def _scaled(figure: str, scale: int) -> str:
    """A figure times its scale word, written whole ("1.2", a million: "1200000")."""
    whole, _, part = figure.partition(".")
    if not (whole + part).isdigit() or len(whole + part) > _MAX_SCALED_DIGITS:
        return figure  # "1.2.3": no number to scale; a run of digits no sum, too long to read
    return str(int(whole + part) * scale // 10 ** len(part))


def _same_figure(units: list[_Unit]) -> np.ndarray:
    """Pairs of units that state a figure alike."""
    figures = [_figures(u.text) for u in units]
    column = {f: n for n, f in enumerate(sorted(set().union(*figures)))}
    has = np.zeros((len(units), len(column)), dtype=np.float32)
    for i, found in enumerate(figures):
        has[i, [column[f] for f in found]] = 1
    return has @ has.T > 0


def _other_figures(units: list[_Unit], slack: float) -> np.ndarray:
    """Pairs of units that count one measure ("pounds", "people": the word after a figure)
    with figures of which none of one is within ``slack`` of one of the other's: "repairs
    would cost about 2 million pounds" and "are expected to cost 3 million pounds" are two
    accounts of one sum, a dispute, not an agreement either can be cited for. A figure
    rounded ("about 2 million" / "2.1 million") is within the slack; a figure of no measure
    named ("Cosme, 32") is left to the other tests."""
    measured = [_measured(u.text) for u in units]
    apart = np.zeros((len(units), len(units)), dtype=bool)
    stating = [i for i, found in enumerate(measured) if found]
    for n, i in enumerate(stating):
        for j in stating[n + 1 :]:
            shared = measured[i].keys() & measured[j].keys()
            apart[i, j] = apart[j, i] = bool(shared) and not any(
                _within(a, b, slack)
                for measure in shared
                for a in measured[i][measure]
                for b in measured[j][measure]
            )
    return apart


def _measured(text: str) -> dict[str, list[float]]:
    """The figures of a text (``_figures``'s) by the word that follows each, its measure
    ("pounds"; "of", "and" are none)."""
    found: dict[str, list[float]] = {}
    for match in _FIGURE.finditer(text):
        measure = _MEASURE.match(text, match.end())
        figure = _figure(match)
        if measure and measure[1].lower() not in STOP_WORDS and figure is not None:
            with suppress(ValueError):
                found.setdefault(measure[1].lower(), []).append(float(figure))
    return found


def _within(one: float, other: float, slack: float) -> bool:
    """Whether two figures are one, up to rounding by ``slack`` of the larger."""
    return abs(one - other) <= slack * max(abs(one), abs(other))


def _other_actors(units: list[_Unit], names: Names) -> np.ndarray:
    """Pairs of units whose actors are two different people, or two different bodies.

    Rouhani denying that Iran sent troops and Obama ruling out sending US troops
    are two facts however alike their words. A person and a country or group
    are not compared: a president speaks for his country.
    """
    actor = np.array([u.actor or "" for u in units])
    people = {p.casefold() for p in names.people}
    person = np.array([u.actor in people for u in units])
    known = actor != ""
    return (
        known[:, None]
        & known[None, :]
        & (person[:, None] == person[None, :])
        & (actor[:, None] != actor[None, :])
    )


def _clusters(scores: np.ndarray, cosines: Cosines) -> list[list[int]]:
    """Clusters of units, never two units of one sentence in the same cluster.

    Two clusters merge when their closest pair is a strong match and their
    average pair a fair one: outlets word a fact so differently that only
    some pairs are close, but an unrelated unit is far from most members.

    Each row keeps its best merge (``_Merges``), so a merge rescans only the
    rows it touched, not the whole matrix: quadratic in units, not cubic.
    """
    members = [[i] for i in range(len(scores))]
    mean = scores.astype(np.float64)
    np.fill_diagonal(mean, -np.inf)
    best = mean.copy()
    merges = _Merges(mean, best, cosines.agreement_mean)
    while True:
        a, b = merges.next()
        if merges.value[a] < cosines.agreement_best:
            break
        _join(members, mean, best, (a, b))
        merges.merged(a, b)
    return [m for m in members if len(m) > 1]


def _join(
    members: list[list[int]], mean: np.ndarray, best: np.ndarray, pair: tuple[int, int]
) -> None:
    """Cluster ``b`` joins ``a``: Lance-Williams updates of the average and closest pair;
    one same-sentence pair (-inf) keeps two clusters apart for good."""
    a, b = pair
    size_a, size_b = len(members[a]), len(members[b])
    mean[a] = mean[:, a] = (size_a * mean[a] + size_b * mean[b]) / (size_a + size_b)
    best[a] = best[:, a] = np.where(np.isinf(mean[a]), -np.inf, np.maximum(best[a], best[b]))
    members[a], members[b] = members[a] + members[b], []
    mean[b] = mean[:, b] = best[b] = best[:, b] = -np.inf
    mean[a, a] = best[a, a] = -np.inf


class _Merges:
    """The best merge of each row of the clustering: the closest pair ``best`` among the
    clusters whose average pair ``mean`` is fair, as (value, column), ties to the first
    column, so the pair taken is the one an argmax over the whole matrix would take."""

    def __init__(self, mean: np.ndarray, best: np.ndarray, fair: float) -> None:
        self.mean, self.best, self.fair = mean, best, fair
        self.value = np.full(len(mean), -np.inf)
        self.column = np.zeros(len(mean), dtype=np.int64)
        self._rescan(np.arange(len(mean)))

    def _rescan(self, rows: np.ndarray) -> None:
        if len(rows):
            ready = np.where(self.mean[rows] >= self.fair, self.best[rows], -np.inf)
            self.column[rows] = np.argmax(ready, axis=1)
            self.value[rows] = ready[np.arange(len(rows)), self.column[rows]]

    def next(self) -> tuple[int, int]:
        """The pair to merge next (its value is ``value[a]``; ``-inf`` when none is left)."""
        a = int(np.argmax(self.value)) if len(self.value) else 0
        return a, int(self.column[a]) if len(self.value) else 0

    def merged(self, a: int, b: int) -> None:
        """Row and column ``a`` changed and ``b`` is gone. A row takes the new column ``a``
        when it is at least as good as its best; the closest pair of a merged cluster is
        the better of its parts', so only a row whose best was ``a`` or ``b`` and whose
        average pair with the merged one is no longer fair has to be scanned again."""
        fresh = np.where(self.mean[:, a] >= self.fair, self.best[:, a], -np.inf)
        wins = np.isfinite(fresh) & (
            (fresh > self.value) | ((fresh == self.value) & (a <= self.column))
        )
        stale = ((self.column == a) | (self.column == b)) & ~wins & np.isfinite(self.value)
        stale[[a, b]], wins[[a, b]] = True, False
        self.value[wins], self.column[wins] = fresh[wins], a
        self._rescan(np.flatnonzero(stale))


def _text(
    cluster: list[int], units: list[_Unit], scores: np.ndarray, taken: set[str], slack: float
) -> str | None:
    """The member sentence that best stands for the fact: central, clean, short.

    Members within ``slack`` of the most central compete on length. One a
    better-ranked agreement already shows is passed over: two facts told in
    one sentence ("we will not send troops, but we will support Iraq's
    forces") are shown each by another of their sentences, if any.
    """
    # A sentence with a quote mark left open is a fragment of a quote: no statement.
    free = [
        i
        for i in cluster
        if units[i].sentence.text not in taken and balanced_quotes(units[i].sentence.text)
    ]
    if not free:
        return None
    centrality = {i: float(np.mean([scores[i, j] for j in cluster if j != i])) for i in free}
    best = max(centrality.values())
    close = [units[i].sentence.text for i in free if centrality[i] >= best - slack]
    return min(close, key=len)


def _order(sentence_id: str) -> tuple[str, int]:
    article, number = sentence_id.rsplit(":", 1)
    return article, int(number)


def _centre(units: list[_Unit], vectors: np.ndarray) -> np.ndarray:
    """What the story is about: the mean of each article's mean unit vector, so a long
    article weighs as much as a short one."""
    article = np.array([u.sentence.article for u in units])
    means = [vectors[article == a].mean(axis=0) for a in sorted(set(article))]
    return np.mean(means, axis=0)


def _centrality(cluster: list[int], vectors: np.ndarray, centre: np.ndarray) -> float:
    """How central a fact is to its story: the cosine of its units' mean vector and the
    story's ``_centre``."""
    mean = vectors[cluster].mean(axis=0)
    norm = float(np.linalg.norm(mean) * np.linalg.norm(centre))
    return float(mean @ centre) / norm if norm else 0.0


@dataclass(frozen=True)
class _Ranked:
    """A cluster two or more articles carry: its sentence ids, members, sources and the
    independent ones among them."""

    ids: list[str]
    cluster: list[int]
    sources: list[str]
    carried_by: list[str]


def _ranked(story: StoryContext, units: list[_Unit], scored: _Scored) -> list[_Ranked]:
    """The clusters two or more articles carry (``_Ranked``):
    those with the most independent sources first, then the most central to the story
    (``_centrality``), then the first told.

    A reprint is no second witness: a fact an outlet and its reprint alone carry counts
    one independent source, so it ranks after every fact two outlets tell on their own,
    however central. It is listed after them, with its one independent source, under a
    cap of its own (``max_copy_only``): the confirmed facts' cap never drops it.
    """
    centre = _centre(units, scored.vectors)
    ranked: list[tuple[float, _Ranked]] = []
    for cluster in _clusters(scored.scores, story.cosines):
        sources = sorted({units[i].sentence.article for i in cluster})
        if len(sources) < 2:
            continue
        carried_by = independent_articles(sources, story.syndication)
        centrality = _centrality(cluster, scored.vectors, centre)
        ids = sorted((units[i].sentence.id for i in cluster), key=_order)
        ranked.append((centrality, _Ranked(ids, cluster, sources, carried_by)))
    ranked.sort(key=lambda r: (-len(r[1].carried_by), -r[0], _order(r[1].ids[0])))
    return [r for _, r in ranked]


def find_agreements(story: StoryContext) -> list[Agreement]:
    """Facts carried by two or more articles, the most widely carried first."""
    if len(story.articles) < 2:
        return []  # an agreement is carried by two articles: a lone one's units need no clustering
    names, settings = story.names, story.settings.agreements
    units = _units(story, names)
    if len(units) < 2:
        return []  # nothing to agree with: and no pair for the clustering to merge
    scored = _scores(story, units, names)
    kept: list[_Listed] = []
    for found in _ranked(story, units, scored):
        cluster = found.cluster
        # Two clauses of one sentence and of its copy align twice: say it once.
        if any(set(found.ids) <= set(k.agreement.sentence_ids) for k in kept):
            continue
        retold = _retold(cluster, kept, units, (scored.scores, scored.figure), settings)
        retold = retold or _told_twice(cluster, kept, units, scored.scores, settings.told_twice)
        if retold is not None:
            retold.grow(cluster, units, story.syndication)
        else:
            kept.extend(_listing(story, units, scored, found, kept))
    return _capped([k.agreement for k in kept], settings)


def _listing(
    story: StoryContext, units: list[_Unit], scored: _Scored, found: _Ranked, kept: list[_Listed]
) -> list[_Listed]:
    """A cluster listed as a fact of its own, if a member sentence no listed fact shows
    stands for it (``_text``)."""
    taken = {k.agreement.text for k in kept}
    text = _text(found.cluster, units, scored.scores, taken, story.cosines.central_slack)
    if text is None:
        return []
    agreement = Agreement(text, found.sources, found.carried_by, found.ids)
    return [_Listed(agreement, found.cluster)]


def _capped(kept: list[Agreement], settings: AgreementSettings) -> list[Agreement]:
    """The agreements ranked by independent sources (a grown fact may have gained some;
    the sort is stable): the confirmed facts first, each cap taking its own."""
    listed = sorted(kept, key=lambda a: -len(a.independent_sources))
    confirmed = [a for a in listed if len(a.independent_sources) > 1]
    copied = listed[len(confirmed) :]
    return confirmed[: settings.max_agreements] + copied[: settings.max_copy_only]


@dataclass
class _Listed:
    """An agreement the brief lists, its cluster's units (``members``), and each cluster it
    took in kept apart (``parts``, its own first): a cluster retelling one of them retells
    the fact, though the parts taken together average lower."""

    agreement: Agreement
    members: list[int]
    parts: list[list[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.parts = self.parts or [self.members]

    def grow(self, cluster: list[int], units: list[_Unit], syndication: list[Syndication]) -> None:
        """Take in a cluster that retells this fact (``_retold``): its sentences and sources."""
        self.members = sorted(set(self.members) | set(cluster))
        self.parts.append(cluster)
        a = self.agreement
        sources = sorted(set(a.sources) | {units[i].sentence.article for i in cluster})
        ids = set(a.sentence_ids) | {units[i].sentence.id for i in cluster}
        a.sources = sources
        a.independent_sources = independent_articles(sources, syndication)
        a.sentence_ids = sorted(ids, key=_order)


def _retold(
    cluster: list[int],
    kept: list[_Listed],
    units: list[_Unit],
    alike: tuple[np.ndarray, np.ndarray],
    settings: AgreementSettings,
) -> _Listed | None:
    """The listed fact a cluster retells, if any: one sharing a sentence with it, whose
    other sentences' units are alike the cluster's own (``alike``: their pair scores, and
    which pairs state a figure alike; a denial never retells an assertion): their average
    pair scoring ``settings.retold``, or one of the cluster's stating a figure one of the
    listed fact's states ("Facebook's $5 billion FTC fine is a joke" / "approved a roughly
    $5 billion settlement"), or all told by the cluster too; each cluster the listed fact took
    in is read apart (``_Listed.parts``). Or one whose units are parts of one telling with the
    cluster's in the sentences of ``settings.one_telling`` articles or more (``_one_telling``).

    Two units of one sentence never share a cluster, so one fact told by a whole sentence
    and by one of its clauses forms two clusters, each pairing the sentence with another
    outlet ("Trump will call for pressure on North Korea at the UN": t1-t2 and t0-t2): one
    fact listed twice, each time with a source too few. A sentence telling two facts ("the
    House passed the act" / "the act was passed in 2019 too") shares a sentence with the
    second's cluster, but the other outlets' sentences of the two are unlike.
    """
    return next((k for k in kept if _retells(cluster, k, units, alike, settings)), None)


def _retells(
    cluster: list[int],
    listed: _Listed,
    units: list[_Unit],
    alike: tuple[np.ndarray, np.ndarray],
    settings: AgreementSettings,
) -> bool:
    """Whether a cluster retells one listed fact (``_retold``)."""
    common = {units[i].sentence.id for i in cluster} & set(listed.agreement.sentence_ids)
    if not common:
        return False
    if _one_telling(cluster, listed.members, units) >= settings.one_telling:
        return True
    own = [i for i in cluster if units[i].sentence.id not in common]
    return any(
        _alike(own, [j for j in part if units[j].sentence.id not in common], alike, settings.retold)
        for part in listed.parts
    )


def _told_twice(
    cluster: list[int], kept: list[_Listed], units: list[_Unit], scores: np.ndarray, bar: float
) -> _Listed | None:
    """One agreement per article pair and fact: the listed fact a cluster tells again with
    another sentence of one of the fact's own articles, if any (a headline and a lead of one
    outlet, each paired with one sentence of another). The cluster shares a sentence with
    the fact, its other units are all other sentences of the fact's articles, and they
    average ``bar`` with the fact's units of those articles (``_one_article_twice``)."""
    return next((k for k in kept if _one_article_twice(cluster, k, units, scores, bar)), None)


def _one_article_twice(
    cluster: list[int], listed: _Listed, units: list[_Unit], scores: np.ndarray, bar: float
) -> bool:
    """Whether a cluster is a listed fact told twice by its articles (``_told_twice``)."""
    shown = {units[i].sentence.id for i in cluster}
    own, twice = _other_tellings(cluster, shown, listed, units)
    if not twice or len(twice) != len(own):
        return False
    articles = {units[i].sentence.article for i in twice}
    theirs = [
        j
        for j in listed.members
        if units[j].sentence.article in articles and units[j].sentence.id not in shown
    ]
    pairs = scores[np.ix_(twice, theirs)]
    return bool(theirs) and bool(np.isfinite(pairs).all() and pairs.mean() >= bar)


def _other_tellings(
    cluster: list[int], shown: set[str], listed: _Listed, units: list[_Unit]
) -> tuple[list[int], list[int]]:
    """A cluster's units outside the sentences it (whose sentence ids are ``shown``) shares
    with a listed fact (none if it shares none), and those of them in other sentences of the
    fact's own articles."""
    common = shown & set(listed.agreement.sentence_ids)
    if not common:
        return [], []
    own = [i for i in cluster if units[i].sentence.id not in common]
    return own, [i for i in own if units[i].sentence.article in listed.agreement.sources]


def _one_telling(cluster: list[int], members: list[int], units: list[_Unit]) -> int:
    """In how many articles a cluster's unit and a listed fact's are parts of one telling in
    one sentence: a sentence whole and one of its clauses, or two coordinated clauses
    (``_Unit.joins``; an aside only as ``_told_as_one`` says), not an act and its clause
    ("the bombings" / "the bombings killed 224": the clause tells more). Outlets that tell
    two predicates in one sentence ("have seized Mosul and are moving closer to Baghdad",
    "have seized several cities and are closing in on Baghdad") would otherwise have each
    listed by those same sentences."""
    shared = {units[j].sentence.id for j in members}
    # The articles that tell the cluster in a sentence of their own, not the listed fact's.
    own = {units[i].sentence.article for i in cluster if units[i].sentence.id not in shared}
    return len(
        {
            units[i].sentence.article
            for i in cluster
            for j in members
            if units[i].sentence.id == units[j].sentence.id
            and _told_as_one(units[i], units[j], len(own) >= 2)
        }
    )


def _told_as_one(one: _Unit, other: _Unit, apart: bool) -> bool:
    """Whether two units of one sentence are one telling (``_one_telling``): a whole and one
    of its clauses, two coordinated clauses; a whole and its aside only when the aside's
    cluster is not told ``apart`` (in sentences of its own in two articles): "Parker
    discovered solar wind in the 1950s" is a fact of its own beside the probe's naming."""
    if one.head in other.joins or other.head in one.joins:
        return True
    return not apart and (one.head in other.asides or other.head in one.asides)


def _alike(
    own: list[int], told: list[int], alike: tuple[np.ndarray, np.ndarray], bar: float
) -> bool:
    """Whether two sets of units tell one fact (``_retells``): no pair of them is kept apart
    (a denial and an assertion, two actors), and their average pair scores ``bar`` or one
    pair states a figure alike; or the listed fact has none left (``told``): the cluster
    holds all its sentences."""
    if not told:
        return True
    scores, figure = (pairs[np.ix_(own, told)] for pairs in alike)
    return bool(np.isfinite(scores).all() and (scores.mean() >= bar or figure.any()))
