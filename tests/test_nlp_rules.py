"""The attribute ruler's rules applied by lookup (``nlp.rules.RuleTable``): spaCy's attributes."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from storybrief.analyze.context import SPACY_MODEL, nlp
from storybrief.nlp import rules
from storybrief.nlp.rules import RuleTable, WordClasses

# Rules of each kind the table reads: a tag alone, a word list over it, a pattern, a
# NOT_IN, two rules writing the same attribute (the later wins), rules of two tokens
# before and after one-token rules in the order, and a space.
RULES = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"POS": "VERB"}, "index": 1},
    {
        "patterns": [[{"LOWER": {"IN": ["something", "nothing"]}, "TAG": "NN"}]],
        "attrs": {"POS": "PRON"},
    },
    {"patterns": [[{"LOWER": {"REGEX": "^th"}}]], "attrs": {"LEMMA": "th-"}},
    {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"TAG": "VBZ", "LOWER": "is"}]], "attrs": {"POS": "AUX", "LEMMA": "be"}},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": "is"}]], "attrs": {"LEMMA": "exist"}, "index": 1},
]
DOCS = [
    # words, tags, dependency labels, heads
    ("something is that thing", "NN VBZ DT NN", "nsubj ROOT det attr", [1, 1, 3, 1]),
    ("there is nothing", "EX VBZ NN", "expl ROOT attr", [1, 1, 1]),
    ("that is it _", "DT VBZ PRP NN", "nsubj ROOT attr dep", [1, 1, 1, 2]),
]


def _doc(vocab: Vocab, text: str, tags: str, deps: str, heads: list[int]) -> Doc:
    """A parsed Doc of ``text``'s words ("_" a space), their tags, labels and heads."""
    words = [" " if w == "_" else w for w in text.split()]
    return Doc(vocab, words=words, tags=tags.split(), deps=deps.split(), heads=heads)


def _attributes(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_the_table_writes_what_the_ruler_writes() -> None:
    vocab = spacy.blank("en").vocab
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(RULES)
    table = RuleTable(vocab, "rules", RULES)
    # Twice over, in both orders: what the table found of a word it reuses.
    for docs in (DOCS, DOCS[::-1], DOCS):
        for words, tags, deps, heads in docs:
            expected = ruler(_doc(vocab, words, tags, deps, heads))
            assert _attributes(table(_doc(vocab, words, tags, deps, heads))) == _attributes(
                expected
            )
    # The rule of two tokens loses the part of speech to a later rule and wins the lemma.
    assert _attributes(table(_doc(vocab, *DOCS[1])))[1] == ("is", "VBZ", "AUX", "", "exist")
    # "that" a determiner is left as it was; as a subject it is a pronoun.
    assert _attributes(table(_doc(vocab, *DOCS[2])))[0][2] == "PRON"
    assert _attributes(table(_doc(vocab, *DOCS[0])))[2] == ("that", "DT", "", "", "th-")
    assert _attributes(table(_doc(vocab, *DOCS[2])))[3] == (" ", "_SP", "SPACE", "Number=Sing", "")


def test_a_pattern_the_table_cannot_read_is_refused() -> None:
    vocab = spacy.blank("en").vocab
    with pytest.raises(ValueError, match="cannot read"):
        RuleTable(vocab, "rules", [{"patterns": [[{"POS": "NOUN"}]], "attrs": {"LEMMA": "x"}}])


TEXT = (
    "There is a man who isn't gonna say \"I'd go\", Biden said.  Let's see: "
    "they got ta ask him, and nothing was done that we had known of. Y'all won't."
)


def test_the_pipeline_parses_as_spacy_does() -> None:
    plain = spacy.load(SPACY_MODEL)
    assert isinstance(nlp().get_pipe("attribute_ruler"), RuleTable)
    for text in (TEXT, TEXT.lower(), "Once upon a time there were three bears."):
        ours = nlp()(text)
        theirs = plain(text)
        assert _attributes(ours) == _attributes(theirs)
        assert [t.dep_ for t in ours] == [t.dep_ for t in theirs]


def test_a_word_met_again_is_not_matched_again() -> None:
    table = nlp().get_pipe("attribute_ruler")
    nlp()("The ministers met the press on Tuesday.")
    applied: list[int] = []
    apply = table.ruler.set_annotations
    table.ruler.set_annotations = lambda doc, matches: applied.append(1) or apply(doc, matches)
    try:
        doc = nlp()("The ministers met the press on Tuesday.")
    finally:
        del table.ruler.set_annotations
    assert not applied
    assert [t.pos_ for t in doc][:3] == ["DET", "NOUN", "VERB"]


def test_the_matcher_of_several_tokens_runs_only_where_one_of_its_rules_may_start() -> None:
    vocab = spacy.blank("en").vocab
    table = RuleTable(vocab, "rules", RULES)
    seen: list[str] = []
    several = table._several
    table._several = lambda doc, **kw: seen.append(doc[0].text) or several(doc, **kw)  # type: ignore[assignment,method-assign]
    # No "expl" in the first: none of the two-token rules can start there.
    table(_doc(vocab, *DOCS[0]))
    doc = table(_doc(vocab, *DOCS[1]))
    assert seen == ["there"]
    assert doc[1].lemma_ == "exist"


def test_words_no_pattern_names_are_one_class_per_regular_expression_result() -> None:
    vocab = spacy.blank("en").vocab
    words = WordClasses(vocab, RULES)
    hashes = {w: vocab.strings.add(w) for w in ("nothing", "table", "chair", "thing", "the")}
    # Named in a list: a class of its own; not named: told apart by "^th" alone.
    assert words.of(hashes["nothing"]) == hashes["nothing"]
    assert words.of(hashes["table"]) == words.of(hashes["chair"]) == (False,)
    assert words.of(hashes["thing"]) == words.of(hashes["the"]) == (True,)


def test_a_word_of_a_class_met_before_is_not_tried_against_the_patterns_again() -> None:
    vocab = spacy.blank("en").vocab
    table = RuleTable(vocab, "rules", RULES)
    table(_doc(vocab, "table is that table", "NN VBZ DT NN", "nsubj ROOT det attr", [1, 1, 3, 1]))
    tried: list[str] = []
    values = rules._values
    rules._values = lambda token: tried.append(token.text) or values(token)  # type: ignore[assignment]
    try:
        doc = table(_doc(vocab, "chair is", "NN VBZ", "nsubj ROOT", [1, 1]))
    finally:
        rules._values = values  # type: ignore[assignment]
    assert tried == []
    assert [t.pos_ for t in doc] == ["NOUN", "AUX"]


def test_words_no_pattern_names_get_what_the_ruler_gives_them_in_any_order() -> None:
    vocab = spacy.blank("en").vocab
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(RULES)
    table = RuleTable(vocab, "rules", RULES)
    # "throne" matches the "^th" expression, "zebra" and "chair" none: one class the two.
    docs = [
        ("zebra is throne", "NN VBZ NN", "nsubj ROOT attr", [1, 1, 1]),
        ("throne is chair", "NN VBZ DT", "nsubj ROOT dep", [1, 1, 1]),
    ]
    for words, tags, deps, heads in [*docs, *docs[::-1]]:
        expected = ruler(_doc(vocab, words, tags, deps, heads))
        assert _attributes(table(_doc(vocab, words, tags, deps, heads))) == _attributes(expected)
    assert _attributes(table(_doc(vocab, *docs[0])))[2][4] == "th-"
