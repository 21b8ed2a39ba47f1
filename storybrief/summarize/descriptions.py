"""A definite description of something only an earlier sentence introduced.

News copy introduces a thing once ("... gave final passage to drug law
amendments", "a spectacular mountain waterfall") and then calls it by a
definite description ("The law paves the way ...", "campfires at the
waterfall"). Read alone, in a summary that left out the introducing sentence,
"the law" and "the waterfall" are no law or waterfall the reader was told of.
Such a sentence enters only after the sentence that introduces its noun
(``Candidate.antecedent``), where that one is one of the few just before it and
the first of its article to name the noun, other than by a definite
description of its own. Not a description that says which one itself ("the
shape of the bar", "the sanctions, which were imposed ..."), a name ("the
Justice Department"), or a noun another article of the story names ("the
government", "the war"): that one is the story's, which its summary may tell of.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from storybrief.nlp.english import STOPWORDS
from storybrief.settings import DescriptionSettings
from storybrief.summarize.candidates import MODIFIERS, NUMBERS, QUOTATION

# "The" and the words of its phrase after it: "the Missouri alert", "the June ruling".
_THE = re.compile(r"\b[Tt]he((?: [A-Za-z][\w-]*){1,4})")
# After a phrase, what says which one it is: "of", a relative clause, an apposition.
_SAYS_WHICH = re.compile(r",? (?:of|which|who|whom|whose|that|where|when)\b|, [A-Z]")
# Words that point at a thing as known, before a mention that then introduces nothing.
_KNOWN = frozenset({"the", "that", "this", "these", "those"})
# Speech after a subject ("the rebels said ..."): a verb, no word of the phrase.
_SPEECH = frozenset("said says say told tells added wrote writes reported announced".split())
_PHRASE_ENDS = STOPWORDS | _SPEECH
_WORD = re.compile(r"[\w-]+")
_COUNT = re.compile(NUMBERS)


def _words(text: str) -> set[str]:
    return set(map(str.lower, _WORD.findall(text)))


def _forms(noun: str) -> set[str]:
    """The singular and plural a noun may take: "the rebels" after "a rebel leader"."""
    return {noun, noun + "s", noun + "es", noun.removesuffix("s"), noun.removesuffix("es")}


def _nouns(text: str) -> Iterable[set[str]]:
    """The forms of each common noun of a definite description ``text`` gives outside
    quotation marks, where the description does not say which one it is."""
    bare = QUOTATION.sub("", text)
    for match in _THE.finditer(bare):
        phrase = _phrase(match.group(1))
        end = match.start(1) + len(" ".join(phrase)) + 1
        if not phrase or _SAYS_WHICH.match(bare, end):
            continue
        nouns = [word for word in phrase if _noun(word)]
        before = _words(bare[: match.start()]) if nouns else set()
        for word in nouns:
            if not _forms(word) & before:
                yield _forms(word)


def _phrase(after: str) -> list[str]:
    """The words of a description after its "the": to a function word or a verb after its
    first word ("the rebels said", "the joined modules")."""
    phrase: list[str] = []
    for word in after.split():
        if word.lower() in _PHRASE_ENDS or (phrase and word.endswith("ed")):
            break
        phrase.append(word)
    return phrase


def _noun(word: str) -> bool:
    """Whether ``word`` may be a description's common noun: not a name, modifier or count."""
    return (
        word[:1].islower()
        and len(word) > 2
        and word not in MODIFIERS
        and not word.endswith("ed")
        and not _COUNT.fullmatch(word)
    )


def _introduces(text: str, forms: set[str]) -> bool:
    """Whether ``text`` names one of ``forms`` other than by a definite description:
    "drug law amendments", "a waterfall", "its boarding process", "the hospital where ...",
    or in a name ("Defense Secretary William Cohen" for "the secretary")."""
    for match in _WORD.finditer(text):
        if match.group().lower() not in forms:
            continue
        before = [w.lower() for w in text[: match.start()].split()[-3:]]
        known = next((i for i, w in enumerate(before) if w in _KNOWN), None)
        if known is None or any(w in STOPWORDS for w in before[known + 1 :]):
            return True
        if _SAYS_WHICH.match(text, match.end()):
            return True
    return False


def described(
    articles: Sequence[Sequence[str]],
    told: Iterable[tuple[int, int, str]],
    settings: DescriptionSettings | None = None,
) -> list[int | None]:
    """For each sentence ``told`` (its article's position in ``articles``, its index
    there, its text), the index of the earlier sentence of its article that introduces
    the noun of a definite description it opens or holds; None if it needs none.

    "The law paves the way for a licensing authority ..." needs "... legislators ...
    gave final passage to drug law amendments ..." just before it.
    """
    story = _Story(articles, settings or DescriptionSettings())
    return [
        next(
            (
                i
                for forms in _nouns(text)
                if (i := story.introducer(article, index, forms)) is not None
            ),
            None,
        )
        for article, index, text in told
    ]


class _Story:
    """The words each sentence and each article of a story names."""

    def __init__(self, articles: Sequence[Sequence[str]], settings: DescriptionSettings) -> None:
        self.articles, self.settings = articles, settings
        self.named = [[_words(t) for t in texts] for texts in articles]
        self.vocabulary = [set().union(*sentences) for sentences in self.named]

    def introducer(self, article: int, index: int, forms: set[str]) -> int | None:
        """The sentence of ``article`` before ``index`` that introduces a noun of ``forms``:
        the first to name it, at most ``window`` before, naming it other than as known;
        None if there is none, or the story names the noun in many articles."""
        named = self.named[article]
        first = next((k for k in range(index) if forms & named[k]), None)
        if first is None or index - first > self.settings.window:
            return None
        others = sum(1 for k, words in enumerate(self.vocabulary) if k != article and forms & words)
        if others > self.settings.story_articles:
            return None
        return first if _introduces(self.articles[article][first], forms) else None
