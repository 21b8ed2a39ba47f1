"""``bench/polnear.py --routes``: which rule named each quote's speaker, counted without
changing what the quotes analysis gives."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import pytest
import quote_routes
from test_quotes_speakers import speakers_of

from storybrief.analyze import quotes, speakers

STORY = (
    "\u201cWe are going to keep fighting for the working families of this country,\u201d "
    "Janet Smith said.\n\n"
    "\u201cNobody asked us what we wanted before the plant closed down.\u201d\n\n"
    "The crowd waited in the rain for an hour."
)


def test_each_passage_records_the_route_that_named_its_speaker() -> None:
    untraced = speakers_of(STORY)
    with quote_routes.traced() as passages:
        traced = speakers_of(STORY)
    assert traced == untraced
    routes = {p.text.strip(",."): p.route for p in passages}
    assert routes == {
        "We are going to keep fighting for the working families of this country": (
            "own:verb_introducer"
        ),
        "Nobody asked us what we wanted before the plant closed down": (
            "runs_on<own:verb_introducer"
        ),
    }
    assert quote_routes.passage_route(passages, "Nobody", None) == "none"


def test_the_wrapped_functions_are_put_back() -> None:
    before = (speakers._hung_on_quote, quotes.speaker_of, quotes._named_next)
    with quote_routes.traced():
        assert speakers._hung_on_quote is not before[0]
    assert (speakers._hung_on_quote, quotes.speaker_of, quotes._named_next) == before


def test_a_route_names_the_winning_finder_and_its_inner_rule() -> None:
    token, other = object(), object()
    hits = [
        ("verb_introducer", other),
        ("hung_on_quote", token),
        ("stranded_subject", token),
        ("apposed_name", other),
        ("verb_introducer", token),
    ]
    assert quote_routes.route_of(hits, "next") == (
        "next:verb_introducer>hung_on_quote>stranded_subject"
    )
    assert quote_routes.route_of([("signs_alone", True), ("dash_signed", token)], "own") == (
        "own:dash_signed>signs_alone"
    )


def test_the_route_table_counts_right_speakers_and_wrong_ones_by_cause() -> None:
    import polnear

    tally = polnear.Tally()
    tally["route|next:dash_signed>signs_alone|named|True"] = 2
    tally["route|next:dash_signed>signs_alone|named|False"] = 3
    tally["route|next:dash_signed>signs_alone|pronoun|None"] = 4  # unjudged: left out
    tally["route_miss|next:dash_signed>signs_alone|named statement|other-name"] = 3
    assert polnear.route_table(tally)[2:] == [
        "| next:dash_signed>signs_alone | 2/5 | 0/0 | 0/0 |",
        "wrong by route: next:dash_signed>signs_alone, named statement|other-name: 3",
    ]


def test_a_rule_run_without_finds_nothing_and_is_put_back() -> None:
    story = "\u201cWhat was the massive pivot point to make him change?\u201d Beck questioned."
    with quote_routes.without(["_opens_after_statement"]):
        assert speakers_of(story) == {"What was the massive pivot point to make him change?": None}
    assert speakers_of(story) == {"What was the massive pivot point to make him change?": "Beck"}
    with pytest.raises(SystemExit), quote_routes.without(["_no_such_rule"]):
        pass
