"""A definite description of a person or group that only a sentence left out introduced.

News copy introduces people once ("Two Americans were arrested ...", "A couple
from Ohio ...") and then calls them by a definite description headed by a noun
for a person, a kin, a role or a group: "the two men", "the couple's daughter",
"the suspect". Read alone, in a summary that left out the introduction, the
description points at no one the reader was told of. The class is read from the
pick's parse and WordNet, not from a word list: a noun whose first sense lies in
WordNet's noun.person (or noun.group) file, with "the" (or a "the X's" before
it), as subject or object of its clause, outside quotation marks, saying
nothing of which one it is (no name, apposition, clause or "of" phrase of its
own) and named nowhere before it in its sentence. Such a sentence enters only
after the earliest sentence of its article before it that names the noun (or a
WordNet synonym); when none does, after the sentence just before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from storybrief.nlp.paraphrase import DATA, noun_lexfile, noun_synonyms
from storybrief.summarize.candidates import QUOTATION

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# WordNet lexicographer files: noun.person (18), noun.group (14).
PERSON, GROUP = 18, 14
# The noun stands in the clause as its subject or object.
_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})
# Children of the noun that say which one it is: "the man, John Smith,", "the men
# arrested", "the chief of police", "the woman who ...", "the Obama administration".
_SAYS_WHICH = frozenset({"appos", "acl", "relcl", "prep", "compound"})
_WORD = re.compile(r"[a-z]+")


@cache
def _plurals() -> dict[str, str]:
    """WordNet's irregular plurals and their singulars ("men" → "man")."""
    pairs = (line.split() for line in (DATA / "noun.exc").read_text().splitlines())
    return {p[0]: p[1] for p in pairs if len(p) == 2}


def singular(word: str, tag: str) -> str:
    """The singular of a noun the parse tagged ``tag``: "men" → "man", "victims" → "victim"."""
    word = word.lower()
    if tag != "NNS":
        return word
    if word in _plurals():
        return _plurals()[word]
    for ending, replacement in (("ies", "y"), ("es", ""), ("s", "")):
        stem = word.removesuffix(ending) + replacement
        if word.endswith(ending) and noun_lexfile(stem) is not None:
            return stem
    return word


def described_people(doc: Doc, lexfiles: frozenset[int] = frozenset({PERSON})) -> list[str]:
    """The singular nouns of the definite descriptions of people in ``doc`` that say
    nothing of which ones they are and that ``doc`` names nowhere before."""
    quoted = [(m.start(), m.end()) for m in QUOTATION.finditer(doc.text)]
    found = []
    for token in doc:
        if _described(token, lexfiles) and not any(a <= token.idx < b for a, b in quoted):
            noun = singular(token.text, token.tag_)
            if not _named_before(doc, token, noun):
                found.append(noun)
    return found


def _described(token: Token, lexfiles: frozenset[int]) -> bool:
    """Whether ``token`` heads a definite description of a person or group in a role of
    its clause, or the possessor "the X's" of one ("the couple's daughter")."""
    if token.tag_ not in ("NN", "NNS") or not _definite(token):
        return False
    role = token.dep_ in _ROLES or (token.dep_ == "poss" and token.head.dep_ in _ROLES)
    if not role or any(_says_which(c) for c in token.children):
        return False
    return noun_lexfile(singular(token.text, token.tag_)) in lexfiles


def _says_which(child: Token) -> bool:
    """Whether ``child`` of a noun says which one it is: a clause, apposition, "of" phrase
    or compound ("the Obama administration"), or a name or a word made of one ("the
    Yugoslav leader", "the Chilean government"), capitalised inside the sentence."""
    return child.dep_ in _SAYS_WHICH or (child.i > 0 and child.text[:1].isupper())


def _definite(token: Token) -> bool:
    """Whether ``token`` has "the" as its determiner."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _named_before(doc: Doc, token: Token, noun: str) -> bool:
    """Whether ``doc`` names ``noun``, a synonym or any name before ``token``."""
    forms = _forms(noun)
    return any(t.tag_.startswith("NNP") or t.lower_ in forms for t in doc[: token.i])


def _forms(noun: str) -> frozenset[str]:
    """``noun``, its synonyms, and their plurals as written."""
    irregular = {s: p for p, s in _plurals().items()}
    words = {noun, *noun_synonyms(noun)}
    return frozenset(words | {w + "s" for w in words} | {irregular.get(w, w) for w in words})


def introducer(sentences: Sequence[str], index: int, nouns: Sequence[str]) -> int | None:
    """The sentence of ``sentences`` before ``index`` that a description of ``nouns`` at
    ``index`` needs: the earliest naming a noun (or synonym), else the one before it.
    None for the first sentence, which its headline introduces."""
    if not nouns or index == 0:
        return None
    forms = frozenset().union(*map(_forms, nouns))
    named = (k for k in range(index) if forms & set(_WORD.findall(sentences[k].lower())))
    return next(named, index - 1)
