"""The spaCy model's attribute ruler, applied by looking up what its rules do to a token.

en_core_web_sm's attribute ruler (after its tagger and parser) sets each token's
coarse part of speech, morphology and some lemmas by 179 Matcher rules; all but
a few match one token, on its tag, lower-case form, dependency label and whether
it is a space. spaCy's Matcher tries every rule on every token: about a sixth of
the parse's time (BENCHMARKS.md, tenth session). What the one-token rules do to a
token follows from those four values and the attributes it had before, so
``RuleTable`` works it out once for each such key, with the ruler's own code, and
then writes the outcome on every token with that key. The few rules of several
tokens keep a Matcher of their own, run only on a Doc with a token that one of their
patterns may start with (also found once per key: the Matcher took half the table's
time, on every Doc, for rules that match a few); a Doc one of them matches is
annotated as the ruler does it, every rule in the ruler's order. The same attributes
either way (checked on the texts of stories-dev, see BENCHMARKS.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

# What a token is read by: the four values the one-token rules test, then the
# attributes the rules write, as they were before (their outcome depends on them
# where a rule leaves one as it was).
_KEY = [TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA]
# The Token attributes a rule may write; the morphology is written as a MorphAnalysis.
_WRITTEN = ("pos", "lemma", "tag", "dep")

Key = tuple[int, ...]
# A word's class (``WordClasses``): its hash, or which regular expressions it matches.
WordClass = int | tuple[bool, ...]
# What token patterns test of a token: its tag, word class, dependency label and space flag.
Tested = tuple[int, WordClass, int, int]
# A token's attributes that its rules change, and their new values.
Outcome = list[tuple[str, Any]]


# The name of the pipeline component's factory (``Language.replace_pipe``).
FACTORY = "storybrief_rule_table"


@Language.factory(FACTORY, default_config={"patterns": []})
def make_rule_table(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> RuleTable:
    """The pipeline component; ``patterns`` as ``AttributeRuler.patterns`` gives them."""
    return RuleTable(nlp.vocab, name, patterns)


class RuleTable:
    """An attribute ruler's rules (``patterns``), the one-token ones applied by lookup."""

    def __init__(self, vocab: Vocab, name: str, patterns: list[dict[str, Any]]) -> None:
        self.name = name
        self.ruler = AttributeRuler(vocab, name)
        self.ruler.add_patterns(patterns)
        self._labels = [vocab.strings[str(n)] for n in range(len(patterns))]
        words = WordClasses(vocab, patterns)
        self._single = OneTokenRules(
            [
                (n, [p[0] for p in rule["patterns"]])
                for n, rule in enumerate(patterns)
                if all(len(pattern) == 1 for pattern in rule["patterns"])
            ],
            words,
        )
        self._several = Matcher(vocab)
        starts: list[dict[str, Any]] = []
        for n, rule in enumerate(patterns):
            if any(len(pattern) > 1 for pattern in rule["patterns"]):
                # Under the ruler's own key, so its matches sort among the others as the ruler's do.
                self._several.add(str(n), rule["patterns"])
                starts += [_checked(pattern[0]) for pattern in rule["patterns"]]
        self._starts = Starts(starts, words)
        self._outcomes: dict[Key, Outcome] = {}
        self._by_rules: dict[tuple[int, ...], Outcome] = {}

    def __call__(self, doc: Doc) -> Doc:
        keys = [tuple(row) for row in doc.to_array(_KEY).tolist()]
        several = (
            self._several(doc, allow_missing=True, as_spans=False)
            if self._starts.any_in(doc, keys)
            else []
        )
        if several:
            self._annotate(doc, keys, several)
            return doc
        for token, key in zip(doc, keys, strict=True):
            outcome = self._outcomes.get(key)
            if outcome is None:
                outcome = self._outcomes[key] = self._outcome(token, key)
            for attribute, value in outcome:
                setattr(token, attribute, value)
        return doc

    def _annotate(self, doc: Doc, keys: list[Key], several: list[tuple[int, int, int]]) -> None:
        """Annotate ``doc`` as the ruler does: every match (``several`` those of the rules of
        several tokens) applied in the ruler's order."""
        matches = [
            (n, self._labels[n], token.i, token.i + 1)
            for token, key in zip(doc, keys, strict=True)
            for n in self._single.of(token, key)
        ]
        matches += [(int(self.ruler.vocab.strings[m]), m, s, e) for m, s, e in several]
        self.ruler.set_annotations(doc, sorted(matches))

    def _outcome(self, token: Token, key: Key) -> Outcome:
        """What the rules that match ``token`` (whose ``key`` it is) change in it.

        It follows from which rules match and the attributes they may write as they
        were, so it is worked out (with the ruler's own code) once for each of those.
        """
        rules = self._single.of(token, key)
        # The rules, then (after -1, no rule's number) what they may write, as it was:
        # part of speech, morphology, lemma, tag, label.
        found = (*rules, -1, *key[4:], key[0], key[2])
        if found not in self._by_rules:
            matches = [(n, self._labels[n], token.i, token.i + 1) for n in rules]
            self.ruler.set_annotations(token.doc, matches)
            before = dict(zip(_WRITTEN, (key[4], key[6], key[0], key[2]), strict=True))
            changed: Outcome = [
                (a, getattr(token, a)) for a in _WRITTEN if getattr(token, a) != before[a]
            ]
            if token.morph.key != key[5]:
                changed.append(("morph", token.morph))
            self._by_rules[found] = changed
        return self._by_rules[found]


