"""Content words for comparing what two sentences say, names resolved to entities.

Outlets word the same fact differently ("the US", "America", "the
Americans"), so sentences are compared on crude lemmas of their content
words with every name and demonym folded into its entity. The words that make a
statement less than plain fact, and the states a person is in until an
event ends them (held until released), are listed here too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from storybrief.analyze.context import nlp
from storybrief.analyze.entities import Names
from storybrief.nlp.overlap import words

FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "then",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "she",
        "they",
        "them",
        "their",
        "his",
        "her",
        "i",
        "me",
        "my",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "should",
        "must",
        "shall",
        "do",
        "does",
        "did",
        "have",
        "has",
        "had",
        "not",
        "no",
        "any",
        "all",
        "some",
        "so",
        "such",
        "there",
        "here",
        "what",
        "which",
        "who",
        "whom",
        "when",
        "where",
        "how",
        "about",
        "into",
        "than",
        "against",
        "one",
        "also",
        "just",
        "now",
        "yet",
        "said",
        "says",
    ]
)


def entity_of(word: str, names: Names) -> str | None:
    """The entity a name or demonym stands for ("Americans" → united states), if any."""
    for name in _name_forms(word):
        resolved = names.resolve(name)
        if resolved:
            return resolved.casefold()
    return None


# Asked for every word of every unit the agreements cut (tens of thousands of times a
# pile), mostly for the same words; a pure function of the string.
@lru_cache(maxsize=16_384)
def _name_forms(word: str) -> tuple[str, ...]:
    """The forms of ``word`` that may name an entity, in the order they are tried: itself
    and without a possessive or plural, each also without a demonym's ending."""
    original, word = word, word.casefold()
    forms = []
    for form in (word, re.sub(r"(?:'s|’s|s)$", "", word)):
        for name in (
            form,
            *(form.removesuffix(end) for end in ("n", "an", "ian", "i") if form.endswith(end)),
        ):
            # Short forms stand for a name only as acronyms: "US", not "us".
            if len(name) > 2 or (name == form == word and original.isupper()):
                forms.append(name)
    return tuple(forms)


def _stem(word: str, names: Names) -> str:
    """A crude lemma, with names and demonyms folded into their entity."""
    return entity_of(word, names) or re.sub(r"(?:ing|ed|es|s)$", "", word)


def content(text: str, names: Names) -> set[str]:
    """The content words of ``text``, stemmed and with names resolved."""
    return {_stem(w, names) for w in words(text) if w not in FUNCTION_WORDS and len(w) > 2}


# How English makes nouns of verbs, as (noun ending, verb ending): seizure → seize,
# invasion → invade, withdrawal → withdraw, killing → kill, takeover → take. Endings
# that also end nouns of other kinds are left out or narrowed ("-y": copy, battery;
# "-ion" but after ct, rt, ss: million, position, question).
_NOMINAL_ENDINGS = tuple(
    (re.compile(ending + "$"), verb_ending)
    for ending, verb_ending in (
        ("ization", "ize"), ("isation", "ise"), ("ation", "ate"), ("ation", ""),
        ("ation", "e"), ("(?<=u)tion", "te"), ("(?<=ct|rt|ss)ion", ""), ("sion", "de"),
        ("sion", "d"), ("ssion", "t"), ("ure", ""), ("ure", "e"), ("al", ""), ("al", "e"),
        ("ment", ""), ("ance", ""), ("ance", "e"), ("ence", ""), ("ence", "e"), ("ing", ""),
        ("ing", "e"), ("over", ""), ("down", ""),
    )
)  # fmt: skip
_MIN_STEM = 4  # letters of the noun the verb keeps: "rating" is no act of a rat


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """The base forms of English verbs: the spaCy lemmatizer's WordNet index."""
    index = nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return frozenset(index["verb"])


def verb_of(noun: str) -> str | None:
    """The verb a noun is made of by a suffix ("seizure" → seize, "killing" → kill), if any.

    A noun spelled as a verb is left out: the verb list holds verbs made of
    nouns too ("to father", "to hand", "to part"), so "her father" would
    pass for an act as readily as "the arrest".
    """
    verbs = _verbs()
    for ending, verb_ending in _NOMINAL_ENDINGS:
        found = ending.search(noun)
        if found is None or found.start() < _MIN_STEM:
            continue
        verb = noun[: found.start()] + verb_ending
        # A doubled consonant is undoubled: kidnapping → kidnap.
        for candidate in (verb, verb[:-1] if verb[-1] == verb[-2] else None):
            if candidate in verbs:
                return candidate
    return None


