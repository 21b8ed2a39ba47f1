"""A pile's cleaning does not depend on the order of its lines (issue 12).

A short line that two articles of the pile carry is a site's furniture, also
when the two fall in different blocks of lines (``pile.BLOCK_LINES``, made
tiny here): the pile's lines are counted before any block is cleaned, on one
machine and on Dask alike.
"""

from __future__ import annotations

import json

import pytest

from storybrief import distributed, pile
from storybrief.clean import clean
from storybrief.models import Article
from storybrief.pile import Line, prepare_lines, read_lines

BLOCK = 3
SITE = "Coverage of the county council and its committees since 1998"
FURNITURE = "repeated across articles (site furniture)"
TOPICS = [
    ("harbour", "The harbour board approved a new ferry timetable on Monday evening."),
    ("school", "The county school board voted to extend the library hours this autumn."),
    ("bridge", "Engineers closed the old river bridge after finding cracks in a pier."),
    ("market", "Traders at the farmers market said sales rose during the warm weekend."),
    ("theatre", "The town theatre will stage a new play by a local writer in March."),
    ("rail", "The rail operator added two evening trains between the coast and the city."),
    ("park", "Volunteers planted three hundred trees in the riverside park on Sunday."),
]


def _records() -> list[dict[str, str]]:
    """Seven articles; the first and the last (blocks 1 and 3) carry the site's line."""
    records = []
    for n, (name, lead) in enumerate(TOPICS):
        body = [lead, f"Officials said the {name} plan had been discussed for several months."]
        if n in (0, len(TOPICS) - 1):
            body.insert(1, SITE)
        records.append({"id": name, "title": f"News of the {name}", "text": "\n\n".join(body)})
    return records


def _cleaned(lines: list[Line]) -> dict[str, tuple[list[str], list[tuple[str, str]]]]:
    """Each article's paragraphs and removed lines (with why), by id."""
    return {
        line.article.id: (line.article.paragraphs, [(r.line, r.why) for r in line.article.removed])
        for line in lines
    }


def _prepared(records: list[dict[str, str]]) -> list[Line]:
    return prepare_lines(read_lines(json.dumps(r) for r in records))


@pytest.fixture(autouse=True)
def _small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pile, "BLOCK_LINES", BLOCK)
    monkeypatch.setattr(distributed, "BLOCK_LINES", BLOCK)


def test_one_article_keeps_the_line() -> None:
    """The line is no furniture on its own: what removes it is the second article."""
    article = Article(id="a", source="a", raw=_records()[0]["text"])
    clean([article])
    assert SITE in article.paragraphs


def test_a_line_two_blocks_share_is_removed() -> None:
    cleaned = _cleaned(_prepared(_records()))
    for name in ("harbour", "park"):
        assert SITE not in cleaned[name][0]
        assert (SITE, FURNITURE) in cleaned[name][1]
    assert all(len(paragraphs) == 2 for paragraphs, _ in cleaned.values())


def test_any_order_cleans_the_pile_alike() -> None:
    records = _records()
    moved = records[3:] + records[:3]  # the site's two articles now in one block
    assert _cleaned(_prepared(moved)) == _cleaned(_prepared(records))
    assert _cleaned(_prepared(records[::-1])) == _cleaned(_prepared(records))


def test_dask_cleans_the_pile_as_one_process() -> None:
    from distributed import Client, LocalCluster

    texts = [json.dumps(r) for r in _records()]
    with (
        LocalCluster(n_workers=2, processes=False, dashboard_address="127.0.0.1:0") as cluster,
        Client(cluster) as client,
    ):
        on_dask = distributed.DaskPile(client)
        on_dask.group(texts, "pile.jsonl")
        blocks = client.gather(on_dask._blocks)
    assert len(blocks) == 3
    lines = [line for block in blocks for line in block]
    assert _cleaned(lines) == _cleaned(prepare_lines(read_lines(texts, "pile.jsonl")))
    assert (SITE, FURNITURE) in _cleaned(lines)["park"][1]
