"""One negation list: every reader of a sentence's polarity counts the same words.

The llm verifier, the rebuttal and denial conflicts and the agreements read
negation from ``lexicon.NEGATIONS``, each widening it where it says why. Words
the three old lists did not share ("nobody", "nothing", "neither") now count
everywhere: the fixtures below are the sentences that changed, read as right.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

from storybrief.analyze.agreements import _negated as unit_denies
from storybrief.analyze.conflicts import denial, rebuttal
from storybrief.analyze.context import nlp
from storybrief.analyze.lexicon import NEGATIONS
from storybrief.llm.verify import support_of

# Words only a negation list holds: function-word lists hold "no", "not" and "nor" too.
_TELLING = NEGATIONS - {"no", "not", "nor"}


def _listed_words(node: ast.AST) -> set[str]:
    """The words a literal lists: a set, list or tuple of strings, or ``"...".split()``."""
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return {
            e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
        }
    split = isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    if split and node.func.attr == "split" and isinstance(node.func.value, ast.Constant):
        return set(str(node.func.value.value).split())
    return set()


def _negation_lists(path: Path) -> int:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sum(len(_listed_words(node) & _TELLING) >= 2 for node in ast.walk(tree))


def test_the_package_lists_negation_words_once() -> None:
    found = {
        str(path.relative_to(ROOT)): n
        for path in sorted((ROOT / "storybrief").rglob("*.py"))
        if (n := _negation_lists(path))
    }
    assert found == {"storybrief/analyze/lexicon.py": 1}


def test_the_verifier_counts_every_negation_and_its_own_word_forms() -> None:
    for word in NEGATIONS | {"cannot", "without", "didn't"}:
        assert support_of(f"Officials {word} comment.").negation, word
    assert not support_of("Officials comment on the notice.").negation


def test_nobody_negates_a_sentence_for_the_rebuttals() -> None:
    assert rebuttal._negated(nlp()("Nobody was hurt in the blast."))
    assert not rebuttal._negated(nlp()("Two people were hurt in the blast."))


def test_nothing_negates_an_agreement_unit() -> None:
    for text in ("Nothing was found at the site.", "Police found nothing."):
        assert unit_denies(list(nlp()(text))), text
    assert not unit_denies(list(nlp()("Police found the weapon.")))


def _cues(text: str) -> list[str]:
    return [t.text for t in nlp()(text) if denial._is_cue(t)]


def test_a_denial_nobody_makes_calls_nothing_untrue() -> None:
    assert _cues("The ministry denied the reports.") == ["denied"]
    assert _cues("Nobody denied the reports.") == []
    assert _cues("None of the officials denied the reports.") == []
    # "Neither was true" calls both accounts untrue, as "was not true" does.
    assert _cues("Neither was true.") == ["true"]