# Words that make a statement less than a plain fact: a condition, a modal,
# readiness or an intention, a weighing-up, a promise, a belief ("was believed to have").
HEDGES = frozenset(
    {
        "if", "unless", "could", "may", "might", "would", "should", "can", "consider",
        "mull", "weigh", "think", "contemplate", "ready", "willing", "prepared", "pledge",
        "promise", "vow", "offer", "plan", "hope", "seek", "possibility", "possible",
        "potential", "unlikely", "likely", "suggest", "expect", "believe",
    }
)  # fmt: skip
DENIALS = frozenset({"deny", "dismiss", "reject", "refute"})
# Negation: the words that say the clause or the noun they go with is not so ("did not
# send", "never sent", "no troops", "nobody was hurt", "neither ... nor"), in the forms
# spaCy splits them into ("did" "n't", "can" "not"). The one list every reader of a
# sentence's polarity starts from, so that a word one counts is a word all count; a reader
# that needs more (a verb of denial, "without") widens it where it reads it, and says why.
NEGATIONS = frozenset({"not", "n't", "no", "never", "none", "nothing", "nobody", "neither", "nor"})
# Verbs that say their complement did not happen (Karttunen's negative implicatives):
# "refused to testify", "declined to comment", "failed to pay", "neglected to file",
# "forgot to lock", "avoided paying", "refrained from voting" each deny the act they
# govern, as "did not testify" does. Only with that complement: "shares declined", "the
# bank failed" and "refused the offer" assert what they say.
NEGATIVE_IMPLICATIVES = frozenset(
    {"refuse", "decline", "fail", "neglect", "forget", "avoid", "refrain"}
)
# Nouns of blame a party denies: "denied any responsibility", "no evidence of his involvement".
BLAME = frozenset(
    {"responsibility", "involvement", "role", "complicity", "culpability", "link", "hand"}
)
# Words that lay an act on a party: "responsible for", "behind the attack", "North Korean
# agents", "accused of", "indicted", "charging bin Laden with", "the alleged mastermind".
ACCUSING = frozenset(
    {
        "responsible", "behind", "blame", "accuse", "indict", "charge", "mastermind",
        "orchestrate", "agent", "perpetrator", "culprit", "perpetrate",
    }
)  # fmt: skip
# Modals that only place a fact in the future ("the bridge will shut on Monday"):
# news states what is scheduled this way, hedging nothing.
FUTURE = frozenset({"will", "shall"})
_MARKERS = {"neg", "aux", "auxpass", "mark", "det", "advmod", "acomp"}


def qualifies(token: Token) -> bool:
    """Whether a word makes its clause less than a plain positive fact ("not", "could", "if")."""
    return (
        (token.tag_ == "MD" and token.lemma_.lower() not in FUTURE)
        or token.dep_ == "neg"
        or (token.dep_ == "det" and token.lower_ == "no")
        or token.lemma_.lower() in HEDGES | DENIALS
    )


def stated(token: Token) -> bool:
    """Whether ``token``'s clause, and every clause above it, states it as plain fact."""
    for t in (token, *token.ancestors):
        if qualifies(t) or any(qualifies(c) for c in t.children if c.dep_ in _MARKERS):
            return False
    return True


@dataclass(frozen=True)
class State:
    """A state a person is in that one event ends: held until released, at large until arrested.

    ``kept`` (passive verbs: "has been held") and ``places`` (after "in", "at",
    "on": "remains at large") say the person is in it now; ``ending`` verbs
    say it ended ("was released"). An outlet reporting the one against
    another reporting the other is a conflict; the event that starts the
    state ("was taken into custody") is in neither, as it agrees with both.
    """

    topic: str  # what is in dispute, "{}" standing for the person
    kept: frozenset[str]
    places: frozenset[str]
    ending: frozenset[str]


STATES = (
    State(
        "whether {} is still held",
        frozenset({"hold", "jail", "detain", "imprison"}),
        frozenset({"custody", "jail", "prison"}),
        frozenset({"release", "free"}),
    ),
    # "Caught" is left out: one is caught in a storm or on camera too.
    State(
        "whether {} is still at large",
        frozenset(),
        frozenset({"large", "run"}),
        frozenset({"arrest", "capture"}),
    ),
)


