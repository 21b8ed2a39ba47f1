"""What a reader of a summary needs from its sentences: a person named in full before
the bare surname, no "I" who is no one, one fact told once even in other words."""

from __future__ import annotations

import dataclasses
from itertools import permutations

import pytest

from storybrief.models import Article, Sentence
from storybrief.nlp.encoders import WordLlama
from storybrief.nlp.overlap import words
from storybrief.segment import segment
from storybrief.settings import Weights
from storybrief.summarize import story_order, summarize
from storybrief.summarize.candidates import (
    Candidate,
    _furniture,
    collect_candidates,
    leans_on_context,
    resumes,
    usable,
)
from storybrief.summarize.extractive import select
from storybrief.summarize.names import Names

# A flood story in two outlets; the mayor is named in full once, then by surname.
FLOOD = {
    "gazette": [
        "River levels in Riverton rose to a record nine metres on Tuesday night, flooding "
        "the old town and the harbour district.",
        "Mayor Helena Ostrova ordered the evacuation of four hundred homes along the "
        "eastern bank before midnight.",
        "Ostrova said emergency shelters had been opened in three schools and the sports "
        "hall on the hill.",
    ],
    "courier": [
        "Engineers closed the two road bridges into Riverton after the water reached "
        "their decks late on Tuesday.",
        "Ostrova asked residents of the western bank to prepare for a second crest "
        "expected on Thursday morning.",
        "The regional railway cancelled all trains to the coast until the line can be "
        "inspected for damage.",
    ],
}


def _flood(order: tuple[str, ...] = tuple(FLOOD)) -> list[Article]:
    return [segment(Article(id=key, source=key, paragraphs=list(FLOOD[key]))) for key in order]


def _names() -> Names:
    return Names(s.text for a in _flood() for s in a.sentences)


def test_a_surname_the_story_gives_in_full_is_known() -> None:
    assert _names().full == {"Ostrova": "Helena Ostrova"}


def test_the_first_bare_mention_is_given_in_full_and_the_next_is_not() -> None:
    shown = _names().introduce(
        [
            "Ostrova said emergency shelters had been opened.",
            "Ostrova's office said the bridges stay closed.",
        ]
    )
    assert shown == [
        "Helena Ostrova said emergency shelters had been opened.",
        "Ostrova's office said the bridges stay closed.",
    ]


def test_a_sentence_naming_the_person_in_full_introduces_the_name() -> None:
    shown = _names().introduce(
        ["Mayor Helena Ostrova ordered the evacuation.", "Ostrova said shelters are open."]
    )
    assert shown[1] == "Ostrova said shelters are open."


@pytest.mark.parametrize(
    ("story", "text"),
    [
        # Two people share the surname: "Kim" alone is not exact.
        (["President Kim Dae-jung met Kim Jong Il.", "Kim Dae-jung said so."], "Kim left."),
        # No title, role, speech or age marks "Gaza International" as a person.
        (["Gaza International Airport opened on Tuesday."], "Airport staff left."),
        # An institution, though a spokesman speaks next to it.
        (["said Chicago Police Department spokesman"], "The Department said so."),
        # "bin Laden" is no bare "Laden"; a titled mention ("Gen. Pinochet") is no bare one.
        (["said Osama Bin Laden"], "Osama bin Laden was indicted."),
        (["Former dictator Augusto Pinochet was arrested."], "Gen. Pinochet is ill."),
        # An event is no person, though an official speaks next to it.
        (["said Sochi Olympics chief"], "Worse than at any previous Olympics."),
        # A word the story also writes in lower case is no name.
        (["Host Thailand said the games would go ahead.", "the host city"], "Host won."),
    ],
)
def test_no_full_name_is_given_where_it_would_not_be_exact(story: list[str], text: str) -> None:
    assert Names(story).introduce([text]) == [text]


def test_a_hyphenated_given_name_follows_the_family_name() -> None:
    names = Names(["President Lee Teng-hui said Taiwan would attend."])
    assert names.introduce(["Lee decided to send an envoy."]) == [
        "Lee Teng-hui decided to send an envoy."
    ]


