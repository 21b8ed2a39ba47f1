"""Typographic apostrophes read by the parse as straight ones, and a signature's dash as a
dash, shown as the article wrote them.

spaCy's small English model learned mostly from text with straight apostrophes: given
"Iran’s" or "O’Neill" (U+2019) it tags the possessive or the name as punctuation, a
verb or a noun, keeps "Trump’s July 25" as one entity and reads "’s" (is) with the
lemma "’". On 150 texts of stories-dev holding one, the same texts with ’ and ‘ made
straight gave 5% more ``neg`` dependencies and changed 84 entity spans, nearly all
possessives and contractions read right (BENCHMARKS.md). News text writes about
half its apostrophes so.

The parse is given the text with ’ and ‘ made ', the same length, so each token
keeps its offsets; its Doc is then rebuilt on the article's own characters with the
parse's annotations, so the brief still shows what the article wrote. Curly double
quotes are left: they are quotation marks, which the parse and quote finding read
as such already.

A dash set before a signature's name is given to the parse as an em dash, which spaCy
splits off a word and tags as a dash: a hyphen stuck to the name ('"…" -Mark Jones,
Akron.') is otherwise one token "-Mark", so the entity tagger misses the person, and a
horizontal bar (U+2015: '"…" ― Ann Lee') is tagged a verb. Only a hyphen that opens a
word and is followed by a capital letter is one: "Jean-Luc", "ex-minister" and "-5"
are left.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.attrs import DEP, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, MORPH, NORM, POS, TAG
from spacy.tokens import Doc

TYPOGRAPHIC = str.maketrans("’‘\u2015", "''\u2014")
_SIGNING_HYPHEN = re.compile(r"(?<!\S)-(?=[A-Z])")
# What the parse found, copied onto the Doc of the article's characters. The sentence
# starts follow from the heads (spaCy refuses both at once), as in the parser's Doc.
_ANNOTATIONS = [TAG, POS, MORPH, HEAD, DEP, NORM, ENT_IOB, ENT_TYPE, ENT_KB_ID]


def plain(text: str) -> str:
    """``text`` with its typographic single quotes and apostrophes made straight and the
    dashes that may open a signature made em dashes, each character for one."""
    return _SIGNING_HYPHEN.sub("\u2014", text.translate(TYPOGRAPHIC))


def restored(doc: Doc, text: str) -> Doc:
    """``doc``, the parse of ``plain(text)``, on ``text``'s own characters.

    A token whose lemma was its own word keeps the article's spelling as lemma
    ("O’Neill", not "O'Neill"); only a lemma that is another word ("’s" read as "be")
    is the parse's.
    """
    if doc.text == text:
        return doc
    words = [text[t.idx : t.idx + len(t)] for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    out = Doc(doc.vocab, words=words, spaces=spaces)
    parsed = doc.has_annotation("DEP")
    attrs = _ANNOTATIONS if parsed else [a for a in _ANNOTATIONS if a not in (HEAD, DEP)]
    out.from_array(attrs, doc.to_array(attrs))
    if doc.has_annotation("LEMMA"):
        for token, word in zip(out, doc, strict=True):
            token.lemma_ = token.text if word.lemma_ == word.text else word.lemma_
    out.tensor = doc.tensor
    return out


def parsed(pipe: Iterable[Doc], texts: list[str]) -> Iterator[Doc]:
    """The Docs of ``pipe``, the parses of ``plain`` of each of ``texts``, each restored."""
    for doc, text in zip(pipe, texts, strict=True):
        yield restored(doc, text)