# Debunking (``conflicts.denial``): words that call a report untrue, read as a word's
# lower-cased form or its lemma ("hoaxes", "fabricated"). Forms of words with another
# sense are given inflected: "staged" (not "stage"), "doctored" (not "doctor").
DEBUNKS = frozenset(
    {
        "hoax", "fake", "fakery", "fabrication", "fabricated", "false", "falsehood",
        "untrue", "bogus", "satire", "satirical", "nonsense", "ludicrous", "rubbish",
        "prank", "doctored", "photoshopped", "baseless", "unfounded", "staged", "wrong",
        "inaccurate", "incorrect", "erroneous", "unsubstantiated", "spoof", "parody",
    }
)  # fmt: skip
# Debunk cues an article is scored on as a whole (``conflicts.debunk``): whole words, a
# trailing "*" any ending ("hoaxes", "fabricated"). Words with an everyday sense too
# ("wrong", "staged") are left out: counted over an article they mostly mean that.
DEBUNK_CUES = frozenset(
    {
        "hoax*", "fake*", "false", "falsely", "falsehood", "untrue", "debunk*", "fabricat*",
        "satir*", "prank*", "made up", "made-up", "bogus", "spoof*", "parody", "photoshopped",
        "doctored", "baseless", "unfounded", "unsubstantiated", "nonsense", "ludicrous",
    }
)  # fmt: skip
# Debunk cues that call a story untrue in any sense they are used ("a hoax", "a prankster's
# camera", "a satirical story"); the others ("fake accounts", "false meaning", "denied
# wrongdoing") debunk a report only when said of one (``conflicts.debunk``).
DEBUNK_VERDICTS = frozenset(
    {"hoax*", "prank*", "satir*", "spoof*", "parody", "debunk*", "photoshopped", "doctored"}
)
# Truth words negated: "not true", "no evidence" (``conflicts.debunk``).
NEGATED_TRUTHS = frozenset(
    {
        "not true", "isn't true", "no truth", "no evidence", "not real", "no basis",
        "not genuine", "not authentic", "never happened",
    }
)  # fmt: skip
# Words that call something untrue, derived from WordNet by ``bench/untruth_words.py`` (ten
# generic seeds, their first senses' synonyms, similar adjectives and derivations, each word
# through its own first sense; fixed before being read against any FNC-1 body). Noisy
# ("mongrel", "wry"): an article's count of them is a feature the debunk scorer weighs
# (``conflicts.debunk_model``), never a cue on its own.
UNTRUTHS = frozenset(
    {
        "baseless", "bastard", "bogus", "bruit", "cod", "counterfeit", "deceitful", "deny",
        "disaffirmation", "dissembler", "dissimulator", "dupe", "dupery", "fable",
        "fabricated", "fabrication", "fake", "faker", "false", "falsehood", "falseness",
        "falsity", "fancied", "fiction", "fictitious", "fraudulent", "groundless",
        "groundlessness", "hearsay", "hoax", "humbug", "hypocrite", "imposter", "impostor",
        "ironic", "ironist", "irony", "lampoon", "mongrel", "myth", "mythic", "mythical",
        "mythologic", "mythological", "phoney", "phony", "pseud", "pseudo", "ridiculer",
        "rumor", "rumour", "sarcasm", "sarcastic", "satire", "satiric", "satirical",
        "satirise", "satirist", "satirize", "specious", "spurious", "trumped-up", "unfounded",
        "unreal", "unsupported", "untrue", "untruth", "wry",
    }
)  # fmt: skip
# Verbs by which a report tells what it holds: negated, with a report as their subject ("the
# first story says nothing about X", "the photos were not meant to show X"), they disown what
# other outlets tell of it (``conflicts.debunk``; the "negated reporting verbs").
SHOWING = frozenset(
    {"say", "show", "mention", "report", "confirm", "prove", "depict", "support", "state"}
)
# A claim told as unproven by the outlet telling it: "alleged, without evidence, that ..."
# (``conflicts.debunk``: such a report is no side against a debunk; AllSides stories-dev).
UNPROVEN = frozenset(
    {
        "without evidence", "without any evidence", "without specific evidence",
        "without offering evidence", "without providing evidence", "without proof",
        "without offering proof", "without providing proof",
    }
)  # fmt: skip
# What a "claim" is filed for when it names one: "bogus asylum claims" are applications, not
# reports called untrue (``conflicts.debunk``; AllSides stories-dev, first 300 ids).
CLAIMED_BENEFITS = frozenset(
    {
        "asylum", "insurance", "unemployment", "jobless", "benefit", "disability",
        "compensation", "damage", "refund", "expense", "tax", "welfare", "pension", "patent",
        "injury", "medicare", "medicaid",
    }
)  # fmt: skip
# Verbs whose subject makes the claims they take: "Trump made several false claims" judges
# its maker, no outlet's report (``conflicts.debunk``; AllSides stories-dev, first 300 ids);
# "give" as in a charge's "giving false statements" (stories-dev position 771).
MAKING_CLAIMS = frozenset(
    {
        "make", "give", "repeat", "spread", "push", "peddle", "parrot", "tout", "promote",
        "amplify",
    }
)  # fmt: skip
# Words charging a party with what their "with", "of" or "to" phrase names: "charge Flynn with
# false statements", "accused him of false claims", "pleaded guilty to false statements".
CHARGING = frozenset(
    {"charge", "accuse", "accusation", "indict", "indictment", "convict", "guilty"}
)


