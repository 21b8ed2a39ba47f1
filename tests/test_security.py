"""What a hostile article, URL or web page can do through storybrief: nothing.

Markdown output shows article text as text (a viewer renders raw HTML and
links), the address check sees the IPv4 address inside every IPv6 spelling,
and the web app answers only to its own host names and its own pages' POSTs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from storybrief.ingest import read_inputs, web
from storybrief.models import Agreement, Article, Brief, Entity, Event, Quote, SummarySentence
from storybrief.render import render
from storybrief.web import create_app
from storybrief.web.app import allowed_hosts

SVG = "<svg onload=alert(1)>"
LINK = "[x](javascript:alert(1))"
HOSTILE = f"{SVG} {LINK} <a href='https://evil.example'>y</a> <https://evil.example>"


def _hostile_brief() -> Brief:
    article = Article(
        id=f"a`{SVG}", source=f"{SVG}.txt", title=f"Title {HOSTILE}", paragraphs=["One."]
    )
    article.outlet = f"Outlet {SVG}"
    skipped = Article(id="b", source=f"http://x/{LINK}")
    skipped.skip(f"cannot read {HOSTILE}")
    return Brief(
        articles=[article, skipped],
        headline=f"Headline {HOSTILE}",
        summary=[SummarySentence(f"Summary {HOSTILE}.", [article.id], ["a:0"])],
        agreements=[Agreement(f"Agreed {HOSTILE}", [article.id], [article.id])],
        quotes=[Quote(f"Speaker {SVG}", f"Quote {HOSTILE}", [f"Quote {HOSTILE}"], [article.id])],
        timeline=[Event("2024-03-05", "on Tuesday", f"Event {HOSTILE}", [article.id])],
        entities=[Entity(f"Name {SVG}", "PERSON", [f"Alias {SVG}"], [article.id, "b"], 2)],
    )


def test_markdown_shows_article_html_and_links_as_text() -> None:
    md = render(_hostile_brief(), "md")
    text = re.sub(r"(`+).*?\1", "", md)  # code spans show HTML as it is
    assert not re.search(r"(?<!\\)<", text), "a tag or autolink a Markdown viewer would render"
    assert not re.search(r"(?<!\\)\]\(", text), "a link a Markdown viewer would render"
    assert "\\<svg onload=alert(1)\\>" in md and "\\[x\\](javascript:alert(1))" in md
    assert "Summary \\<svg" in md and "Agreed \\<svg" in md and "Event \\<svg" in md
    assert "# Headline \\<svg" in md


def test_an_id_with_a_backtick_stays_inside_its_code_span() -> None:
    md = render(_hostile_brief(), "md")
    assert f"``a`{SVG}``" in md  # a longer fence: the id cannot close it


@pytest.mark.parametrize(
    "address",
    [
        "::7f00:1",  # IPv4-compatible 127.0.0.1
        "::127.0.0.1",
        "::ffff:127.0.0.1",  # IPv4-mapped
        "::ffff:0:7f00:1",  # SIIT IPv4-translated
        "64:ff9b::7f00:1",  # NAT64 well-known prefix
        "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254, the cloud metadata service
        "64:ff9b:1::808:808",  # NAT64 local use: private whatever it embeds
        "2002:7f00:1::",  # 6to4 of 127.0.0.1
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
        "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
        "::1",
        "::",
        "fe80::1%eth0",
        "ff02::1",
    ],
)
def test_every_ipv6_spelling_of_a_private_address_is_refused(address: str) -> None:
    assert not web._is_public(address)


@pytest.mark.parametrize(
    "address", ["2606:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::"]
)
def test_ipv6_spellings_of_public_addresses_pass(address: str) -> None:
    assert web._is_public(address)


def test_a_refused_url_is_refused_before_any_request() -> None:
    (article,) = read_inputs(["http://[::ffff:0:7f00:1]:9/"])
    assert not article.ok and "private or local address" in (article.reason or "")


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), base_url="http://localhost:8000") as client:
        yield client


BRIDGE = (
    "Harbour bridge to close\n\nThe harbour bridge will close for six weeks from Monday, "
    "the city council said on Tuesday. Engineers found corrosion in two of its cables."
)


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.2", ""])
def test_an_unknown_host_header_is_refused(client: TestClient, host: str) -> None:
    answer = client.get("/", headers={"Host": host})
    assert answer.status_code == 421
    assert "does not answer to the name" in answer.text and "--allowed-host" in answer.text
    api = client.post("/api/brief", json={"texts": [BRIDGE]}, headers={"Host": host})
    assert api.status_code == 421 and "detail" in api.json()


@pytest.mark.parametrize("host", ["localhost:8000", "127.0.0.1:8000", "[::1]:8000", "LOCALHOST"])
def test_the_local_names_are_answered(client: TestClient, host: str) -> None:
    assert client.get("/", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "header",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://localhost:9999"},
        {"Referer": "https://evil.example/page.html"},
    ],
)
def test_a_cross_site_post_is_refused(client: TestClient, header: dict[str, str]) -> None:
    form = client.post("/brief", data={"text": [BRIDGE]}, headers=header)
    assert form.status_code == 403 and "Cross-site request refused" in form.text
    api = client.post("/api/brief", json={"texts": [BRIDGE]}, headers=header)
    assert api.status_code == 403


def test_a_post_from_the_apps_own_page_or_a_script_is_answered(client: TestClient) -> None:
    own = {"Origin": "http://localhost:8000", "Referer": "http://localhost:8000/"}
    assert client.post("/api/brief", json={"texts": [BRIDGE]}, headers=own).status_code == 200
    assert client.post("/api/brief", json={"texts": [BRIDGE]}).status_code == 200


def test_the_allowed_hosts_are_the_local_names_the_bound_address_and_extra_ones() -> None:
    assert allowed_hosts("127.0.0.1") == ["localhost", "127.0.0.1", "[::1]", "127.0.0.1"]
    assert allowed_hosts("::1", ["news.example"])[-2:] == ["[::1]", "news.example"]
    assert "0.0.0.0" not in allowed_hosts("0.0.0.0")
    with TestClient(create_app(hosts=["*"]), base_url="http://any.example") as anyone:
        assert anyone.get("/").status_code == 200


def test_a_web_user_is_not_told_to_pass_a_command_line_flag(client: TestClient) -> None:
    answer = client.post("/api/brief", json={"texts": [BRIDGE], "urls": ["http://127.0.0.1:9/"]})
    reason = next(a["reason"] for a in answer.json()["articles"] if a["status"] == "skipped")
    assert "--allow-private (" not in reason and "pass" not in reason
    assert "this server does not fetch private addresses" in reason
