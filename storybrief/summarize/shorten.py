"""A lead sentence cut to a headline, at clause boundaries read from its parse.

The news of "Kim Jong-nam, the half-brother of North Korea's leader, was
killed by a nerve agent, police in Malaysia said on Friday" is the clause
police report: "Kim Jong-nam was killed by a nerve agent". So the headline
is the sentence's main clause (what a verb of saying reports, when the
sentence is a report), without its asides (an apposition on a name, a
parenthesis, a "that") and without what opens it before the subject ("On
Monday,", "But"). While it is longer than a headline, the smallest part
that ends it is cut: first an adjunct of a verb ("… after gale-force winds
battered yachts"), then a modifier of a noun ("… of how the census will be
conducted"). What cannot be cut so may run to a title's length; longer, it
is cut at a word, as a last resort. A reported clause keeps its source.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from storybrief.nlp.english import STOPWORDS
from storybrief.nlp.labels import NAMED, OTHER_NAMES
from storybrief.settings import HeadlineSettings
from storybrief.summarize.candidates import ANAPHORIC_OPENERS

if TYPE_CHECKING:  # spaCy is imported with the parser, when a lead is first cut
    from spacy.tokens import Doc, Span, Token

Parse = Callable[[str], "Doc"]

# Verbs of saying: their reported clause is the news ("…, says Malaysia").
_REPORTING = frozenset(
    "say tell report announce suggest claim confirm add state warn reveal show find argue".split()
)
# Dependents a headline leaves out at any length: "Kim Jong-nam, the half-brother of …,".
_ASIDES = frozenset({"appos", "parataxis", "mark", "intj", "meta"})
_MAX_CREDIT_WORDS = 5  # who reports, as a headline credits them: "a senior Iraqi official"
_MAX_NAME_TOKENS = 3  # an apposition naming a noun ("the rebel, Abdullah Ocalan,") is kept
# Dependents that may open a sentence before its subject: "On Monday, …", "But …".
_OPENERS = frozenset({"prep", "advcl", "advmod", "npadvmod", "cc", "punct"})
# Parts that may be cut from the end of a clause, an adjunct of a verb before a noun's modifier.
_VERB_ADJUNCTS = frozenset({"prep", "advcl", "conj", "cc", "npadvmod", "agent"})
_NOUN_MODIFIERS = frozenset({"prep", "relcl", "acl"})
_VERBS = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_CLAUSE_MODIFIERS = frozenset({"acl", "relcl", "advcl"})
_NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Entity labels that name someone or something, as a number or a date ("Three officials") does not.
_NAMED = NAMED | OTHER_NAMES | {"LANGUAGE"}
_SPACE_BEFORE = re.compile(r"\s+([,;:.!?’”)])")
_REPEATED = re.compile(r"([,;:])(?:\s*[,;:])+")
_EDGES = " ,;:—–-_|"


def shorten(text: str, settings: HeadlineSettings | None = None, parse: Parse | None = None) -> str:
    """``text``'s first sentence cut to a headline (``settings.max_words``), without its stop.

    A reported clause keeps who reports it, as a headline does ("…, police said"):
    a brief must not state as fact what one source says.
    """
    settings = settings or HeadlineSettings()
    sentence = next(iter((parse or _parse)(text).sents))
    clause = _main_clause(sentence)
    credit = _credit(sentence.root) if clause.i != sentence.root.i else ""
    kept = _without_asides(list(clause.subtree), clause)
    if not any(t.dep_ in _SUBJECTS and t.head.i == clause.i for t in kept):
        kept = list(clause.subtree)  # the parse took the subject for an aside: keep it whole
    kept = _without_opener(kept, clause, settings.min_words)
    kept = _fit(kept, clause, settings, reserve=len(credit.split()))
    return _render(kept) + (f", {credit}" if credit else "")


def _parse(text: str) -> Doc:
    # Imported here: spaCy loads in a second, which a brief of titled pages never needs.
    from storybrief.analyze.context import parse

    return parse([text])[0]


def _main_clause(sentence: Span) -> Token:
    """The verb of the news: the root, or what it reports ("…, officials said").

    A report's content is its clausal complement; a parser that missed it
    leaves it as the largest verbal part before the verb of saying.
    """
    root = sentence.root
    if root.lemma_ not in _REPORTING:
        return root
    reported = [c for c in root.children if c.dep_ == "ccomp"]
    reported = reported or [c for c in root.lefts if c.pos_ in _VERBS and c.dep_ != "aux"]
    clause = max(reported, key=lambda c: len(list(c.subtree)), default=root)
    # "Netflix announced that it …": the pronoun needs the report that names it.
    return root if _subject(clause) is None or _subject(clause).pos_ == "PRON" else clause


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _credit(root: Token) -> str:
    """Who reports, and the verb: "police said" for "police in Malaysia said on Friday".

    Empty when a pronoun reports ("he said"): it names nobody out of its article.
    """
    subject = _subject(root)
    if subject is None or subject.pos_ == "PRON":
        return ""
    who = _who(subject)
    text = _join(who)
    # It closes the headline, so a sentence's opening capital goes ("…, officials said",
    # "…, the military's statement said"), a name's stays ("…, Smith said", "…, NASA said").
    if who[0].is_sent_start and not _is_name(who[0]):
        text = text[:1].lower() + text[1:]
    return f"{text} {'said' if root.lemma_ == 'tell' else root.text}"


def _is_name(token: Token) -> bool:
    """A proper name by its tag, its entity or its shape (an acronym: "NASA", "UN")."""
    return token.pos_ == "PROPN" or token.ent_type_ in _NAMED or token.text.isupper()


def _who(subject: Token) -> list[Token]:
    """The subject without its modifiers ("police", not "police in Malaysia"), or its head
    alone when that is still long."""
    cut = {
        t.i
        for child in subject.children
        if child.dep_ in _NOUN_MODIFIERS | _ASIDES
        for t in child.subtree
    }
    who = [t for t in subject.subtree if t.i not in cut]
    return who if _count(who) <= _MAX_CREDIT_WORDS else [subject]


def _chain(token: Token, clause: Token) -> list[Token]:
    """``token`` and its heads up to, not with, ``clause``: empty for the clause itself.

    Compared by position: spaCy makes a new ``Token`` object at every access.
    """
    chain = []
    for node in (token, *token.ancestors):
        if node.i == clause.i:
            break
        chain.append(node)
    return chain


def _is_aside(node: Token, clause: Token) -> bool:
    """An aside a headline drops: not a short name given to a noun ("the rebel, Ocalan,"),
    nor the mark of a clause inside it ("… as the shuttle carried …")."""
    if node.dep_ == "mark":
        return node.head.i == clause.i
    if node.dep_ != "appos":
        return node.dep_ in _ASIDES
    names = node.pos_ == "PROPN" and node.head.pos_ == "NOUN"
    return not (names and len(list(node.subtree)) <= _MAX_NAME_TOKENS)


def _without_asides(tokens: list[Token], clause: Token) -> list[Token]:
    """The clause without its asides and the marks that set them off."""
    aside = {t.i for t in tokens if any(_is_aside(n, clause) for n in _chain(t, clause))}
    return [
        t for t in tokens if t.i not in aside and not (t.is_punct and {t.i - 1, t.i + 1} & aside)
    ]


def _without_opener(kept: list[Token], clause: Token, min_words: int) -> list[Token]:
    """The clause without what opens it before the subject: "On Monday,", "But", "Instead,".

    Not when a pronoun would then open it: the opener names whom it means.
    """
    while (part := _opener(kept, clause)) is not None:
        rest = [t for t in kept if t.i not in part]
        rest = rest[1:] if rest and rest[0].is_punct else rest
        if _count(rest) < min_words or rest[0].lower_ in ANAPHORIC_OPENERS:
            break
        kept = rest
    return kept


def _opener(kept: list[Token], clause: Token) -> set[int] | None:
    """The tokens of the part that opens the kept tokens before the clause's verb, if any."""
    if not kept or kept[0].i >= clause.i:
        return None
    chain = _chain(kept[0], clause)
    if not chain or chain[-1].dep_ not in _OPENERS:
        return None
    return _subtree(chain[-1])


