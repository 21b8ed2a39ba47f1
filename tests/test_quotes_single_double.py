"""One British-style article written twice, quoting in curly single marks with double ones
nested and in double marks with single ones nested: its quotes, their speakers and the
checks of whether a sentence quotes anyone are the same in both (issue 10)."""

from __future__ import annotations

from storybrief.analyze import run
from storybrief.analyze.context import StoryContext, quote_marks
from storybrief.analyze.quotes import _quotes_speech
from storybrief.nlp.quotation import double_form
from storybrief.summarize.candidates import collect_candidates

# Apostrophes ("It’s", "Bob’s", "the voters’", "‘90s", "rock ‘n’ roll") are the same in both.
_ARTICLE = (
    "Council delays bridge vote\n\n"
    "The council delayed its vote on the new bridge on Tuesday. {o}It’s a gamble, and nobody "
    "here likes it,{c} said Jane Porter, the council leader. {o}We cannot wait for ever.{c}\n\n"
    "Residents were angry. Bob’s cafe near the site has been shut since the ‘90s flood. "
    "The voters’ patience is running out, said Tom Reed, who runs it.\n\n"
    "Tom Reed said: {o}They told us, {io}the work starts next spring{ic}, and nothing "
    "happened at all.{c}\n\n"
    "Porter spoke at the town hall on Monday. She then turned to the cost of the work.\n\n"
    "{o}The bridge will cost more than we thought last year. We have to be honest about "
    "that.\n\n"
    "{o}But we will not give up on it. This town deserves a better crossing,{c} she said. "
    "Reed called it {o}a fine idea{c}.\n\n"
    "Reed later met the mayor to talk about the {o}Bridge Fund{c}.\n\n"
    "{o}We were never asked about any of this by anyone at the council.{c}\n\n"
    "{o}Nobody in this town wants the old bridge shut for a year.{c} Porter called the "
    "delay {o}a real shame for the town{c}.\n\n"
    "The so-called {o}plan{c} was drawn up in 2019, when rock ‘n’ roll bands still played "
    "on the old bridge."
)
_FORMS = {
    "double": {"o": "\u201c", "c": "\u201d", "io": "\u2018", "ic": "\u2019"},
    "single": {"o": "\u2018", "c": "\u2019", "io": "\u201c", "ic": "\u201d"},
}
# Curly marks and apostrophes alike, to compare the quoted words of the two forms.
_MARKS = str.maketrans("\u2018\u2019\u201c\u201d", "''''")


def _story(form: str) -> StoryContext:
    return StoryContext.from_texts(_ARTICLE.format(**_FORMS[form]))


def _quotes(form: str) -> list[tuple[str, str | None, list[str]]]:
    quotes = run(_story(form), "quotes")
    return sorted((q.text.translate(_MARKS), q.speaker, q.sentence_ids) for q in quotes)


def test_both_forms_give_the_same_quotes_and_speakers() -> None:
    found = _quotes("single")
    assert found == _quotes("double")
    by_text = {text: speaker for text, speaker, _ in found}
    # The nested quotation is part of Reed's, not a quote of its own.
    assert by_text["They told us, 'the work starts next spring', and nothing happened at all."] == (
        "Tom Reed"
    )
    assert "the work starts next spring" not in by_text
    # The quotation left open at its paragraph's end runs on, carried from Porter's paragraph.
    long = "The bridge will cost more than we thought last year. We have to be honest about that."
    assert by_text[long] == "Jane Porter"
    # The paragraph before quotes a title and the sentence after quotes Porter: neither speaks.
    assert by_text["We were never asked about any of this by anyone at the council."] is None
    assert by_text["Nobody in this town wants the old bridge shut for a year."] is None
    # A scare quote is no quote, in either form.
    assert "plan" not in by_text


def test_each_sentence_quotes_in_the_same_places_in_both_forms() -> None:
    double, single = _story("double"), _story("single")
    for a, b in zip(double.sentences, single.sentences, strict=True):
        assert quote_marks(double, a) == quote_marks(single, b), a.text
        assert _quotes_speech(double, a) == _quotes_speech(single, b), a.text


def test_in_double_marks_every_double_mark_is_a_quotation_mark() -> None:
    story = _story("double")
    for sentence in story.sentences:
        marks = [i for i, ch in enumerate(sentence.text) if ch in "\u201c\u201d"]
        assert quote_marks(story, sentence) == marks, sentence.text


def test_the_summary_takes_the_same_sentences_from_both_forms() -> None:
    def taken(form: str) -> list[tuple[str, bool]]:
        found = collect_candidates(_story(form).articles)
        return [(c.sentence.id, c.quoted_on) for c in found]

    # The end of Porter's quotation ('This town deserves ...,’ she said.') is taken in neither.
    assert taken("single") == taken("double")
    assert "t0:12" not in dict(taken("single"))


def test_the_double_form_of_an_article_quoting_in_double_marks_is_itself() -> None:
    double, single = _story("double").sentences, _story("single").sentences
    assert double_form(double) == double
    assert [s.text for s in double_form(single)] == [s.text for s in double]
