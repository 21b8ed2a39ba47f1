"""Who says a sentence: the speaker of a quote, the source a claim is attributed to.

News copy attributes with a small set of constructions: a speech verb and its
subject ("..., Rouhani said"; "he replied: ..."; "X told the Guardian that"),
"according to X", and an outlet citing a source ("The Guardian cited a senior
Iraqi official"). The subject is resolved to an entity name when it is one,
and a pronoun to the person last named before it in the article.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from storybrief.analyze.entities import Names
from storybrief.analyze.story import Story
from storybrief.models import Sentence

SPEECH_VERBS = {
    "say", "tell", "add", "insist", "reply", "answer", "ask", "warn", "state", "declare",
    "explain", "note", "announce", "claim", "deny", "respond", "write", "argue", "suggest",
    "cite", "quote", "report", "confirm", "estimate", "dismiss", "reject", "acknowledge",
    "indicate", "stress", "urge", "predict", "believe", "admit", "describe",
}  # fmt: skip
_SUBJECTS = {"nsubj", "nsubjpass"}
_PRONOUNS = {"he", "she", "they", "i", "we"}
_OUTLET_VERBS = {"cite", "quote"}


def _phrase(token: Token) -> str:
    """The noun phrase headed by ``token``, without relative clauses or appositions."""
    keep = [t for t in token.subtree if not (set(t.ancestors) & set(_clauses(token)))]
    words = [t for t in keep if t not in _clauses(token)]
    start, end = min(t.i for t in words), max(t.i for t in words) + 1
    return re.sub(r"[\"“”]", "", token.doc[start:end].text).strip(" ,'")


def _clauses(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in {"relcl", "appos", "acl", "punct", "cc"}]


def name_of(token: Token, names: Names) -> str:
    """An entity name for the phrase headed by ``token``, else the phrase itself."""
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return names.resolve(ent.text) or ent.text
    phrase = _phrase(token)
    return names.resolve(phrase) or phrase


def last_person(story: Story, sentence: Sentence, before: int, names: Names) -> str | None:
    """The person last named in ``sentence``'s article before token ``before`` of it."""
    article = story.article[sentence.article]
    for previous in reversed(article.sentences[: sentence.index + 1]):
        doc = story.docs[previous.id]
        limit = before if previous.id == sentence.id else len(doc)
        people = [e for e in doc.ents if e.label_ == "PERSON" and e.end <= limit]
        # The small model sometimes labels a lone surname ORG or NORP; a known
        # person's name counts whatever its label.
        people += [e for e in doc.ents if e.end <= limit and names.resolve(e.text) in names.people]
        if people:
            last = max(people, key=lambda e: e.end)
            return names.resolve(last.text) or last.text
    return None


def speaker_of(
    story: Story,
    sentence: Sentence,
    outside: set[int],
    names: Names,
) -> str | None:
    """The speaker of a sentence from its tokens ``outside`` quotes, if it names one.

    Tried in order: the subject of a speech verb; the subject of the clause a
    quote is introduced by with a colon ("Rouhani did not rule out ...: ...").
    """
    doc = story.docs[sentence.id]
    verbs = [t for t in doc if t.i in outside and t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB"]
    for verb in verbs:
        subject = _subject(verb)
        if subject is not None:
            return _resolve(story, sentence, subject, names)
    colon = [t for t in doc if t.text == ":" and t.i in outside]
    if colon:
        root = doc[: colon[0].i].root
        if root.pos_ == "PROPN":
            # A caption's 'Name: "..."'.
            return _resolve(story, sentence, root, names)
        subject = _subject(root)
        if subject is not None:
            return _resolve(story, sentence, subject, names)
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            # "The source - who said ...": a relative pronoun stands for its antecedent.
            if child.tag_ in {"WP", "WDT"} and verb.dep_ == "relcl":
                return verb.head
            return child
    # "..., said President Rouhani": the subject may be parsed as an object after the verb.
    after = [c for c in verb.rights if c.dep_ in {"dobj", "attr", "npadvmod"} and c.pos_ == "PROPN"]
    if after:
        return after[0]
    # A participle clause ("insisting: ...") takes the subject of the verb it hangs from.
    if verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head is not verb:
        return _subject(verb.head)
    return None


def _resolve(story: Story, sentence: Sentence, subject: Token, names: Names) -> str:
    if subject.lower_ in _PRONOUNS:
        return last_person(story, sentence, subject.i, names) or subject.text
    return name_of(subject, names)


def attribution(story: Story, sentence: Sentence, names: Names) -> str | None:
    """Who a sentence's claim comes from, with the outlet that relays it.

    "a senior Iraqi official (via the Guardian)" for "The Guardian cited a
    senior Iraqi official" or "... a senior Iraqi official told the Guardian";
    ``None`` when the article states it in its own voice.
    """
    doc: Doc = story.docs[sentence.id]
    for token in doc:
        if token.lower_ == "according" and token.nbor(1).lower_ == "to":
            objects = [c for c in token.nbor(1).children if c.dep_ == "pobj"]
            if objects:
                return _relayed(objects[0], names)
    for verb in (t for t in doc if t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB"):
        subject = _subject(verb)
        if subject is None:
            continue
        who = _resolve(story, sentence, subject, names)
        if verb.lemma_ in _OUTLET_VERBS:
            cited = [c for c in verb.children if c.dep_ == "dobj"]
            if cited:
                return f"{name_of(cited[0], names)} (via {_outlet(subject, names)})"
        if verb.lemma_ == "tell":
            told = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
            if told and told[0].ent_type_ == "ORG":
                return f"{who} (via {_outlet(told[0], names)})"
        return who
    return None


def _relayed(source: Token, names: Names) -> str:
    """ "unnamed sources quoted by CNN" → "unnamed sources (via CNN)"."""
    relay = [
        agent_obj
        for child in source.subtree
        if child.dep_ == "agent"
        for agent_obj in child.children
        if agent_obj.dep_ == "pobj"
    ]
    who = source.doc[source.left_edge.i : source.i + 1].text
    if relay:
        return f"{who} (via {_outlet(relay[0], names)})"
    return name_of(source, names)


def _outlet(token: Token, names: Names) -> str:
    """The outlets a phrase names, "the" kept: "both the WSJ and CNN" → "the WSJ and CNN"."""
    named = []
    for outlet in (token, *token.conjuncts):
        name = name_of(outlet, names)
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in outlet.children)
        named.append(f"the {name}" if the and not name.lower().startswith("the ") else name)
    return " and ".join(named)
