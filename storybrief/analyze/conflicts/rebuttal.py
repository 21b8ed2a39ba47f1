"""Accounts in contradiction, told in words: one party says something, and the next sentence
of the same article answers it with another party's contrary account.

"Activists ... have for weeks criticized the water department for ignoring
commercial deadbeats." / "In response, water officials steadfastly maintained
that their collection efforts ... included commercial properties." and "the
Transport Ministry saying the airline did not have a permit to fly on
Sundays." / "However, Singapore's Civil Aviation Authority said ... the airline
had been approved to fly the route daily." A rebuttal is a sentence that
opens by answering the one before ("However", "But", "In response"), gives
its account in a party's voice (a verb of saying with a subject that is no
pronoun), the party named in neither of the two subjects of the other; and
either says it as a rebuttal ("maintained", "insisted", "countered",
"disputed") or tells the other's matter (``ConflictSettings.rebuttal_shared``
content words) with the other polarity ("did not have a permit" / "had been
approved"). Both sentences are the conflict's sides, in one article: these
disputes are told by one outlet that reports both parties. Written on the
gold-dev tune half's two such disputes; read for false alarms on the
unlabelled Multi-News and DUC dev clusters (``bench/analysis.py
--unlabelled``).

The exchange may also be told in one sentence, each party's account its own side:
a contrary account in a clause of contrast ("Relatives insisted they must have
been duped, though the Malaysian authorities say otherwise"; "The government
alleges ..., while Microsoft maintains ..."), said as a rebuttal or "otherwise";
or a party disputing another's claim ("Muttaqi disputed U.S. assertions that bin
Laden is a rich man"; "Anwar denied Mahathir's claim that he had approved the
bailout"), the claim's maker named and what it claims told. Written on the two
such disputes of the gold-dev tune half.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storybrief.analyze.context import StoryContext
from storybrief.analyze.lexicon import NEGATIONS, content
from storybrief.models import Attribution, Claim, Conflict, ConflictKind, Sentence

from .base import Merged

kind: ConflictKind = "rebuttal"
takes_side = True

# How a sentence opens when it answers the one before.
_ANSWERS = ("however", "but", "yet", "in response", "in reply", "responding")
# Verbs that give a party's account ("said", "criticized"), and those that give it as a
# rebuttal of another's.
_REBUTTING = frozenset(
    {"maintain", "insist", "counter", "contend", "dispute", "reject", "contradict", "refute"}
)
_VOICED = _REBUTTING | frozenset(
    {
        "say", "tell", "state", "claim", "argue", "announce", "report", "accuse", "criticize",
        "criticise", "charge", "allege", "note", "add", "explain", "respond", "reply",
    }
)  # fmt: skip
_AUXILIARIES = frozenset({"have", "be", "do"})
# Determiners that point back to a party named before: "the company", "this group".
_POINTING = frozenset({"the", "this", "that", "these", "those"})
_NAMED = {"PROPN"}
# An account of an earlier state, or of one so far: an update, not a contrary account
# ("Taiwan had formerly barred him" / "his previous status had been ordered lifted"; a petition
# to freeze accounts / "no accounts have so far been frozen": unlabelled DUC clusters).
_UPDATE = re.compile(r"\b(?:formerly|previous(?:ly)?|earlier|so far|not yet|no longer)\b")
# What ought to be: a view, neither true nor false ("Thus, Microsoft argues, antitrust policy
# should tread gently." / "But the deal, government officials insist, should have no direct
# effect on the current case.": a clash of views on an unlabelled DUC cluster, d30026t).
_VIEW = re.compile(r"\b(?:should|shouldn't|ought)\b")
# Clauses of contrast that set a second account against the first ("..., though X say
# otherwise"); "but" is left out: it also opens a mere addition ("said ..., but added ...").
_CONTRAST = frozenset({"though", "although", "while", "whereas"})
# An account given as the other's contrary one: a verb of rebuttal, or an allegation met.
_CONTRARY = _REBUTTING | frozenset({"allege"})
# Disputing another's claim ("disputed U.S. assertions that ..."), and the claims disputed.
_DISPUTING = frozenset({"dispute", "deny", "reject", "contest", "refute", "dismiss", "contradict"})
_CLAIMS = frozenset(
    {"assertion", "claim", "allegation", "contention", "accusation", "suggestion", "statement"}
)
_MAKER_DEPS = {"poss", "compound"}  # "Mahathir's claim", "U.S. assertions"


def detect(ctx: StoryContext) -> list[Conflict]:
    """Each rebuttal with the sentence it answers, one conflict per pair."""
    merged: Merged[str] = Merged(ctx, kind)
    for article in sorted(ctx.articles, key=lambda a: a.id):
        for said, answer in zip(article.sentences, article.sentences[1:], strict=False):
            parties = _parties(ctx, said, answer)
            if parties is not None:
                topic = f"{parties[0]} against {parties[1]} — told, and answered"
                # By the parties: a reprint of the exchange joins its conflict.
                merged.add(topic, topic, (said, answer))
    return merged.conflicts() + _within(ctx)


def _within(ctx: StoryContext) -> list[Conflict]:
    """The exchanges told in one sentence, one conflict per pair of parties, a reprint of the
    sentence joining its conflict."""
    found: dict[str, Conflict] = {}
    for sentence in ctx.sentences:
        doc = ctx.docs[sentence.id]
        if not _an_account(sentence.text, doc):
            continue
        sides = _contrasted(doc) or _disputed(doc)
        if sides is None:
            continue
        claims = [_side(sentence, words, party) for words, party in sides]
        topic = f"{_name(sides[0][1])} against {_name(sides[1][1])} — told, and answered"
        conflict = found.setdefault(topic, Conflict(topic, [], kind))
        conflict.claims += claims
    return list(found.values())


def _an_account(text: str, doc: Doc) -> bool:
    """Whether a sentence tells an account: it neither asks nor supposes, and tells neither an
    update nor what ought to be."""
    lowered = text.lower()
    return not (_asks_or_supposes(doc) or _UPDATE.search(lowered) or _VIEW.search(lowered))


_Side = tuple[list[Token], Token]  # a side's words and the subject naming its party


def _contrasted(doc: Doc) -> tuple[_Side, _Side] | None:
    """A party's account and, in a clause of contrast under it, another party's contrary one
    ("X insisted ..., though Y say otherwise"), as the two sides' words and parties."""
    for verb in _sayings(doc):
        parties = _contrary_parties(verb)
        if parties is not None:
            clause = list(verb.subtree)
            told = [t for t in doc if t not in clause]
            return (told, parties[0]), ([t for t in clause if t not in _marks(verb)], parties[1])
    return None