class WordClasses:
    """The words some token patterns cannot tell apart, as one class each: a word that
    none of them names (as itself, in an IN or a NOT_IN list) is told apart only by
    their regular expressions, so what they find of one such word holds for all words
    matching the same expressions.

    The tables of what rules match a token were keyed by its word: the 76,468 tokens of
    the texts a 1,002-article draw of stories-dev parses ahead made 16,994 keys, each
    tried against every pattern, half the attribute table's time. Keyed by the class,
    818: the words no rule names share one per tag, label and space flag.
    """

    def __init__(self, vocab: Vocab, patterns: list[dict[str, Any]]) -> None:
        """The classes of the words ``patterns`` (``AttributeRuler.patterns``) test."""
        self._strings = vocab.strings
        self._named: set[str] = set()
        self._patterns: list[str] = []
        for test in _word_tests(patterns):
            if isinstance(test, str):
                self._named.add(test)
            for operator, argument in test.items() if isinstance(test, dict) else ():
                if operator == "REGEX":
                    self._patterns.append(argument)
                else:
                    self._named.update(argument)
        self._of: dict[int, WordClass] = {}

    def of(self, lower: int) -> WordClass:
        """The class of the word whose lower-case form's hash is ``lower``: the hash itself
        if a pattern names the word, else which of the regular expressions it matches."""
        found = self._of.get(lower)
        if found is None:
            word = self._strings[lower]
            named = word in self._named
            found = (
                lower if named else tuple(re.search(p, word) is not None for p in self._patterns)
            )
            self._of[lower] = found
        return found

    def tested(self, key: Key) -> Tested:
        """What token patterns test of a token whose ``key`` it is (``_KEY``)."""
        return (key[0], self.of(key[1]), key[2], key[3])


def _word_tests(patterns: list[dict[str, Any]]) -> Iterator[Any]:
    """The tests of a token's lower-case form in ``patterns`` (``AttributeRuler.patterns``)."""
    specs = (spec for rule in patterns for pattern in rule["patterns"] for spec in pattern)
    return (spec["LOWER"] for spec in specs if "LOWER" in spec)


