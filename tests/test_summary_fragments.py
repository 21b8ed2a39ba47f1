"""Summary candidates that are no sentence, and openers that point back (issue 15,
fifteenth session): read in each pick's parse, a candidate without a clause never
enters, and one opening on an adverb of the main clause that relates it to what came
before ("Again, ...") leans on the sentence before it."""

from __future__ import annotations

from itertools import permutations

import pytest

from storybrief.analyze.context import parse, parse_syntax, parsing
from storybrief.models import Article, Sentence
from storybrief.nlp.overlap import words
from storybrief.segment import segment
from storybrief.summarize import summarize
from storybrief.summarize.candidates import Candidate, has_clause, opens_back
from storybrief.summarize.extractive import select


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("The council voted on Monday to rebuild the eastern harbour wall.", True),
        ("Police say the ferry left the harbour two hours before the storm.", True),
        # A subject marks a clause even where the verb's tense is read wrong.
        ("Inspectors found cracks along the old sea wall of the eastern quay.", True),
        # A list of names inside a clause is a sentence.
        ("Members include Austria, Belgium, Chile, Denmark, Estonia and France.", True),
        # A speaker's label, a caption: no clause.
        ("Greg Vaughn: Big power on anything high and over the plate.", False),
        ("A ferry game for children (official name to be announced).", False),
    ],
)
def test_a_clause_is_a_finite_verb_or_a_subject(text: str, clause: bool) -> None:
    assert has_clause(parse([text])[0]) is clause


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("Again, the minister accused the council of ignoring the harbour plan.", True),
        ("Indeed, the council had promised the repairs three years ago.", True),
        ("Consequently, the ferries will use the western quay this winter.", True),
        ("Here, too, the court ruled that the closure was lawful.", True),
        # The writer's view or a time, not a pointer to what came before.
        ("Sadly, the old harbour bridge collapsed in the storm last night.", False),
        ("Recently, the council voted to rebuild the eastern harbour wall.", False),
        # No comma: "Again" inside the clause, not the sentence's link.
        ("Again the council voted to rebuild the eastern harbour wall.", False),
    ],
)
def test_an_opening_adverb_and_comma_can_point_back(text: str, back: bool) -> None:
    assert opens_back(parse([text])[0]) is back


def _candidate(index: int, text: str) -> Candidate:
    sentence = Sentence(f"a:{index}", "a", text, index, paragraph=0)
    return Candidate(sentence, text, words(text), len(text.split()), 0)


def test_a_candidate_without_a_clause_is_never_picked() -> None:
    pool = [
        _candidate(0, "Storm surge flooded the harbour of Portsmere and closed the quay."),
        _candidate(3, "Ferries to the islands will use the western quay for now."),
    ]
    assert select(pool, 12) == [pool[0]]
    pool[0].clause = False  # as ``read_parses`` notes it of a heading
    assert select(pool, 12) == [pool[1]]


STORY = {
    "a": [
        "Storm surge flooded the harbour of Portsmere on Friday and closed the eastern quay.",
        "Portsmere harbour, eastern quay, storm surge, flooded piers, closed ferries, Friday.",
        "Again, the harbour authority asked the government for money to repair the quay.",
    ],
    "b": [
        "The Portsmere harbour authority said the eastern quay would stay closed for months.",
        "Ferries to the islands will use the western quay while the repairs go on.",
    ],
}


def _story(order: list[str]) -> list[Article]:
    return [segment(Article(id=k, source=k, paragraphs=[" ".join(STORY[k])])) for k in order]


def test_a_fragment_never_enters_and_an_opener_pointing_back_follows_its_sentence() -> None:
    fragment, again = STORY["a"][1], STORY["a"][2]
    for budget in (20, 40, 80):
        told = [s.text for s in summarize(_story(["a", "b"]), budget)]
        assert fragment not in told
        # "Again," leans on the fragment before it, which never enters: neither does it.
        assert again not in told


def test_summaries_read_in_parses_are_the_same_in_any_order() -> None:
    summaries = {
        tuple(s.text for s in summarize(_story(list(order)), 40)) for order in permutations("ab")
    }
    assert len(summaries) == 1


def test_the_syntax_read_outside_a_parsing_block_is_the_full_parse_s() -> None:
    texts = ["Again, the council voted to rebuild the wall.", "Greg Vaughn: Big power."]
    full, light = parse(texts), parse_syntax(texts)
    for a, b in zip(full, light, strict=True):
        assert [(t.tag_, t.dep_, t.head.i) for t in a] == [(t.tag_, t.dep_, t.head.i) for t in b]
    with parsing(texts):
        kept = parse(texts)
        assert all(a is b for a, b in zip(kept, parse_syntax(texts), strict=True))


def test_a_pick_no_reader_parsed_is_read_without_entities_and_not_kept() -> None:
    seen, unseen = "The council met in Paris on Monday.", "The mayor flew to Berlin on Friday."
    with parsing([seen]):
        kept, light = parse_syntax([seen, unseen])
        assert kept is parse([seen])[0] and kept.ents
        assert not light.ents  # parsed for its tags and dependencies only
        full = parse([unseen])[0]  # a later reader gets the full parse, entities and all
        assert full is not light and [e.text for e in full.ents] == ["Berlin", "Friday"]
