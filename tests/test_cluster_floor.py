"""A pair's score never exceeds its similarity less ``floor``, whatever its surroundings."""

from __future__ import annotations

import dataclasses

import numpy as np

from storybrief import pipeline
from storybrief.cluster import group
from storybrief.cluster.linkage import judged
from storybrief.models import Article
from storybrief.settings import ClusterSettings

SETTINGS = ClusterSettings()


def test_a_pair_in_sparse_surroundings_is_held_to_the_floor() -> None:
    # Two articles of a pile of unrelated ones: their neighbours are far, so their score
    # relative to them (0.1) is high, yet they are barely alike (0.15).
    similarity, relative = np.array([0.15, 0.6]), np.array([0.1, 0.1])
    score = judged(similarity, relative, SETTINGS)
    assert score[0] == similarity[0] - SETTINGS.floor < SETTINGS.threshold
    assert score[1] == relative[1]  # a close pair keeps its relative score


def test_a_pair_under_min_similarity_is_unrelated() -> None:
    score = judged(np.array([0.05]), np.array([0.3]), SETTINGS)
    assert score[0] == SETTINGS.unrelated


def test_the_topic_grain_has_no_floor() -> None:
    topic = dataclasses.replace(SETTINGS, grain="topic").grained()
    assert judged(np.array([0.15]), np.array([0.1]), topic)[0] == 0.1


# A feed's window of twelve unrelated stories, each told once: their words overlap only in
# the common vocabulary of politics, so every article's surroundings are sparse.
UNRELATED = {
    "drone": (
        "Navy says a patrol drone was fired on over the Gulf",
        "The Navy said on Tuesday that a patrol drone was fired on near the strait and "
        "returned to its base undamaged; officials blamed a coastal militia.",
    ),
    "wray": (
        "Senate confirms new director of the federal police agency",
        "Senators voted 92 to 5 to confirm the nominee, a former prosecutor, who promised "
        "to keep the agency independent of the White House.",
    ),
    "drugs": (
        "President pledges to cut prices of prescription medicines",
        "The president said his plan would tie what the government pays for medicines to "
        "prices paid abroad, a move drug makers vowed to fight in court.",
    ),
    "dreamers": (
        "Former president criticises end of protection for young migrants",
        "The former president called the decision to end the program cruel and urged "
        "Congress to pass a law protecting those brought to the country as children.",
    ),
    "author": (
        "Anonymous author of critical essay steps forward",
        "A former homeland security aide revealed he wrote the unsigned essay, drawing "
        "anger from White House officials who called him a disgruntled employee.",
    ),
    "jobs": (
        "White House praises monthly hiring figures it once called phony",
        "The spokesman said the unemployment rate, now at a record low, showed the strength "
        "of the economy, after years of dismissing the same statistics.",
    ),
    "quake": (
        "Strong earthquake shakes mountain towns, dozens injured",
        "Rescue teams searched collapsed homes overnight after the tremor of magnitude 6.1 "
        "struck villages in the valley before dawn on Sunday.",
    ),
    "tariffs": (
        "Farmers brace for losses as soybean exports fall",
        "Growers in the Midwest said retaliatory tariffs had halved orders from their "
        "largest buyer, and asked the agriculture department for relief payments.",
    ),
    "climate": (
        "Oil company wins lawsuit brought by the state attorney general",
        "A judge ruled the company had not misled investors about the cost of climate "
        "rules, ending a four-year case over its accounting.",
    ),
    "vaccine": (
        "Regulators review a vaccine maker's request for emergency approval",
        "An advisory panel of outside experts will meet next week to weigh data from a "
        "trial of forty thousand volunteers before the agency decides.",
    ),
    "debate": (
        "Senator proposes a lie detector at the next primary debate",
        "Joking with reporters, the senator said rivals who doubted his record on trade "
        "should be made to answer questions under a polygraph.",
    ),
    "military": (
        "Senator describes abuse she suffered while serving as a pilot",
        "At a hearing on assault in the armed forces, the senator said she had been "
        "raped by a superior officer and had not reported it at the time.",
    ),
}


def test_a_pile_of_unrelated_stories_is_not_chained_into_stories() -> None:
    # Without the floor, three stories of two and three articles came out of these twelve.
    # Two lone articles that are each other's clear nearest may still pair up on the second
    # look (``linkage.joined``): two such pairs are left.
    articles = pipeline.prepare(
        [
            Article(id=name, source=f"{name}.txt", raw=f"{title}\n\n{body}")
            for name, (title, body) in UNRELATED.items()
        ]
    )
    sizes = [len(story) for story in group(articles)]
    assert max(sizes) <= 2 and sizes.count(2) <= 2