def _sayings(doc: Doc) -> list[Token]:
    """The verbs of a sentence that give a party's account."""
    return [t for t in doc if t.lemma_.lower() in _VOICED and t.pos_ == "VERB"]


def _marks(verb: Token) -> list[Token]:
    """The words that open a verb's clause ("though", "while")."""
    return [c for c in verb.children if c.dep_ == "mark"]


def _contrary_parties(verb: Token) -> tuple[Token, Token] | None:
    """The parties of the account a verb of saying in a clause of contrast answers, and of its
    own, when two apart and the answer is contrary (``_contrary``)."""
    if not any(c.lower_ in _CONTRAST for c in _marks(verb)):
        return None
    first = next((a for a in verb.ancestors if a.lemma_.lower() in _VOICED), None)
    if first is None or not _contrary(first, verb):
        return None
    told, answering = _party(first), _party(verb)
    if told is None or answering is None or not _apart(told, answering):
        return None
    return told, answering


def _contrary(first: Token, answer: Token) -> bool:
    """Whether an answer is a contrary account: either verb one of rebuttal ("insisted",
    "maintains", "alleges"), or the answer "otherwise"."""
    rebutting = {first.lemma_.lower(), answer.lemma_.lower()} & _CONTRARY
    return bool(rebutting) or any(c.lower_ == "otherwise" for c in answer.children)


def _disputed(doc: Doc) -> tuple[_Side, _Side] | None:
    """A named party's claim and the party disputing it ("Muttaqi disputed U.S. assertions that
    bin Laden is a rich man"), as the two sides' words and parties."""
    disputing = [t for t in doc if t.lemma_.lower() in _DISPUTING and t.pos_ == "VERB"]
    return next((d for d in map(_dispute, disputing) if d is not None), None)


def _dispute(verb: Token) -> tuple[_Side, _Side] | None:
    """The claim a verb of disputing disputes and its party, and the disputing party."""
    disputer = _party(verb)
    claims = [c for c in verb.children if c.dep_ == "dobj"]
    for made, maker in ((c, m) for c in claims if (m := _maker(c)) is not None):
        if disputer is not None and _apart(maker, disputer):
            return (list(made.subtree), maker), (list(verb.doc), disputer)
    return None


def _maker(made: Token) -> Token | None:
    """Who made a claim, when a noun is a claim whose maker is named ("Mahathir's claim",
    "U.S. assertions") and what it claims is told (a "that" clause)."""
    if made.lemma_ not in _CLAIMS or not any(c.dep_ in {"acl", "ccomp"} for c in made.children):
        return None
    maker = next((c for c in made.children if c.dep_ in _MAKER_DEPS), None)
    return maker if maker is not None and maker.pos_ == "PROPN" else None


def _party(verb: Token) -> Token | None:
    """A verb's subject when it names a party itself (a noun or name, no pronoun)."""
    subject = _subject(verb)
    return subject if subject is not None and subject.pos_ in {"NOUN", "PROPN"} else None


def _side(sentence: Sentence, words: list[Token], party: Token) -> Claim:
    """One side told in a sentence: its words, in the voice of its party."""
    ordered = sorted(words, key=lambda t: t.i)
    text = "".join(t.text_with_ws for t in ordered).strip(" ,;.")
    return Claim(text, sentence.article, Attribution(_name(party)), None, sentence.id)


