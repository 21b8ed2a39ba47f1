"""A headline for every story: the best-supported title, or one cut from the lead."""

from __future__ import annotations

import json
from itertools import permutations

import pytest

from storybrief.analyze.context import parse
from storybrief.models import Article, Attribution, Brief, Claim, Conflict, Text
from storybrief.pipeline import brief_of, read
from storybrief.render import render
from storybrief.segment import segment
from storybrief.settings import HeadlineSettings
from storybrief.summarize.headline import _is_furniture, _reads_as_headline, headline_of
from storybrief.summarize.shorten import _drop_loose_end, _join, shorten

FERRY = (
    "The ferry between Lakeside and North Point resumed on Thursday, three days after a storm "
    "damaged the landing stage at North Point. Engineers replaced two broken gangway sections "
    "overnight, and the first crossing carried forty passengers."
)
FERRY_TOO = (
    "Ferry crossings to North Point started again on Thursday after engineers repaired the "
    "storm-damaged landing stage. The operator said the timetable would run as normal."
)
COUNCIL = (
    "The council approved its budget on Tuesday after a six-hour debate. Spending on parks "
    "rises while road repairs wait another year."
)


def _article(name: str, body: str, title: str | None = None) -> Article:
    return segment(Article(id=name, source=name, title=title, paragraphs=[body]))


def _titled() -> list[Article]:
    return [
        _article("a", FERRY, "Ferry service to North Point resumes after storm"),
        _article("b", FERRY_TOO, "Storm repairs: what commuters need to know"),
        _article("c", FERRY, "Lakeside ferry back on Thursday after landing stage repairs"),
    ]


def test_the_title_the_other_articles_support_best_heads_the_story() -> None:
    assert headline_of(Brief(articles=_titled())) == (
        "Ferry service to North Point resumes after storm"
    )


def test_the_headline_does_not_depend_on_the_input_order() -> None:
    found = {headline_of(Brief(articles=list(order))) for order in permutations(_titled())}
    assert len(found) == 1


def test_a_title_its_own_body_does_not_support_is_never_the_headline() -> None:
    unsupported = Conflict(
        "headline versus body",
        [Claim("Ferry service …", "a", Attribution("headline")), Claim("If …", "a", None)],
        "headline",
    )
    found = headline_of(Brief(articles=_titled(), conflicts=[unsupported]))
    assert found == "Lakeside ferry back on Thursday after landing stage repairs"


def test_an_off_story_title_or_a_page_label_gives_way_to_the_lead() -> None:
    articles = [
        _article("a", FERRY, "Council budget passes after long debate"),  # another story's
        _article("b", FERRY_TOO, "Media playback is unsupported on your device"),
        _article("c", FERRY, "SINGER SCANDAL"),
        _article("d", FERRY_TOO, "NORTH POINT, Lakeside -"),  # a dateline read as a title
    ]
    found = headline_of(Brief(articles=articles))
    assert found is not None and "ferry" in found.lower()
    assert found not in {a.title for a in articles}


def test_an_untitled_story_is_headed_by_its_central_lead_cut_to_a_headline() -> None:
    articles = [_article("a", FERRY), _article("b", FERRY_TOO), _article("c", COUNCIL)]
    found = {headline_of(Brief(articles=list(order))) for order in permutations(articles)}
    assert len(found) == 1  # the summary is not read: its picks may follow the input order
    (headline,) = found
    assert headline is not None and "North Point" in headline  # the story two articles tell
    assert len(headline.split()) <= HeadlineSettings().max_words and not headline.endswith(".")


@pytest.mark.parametrize(
    ("sentence", "headline"),
    [
        (
            "Kim Jong-nam, the half-brother of North Korea's leader, was killed by a highly"
            " toxic nerve agent, police in Malaysia said on Friday.",
            # What police report stays theirs: a brief states no source's claim as fact.
            "Kim Jong-nam was killed by a highly toxic nerve agent, police said",
        ),
        (
            "On Monday, the city council voted to close the Harbour Bridge for six weeks of"
            " repairs to its corroded cables.",
            "The city council voted to close the Harbour Bridge for six weeks of repairs",
        ),
        ("Senators passed the bill.", "Senators passed the bill"),
        # An "of" phrase says what its noun is: it is not cut, an adjunct is.
        (
            "North Korea has demanded that the United States pay hundreds of millions of"
            " dollars for the right to inspect a huge underground site near the border.",
            "North Korea has demanded that the United States pay hundreds of millions of dollars",
        ),
        # "according to …" goes whole: cut to its preposition, it would dangle.
        (
            "The Eastport City Council's Chief Auditor is investigating Eastport Ferries,"
            " according to two people familiar with the matter, adding to a mounting series"
            " of problems for the operator.",
            "The Eastport City Council's Chief Auditor is investigating Eastport Ferries",
        ),
    ],
)
def test_a_lead_is_cut_at_a_clause_boundary(sentence: str, headline: str) -> None:
    assert shorten(sentence) == headline


