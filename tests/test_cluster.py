"""Cluster: a pile of articles split into stories, and a brief written for each."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from conftest import FIXTURES

from storybrief import pipeline
from storybrief.cluster import group, stories_told
from storybrief.cluster.candidates import Pairs, candidate_pairs
from storybrief.cluster.linkage import closest
from storybrief.cluster.vectors import lead_vectors, tfidf
from storybrief.models import Article, Brief, Text
from storybrief.pipeline import read
from storybrief.render.index import Entry, to_index
from storybrief.settings import ClusterSettings

PILE = FIXTURES / "pile"


def stories_of(articles: list) -> list[list[str]]:
    return [[a.id for a in story] for story in group(articles)]


def test_a_pile_of_three_stories_is_split_into_them() -> None:
    articles = read([PILE])
    assert stories_of(articles) == [
        ["bridge-courier", "bridge-gazette", "bridge-radio"],
        ["fire-herald", "fire-times"],
        ["transfer-daily", "transfer-sport"],
    ]


def test_grouping_does_not_depend_on_input_order() -> None:
    articles = read([PILE])
    forward = {frozenset(s) for s in stories_of(articles)}
    assert {frozenset(s) for s in stories_of(articles[::-1])} == forward


def test_a_reprint_joins_its_original_and_skipped_inputs_join_no_story(tmp_path: Path) -> None:
    reprint = tmp_path / "reprint.txt"
    reprint.write_text((PILE / "fire-herald.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    articles = read([PILE, tmp_path])
    assert ["fire-herald", "fire-times", "reprint"] in stories_of(articles)
    assert all("empty" not in story for story in stories_of(articles))


def _article(article_id: str, title: str, *paragraphs: str) -> Article:
    return Article(
        id=article_id, source=f"{article_id}.txt", title=title, paragraphs=list(paragraphs)
    )


STORIES = {
    "quake": [
        (
            "Earthquake of magnitude 6.1 shakes Varosh valley",
            "A magnitude 6.1 earthquake struck the Varosh valley early on Monday, toppling "
            "old stone houses in Delmira and cutting power to the valley, officials said.",
        ),
        (
            "Strong quake hits Delmira, houses collapse",
            "Several stone houses collapsed in Delmira after a strong earthquake shook the "
            "Varosh valley on Monday morning; rescuers searched the rubble for survivors.",
        ),
        (
            "Varosh valley earthquake: rescuers search rubble in Delmira",
            "Rescue teams dug through rubble in Delmira on Monday after the earthquake in the "
            "Varosh valley, the regional governor Anton Keller told reporters.",
        ),
    ],
    "strike": [
        (
            "Port workers in Salbrook begin three-day strike over pay",
            "Dock workers at the port of Salbrook walked out on Tuesday in a dispute over pay, "
            "leaving container ships waiting offshore, the Harbour Union said.",
        ),
        (
            "Salbrook port strike strands container ships",
            "Container ships queued outside Salbrook as port workers began a three-day strike "
            "over pay; the Harbour Union said talks with the operator had failed.",
        ),
    ],
}


def _story_pile() -> list[Article]:
    """Two stories, and a reprint of the first quake article under another headline."""
    articles = [
        _article(f"{story}-{i}", title, body)
        for story, texts in STORIES.items()
        for i, (title, body) in enumerate(texts)
    ]
    title, body = STORIES["quake"][0]
    articles.append(_article("quake-reprint", title.upper(), body + " More follows."))
    return articles


def test_two_stories_and_a_reprint_are_told_apart() -> None:
    stories = {frozenset(a.id for a in story) for story in group(_story_pile())}
    assert stories == {
        frozenset({"quake-0", "quake-1", "quake-2", "quake-reprint"}),
        frozenset({"strike-0", "strike-1"}),
    }


def test_the_same_stories_whatever_the_input_order() -> None:
    articles = _story_pile()
    forward = [[a.id for a in story] for story in group(articles)]
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        position = {a.id: i for i, a in enumerate(shuffled)}
        again = [[a.id for a in story] for story in group(shuffled)]
        # Same stories; each in the shuffled input's order, biggest first.
        assert sorted(map(sorted, again)) == sorted(map(sorted, forward))
        assert all(story == sorted(story, key=position.get) for story in again)


def test_an_article_with_no_words_is_a_story_of_its_own() -> None:
    articles = [*_story_pile(), _article("blank", "", "... --- ..."), _article("untitled", "")]
    stories = {frozenset(a.id for a in story) for story in group(articles)}
    assert frozenset({"blank"}) in stories and frozenset({"untitled"}) in stories
    assert frozenset({"strike-0", "strike-1"}) in stories


def test_settings_decide_how_close_a_story_must_be() -> None:
    strict = ClusterSettings(threshold=0.5, min_similarity=0.9)
    grouped = [{a.id for a in story} for story in group(_story_pile(), strict)]
    # Only the reprint is that close to its original.
    assert grouped[0] == {"quake-0", "quake-reprint"}
    assert all(len(story) == 1 for story in grouped[1:])


# For made-up stories (``_synthetic_pile``): TF-IDF alone, since made-up words mean nothing
# to wordllama, and no doubt on short texts: these are 15 words, and TF-IDF alone doubted
# cuts a crowded story of them into pieces (of 80 a story, 18 stories for 3; of 16, 9 for 1).
WORDS_ONLY = ClusterSettings(embedding_share=0.0, short_penalty=0.0)


def _synthetic_pile(stories: int, size: int) -> list[Article]:
    """``stories`` made-up stories of ``size`` articles: its own words, and a few common ones."""
    chance = random.Random(7)
    common = [f"common{i}" for i in range(1000)]
    articles = []
    for story in range(stories):
        own = [f"story{story}word{i}" for i in range(15)]
        for n in range(size):
            text = chance.sample(own, 8) + chance.sample(common, 12)
            articles.append(_article(f"s{story}-{n}", " ".join(text[:5]), " ".join(text[5:])))
    return articles


def test_big_stories_are_not_cut_into_pieces() -> None:
    # Each article's closest neighbours are all of its own story, which must not
    # make the story look too crowded to join.
    for size in (12, 80):
        stories = group(_synthetic_pile(stories=3, size=size), WORDS_ONLY)
        assert sorted(len(s) for s in stories) == [size] * 3
        assert all(len({a.id.split("-")[0] for a in story}) == 1 for story in stories)


def test_the_cohesion_rule_counts_short_texts_likeness_less_their_doubt() -> None:
    # Two crowded made-up stories of 16 fifteen-word texts, with a small doubt: the cohesion
    # rule joins each story's pieces while it reads their similarity as it is, and leaves them
    # apart once it counts that similarity less three times its doubt.
    pile = _synthetic_pile(stories=2, size=16)
    sizes = {}
    for times in (0.0, 3.0):
        doubted = ClusterSettings(
            embedding_share=0.0, short_penalty=0.04, close_waiver=0.0, cohesion_doubt=times
        )
        stories = group(pile, doubted)
        assert all(len({a.id.split("-")[0] for a in story}) == 1 for story in stories)
        sizes[times] = sorted(len(s) for s in stories)
    assert sizes[0.0] == [16, 16]
    assert len(sizes[3.0]) > 4


def _peak_bytes(articles: list[Article]) -> int:
    """The most memory grouping ``articles`` allocates at once (Python and NumPy)."""
    group(articles)  # wordllama loaded and its words cached beforehand
    tracemalloc.start()
    try:
        group(articles)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_grows_with_the_pile_not_its_square() -> None:
    settings = ClusterSettings()
    small, large = _synthetic_pile(stories=333, size=6), _synthetic_pile(stories=1000, size=6)
    rows, frequency = tfidf(large, settings)
    pairs = candidate_pairs(rows, frequency, lead_vectors(large, settings), settings)
    assert len(pairs.first) <= len(large) * settings.candidates
    assert (pairs.first < pairs.second).all()
    # Tripling the pile from 2,000 to 6,000 articles adds 256 MB to an n×n float64 matrix.
    square_growth = 8 * (len(large) ** 2 - len(small) ** 2)
    assert _peak_bytes(large) - _peak_bytes(small) < square_growth / 10


def test_one_or_no_usable_article() -> None:
    one = read([PILE / "fire-times.txt"])
    assert stories_of(one) == [["fire-times"]]
    assert group([]) == []


def test_stories_command_writes_a_brief_per_story_and_an_index(tmp_path: Path) -> None:
    out = tmp_path / "out"
    missing = tmp_path / "missing.txt"
    args = ["stories", str(PILE), str(missing), "--out", str(out), "--format", "json"]
    done = subprocess.run(
        [sys.executable, "-m", "storybrief", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr  # one input could not be used
    assert "3 stories" in done.stderr
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [len(s["articles"]) for s in index["stories"]] == [3, 2, 2]
    assert index["stories"][0]["headline"].startswith("Harbour Bridge")
    assert [a["source"] for a in index["skipped"]] == [str(missing)]
    for story in index["stories"]:
        brief = json.loads((out / story["file"]).read_text(encoding="utf-8"))
        assert [a["id"] for a in brief["articles"]] == story["articles"]
        assert brief["summary"], story["file"]


def test_html_index_escapes_headlines_and_reasons() -> None:
    article = Article(id="a", source="a.txt", title="<script>alert(1)</script>", paragraphs=["x"])
    bad = Article(id="b", source="<b>.txt")
    bad.skip("<img src=x onerror=alert(1)>")
    page = to_index([Entry(1, Brief(articles=[article]), "01-a.html", "<i>why</i>")], [bad], "html")
    assert "<script>" not in page and "<img" not in page
    assert "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_brief_warns_when_its_inputs_tell_several_stories() -> None:
    def warned(*inputs: Path) -> bool:
        done = subprocess.run(
            [sys.executable, "-m", "storybrief", "brief", *map(str, inputs)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return "seem to tell 3 different stories; `storybrief stories`" in done.stderr

    assert warned(PILE)
    assert not warned(*sorted(PILE.glob("bridge-*.txt")))


OBSERVATORY = (
    "Astronomers at the Kessel Observatory have found a comet that will pass within sight of "
    "the naked eye next spring, the observatory said on Thursday.\n\n"
    "The comet, named Kessel-4 after the observatory, was spotted on photographs taken by the "
    "observatory's new survey telescope during a cloudless week in the mountains.\n\n"
    "Its orbit brings it back to the inner solar system only once every 3,000 years."
)


def test_unrelated_articles_are_several_stories_and_an_aside_is_not() -> None:
    # Four articles of four stories: no story of two, yet four stories all the same.
    lone = [PILE / f"{name}.txt" for name in ("bridge-courier", "fire-herald", "transfer-daily")]
    assert stories_told(read([*lone, Text(OBSERVATORY)])) == 4
    # A lone article beside the story most of them tell is no second story.
    assert stories_told(read([*sorted(PILE.glob("bridge-*.txt")), Text(OBSERVATORY)])) == 1


def test_too_few_articles_for_two_stories_are_not_grouped(monkeypatch: pytest.MonkeyPatch) -> None:
    # A brief of one to three articles (or a refused input) does not load the grouping's models.
    import storybrief.cluster as cluster

    def fail(*_: object) -> None:
        raise AssertionError("grouped")

    monkeypatch.setattr(cluster, "group", fail)
    three = [Article(id=str(n), source=f"{n}.txt", paragraphs=["x"]) for n in range(3)]
    assert stories_told(three) == 0
    with pytest.raises(AssertionError, match="grouped"):
        stories_told([*three, Article(id="3", source="3.txt", paragraphs=["x"])])


ABOUT = (
    "Copies of web pages are kept by our archive crawler so that readers can still find them "
    "after the original site changes or removes them."
)


def _pile_with(tmp_path: Path, furnished: list[str]) -> list[Article]:
    """The fixture pile, the site's "about" paragraph added to the ``furnished`` articles."""
    for path in PILE.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        if path.stem in furnished:
            text += f"\n\n{ABOUT}\n"
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    return read([tmp_path])


