"""A hostile-input corpus, built in a folder on demand: what a hostile user feeds storybrief.

Usage: python tests/hostile.py DIR   (``tests/test_hostile.py`` builds it in a temp folder)

Nothing here is stored large: the 11 MB file is sparse, the gzip bomb is a
few kilobytes, and every text is made from a few sentences written here.
``build`` returns what it made: the article files and folders (for
``brief``, ``clean``, ``stories``, the API and the web app), extra command
line inputs (a 5,000-character path, a pattern matching nothing), the
``summarize`` clusters and the JSONL articles a line each.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

STORY = (
    "The harbour bridge will close for six weeks from Monday, the city council said on Tuesday, "
    "after engineers found corrosion in two of its main cables. Ferries will run every ten "
    "minutes while the bridge is shut, the operator said. “We cannot take any risk with "
    "the cables,” said the council's chief engineer, Maria Lopez. About 40,000 people cross "
    "the bridge each day, according to the transport department."
)
TITLE = "Harbour bridge to close for six weeks"
ARTICLE = f"{TITLE}\n\n{STORY}\n"
GERMAN = (
    "Der Stadtrat hat am Montag die Brücke über den Fluss geschlossen, nachdem Ingenieure "
    "Korrosion an zwei Kabeln gefunden hatten. Die Fähre fährt nun alle zehn Minuten, sagte "
    "der Betreiber am Dienstag, und die Pendler müssen mit Verspätungen rechnen."
)
HOSTILE_HTML = "<svg onload=alert(1)> [x](javascript:alert(1)) <script>window.pwned=1</script>"


@dataclass
class Corpus:
    """What ``build`` made: inputs for each command, and the lines of ``summarize``."""

    files: list[Path]  # each one input, read on its own
    folders: list[Path]  # read as folders
    extra: list[str]  # other command-line inputs: a path too long, a pattern, a URL
    clusters: Path  # summarize --jsonl input
    jsonl: Path  # articles, a line each

    @property
    def inputs(self) -> list[str]:
        return [*map(str, self.files), *map(str, self.folders), *self.extra]


def _texts() -> dict[str, str | bytes]:
    """File name → content of each hostile article file."""
    return {**_plain_texts(), **_markup_texts()}


def _plain_texts() -> dict[str, str | bytes]:
    """The hostile text files: encodings, sizes, shapes of plain text."""
    sentence = "The council closed the harbour bridge after engineers found corroded cables. "
    return {
        "empty.txt": b"",
        "blank.txt": "  \n\t\n ",
        "binary.txt": bytes(range(256)) * 8,
        "nul.txt": ARTICLE.replace("Monday", "Mon\x00day"),
        "utf16le-nobom.txt": ARTICLE.encode("utf-16-le"),
        "utf16be-nobom.txt": ARTICLE.encode("utf-16-be"),
        "utf16-bom.txt": codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        "utf8-bom.txt": codecs.BOM_UTF8 + ARTICLE.encode(),
        "cp1252.txt": (ARTICLE + "Caf\u00e9 \u201cquoted\u201d.").encode("cp1252"),
        "inline-html.txt": ARTICLE.replace("bridge", "<b>bridge</b> <a href='x'>x</a> <br>"),
        "hostile-html.txt": f"{TITLE} {HOSTILE_HTML}\n\n{STORY} {HOSTILE_HTML}\n",
        "tiny.txt": "Hi.\n",
        "one-sentence.txt": "The council closed the bridge on Monday.\n",
        "one-word.txt": "Bridge\n",
        "punctuation.txt": "“” ... !!! ??? — – … ‘’\n",
        "german.txt": f"Brücke geschlossen\n\n{GERMAN}\n",
        "control-chars.txt": ARTICLE.replace(" ", " \x01\x0b\x1f", 5),
        "one-line.txt": (STORY.replace("\n", " ") + " ") * 400,  # ~150 KB, no line break
        "repeated.txt": f"{TITLE}\n\n" + sentence * 2000,  # one sentence, 2,000 times
        "many-paragraphs.txt": "\n\n".join([sentence] * 3000),
        "long-word.txt": f"{TITLE}\n\n{'x' * 200_000} {STORY}\n",
    }


def _markup_texts() -> dict[str, str]:
    """The hostile HTML pages and feeds."""
    return {
        "only-markup.html": "<html><body><div><span></span></div></body></html>",
        "script-page.html": f"<html><body><script>{'x' * 10_000}</script></body></html>",
        "broken.html": "<html><body><p>" + "<div>" * 5000 + STORY,
        "deep.html": "<html><body>" + "<div>" * 50_000 + f"<p>{STORY}</p></body></html>",
        "hostile-page.html": (
            f"<html><head><title>{TITLE} &lt;svg onload=alert(1)&gt;</title></head>"
            f"<body><article><h1>{TITLE}</h1><p>{STORY} {HOSTILE_HTML}</p>"
            f"<p>{STORY}</p></article></body></html>"
        ),
        "feed-control.rss": (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><item>'
            f"<title>Bridge \x01 <b>closed</b> &lt;script&gt;</title>"
            f"<description>{STORY}\x02</description></item></channel></rss>"
        ),
        "feed-broken.rss": '<?xml version="1.0"?><rss version="2.0"><channel><item><title>',
        "feed-entities.xml": (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;'
            '&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            '<rss version="2.0"><channel><item><title>&c;</title>'
            f"<description>{STORY}</description></item></channel></rss>"
        ),
        "feed-private-link.rss": (
            '<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title>'
            "<link>http://169.254.169.254/latest/meta-data/</link></item>"
            "<item><title>y</title><link>http://[::ffff:0:7f00:1]:9/</link></item>"
            "<item><title>z</title><link>file:///etc/passwd</link></item></channel></rss>"
        ),
    }


def _jsonl_lines() -> list[str]:
    """Hostile JSONL article lines, each its own article or skip."""
    good = json.dumps({"id": "good", "text": ARTICLE})
    return [good, *_bad_json('"The bridge closed on Monday after engineers found corrosion."')]


def _bad_json(value: str) -> list[str]:
    """Lines Python's JSON parser chokes on or reads as no JSON reader does."""
    field = '"text"' if value.startswith('"') else '"docs"'
    return [
        '{"id": "surrogate", ' + field + ': "\\ud800 The bridge closed on Monday."}',
        '{"id": ' + "1" * 5000 + ", " + field + ": " + value + "}",
        "[" * 100_000 + "]" * 100_000,
        '{"id": Infinity, ' + field + ": " + value + "}",
        '{"id": NaN, ' + field + ": 7}",
        '"a string"',
        "{not json",
        "",
    ]