def judges_maker(report: Token) -> bool:
    """Whether a report noun's untruth is said of its maker's act, not of a report another
    outlet tells as true: the object of a verb making it ("Trump made several false claims",
    "charged with making false statements") or of a charge ("charge Flynn with false
    statements to FBI"): a lie or a charge (AllSides stories-dev positions 411 and 771,
    twelfth session); one of a list is read as its first ("charged with obstruction, false
    statements and witness tampering"). Read alike by ``conflicts.denial`` and
    ``conflicts.debunk``."""
    first = report
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    if first.dep_ == "dobj":
        return first.head.lemma_.lower() in MAKING_CLAIMS
    prep = first.head if first.dep_ == "pobj" else None
    return prep is not None and prep.dep_ == "prep" and prep.head.lemma_.lower() in CHARGING


# Denials as an article's debunk cues are read (``conflicts.debunk_model``): "denied", "denies".
DENIAL_CUES = frozenset({"deny*", "denied", "denies", "denial*"})
# Verbs whose object is called untrue: "denied taking a selfie", "reports ... debunked".
DEBUNK_ACTS = DENIALS | {"debunk", "fabricate", "dispute"}
# Words that call a report untrue only when negated: "not true", "no evidence".
TRUTHS = frozenset({"true", "real", "genuine", "authentic", "truth", "evidence", "basis"})
# Verbs that give their object a debunking word: "branded the photo a hoax".
CALLING = frozenset(
    {"brand", "label", "call", "rate", "term", "dub", "declare", "describe", "deem", "consider"}
)
# What a report is: what a debunking word may be said of, and what names no claim itself.
REPORTS = frozenset(
    {
        "claim", "report", "story", "rumour", "rumor", "photo", "photograph", "picture",
        "image", "video", "footage", "article", "news", "allegation", "statement", "quote",
        "tweet", "post", "headline", "piece", "tale", "suggestion", "speculation", "assertion",
    }
)  # fmt: skip
# Words that tell a claim as a report of it, not as a fact: "reportedly", "rumours that".
REPORT_HEDGES = frozenset(
    {
        "reportedly", "allegedly", "purportedly", "supposedly", "apparently", "rumour",
        "rumor", "rumoured", "rumored", "unconfirmed", "speculation", "purport", "suspected",
    }
)  # fmt: skip
# Verbs that, passive, report a claim as said by unnamed others: "was reported wounded".
SAID = frozenset({"report", "say", "believe", "rumour", "rumor", "claim", "think", "allege"})
# Verbs that, heading a sentence, tell another's report of a claim: "the Mail reported that".
REPORTING = frozenset({"report", "claim", "allege", "speculate", "rumour", "rumor"})
# Verbs of aim or attempt: what they go on to is the act ("planning to segregate").
CONTROL = frozenset(
    {"plan", "intend", "try", "want", "decide", "seek", "begin", "start", "help", "aim"}
)