class OneTokenRules:
    """Which of an attribute ruler's one-token rules (by number, with their token
    patterns) match a token: only the few that test its lower-case form against
    words are tried on a word, those that do not test it are found once per tag,
    dependency label and space flag, and a word no rule names as one of its class
    (``WordClasses``)."""

    def __init__(self, rules: list[tuple[int, list[dict[str, Any]]]], words: WordClasses) -> None:
        self._words = words
        self._free: list[tuple[int, list[dict[str, Any]]]] = []  # no test of the word
        self._by_word: dict[str, list[tuple[int, list[dict[str, Any]]]]] = {}
        self._other: list[tuple[int, list[dict[str, Any]]]] = []  # a pattern or NOT_IN
        for n, specs in rules:
            words = _words([_checked(spec) for spec in specs])
            if words:
                for word in words:
                    self._by_word.setdefault(word, []).append((n, specs))
            elif any("LOWER" in spec for spec in specs):
                self._other.append((n, specs))
            else:
                self._free.append((n, specs))
        self._free_of: dict[tuple[str, str, bool], list[int]] = {}
        self._of: dict[Tested, tuple[int, ...]] = {}

    def of(self, token: Token, key: Key) -> tuple[int, ...]:
        """The numbers of the rules that match ``token`` (whose ``key`` it is), in order."""
        tested = self._words.tested(key)
        if tested not in self._of:
            values = _values(token)
            free = (token.tag_, token.dep_, token.is_space)
            if free not in self._free_of:
                self._free_of[free] = [n for n, specs in self._free if _any(specs, values)]
            tried = self._by_word.get(token.lower_, []) + self._other
            found = self._free_of[free] + [n for n, specs in tried if _any(specs, values)]
            self._of[tested] = tuple(sorted(set(found)))
        return self._of[tested]


class Starts:
    """Whether a Doc has a token that one of some token patterns (the first tokens of the
    rules of several tokens) matches, found once per tag, word class (``WordClasses``),
    label and space flag."""

    def __init__(self, specs: list[dict[str, Any]], words: WordClasses) -> None:
        self._specs = specs
        self._words = words
        self._of: dict[Tested, bool] = {}

    def any_in(self, doc: Doc, keys: list[Key]) -> bool:
        """Whether a token of ``doc`` (whose ``keys`` they are, ``_KEY``) matches one."""
        for i, key in enumerate(keys):
            tested = self._words.tested(key)
            found = self._of.get(tested)
            if found is None:
                found = self._of[tested] = _any(self._specs, _values(doc[i]))
            if found:
                return True
        return False


def _values(token: Token) -> dict[str, str | bool]:
    """What the patterns test of ``token`` (``_ATTRIBUTES``), by attribute."""
    return {"TAG": token.tag_, "LOWER": token.lower_, "DEP": token.dep_, "IS_SPACE": token.is_space}


def _words(specs: list[dict[str, Any]]) -> set[str]:
    """The words one of ``specs`` must be (its lower-case form), if each lists them; else none."""
    words: set[str] = set()
    for spec in specs:
        test = spec.get("LOWER")
        if isinstance(test, str):
            words.add(test)
        elif isinstance(test, dict) and "IN" in test:
            words.update(test["IN"])
        else:
            return set()
    return words


# The attributes and operators of the Matcher the one-token rules use; any other
# would be read wrong here, so a ruler with one is refused.
_ATTRIBUTES = {"TAG", "LOWER", "DEP", "IS_SPACE"}
_OPERATORS = {"IN", "NOT_IN", "REGEX"}


def _checked(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec``, a token pattern, if ``_any`` reads it as the Matcher does; else ValueError."""
    for attribute, test in spec.items():
        if attribute not in _ATTRIBUTES or (isinstance(test, dict) and set(test) - _OPERATORS):
            raise ValueError(f"a token pattern this table cannot read: {spec}")
    return spec


def _any(specs: list[dict[str, Any]], values: dict[str, str | bool]) -> bool:
    """Whether a token of ``values`` matches one of the token patterns ``specs``, as the
    Matcher has it."""
    return any(all(_passes(t, values[a]) for a, t in spec.items()) for spec in specs)


def _passes(test: Any, value: str | bool) -> bool:
    if not isinstance(test, dict):
        return bool(value == test)
    ((operator, argument),) = test.items()
    if operator == "IN":
        return value in argument
    if operator == "NOT_IN":
        return value not in argument
    return re.search(argument, str(value)) is not None