def _fit(kept: list[Token], clause: Token, settings: HeadlineSettings, reserve: int) -> list[Token]:
    """The kept tokens less their smallest trailing parts until the headline fits.

    A clause no part of which can be cut may run to ``max_title_words``, a
    title's length, with the ``reserve`` words of its credit; longer, it is
    cut at a word.
    """
    target = settings.max_words
    subtrees: dict[int, set[int]] = {}
    while _count(kept) > target:
        part = _trailing_part(kept, clause, settings.min_words, subtrees)
        if part is None:
            break
        kept = [t for t in kept if t.i not in part]
    if _count(kept) > settings.max_title_words - reserve:
        size = max(min(target, settings.max_title_words - reserve), settings.min_words)
        last_word = [t for t in kept if not t.is_punct][size - 1]
        kept = [t for t in kept if t.i <= last_word.i]
    return _drop_loose_end(kept)


def _trailing_part(
    kept: list[Token], clause: Token, min_words: int, subtrees: dict[int, set[int]]
) -> set[int] | None:
    """The smallest part that ends the kept tokens and may be cut, leaving ``min_words``.

    An adjunct of a verb goes before a modifier of a noun, which says what the noun is.
    ``subtrees``: each part's tokens by its head's position, kept across ``_fit``'s cuts,
    which ask again for the same parts (each a walk making a spaCy ``Token`` per node).
    """
    kept_ids = {t.i for t in kept}
    kept_words = {t.i for t in kept if not t.is_punct}
    parts = []
    for token in _ending_parts(kept, clause):
        if token.i not in subtrees:
            subtrees[token.i] = _subtree(token)
        part = subtrees[token.i] & kept_ids
        if len(kept_words - part) >= min_words:
            parts.append((token.head.pos_ not in _VERBS, part))
    return min(parts, key=lambda p: (p[0], len(p[1])))[1] if parts else None