@pytest.mark.parametrize("budget", [18, 25, 34, 45, 60])
def test_names_given_in_full_stay_within_the_budget(budget: int) -> None:
    summary = summarize(_flood(), budget)
    assert sum(len(s.text.split()) for s in summary) <= budget
    bare = [s.text for s in summary if s.text.startswith("Ostrova")]
    assert not bare or any("Helena Ostrova" in s.text for s in summary)


def test_a_bare_surname_is_introduced_in_the_summary() -> None:
    summary = summarize(_flood(), 200)
    texts = [s.text for s in summary]
    first = next(t for t in texts if "Ostrova" in t)
    assert "Helena Ostrova" in first


def test_names_are_the_same_in_any_order_of_the_articles() -> None:
    outs = {tuple(s.text for s in summarize(_flood(order), 45)) for order in permutations(FLOOD)}
    assert len(outs) == 1


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("I knew the impulse to turn away from the page at once.", False),
        ("I'm not going to take this part out of the forecast.", False),
        ("“I have a weapon,” the suspect told the deputies in the closet.", True),
        ("The forecast was issued at 10 a.m. by the office in Slidell.", True),
        ("He and I drove the last of the sandbags to the levee at dawn.", False),
        # A capital I that is part of a longer token is no pronoun: a party-state
        # label, a road, an initial, a label alone in parentheses.
        ("Sen. Mara Quill (I-Maine) said the levee would be rebuilt by spring.", True),
        ("Traffic on I-10 was turned back at the Pearl River bridge overnight.", True),
        ("Hydrologist Dana I. Ruiz said the crest would pass by Thursday.", True),
        ("Rep. Owen Hale (I) said the state would pay for the new pumps.", True),
    ],
)
def test_an_unquoted_i_is_no_summary_sentence(text: str, kept: bool) -> None:
    assert usable(text, words(text)) is kept


def test_a_one_sentence_story_naming_a_party_label_is_summarized() -> None:
    text = "Sen. Mara Quill (I-Maine) said the levee would be rebuilt by spring."
    article = segment(Article(id="a", source="gazette", paragraphs=[text]))
    assert [s.text for s in summarize([article], 45)] == [text]


@pytest.mark.parametrize(
    ("text", "leans"),
    [
        ("Additionally, the authors point to a number of limitations.", True),
        ("For example, they could not say why subjects lost weight.", True),
        ("As such, it is possible that heart problems led to the changes.", True),
        ("The company disclosed the theft of customer data last week.", True),
        ("The move came a day after the talks broke down in Geneva.", True),
        ("Companies disclosed the theft of customer data last week.", False),
        ("That is the foundation of the government's case against the firm.", True),
        ("That’s about eight times closer than any spacecraft has been.", True),
        ("First, the scientists calculated the probability of hearing the beacon.", True),
        ("Finally, airport police put him in a wheelchair and ran him outside.", True),
        ("Eventually, the ministry intervened and let the envoy enter Taiwan.", True),
        ("First Lady Melania Trump visited the children at the border shelter.", False),
        ("Thatcher's government fell after the vote on the poll tax.", False),
    ],
)
def test_more_openers_that_lean_on_the_sentence_before(text: str, leans: bool) -> None:
    assert leans_on_context(text, words(text)) is leans


@pytest.mark.parametrize(
    "text",
    [
        "Use the Report Abuse button to make a difference.",
        "Don't attack other readers personally, and keep your language decent.",
        "Please keep your comments smart and civil.",
        "Our support team is available around the clock by email or phone.",
        "An official product shot of the new console.",
    ],
)
def test_comment_rules_support_lines_and_product_shots_are_furniture(text: str) -> None:
    assert _furniture(text) and _furniture(text.upper()) and _furniture(text.lower())


