"""The web app: its JSON API and form through TestClient, then the real server in Chromium.

Article texts are hostile data here: one carries a ``<script>`` that would set
``window.pwned`` if it ever ran. Every server these tests talk to listens on
127.0.0.1 and is stopped when they are done. The browser tests drive Debian's
Chromium; with ``STORYBRIEF_SCREENSHOT=docs/web.png`` they also save the
screenshot the README shows.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import EXAMPLE, FIXTURES, ROOT
from fastapi.testclient import TestClient
from test_ingest_web import ARTICLE, Site, site  # noqa: F401  (site is a fixture)

from storybrief.ingest import ARTICLE_SUFFIXES
from storybrief.models import Text
from storybrief.pipeline import run
from storybrief.render import render
from storybrief.web import app as web_app
from storybrief.web import create_app

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = "/usr/bin/chromium"
SCRIPT = "<script>window.pwned = true</script>"
FILES = sorted(EXAMPLE.glob("*.txt"))
# The Guardian's, the Independent's and the BBC's reports: they disagree on Iran's troops.
GUARDIAN, INDEPENDENT, BBC = (FILES[i].read_text(encoding="utf-8") for i in (0, 2, 4))
HOSTILE = f"{SCRIPT} Iran could join forces with US\n\n{INDEPENDENT}"  # the script is its title


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), base_url="http://localhost") as client:
        yield client


def sources(page: str) -> list[str]:
    """The lines of the brief's list of sources, as text."""
    return [re.sub(r"<[^>]+>", "", li) for li in re.findall(r'<li id="src-.*?</li>', page)]


def downloads(page: str) -> dict[str, str]:
    """The files the page's download links hold, by file name."""
    links = re.findall(r'href="data:[^;]+;charset=utf-8;base64,([^"]+)" download="([^"]+)"', page)
    return {name: base64.b64decode(data).decode("utf-8") for data, name in links}


def test_api_returns_the_json_brief(client: TestClient) -> None:
    response = client.post("/api/brief", json={"texts": [GUARDIAN, BBC], "words": 60})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    doc = response.json()
    assert doc["storybrief"] == "1"  # the document of `storybrief brief --format json`
    assert [(a["id"], a["status"]) for a in doc["articles"]] == [("text-1", "ok"), ("text-2", "ok")]
    assert 0 < sum(len(s["text"].split()) for s in doc["summary"]) <= 60
    assert doc["conflicts"]
    assert response.text == render(run([Text(GUARDIAN), Text(BBC)], words=60), "json")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "No articles given"),
        ({"texts": ["  ", "\n"], "urls": [""]}, "No articles given"),
        ({"texts": "one text"}, "texts: Input should be a valid list"),
        (
            {"texts": ["A text.\n"], "words": 5},
            "words: Input should be greater than or equal to 10",
        ),
        ({"texts": ["A text.\n"], "title": "x"}, "title: Extra inputs are not permitted"),
        ({"urls": ["file:///etc/passwd"]}, "Not a web address: 'file:///etc/passwd'"),
        ({"texts": ["A text.\n"] * 51}, "51 inputs given; a brief takes at most 50"),
    ],
)
def test_api_errors_are_json_saying_what_to_do(
    client: TestClient, body: dict, message: str
) -> None:
    response = client.post("/api/brief", json=body)
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_api_rejects_a_body_that_is_not_json(client: TestClient) -> None:
    response = client.post("/api/brief", content=b"texts=a", headers={"Content-Type": "text/plain"})
    assert response.status_code == 422
    assert 'Send JSON like {"texts"' in response.json()["detail"]


def test_api_names_a_json_syntax_error_as_one_not_as_a_field(client: TestClient) -> None:
    response = client.post(
        "/api/brief", content=b"not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["detail"].startswith(
        "the body is not JSON (Expecting value at character 0). Send JSON like"
    )


def test_a_one_line_text_is_a_text_never_a_path_on_the_server(client: TestClient) -> None:
    response = client.post("/api/brief", json={"texts": [str(FILES[0])]})
    (article,) = response.json()["articles"]
    assert (article["source"], article["status"]) == ("<text 1>", "skipped")


def test_private_urls_are_fetched_only_if_the_server_allows_them(site: Site) -> None:  # noqa: F811
    url = site.add("/news/bridge.html", ARTICLE)
    with TestClient(create_app(), base_url="http://localhost") as client:
        (refused,) = client.post("/api/brief", json={"urls": [url]}).json()["articles"]
    assert refused["status"] == "skipped"
    assert refused["reason"].startswith("refused: 127.0.0.1 is a private or local address")
    assert site.requests == []
    with TestClient(create_app(allow_private=True), base_url="http://localhost") as client:
        (fetched,) = client.post("/api/brief", json={"urls": [url]}).json()["articles"]
    assert (fetched["status"], fetched["url"]) == ("ok", url)
    assert site.requests == ["/news/bridge.html"]