def _ending_parts(kept: list[Token], clause: Token) -> list[Token]:
    """The heads of the parts after the clause's verb that end the kept tokens and may go."""
    last = max(t.i for t in kept if not t.is_punct)
    return [t for t in kept if clause.i < t.i and last <= t.right_edge.i and _cuttable(t)]


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _cuttable(token: Token) -> bool:
    """Whether the part ``token`` heads may be cut: a verb's adjunct or a noun's modifier,
    but not an "of" phrase, which says what the noun or the act is ("hundreds of millions
    of dollars", "one of the first", "making a farce of the talks")."""
    if token.dep_ == "prep" and token.lower_ == "of":
        return False
    # The complement of a preposition ("to …" of "according to …", "of …" of "out of …"):
    # cut alone, it leaves the preposition dangling ("… investigating WeWork, according").
    if token.head.dep_ == "prep":
        return False
    if token.head.pos_ in _VERBS:
        return token.dep_ in _VERB_ADJUNCTS
    return token.dep_ in _NOUN_MODIFIERS and token.head.pos_ in _NOUNS


def _drop_loose_end(kept: list[Token]) -> list[Token]:
    """Without a function word, a preposition or a mark at the end ("… in", "… and",
    "… according", "…,"), nor a modifying clause cut down to its verb ("… for talks
    aimed", "… as the shuttle carried")."""
    while kept:
        last = kept[-1]
        if last.is_punct or last.lower_ in STOPWORDS or last.dep_ == "prep":
            kept = kept[:-1]
        elif last.pos_ in _VERBS and last.dep_ in _CLAUSE_MODIFIERS:
            part = _subtree(last)
            kept = [t for t in kept if t.i not in part]
        else:
            break
    return kept


def _count(tokens: list[Token]) -> int:
    return sum(not t.is_punct for t in tokens)


def _join(kept: list[Token]) -> str:
    """The kept tokens as text, each with the space that followed it, marks tidied."""
    tokens = sorted(kept, key=lambda t: t.i)
    # A token keeps the space after it; one before a gap gets a space for what was cut.
    gaps = [b.i != a.i + 1 for a, b in pairwise(tokens)] + [False] * bool(tokens)
    text = "".join(
        t.text + (" " if gap else t.whitespace_) for t, gap in zip(tokens, gaps, strict=True)
    )
    return _REPEATED.sub(r"\1", _SPACE_BEFORE.sub(r"\1", text.strip())).strip(_EDGES)


def _render(kept: list[Token]) -> str:
    """The headline: the kept tokens as text, without a final stop, capitalised."""
    text = _join(kept)  # the final stop is a token of its own, dropped with the loose end
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        text = text.translate(str.maketrans("", "", '"“”'))
    return text[:1].upper() + text[1:]