def _name(subject: Token) -> str:
    """How a subject names its party: its own words and those of the names joined to it,
    without what they are said of ("Relatives and acquaintances", "The minister Amir Khan
    Muttaqi", "Mahathir")."""
    joined = [c for c in subject.children if c.dep_ in {"cc", "conj", "appos"}]
    spans = [subject.doc[t.left_edge.i : t.i + 1] for t in (subject, *joined)]
    return " ".join(w.text for span in spans for w in span if w.dep_ not in {"case", "punct"})


def _parties(ctx: StoryContext, said: Sentence, answer: Sentence) -> tuple[str, str] | None:
    """The two parties when ``answer`` rebuts ``said`` (their subjects' words), else none."""
    first, second = ctx.docs[said.id], ctx.docs[answer.id]
    if not _answers(said, answer, second):
        return None
    told, answering = _voice(first), _voice(second)
    if told is None or answering is None or not _apart(told, answering):
        return None
    if _goes_on(told, second):
        return None
    verb = answering.head
    shared = content(said.text, ctx.names) & content(answer.text, ctx.names)
    flipped = _negated(first) != _negated(second)
    rebutting = verb.lemma_.lower() in _REBUTTING
    if not rebutting and not (flipped and len(shared) >= ctx.settings.conflicts.rebuttal_shared):
        return None
    return _span(told), _span(answering)


def _voice(doc: Doc) -> Token | None:
    """The subject of a sentence's first verb of saying, when it names a party: no pronoun,
    nor a description that points back to one ("the company" after "Tyson")."""
    verbs = (t for t in doc if t.lemma_.lower() in _VOICED and t.pos_ == "VERB")
    subjects = (_subject(verb) for verb in verbs)
    return next((s for s in subjects if s is not None and _names_party(s)), None)


def _names_party(subject: Token) -> bool:
    """Whether a subject names a party by itself: a name, or a noun with no determiner
    pointing back ("activists", "water officials"; not "the company", "it")."""
    if subject.pos_ == "PROPN" or any(t.pos_ == "PROPN" for t in _phrase(subject)):
        return True
    pointing = any(c.dep_ == "det" and c.lower_ in _POINTING for c in subject.children)
    return subject.pos_ == "NOUN" and not pointing


def _subject(verb: Token) -> Token | None:
    """A verb's subject, or its auxiliary's when the parse hung it there ("Activists ... have
    for weeks criticized": the subject of "have")."""
    heads = [verb, *(c for c in verb.children if c.lemma_ in _AUXILIARIES and c.i < verb.i)]
    subjects = [c for h in heads for c in h.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return subjects[0] if subjects else None


def _apart(one: Token, other: Token) -> bool:
    """Whether two subjects name two parties: by their names when both give one ("Indonesian
    authorities" / "Singapore's Civil Aviation Authority"), else by their nouns."""
    names = [_words(t, _NAMED) for t in (one, other)]
    if all(names):
        return not names[0] & names[1]
    return not _words(one, {"NOUN", "PROPN"}) & _words(other, {"NOUN", "PROPN"})


def _goes_on(told: Token, answer: Doc) -> bool:
    """Whether the party of the first sentence is named again in the answer (by its names
    when it has some, else its nouns: "Clinton said ..." / "But ... Clinton called ..."): the
    answer goes on with its account."""
    party = _words(told, _NAMED) or _words(told, {"NOUN", "PROPN"})
    return bool(party & {t.lemma_.lower() for t in answer})


def _words(subject: Token, kinds: set[str]) -> set[str]:
    """The lemmas of a subject's words of some parts of speech (names: also their
    nationality: "Indonesian"), its relative clauses left out."""
    return {
        t.lemma_.lower()
        for t in _phrase(subject)
        if t.pos_ in kinds or ("PROPN" in kinds and t.ent_type_ in {"NORP", "GPE"})
    }


def _phrase(subject: Token) -> list[Token]:
    """A subject's words, its relative clauses ("activists who have protested ...") left out."""
    clauses = {t.i for c in subject.children if c.dep_ in {"relcl", "acl"} for t in c.subtree}
    return [t for t in subject.subtree if t.i not in clauses]


def _span(subject: Token) -> str:
    """A subject's words, as the topic names the party."""
    return " ".join(t.text for t in _phrase(subject))


def _answers(said: Sentence, answer: Sentence, doc: Doc) -> bool:
    """Whether a sentence opens by answering the one before, and tells an account: it neither
    asks nor supposes, and neither tells an update or what ought to be."""
    opens = answer.text.lower().startswith(_ANSWERS) and not _asks_or_supposes(doc)
    told = (s.text.lower() for s in (said, answer))
    return opens and not any(_UPDATE.search(t) or _VIEW.search(t) for t in told)


def _asks_or_supposes(doc: Doc) -> bool:
    """Whether a sentence asks, or says what would follow if ("But if the United States
    determines ..., Rubin said, it would go against ..."): neither is a contrary account."""
    return doc.text.rstrip().endswith("?") or any(t.lower_ in {"if", "unless"} for t in doc)


def _negated(doc: Doc) -> bool:
    """Whether a sentence says something negated: a negation word in it."""
    return any(t.lower_ in NEGATIONS for t in doc)