def test_the_form_page(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.text.count('<textarea id="text-') == 3
    assert 'name="files" type="file" multiple' in response.text
    assert "script-src 'sha256-" in response.headers["content-security-policy"]


def test_the_form_makes_the_brief_escaped_with_its_downloads(client: TestClient) -> None:
    # Two articles in one box, separated by a line of ---, and one in another.
    form = {"text": [f"{GUARDIAN}\n---\n{HOSTILE}", BBC, ""], "urls": "", "words": "80"}
    response = client.post("/brief", data=form)
    assert response.status_code == 200
    page = response.text
    assert "<h2>Summary</h2>" in page and "<h2>Where the sources disagree</h2>" in page
    assert SCRIPT not in page and "<script" not in page
    assert "&lt;script&gt;window.pwned = true&lt;/script&gt;" in page
    assert "script-src" not in response.headers["content-security-policy"]
    assert len(sources(page)) == 3
    files = downloads(page)
    assert (
        files["brief.md"].startswith("# ") and "## Where the sources disagree" in files["brief.md"]
    )
    doc = json.loads(files["brief.json"])
    assert [a["id"] for a in doc["articles"]] == ["text-1", "text-2", "text-3"]
    assert doc["articles"][1]["title"] == f"{SCRIPT} Iran could join forces with US"


def test_uploads_are_read_and_every_input_is_listed_with_its_status(client: TestClient) -> None:
    jsonl = json.dumps({"id": "bbc", "text": BBC}) + "\n{not json\n"
    files = [
        ("files", (FILES[0].name, FILES[0].read_bytes(), "text/plain")),
        ("files", ("stories.jsonl", jsonl.encode(), "application/octet-stream")),
    ]
    form = {"text": ["", ""], "urls": "https://127.0.0.1/story.html\n"}
    response = client.post("/brief", data=form, files=files)
    assert response.status_code == 200
    listed = sources(response.text)
    assert len(listed) == 4
    assert listed[0].startswith(FILES[0].stem) and "skipped" not in listed[0]
    assert listed[1].startswith("bbc") and "skipped" not in listed[1]
    assert "stories.jsonl:2 — skipped: invalid JSON" in listed[2]
    assert "https://127.0.0.1/story.html — skipped: refused: " in listed[3]
    assert "storybrief-" not in response.text  # the temporary folder uploads were read from


def _feed(title: str, text: str) -> str:
    """An RSS feed of one item whose description is the whole article (no link to fetch)."""
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        f"<item><title>{title}</title><description><![CDATA[{body}]]></description>"
        "</item></channel></rss>"
    )


def test_the_form_takes_every_file_the_command_line_reads(client: TestClient) -> None:
    found = re.search(r'type="file" multiple accept="([^"]+)"', client.get("/").text)
    assert found and set(found[1].split(",")) == {*ARTICLE_SUFFIXES, ".gz"}
    title, _, body = BBC.partition("\n\n")
    files = [
        ("files", ("guardian.txt.gz", gzip.compress(GUARDIAN.encode()), "application/gzip")),
        ("files", ("bbc.rss", _feed(title, body).encode(), "application/rss+xml")),
    ]
    response = client.post("/brief", data={"text": [""]}, files=files)
    assert response.status_code == 200, response.text
    listed = sources(response.text)
    assert len(listed) == 2 and not [s for s in listed if "skipped" in s], listed
    assert sorted(s.split(" ")[0] for s in listed) == ["bbc-1", "guardian"]


def test_a_brief_of_several_stories_says_so(client: TestClient) -> None:
    pile = sorted((FIXTURES / "pile").glob("*.txt"))
    mixed = client.post("/brief", data={"text": [p.read_text(encoding="utf-8") for p in pile]})
    assert "seem to tell 3 different stories" in mixed.text
    one = client.post("/brief", data={"text": [GUARDIAN, BBC]})
    assert "different stories" not in one.text


def test_an_upload_over_10_mb_is_refused_and_the_form_kept(client: TestClient) -> None:
    big = ("files", ("huge.txt", b"word " * (2 * 1024 * 1024 + 1), "text/plain"))
    response = client.post("/brief", data={"text": [f"Kept.\n{SCRIPT}"]}, files=[big])
    assert response.status_code == 413
    assert "huge.txt is over 10 MB, the limit for one file" in response.text
    assert f"Kept.\n{SCRIPT.replace('<', '&lt;').replace('>', '&gt;')}</textarea>" in response.text


