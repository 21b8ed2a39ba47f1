"""Which outlets debunk what the others report: articles a learned scorer rates as debunking,
each set against the lead sentences of the articles it rates as reporting.

A debunking outlet calls the story untrue ("a marine biologist has killed off
claims that a giant crab is living on the Kent coast - insisting the image is
probably a well-doctored hoax"); a reporting outlet tells the claim in its
lead. Each article gets a probability that it debunks what the others report
(``debunk_model``: a logistic regression over cue families, where the first
cue falls, whether it is said of a report or names what the other leads
name, how many other articles carry a cue too, and word classes: sentences
calling a report untrue, WordNet untruth words). A report disowning what it
is told to hold calls that untrue too ("the first story ... says nothing
about X", ``_disowned``). Articles at or above
``ConflictSettings.debunk_probability`` debunk; when some articles debunk and
others do not, each debunker's first sentence calling a report untrue (else its
first sentence, when that denies a claim and refuses nothing (``_refuses``), against
reports sharing three content words with it) is set against each reporter's
lead sentence most like it, told independently, when
the two are about one matter (a shared name, or a cosine of
``Cosines.debunk_report``) and, when the debunk names what it calls untrue
("the claims of a massacre", "the Russia collusion hoax"), the report asserts it in its own
voice (``_tells``). Weights and threshold are fitted by
``bench/train_debunk.py`` on the FNC-1 dev stories and scored by
cross-validation by story in ``bench/fnc1.py``; false alarms are
read on the unlabelled Multi-News and DUC dev clusters
(``bench/analysis.py --unlabelled``). The rule-based ``denial`` detector, run
first, finds the claim a sentence denies; this one is the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from spacy.tokens import Doc, Span, Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.entities import Names
from storybrief.analyze.independence import told_independently
from storybrief.analyze.lexicon import (
    CLAIMED_BENEFITS,
    DEBUNK_CUES,
    DEBUNK_VERDICTS,
    DENIAL_CUES,
    NEGATED_TRUTHS,
    NEGATIONS,
    REPORTS,
    SHOWING,
    TRUTHS,
    UNPROVEN,
    content,
    judges_maker,
)
from storybrief.analyze.syntax import objects_of, that_clause
from storybrief.models import Article, Conflict, ConflictKind, Sentence

from . import debunk_model
from .base import Merged
from .debunk_model import lowered, names_of, pattern
from .negation import negated

kind: ConflictKind = "debunk"
takes_side = True
# Its conflicts are kept only where no earlier detector's tell them (``find_conflicts``):
# a denial the rules matched, or a figure dispute a denial joined, is told better there.
fallback = True

# Words that call a story untrue whatever they are said of.
_VERDICT = pattern(DEBUNK_VERDICTS)
# Words that call something untrue when said of a report: a debunk word, a negated truth.
_CALLS_UNTRUE = (pattern(DEBUNK_CUES - DEBUNK_VERDICTS), pattern(NEGATED_TRUTHS))
# What a debunk word must be said of, unless a verdict. Not "news", which names the media
# ("attacking the fake and fraudulent news media") more than one claim.
_REPORTS = REPORTS - {"news"}
_DENIAL = pattern(DENIAL_CUES)
# A claim told as unproven: "alleged, without evidence, that ...".
_UNPROVEN = pattern(UNPROVEN)
_SPACES = re.compile(r"\s+")


def calls_untrue(doc: Doc) -> bool:
    """Whether a parsed sentence calls a story untrue: a verdict word, or another cue said of
    a report ("the claims are false", "no evidence for the claim"), neither negated ("not a
    hoax"), or a report disowning what it is told to hold (``_disowned``); a question asks,
    and calls nothing."""
    if doc.text.rstrip().endswith("?"):
        return False
    text = lowered(doc.text)
    cues, truths = _CALLS_UNTRUE
    return (
        bool(_disowned(doc))
        or any(_affirmed(doc, m.start(), m.end()) for m in _VERDICT.finditer(text))
        or any(_said_of_report(doc, m.start(), m.end()) for m in truths.finditer(text))
        or any(
            _affirmed(doc, m.start(), m.end()) and _said_of_report(doc, m.start(), m.end())
            for m in cues.finditer(text)
        )
    )


def sentence_untrue(ctx: StoryContext, sentence: Sentence) -> bool:
    """``calls_untrue`` of a story's sentence, read once: the scorer's features read it of
    every sentence, then the debunk sentence and its pairs read it again."""
    return ctx.per_sentence(
        "debunk.untrue", sentence, None, partial(calls_untrue, ctx.docs[sentence.id])
    )


def _disowned(doc: Doc) -> list[Token]:
    """The heads of what a report disowns, told to hold it (``_held``), by the sentence's first
    verb that disowns a thing: a showing verb (``lexicon.SHOWING``) negated, itself or the
    verb it completes or is joined to, with a report its subject or that verb's ("the first
    story ... says nothing about X", "the images aren't meant to show X"): the issue's negated
    reporting verbs, a word class, not one outlet's phrase. None when it names nothing ("the
    report did not say how many died" disowns no claim)."""
    return next((held for t in doc if _disowns(t) and (held := _held(t))), [])


def _disowns(verb: Token) -> bool:
    """Whether a word is a showing verb a report's subject negates (``_disowned``)."""
    if verb.lemma_.lower() not in SHOWING or verb.pos_ not in {"VERB", "AUX"}:
        return False
    verbs = [verb, verb.head] if verb.dep_ in {"xcomp", "conj"} else [verb]
    subjects = [c for v in verbs for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(map(negated, verbs)) and any(map(_is_report, subjects))


def _held(verb: Token) -> list[Token]:
    """The heads of what a showing verb tells: its object ("show **lunches**") and what it is
    "about" ("says nothing about **Bieber**"); not a negation word ("nothing")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return [t for t in objects if t.lower_ not in NEGATIONS] + objects_of([verb, *objects], "about")


def _affirmed(doc: Doc, start: int, end: int) -> bool:
    """Whether the cue at ``start:end`` of a sentence is said, not negated: "it is not a
    hoax", "was no hoax", "has never been debunked" call nothing untrue (FNC-1 fnc017's
    "climate change ... is not a hoax" was set against both camps)."""
    cue = doc.char_span(start, end, alignment_mode="expand")
    return cue is not None and not any(negated(t) for t in cue)


def _said_of_report(doc: Doc, start: int, end: int) -> bool:
    """Whether the cue at ``start:end`` of a sentence is said of a report."""
    return bool(_reports_near(doc, start, end))


def _reports_near(doc: Doc, start: int, end: int) -> set[Token]:
    """The reports the cue at ``start:end`` is said of: the cue's word or its head, a
    dependent of either, or the object of such a dependent's preposition, when a report."""
    cue = doc.char_span(start, end, alignment_mode="expand")
    return set() if cue is None else {t for t in _near(cue) if _is_report(t)}


def _is_report(token: Token) -> bool:
    """Whether a word names a report called untrue: not "bogus asylum claims" (filed for a
    benefit) nor statements judged by their maker's act (``lexicon.judges_maker``: "Trump
    made several false claims", "charge Flynn with false statements"), which no other
    outlet's lead reports as true: AllSides stories-dev."""
    filed = any(
        c.dep_ == "compound" and c.lemma_.lower() in CLAIMED_BENEFITS for c in token.children
    )
    return token.lemma_.lower() in _REPORTS and not filed and not judges_maker(token)


def _near(cue: Span) -> set[Token]:
    """A cue's words and their heads, their dependents, and those prepositions' objects; and
    what a cue after "as" is predicated of (``_predicated``)."""
    near = {t for word in cue for t in (word, word.head, *_predicated(word))}
    near |= {child for t in list(near) for child in t.children}
    return near | {g for t in list(near) if t.dep_ == "prep" for g in t.children}


def _predicated(word: Token) -> list[Token]:
    """What a word after "as" is said of: the object of the verb "as" hangs on ("rate the
    photograph as a likely fake", "termed the reports as false"), or its passive subject ("the
    claims were dismissed as false"): a verb's object complement, a class of the syntax, not a
    list of judging verbs."""
    prep = word.head
    if prep.lower_ != "as" or prep.dep_ != "prep" or prep.head.pos_ not in {"VERB", "AUX"}:
        return []
    return _child(prep.head, ("dobj", "nsubjpass"))


def called_untrue(doc: Doc) -> str:
    """What a sentence calls untrue, in its own words: what each of its cues judges, without
    the judging adjectives, the report nouns and the cues ("the claims **of a massacre** were
    not true", "**Egan's** false claims", "the **Russia collusion** hoax", "falsely asserts
    **election fraud**"); "" when it names nothing ("the story is false")."""
    return " ".join(t.text for t in _said(doc))


def _said(doc: Doc) -> list[Token]:
    """The words of what a sentence calls untrue (``called_untrue``), in sentence order."""
    cues = _cue_words(doc)
    judged = [(j, j in cues) for c in cues for j in _judged(c)]
    judged += [(j, False) for j in _disowned(doc)]
    said = {t for j, cue in judged for t in _governed(j, cue) if t not in cues}
    return sorted(said, key=lambda t: t.i)


def _core(said: list[Token], carries: Callable[[Token], bool]) -> list[Token]:
    """The words carrying what is called untrue: the head of each phrase of it (the first
    level down that ``carries`` a word, past "of" in "the claims of a massacre") and the
    head's own dependents in it, not its clauses' words ("a false report that a body was
    found wearing a life jacket, which would have indicated passengers": found, body,
    wearing; not passengers)."""
    inside = {t.i for t in said}
    level = [t for t in said if t.head.i not in inside or t.head is t]
    while level and not any(map(carries, level)):
        level = _dependents(level, inside)
    return level + _dependents(level, inside)


def _dependents(heads: list[Token], inside: set[int]) -> list[Token]:
    """The dependents of some words that are among the words ``inside`` (by index)."""
    return [c for t in heads for c in t.children if c.i in inside]


def _cue_words(doc: Doc) -> list[Token]:
    """The words of a sentence's cues calling something untrue, verdicts included."""
    text = lowered(doc.text)
    spans = [m.span() for p in (_VERDICT, *_CALLS_UNTRUE) for m in p.finditer(text)]
    cues = (doc.char_span(start, end, alignment_mode="expand") for start, end in spans)
    return [t for c in cues if c is not None for t in c]


# The dependencies of a cue word on what it judges, when that is its head ("debunked claims",
# "the hoax claims"), its head's subject ("the video was false", "the photo is a hoax"), its
# head's object ("calling the statements false") or what its head asserts ("falsely asserts
# election fraud"): spaCy's English labels.
_JUDGES_HEAD = {"amod", "compound", "nmod"}
_JUDGES_SUBJECT = {"acomp", "attr"}
_JUDGES_OBJECT = {"oprd"}
_ASSERTED = ("dobj", "ccomp", "nsubjpass", "xcomp")
# What a cue verb judges, when it asserts nothing: a participle's subject, where it has no
# object ("her and her husband's faces photoshopped on the couple's bodies": a Multi-News joke
# photo, parsed as a clause with a subject, was set against a lead that never tells of it).
_UNDERGOES = (*_ASSERTED, "nsubj")


def _judged(cue: Token) -> list[Token]:
    """The words a cue word judges, the heads of what it calls untrue: see ``_JUDGES_HEAD``; a
    cue noun judges itself too ("the Russia collusion hoax", "no evidence for the claim that
    ..."), a cue verb its object ("debunking the voting machine claims", "claims were
    debunked"; its subject when it has none, ``_UNDERGOES``); a cue's other words ("not" of
    "not true") judge nothing."""
    head = cue.head
    noun = [cue] if cue.pos_ in {"NOUN", "PROPN"} else []
    if predicated := _predicated(cue):
        return predicated
    if cue.dep_ in _JUDGES_HEAD:
        return [head]
    if cue.dep_ in _JUDGES_SUBJECT:
        return noun + _child(head, ("nsubj", "nsubjpass"))
    if cue.dep_ in _JUDGES_OBJECT:
        return noun + _child(head, ("dobj",))
    if cue.dep_ == "advmod":
        return _child(head, _ASSERTED)
    return noun or (_child(cue, _UNDERGOES) if cue.pos_ == "VERB" else [])


def _child(head: Token, dependencies: tuple[str, ...]) -> list[Token]:
    """A word's first dependent of the first of some kinds it has, if any."""
    found = (c for d in dependencies for c in head.children if c.dep_ == d)
    return [c] if (c := next(found, None)) is not None else []


def _governed(judged: Token, cue: bool) -> list[Token]:
    """What a judged word names: its phrase, but its adjectives ("spurious" in "spurious
    claims" judges, it tells nothing), the report nouns in it, and, when the judged word is a
    cue itself, its relative clauses ("a hoax **that everyone is falling for**" tells who
    believes it, where "a report **that claimed he would declare victory**" tells the claim)."""
    kept = [judged, *(c for c in judged.children if not _describes(c, cue))]
    return [
        t
        for child in kept
        for t in (child.subtree if child is not judged else [child])
        # A preposition tells nothing, nor one spelt as a verb ("the statements regarding the
        # photo are completely false" names nothing beyond the photo: FNC-1 tune half).
        if t.lemma_.lower() not in _REPORTS and t.dep_ != "prep"
    ]


def _describes(child: Token, cue: bool) -> bool:
    """Whether a word's dependent judges or describes it, telling nothing it claims: an
    adjective, or a cue's relative clause with a relative word (not a "that" conjunction:
    "a hoax that the ferry sank" tells the claim)."""
    relative = child.dep_ == "relcl" and not any(t.dep_ == "mark" for t in child.children)
    return child.dep_ == "amod" or (cue and relative)


def probabilities(ctx: StoryContext) -> dict[str, float]:
    """Each article's probability of debunking what the others report, by article id."""
    model = debunk_model.load(ctx.settings.conflicts.debunk_weights)
    found = debunk_model.readings(ctx, partial(sentence_untrue, ctx))
    return {a: model.probability(x) for a, x in debunk_model.features(ctx, found).items()}


def detect(ctx: StoryContext) -> list[Conflict]:
    """Per debunking outlet, one conflict: its first debunk sentence against the leads of the
    outlets rated as reporting, the one most like it first (its words are the topic)."""
    if len(ctx.articles) < 2:
        return []
    rated = probabilities(ctx)
    threshold = ctx.settings.conflicts.debunk_probability
    ranked = sorted(ctx.articles, key=lambda a: a.id)
    reports = [a for a in ranked if rated[a.id] < threshold]
    merged: Merged[str] = Merged(ctx, kind)
    for debunker in (a for a in ranked if rated[a.id] >= threshold):
        for sides in _pairs(ctx, debunker, reports):
            merged.add(debunker.id, _topic(ctx, sides[1]), sides)
    return merged.conflicts()


def _pairs(
    ctx: StoryContext, debunker: Article, reports: list[Article]
) -> list[tuple[Sentence, Sentence]]:
    """A debunker's debunk sentence (``debunk_sentence``) against each report's lead sentence
    most like it, the closest pair first, when that sentence answers it (``_answers``)."""
    debunk = debunk_sentence(ctx, debunker)
    if debunk is None:
        return []
    lead = [*_lead(ctx, debunker.sentences), debunk]
    answers = partial(_answers, ctx, lead)
    pairs = [
        (debunk, best)
        for r in reports
        if (best := _closest(ctx, debunk, r.sentences)) and answers(best)
    ]
    return sorted(pairs, key=lambda p: _closeness(ctx, p), reverse=True)


def _answers(ctx: StoryContext, debunking: list[Sentence], report: Sentence) -> bool:
    """Whether a report's sentence is one a debunk answers: about one matter with the debunking
    article (``_one_matter``), asserting what the debunk calls untrue (``_tells``), and, for a
    denial, telling what it denies. ``debunking``: the lead, then the debunk. Only the report's
    lead sentence most like the debunk is tried: trying each lead sentence set debunks against
    leads on their own side (AllSides, FNC-1 tune half; BENCHMARKS.md, tried, not kept)."""
    debunk = debunking[-1]
    # A denial says what it denies: the report must tell it ("denied that Kenya had sent
    # troops" is no answer to "Kenyan soldiers allegedly raided a camp").
    words = 0 if sentence_untrue(ctx, debunk) else ctx.settings.conflicts.denial_shared
    return (
        _one_matter(ctx, debunking, report)
        and _tells(ctx, debunk, report)
        and len(content(debunk.text, ctx.names) & content(report.text, ctx.names)) >= words
        and (not words or _names_denier(ctx, debunk, report))
    )


def answered(ctx: StoryContext, debunker: Article) -> set[str]:
    """The articles (ids) a debunker's debunk sentence would be set against were every other
    article rated as reporting: those ``_pairs`` keeps (one matter, told, independent)."""
    others = [a for a in ctx.articles if a is not debunker]
    return {report.article for _, report in _pairs(ctx, debunker, others)}


def debunk_sentence(ctx: StoryContext, debunker: Article) -> Sentence | None:
    """A debunking article's side: its first sentence calling a report untrue, else its first
    sentence when that is a denial ("X denied reports that ..."), else none."""
    # Not any cue: "bogus accounts" calls no report untrue, and a denial after the first
    # sentence ("attorneys have emphatically denied the new allegations", the third) was set
    # against an unrelated lead on an unlabelled Multi-News cluster. An article that opens
    # with a denial and is rated as debunking is the denial's story (FNC-1 traces: two such
    # articles had no side).
    untrue = (s for s in debunker.sentences if sentence_untrue(ctx, s))
    denial = (
        s
        for s in debunker.sentences[:1]
        if _DENIAL.search(lowered(s.text))
        and not s.text.rstrip().endswith("?")
        and not _refuses(ctx.docs[s.id])
    )
    return next(untrue, None) or next(denial, None)


def _refuses(doc: Doc) -> bool:
    """Whether a sentence's first denial refuses a thing granted, calling no claim untrue: it
    has a recipient ("denied them entry", "the couple was denied a wedding cake") or denies
    what is no claim ("deny funding to clinics", "his request was denied", "climate denial").
    A denial of a claim takes a clause ("denied that ...", "denied having ...") or a claim
    (``_is_claim``: "denied the reports", "denies any wrongdoing"), or says no more ("the
    ministry denied"). AllSides stories-dev: refusals were set against leads on the funding
    rule, the cake ruling, the flag ban."""
    cue = _denial_cue(doc)
    # A clause before the cue is none it denies ("Senate to pass bill ..., deny Trump wall
    # funding": "pass" parsed as the denial's clause).
    if cue is None or any(c.dep_ in _CLAUSES and c.i > cue.i for c in cue.children):
        return False
    return _recipient(cue) or not all(map(_is_claim, _denied(cue)))


# A denial verb's dependents that are what it calls untrue as a clause: "denied that she met
# him" (ccomp), "denied having met him" (xcomp, or pcomp under a preposition).
_CLAUSES = {"ccomp", "xcomp", "pcomp"}
# What a denial of a claim denies, when a noun: a report (``lexicon.REPORTS``), its truth
# ("denied any evidence of collusion"), an accusation of a wrong ("denies sexual misconduct",
# "denied involvement in the attack") or a reported intent ("denies plan to send troops").
_CLAIMS = REPORTS | TRUTHS | {
    "accusation", "charge", "wrongdoing", "misconduct", "involvement", "responsibility",
    "role", "knowledge", "link", "tie", "connection", "existence", "guilt", "complicity",
    "collusion", "affair", "participation", "presence", "contact", "account", "plan",
    "deal", "agreement", "intention",
}  # fmt: skip
# Pronouns naming a recipient, not a claim: "denied them", "he was denied".
_PERSONS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them"}


def _denial_cue(doc: Doc) -> Token | None:
    """The word of a sentence's first denial cue ("denied", "denial")."""
    found = _DENIAL.search(lowered(doc.text))
    cue = None if found is None else doc.char_span(*found.span(), alignment_mode="expand")
    return None if cue is None else cue.root


def _recipient(cue: Token) -> bool:
    """Whether a denial has a recipient: a dative ("denied them entry"), one a passive's
    subject when a thing is denied too ("the couple was denied a cake"), or a "to" phrase
    ("denied a wedding cake to the couple")."""
    deps = {c.dep_ for c in cue.children}
    passive = "nsubjpass" in deps and "dobj" in deps
    to = any(c.dep_ == "prep" and c.lower_ == "to" for c in cue.children)
    return "dative" in deps or passive or (to and "dobj" in deps)


def _denied(cue: Token) -> list[Token]:
    """What a denial denies, as words: a verb's object or passive subject ("his request was
    denied"), a noun's "of" object or compound ("denial of funding", "climate denial"). The
    word, not its tag, tells the noun: a title's "Trump Denies Knowing" is tagged a name."""
    if not cue.lower_.startswith("denial"):
        return [c for c in cue.children if c.dep_ in {"dobj", "nsubjpass"}]
    compounds = [c for c in cue.children if c.dep_ == "compound"]
    return compounds + objects_of([cue], "of", dep=None)


def _is_claim(denied: Token) -> bool:
    """Whether what a denial denies is a claim: a claim noun (``_CLAIMS``), a phrase with a
    clause ("the story that ..."), a pronoun other than a person's ("denied it")."""
    clause = any(map(that_clause, denied.children))
    pronoun = denied.pos_ == "PRON" and denied.lower_ not in _PERSONS
    return denied.lemma_.lower() in _CLAIMS or clause or pronoun


def _names_denier(ctx: StoryContext, denial: Sentence, report: Sentence) -> bool:
    """Whether a report names who an opening denial's denier is, when the denier is named:
    "The mayor of the Japanese city of Nagano ... denied allegations that city officials
    bribed members of the International Olympic Committee" answers no lead on the Salt Lake
    bids that shares only the committee's name and the story's words (DUC d30038t)."""
    named = _denier_names(ctx.docs[denial.id])
    return not named or bool(named & _proper_words(ctx.docs[report.id]))


def _denier_names(doc: Doc) -> set[str]:
    """The proper-name words of the subject of a sentence's first denial verb, its
    appositions and clauses left out ("site of the 1998 Winter Olympics" names no denier)."""
    verb = _denial_verb(doc)
    if verb is None:
        return set()
    aside = {"appos", "relcl", "acl"}
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    kept = [t for s in subjects for t in _without(s, aside)]
    return _proper_words(kept)


def _denial_verb(doc: Doc) -> Token | None:
    """The verb of a sentence's first denial cue ("denied", or the verb a "denial" hangs on)."""
    cue = _denial_cue(doc)
    return cue if cue is None or cue.pos_ in {"VERB", "AUX"} else cue.head


def _without(head: Token, dependencies: set[str]) -> list[Token]:
    """A phrase's words, its words' dependents of some kinds (and their words) left out."""
    left_out = {t.i for c in head.subtree if c.dep_ in dependencies for t in c.subtree}
    return [t for t in head.subtree if t.i not in left_out]


def _proper_words(tokens: Doc | list[Token]) -> set[str]:
    """The lower-cased words of names, nationalities and places among some tokens."""
    return {t.lower_ for t in tokens if t.pos_ == "PROPN" or t.ent_type_ in {"NORP", "GPE"}}


def _lead(ctx: StoryContext, sentences: list[Sentence]) -> list[Sentence]:
    return [s for s in sentences if s.index < ctx.settings.conflicts.debunk_lead]


def _closest(ctx: StoryContext, debunk: Sentence, sentences: list[Sentence]) -> Sentence | None:
    """The reporter's lead sentence most like the debunk, told independently, if any."""
    lead = [s for s in _lead(ctx, sentences) if told_independently(ctx, debunk, s)]
    return max(lead, key=lambda s: _closeness(ctx, (debunk, s)), default=None)


def _closeness(ctx: StoryContext, sides: tuple[Sentence, Sentence]) -> tuple[float, str, str]:
    """How alike a debunk and a report are, ties broken by their ids (any input order)."""
    return ctx.similarity(*sides), sides[0].id, sides[1].id


def _one_matter(ctx: StoryContext, debunking: list[Sentence], report: Sentence) -> bool:
    """Whether a debunking article is about what a report tells: a name its lead or debunk
    shares with the report, or a debunk close in meaning (a debunk of another matter, "the
    shark rumour was a hoax" against a crab photo, is none). ``debunking``: the lead, then
    the debunk."""
    return bool(names_of(ctx, debunking) & names_of(ctx, [report])) or (
        ctx.similarity(debunking[-1], report) >= ctx.cosines.debunk_report
    )


def _tells(ctx: StoryContext, debunk: Sentence, report: Sentence) -> bool:
    """Whether a report asserts what a debunk calls untrue: in its own words, with
    ``ConflictSettings.debunk_told`` words of it when the debunk names it (all, when fewer).
    Sharing the story's names is not enough: "unfounded claims of ballot fraud" or "the Russia
    collusion hoax" in one outlet's lead is no answer to another's lead on a firing or a
    hearing that never tells the claim (AllSides stories-dev), nor "the claims of a massacre
    were not true" to East Timor leads on other events (a DUC topic cluster). Nor are any
    words of it enough: as many must be its head's (``_core``), or "a false report that a body
    was found wearing a life jacket, which would have indicated passengers ..." answers a
    lead on the wreck search that "found" parts of a "passenger" jet (a Multi-News cluster)."""
    words = _said(ctx.docs[debunk.id])
    told = _asserted(ctx, ctx.docs[report.id])
    # Each word's content read once, for the core's test and for both sets.
    read = {t.i: content(t.text, ctx.names) for t in words}
    core = _core(words, lambda t: bool(read[t.i]))
    return all(
        len(said & told) >= min(len(said), ctx.settings.conflicts.debunk_told)
        for said in ({w for t in tokens for w in read[t.i]} for tokens in (words, core))
    )


def _content(tokens: list[Token], names: Names) -> set[str]:
    """The content words of some tokens (``lexicon.content``), read token by token: a word
    never spans two tokens, so this is their joined text's content, without the joining."""
    return {w for t in tokens for w in content(t.text, names)}


def _asserted(ctx: StoryContext, doc: Doc) -> set[str]:
    """The content words a sentence tells as true in its own voice: none when it calls
    something untrue or unproven ("allege, without specific evidence, that there was massive
    voter fraud"), and not those it tells as a report's ("walking back wild election fraud
    **allegations**", "the president's **claims** of voter fraud"): such a report is on the
    debunk's side (AllSides stories-dev)."""
    text = lowered(doc.text)
    if any(p.search(text) for p in (*_CALLS_UNTRUE, _VERDICT, _UNPROVEN)):
        return set()
    reported = {t.i for r in doc if r.pos_ == "NOUN" and _is_report(r) for t in r.subtree}
    return _content([t for t in doc if t.i not in reported], ctx.names)


def _topic(ctx: StoryContext, report: Sentence) -> str:
    """What is disputed: the report's words, cut, "— reported, and called untrue"."""
    words = _SPACES.split(report.text.strip())[: ctx.settings.conflicts.denial_topic_words]
    return " ".join(words).rstrip(" ,;:.") + " — reported, and called untrue"