def test_a_paragraph_in_three_stories_is_furniture_and_removed(tmp_path: Path) -> None:
    articles = _pile_with(tmp_path, ["bridge-radio", "fire-times", "transfer-sport"])
    stories = pipeline.stories_of(articles)
    assert [len(s) for s in stories] == [3, 2, 2]
    for article in (a for story in stories for a in story):
        assert ABOUT not in article.paragraphs
        assert all(ABOUT not in s.text for s in article.sentences)
    radio = next(a for a in articles if a.id == "bridge-radio")
    assert radio.removed[-1].line == ABOUT
    assert "3 or more stories" in radio.removed[-1].why


def test_a_paragraph_in_two_stories_is_kept(tmp_path: Path) -> None:
    articles = _pile_with(tmp_path, ["bridge-radio", "fire-times"])
    stories = pipeline.stories_of(articles)
    kept = [a.id for story in stories for a in story if ABOUT in a.paragraphs]
    assert kept == ["bridge-radio", "fire-times"]


def test_short_texts_need_more_evidence_than_long_ones() -> None:
    # The quake and strike stories as written (about 25 words a body), and padded to pages
    # with words no other article uses: a doubt that parts the short quake articles
    # leaves the pages, which share just the same words, together.
    def page(article: Article) -> Article:
        pad = " ".join(f"pad{article.id.replace('-', '')}x{n}" for n in range(60))
        return _article(article.id, article.title or "", f"{article.body} {pad}")

    excerpts = _story_pile()[:5]
    for penalty, short in ((0.0, [2, 3]), (1.0, [1, 1, 1, 2])):
        doubted = ClusterSettings(short_words=60, short_penalty=penalty, close_waiver=0.0)
        assert sorted(len(s) for s in group(excerpts, doubted)) == short
        assert sorted(len(s) for s in group([page(a) for a in excerpts], doubted)) == [2, 3]