def _clusters() -> list[str]:
    """Hostile ``summarize`` lines: each gets its output line, a summary or an error."""
    return [
        json.dumps({"id": "good", "docs": [ARTICLE, ARTICLE.replace("Monday", "Tuesday")]}),
        json.dumps({"id": "empty", "docs": []}),
        json.dumps({"id": "german", "docs": [GERMAN * 2] * 2}),
        json.dumps({"id": "blank", "docs": ["", "  "]}),
        json.dumps({"id": "html", "docs": [f"{HOSTILE_HTML} {STORY}"]}),
        *_bad_json('["The bridge closed on Monday."]'),
    ]


def _folders(root: Path) -> list[Path]:
    """A folder with symlink loops, one with no article files, one with a FIFO."""
    loops = root / "loops"
    (loops / "d").mkdir(parents=True)
    (loops / "d" / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (loops / "d" / "up1").symlink_to("..")
    (loops / "d" / "up2").symlink_to("..")
    (loops / "dangling").symlink_to(root / "nowhere")
    none = root / "no-articles"
    none.mkdir()
    (none / "image.png").write_bytes(b"\x89PNG\r\n")
    odd = root / "odd"
    odd.mkdir()
    os.mkfifo(odd / "pipe.txt")
    return [loops, none, odd]


def _large(root: Path) -> list[Path]:
    """An 11 MB file (sparse: no disk taken) and a gzip that unpacks to 11 MB."""
    sparse = root / "over-limit.txt"
    with sparse.open("wb") as handle:
        handle.truncate(11 * 2**20)
    bomb = root / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as handle:
        for _ in range(11):
            handle.write(b"a" * 2**20)
    return [sparse, bomb]


def build(root: Path) -> Corpus:
    """Write the corpus under ``root`` (an empty or new folder)."""
    files = root / "files"
    files.mkdir(parents=True)
    made = []
    for name, content in _texts().items():
        path = files / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        made.append(path)
    clusters, jsonl = root / "clusters.jsonl", root / "articles.jsonl"
    clusters.write_text("\n".join(_clusters()) + "\n", encoding="utf-8")
    jsonl.write_text("\n".join(_jsonl_lines()) + "\n", encoding="utf-8")
    extra = [
        str(root / ("x" * 5000 + ".txt")),
        str(root / "nothing-*.txt"),
        str(root / "missing.txt"),
        "http://127.0.0.1:9/private",
        "http://[::7f00:1]:9/",
    ]
    return Corpus(made + _large(root), _folders(root), extra, clusters, jsonl)


if __name__ == "__main__":
    corpus = build(Path(sys.argv[1]))
    print(f"{len(corpus.inputs)} inputs, {corpus.clusters}, {corpus.jsonl}")