def test_a_request_over_the_size_limit_is_refused_unread(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web_app, "MAX_REQUEST", 1024 * 1024)
    text = "A sentence of an article.\n" * 50_000
    api = client.post("/api/brief", json={"texts": [text]})
    assert api.status_code == 413
    assert api.json() == {"detail": "The request is over 1 MB: send fewer or smaller files."}
    form = client.post("/brief", data={"text": [text]})
    assert form.status_code == 413
    assert "The request is over 1 MB" in form.text


@pytest.mark.parametrize(
    ("form", "files", "message"),
    [
        ({"text": [""]}, [], "No articles given"),
        ({"text": [BBC], "words": "lots"}, [], "The summary length must be a number of words"),
        ({"text": [BBC], "words": "8²"}, [], "The summary length must be a number of words"),
        # More digits than int() reads (4,300 by default): refused too, not a 500.
        ({"text": [BBC], "words": "9" * 5000}, [], "The summary length must be a number of words"),
        ({"text": [BBC], "words": "0" * 5000 + "9"}, [], "The summary length must be a number"),
        ({"urls": f"{SCRIPT}\n"}, [], "Not a web address: &#x27;&lt;script&gt;window"),
        ({}, [("files", ("scan.pdf", b"%PDF-1.4", "application/pdf"))], "upload files ending .txt"),
    ],
)
def test_form_errors_come_back_on_the_form_escaped(
    client: TestClient, form: dict, files: list, message: str
) -> None:
    response = client.post("/brief", data=form, files=files)
    assert response.status_code == 422
    assert message in response.text
    assert '<form method="post"' in response.text
    assert SCRIPT not in response.text


def test_summary_length_read_as_int_reads_it() -> None:
    # Leading zeros are no more digits to refuse: "0080" is 80, as int() reads it.
    assert web_app._words(" 0080 ") == 80
    assert web_app._words("") == web_app.DEFAULT_WORDS


# The real server in a real browser.


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``storybrief serve`` on a free port of 127.0.0.1, stopped after the module's tests."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "stderr.txt"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "storybrief", "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5):
                    break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"storybrief serve exited: {log.read_text()!r}")
                if time.monotonic() > deadline:
                    pytest.fail(f"storybrief serve did not answer on {url} within 60 s")
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium for the browser tests")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM)
        yield chromium
        chromium.close()


def test_the_page_stays_responsive_while_a_brief_is_made(server: str) -> None:
    body = json.dumps({"texts": [GUARDIAN, INDEPENDENT, BBC]}).encode()
    request = urllib.request.Request(
        server + "api/brief", body, {"Content-Type": "application/json"}
    )
    answers: list[int] = []

    def post() -> None:
        with urllib.request.urlopen(request, timeout=120) as response:
            answers.append(response.status)

    worker = threading.Thread(target=post)
    worker.start()
    time.sleep(0.5)
    started = time.monotonic()
    with urllib.request.urlopen(server, timeout=10) as page:
        assert page.status == 200
    assert time.monotonic() - started < 2
    assert worker.is_alive(), "the brief was done before the page was asked for"
    worker.join(timeout=120)
    assert answers == [200]


def test_a_brief_made_in_the_browser(browser: Browser, server: str, tmp_path: Path) -> None:
    page = browser.new_page(viewport={"width": 1200, "height": 1000})
    page.goto(server)
    page.fill("#text-1", f"{GUARDIAN}\n---\n{BBC}")
    page.fill("#text-2", HOSTILE)
    page.get_by_role("button", name="Make brief").click()
    summary = page.get_by_role("heading", name="Summary")
    summary.wait_for(timeout=120_000)
    assert page.locator("h2 + p").first.inner_text().count(".") >= 2
    assert page.get_by_role("heading", name="Where the sources disagree").is_visible()
    assert page.get_by_text(f"{SCRIPT} Iran could join forces with US").is_visible()
    assert page.locator("li[id^=src-]").count() == 3
    assert page.evaluate("window.pwned") is None
    with page.expect_download() as download:
        page.get_by_role("link", name="Download Markdown").click()
    saved = tmp_path / "brief.md"
    download.value.save_as(saved)
    assert saved.read_text(encoding="utf-8").startswith("# ")
    if shot := os.environ.get("STORYBRIEF_SCREENSHOT"):
        page.screenshot(path=ROOT / shot)
    page.close()