def test_excerpts_each_among_the_others_closest_lose_part_of_their_doubt() -> None:
    # The three quake excerpts are each among the others' two closest: the doubt that parts
    # them (above) is halved, and they are one story again; with ranks of one (the mutual
    # nearest only) the third is left alone by the doubt it keeps.
    excerpts = _story_pile()[:5]
    for ranks, short in ((2, [2, 3]), (1, [1, 2, 2])):
        doubted = ClusterSettings(short_words=60, short_penalty=1.0, close_ranks=ranks)
        assert sorted(len(s) for s in group(excerpts, doubted)) == short


def test_each_articles_closest_candidates_best_first() -> None:
    pairs = Pairs(np.array([0, 0, 1, 2]), np.array([1, 2, 2, 3]), np.array([0.9, 0.5, 0.7, 0.1]))
    top = closest(pairs, 5, ClusterSettings(close_ranks=2))
    assert top.tolist() == [[1, 2], [0, 2], [1, 0], [2, -1], [-1, -1]]


def test_each_pairs_rank_among_its_articles_pairs_sorted_once() -> None:
    # Article 2 holds 0.5 twice: the tie keeps the entries' order (the first ends first).
    pairs = Pairs(
        np.array([0, 0, 1, 2, 3], dtype=np.int32),
        np.array([2, 4, 2, 3, 4], dtype=np.int32),
        np.array([0.3, 0.8, 0.5, 0.5, 0.9]),
    )
    ends, similarity = pairs.ends()
    expected = [0] * len(ends)
    for article in set(ends.tolist()):
        entries = [k for k in range(len(ends)) if ends[k] == article]
        for rank, k in enumerate(sorted(entries, key=lambda k: -similarity[k])):
            expected[k] = rank
    assert pairs.ranks.tolist() == expected == [1, 0, 0, 0, 0, 2, 1, 1, 1, 0]
    assert pairs.ranks is pairs.ranks  # sorted once


def test_a_storys_articles_come_in_their_own_order_not_the_inputs() -> None:
    """The analyses break ties by article order: a story's articles are ordered by id
    (copies last), so the same pile in any order gives the same briefs."""
    from storybrief.cluster import stories

    articles = _story_pile()
    forward = [[a.id for a in story] for story in stories(articles)[0]]
    assert forward[0] == ["quake-0", "quake-1", "quake-2", "quake-reprint"]
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        assert [[a.id for a in story] for story in stories(shuffled)[0]] == forward