# One fact in two wordings, too far apart for ``same_fact`` but sharing eight content words.
EVACUATION = [
    "Mayor Helena Ostrova ordered the evacuation of four hundred homes along the eastern "
    "bank of the river before midnight on Tuesday.",
    "Residents of four hundred homes on the eastern bank had to leave before midnight, "
    "Riverton's mayor said as the river kept rising.",
    "The regional railway cancelled all trains to the coast until the line can be "
    "inspected for damage.",
]


def _pool() -> list[Candidate]:
    out = []
    for n, text in enumerate(EVACUATION):
        sentence = Sentence(f"{'abc'[n]}:0", "abc"[n], text, 0, paragraph=0)
        out.append(Candidate(sentence, text, words(text), len(text.split()), n))
    return out


def test_one_fact_in_other_words_enters_once() -> None:
    pool = _pool()
    vectors = WordLlama().embed(EVACUATION[:2])
    cosine = float(vectors[0] @ vectors[1])
    weights = Weights()
    assert weights.same_fact_near <= cosine < weights.same_fact, "a pair the cosine lets through"
    chosen = {c.text for c in select(pool, 200, weights)}
    assert len(chosen & set(EVACUATION[:2])) == 1
    assert EVACUATION[2] in chosen


def test_without_enough_shared_words_both_wordings_may_enter() -> None:
    loose = dataclasses.replace(Weights(), same_fact_shared=9)
    chosen = {c.text for c in select(_pool(), 200, loose)}
    assert set(EVACUATION[:2]) <= chosen


# An airport story: the second sentence of each article says "the plane" of the first's.
AIRPORT = {
    "wire": [
        "A plane bound for Amman was delayed for two hours at the Gaza airport over a "
        "dispute about checking the passengers' luggage.",
        "The plane left with every passenger aboard but without one man's luggage.",
    ],
    "daily": [
        "Palestinian airport workers refused to let the security officers check the "
        "identity of passengers arriving from Cairo.",
        "The new terminal handled its first commercial flights from Jordan and Egypt "
        "during the week of the dispute.",
    ],
}


@pytest.mark.parametrize(
    ("text", "before", "leans"),
    [
        (
            "The plane left with every passenger aboard.",
            "A plane bound for Amman was delayed.",
            True,
        ),
        ("The rebels have targeted Kindu since August.", "A rebel leader spoke.", True),
        (
            "The lawyers added that the defendants cannot write letters.",
            "Their lawyers said so.",
            True,
        ),
        ("The plane left with every passenger aboard.", "The talks in Amman broke down.", False),
        ("The new terminal opened this week.", "A new airport was built in Gaza.", False),
        ("The plane left with every passenger aboard.", "", False),
        ("Planes left with every passenger aboard.", "A plane was delayed.", False),
    ],
)
def test_a_definite_description_of_what_the_sentence_before_names_resumes_it(
    text: str, before: str, leans: bool
) -> None:
    assert resumes(text, before) is leans


def _airport(order: tuple[str, ...] = tuple(AIRPORT)) -> list[Article]:
    return [segment(Article(id=key, source=key, paragraphs=list(AIRPORT[key]))) for key in order]


def test_a_resuming_sentence_is_a_candidate_that_waits_for_the_one_before() -> None:
    pool = {c.text: c for c in collect_candidates(story_order(_airport()))}
    assert pool[AIRPORT["wire"][1]].leans
    assert not pool[AIRPORT["daily"][1]].leans  # "The new terminal": no terminal before it
    assert not pool[AIRPORT["wire"][0]].leans


@pytest.mark.parametrize("budget", [30, 45, 80])
def test_the_plane_enters_a_summary_only_after_the_plane_is_introduced(budget: int) -> None:
    for order in permutations(AIRPORT):
        told = [s.text for s in summarize(_airport(order), budget)]
        assert told == [s.text for s in summarize(_airport(), budget)]
        if AIRPORT["wire"][1] in told:
            assert told.index(AIRPORT["wire"][0]) == told.index(AIRPORT["wire"][1]) - 1