def test_a_cut_ending_on_a_preposition_drops_it() -> None:
    # A cut at a word (the last resort) may end on one: "…, according" says nothing.
    tokens = list(
        parse(["The auditor is investigating the ferry company, according to two people."])[0]
    )
    end = next(t.i for t in tokens if t.text == "according")
    assert (
        _join(_drop_loose_end(tokens[: end + 1]))
        == "The auditor is investigating the ferry company"
    )


@pytest.mark.parametrize(
    ("sentence", "headline"),
    [
        # The source moves to the end: a sentence's capital goes, a name's stays.
        (
            "Officials said the old bridge will close for repairs.",
            "The old bridge will close for repairs, officials said",
        ),
        (
            "Three engineers said the old bridge will close for repairs.",
            "The old bridge will close for repairs, three engineers said",
        ),
        (
            "Smith said the old bridge will close for repairs.",
            "The old bridge will close for repairs, Smith said",
        ),
        (
            "NASA said the new rocket will launch next week.",
            "The new rocket will launch next week, NASA said",
        ),
    ],
)
def test_a_credit_moved_to_the_end_keeps_only_a_names_capital(sentence: str, headline: str) -> None:
    assert shorten(sentence) == headline


def test_no_story_with_text_is_headed_story_brief() -> None:
    articles = read([Text("6:56 pm\n\nSenate leaders said they would hold a vote on the bill.")])
    brief = brief_of(articles)
    assert brief.headline and brief.headline != "Story brief"
    assert "6:56" not in brief.headline


def test_the_headline_is_rendered_and_in_the_json() -> None:
    brief = brief_of(_titled())
    assert render(brief, "md").startswith(f"# {brief.headline}\n")
    assert f"<h1>{brief.headline}</h1>" in render(brief, "html")
    assert json.loads(render(brief, "json"))["headline"] == brief.headline


def test_a_brief_without_a_headline_shows_its_first_title_or_opening_words() -> None:
    titled = Brief(articles=[_article("a", FERRY, "Ferry back")])
    assert render(titled, "md").startswith("# Ferry back\n")
    untitled = Brief(articles=[_article("a", FERRY)])
    assert render(untitled, "md").startswith("# The ferry between Lakeside and North Point")
    assert render(Brief(articles=[]), "md").startswith("# No usable article\n")


def test_an_appeal_for_information_or_a_first_person_post_reads_as_no_headline() -> None:
    appeal = "Anyone with information is encouraged to contact the Lakeside police"
    post = "Wanted to let you all know I'm okay after the storm at North Point"
    quoted = 'Ferry captain on the storm: "I\'m okay, the boat is not"'
    settings = HeadlineSettings()
    assert _is_furniture(appeal) and not _is_furniture("Lakeside police arrest ferry thief")
    assert not _reads_as_headline(post, settings)
    assert _reads_as_headline(quoted, settings)  # a quotation keeps its speaker's words


def test_a_summary_box_label_glued_before_the_title_is_dropped() -> None:
    (article,) = read([Text(f"Story highlights Ferry to North Point runs again\n\n{FERRY}")])
    assert article.title == "Ferry to North Point runs again"


def test_support_sums_shares_exactly_so_set_order_cannot_tip_a_tie() -> None:
    """A set's order follows the hash seed and a plain float sum's last bits follow the
    order: ten shares of 0.1 sum to 0.9999999999999999 plainly, to 1.0 exactly."""
    from storybrief.summarize.headline import support

    words = [f"w{i}" for i in range(10)]
    others = [frozenset({w}) for w in words]  # each word in one of the ten others: share 0.1
    assert support(frozenset(words), others) == 0.1


def test_support_gives_each_word_the_share_of_the_others_holding_it() -> None:
    """Thirds and a whole, as ``statistics.mean`` of the memberships would give them."""
    import math
    from statistics import mean

    from storybrief.summarize.headline import support

    others = [frozenset({"a", "b"}), frozenset({"a"}), frozenset({"c"})]
    words = frozenset({"a", "b", "c", "d"})
    expected = math.fsum(mean(w in o for o in others) for w in words) / 4
    assert support(words, others) == expected == (2 / 3 + 1 / 3 + 1 / 3) / 4
    assert support(frozenset({"a"}), others[:2]) == 1.0
